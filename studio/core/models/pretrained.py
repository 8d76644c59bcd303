"""Start a model's token embedding from word vectors, and freeze it if asked.

Vectors come from :func:`studio.core.embeddings.vectors.load_vectors` (word2vec text or
binary, optionally gzipped, or ``.npz`` + vocabulary). Rows are matched by token.
Tokens without a vector, and UNK, are drawn from U[-a, a] with ``a`` chosen so they
have the variance of the pretrained vectors, as Kim (2014) does for words missing
from word2vec; PAD stays zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import torch
from torch import nn

from studio.core.embeddings.coverage import Coverage, measure_coverage
from studio.core.embeddings.vectors import load_vectors
from studio.core.errors import ConfigError, DataFormatError
from studio.core.messages import message
from studio.core.report import Reporter
from studio.core.text.vocab import PAD_ID, UNK_ID


def fill_embedding_(weight: torch.Tensor, vectors, vocab: Sequence[str]) -> int:
    """Copy the vector of each token of ``vocab`` (V tokens, id order) into its row of
    ``weight (V, E)``; draw the other rows (UNK included) from U[-a, a] with
    a = sqrt(3) * std of the copied values, so they have the pretrained vectors'
    variance (Kim 2014, section 3.1); zero the PAD row. With no token found the weight
    is left as it was. Returns how many rows were copied.

    Raises:
        ConfigError: ``vectors.vector_size`` differs from ``E``.
    """
    dim = weight.shape[1]
    if vectors.vector_size != dim:
        raise ConfigError("config.field", field="embedding_dim", problem=message(
            "vectors.dimension_mismatch", vectors_dim=vectors.vector_size, dim=dim))
    keys = vectors.key_to_index
    ours = [i for i, token in enumerate(vocab) if i > UNK_ID and token in keys]
    if not ours:
        return 0
    theirs = [keys[vocab[i]] for i in ours]
    values = torch.as_tensor(vectors.vectors[theirs], dtype=weight.dtype, device=weight.device)
    bound = float(values.std()) * 3 ** 0.5 if values.numel() > 1 else 0.25
    with torch.no_grad():
        nn.init.uniform_(weight, -bound, bound)
        weight[ours] = values
        weight[PAD_ID].zero_()
    return len(ours)


def apply_embedding_options(model: nn.Module, vocab: Sequence[str],
                            counts: Sequence[int] | None = None,
                            report: Reporter | None = None) -> Coverage | None:
    """Fill ``model.embedding`` from ``model.config.pretrained_vectors`` (with
    :func:`fill_embedding_`) and freeze it if ``model.config.freeze_embedding``.

    Args:
        vocab: the run's tokens, id order.
        counts: occurrences of each id in the training texts, for the coverage report.
        report: the reading's progress (0..1 of the vectors file) and stop; stopping
            it stops reading a large vectors file.

    Returns:
        The coverage when vectors were loaded, else ``None``.

    Raises:
        ConfigError: naming ``pretrained_vectors`` for an unreadable file, or both sizes
            when the vectors' dimension differs from ``embedding_dim``.
        Cancelled: ``report`` was stopped while reading.
    """
    config = getattr(model, "config", None)
    embedding = getattr(model, "embedding", None)
    if embedding is None or not hasattr(config, "pretrained_vectors"):
        return None
    coverage = None
    if config.pretrained_vectors:
        try:
            vectors = load_vectors(config.pretrained_vectors, config.pretrained_vocab or None,
                                   config.pretrained_limit or None, report=report)
        except DataFormatError as exc:
            raise ConfigError("config.field", field="pretrained_vectors", problem=exc) from None
        try:
            fill_embedding_(embedding.weight, vectors, vocab)
        except ConfigError as exc:
            raise ConfigError("vectors.in_file", problem=exc,
                              file=Path(config.pretrained_vectors).name) from None
        coverage = measure_coverage(vectors, vocab, counts)
    if config.freeze_embedding:
        embedding.weight.requires_grad_(False)
    return coverage
