"""DPCNN: region embedding, then a pyramid of pooled pre-activation convolution blocks.

Johnson, R., Zhang, T. (2017). Deep Pyramid Convolutional Neural Networks for Text
Categorization. ACL. Defaults follow the THUCNews setup of Chinese-Text-Classification-Pytorch
(300-d embeddings, 250 filters, width-3 convolutions).
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

KERNEL = 3  # the paper's width for the region embedding and every convolution


def valid_positions(lengths: torch.Tensor, length: int) -> torch.Tensor:
    """``(B,)`` lengths -> ``(B, 1, length)`` bool, True at positions before each text's end."""
    return real_positions(lengths, length).unsqueeze(1)


def halve_lengths(lengths: torch.Tensor) -> torch.Tensor:
    """Lengths after :class:`MaskedDownsample`: output j is real iff 2j < length."""
    return (lengths + 1) // 2


def _blocks(n: int) -> Message:
    return message("model.one_block") if n == 1 else message("model.blocks", count=n)


def _times(n: int) -> Message:
    return message("model.once") if n == 1 else message("model.times", count=n)


class DPCNNConfig(EmbeddingOptions):
    """DPCNN (Johnson & Zhang 2017)"""

    model_config = ConfigDict(extra="forbid", title="DPCNN (Johnson & Zhang 2017)")

    type: Literal["dpcnn"] = "dpcnn"
    embedding_dim: int = Field(300, ge=1, le=4096, title="Embedding size",
                               description="Length of each token vector.")
    num_filters: int = Field(250, ge=1, le=4096, title="Filters",
                             description="Feature maps of the region embedding and of every "
                                         "convolution (the same in every block).")
    num_blocks: int = Field(3, ge=1, le=16, title="Blocks",
                            description="Downsampling blocks; each halves the text and adds two "
                                        "convolutions. Needs max_len >= 2 ** blocks.")
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout",
                           description="Share of pooled features zeroed during training.")

    def problems(self, max_len: int) -> dict[str, Message]:
        needed = 2 ** self.num_blocks
        if max_len >= needed:
            return {}
        fit = max_len.bit_length() - 1  # the most halvings that leave a position to pool
        advice = (message("model.dpcnn_fewer_blocks", blocks=_blocks(fit)) if fit >= 1
                  else message("model.dpcnn_raise_max_len", needed=needed))
        return {"num_blocks": message("model.dpcnn_too_short", blocks=_blocks(self.num_blocks),
                                      times=_times(self.num_blocks), needed=needed, max_len=max_len,
                                      advice=advice)}


class PreActConv(nn.Conv1d):
    """ReLU then a width-3 'same' convolution: ``(B, F, L) -> (B, F, L)``, zero past each length.

    Zeroing the outputs past a text's end makes appended PAD look exactly like the zero
    padding of a shorter input to the next convolution.
    """

    def __init__(self, channels: int):
        super().__init__(channels, channels, KERNEL, padding=KERNEL // 2)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return super().forward(F.relu(x)) * valid_positions(lengths, x.shape[2])


class ConvPair(nn.Module):
    """Two :class:`PreActConv` with an identity shortcut: ``(B, F, L) -> (B, F, L)``."""

    def __init__(self, channels: int):
        super().__init__()
        self.conv1 = PreActConv(channels)
        self.conv2 = PreActConv(channels)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return x + self.conv2(self.conv1(x, lengths), lengths)


class MaskedDownsample(nn.Module):
    """Max-pool of size 3, stride 2, over real positions only: ``(B, F, L) -> (B, F, ceil(L/2))``.

    Output j covers inputs 2j..2j+2; positions past a text's end count as -inf, and
    outputs with 2j >= length (nothing real under them) are zero, like the padding.
    """

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        x = x.masked_fill(~valid_positions(lengths, x.shape[2]), float("-inf"))
        pooled = F.max_pool1d(F.pad(x, (0, 2), value=float("-inf")), 3, stride=2)
        valid = valid_positions(halve_lengths(lengths), pooled.shape[2])
        return torch.where(valid, pooled, torch.zeros((), dtype=pooled.dtype, device=pooled.device))


class DPCNNBlock(nn.Module):
    """Downsample, then two convolutions with a shortcut: ``(B, F, L) -> (B, F, ceil(L/2))``.

    Takes the input's lengths; the output's are :func:`halve_lengths` of them.
    """

    def __init__(self, channels: int):
        super().__init__()
        self.pool = MaskedDownsample()
        self.convs = ConvPair(channels)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return self.convs(self.pool(x, lengths), halve_lengths(lengths))


class MaskedMaxOverTime(nn.Module):
    """Max over each text's real positions: ``(B, F, L) -> (B, F)``."""

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        return x.masked_fill(~valid_positions(lengths, x.shape[2]), float("-inf")).amax(dim=2)


@register_model("dpcnn", config=DPCNNConfig, tasks=("classification", "pair"))
class DPCNN(nn.Module):
    """Region embedding, two convolutions, then blocks that halve the text, max-pooled.

    ``forward(ids (B, L) long, lengths (B,) long) -> logits (B, C)``. Embeddings ``(B, E, L)``
    -> region embedding (width-3 convolution) ``(B, F, L)`` -> two pre-activation
    convolutions with a shortcut -> ``num_blocks`` x [max-pool 3/2, two convolutions, shortcut]
    ``(B, F, ceil(L / 2^blocks))`` -> max over real positions ``(B, F)`` -> dropout -> linear.
    Every layer ignores positions past a text's length, so trailing PAD never changes the
    logits. Follows Johnson & Zhang (2017), without their optional unsupervised embeddings.
    """

    def __init__(self, config: DPCNNConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        self.embedding = token_embedding(vocab_size, config.embedding_dim)
        self.region = nn.Conv1d(config.embedding_dim, config.num_filters, KERNEL,
                                padding=KERNEL // 2)
        self.convs = ConvPair(config.num_filters)
        self.blocks = nn.ModuleList(DPCNNBlock(config.num_filters)
                                    for _ in range(config.num_blocks))
        self.pool = MaskedMaxOverTime()
        self.dropout = nn.Dropout(config.dropout)
        self.fc = nn.Linear(config.num_filters, num_classes)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        lengths = lengths.clamp(min=1)  # an empty text still has one (PAD) position to pool
        valid = valid_positions(lengths, ids.shape[1])
        # masking the vectors too keeps PAD at zero even if pretrained vectors filled its row
        x = self.embedding(ids).transpose(1, 2) * valid  # (B, E, L)
        x = self.convs(self.region(x) * valid, lengths)  # (B, F, L)
        for block in self.blocks:
            x = block(x, lengths)
            lengths = halve_lengths(lengths)
        return self.fc(self.dropout(self.pool(x, lengths)))
