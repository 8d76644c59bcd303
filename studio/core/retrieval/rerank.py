"""Rerank recalled candidates with a pair model: a callable ``(queries, candidates) ->
match probability`` per pair, such as :class:`PairScorer` over a pair run's
:class:`~studio.core.inference.predictor.Predictor`."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from studio.core.retrieval.search import Hits
from studio.core.training.pair_metrics import positive_class

ScoreFn = Callable[[list[str], list[str]], np.ndarray]


class PairScorer:
    """The probability of ``positive`` (default: the run's positive class,
    :func:`~studio.core.training.pair_metrics.positive_class`) for each (query, candidate)
    pair, from a pair run's predictor."""

    def __init__(self, predictor, positive: str | None = None):
        names = list(predictor.label_names)
        self.predictor = predictor
        self.column = positive_class(names) if positive is None else names.index(positive)

    def __call__(self, queries: list[str], candidates: list[str]) -> np.ndarray:
        probabilities = self.predictor.probabilities(list(queries), list(candidates))
        return probabilities[:, self.column].numpy()


def rerank(queries: list[str], questions: list[str], hits: Hits, scorer: ScoreFn) -> Hits:
    """Each query's recalled bank rows in ``hits``, reordered by ``scorer``'s match
    probability (best first; equal probabilities keep the recall order), with those
    probabilities as scores. All pairs are scored in one call."""
    count, width = hits.indices.shape
    if count == 0 or width == 0:
        return hits
    left = [query for query in queries for _ in range(width)]
    right = [questions[i] for i in hits.indices.reshape(-1)]
    scores = np.asarray(scorer(left, right), dtype=np.float32).reshape(count, width)
    order = np.argsort(-scores, axis=1, kind="stable")
    return Hits(np.take_along_axis(hits.indices, order, axis=1), np.take_along_axis(scores, order, axis=1))
