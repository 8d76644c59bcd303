"""Retrieval indexes of a project: build one from a question bank, keep it in the
project, load it back, search it, and rerank with a pair run.

Public API (what the Retrieval view and ``studio retrieve`` use)::

    RECALL_METHODS = ("bm25", "word_vectors", "siamese")
    class IndexSpec(BaseModel)       # method, tokenizer, lowercase, k1, b, vectors, run,
                                     # question_column, answer_column, bank_file (extra="forbid")
    class IndexInfo(BaseModel)       # name, spec, count, dimension, has_answers, built_at
    class RetrievalIndex:            # info, bank, recall; .name .spec .matrix
        search(queries: list[str], k: int = 10) -> Hits
    build_index(bank: QuestionBank, spec: IndexSpec, project: Project, name: str = "index",
                report: Reporter | None = None, *, vectors=None) -> RetrievalIndex
    add_index(project, index: RetrievalIndex) -> None      # kept, written by project.save()
    remove_index(project, name: str) -> None               # deleted from the folder on save
    index_names(project) -> list[str]
    index_info(project, name: str) -> IndexInfo
    load_index(project, name: str, report: Reporter | None = None, *, vectors=None) -> RetrievalIndex
    pair_runs(project) -> list[Run]                        # runs that can rerank
    encoder_runs(project) -> list[Run]                     # Siamese runs that give vectors
    pair_scorer(project, run_id: str) -> PairScorer
    rerank_hits(index: RetrievalIndex, queries, hits: Hits, scorer: PairScorer) -> Hits
    evaluate_retrieval(rset: RetrievalSet, spec, project, scorer=None, depth=20, report=None,
                       *, vectors=None) -> Evaluation   # Recall@1/5/10/20, MRR@10, alone and reranked

``vectors=`` passes a vector set's gensim ``KeyedVectors`` already in memory (the Vectors
tab's), so it is not read again. The indexes live in ``<project>/retrieval/<name>/`` (see
:mod:`studio.core.retrieval.stored`), travel with Save, Save As and the project archive,
and are listed when the project opens (``project.indexes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from studio.core.errors import ConfigError, ProjectError
from studio.core.report import Reporter
from studio.core.retrieval.bank import QuestionBank
from studio.core.retrieval.lexical import BM25Recall
from studio.core.retrieval.rerank import RECALL_WEIGHT, PairScorer, rerank
from studio.core.retrieval.search import Hits
from studio.core.retrieval.stored import (
    RECALL_METHODS,
    IndexInfo,
    IndexSpec,
    StoredIndex,
    check_index_name,
    read_bank_file,
    read_matrix,
)
from studio.core.retrieval.vectors import AveragedWordVectors, SentenceEncoder, VectorRecall
from studio.core.text.tokenizers import Tokenizer, TokenizerConfig

if TYPE_CHECKING:
    from studio.core.project import Project
    from studio.core.project_runs import Run

__all__ = [
    "RECALL_METHODS", "Evaluation", "IndexInfo", "IndexSpec", "RetrievalIndex", "add_index", "build_index",
    "encoder_runs", "evaluate_retrieval",
    "index_info", "index_names", "load_index", "pair_runs", "pair_scorer", "remove_index", "rerank_hits",
]


@dataclass
class RetrievalIndex:
    """A question bank ready to search: ``info`` (name, spec, sizes), the ``bank`` and its
    ``recall`` (:class:`~studio.core.retrieval.lexical.BM25Recall` or
    :class:`~studio.core.retrieval.vectors.VectorRecall`)."""

    info: IndexInfo
    bank: QuestionBank
    recall: BM25Recall | VectorRecall

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def spec(self) -> IndexSpec:
        return self.info.spec

    @property
    def matrix(self) -> np.ndarray | None:
        """The bank's normalised sentence vectors ``(N, D)`` float32; ``None`` for BM25."""
        return getattr(self.recall, "matrix", None)

    def search(self, queries: list[str], k: int = 10) -> Hits:
        """The ``k`` best bank rows per query, best first: ``Hits.indices (Q, k)`` index
        ``bank.questions``; ``Hits.scores (Q, k)`` are BM25 scores or cosines.

        Raises:
            ValueError: ``k`` below 1.
        """
        return self.recall.search(list(queries), k)


# ----- what a project offers -----------------------------------------------------------
def pair_runs(project: Project) -> list[Run]:
    """The project's runs that score a pair (trained on sentence pairs): rerankers."""
    return [run for run in project.runs if run.settings.task == "pair"]


def encoder_runs(project: Project) -> list[Run]:
    """The project's runs whose model gives sentence vectors (Siamese encoders)."""
    from studio.core.models import get_entry

    return [run for run in pair_runs(project)
            if callable(getattr(get_entry(run.settings.model.type).model_cls, "encode", None))]


def _run(project: Project, run_id: str) -> Run:
    for run in project.runs:
        if run.id == run_id:
            return run
    raise ConfigError("retrieval.no_such_run", run=run_id, runs=", ".join(r.id for r in project.runs) or "-")


def _vector_set(project: Project, name: str):
    for entry in project.vectors:
        if entry.name == name:
            return entry
    raise ConfigError("retrieval.no_such_vectors", name=name,
                      names=", ".join(v.name for v in project.vectors) or "-")


def _tokenizer(spec: IndexSpec, default: TokenizerConfig | None = None) -> Tokenizer:
    kind = spec.tokenizer or (default.type if default is not None else "char")
    return Tokenizer(TokenizerConfig(type=kind, lowercase=spec.lowercase))


def _encoder(spec: IndexSpec, project: Project, report: Reporter, vectors):
    """The text -> vector function of a vector spec, and the spec as resolved (tokenizer
    filled in)."""
    if spec.method == "word_vectors":
        if not spec.vectors:
            raise ConfigError("retrieval.needs_vectors")
        entry = _vector_set(project, spec.vectors)
        if vectors is None:
            if project.is_pending(entry.path):
                raise ProjectError("retrieval.vectors_not_agreed", name=entry.name, file=entry.path)
            from studio.core.embeddings.vectors import load_vectors

            report.stage("retrieval.stage_reading_vectors", name=entry.name)
            vectors = load_vectors(entry.path, entry.vocab_path or None, entry.limit or None, report.part(0, 0.3))
        tokenizer = _tokenizer(spec, entry.tokenizer)
        return AveragedWordVectors(vectors, tokenizer), spec.model_copy(update={"tokenizer": tokenizer.config.type})
    if not spec.run:
        raise ConfigError("retrieval.needs_run")
    from studio.core.inference.predictor import Predictor

    return SentenceEncoder(Predictor(_run(project, spec.run))), spec


# ----- building and keeping ------------------------------------------------------------
def build_index(bank: QuestionBank, spec: IndexSpec, project: Project, name: str = "index",
                report: Reporter | None = None, *, vectors=None) -> RetrievalIndex:
    """Index ``bank`` for recall by ``spec.method``: BM25 term weights (``bm25s``), or the
    bank's sentence vectors ``(N, D)`` from the project's vector set ``spec.vectors``
    (averaged word vectors) or Siamese run ``spec.run``. ``report`` gets stages and may
    stop it. The index is not part of the project until :func:`add_index`.

    Raises:
        ConfigError: a bad name, a missing vector set or run, or a run that gives no
            sentence vectors.
        ProjectError: the vector set lies outside the project and was not agreed to.
        DataFormatError: the vectors file cannot be read.
        Cancelled: ``report`` was stopped.
    """
    report = report or Reporter()
    try:
        check_index_name(name)
    except ValueError as exc:
        raise ConfigError(exc.message.code, **exc.message.params) from None
    if spec.method == "bm25":
        spec = spec.model_copy(update={"tokenizer": spec.tokenizer or "char"})
        recall = BM25Recall(bank.questions, _tokenizer(spec), spec.k1, spec.b, report=report)
    else:
        encoder, spec = _encoder(spec, project, report, vectors)
        report.check()
        report.stage("retrieval.stage_encoding", count=len(bank))
        recall = VectorRecall(bank.questions, encoder, spec.method)
    report.check()
    from studio import __version__

    info = IndexInfo(name=name, spec=spec, count=len(bank), dimension=0 if spec.method == "bm25" else
                     recall.matrix.shape[1], has_answers=bank.answers is not None,
                     built_at=datetime.now().astimezone().isoformat(timespec="seconds"), studio=__version__)
    return RetrievalIndex(info, bank, recall)


def index_names(project: Project) -> list[str]:
    """The names of the project's indexes, in order."""
    return [entry.name for entry in project.indexes]


def _entry(project: Project, name: str) -> StoredIndex:
    for entry in project.indexes:
        if entry.name == name:
            return entry
    raise ConfigError("retrieval.no_such_index", name=name, names=", ".join(index_names(project)) or "-")


def index_info(project: Project, name: str) -> IndexInfo:
    """What the project knows of its index ``name`` without loading it.

    Raises:
        ConfigError: no such index.
    """
    return _entry(project, name).info


def add_index(project: Project, index: RetrievalIndex) -> None:
    """Keep ``index`` in the project (replacing one of the same name); the next
    ``project.save()`` writes it."""
    project.indexes = [e for e in project.indexes if e.name != index.name] + [StoredIndex(index.info, None, index)]


def remove_index(project: Project, name: str) -> None:
    """Drop the index ``name``; the next save into the same folder deletes its files.

    Raises:
        ConfigError: no such index.
    """
    _entry(project, name)
    project.indexes = [e for e in project.indexes if e.name != name]


def load_index(project: Project, name: str, report: Reporter | None = None, *, vectors=None) -> RetrievalIndex:
    """The project's index ``name`` ready to search: one built in this session as it is;
    a saved one read from its folder (bank and vectors checked, see
    :mod:`~studio.core.retrieval.stored`; BM25 rebuilt from the bank) with its query
    encoder from the project's vector set or run.

    Raises:
        ConfigError: no such index; its vector set or run is gone.
        ProjectError: its files are damaged, hostile or do not match ``index.json``;
            the encoder gives vectors of another dimension than were stored.
        Cancelled: ``report`` was stopped.
    """
    report = report or Reporter()
    entry = _entry(project, name)
    if entry.index is not None:
        return entry.index
    root = project.path
    if root is None:
        raise ProjectError("retrieval.index_not_saved", name=name)
    info = entry.info
    report.stage("retrieval.stage_reading_index", name=name)
    bank = read_bank_file(entry, root)
    report.check()
    if info.spec.method == "bm25":
        recall = BM25Recall(bank.questions, _tokenizer(info.spec), info.spec.k1, info.spec.b, report=report)
    else:
        matrix = read_matrix(entry, root)
        encoder, _ = _encoder(info.spec, project, report, vectors)
        probe = encoder(["?"])
        if probe.shape[1] != info.dimension:
            raise ProjectError("retrieval.dimension_changed", name=name, stored=info.dimension,
                               now=probe.shape[1])
        recall = VectorRecall.from_matrix(matrix, encoder, info.spec.method)
    index = RetrievalIndex(info, bank, recall)
    entry.index = index
    return index


# ----- reranking -------------------------------------------------------------------------
def pair_scorer(project: Project, run_id: str) -> PairScorer:
    """A :class:`~studio.core.retrieval.rerank.PairScorer` over the project's pair run
    ``run_id`` (ESIM, Siamese, or a classifier reading ``a <sep> b``).

    Raises:
        ConfigError: no such run, or a run not trained on sentence pairs.
    """
    from studio.core.inference.predictor import Predictor

    run = _run(project, run_id)
    if run.settings.task != "pair":
        raise ConfigError("retrieval.not_a_pair_run", run=run_id)
    return PairScorer(Predictor(run))


def rerank_hits(index: RetrievalIndex, queries: list[str], hits: Hits, scorer: PairScorer,
                recall_weight: float = RECALL_WEIGHT) -> Hits:
    """``hits`` of ``queries`` in ``index`` reordered by ``scorer``'s match probability and
    ``recall_weight`` times the recall score (best first), each query and each distinct
    candidate tokenized once (see :func:`~studio.core.retrieval.rerank.rerank`)."""
    return rerank(list(queries), index.bank.questions, hits, scorer, recall_weight=recall_weight)


# ----- measuring --------------------------------------------------------------------------
RERANK_BLOCK = 64  # queries reranked at once while evaluating: 64 × depth pairs
@dataclass(frozen=True)
class Evaluation:
    """Retrieval metrics (:func:`~studio.core.retrieval.metrics.retrieval_metrics`:
    ``recall@1/5/10/20``, ``mrr@10``) of a recall alone and, with a scorer, after
    reranking its top ``depth``; ``queries`` and ``bank`` are the set's sizes."""

    recall: dict[str, float]
    reranked: dict[str, float] | None
    queries: int
    bank: int


def evaluate_retrieval(rset, spec: IndexSpec, project: Project, scorer: PairScorer | None = None,
                       depth: int = 20, report: Reporter | None = None, *, vectors=None,
                       recall_weight: float = RECALL_WEIGHT) -> Evaluation:
    """Build ``spec``'s recall over ``rset.bank`` (a :class:`~studio.core.retrieval.metrics.RetrievalSet`,
    e.g. from :func:`~studio.core.retrieval.metrics.read_retrieval_set`), recall the top
    ``depth`` of each query, and measure; with ``scorer``, also after reranking them (in
    blocks of :data:`RERANK_BLOCK` queries, ``report`` getting the progress and able to stop it;
    ``recall_weight`` as :func:`~studio.core.retrieval.rerank.reranked_order`).

    Raises:
        as :func:`build_index`; ValueError: ``depth`` below 1.
    """
    from studio.core.retrieval.metrics import retrieval_metrics

    report = report or Reporter()
    building = 0.5 if scorer is not None else 0.9
    index = build_index(QuestionBank(list(rset.bank)), spec, project, "evaluation", report.part(0, building),
                        vectors=vectors)
    hits = index.search(rset.queries, depth)
    report.progress(building + 0.05)
    reranked = None
    if scorer is not None:
        blocks, count, row_tokens = [], len(rset.queries), {}  # a bank row is tokenized once, whatever its blocks
        for start in range(0, count, RERANK_BLOCK):
            report.check()
            block = Hits(hits.indices[start:start + RERANK_BLOCK], hits.scores[start:start + RERANK_BLOCK])
            blocks.append(rerank(rset.queries[start:start + RERANK_BLOCK], rset.bank, block, scorer, row_tokens,
                                 recall_weight))
            report.progress(building + 0.05 + (0.95 - building) * min(1.0, (start + RERANK_BLOCK) / count))
        reranked = retrieval_metrics(Hits(np.concatenate([b.indices for b in blocks]),
                                          np.concatenate([b.scores for b in blocks])), rset.answers)
    report.progress(1.0)
    return Evaluation(retrieval_metrics(hits, rset.answers), reranked, len(rset.queries), len(rset.bank))
