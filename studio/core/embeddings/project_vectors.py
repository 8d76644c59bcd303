"""Word vectors as part of a project: trained on its data, or imported, and described.

A project lists its vector sets (:class:`VectorSet`). Trained vectors are written at
once, in the word2vec binary format, to a scratch folder in the studio's cache so a
model can start from them before the project is saved; saving the project copies them
into ``<project>/vectors/``. Imported vectors stay where they are (published sets are
gigabytes) and are referenced by path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from studio.core.data.dataset import column_values, load_splits
from studio.core.data.prepare import prepare
from studio.core.data.reader import Table, read_table
from studio.core.embeddings.coverage import Coverage, measure_coverage, token_counts
from studio.core.embeddings.vectors import load_vectors, save_vectors
from studio.core.embeddings.word2vec import Word2VecConfig, train_word2vec
from studio.core.errors import ConfigError
from studio.core.fileio import cache_root
from studio.core.messages import Message, message
from studio.core.report import Reporter
from studio.core.settings import Settings
from studio.core.text.encoding import encode
from studio.core.text.tokenizers import Tokenizer, TokenizerConfig
from studio.core.text.vocab import Vocab

PROJECT_FOLDER = "vectors"


class VectorSet(BaseModel):
    """One set of word vectors a project knows: where it is and what it holds."""

    model_config = ConfigDict(extra="forbid")

    name: str
    path: str = Field(description="The vectors file.")
    vocab_path: str = Field("", description="Vocabulary file of an .npz; empty otherwise.")
    source: Literal["trained", "imported"]
    dimension: int = Field(ge=1)
    count: int = Field(ge=0, description="Number of vectors (words).")
    word2vec: Word2VecConfig | None = Field(None, description="Settings it was trained with.")
    tokenizer: TokenizerConfig | None = Field(None, description="Tokenizer of the texts it was trained on.")
    data: str = Field("", description="Training data file it was trained on.")
    limit: int = Field(0, ge=0, description="Only the first `limit` vectors of the file are used; 0: all.")

    def describe(self) -> Message:
        """``"12,345 words × 100 dimensions, trained on news.tsv"`` (or ``imported from ...``)."""
        if self.source == "trained":
            return message("vectors.describe_trained", count=self.count, dimension=self.dimension,
                           data=Path(self.data).name)
        return message("vectors.describe_imported", count=self.count, dimension=self.dimension,
                       file=Path(self.path).name)


def scratch_dir() -> Path:
    """Where vectors trained in an unsaved project wait: ``<cache>/vectors``."""
    return cache_root() / "vectors"


def _unlabeled_rows(settings: Settings, tables: dict[str, Table] | None) -> tuple[list[str], list[str] | None]:
    """Every row's text (and pair text) of the training file: without a label column
    there is nothing to split by.

    Raises:
        StudioError: no training file, an unreadable file or a missing column.
    """
    config = settings.dataset
    if not config.train:
        raise ConfigError("config.field", field="train", problem=message("vectors.open_data_first"))
    table = (tables or {}).get(config.train) or read_table(
        config.train, config.delimiter, config.has_header, config.encoding)
    return (column_values(table, config.text_column, "text_column"),
            column_values(table, config.text_pair_column, "text_pair_column"))


def training_sentences(settings: Settings, tables: dict[str, Table] | None = None) -> list[list[str]]:
    """Token lists of the training split, cut by the project's tokenizer; each text of
    a pair is its own sentence. Without a label column, every row of the file.

    Raises:
        StudioError: the data cannot be read or split (see ``load_splits``).
    """
    if settings.dataset.label_column is None:
        texts, pairs = _unlabeled_rows(settings, tables)
    else:
        train = load_splits(settings.dataset, tables).train
        texts, pairs = train.texts, train.pairs
    return Tokenizer(settings.text.tokenizer).tokenize_many(list(texts) + list(pairs or []))


@dataclass(frozen=True)
class AddedVectors:
    """A vector set new to the project (``entry``) and its loaded ``KeyedVectors``."""

    entry: VectorSet
    vectors: object


def train_project_vectors(settings: Settings, tables: dict[str, Table] | None, config: Word2VecConfig,
                          report: Reporter | None = None) -> AddedVectors:
    """Train word2vec on the project's training texts and write the vectors to
    :func:`scratch_dir`.

    ``report`` gets the stages ``vectors.stage_tokenizing`` and ``vectors.stage_training``
    (``texts=``), then word2vec's progress and :class:`~studio.core.embeddings.word2vec.Word2VecProgress`
    events (see :func:`~studio.core.embeddings.word2vec.train_word2vec`).

    Returns:
        :class:`AddedVectors`: the new :class:`VectorSet` and the gensim ``KeyedVectors``.

    Raises:
        StudioError: unreadable data, no token reaching ``min_count``; ``Cancelled`` when stopped.
    """
    report = report or Reporter()
    report.stage("vectors.stage_tokenizing")
    sentences = training_sentences(settings, tables)
    report.check()
    report.stage("vectors.stage_training", texts=len(sentences))
    vectors = train_word2vec(sentences, config, report)
    base = name = f"word2vec-{config.algorithm}-{config.vector_size}d-{datetime.now():%Y%m%d-%H%M%S}"
    number = 1
    while (scratch_dir() / f"{name}.bin").exists():  # two trainings within one second
        number += 1
        name = f"{base}-{number}"
    path = save_vectors(vectors, scratch_dir() / f"{name}.bin")
    entry = VectorSet(name=name, path=str(path), source="trained", dimension=vectors.vector_size,
                      count=len(vectors), word2vec=config, tokenizer=settings.text.tokenizer,
                      data=settings.dataset.train or "")
    return AddedVectors(entry, vectors)


def import_vectors(path: str | Path, vocab_path: str | Path | None = None, limit: int | None = None,
                   report: Reporter | None = None) -> AddedVectors:
    """Read a vectors file (see :func:`~studio.core.embeddings.vectors.load_vectors`;
    ``report`` gets the fraction of the file read and may stop it).

    Returns:
        :class:`AddedVectors`: a :class:`VectorSet` that references the file in place,
        and the ``KeyedVectors``.

    Raises:
        DataFormatError: unreadable file; ``Cancelled`` when stopped.
    """
    vectors = load_vectors(path, vocab_path, limit, report)
    path = Path(path).expanduser().absolute()
    limited = bool(limit) and len(vectors) >= limit
    name = path.name + (f" (first {limit:,})" if limited else "")
    entry = VectorSet(name=name, path=str(path), vocab_path=str(vocab_path or ""), source="imported",
                      dimension=vectors.vector_size, count=len(vectors), limit=limit if limited else 0)
    return AddedVectors(entry, vectors)


def vocabulary_coverage(settings: Settings, tables: dict[str, Table] | None, vectors) -> Coverage:
    """Coverage of the vocabulary the project's next run will build (training split,
    tokenizer, ``min_freq``, ``max_size``, ``max_len``) by ``vectors``; without a label
    column, of the vocabulary of every row.

    Raises:
        StudioError: the data cannot be read or split.
    """
    text = settings.text
    if settings.dataset.label_column is None:
        tokens = Tokenizer(text.tokenizer).tokenize_many(*_unlabeled_rows(settings, tables))
        vocab = Vocab.build(tokens, text.min_freq, text.max_size)
        ids, _ = encode(tokens, vocab, text.max_len)
    else:
        data = prepare(load_splits(settings.dataset, tables), text, pairs_apart=settings.pairs_apart)
        vocab, ids = data.vocab, data.train.ids
    return measure_coverage(vectors, vocab.tokens, token_counts(ids, len(vocab)))
