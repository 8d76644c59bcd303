"""Recall by cosine over sentence vectors: averaged word vectors from a gensim
``KeyedVectors``, or a trained Siamese encoder's pooled vectors, or any callable that
turns texts into an ``(N, D)`` array."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import torch

from studio.core.errors import ConfigError
from studio.core.retrieval.search import HALF_FROM, Hits, cosine_top_k, cosine_top_k_one, half_copy, normalised
from studio.core.text.encoding import encode
from studio.core.text.tokenizers import Tokenizer

Encoder = Callable[[list[str]], np.ndarray]  # texts -> (N, D) sentence vectors
ENCODE_BATCH = 256


class AveragedWordVectors:
    """A text's vector is the mean of its tokens' word vectors (tokens without a vector
    are skipped; a text with none gets the zero vector, cosine 0 with everything).

    ``vectors`` is a gensim ``KeyedVectors`` (as :func:`~studio.core.embeddings.vectors.load_vectors`
    returns); ``tokenizer`` should cut text as the vectors were trained (jieba words for
    word vectors, char for character vectors).
    """

    def __init__(self, vectors, tokenizer: Tokenizer | None = None):
        self.vectors = vectors
        self.tokenizer = tokenizer or Tokenizer()

    def __call__(self, texts: list[str]) -> np.ndarray:
        index, matrix = self.vectors.key_to_index, self.vectors.vectors
        out = np.zeros((len(texts), matrix.shape[1]), dtype=np.float32)
        for row, tokens in enumerate(self.tokenizer.tokenize_many(list(texts))):
            ids = [index[token] for token in tokens if token in index]
            if ids:
                out[row] = matrix[ids].mean(axis=0)
        return out


class SentenceEncoder:
    """A trained Siamese encoder's sentence vectors (``model.encode``), through a
    :class:`~studio.core.inference.predictor.Predictor`'s tokenizer, vocabulary and
    ``max_len``, so a text is read exactly as in training.

    Raises:
        ConfigError: the predictor's model gives no sentence vectors (not a Siamese run).
    """

    def __init__(self, predictor):
        if not callable(getattr(predictor.model, "encode", None)):
            raise ConfigError("retrieval.not_an_encoder", model=type(predictor.model).__name__)
        self.predictor = predictor

    def __call__(self, texts: list[str]) -> np.ndarray:
        p = self.predictor
        ids, lengths = encode(p.tokenizer.tokenize_many(list(texts)), p.vocab, p.max_len)
        was_training = p.model.training
        p.model.eval()
        outputs = []
        with torch.inference_mode():
            for start in range(0, len(ids), ENCODE_BATCH):
                vectors = p.model.encode(ids[start:start + ENCODE_BATCH].to(p.device),
                                         lengths[start:start + ENCODE_BATCH].to(p.device))
                outputs.append(vectors.float().cpu().numpy())
        p.model.train(was_training)
        if not outputs:
            return np.empty((0, 0), dtype=np.float32)
        return np.concatenate(outputs)


class VectorRecall:
    """Cosine top-k over the bank's sentence vectors, encoded once by ``encoder`` and kept
    as a normalised ``(N, D)`` float32 matrix. One question against a bank of at least
    :data:`~studio.core.retrieval.search.HALF_FROM` rows is searched through a float16 copy
    made on first use (:func:`~studio.core.retrieval.search.cosine_top_k_one`)."""

    def __init__(self, questions: list[str], encoder: Encoder, name: str = "vectors"):
        self.encoder = encoder
        self.name = name
        self.matrix = normalised(encoder(list(questions)))

    @classmethod
    def from_matrix(cls, matrix: np.ndarray, encoder: Encoder, name: str = "vectors") -> VectorRecall:
        """A recall over the normalised sentence vectors ``matrix (N, D)`` of an earlier
        :class:`VectorRecall` (a saved index's ``matrix``), taken as they are so the
        scores are those of the index saved; ``encoder`` encodes the queries."""
        recall = cls.__new__(cls)
        recall.encoder, recall.name = encoder, name
        recall.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        return recall

    def search(self, queries: list[str], k: int = 10) -> Hits:
        """The ``k`` best bank rows per query, best first, with their cosines."""
        if not queries:
            width = min(k, len(self.matrix))
            return Hits(np.empty((0, width), dtype=np.int64), np.empty((0, width), dtype=np.float32))
        vectors = self.encoder(list(queries))
        if len(queries) == 1 and len(self.matrix) >= HALF_FROM:  # one question: latency (see cosine_top_k_one)
            if getattr(self, "_half", None) is None:
                self._half = half_copy(self.matrix)
            return cosine_top_k_one(vectors, self.matrix, self._half, k)
        return cosine_top_k(vectors, self.matrix, k)
