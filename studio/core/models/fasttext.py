"""fastText-style classifier: the mean of token embeddings, then a small MLP.

Joulin, A., Grave, E., Bojanowski, P., Mikolov, T. (2016). Bag of Tricks for Efficient
Text Classification. arXiv:1607.01759.
"""

from __future__ import annotations

from typing import Literal

import torch
from pydantic import BaseModel, ConfigDict, Field
from torch import nn

from studio.core.models.layers import init_embedding_
from studio.core.models.registry import register_model
from studio.core.text.vocab import PAD_ID


class FastTextConfig(BaseModel):
    """fastText bag of embeddings"""

    model_config = ConfigDict(extra="forbid", title="fastText (bag of embeddings)")

    type: Literal["fasttext"] = "fasttext"
    embedding_dim: int = Field(300, ge=1, le=4096, title="Embedding size")
    hidden_size: int = Field(256, ge=0, le=4096, title="Hidden size",
                             description="Units of the hidden layer; 0 for a plain linear classifier.")
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout")


@register_model("fasttext", config=FastTextConfig)
class FastText(nn.Module):
    """Averaged token embeddings (``nn.EmbeddingBag``, PAD excluded) -> MLP.

    ``forward(ids (B, L) long, lengths (B,) long) -> logits (B, C)``; mean over the real
    tokens ``(B, E)``, then ``Linear(E, H) -> ReLU -> Linear(H, C)``.
    """

    def __init__(self, config: FastTextConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        self.embedding = nn.EmbeddingBag(vocab_size, config.embedding_dim, mode="mean",
                                         padding_idx=PAD_ID)
        init_embedding_(self.embedding.weight)
        self.dropout = nn.Dropout(config.dropout)
        if config.hidden_size:
            self.head = nn.Sequential(nn.Linear(config.embedding_dim, config.hidden_size),
                                      nn.ReLU(), nn.Linear(config.hidden_size, num_classes))
        else:
            self.head = nn.Linear(config.embedding_dim, num_classes)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return self.head(self.dropout(self.embedding(ids)))
