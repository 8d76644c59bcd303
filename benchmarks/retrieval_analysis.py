"""Reading benchmarks/retrieval.py's figures: how far apart two rankings really are, what
fusing recall and rerank ranks would give, and what LCQMC's single-answer labels allow.

Analysis for the benchmark's report only; the studio ranks as its Retrieval view shows.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

RRF_K = 60  # Cormack, Clarke & Büttcher (SIGIR 2009): reciprocal rank fusion, their k


def reciprocal_ranks(indices: np.ndarray, answers: np.ndarray, cutoff: int = 10) -> np.ndarray:
    """``1 / rank`` of each query's answer in its ranked bank rows ``indices (Q, k)``, 0 when
    it is not within ``cutoff``: MRR@cutoff is their mean."""
    found = indices[:, :cutoff] == np.asarray(answers)[:, None]
    return np.where(found.any(axis=1), 1.0 / (found.argmax(axis=1) + 1), 0.0)


def rank_fusion(recalled: np.ndarray, reranked: np.ndarray, k: int = RRF_K) -> np.ndarray:
    """The rows of ``recalled (Q, d)`` ordered by reciprocal rank fusion of their rank
    there and in ``reranked`` (the same rows reordered): ``1/(k + r_recall) + 1/(k + r_rerank)``,
    ties kept in recall order."""
    count, depth = recalled.shape
    rerank_rank = np.empty_like(recalled)
    for q in range(count):
        position = {row: r for r, row in enumerate(reranked[q].tolist(), start=1)}
        rerank_rank[q] = [position[row] for row in recalled[q].tolist()]
    fused = 1.0 / (k + np.arange(1, depth + 1))[None, :] + 1.0 / (k + rerank_rank)
    order = np.argsort(-fused, axis=1, kind="stable")
    return np.take_along_axis(recalled, order, axis=1)


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
