"""Siamese BiLSTM encoder for sentence-pair matching, with sentence vectors for retrieval.

After Sentence-BERT: Reimers, N., Gurevych, I. (2019). Sentence-BERT: Sentence Embeddings
using Siamese BERT-Networks. EMNLP. One shared encoder turns each text into a vector
(``u``, ``v``); the classifier sees ``[u; v; |u−v|; u⊙v]``. Since each text is encoded
alone, the vectors of a question bank can be computed once and searched by cosine.
"""

from __future__ import annotations

from typing import Literal

import torch
from pydantic import ConfigDict, Field
from torch import nn

from studio.core.models.bilstm import BiLSTM
from studio.core.models.layers import (
    Dropout,
    EmbeddingOptions,
    masked_mean_max,
    real_positions,
    split_pair,
    token_embedding,
)
from studio.core.models.registry import register_model


class SiameseConfig(EmbeddingOptions):
    """Siamese BiLSTM encoder (after Sentence-BERT)"""

    model_config = ConfigDict(extra="forbid", title="Siamese BiLSTM (after Sentence-BERT)")

    type: Literal["siamese"] = "siamese"
    embedding_dim: int = Field(300, ge=1, le=4096, title="Embedding size")
    hidden_size: int = Field(128, ge=1, le=4096, title="Hidden size", description="Units per direction.")
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout")


@register_model("siamese", config=SiameseConfig, tasks=("pair",))
class SiameseEncoder(nn.Module):
    """One shared BiLSTM encodes each text to a pooled vector; a linear layer compares the two.

    ``forward(ids (B, 2, L) long, lengths (B, 2) long) -> logits (B, C)``: side a then side
    b of each pair, each padded with PAD = 0 to ``L``. Each side is embedded, read by the
    shared BiLSTM (packed) and mean- and max-pooled over its real tokens into a sentence
    vector of ``D = 4H``; with ``u``, ``v`` the vectors of a and b, the classifier sees
    ``[u; v; |u−v|; u⊙v]`` ``(B, 4D)``. :meth:`encode` gives the sentence vectors alone.
    """

    def __init__(self, config: SiameseConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        self.embedding = token_embedding(vocab_size, config.embedding_dim)
        self.dropout = Dropout(config.dropout)
        self.encoder = BiLSTM(config.embedding_dim, config.hidden_size)
        self.fc = nn.Linear(4 * self.vector_size, num_classes)

    @property
    def vector_size(self) -> int:
        """``D``, the length of a sentence vector: mean and max of both directions, ``4H``."""
        return 4 * self.config.hidden_size

    def encode(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Sentence vectors of single texts: ``ids (B, L)`` long, PAD = 0 after each text,
        ``lengths (B,)`` long -> ``(B, D)``. An empty text keeps one PAD position."""
        lengths = lengths.clamp(min=1)
        encoded = self.encoder(self.dropout(self.embedding(ids)), lengths)
        return masked_mean_max(encoded, real_positions(lengths, ids.shape[1]))

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        sides, side_lengths = split_pair(ids, lengths, "Siamese")
        vectors = self.encode(sides, side_lengths).view(ids.shape[0], 2, -1)
        u, v = vectors[:, 0], vectors[:, 1]
        features = torch.cat([u, v, (u - v).abs(), u * v], dim=-1)
        return self.fc(self.dropout(features))
