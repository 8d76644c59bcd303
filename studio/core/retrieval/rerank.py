"""Rerank recalled candidates with a pair model: a callable ``(queries, candidates) ->
match probability`` per pair, such as :class:`PairScorer` over a pair run's
:class:`~studio.core.inference.predictor.Predictor`.

The reranked order interpolates the pair model with the recall that found the candidates,
as rerankers over BM25 commonly do (Wang, Zhuang & Zuccon, "BERT-based Dense Retrievers
Require Interpolation with BM25", ICTIR 2021): each candidate's match log-odds plus
``recall_weight`` times its recall score standardised over the query's candidates. A pair
model alone cannot tell apart several candidates it is sure of (LCQMC's bank holds many
paraphrases of a question); the recall score, lexical or by vectors, still can. Weight 0
orders by the match probability alone."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from studio.core.retrieval.search import Hits
from studio.core.text.tokenizers import SEP
from studio.core.training.pair_metrics import positive_class

ScoreFn = Callable[[list[str], list[str]], np.ndarray]
RECALL_WEIGHT = 1.0  # one standard deviation of recall score counts as one nat of match log-odds
PROBABILITY_FLOOR = 1e-6  # keeps the log-odds of a certain match finite


class PairScorer:
    """The probability of ``positive`` (default: the run's positive class,
    :func:`~studio.core.training.pair_metrics.positive_class`) for each (query, candidate)
    pair, from a pair run's predictor (a pair model reading both sides apart, or a
    classifier reading ``a <sep> b``)."""

    def __init__(self, predictor, positive: str | None = None):
        names = list(predictor.label_names)
        self.predictor = predictor
        self.column = positive_class(names) if positive is None else names.index(positive)

    def __call__(self, queries: list[str], candidates: list[str]) -> np.ndarray:
        """Match probabilities ``(N,)`` of ``N`` aligned (query, candidate) pairs."""
        probabilities = self.predictor.probabilities(list(queries), list(candidates))
        return probabilities[:, self.column].numpy()

    def score_hits(self, queries: list[str], questions: list[str], indices: np.ndarray,
                   row_tokens: dict[int, list[str]] | None = None) -> np.ndarray:
        """Match probabilities ``(Q, k)`` of each query with its candidates
        ``questions[indices[q, j]]``. Each query and each distinct candidate is tokenized
        once (:meth:`~studio.core.inference.predictor.Predictor.tokenize`'s tokenizer),
        and the pairs are scored from those tokens in one call
        (:meth:`~studio.core.inference.predictor.Predictor.probabilities_of_tokens`):
        a query's tokens are not cut again for each of its k candidates. ``row_tokens``
        (bank row -> tokens), when given, keeps the candidates' tokens across calls over
        the same ``questions`` (blocks of one evaluation)."""
        p = self.predictor
        count, width = indices.shape
        query_tokens = p.tokenizer.tokenize_many(list(queries))
        row_tokens = {} if row_tokens is None else row_tokens
        rows = [i for i in np.unique(indices).tolist() if i not in row_tokens]
        row_tokens.update(zip(rows, p.tokenizer.tokenize_many([questions[i] for i in rows]), strict=True))
        side_a = [query_tokens[q] for q in range(count) for _ in range(width)]
        side_b = [row_tokens[i] for i in indices.reshape(-1).tolist()]
        if p.takes_pairs:
            probabilities = p.probabilities_of_tokens(side_a, side_b)
        else:  # one sequence, as Tokenizer.tokenize_pair cuts it: tokens(a) + [<sep>] + tokens(b)
            probabilities = p.probabilities_of_tokens([a + [SEP] + b for a, b in zip(side_a, side_b, strict=True)])
        return probabilities[:, self.column].numpy().reshape(count, width)


def rerank(queries: list[str], questions: list[str], hits: Hits, scorer: ScoreFn,
           row_tokens: dict[int, list[str]] | None = None, recall_weight: float = RECALL_WEIGHT) -> Hits:
    """Each query's recalled bank rows in ``hits``, reordered by :func:`reranked_order`
    of ``scorer``'s match probabilities and the recall scores (best first), with those
    probabilities as scores. All pairs are scored in one call: through
    ``scorer.score_hits(queries, questions, indices, row_tokens)`` when it has one
    (:class:`PairScorer`: each query and candidate tokenized once; ``row_tokens`` keeps
    the candidates' tokens across calls), else ``scorer(left, right)`` on the ``Q * k``
    pairs spelled out."""
    count, width = hits.indices.shape
    if count == 0 or width == 0:
        return hits
    if callable(getattr(scorer, "score_hits", None)):
        scores = np.asarray(scorer.score_hits(list(queries), questions, hits.indices, row_tokens), dtype=np.float32)
    else:
        left = [query for query in queries for _ in range(width)]
        right = [questions[i] for i in hits.indices.reshape(-1)]
        scores = np.asarray(scorer(left, right), dtype=np.float32)
    return reranked_order(hits, scores.reshape(count, width), recall_weight)


def reranked_order(hits: Hits, probabilities: np.ndarray, recall_weight: float = RECALL_WEIGHT) -> Hits:
    """``hits (Q, k)`` reordered, best first, by ``logit(p) + recall_weight * z`` where ``p``
    is each candidate's match probability (``probabilities (Q, k)``, aligned with
    ``hits.indices``; clipped to [1e-6, 1 - 1e-6]) and ``z`` its recall score in
    ``hits.scores`` standardised over the query's ``k`` candidates (0 where they are all
    equal). Equal keys keep the recall order. The scores returned are the probabilities.

    Raises:
        ValueError: ``recall_weight`` is negative or not finite, or the shapes differ.
    """
    if not np.isfinite(recall_weight) or recall_weight < 0:
        raise ValueError(f"recall_weight must be a finite number >= 0, not {recall_weight}")
    probabilities = np.asarray(probabilities, dtype=np.float32)
    if probabilities.shape != hits.indices.shape:
        raise ValueError(f"probabilities {probabilities.shape} do not match the hits {hits.indices.shape}")
    p = np.clip(probabilities.astype(np.float64), PROBABILITY_FLOOR, 1 - PROBABILITY_FLOOR)
    key = np.log(p) - np.log1p(-p)
    if recall_weight > 0:
        recall = np.asarray(hits.scores, dtype=np.float64)
        spread = recall.std(axis=1, keepdims=True)
        standardised = np.divide(recall - recall.mean(axis=1, keepdims=True), spread,
                                 out=np.zeros_like(recall), where=spread > 0)
        key = key + recall_weight * standardised
    order = np.argsort(-key, axis=1, kind="stable")
    return Hits(np.take_along_axis(hits.indices, order, axis=1), np.take_along_axis(probabilities, order, axis=1))
