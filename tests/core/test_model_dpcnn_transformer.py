"""DPCNN and Transformer specifics: length problems, PAD invariance of each variant, configs."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from studio.core.errors import ConfigError
from studio.core.models import build_model, config_problems, parse_config
from studio.core.models.dpcnn import MaskedDownsample, halve_lengths
from studio.core.text.vocab import PAD_ID

VOCAB, CLASSES = 50, 3
DPCNN_SMALL = {"type": "dpcnn", "embedding_dim": 16, "num_filters": 8}
TRANSFORMER_SMALL = {"type": "transformer", "embedding_dim": 16, "hidden_size": 16,
                     "num_heads": 4, "ffn_size": 32}


def ragged_batch(max_length: int, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """One row per length 1..max_length, random tokens, PAD after each text."""
    generator = torch.Generator().manual_seed(seed)
    lengths = torch.arange(1, max_length + 1)
    ids = torch.randint(2, VOCAB, (max_length, max_length), generator=generator)
    ids[torch.arange(max_length)[None, :] >= lengths[:, None]] = PAD_ID
    return ids, lengths


def assert_pad_invariant(model: torch.nn.Module, ids: torch.Tensor, lengths: torch.Tensor) -> None:
    """Appended PAD, and each text alone at its own length, give the batch's logits."""
    padded = torch.cat([ids, torch.full((len(ids), 7), PAD_ID, dtype=ids.dtype)], dim=1)
    expected = model(ids, lengths)
    torch.testing.assert_close(model(padded, lengths), expected, atol=1e-5, rtol=1e-5)
    alone = torch.cat([model(ids[i:i + 1, :n], lengths[i:i + 1]) for i, n in enumerate(lengths)])
    torch.testing.assert_close(alone, expected, atol=1e-5, rtol=1e-5)


def test_dpcnn_problems_explain_too_many_blocks():
    problems = config_problems({"type": "dpcnn", "num_blocks": 4}, 10)
    assert {field: str(problem) for field, problem in problems.items()} == {
        "num_blocks": "DPCNN with 4 blocks halves the text 4 times and needs max_len >= 16 (now 10); "
                      "use at most 3 blocks or raise max_len."}
    assert problems["num_blocks"].code == "model.dpcnn_too_short"
    one = config_problems({"type": "dpcnn", "num_blocks": 1}, 1)["num_blocks"]
    assert str(one) == ("DPCNN with 1 block halves the text 1 time and needs max_len >= 2 (now 1); "
                        "raise max_len to at least 2.")


@pytest.mark.parametrize("num_blocks, max_len", [(1, 2), (3, 8), (3, 256), (4, 16)])
def test_dpcnn_no_problem_when_the_blocks_fit(num_blocks, max_len):
    assert config_problems({"type": "dpcnn", "num_blocks": num_blocks}, max_len) == {}


def test_dpcnn_downsampling_pools_real_positions_only():
    # negative features: zeros past the end must not win the max
    x = -torch.arange(1.0, 7.0).expand(2, 1, 6)  # (B=2, F=1, L=6): -1 .. -6
    lengths = torch.tensor([6, 3])
    pooled = MaskedDownsample()(x, lengths)
    assert pooled.shape == (2, 1, 3)
    torch.testing.assert_close(pooled[0, 0], torch.tensor([-1.0, -3.0, -5.0]))
    torch.testing.assert_close(pooled[1, 0], torch.tensor([-1.0, -3.0, 0.0]))  # ceil(3/2) = 2 real
    assert halve_lengths(lengths).tolist() == [3, 2]


@pytest.mark.parametrize("num_blocks", [1, 2, 3, 4])
def test_dpcnn_is_pad_invariant(num_blocks):
    torch.manual_seed(num_blocks)
    model = build_model({**DPCNN_SMALL, "num_blocks": num_blocks}, VOCAB, CLASSES).eval()
    ids, lengths = ragged_batch(20)
    with torch.no_grad():
        assert_pad_invariant(model, ids, lengths)


@pytest.mark.parametrize("grad", [False, True], ids=["no_grad", "grad"])  # fast path / plain path
@pytest.mark.parametrize("overrides", [
    {},
    {"positions": "learned"},
    {"pooling": "first"},
    {"positions": "learned", "pooling": "first", "max_positions": 24},
    {"embedding_dim": 12, "hidden_size": 20, "num_heads": 5, "num_layers": 3},
])
def test_transformer_is_pad_invariant(overrides, grad):
    torch.manual_seed(0)
    model = build_model({**TRANSFORMER_SMALL, **overrides}, VOCAB, CLASSES).eval()
    ids, lengths = ragged_batch(20)
    with torch.set_grad_enabled(grad):
        assert_pad_invariant(model, ids, lengths)


def test_transformer_projects_only_when_sizes_differ():
    same = build_model(TRANSFORMER_SMALL, VOCAB, CLASSES)
    other = build_model({**TRANSFORMER_SMALL, "embedding_dim": 12}, VOCAB, CLASSES)
    assert not list(same.projection.parameters())
    assert other.projection.weight.shape == (16, 12)


def test_transformer_num_heads_must_divide_hidden_size():
    with pytest.raises(ConfigError) as info:
        parse_config({"type": "transformer", "num_heads": 7})
    message = str(info.value)
    assert message.startswith("num_heads: hidden_size 300 is not divisible by num_heads 7")
    assert "1, 2, 3, 4, 5, 6, 10" in message
    [problem] = info.value.params["problems"]
    assert problem.params["problem"].code == "model.heads_divide"
    # the default of 5 heads is checked too, against a changed hidden_size
    with pytest.raises(ConfigError, match="^num_heads: hidden_size 16 .* num_heads 5"):
        parse_config({"type": "transformer", "hidden_size": 16})
    # a hidden_size out of range is reported alone, not as a heads problem
    with pytest.raises(ConfigError) as info:
        parse_config({"type": "transformer", "hidden_size": 0})
    assert str(info.value).startswith("hidden_size:") and "num_heads" not in str(info.value)


def test_transformer_problems_flag_short_learned_positions():
    learned = {"type": "transformer", "positions": "learned", "max_positions": 64}
    problems = config_problems(learned, 100)
    assert list(problems) == ["max_positions"] and "100" in str(problems["max_positions"])
    assert problems["max_positions"].code == "model.positions_too_few"
    assert config_problems(learned, 64) == {}
    assert config_problems({**learned, "positions": "sinusoidal"}, 100) == {}


@pytest.mark.parametrize("config", [
    {**DPCNN_SMALL, "num_blocks": 2},
    {**TRANSFORMER_SMALL, "num_layers": 1},
    {**TRANSFORMER_SMALL, "num_layers": 1, "positions": "learned", "pooling": "first"},
], ids=["dpcnn", "transformer", "transformer-learned-first"])
def test_tiny_model_learns_a_separable_toy_task(config):
    # class c: texts made only of tokens from band c of the vocabulary, lengths 3..12
    torch.manual_seed(0)
    n, length = 96, 12
    labels = torch.arange(n) % CLASSES
    band = (VOCAB - 2) // CLASSES
    ids = 2 + labels[:, None] * band + torch.randint(0, band, (n, length))
    lengths = torch.randint(3, length + 1, (n,))
    ids[torch.arange(length)[None, :] >= lengths[:, None]] = PAD_ID

    model = build_model({**config, "dropout": 0.1}, VOCAB, CLASSES)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    model.train()
    for _ in range(40):
        loss = F.cross_entropy(model(ids, lengths), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(ids, lengths).argmax(dim=1) == labels).float().mean().item()
    assert loss.item() < 0.2
    assert accuracy == 1.0


@pytest.mark.parametrize("config", [DPCNN_SMALL, TRANSFORMER_SMALL], ids=["dpcnn", "transformer"])
def test_submodules_report_single_tensors(config):
    # the GUI's layer table reads each top-level submodule's output shape from a forward hook
    model = build_model(config, VOCAB, CLASSES).eval()
    outputs = {}
    for name, module in model.named_children():
        module.register_forward_hook(lambda m, args, out, name=name: outputs.setdefault(name, out))
    ids, lengths = ragged_batch(9)
    with torch.no_grad():
        model(ids, lengths)
    assert all(isinstance(out, torch.Tensor) for out in outputs.values()), outputs.keys()
    assert outputs["pool"].shape == (9, config.get("num_filters", config.get("hidden_size")))
