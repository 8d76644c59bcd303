"""Question retrieval: given a new question, which stored question is it?

Recall the top-k of a :class:`QuestionBank` (:class:`BM25Recall` over the studio's
tokenizers, or :class:`VectorRecall` by cosine over averaged word vectors or a Siamese
encoder's sentence vectors), then :func:`rerank` them with a pair model; measure both on a
labelled pair file with :func:`retrieval_metrics`. :mod:`~studio.core.retrieval.store` keeps
indexes in a project (:func:`build_index`, :func:`add_index`, :func:`load_index`).
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
from studio.core.retrieval.rerank import RECALL_WEIGHT, PairScorer, rerank, reranked_order
from studio.core.retrieval.search import Hits, cosine_top_k, normalised, top_k
from studio.core.retrieval.store import (
    RECALL_METHODS,
    Evaluation,
    IndexInfo,
    IndexSpec,
    RetrievalIndex,
    add_index,
    build_index,
    encoder_runs,
    evaluate_retrieval,
    index_info,
    index_names,
    load_index,
    pair_runs,
    pair_scorer,
    remove_index,
    rerank_hits,
)
from studio.core.retrieval.vectors import AveragedWordVectors, SentenceEncoder, VectorRecall

__all__ = [
    "RECALL_METHODS", "AveragedWordVectors", "BM25Recall", "Evaluation", "Hits", "IndexInfo", "IndexSpec",
    "PairScorer", "QuestionBank", "RetrievalIndex", "RetrievalSet", "SentenceEncoder", "VectorRecall", "add_index",
    "answer_ranks", "build_index", "cosine_top_k", "encoder_runs", "evaluate_retrieval", "index_info", "index_names",
    "load_index", "normalised", "pair_runs", "pair_scorer", "read_bank", "read_retrieval_set", "remove_index",
    "RECALL_WEIGHT", "rerank", "rerank_hits", "reranked_order", "retrieval_metrics", "retrieval_set", "top_k",
]
