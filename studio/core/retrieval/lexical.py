"""BM25 recall (Robertson & Zaragoza 2009) over the studio's tokenizers, scored by
``bm25s`` (Lù 2024): the bank's term weights are computed once into a sparse matrix, so
scoring a query is a sum of a few sparse rows rather than a Python loop over the bank."""

from __future__ import annotations

import numpy as np

from studio.core.report import Reporter
from studio.core.retrieval.search import QUERY_BLOCK, Hits, top_k
from studio.core.text.tokenizers import Tokenizer


class BM25Recall:
    """The BM25 top-k of a bank's questions for new questions.

    ``tokenizer`` cuts both the bank and the queries (char: one token per character;
    jieba: words). ``k1`` and ``b`` are BM25's usual parameters (Lucene's variant).
    """

    name = "bm25"

    def __init__(self, questions: list[str], tokenizer: Tokenizer | None = None, k1: float = 1.5,
                 b: float = 0.75, *, report: Reporter | None = None):
        import bm25s  # imported on use: the studio starts without it

        self.tokenizer = tokenizer or Tokenizer()
        self.size = len(questions)
        if report is not None:
            report.stage("stage.tokenizing")
        tokens = self.tokenizer.tokenize_many(list(questions))
        self._bm25 = bm25s.BM25(k1=k1, b=b, method="lucene")
        self._bm25.index(tokens, show_progress=False)

    def scores(self, queries: list[str]) -> np.ndarray:
        """BM25 scores ``(Q, N)`` of every bank question for each query (0 where a query
        shares no token with a question)."""
        rows = [self._bm25.get_scores_from_ids(self._bm25.get_tokens_ids(self.tokenizer.tokenize(query)))
                for query in queries]
        return np.stack(rows) if rows else np.empty((0, self.size), dtype=np.float32)

    def search(self, queries: list[str], k: int = 10) -> Hits:
        """The ``k`` best bank rows per query, best first, with their BM25 scores."""
        blocks = [top_k(self.scores(queries[start:start + QUERY_BLOCK]), k)
                  for start in range(0, len(queries), QUERY_BLOCK)]
        if not blocks:
            width = min(k, self.size)
            return Hits(np.empty((0, width), dtype=np.int64), np.empty((0, width), dtype=np.float32))
        return Hits(np.concatenate([b.indices for b in blocks]), np.concatenate([b.scores for b in blocks]))
