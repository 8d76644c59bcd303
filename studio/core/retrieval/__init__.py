"""Question retrieval: given a new question, which stored question is it?

Recall the top-k of a :class:`QuestionBank` (:class:`BM25Recall` over the studio's
tokenizers, or :class:`VectorRecall` by cosine over averaged word vectors or a Siamese
encoder's sentence vectors), then :func:`rerank` them with a pair model; measure both on a
labelled pair file with :func:`retrieval_metrics`.
"""

from studio.core.retrieval.bank import QuestionBank, read_bank
from studio.core.retrieval.lexical import BM25Recall
from studio.core.retrieval.metrics import (
    RetrievalSet,
    answer_ranks,
    read_retrieval_set,
    retrieval_metrics,
    retrieval_set,
)
from studio.core.retrieval.rerank import PairScorer, rerank
from studio.core.retrieval.search import Hits, cosine_top_k, normalised, top_k
from studio.core.retrieval.vectors import AveragedWordVectors, SentenceEncoder, VectorRecall

__all__ = [
    "AveragedWordVectors", "BM25Recall", "Hits", "PairScorer", "QuestionBank", "RetrievalSet", "SentenceEncoder",
    "VectorRecall", "answer_ranks", "cosine_top_k", "normalised", "read_bank", "read_retrieval_set", "rerank",
    "retrieval_metrics", "retrieval_set", "top_k",
]
