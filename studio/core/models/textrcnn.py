"""TextRCNN: each word between its recurrent left and right contexts, max-pooled over time.

Lai, S., Xu, L., Liu, K., Zhao, J. (2015). Recurrent Convolutional Neural Networks for
Text Classification. AAAI. (The "TextRCNN" of Chinese-Text-Classification-Pytorch.)
"""

from __future__ import annotations

from typing import Literal

import torch
import torch.nn.functional as F
from pydantic import ConfigDict, Field
from torch import nn

from studio.core.models.layers import (
    EmbeddingOptions,
    real_positions,
    recurrent_layer,
    run_packed,
    token_embedding,
)
from studio.core.models.registry import register_model


class TextRCNNConfig(EmbeddingOptions):
    """TextRCNN (Lai 2015)"""

    model_config = ConfigDict(extra="forbid", title="TextRCNN (Lai 2015)")

    type: Literal["textrcnn"] = "textrcnn"
    cell: Literal["rnn", "lstm", "gru"] = Field("lstm", title="Cell", description="Recurrent unit.")
    embedding_dim: int = Field(300, ge=1, le=4096, title="Embedding size",
                               description="Length of each token vector.")
    hidden_size: int = Field(256, ge=1, le=4096, title="Hidden size",
                             description="Units per direction of the context RNN, and of the "
                                         "per-word layer that is max-pooled.")
    num_layers: int = Field(1, ge=1, le=8, title="Layers", description="Stacked recurrent layers.")
    bidirectional: bool = Field(True, title="Bidirectional",
                                description="Use the right context too (off: left context only).")
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout",
                           description="Share of units zeroed during training, between recurrent "
                                       "layers and on the pooled features.")


class MaskedMaxPool(nn.Module):
    """Max over time of each text's real positions: ``x (B, L, D), lengths (B,) -> (B, D)``.

    Positions from ``lengths`` on are ignored; a length of 0 counts as 1, as in the packing.
    """

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        real = real_positions(lengths.clamp(min=1), x.shape[1])
        return x.masked_fill(~real.unsqueeze(2), float("-inf")).amax(dim=1)


@register_model("textrcnn", config=TextRCNNConfig, tasks=("classification", "pair"))
class TextRCNN(nn.Module):
    """Recurrent left and right contexts around each word, a tanh layer, max over time.

    ``forward(ids (B, L) long, lengths (B,) long) -> logits (B, C)``. Each word becomes
    ``[left context; embedding; right context]`` ``(B, L, D*H + E)`` (eq. 3), then
    ``tanh(Linear(., H))`` ``(B, L, H)`` (eq. 4), max over the real words ``(B, H)``
    (eq. 5), dropout and ``Linear(H, C)``. As in Lai et al. (2015) eqs. 1-2, a word's left
    context is the forward RNN's state after the previous word and its right context the
    backward RNN's state after the next one (zeros at the ends). An LSTM by default, as in
    Chinese-Text-Classification-Pytorch, where the paper uses a plain RNN. Sequences are
    packed by length, so PAD never enters the recurrence or the pooling.
    """

    def __init__(self, config: TextRCNNConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        self.embedding = token_embedding(vocab_size, config.embedding_dim)
        self.rnn = recurrent_layer(config, config.embedding_dim)
        directions = 2 if config.bidirectional else 1
        self.project = nn.Linear(config.hidden_size * directions + config.embedding_dim,
                                 config.hidden_size)
        self.pool = MaskedMaxPool()
        self.dropout = nn.Dropout(config.dropout)
        self.fc = nn.Linear(config.hidden_size, num_classes)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        x = self.embedding(ids)  # (B, L, E)
        out = run_packed(self.rnn, x, lengths)  # (B, L, D*H)
        hidden = self.config.hidden_size
        # Shift by one word so the contexts exclude the word itself (eqs. 1-2); the outputs
        # are zero past each text, so the last word's right context is zero.
        parts = [F.pad(out[:, :-1, :hidden], (0, 0, 1, 0)), x]
        if self.config.bidirectional:
            parts.append(F.pad(out[:, 1:, hidden:], (0, 0, 0, 1)))
        y = torch.tanh(self.project(torch.cat(parts, dim=2)))  # (B, L, H)
        return self.fc(self.dropout(self.pool(y, lengths)))
