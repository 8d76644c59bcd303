"""Learning-rate schedules, gradient clipping and class weights for the training loop."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy as np
import torch
from torch import nn

from studio.core.training.config import TrainingConfig


def lr_factor(step: int, config: TrainingConfig, steps_per_epoch: int) -> float:
    """Multiplier of ``config.lr`` for the optimizer step with 0-based index ``step``.

    ``warmup(s) * schedule(s)`` where, with ``W = warmup_steps`` and ``T = epochs *
    steps_per_epoch``:

    * warm-up: ``min(1, (s + 1) / W)`` (1 when ``W == 0``), a linear rise from 0 whose
      first step already moves the weights;
    * constant: ``1``;
    * step: ``gamma ** (epoch // step_size)`` with ``epoch = s // steps_per_epoch``
      (0-based), as ``torch.optim.lr_scheduler.StepLR`` stepped once per epoch;
    * cosine: ``0.5 * (1 + cos(pi * p))`` with ``p = max(0, s - W) / max(1, T - W)``,
      cosine annealing to 0 after the warm-up (Loshchilov & Hutter 2017, no restarts).

    Raises:
        ValueError: ``step`` is negative or ``steps_per_epoch`` is below 1.
    """
    if step < 0 or steps_per_epoch < 1:
        raise ValueError(f"step {step} and steps_per_epoch {steps_per_epoch} must be >= 0 and >= 1")
    warmup = config.warmup_steps
    factor = min(1.0, (step + 1) / warmup) if warmup else 1.0
    if config.lr_schedule == "step":
        factor *= config.gamma ** ((step // steps_per_epoch) // config.step_size)
    elif config.lr_schedule == "cosine":
        total = config.epochs * steps_per_epoch
        progress = min(1.0, max(0, step - warmup) / max(1, total - warmup))
        factor *= 0.5 * (1.0 + math.cos(math.pi * progress))
    return factor


def make_schedulers(optimizers: Iterable[torch.optim.Optimizer], config: TrainingConfig,
                    steps_per_epoch: int) -> list[torch.optim.lr_scheduler.LambdaLR]:
    """One ``LambdaLR`` per optimizer following :func:`lr_factor`; step them after every
    optimizer step. Creating them sets each group's learning rate to ``lr * lr_factor(0)``."""
    factor: Callable[[int], float] = lambda step: lr_factor(step, config, steps_per_epoch)  # noqa: E731
    return [torch.optim.lr_scheduler.LambdaLR(optimizer, factor) for optimizer in optimizers]


@torch.no_grad()
def clip_gradients(parameters: Iterable[nn.Parameter], max_norm: float) -> torch.Tensor:
    """Scale all gradients so that their global L2 norm is at most ``max_norm``
    (Pascanu et al. 2013); returns the norm before clipping (a 0-d tensor).

    Dense gradients go through ``torch.nn.utils.clip_grad_norm_``; sparse ones (the
    ``sparse=True`` embedding tables), which it cannot take, count in the same norm
    with their coalesced values and are scaled by the same factor.
    """
    params = [p for p in parameters if p.grad is not None]
    sparse = [p for p in params if p.grad.is_sparse]
    dense = [p for p in params if not p.grad.is_sparse]
    if not sparse:
        return nn.utils.clip_grad_norm_(dense, max_norm)
    for p in sparse:
        p.grad = p.grad.coalesce()
    norms = [p.grad.values().norm() for p in sparse]
    if dense:
        norms.append(nn.utils.clip_grad_norm_(dense, math.inf))  # the norm only; scales by 1
    total = torch.stack([n.to(norms[0].device) for n in norms]).norm()
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for p in params:
        p.grad.mul_(coef.to(p.grad.device))
    return total


def balanced_class_weights(labels: torch.Tensor, num_classes: int) -> torch.Tensor:
    """Weights ``(C,)`` float32: scikit-learn's ``compute_class_weight("balanced")``,
    ``n_samples / (n_present_classes * count)``, on the classes present in ``labels``
    ``(N,)``; a class absent from the training split gets weight 1."""
    from sklearn.utils.class_weight import compute_class_weight

    y = labels.cpu().numpy()
    weights = np.ones(num_classes, dtype=np.float64)
    present = np.unique(y)
    if len(present):
        weights[present] = compute_class_weight("balanced", classes=present, y=y)
    return torch.tensor(weights, dtype=torch.float32)
