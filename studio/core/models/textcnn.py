"""TextCNN: convolutions of several widths over word embeddings, max-pooled over time.

Kim, Y. (2014). Convolutional Neural Networks for Sentence Classification. EMNLP.
"""

from __future__ import annotations

from typing import Literal

import torch
import torch.nn.functional as F
from pydantic import ConfigDict, Field
from torch import nn

from studio.core.messages import Message, message
from studio.core.models.layers import EmbeddingOptions, real_positions, token_embedding
from studio.core.models.registry import register_model


class TextCNNConfig(EmbeddingOptions):
    """TextCNN (Kim 2014)"""

    model_config = ConfigDict(extra="forbid", title="TextCNN (Kim 2014)")

    type: Literal["textcnn"] = "textcnn"
    embedding_dim: int = Field(300, ge=1, le=4096, title="Embedding size",
                               description="Length of each token vector.")
    kernel_sizes: list[int] = Field([2, 3, 4], min_length=1, max_length=8, title="Kernel sizes",
                                    description="Widths (in tokens) of the convolution windows.")
    num_filters: int = Field(256, ge=1, le=4096, title="Filters per size",
                             description="Feature maps for each kernel size.")
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout",
                           description="Share of pooled features zeroed during training.")

    def problems(self, max_len: int) -> dict[str, Message]:
        too_wide = [k for k in self.kernel_sizes if k > max_len]
        if not too_wide:
            return {}
        return {"kernel_sizes": message("model.kernel_too_wide", kernel=max(too_wide), max_len=max_len)}


@register_model("textcnn", config=TextCNNConfig, tasks=("classification", "pair"))
class TextCNN(nn.Module):
    """Parallel 1-D convolutions over embeddings, max-over-time pooling, a linear layer.

    ``forward(ids (B, L) long, lengths (B,) long) -> logits (B, C)``. Windows that start
    past a text's length are ignored, so trailing PAD never changes the logits. Uses
    ``nn.Conv1d(E, F, k)`` over ``(B, E, L)``, the fast form of the same maths as the
    ``Conv2d(1, F, (k, E))`` in most tutorials. Follows Kim (2014).
    """

    def __init__(self, config: TextCNNConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        self.embedding = token_embedding(vocab_size, config.embedding_dim)
        self.convs = nn.ModuleList(
            nn.Conv1d(config.embedding_dim, config.num_filters, k) for k in config.kernel_sizes
        )
        self.dropout = nn.Dropout(config.dropout)
        self.fc = nn.Linear(config.num_filters * len(config.kernel_sizes), num_classes)
        self._extra = max(config.kernel_sizes) - 1

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        length = ids.shape[1]
        x = self.embedding(ids).transpose(1, 2)  # (B, E, L)
        x = F.pad(x, (0, self._extra))  # every window start < L exists for every kernel
        valid = real_positions(lengths, length).unsqueeze(1)
        pooled = []
        for conv in self.convs:
            h = F.relu(conv(x))[:, :, :length]  # (B, F, L): window starting at each token
            pooled.append((h * valid).amax(dim=2))  # ReLU >= 0, so zeroing = ignoring
        return self.fc(self.dropout(torch.cat(pooled, dim=1)))
