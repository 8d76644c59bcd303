"""The FLOP count behind the benchmarks' "share of peak" and "epoch at peak" figures."""

from __future__ import annotations

import sys
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode

from studio.core.data.prepare import EncodedSplit
from studio.core.models import build_model
from studio.core.training.config import TrainingConfig

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from common import recurrent_macs_per_token, training_flop_per_sample  # noqa: E402


def _pair_split(lengths: torch.Tensor, vocab: int = 50) -> EncodedSplit:
    width = int(lengths.max())
    ids = torch.randint(2, vocab, (len(lengths), 2, width))
    ids[torch.arange(width) >= lengths.unsqueeze(-1)] = 0
    return EncodedSplit(ids, lengths, torch.randint(0, 2, (len(lengths),)))


def _tiny_esim():
    torch.manual_seed(0)
    return build_model({"type": "esim", "embedding_dim": 8, "hidden_size": 4}, 50, 2)


def test_the_recurrence_formula_is_what_torch_counts_on_a_ragged_batch():
    """A packed batch of unequal lengths runs as per-step products the counter sees: the
    forward pass is the formula's third exactly; the backward pass skips only the gradient
    of the zero start state, which the formula (3x the forward) keeps."""
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(6, 5, num_layers=2, bidirectional=True, batch_first=True)
    lengths = torch.tensor([7, 3, 5, 1])
    x = torch.randn(4, 7, 6, requires_grad=True)
    formula = 3 * 2 * recurrent_macs_per_token(lstm) * int(lengths.sum())
    forward, training = FlopCounterMode(display=False), FlopCounterMode(display=False)
    with forward, torch.no_grad():
        lstm(torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))
    assert forward.get_total_flops() * 3 == formula
    with training:
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        lstm(packed)[0].data.sum().backward()
    assert formula * 0.95 < training.get_total_flops() < formula


def test_esim_counts_each_recurrence_once_whatever_the_lengths():
    model = _tiny_esim()
    training = TrainingConfig(batch_size=4, length_buckets=False)
    per_token = recurrent_macs_per_token(model.encoder) + recurrent_macs_per_token(model.composition)
    for lengths in (torch.tensor([[5, 2], [3, 3], [1, 4], [5, 5]]),  # ragged: counted by torch too
                    torch.full((4, 2), 5)):  # equal: a fused kernel, counted 0 by torch
        other, recurrent = training_flop_per_sample(model, _pair_split(lengths), training, batches=1)
        assert recurrent == 3 * 2 * per_token * lengths.sum().item() / 4
        # what remains is ESIM's projection and MLP and its alignment: as much either way
        assert other > 0
    assert all(p.grad is None for p in model.parameters())


def test_the_other_products_are_the_same_for_ragged_and_equal_lengths():
    model = _tiny_esim()
    training = TrainingConfig(batch_size=2, length_buckets=False)
    ragged = training_flop_per_sample(model, _pair_split(torch.tensor([[5, 2], [3, 5]])), training, batches=1)
    equal = training_flop_per_sample(model, _pair_split(torch.full((2, 2), 5)), training, batches=1)
    assert ragged[0] == equal[0]
    counter = FlopCounterMode(display=False)
    with counter:
        F.cross_entropy(model.classifier(torch.zeros(2, 32)), torch.zeros(2, dtype=torch.long)).backward()
    assert ragged[0] > counter.get_total_flops() / 2  # more than the MLP alone


def test_r_drop_doubles_the_count():
    model = _tiny_esim()
    split = _pair_split(torch.tensor([[5, 2], [3, 5]]))
    once = training_flop_per_sample(model, split, TrainingConfig(batch_size=2), batches=1)
    twice = training_flop_per_sample(model, split, TrainingConfig(batch_size=2, rdrop_alpha=1.0), batches=1)
    assert twice == (2 * once[0], 2 * once[1])
