"""TextRNN: a (bi)directional, stacked RNN / LSTM / GRU over embeddings.

Liu, P., Qiu, X., Huang, X. (2016). Recurrent Neural Network for Text Classification
with Multi-Task Learning. IJCAI. (The "TextRNN" of Chinese-Text-Classification-Pytorch.)
"""

from __future__ import annotations

from typing import Literal

import torch
from pydantic import ConfigDict, Field
from torch import nn

from studio.core.models.layers import EmbeddingOptions, last_states, recurrent_layer, token_embedding
from studio.core.models.registry import register_model


class TextRNNConfig(EmbeddingOptions):
    """TextRNN (RNN / LSTM / GRU)"""

    model_config = ConfigDict(extra="forbid", title="TextRNN (LSTM / GRU)")

    type: Literal["textrnn"] = "textrnn"
    cell: Literal["rnn", "lstm", "gru"] = Field("lstm", title="Cell", description="Recurrent unit.")
    embedding_dim: int = Field(300, ge=1, le=4096, title="Embedding size")
    hidden_size: int = Field(128, ge=1, le=4096, title="Hidden size", description="Units per direction.")
    num_layers: int = Field(2, ge=1, le=8, title="Layers")
    bidirectional: bool = Field(True, title="Bidirectional")
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout")


@register_model("textrnn", config=TextRNNConfig, tasks=("classification", "pair"))
class TextRNN(nn.Module):
    """Stacked RNN over packed sequences; the last layer's final states feed a linear layer.

    ``forward(ids (B, L) long, lengths (B,) long) -> logits (B, C)``. Sequences are packed
    by length, so PAD never enters the recurrence. Final hidden state of each direction
    of the top layer, concatenated: ``(B, D*H)``.
    """

    def __init__(self, config: TextRNNConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        self.embedding = token_embedding(vocab_size, config.embedding_dim)
        self.rnn = recurrent_layer(config, config.embedding_dim)
        self.dropout = nn.Dropout(config.dropout)
        directions = 2 if config.bidirectional else 1
        self.fc = nn.Linear(config.hidden_size * directions, num_classes)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        top = last_states(self.rnn, self.embedding(ids), lengths)  # (D, B, H)
        return self.fc(self.dropout(torch.cat(list(top), dim=1)))
