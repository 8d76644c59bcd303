"""Batches of similar lengths, cut to their longest row.

Every model of the zoo ignores trailing PAD (``tests/core/test_models.py``
``test_trailing_pad_does_not_change_logits``), so a batch can be cut to the length of
its longest row without changing any output. On short texts (LCQMC questions average 11
characters against a ``max_len`` of 32) that removes most of the padding, and drawing
each batch from rows of similar length (the bucket iterator of torchtext, after Khomenko
et al. 2016, "Accelerating recurrent neural network training using sequence bucketing")
removes most of the rest: a recurrence then runs ~12 steps instead of 32.

The order stays a function of the epoch's random generator, so a resumed epoch draws the
same batches again.
"""

from __future__ import annotations

import torch

POOL_BATCHES = 50  # batches per pool sorted by length: enough to group, few enough to stay random


def row_lengths(lengths: torch.Tensor) -> torch.Tensor:
    """``(N,)`` the longest side of each row: ``lengths`` (N,) as is, or (N, 2) for pairs."""
    return lengths if lengths.dim() == 1 else lengths.max(dim=1).values


def bucketed_order(order: torch.Tensor, lengths: torch.Tensor, batch_size: int,
                   generator: torch.Generator) -> torch.Tensor:
    """``order`` (N,) rearranged so each batch holds rows of similar length.

    Each pool of ``POOL_BATCHES * batch_size`` consecutive rows of the random ``order`` is
    sorted by length (stable) and cut into batches; the full batches are then shuffled
    with ``generator`` and a last, partial batch stays last (so every batch but the last
    has ``batch_size`` rows, as the training loop's slicing expects). ``lengths`` are
    :func:`row_lengths` on the CPU; ``order`` is on the CPU too.
    """
    n = len(order)
    if n <= batch_size:
        return order
    pool = POOL_BATCHES * batch_size
    pool_of = torch.arange(n) // pool
    key = pool_of * (int(lengths.max()) + 1) + lengths[order]
    grouped = order[torch.argsort(key, stable=True)]
    full = n // batch_size * batch_size
    batches = grouped[:full].view(-1, batch_size)
    shuffled = batches[torch.randperm(len(batches), generator=generator)].reshape(-1)
    return torch.cat([shuffled, grouped[full:]])


def batch_widths(order: torch.Tensor, lengths: torch.Tensor, batch_size: int) -> list[int]:
    """The longest row (at least 1) of each batch of ``order``, in batch order: how far each
    batch's ``ids`` need to reach. ``order`` and ``lengths`` (:func:`row_lengths`) on the CPU."""
    ordered = lengths[order]
    full = len(ordered) // batch_size * batch_size
    widths = ordered[:full].view(-1, batch_size).max(dim=1).values.tolist()
    if full < len(ordered):
        widths.append(int(ordered[full:].max()))
    return [max(width, 1) for width in widths]


def epoch_order(num: int, lengths: torch.Tensor | None, batch_size: int,
                generator: torch.Generator) -> tuple[torch.Tensor, list[int] | None]:
    """An epoch's batch order over ``num`` rows, drawn from ``generator`` (the Trainer's,
    so the same seed replays it): a random permutation, grouped by length when
    ``lengths`` (:func:`row_lengths`, CPU) are given; and then each batch's width
    (:func:`batch_widths`), else None."""
    order = torch.randperm(num, generator=generator)
    if lengths is None:
        return order, None
    order = bucketed_order(order, lengths, batch_size, generator)
    return order, batch_widths(order, lengths, batch_size)


def swap_sides(ids: torch.Tensor, lengths: torch.Tensor, swap: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """A pair batch with the two texts of the rows where ``swap`` is true exchanged.

    ``ids (B, 2, L)``, ``lengths (B, 2)``, ``swap (B,)`` bool, all on one device; returns
    new tensors of the same shapes (the inputs are not changed). Data augmentation for
    symmetric pair tasks (``TrainingConfig.swap_pairs``): a paraphrase label does not depend
    on which question comes first.
    """
    return (torch.where(swap[:, None, None], ids.flip(1), ids),
            torch.where(swap[:, None], lengths.flip(1), lengths))
