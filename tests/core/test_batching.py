"""Batches of similar lengths cut to their longest row: the same rows, the same model, less padding."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from studio.core.data.prepare import EncodedSplit
from studio.core.training.batching import batch_widths, bucketed_order, row_lengths, swap_sides
from studio.core.training.config import TrainingConfig
from studio.core.training.metrics import predict_logits
from studio.core.training.trainer import Trainer


def lengths_of(n: int, seed: int = 0) -> torch.Tensor:
    return torch.randint(1, 33, (n,), generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("n", [5, 128, 1000, 6401])
def test_bucketed_order_is_a_permutation_with_full_batches_first(n):
    lengths, batch_size = lengths_of(n), 64
    order = torch.randperm(n, generator=torch.Generator().manual_seed(1))
    bucketed = bucketed_order(order, lengths, batch_size, torch.Generator().manual_seed(2))
    assert sorted(bucketed.tolist()) == list(range(n))
    widths = batch_widths(bucketed, lengths, batch_size)
    assert len(widths) == -(-n // batch_size)
    for number, start in enumerate(range(0, n, batch_size)):
        assert widths[number] == int(lengths[bucketed[start:start + batch_size]].max())


def test_buckets_hold_similar_lengths_and_depend_only_on_the_generator():
    n, batch_size = 6400, 64
    lengths = lengths_of(n)
    order = torch.randperm(n, generator=torch.Generator().manual_seed(1))
    first = bucketed_order(order, lengths, batch_size, torch.Generator().manual_seed(3))
    again = bucketed_order(order, lengths, batch_size, torch.Generator().manual_seed(3))
    assert torch.equal(first, again)
    spread = lengths[first].view(-1, batch_size)
    plain = lengths[order].view(-1, batch_size)
    assert (spread.max(1).values - spread.min(1).values).float().mean() < 3
    assert (plain.max(1).values - plain.min(1).values).float().mean() > 20
    assert sum(batch_widths(first, lengths, batch_size)) < 0.7 * sum(batch_widths(order, lengths, batch_size))


def test_row_lengths_take_the_longer_side_of_a_pair():
    assert row_lengths(torch.tensor([[3, 7], [9, 2]])).tolist() == [7, 9]
    assert row_lengths(torch.tensor([4, 5])).tolist() == [4, 5]


class WidthRecorder(nn.Module):
    """Mean of the embedded real tokens: ignores PAD, and records the width of each input."""

    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(50, 4, padding_idx=0)
        self.head = nn.Linear(4, 2)
        self.widths: list[int] = []

    def forward(self, ids, lengths):
        self.widths.append(ids.shape[-1])
        summed = self.embedding(ids).sum(dim=1)
        return self.head(summed / lengths.clamp(min=1).unsqueeze(1))


def split_of(n: int, max_len: int = 32) -> EncodedSplit:
    lengths = lengths_of(n, seed=5).clamp(max=max_len)
    ids = torch.zeros(n, max_len, dtype=torch.long)
    for row, length in enumerate(lengths.tolist()):
        ids[row, :length] = torch.randint(1, 50, (length,))
    return EncodedSplit(ids, lengths, (lengths > 16).long())


@pytest.mark.parametrize("buckets", [True, False])
def test_training_batches_are_cut_only_when_asked(buckets):
    train = split_of(640)
    model = WidthRecorder()
    Trainer(TrainingConfig(epochs=1, batch_size=64, length_buckets=buckets, patience=0, device="cpu")).fit(
        model, train, split_of(64), ["short", "long"])
    trained = model.widths[:10]
    assert len(trained) == 10
    if buckets:
        assert sum(trained) < 0.7 * 10 * 32
    else:
        assert trained == [32] * 10


def test_predictions_are_the_same_cut_or_not():
    model, split = WidthRecorder().eval(), split_of(300)
    cut = predict_logits(model, split, torch.device("cpu"), batch_size=64)
    with torch.no_grad():
        whole = model(split.ids, split.lengths)
    torch.testing.assert_close(cut, whole, atol=1e-5, rtol=1e-5)
    assert min(model.widths[:-1]) < 32


def test_swap_sides_exchanges_only_the_chosen_pairs():
    ids = torch.tensor([[[1, 2, 0], [3, 0, 0]], [[4, 0, 0], [5, 6, 7]]])
    lengths = torch.tensor([[2, 1], [1, 3]])
    swapped_ids, swapped_lengths = swap_sides(ids, lengths, torch.tensor([True, False]))
    assert swapped_ids.tolist() == [[[3, 0, 0], [1, 2, 0]], [[4, 0, 0], [5, 6, 7]]]
    assert swapped_lengths.tolist() == [[1, 2], [1, 3]]
    assert ids[0, 0].tolist() == [1, 2, 0]  # the input is left as it was


class PairRecorder(nn.Module):
    """Sums the embedded tokens of both sides; records the first token of each side it is shown."""

    def __init__(self, vocab: int):
        super().__init__()
        self.embedding = nn.Embedding(vocab, 4, padding_idx=0)
        self.head = nn.Linear(4, 2)
        self.shown: list[tuple[int, int]] = []

    def forward(self, ids, lengths):
        if self.training:
            self.shown += [tuple(row) for row in ids[:, :, 0].tolist()]
        return self.head(self.embedding(ids).sum(dim=(1, 2)) / lengths.sum(dim=1, keepdim=True))


def pair_split(n: int) -> EncodedSplit:
    """Row ``i`` is the pair (2i + 1, 2i + 2): every side's first token names its row and side."""
    ids = torch.zeros(n, 2, 4, dtype=torch.long)
    ids[:, 0, 0] = torch.arange(n) * 2 + 1
    ids[:, 1, 0] = torch.arange(n) * 2 + 2
    return EncodedSplit(ids, torch.ones(n, 2, dtype=torch.long), torch.arange(n) % 2)


def shown_pairs(swap: bool, seed: int = 42, n: int = 400) -> list[tuple[int, int]]:
    model = PairRecorder(2 * n + 1)
    config = TrainingConfig(epochs=2, batch_size=32, swap_pairs=swap, patience=0, device="cpu", seed=seed)
    Trainer(config).fit(model, pair_split(n), pair_split(40), ["no", "yes"])
    return model.shown


@pytest.mark.parametrize("swap", [True, False])
def test_swap_pairs_shows_a_random_half_of_the_pairs_as_b_a(swap):
    n = 400
    shown = shown_pairs(swap, n=n)
    assert len(shown) == 2 * n
    for first_epoch_row in (shown[:n], shown[n:]):
        assert sorted(min(a, b) for a, b in first_epoch_row) == list(range(1, 2 * n, 2))  # each pair once
        assert all(abs(a - b) == 1 and max(a, b) % 2 == 0 for a, b in first_epoch_row)
    flipped = [a > b for a, b in shown]
    if swap:
        assert 0.4 < sum(flipped[:n]) / n < 0.6 and 0.4 < sum(flipped[n:]) / n < 0.6
        by_row = [{min(a, b): a > b for a, b in epoch} for epoch in (shown[:n], shown[n:])]
        assert by_row[0] != by_row[1]  # drawn again each epoch
        assert shown_pairs(swap, n=n) == shown  # from the run's seed
    else:
        assert not any(flipped)


def test_swap_pairs_leaves_one_text_tasks_alone():
    model = WidthRecorder()
    Trainer(TrainingConfig(epochs=1, batch_size=64, swap_pairs=True, patience=0, device="cpu")).fit(
        model, split_of(256), split_of(64), ["short", "long"])
    assert len(model.widths) > 4
