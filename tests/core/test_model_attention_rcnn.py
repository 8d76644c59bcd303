"""TextRNN + attention and TextRCNN: attention weights, masked pooling, variants, learning."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from studio.core.models import build_model, default_config
from studio.core.models.textrcnn import MaskedMaxPool
from studio.core.text.vocab import PAD_ID

VOCAB, CLASSES = 60, 4
SMALL = {"embedding_dim": 16, "hidden_size": 16, "fc_size": 8}
LENGTHS = [12, 1, 6, 3, 11]
MODELS = ["textrnn_att", "textrcnn"]


def make_model(name: str, seed: int = 0, **overrides) -> torch.nn.Module:
    data = default_config(name).model_dump()
    data.update({k: v for k, v in SMALL.items() if k in data})
    torch.manual_seed(seed)
    return build_model({**data, **overrides}, VOCAB, CLASSES)


def make_inputs(seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """Ids (5, 12) with real lengths ``LENGTHS``, PAD after them."""
    lengths = torch.tensor(LENGTHS)
    ids = torch.randint(2, VOCAB, (len(LENGTHS), max(LENGTHS)),
                        generator=torch.Generator().manual_seed(seed))
    ids[torch.arange(ids.shape[1])[None, :] >= lengths[:, None]] = PAD_ID
    return ids, lengths


def test_defaults_follow_the_reference_setup():
    att, rcnn = default_config("textrnn_att"), default_config("textrcnn")
    assert (att.embedding_dim, att.hidden_size, att.num_layers, att.fc_size) == (300, 128, 2, 64)
    assert (rcnn.embedding_dim, rcnn.hidden_size, rcnn.num_layers) == (300, 256, 1)
    for config in (att, rcnn):
        assert (config.cell, config.bidirectional, config.dropout) == ("lstm", True, 0.5)


def test_attention_is_zero_on_pad_and_sums_to_one():
    model = make_model("textrnn_att").eval()
    torch.nn.init.normal_(model.attention.w)  # it starts at zero: uniform weights
    seen = {}
    model.attention.register_forward_hook(
        lambda module, args, output: seen.update(h=args[0], lengths=args[1], r=output))
    ids, lengths = make_inputs()
    padded = torch.cat([ids, torch.full((len(LENGTHS), 4), PAD_ID)], dim=1)
    with torch.no_grad():
        model(padded, lengths)
        alpha = model.attention.weights(seen["h"], seen["lengths"])
    real = torch.arange(padded.shape[1])[None, :] < lengths[:, None]
    assert alpha.shape == padded.shape
    assert torch.equal(alpha[~real], torch.zeros((~real).sum().item()))
    torch.testing.assert_close(alpha.sum(dim=1), torch.ones(len(LENGTHS)))
    assert (alpha[real] > 0).all()
    assert not torch.allclose(alpha[0, :12], torch.full((12,), 1 / 12))  # not merely uniform
    torch.testing.assert_close(seen["r"], (alpha.unsqueeze(2) * seen["h"]).sum(dim=1))


def test_masked_max_pool_ignores_positions_past_the_length():
    x = torch.tensor([[[1.0, -5.0], [-2.0, -1.0], [9.0, 9.0]],
                      [[-3.0, -4.0], [7.0, 7.0], [8.0, 8.0]]])
    pooled = MaskedMaxPool()(x, torch.tensor([2, 0]))  # length 0 counts as 1
    assert torch.equal(pooled, torch.tensor([[1.0, -1.0], [-3.0, -4.0]]))


def test_rcnn_contexts_exclude_the_word_itself():
    # with no embedding in the per-word layer, a one-word text has nothing to see
    model = make_model("textrcnn").eval()
    embedding_columns = slice(SMALL["hidden_size"], SMALL["hidden_size"] + SMALL["embedding_dim"])
    with torch.no_grad():
        model.project.weight[:, embedding_columns] = 0
        a = model(torch.tensor([[5]]), torch.tensor([1]))
        b = model(torch.tensor([[17]]), torch.tensor([1]))
    torch.testing.assert_close(a, b)


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("overrides", [
    {"bidirectional": False},
    {"num_layers": 1},
    {"num_layers": 3},
    {"cell": "gru"},
    {"cell": "rnn", "bidirectional": False, "num_layers": 2},
])
def test_variants_are_pad_invariant_and_trainable(name, overrides):
    model = make_model(name, **overrides)
    ids, lengths = make_inputs()
    model.train()
    F.cross_entropy(model(ids, lengths), torch.arange(len(LENGTHS)) % CLASSES).backward()
    dead = [n for n, p in model.named_parameters() if p.grad is None or not p.grad.abs().sum() > 0]
    assert not dead, dead
    model.eval()
    padded = torch.cat([ids, torch.full((len(LENGTHS), 5), PAD_ID)], dim=1)
    with torch.no_grad():
        torch.testing.assert_close(model(padded, lengths), model(ids, lengths), atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("name", MODELS)
def test_learns_a_separable_toy_task(name):
    # class 0 texts use tokens 2..9, class 1 texts 10..19; lengths 1..8, PAD after
    generator = torch.Generator().manual_seed(0)
    labels = torch.arange(64) % 2
    ids = torch.randint(2, 10, (64, 8), generator=generator) + 8 * labels[:, None]
    lengths = torch.randint(1, 9, (64,), generator=generator)
    ids[torch.arange(8)[None, :] >= lengths[:, None]] = PAD_ID
    torch.manual_seed(0)
    model = build_model({"type": name, "embedding_dim": 8, "hidden_size": 8, "num_layers": 1,
                         "dropout": 0.0}, 20, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    model.train()
    for _ in range(40):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(ids, lengths), labels)
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        predicted = model(ids, lengths).argmax(dim=1)
    assert loss.item() < 0.1
    assert torch.equal(predicted, labels)
