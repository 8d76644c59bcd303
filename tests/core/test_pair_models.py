"""The pair-only models (ESIM, Siamese): two inputs ``ids (B, 2, L)``, ``lengths (B, 2)``.

Shapes, gradients, PAD invariance on either side, save/load, config round trips, the
registry's tasks, and a tiny synthetic pair set that ESIM learns.
"""

from __future__ import annotations

import json

import pytest
import torch
import torch.nn.functional as F

from studio.core.errors import ConfigError
from studio.core.models import build_model, default_config, get_entry, model_names, parse_config, takes_pairs
from studio.core.models.esim import ESIM, exact_match
from studio.core.text.vocab import PAD_ID, UNK_ID

VOCAB, CLASSES, LENGTH = 40, 3, 9
PAIR_MODELS = ("esim", "siamese")
# side a, side b lengths: full, short, one empty side, both one token, unequal
LENGTHS = torch.tensor([[9, 9], [2, 7], [0, 4], [1, 1], [8, 3]])


def small_config(name: str, **overrides) -> dict:
    return {**default_config(name).model_dump(), "embedding_dim": 12, "hidden_size": 10, **overrides}


def make_model(name: str, seed: int = 0, **overrides) -> torch.nn.Module:
    torch.manual_seed(seed)
    return build_model(small_config(name, **overrides), VOCAB, CLASSES)


def make_pairs(lengths: torch.Tensor = LENGTHS, length: int = LENGTH, seed: int = 0) -> torch.Tensor:
    """Random ids ``(B, 2, length)`` with PAD after each side's length."""
    generator = torch.Generator().manual_seed(seed)
    ids = torch.randint(2, VOCAB, (lengths.shape[0], 2, length), generator=generator)
    ids[torch.arange(length)[None, None, :] >= lengths[..., None]] = PAD_ID
    return ids


def test_the_registry_knows_which_task_each_model_serves():
    classifiers = model_names(task="classification")
    assert {"textcnn", "textrnn"} <= set(classifiers)
    assert not set(PAIR_MODELS) & set(classifiers)  # the studio offers one-text models only, so far
    assert set(PAIR_MODELS) | set(classifiers) <= set(model_names(task="pair"))  # a <sep> b baseline
    assert set(model_names()) == set(model_names(task="pair")) | set(classifiers)
    for name in PAIR_MODELS:
        assert get_entry(name).tasks == ("pair",) and takes_pairs(name)
    assert get_entry("textcnn").tasks == ("classification", "pair") and not takes_pairs("textcnn")
    with pytest.raises(ValueError, match="ranking"):
        model_names(task="ranking")


@pytest.fixture(params=PAIR_MODELS)
def name(request) -> str:
    return request.param


@pytest.fixture(params=[("esim", {}), ("esim", {"exact_match": True, "symmetric": True}),
                        ("esim", {"bigram_dim": 6, "bigram_buckets": 50}), ("siamese", {})],
                ids=["esim", "esim-exact-match", "esim-bigrams", "siamese"])
def variant(request) -> tuple[str, dict]:
    """A pair model and settings that change its forward pass."""
    return request.param


def test_output_shape(variant):
    model = make_model(variant[0], **variant[1]).eval()
    with torch.no_grad():
        logits = model(make_pairs(), LENGTHS)
    assert logits.shape == (len(LENGTHS), CLASSES)
    assert torch.isfinite(logits).all()


def test_every_parameter_gets_a_gradient(variant):
    model = make_model(variant[0], **variant[1]).train()
    loss = F.cross_entropy(model(make_pairs(), LENGTHS), torch.arange(len(LENGTHS)) % CLASSES)
    loss.backward()
    for n, p in model.named_parameters():
        assert p.grad is not None, n
        grad = p.grad.to_dense()  # the bigram table's gradient is sparse
        assert torch.isfinite(grad).all(), n
        assert grad.abs().sum() > 0, n


@pytest.mark.parametrize("side", [0, 1, "both"])
def test_pad_never_changes_an_output(variant, side):
    model = make_model(variant[0], seed=1, **variant[1]).eval()
    ids = make_pairs(seed=2)
    padded = torch.cat([ids, torch.full((len(LENGTHS), 2, 6), PAD_ID, dtype=ids.dtype)], dim=-1)
    if side != "both":  # extra PAD on one side only: the other side's real tokens stay put
        padded[:, 1 - side, LENGTH:] = PAD_ID
    with torch.no_grad():
        expected = model(ids, LENGTHS)
        torch.testing.assert_close(model(padded, LENGTHS), expected, atol=1e-5, rtol=1e-5)
        # garbage beyond a side's length is never read either
        noisy = padded.clone()
        beyond = torch.arange(padded.shape[-1])[None, None, :] >= LENGTHS.clamp(min=1)[..., None]
        noisy[beyond] = 7
        torch.testing.assert_close(model(noisy, LENGTHS), expected, atol=1e-5, rtol=1e-5)


def test_siamese_pair_features_come_from_each_text_encoded_alone():
    model = make_model("siamese").eval()
    ids = make_pairs()
    with torch.no_grad():
        u = model.encode(ids[:, 0], LENGTHS[:, 0])
        v = model.encode(ids[:, 1], LENGTHS[:, 1])
        assert u.shape == (len(LENGTHS), model.vector_size)
        # a pair's vectors are the vectors of its texts encoded alone (retrieval relies on it)
        features = torch.cat([u, v, (u - v).abs(), u * v], dim=-1)
        torch.testing.assert_close(model(ids, LENGTHS), model.fc(features), atol=1e-5, rtol=1e-5)
        padded = torch.cat([ids[:, 0], torch.zeros((len(LENGTHS), 4), dtype=ids.dtype)], dim=1)
        torch.testing.assert_close(model.encode(padded, LENGTHS[:, 0]), u, atol=1e-5, rtol=1e-5)


def test_esim_alignment_attends_only_to_real_tokens():
    model = make_model("esim").eval()
    weights = model.alignment(make_pairs(), LENGTHS)
    assert weights.shape == (len(LENGTHS), LENGTH, LENGTH)
    real_a = torch.arange(LENGTH)[None, :] < LENGTHS[:, :1].clamp(min=1)
    real_b = torch.arange(LENGTH)[None, :] < LENGTHS[:, 1:].clamp(min=1)
    rows = weights.sum(-1)
    torch.testing.assert_close(rows[real_a], torch.ones(int(real_a.sum())))
    assert (rows[~real_a] == 0).all()
    assert (weights.transpose(1, 2)[~real_b] == 0).all()  # no weight on b's padding


def test_state_dict_round_trip_gives_identical_logits(name):
    model = make_model(name, seed=1).eval()
    fresh = make_model(name, seed=2).eval()
    ids = make_pairs(seed=3)
    with torch.no_grad():
        expected = model(ids, LENGTHS)
        assert not torch.equal(fresh(ids, LENGTHS), expected)
        fresh.load_state_dict({k: v.clone() for k, v in model.state_dict().items()})
        assert torch.equal(fresh(ids, LENGTHS), expected)


def test_config_json_round_trip(name):
    config = parse_config(small_config(name, dropout=0.25, freeze_embedding=True))
    again = parse_config(json.loads(config.model_dump_json()))
    assert again == config and type(again) is type(config) and again.type == name
    assert parse_config(json.loads(json.dumps(default_config(name).model_dump()))) == default_config(name)
    with pytest.raises(ConfigError, match="cell"):
        parse_config({**small_config(name), "cell": "gru"})  # extra="forbid"


def test_a_one_text_batch_is_a_config_error_naming_the_model(name):
    model = make_model(name)
    with pytest.raises(ConfigError) as info:
        model(torch.ones((2, 5), dtype=torch.long), torch.tensor([5, 3]))
    assert info.value.code == "model.needs_pairs"
    assert "sentence-pair" in str(info.value)


def test_esim_learns_a_tiny_pair_set():
    """Label 1 when a and b start with the same token: the model must compare the sides."""
    generator = torch.Generator().manual_seed(0)
    n, length, vocab = 1000, 6, 12

    def pairs(count: int):
        lengths = torch.randint(2, length + 1, (count, 2), generator=generator)
        ids = torch.randint(2, vocab, (count, 2, length), generator=generator)
        labels = torch.arange(count) % 2
        ids[:, 1, 0] = torch.where(labels == 1, ids[:, 0, 0], 2 + (ids[:, 0, 0] - 2 + 1 + torch.randint(
            0, vocab - 3, (count,), generator=generator)) % (vocab - 2))
        ids[torch.arange(length)[None, None, :] >= lengths[..., None]] = PAD_ID
        return ids, lengths, labels

    train_ids, train_lengths, train_labels = pairs(n)
    test_ids, test_lengths, test_labels = pairs(200)
    assert ((test_ids[:, 0, 0] == test_ids[:, 1, 0]).long() == test_labels).all()
    torch.manual_seed(0)
    model = ESIM(parse_config({"type": "esim", "embedding_dim": 16, "hidden_size": 16, "dropout": 0.0}),
                 vocab, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(8):
        model.train()
        for batch in torch.randperm(n, generator=generator).split(32):
            optimizer.zero_grad()
            F.cross_entropy(model(train_ids[batch], train_lengths[batch]), train_labels[batch]).backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(test_ids, test_lengths).argmax(1) == test_labels).float().mean().item()
    assert accuracy > 0.9, accuracy


def test_esim_symmetric_head_scores_both_orders_alike():
    ids, swapped_ids, swapped_lengths = make_pairs(), make_pairs().flip(1), LENGTHS.flip(1)
    symmetric = make_model("esim", symmetric=True).eval()
    plain = make_model("esim").eval()
    with torch.no_grad():
        torch.testing.assert_close(symmetric(ids, LENGTHS), symmetric(swapped_ids, swapped_lengths),
                                   atol=1e-5, rtol=1e-5)
        assert not torch.allclose(plain(ids, LENGTHS), plain(swapped_ids, swapped_lengths), atol=1e-3)
        # the same weights: the symmetric head is the mean of the plain head over both orders
        plain.load_state_dict(symmetric.state_dict())
        torch.testing.assert_close(symmetric(ids, LENGTHS),
                                   (plain(ids, LENGTHS) + plain(swapped_ids, swapped_lengths)) / 2,
                                   atol=1e-5, rtol=1e-5)


def test_exact_match_flags_the_tokens_the_other_side_has():
    x, y, z = 5, 6, 7
    sides = torch.tensor([[x, y, UNK_ID, z, PAD_ID], [y, 8, UNK_ID, x, x],  # pair 0: a, b
                          [PAD_ID, PAD_ID, PAD_ID, PAD_ID, PAD_ID], [PAD_ID, PAD_ID, PAD_ID, PAD_ID, PAD_ID],
                          [x, x, PAD_ID, PAD_ID, PAD_ID], [z, PAD_ID, PAD_ID, PAD_ID, PAD_ID]])
    lengths = torch.tensor([4, 5, 1, 1, 2, 1])  # the empty sides keep one PAD position
    flags = exact_match(sides, torch.arange(5)[None, :] < lengths[:, None])
    assert flags.tolist() == [[True, True, False, False, False], [True, False, False, True, True],
                              [False] * 5, [False] * 5,
                              [False] * 5, [False] * 5]
    # what lies beyond a side's length never matches: an x beyond b's length in pair 2
    sides[5, 1] = x
    assert not exact_match(sides, torch.arange(5)[None, :] < lengths[:, None])[4].any()


def test_esim_exact_match_widens_only_the_input_encoder():
    plain, matched = make_model("esim"), make_model("esim", exact_match=True)
    shapes = {name: p.shape for name, p in plain.named_parameters()}
    changed = {name for name, p in matched.named_parameters() if p.shape != shapes[name]}
    assert changed == {"encoder.weight_ih_l0", "encoder.weight_ih_l0_reverse"}
    assert matched.encoder.weight_ih_l0.shape[1] == plain.encoder.weight_ih_l0.shape[1] + 1


def test_esim_bigram_vectors_sum_the_bigrams_ending_and_starting_at_each_token():
    model = make_model("esim", bigram_dim=4, bigram_buckets=1000)
    x, y, z = 5, 6, 7
    sides = torch.tensor([[x, y, z, PAD_ID], [z, PAD_ID, PAD_ID, PAD_ID]])
    lengths = torch.tensor([3, 1])
    table = model.bigram_embedding.weight
    buckets = model.bigram_hasher(sides, lengths)  # (2, 3): the bigrams starting at 0, 1, 2
    xy, yz = table[buckets[0, 0]], table[buckets[0, 1]]
    assert buckets[0, 2] == 0 and not buckets[1].any()  # (z, PAD) and all of the one-token side: none
    vectors = model.bigram_vectors(sides, lengths)
    torch.testing.assert_close(vectors[0, :3], torch.stack([xy, xy + yz, yz]))
    assert not vectors[0, 3].any() and not vectors[1].any()
    plain = make_model("esim")
    assert model.encoder.weight_ih_l0.shape[1] == plain.encoder.weight_ih_l0.shape[1] + 4
    assert model.bigram_embedding.sparse  # the Trainer steps it with SparseAdam
