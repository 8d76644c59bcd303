"""Reading benchmarks/retrieval.py's figures: how far apart two rankings really are, how
the recall weight of the reranked order matters, and what LCQMC's single-answer labels allow.

Analysis for the benchmark's report only; the studio ranks as its Retrieval view shows.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0)  # recall weights swept


def reciprocal_ranks(indices: np.ndarray, answers: np.ndarray, cutoff: int = 10) -> np.ndarray:
    """``1 / rank`` of each query's answer in its ranked bank rows ``indices (Q, k)``, 0 when
    it is not within ``cutoff``: MRR@cutoff is their mean."""
    found = indices[:, :cutoff] == np.asarray(answers)[:, None]
    return np.where(found.any(axis=1), 1.0 / (found.argmax(axis=1) + 1), 0.0)


def weight_sweep(hits, probabilities: np.ndarray, answers: np.ndarray,
                 weights: tuple[float, ...] = WEIGHTS) -> dict:
    """MRR@10 of :func:`studio.core.retrieval.reranked_order` at each recall weight, and
    ``cross_fitted``: the weight chosen on the even-numbered queries scored on the odd ones
    and the other way round, the two halves' reciprocal ranks averaged (a weight never
    measured on the queries that chose it)."""
    from studio.core.retrieval import reranked_order

    ranks = {w: reciprocal_ranks(reranked_order(hits, probabilities, w).indices, answers) for w in weights}
    halves = [np.arange(len(answers)) % 2 == side for side in (0, 1)]
    held_out = []
    for choose, measure in (halves, halves[::-1]):
        chosen = max(weights, key=lambda w: ranks[w][choose].mean())
        held_out.append(ranks[chosen][measure])
    return {"mrr@10": {w: float(r.mean()) for w, r in ranks.items()},
            "cross_fitted": float(np.concatenate(held_out).mean())}


def paired_bootstrap(better: np.ndarray, baseline: np.ndarray, rounds: int = 2000, seed: int = 0) -> dict:
    """Mean of ``better - baseline`` (per-query reciprocal ranks) with a 95 % percentile
    interval over ``rounds`` resamples of the queries, and how many queries each side wins."""
    diff = np.asarray(better, dtype=float) - np.asarray(baseline, dtype=float)
    rng = np.random.default_rng(seed)
    means = [diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(rounds)]
    low, high = np.percentile(means, [2.5, 97.5])
    return {"mean": float(diff.mean()), "ci95": [float(low), float(high)],
            "better": int((diff > 0).sum()), "worse": int((diff < 0).sum())}


def label_ceiling(queries: list[str], bank: list[str]) -> dict:
    """What single-answer labels allow: queries whose text has several labelled answers
    (only one of them can be at rank 1, so Recall@1 cannot pass ``recall@1_ceiling``), and
    queries whose own text is in the bank (an identical question, found first by every
    method and counted wrong)."""
    counts = Counter(queries)
    in_bank = set(bank)
    return {"queries": len(queries), "distinct_texts": len(counts),
            "queries_sharing_text": sum(n for n in counts.values() if n > 1),
            "recall@1_ceiling": len(counts) / max(len(queries), 1),
            "query_text_in_bank": sum(query in in_bank for query in queries)}
