"""A bidirectional LSTM layer that PAD never enters, computed the fastest way per precision.

Packing (``pack_padded_sequence``) keeps PAD out of a recurrence exactly, but on the CPU
it runs a per-step cell with an elementwise op per gate. Under bf16 autocast the fused
oneDNN kernel is faster (ESIM on LCQMC-sized batches, 2 cores with AVX512-BF16: 104 vs
119 ms a training step), yet it only takes padded batches. Padding after the text is
harmless to the forward direction (step ``t`` only reads steps before it); the backward
direction reads each text reversed within its own length, so its PAD comes after the text
too. Both ways give the same outputs as packing (tests/core/test_bilstm.py).
"""

from __future__ import annotations

import torch
from torch import nn

from studio.core.models.export_mode import exporting
from studio.core.models.layers import run_packed, run_padded
from studio.core.training.device import native_bf16


def _fused_is_faster(x: torch.Tensor) -> bool:
    """True under CPU bf16 autocast on a CPU with native bf16: there the fused kernel beats
    the packed cell; in fp32 packing is as fast or faster (same step: 155 vs 167 ms). On a
    CPU without it (AVX2 only) oneDNN has no bf16 LSTM at all ("could not create a primitive
    descriptor"), so a user's explicit bf16 there takes the packed path."""
    return x.device.type == "cpu" and torch.is_autocast_enabled("cpu") \
        and torch.get_autocast_dtype("cpu") == torch.bfloat16 and native_bf16(x.device)


class BiLSTM(nn.LSTM):
    """One batch-first bidirectional LSTM layer (Hochreiter & Schmidhuber 1997):
    ``forward(x (B, L, input_size), lengths (B,)) -> (B, L, 2*hidden_size)``, zeros at
    positions ``>= lengths`` (raised to 1: an empty text keeps one PAD step).

    Its parameters and their names are those of ``nn.LSTM(bidirectional=True)``, so
    saved weights load either way.
    """

    def __init__(self, input_size: int, hidden_size: int):
        super().__init__(input_size, hidden_size, batch_first=True, bidirectional=True)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        lengths = lengths.clamp(min=1)
        if exporting() or _fused_is_faster(x):  # torch.export cannot trace packing
            return self.padded(x, lengths)
        return self.packed(x, lengths)

    def packed(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """:meth:`forward` by packing to ``lengths`` (each at least 1)."""
        return run_packed(super().forward, x, lengths)

    def padded(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """:meth:`forward` on the padded batch, each text reversed within its length for the
        backward direction (:func:`~studio.core.models.layers.run_padded`)."""
        return run_padded(self, x, lengths)
