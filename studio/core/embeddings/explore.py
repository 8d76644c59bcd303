"""Questions to ask word vectors: neighbours, similarity, analogy, a 2-D map, a heatmap.

Similarities are cosines (gensim ``KeyedVectors``); analogies use 3CosAdd
(Mikolov et al. 2013): the words nearest to ``a - b + c``. The map projects with PCA
or t-SNE (van der Maaten & Hinton 2008) from scikit-learn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from studio.core.errors import StudioError

Projection = Literal["pca", "tsne"]


class UnknownWord(StudioError):
    """A word that has no vector."""


def lookup(vectors, word: str) -> str:
    """The key of ``word`` in ``vectors``: as typed, else lowercased.

    Raises:
        UnknownWord: neither has a vector; the message suggests keys that start alike.
    """
    word = word.strip()
    for key in (word, word.lower()):
        if key and key in vectors.key_to_index:
            return key
    if not word:
        raise UnknownWord("vectors.type_a_word")
    alike = [k for k in vectors.index_to_key[:50_000] if k.startswith(word[:1])][:5]
    if alike:
        raise UnknownWord("vectors.unknown_word_alike", word=repr(word), count=len(vectors),
                          alike=", ".join(alike))
    raise UnknownWord("vectors.unknown_word", word=repr(word), count=len(vectors))


def neighbors(vectors, word: str, topn: int = 10) -> list[tuple[str, float]]:
    """The ``topn`` words most cosine-similar to ``word``, most similar first.

    Raises:
        UnknownWord: ``word`` has no vector.
    """
    return [(w, float(s)) for w, s in vectors.most_similar(lookup(vectors, word), topn=topn)]


def similarity(vectors, a: str, b: str) -> float:
    """Cosine similarity of two words' vectors, -1.0 to 1.0.

    Raises:
        UnknownWord: either word has no vector.
    """
    return float(vectors.similarity(lookup(vectors, a), lookup(vectors, b)))


def analogy(vectors, a: str, b: str, c: str, topn: int = 10) -> list[tuple[str, float]]:
    """Words nearest to ``a - b + c`` (``国王 - 男人 + 女人`` -> ``女王``), the three
    inputs excluded, most similar first.

    Raises:
        UnknownWord: one of the words has no vector.
    """
    keys = [lookup(vectors, w) for w in (a, b, c)]
    found = vectors.most_similar(positive=[keys[0], keys[2]], negative=[keys[1]], topn=topn)
    return [(w, float(s)) for w, s in found]


@dataclass(frozen=True)
class WordMap:
    """``words`` and their 2-D positions ``points (N, 2)``."""

    words: list[str]
    points: np.ndarray
    method: Projection


def project_words(vectors, count: int = 300, method: Projection = "pca", seed: int = 0) -> WordMap:
    """Project the ``count`` most frequent words (the first keys) to 2-D.

    gensim keeps trained vectors ordered by falling frequency, and published vector
    files list frequent words first, so the first keys are the frequent ones.

    Raises:
        StudioError: fewer than 3 words.
    """
    words = list(vectors.index_to_key[:count])
    if len(words) < 3:
        raise StudioError("vectors.map_too_few", count=len(vectors))
    matrix = vectors.vectors[: len(words)]
    matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    if method == "tsne":
        from sklearn.manifold import TSNE

        perplexity = float(min(30, max(2, (len(words) - 1) // 3)))
        points = TSNE(n_components=2, perplexity=perplexity, init="pca", random_state=seed,
                      metric="cosine").fit_transform(matrix)
    else:
        from sklearn.decomposition import PCA

        points = PCA(n_components=2, random_state=seed).fit_transform(matrix)
    return WordMap(words, np.asarray(points, dtype=np.float32), method)


@dataclass(frozen=True)
class VectorRows:
    """The keys of some words and their vectors ``(N, vector_size)``."""

    words: list[str]
    rows: np.ndarray


def vector_rows(vectors, words: list[str]) -> VectorRows:
    """The keys of ``words`` and their vectors ``(N, vector_size)`` for a heatmap.

    Raises:
        UnknownWord: a word has no vector.
    """
    keys = [lookup(vectors, w) for w in words]
    return VectorRows(keys, np.stack([vectors[k] for k in keys]) if keys else np.zeros((0, vectors.vector_size)))
