"""The training loss: cross-entropy, optionally with R-Drop's consistency term."""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F


def training_loss(forward: Callable[[torch.Tensor, torch.Tensor], torch.Tensor], x: torch.Tensor,
                  lengths: torch.Tensor, y: torch.Tensor, *, weight: torch.Tensor | None = None,
                  label_smoothing: float = 0.0, rdrop_alpha: float = 0.0) -> tuple[torch.Tensor, torch.Tensor]:
    """The loss of one batch and its logits.

    ``forward(x, lengths) -> (N, C)`` logits, ``x`` ``(B, L)`` or ``(B, 2, L)`` ids,
    ``lengths`` ``(B,)`` or ``(B, 2)``, ``y (B,)`` class ids; ``weight (C,)`` class weights.
    Returns the scalar loss and the ``(B, C)`` logits the accuracy is counted on.

    With ``rdrop_alpha`` 0 the loss is the mean cross-entropy. Above 0 (R-Drop, Liang et
    al. 2021, "R-Drop: Regularized Dropout for Neural Networks", NeurIPS) the batch runs
    twice in one forward pass, ``(2B, ...)``, so each copy gets its own dropout masks; the
    loss is the mean cross-entropy of both copies plus ``rdrop_alpha`` times the batch mean
    of ``(KL(p1 ‖ p2) + KL(p2 ‖ p1)) / 2`` between the copies' predicted distributions, and
    the logits are the first copy's.
    """
    if rdrop_alpha <= 0:
        logits = forward(x, lengths)
        return F.cross_entropy(logits, y, weight=weight, label_smoothing=label_smoothing), logits
    batch = y.shape[0]
    logits = forward(torch.cat([x, x]), torch.cat([lengths, lengths]))
    loss = F.cross_entropy(logits, torch.cat([y, y]), weight=weight, label_smoothing=label_smoothing)
    first, second = logits.float().log_softmax(-1).split(batch)
    kl_both = (F.kl_div(first, second, log_target=True, reduction="sum")
               + F.kl_div(second, first, log_target=True, reduction="sum"))
    return loss + rdrop_alpha * kl_both / (2 * batch), logits[:batch]
