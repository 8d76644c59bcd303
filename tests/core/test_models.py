"""Every registered model: shapes, gradients, PAD invariance, save/load, configs.

Pair-only models (ESIM, Siamese) take ``ids (B, 2, L)`` and ``lengths (B, 2)``; the tests
here give them each one-text batch paired with itself reversed (:func:`for_model`), so
every check below covers them too. ``tests/core/test_pair_models.py`` has their own tests."""

from __future__ import annotations

import json

import pytest
import torch
import torch.nn.functional as F
from safetensors.torch import load_file, save_file

from studio.core.errors import ConfigError
from studio.core.messages import Message
from studio.core.models import (
    build_model,
    config_problems,
    count_parameters,
    default_config,
    model_names,
    parse_config,
    takes_pairs,
)
from studio.core.text.vocab import PAD_ID

VOCAB, CLASSES, BATCH, LENGTH = 60, 4, 5, 12
# Small sizes for whichever of these fields a model's config has.
SMALL = {"embedding_dim": 16, "num_filters": 8, "hidden_size": 16, "num_layers": 2,
         "num_heads": 4, "ffn_size": 32, "num_buckets": 1000, "num_blocks": 2}


def small_config(name: str) -> dict:
    data = default_config(name).model_dump()
    data.update({k: v for k, v in SMALL.items() if k in data})
    return data


def make_inputs(length: int = LENGTH, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """Ids (BATCH, length) with varied real lengths (1..length), PAD after them."""
    generator = torch.Generator().manual_seed(seed)
    lengths = torch.tensor([length, 1, length // 2, 3, length - 1])[:BATCH]
    ids = torch.randint(2, VOCAB, (BATCH, length), generator=generator)
    ids[torch.arange(length)[None, :] >= lengths[:, None]] = PAD_ID
    return ids, lengths


def for_model(name: str, ids: torch.Tensor, lengths: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The one-text batch ``ids (B, L)`` as ``name`` takes it: unchanged, or for a pair-only
    model ``(B, 2, L)`` with each text as side a and the batch reversed as side b."""
    if not takes_pairs(name):
        return ids, lengths
    return torch.stack([ids, ids.flip(0)], dim=1), torch.stack([lengths, lengths.flip(0)], dim=1)


def make_model(name: str, seed: int = 0) -> torch.nn.Module:
    torch.manual_seed(seed)
    return build_model(small_config(name), VOCAB, CLASSES)


def test_registry_lists_the_known_models():
    names = model_names()
    assert {"textcnn", "textrnn", "fasttext"} <= set(names)
    assert len(names) == len(set(names))


def test_unknown_model_type_lists_the_known_ones():
    with pytest.raises(ConfigError) as info:
        parse_config({"type": "transformer-xxl"})
    assert "transformer-xxl" in str(info.value)
    assert all(name in str(info.value) for name in model_names())


@pytest.fixture(params=model_names())
def name(request) -> str:
    return request.param


def test_output_shape(name):
    model = make_model(name).eval()
    ids, lengths = for_model(name, *make_inputs())
    logits = model(ids, lengths)
    assert logits.shape == (BATCH, CLASSES)
    assert logits.dtype == torch.float32
    assert torch.isfinite(logits).all()
    assert count_parameters(model) > 0


def test_every_parameter_gets_a_gradient(name):
    model = make_model(name).train()
    ids, lengths = for_model(name, *make_inputs())
    loss = F.cross_entropy(model(ids, lengths), torch.arange(BATCH) % CLASSES)
    loss.backward()
    missing = [n for n, p in model.named_parameters() if p.requires_grad and p.grad is None]
    assert not missing, f"{name}: no gradient for {missing}"
    grads = {n: p.grad.to_dense() for n, p in model.named_parameters()}  # sparse tables too
    for n, grad in grads.items():
        assert torch.isfinite(grad).all(), n
    dead = [n for n, grad in grads.items() if not grad.abs().sum() > 0]
    assert not dead, f"{name}: all-zero gradient for {dead}"


def test_trailing_pad_does_not_change_logits(name):
    model = make_model(name).eval()
    ids, lengths = for_model(name, *make_inputs())
    padded = torch.cat([ids, torch.full((*ids.shape[:-1], 9), PAD_ID, dtype=ids.dtype)], dim=-1)
    with torch.no_grad():
        a = model(ids, lengths)
        b = model(padded, lengths)
    torch.testing.assert_close(b, a, atol=1e-5, rtol=1e-5)


def test_short_inputs_work(name):
    # a max_len shorter than e.g. TextCNN's widest kernel, and an all-PAD (empty) text
    model = make_model(name).eval()
    ids, lengths = for_model(name, torch.tensor([[5], [PAD_ID]]), torch.tensor([1, 1]))
    with torch.no_grad():
        logits = model(ids, lengths)
    assert logits.shape == (2, CLASSES)
    assert torch.isfinite(logits).all()


def test_weights_round_trip_through_safetensors(name, tmp_path):
    model = make_model(name, seed=1).eval()
    ids, lengths = for_model(name, *make_inputs(seed=3))
    path = tmp_path / "weights.safetensors"
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(path))
    assert not path.read_bytes().startswith(b"PK")  # not a torch.save zip of pickles

    fresh = make_model(name, seed=2).eval()
    with torch.no_grad():
        before = fresh(ids, lengths)
    fresh.load_state_dict(load_file(str(path)))
    with torch.no_grad():
        expected = model(ids, lengths)
        got = fresh(ids, lengths)
    assert not torch.equal(before, expected)  # the fresh model really started different
    assert torch.equal(got, expected)


def test_config_json_round_trip(name):
    config = parse_config(small_config(name))
    assert config.type == name
    again = parse_config(json.loads(config.model_dump_json()))
    assert again == config
    assert type(again) is type(config)
    assert parse_config(config) is config
    # the defaults round-trip too
    default = default_config(name)
    assert parse_config(json.loads(json.dumps(default.model_dump()))) == default


def test_problems_name_real_fields(name):
    config = default_config(name)
    assert config_problems(config, 256) == {}  # the defaults fit a generous max_len
    for field, message in config_problems(config, 1).items():
        assert field in type(config).model_fields, field
        assert isinstance(message, Message) and str(message).strip()


def test_unknown_key_is_a_config_error_naming_it(name):
    with pytest.raises(ConfigError, match="no_such_setting"):
        parse_config({**small_config(name), "no_such_setting": 3})


def test_out_of_range_value_is_a_config_error_naming_it(name):
    data = small_config(name)
    field, bad = next(((f, v) for f, v in (("dropout", 1.5), ("embedding_dim", 0)) if f in data),
                      (None, None))
    if field is None:
        pytest.skip(f"{name} has neither dropout nor embedding_dim")
    with pytest.raises(ConfigError) as info:
        parse_config({**data, field: bad})
    assert field in str(info.value)
    with pytest.raises(ConfigError, match=field):
        build_model({**data, field: bad}, VOCAB, CLASSES)


def test_wrong_type_value_is_a_config_error(name):
    data = small_config(name)
    field = next(iter(k for k in data if k != "type"))
    with pytest.raises(ConfigError, match=field):
        parse_config({**data, field: {"not": "a valid value"}})


def test_fewer_than_two_classes_is_a_config_error(name):
    with pytest.raises(ConfigError, match="num_classes"):
        build_model(small_config(name), VOCAB, 1)


@pytest.mark.parametrize("overrides", [
    {"type": "textrnn", "cell": "gru", "num_layers": 1, "bidirectional": False},
    {"type": "textrnn", "cell": "rnn", "num_layers": 3, "bidirectional": True},
    {"type": "fasttext", "hidden_size": 0},
    {"type": "textcnn", "kernel_sizes": [1, 5]},
])
def test_variants_are_pad_invariant_and_trainable(overrides):
    if overrides["type"] not in model_names():
        pytest.skip(f"{overrides['type']} is not registered")
    torch.manual_seed(0)
    model = build_model({**small_config(overrides["type"]), **overrides}, VOCAB, CLASSES)
    ids, lengths = make_inputs()
    model.train()
    F.cross_entropy(model(ids, lengths), torch.arange(BATCH) % CLASSES).backward()
    assert all(p.grad is not None for p in model.parameters())
    model.eval()
    padded = torch.cat([ids, torch.zeros((BATCH, 5), dtype=ids.dtype)], dim=1)
    with torch.no_grad():
        torch.testing.assert_close(model(padded, lengths), model(ids, lengths), atol=1e-5, rtol=1e-5)
