"""MLP over bag-of-words / TF-IDF features: a strong, fast baseline with no token embedding.

Wang, S., Manning, C. D. (2012). Baselines and Bigrams: Simple, Good Sentiment and Topic
Classification. ACL. Joulin, A., Grave, E., Bojanowski, P., Mikolov, T. (2016). Bag of
Tricks for Efficient Text Classification. arXiv:1607.01759. The TF-IDF weighting follows
scikit-learn's ``TfidfVectorizer`` defaults (raw counts, ``smooth_idf=True``, ``norm="l2"``).
"""

from __future__ import annotations

from typing import Literal

import torch
import torch.nn.functional as F
from pydantic import BaseModel, ConfigDict, Field
from torch import nn

from studio.core.models.layers import real_positions
from studio.core.models.registry import register_model
from studio.core.text.vocab import PAD_ID

# Ids handled per step of fit(): 4M int64 ids plus their sorted copy stay well under 100 MB.
FIT_CHUNK_IDS = 1 << 22


class MLPConfig(BaseModel):
    """MLP over bag-of-words / TF-IDF"""

    model_config = ConfigDict(extra="forbid", title="MLP (bag of words / TF-IDF)")

    type: Literal["mlp"] = "mlp"
    features: Literal["tfidf", "bow", "binary"] = Field(
        "tfidf", title="Features",
        description="Per-token weight: tfidf = count x inverse document frequency (learned "
                    "from the training split), bow = count, binary = 1 if present.")
    hidden_size: int = Field(256, ge=0, le=4096, title="Hidden size",
                             description="Units per hidden layer; 0 for a plain linear classifier.")
    num_layers: int = Field(1, ge=1, le=8, title="Hidden layers",
                            description="Number of hidden layers (ignored when hidden size is 0).",
                            json_schema_extra={"visible_when": {"hidden_size": {"gt": 0}}})
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout",
                           description="Share of hidden units zeroed during training.",
                           json_schema_extra={"visible_when": {"hidden_size": {"gt": 0}}})
    normalize: bool = Field(True, title="L2-normalise",
                            description="Scale each text's feature vector to unit length, so "
                                        "long and short texts are on the same scale.")


class BagOfWords(nn.Module):
    """ids ``(B, L)`` + lengths ``(B,)`` -> one feature vector per text ``(B, V)``.

    Counts the real tokens of each text (PAD and positions ``>= length`` add nothing),
    then weights them: raw counts (``bow``), 0/1 (``binary``) or ``count * idf``
    (``tfidf``), and optionally L2-normalises each row. For ``tfidf`` the buffer ``idf``
    ``(V,)`` holds ``ln((1 + n) / (1 + df)) + 1`` (scikit-learn's smoothed IDF, ``n``
    documents, ``df`` documents containing the token); it starts at ones, so an unfitted
    model is a plain bag of words, and it is saved with the weights.
    """

    def __init__(self, vocab_size: int, weighting: str, normalize: bool):
        super().__init__()
        self.vocab_size, self.weighting, self.normalize = vocab_size, weighting, normalize
        if weighting == "tfidf":
            self.register_buffer("idf", torch.ones(vocab_size))

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        real = _real_tokens(ids, lengths).float()
        # PAD and positions past the length add exactly 0.0, so appended PAD is a no-op.
        counts = real.new_zeros(ids.shape[0], self.vocab_size).scatter_add_(1, ids, real)
        if self.weighting == "binary":
            counts = (counts > 0).float()
        elif self.weighting == "tfidf":
            counts = counts * self.idf
        return F.normalize(counts, dim=1) if self.normalize else counts

    @torch.no_grad()
    def fit(self, ids: torch.Tensor, lengths: torch.Tensor, chunk_ids: int = FIT_CHUNK_IDS) -> None:
        """Set ``idf`` from the document frequencies of ids ``(N, L)`` (the training split).

        Works through ``chunk_ids // L`` rows at a time, never building an ``(N, V)``
        matrix. No-op for ``bow`` and ``binary``.
        """
        if self.weighting != "tfidf":
            return
        n, length = ids.shape
        df = torch.zeros(self.vocab_size, dtype=torch.long, device=ids.device)
        rows = max(1, chunk_ids // max(1, length))
        for start in range(0, n, rows):
            chunk, chunk_lengths = ids[start:start + rows].long(), lengths[start:start + rows]
            chunk = chunk.masked_fill(~_real_tokens(chunk, chunk_lengths), PAD_ID)
            # Sorted within each row, a token's first occurrence is where the value changes.
            ordered = chunk.sort(dim=1).values
            first = torch.ones_like(ordered, dtype=torch.bool)
            first[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
            df += torch.bincount(ordered[first & (ordered != PAD_ID)], minlength=self.vocab_size)
        idf = torch.log((1.0 + n) / (1.0 + df.double())) + 1.0
        self.idf.copy_(idf)

    def extra_repr(self) -> str:
        return f"vocab_size={self.vocab_size}, weighting={self.weighting}, normalize={self.normalize}"


def _real_tokens(ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """``(B, L)`` bool: True for non-PAD tokens before each text's length."""
    return real_positions(lengths.to(ids.device), ids.shape[1]) & (ids != PAD_ID)


@register_model("mlp", config=MLPConfig, tasks=("classification", "pair"))
class MLP(nn.Module):
    """Bag-of-words or TF-IDF vector of the whole text -> multilayer perceptron.

    ``forward(ids (B, L) long, lengths (B,) long) -> logits (B, C)``. ``self.features``
    builds the ``(B, V)`` vector (see :class:`BagOfWords`); then
    ``[Linear(V, H) -> ReLU -> Dropout] x num_layers -> Linear(H, C)``, or a single
    ``Linear(V, C)`` when ``hidden_size`` is 0. Word order is ignored. Call
    :meth:`fit_features` on the training split before training to learn the IDF.
    """

    def __init__(self, config: MLPConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        self.features = BagOfWords(vocab_size, config.features, config.normalize)
        layers: list[nn.Module] = []
        width = vocab_size
        if config.hidden_size:
            for _ in range(config.num_layers):
                layers += [nn.Linear(width, config.hidden_size), nn.ReLU(), nn.Dropout(config.dropout)]
                width = config.hidden_size
        self.hidden = nn.Sequential(*layers)
        self.fc = nn.Linear(width, num_classes)

    def fit_features(self, ids: torch.Tensor, lengths: torch.Tensor) -> None:
        """Learn the IDF from training ids ``(N, L)`` and lengths ``(N,)``; no-op unless tfidf."""
        self.features.fit(ids, lengths)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return self.fc(self.hidden(self.features(ids, lengths)))
