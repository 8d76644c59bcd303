"""R-Drop's loss (TrainingConfig.rdrop_alpha): the batch runs twice with different dropout masks
and the symmetric KL between the two predictions joins the cross-entropy; off, the loss is
cross-entropy. tests/core/test_schedules.py checks that the training loop uses it."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from studio.core.models import build_model
from studio.core.training.losses import training_loss


class Bag(nn.Module):
    """Mean of token vectors, dropout, a linear layer: ``(B, L)`` ids -> ``(B, 3)``."""

    def __init__(self, p: float):
        super().__init__()
        self.embedding, self.dropout, self.fc = nn.Embedding(20, 8), nn.Dropout(p), nn.Linear(8, 3)

    def forward(self, ids, lengths):
        return self.fc(self.dropout(self.embedding(ids).mean(1)))


def batch():
    generator = torch.Generator().manual_seed(3)
    ids = torch.randint(1, 20, (6, 5), generator=generator)
    return ids, torch.full((6,), 5), torch.tensor([0, 1, 2, 0, 1, 2])


def test_off_it_is_cross_entropy():
    torch.manual_seed(0)
    model, (ids, lengths, y) = Bag(0.5), batch()
    torch.manual_seed(1)
    loss, logits = training_loss(model, ids, lengths, y, label_smoothing=0.1)
    torch.manual_seed(1)
    expected = model(ids, lengths)
    torch.testing.assert_close(logits, expected)
    torch.testing.assert_close(loss, F.cross_entropy(expected, y, label_smoothing=0.1))


def test_it_adds_the_symmetric_kl_of_two_dropout_passes():
    torch.manual_seed(0)
    model, (ids, lengths, y) = Bag(0.5), batch()
    weight = torch.tensor([1.0, 2.0, 0.5])
    torch.manual_seed(1)
    loss, logits = training_loss(model, ids, lengths, y, weight=weight, rdrop_alpha=2.0)
    torch.manual_seed(1)
    both = model(torch.cat([ids, ids]), torch.cat([lengths, lengths]))  # one pass, its own masks per row
    p, q = both[:6].softmax(-1), both[6:].softmax(-1)
    assert not torch.allclose(p, q)  # the two copies saw different dropout masks
    kl_pq, kl_qp = (p * (p / q).log()).sum(-1), (q * (q / p).log()).sum(-1)
    cross_entropy = F.cross_entropy(both, torch.cat([y, y]), weight=weight)
    torch.testing.assert_close(loss, cross_entropy + 2.0 * ((kl_pq + kl_qp) / 2).mean())
    torch.testing.assert_close(logits, both[:6])
    assert loss > cross_entropy


def test_without_dropout_the_copies_agree():
    torch.manual_seed(0)
    model, (ids, lengths, y) = Bag(0.0), batch()
    loss, _ = training_loss(model, ids, lengths, y, rdrop_alpha=5.0)
    torch.testing.assert_close(loss, F.cross_entropy(model(ids, lengths), y))


def test_pair_batches_double_along_the_pairs():
    torch.manual_seed(0)
    model = build_model({"type": "esim", "embedding_dim": 8, "hidden_size": 4, "dropout": 0.3}, 30, 2)
    ids = torch.randint(1, 30, (4, 2, 6))
    lengths = torch.tensor([[6, 3], [2, 5], [4, 4], [1, 6]])
    ids[1, 0, 2:], ids[0, 1, 3:] = 0, 0
    ids[2, :, 4:], ids[3, 0, 1:] = 0, 0
    seen = []
    model.register_forward_hook(lambda module, inputs, output: seen.append((inputs[0].shape, output.shape)))
    loss, logits = training_loss(model, ids, lengths, torch.tensor([0, 1, 1, 0]), rdrop_alpha=1.0)
    assert seen == [((8, 2, 6), (8, 2))] and logits.shape == (4, 2) and math.isfinite(loss.item())
