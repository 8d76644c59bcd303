"""Top-k of a score matrix, and cosine search over a normalised vector matrix (numpy; one
query against a large bank through a float16 copy, then rescored exactly)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

QUERY_BLOCK = 256  # queries scored at once: a (256, N) float32 block per step
HALF_FROM = 32_768  # bank rows from which one query is searched through the float16 copy


@dataclass(frozen=True)
class Hits:
    """For each of ``Q`` queries, the ``k`` best bank rows, best first: ``indices (Q, k)``
    and their ``scores (Q, k)``."""

    indices: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.indices)


def top_k(scores: np.ndarray, k: int) -> Hits:
    """The ``k`` highest scores of each row of ``scores (Q, N)`` (all ``N`` when ``k > N``),
    best first; equal scores keep the lower bank index first.

    Raises:
        ValueError: ``k`` is below 1.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    scores = np.atleast_2d(np.asarray(scores))
    count = scores.shape[1]
    k = min(k, count)
    if k < count:
        chosen = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    else:
        chosen = np.broadcast_to(np.arange(count), scores.shape)
    chosen_scores = np.take_along_axis(scores, chosen, axis=1)
    order = np.lexsort((chosen, -chosen_scores), axis=1)
    indices = np.take_along_axis(chosen, order, axis=1)
    return Hits(indices, np.take_along_axis(chosen_scores, order, axis=1))


def normalised(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as float32; an all-zero row stays zero (cosine 0 with
    everything)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2:
        raise ValueError(f"expected an (N, D) array, got shape {vectors.shape}")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def cosine_top_k(queries: np.ndarray, bank: np.ndarray, k: int) -> Hits:
    """Cosine top-k of ``queries (Q, D)`` against ``bank (N, D)``, which must already be
    :func:`normalised`; queries are normalised here and scored in blocks."""
    queries = normalised(queries)
    if queries.shape[1] != bank.shape[1]:
        raise ValueError(f"query vectors have {queries.shape[1]} dimensions, the bank's {bank.shape[1]}")
    blocks = [top_k(queries[start:start + QUERY_BLOCK] @ bank.T, k) for start in range(0, len(queries), QUERY_BLOCK)]
    if not blocks:
        width = min(k, len(bank))
        return Hits(np.empty((0, width), dtype=np.int64), np.empty((0, width), dtype=np.float32))
    return Hits(np.concatenate([b.indices for b in blocks]), np.concatenate([b.scores for b in blocks]))


def half_copy(bank: np.ndarray):
    """A float16 torch copy of a normalised bank ``(N, D)`` for :func:`cosine_top_k_one`
    (half the memory of the float32 bank)."""
    import torch

    return torch.from_numpy(np.ascontiguousarray(bank, dtype=np.float32)).half()


def cosine_top_k_one(query: np.ndarray, bank: np.ndarray, half, k: int) -> Hits:
    """Cosine top-k of one query ``(D,)`` or ``(1, D)`` against a normalised ``bank (N, D)``,
    for the latency of a single question on a large bank: a pass over ``half`` (its
    float16 copy, :func:`half_copy`; torch's float16 matrix-vector product reads half the
    bytes, which bound this product) picks ``max(4k, k + 32)`` candidates, which are then
    scored exactly in float32 and ordered as :func:`top_k` orders them. The result is that
    of :func:`cosine_top_k` unless a row's float16 cosine errs by more than the gap
    between the k-th and the last candidate (float16 keeps about 3 decimal digits).

    Returns:
        Hits with ``indices (1, k)`` and ``scores (1, k)``.
    """
    import torch

    query = normalised(np.reshape(query, (1, -1)))[0]
    if query.shape[0] != bank.shape[1]:
        raise ValueError(f"query vectors have {query.shape[0]} dimensions, the bank's {bank.shape[1]}")
    count, width = len(bank), max(4 * k, k + 32)
    if width >= count:
        return top_k((bank @ query)[None, :], k)
    rough = (half @ torch.from_numpy(query).half()).float().numpy()
    candidates = np.sort(np.argpartition(-rough, width - 1)[:width])  # bank order: ties keep the lower row
    best = top_k((bank[candidates] @ query)[None, :], k)
    return Hits(candidates[best.indices], best.scores)
