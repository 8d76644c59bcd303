"""Start a model's token embedding from pretrained word vectors, and freeze it if asked.

Vectors are read with gensim (Řehůřek & Sojka 2010): word2vec text (``.txt``/``.vec``,
with or without the ``count dim`` header line, so GloVe files work too), word2vec binary
(``.bin``) or gensim's own ``KeyedVectors`` files (``.kv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from studio.core.errors import ConfigError
from studio.core.text.vocab import UNK_ID


@dataclass(frozen=True)
class Coverage:
    """How many vocabulary tokens (PAD and UNK excluded) found a pretrained vector."""

    path: str
    found: int
    total: int

    def describe(self) -> str:
        share = self.found / self.total if self.total else 0.0
        return f"{Path(self.path).name}: {self.found:,} of {self.total:,} tokens have vectors ({share:.1%})"


def load_vectors(path: str | Path):
    """Read word vectors into a gensim ``KeyedVectors``.

    Raises:
        ConfigError: naming ``pretrained_vectors`` and the file, when it is missing or
            not a word-vector file.
    """
    from gensim.models import KeyedVectors  # gensim is slow to import; only load it when used

    path = Path(path).expanduser()
    if not path.is_file():
        raise ConfigError(f"pretrained_vectors: {path} does not exist; choose a word-vector file "
                          f"or leave the field empty for random initialisation.")
    try:
        if path.suffix == ".kv":
            return KeyedVectors.load(str(path))
        binary = path.suffix == ".bin"
        return KeyedVectors.load_word2vec_format(str(path), binary=binary,
                                                 no_header=not binary and not _has_header(path))
    except Exception as exc:  # gensim raises many types for a malformed file
        raise ConfigError(f"pretrained_vectors: cannot read {path} as word vectors ({exc}). "
                          f"Use a word2vec text or binary file, or a gensim .kv file.") from None


def _has_header(path: Path) -> bool:
    with path.open("rb") as handle:
        first = handle.readline().split()
    return len(first) == 2 and all(part.isdigit() for part in first)


def apply_embedding_options(model: nn.Module, vocab: list[str]) -> Coverage | None:
    """Fill ``model.embedding`` from ``model.config.pretrained_vectors`` and freeze it if
    ``model.config.freeze_embedding``. Tokens without a vector keep their random start;
    PAD and UNK keep theirs.

    Returns:
        The coverage when vectors were loaded, else ``None``.

    Raises:
        ConfigError: unreadable file, or vectors whose size differs from ``embedding_dim``.
    """
    config = getattr(model, "config", None)
    embedding = getattr(model, "embedding", None)
    if embedding is None or not hasattr(config, "pretrained_vectors"):
        return None
    coverage = None
    if config.pretrained_vectors:
        vectors = load_vectors(config.pretrained_vectors)
        weight = embedding.weight
        if vectors.vector_size != weight.shape[1]:
            raise ConfigError(
                f"pretrained_vectors: {Path(config.pretrained_vectors).name} holds "
                f"{vectors.vector_size}-dimensional vectors but embedding_dim is {weight.shape[1]}; "
                f"set embedding_dim to {vectors.vector_size}.")
        rows = [(i, vectors.key_to_index[token]) for i, token in enumerate(vocab)
                if i > UNK_ID and token in vectors.key_to_index]
        if rows:
            ours, theirs = zip(*rows)
            with torch.no_grad():
                weight[list(ours)] = torch.as_tensor(vectors.vectors[list(theirs)], dtype=weight.dtype,
                                                     device=weight.device)
        coverage = Coverage(config.pretrained_vectors, len(rows), max(0, len(vocab) - 2))
    if config.freeze_embedding:
        embedding.weight.requires_grad_(False)
    return coverage
