"""Retrieval metrics from a labelled pair file (LCQMC's ``text_a<TAB>text_b<TAB>label``):
each matching pair's ``text_a`` is a query whose answer is its ``text_b``, in a bank of
every distinct ``text_b`` in the file. Recall@k is the share of queries whose answer is
among the first k; MRR@k the mean of 1/rank of the answer (0 past rank k)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from studio.core.data.reader import guess_roles, read_table
from studio.core.errors import ConfigError, DataFormatError
from studio.core.report import Reporter
from studio.core.retrieval.search import Hits

RECALL_AT = (1, 5, 10, 20)
MRR_AT = 10


@dataclass(frozen=True)
class RetrievalSet:
    """``queries[i]``'s answer is ``bank[answers[i]]``."""

    queries: list[str]
    bank: list[str]
    answers: np.ndarray


def retrieval_set(texts_a: list[str], texts_b: list[str], labels: list[str], positive: str = "1",
                  source: str | os.PathLike = "<list>") -> RetrievalSet:
    """The queries, bank and answers of aligned pair columns (see the module).

    Raises:
        DataFormatError: no pair is labelled ``positive``.
    """
    bank = list(dict.fromkeys(text.strip() for text in texts_b))
    where = {text: i for i, text in enumerate(bank)}
    queries, answers = [], []
    for a, b, label in zip(texts_a, texts_b, labels, strict=True):
        if label.strip() == positive:
            queries.append(a.strip())
            answers.append(where[b.strip()])
    if not queries:
        raise DataFormatError("retrieval.no_positive_pairs", file=source, positive=positive)
    return RetrievalSet(queries, bank, np.asarray(answers, dtype=np.int64))


def read_retrieval_set(path: str | os.PathLike, positive: str = "1", *,
                       report: Reporter | None = None) -> RetrievalSet:
    """:func:`retrieval_set` of a pair file read with
    :func:`~studio.core.data.reader.read_table`, its two text columns and label found as the
    Dataset tab finds them (:func:`~studio.core.data.reader.guess_roles`: LCQMC, ATEC with its
    id column, a CSV with a header).

    Raises:
        DataFormatError: the file cannot be read, or holds no matching pair.
        ConfigError: fewer than three columns.
        Cancelled: ``report`` was stopped.
    """
    path = Path(path)
    table = read_table(path, report=report)
    roles = guess_roles(table) if table.num_columns >= 3 else None
    if roles is None or roles.text_pair is None or roles.label is None:
        raise ConfigError("retrieval.no_such_column", file=path, columns=table.num_columns, column=3)
    columns = table.columns
    return retrieval_set(columns[roles.text], columns[roles.text_pair], columns[roles.label], positive, source=path)


def answer_ranks(hits: Hits, answers: np.ndarray) -> np.ndarray:
    """The 1-based rank of each query's answer in its hits, 0 where it was not recalled."""
    found = hits.indices == np.asarray(answers)[:, None]
    return np.where(found.any(axis=1), found.argmax(axis=1) + 1, 0)


def retrieval_metrics(hits: Hits, answers: np.ndarray, recall_at: tuple[int, ...] = RECALL_AT,
                      mrr_at: int = MRR_AT) -> dict[str, float]:
    """``{"recall@1": ..., "recall@5": ..., "mrr@10": ...}`` of ``hits`` against the
    answers. A cut-off past the hits' width counts what was recalled: recall at least
    ``max(recall_at)`` rows for every figure to mean what it says."""
    ranks = answer_ranks(hits, answers)
    found = ranks > 0
    metrics = {f"recall@{k}": float(np.mean(found & (ranks <= k))) for k in recall_at}
    reciprocal = np.where(found & (ranks <= mrr_at), 1.0 / np.maximum(ranks, 1), 0.0)
    metrics[f"mrr@{mrr_at}"] = float(np.mean(reciprocal))
    return metrics
