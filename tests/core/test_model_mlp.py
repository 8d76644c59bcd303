"""The MLP over bag-of-words / TF-IDF features: the features themselves, IDF fitting, variants."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from safetensors.torch import load_file, save_file
from sklearn.feature_extraction.text import TfidfVectorizer

from studio.core.models import build_model
from studio.core.text.vocab import PAD_ID

VOCAB, CLASSES = 9, 3
# Real tokens (UNK = 1 included), then PAD; id 8 never occurs. The ids past each length
# are junk on purpose: they must be ignored just like PAD.
DOCS = [[2, 3, 3, 4], [3, 5], [6, 2, 2, 2, 7], [1, 5, 5], [], [4]]


def corpus(junk: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    length = max(map(len, DOCS)) + 2
    ids = torch.full((len(DOCS), length), 7 if junk else PAD_ID, dtype=torch.long)
    for row, doc in enumerate(DOCS):
        ids[row, :len(doc)] = torch.tensor(doc, dtype=torch.long)
    return ids, torch.tensor([len(doc) for doc in DOCS])


def make_mlp(seed: int = 0, vocab: int = VOCAB, classes: int = CLASSES, **overrides) -> torch.nn.Module:
    torch.manual_seed(seed)
    config = {"type": "mlp", "hidden_size": 16, **overrides}
    return build_model(config, vocab, classes)


def test_tfidf_features_match_scikit_learn():
    ids, lengths = corpus()
    model = make_mlp(features="tfidf", normalize=True)
    model.fit_features(ids, lengths)
    got = model.features(ids, lengths)

    # Token id i is the word str(i); sklearn's columns are ids 1..V-1 (PAD is no word).
    vectorizer = TfidfVectorizer(analyzer=lambda doc: [str(i) for i in doc],
                                 vocabulary={str(i): i - 1 for i in range(1, VOCAB)},
                                 norm="l2", smooth_idf=True)
    expected = torch.from_numpy(vectorizer.fit_transform(DOCS).toarray()).float()
    torch.testing.assert_close(model.features.idf[1:], torch.from_numpy(vectorizer.idf_).float())
    torch.testing.assert_close(got[:, 1:], expected, atol=1e-6, rtol=1e-5)
    assert torch.equal(got[:, PAD_ID], torch.zeros(len(DOCS)))


def test_idf_and_tfidf_by_hand():
    ids = torch.tensor([[2, 2, 3], [3, 0, 0], [4, 0, 0]])
    lengths = torch.tensor([3, 1, 1])
    model = make_mlp(vocab=5, features="tfidf", normalize=True)
    assert torch.equal(model.features.idf, torch.ones(5))  # unfitted: a plain bag of words
    model.fit_features(ids, lengths)
    n = 3
    idf = {2: math.log(4 / 2) + 1, 3: math.log(4 / 3) + 1, 4: math.log(4 / 2) + 1}
    torch.testing.assert_close(model.features.idf[2:], torch.tensor([idf[2], idf[3], idf[4]]))
    assert model.features.idf[1].item() == pytest.approx(math.log((1 + n) / 1) + 1)  # df = 0

    row = torch.tensor([0.0, 0.0, 2 * idf[2], idf[3], 0.0])
    torch.testing.assert_close(model.features(ids, lengths)[0], row / row.norm())


@pytest.mark.parametrize("normalize", [False, True])
def test_bow_and_binary_features(normalize):
    ids, lengths = corpus()
    counts = torch.zeros(len(DOCS), VOCAB)
    for row, doc in enumerate(DOCS):
        for token in doc:
            counts[row, token] += 1
    binary = (counts > 0).float()
    for features, expected in (("bow", counts), ("binary", binary)):
        model = make_mlp(features=features, normalize=normalize)
        model.fit_features(ids, lengths)  # a no-op: no IDF to learn
        assert "features.idf" not in model.state_dict()
        if normalize:
            expected = expected / expected.norm(dim=1, keepdim=True).clamp(min=1e-12)
        torch.testing.assert_close(model.features(ids, lengths), expected)


def test_fit_gives_the_same_idf_in_any_chunking():
    torch.manual_seed(0)
    ids = torch.randint(0, 50, (37, 11))
    lengths = torch.randint(0, 12, (37,))
    model = make_mlp(vocab=50)
    model.fit_features(ids, lengths)
    whole = model.features.idf.clone()
    for chunk_ids in (1, 11, 50, 200):
        model.features.fit(ids, lengths, chunk_ids=chunk_ids)
        assert torch.equal(model.features.idf, whole), chunk_ids
    # the same as counting documents row by row
    df = torch.zeros(50)
    for row, n in zip(ids.tolist(), lengths.tolist(), strict=True):
        for token in set(row[:n]) - {PAD_ID}:
            df[token] += 1
    torch.testing.assert_close(whole, torch.log(38 / (1 + df)) + 1)


def test_fitted_idf_round_trips_through_safetensors(tmp_path):
    ids, lengths = corpus()
    model = make_mlp(seed=1).eval()
    model.fit_features(ids, lengths)
    path = tmp_path / "weights.safetensors"
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(path))

    fresh = make_mlp(seed=1).eval()  # same weights, unfitted IDF
    with torch.no_grad():
        expected = model(ids, lengths)
        assert not torch.allclose(fresh(ids, lengths), expected)
        fresh.load_state_dict(load_file(str(path)))
        assert torch.equal(fresh(ids, lengths), expected)


@pytest.mark.parametrize("features", ["tfidf", "bow", "binary"])
@pytest.mark.parametrize("normalize", [True, False])
def test_pad_and_junk_past_the_length_change_nothing(features, normalize):
    ids, lengths = corpus(junk=False)
    model = make_mlp(features=features, normalize=normalize).eval()
    model.fit_features(ids, lengths)
    padded = torch.cat([ids, torch.full((len(DOCS), 5), PAD_ID)], dim=1)
    junk, _ = corpus(junk=True)
    with torch.no_grad():
        logits = model(ids, lengths)
        torch.testing.assert_close(model(padded, lengths), logits, atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(model(junk, lengths), logits, atol=1e-5, rtol=1e-5)


def test_features_submodule_output_is_seen_by_a_forward_hook():
    ids, lengths = corpus()
    model = make_mlp().eval()
    shapes = {}

    def record(name):
        def hook(module, inputs, output):
            shapes[name] = output.shape
        return hook

    for name, module in model.named_children():
        module.register_forward_hook(record(name))
    with torch.no_grad():
        model(ids, lengths)
    assert shapes["features"] == (len(DOCS), VOCAB)
    assert shapes["fc"] == (len(DOCS), CLASSES)


@pytest.mark.parametrize("overrides, linears", [
    ({"hidden_size": 0}, 1),
    ({"hidden_size": 16, "num_layers": 2}, 3),
    ({"features": "binary", "normalize": False}, 2),
])
def test_variants_train(overrides, linears):
    ids, lengths = corpus()
    labels = torch.tensor([0, 1, 2, 0, 1, 2])
    model = make_mlp(dropout=0.0, **overrides)
    assert sum(isinstance(m, torch.nn.Linear) for m in model.modules()) == linears
    model.fit_features(ids, lengths)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    model.train()
    losses = []
    for _ in range(40):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(ids, lengths), labels)
        loss.backward()
        assert all(p.grad is not None and torch.isfinite(p.grad).all() for p in model.parameters())
        optimizer.step()
        losses.append(loss.item())
    assert losses[-1] < 0.5 * losses[0]
    assert torch.equal(model.eval()(ids, lengths).argmax(1), labels)


def test_learns_a_separable_toy_task():
    # Class c is marked by one of the tokens 2 + 3c .. 4 + 3c, hidden among noise tokens.
    vocab, classes, n, length = 40, 3, 300, 10
    generator = torch.Generator().manual_seed(0)
    labels = torch.randint(0, classes, (n,), generator=generator)
    ids = torch.randint(11, vocab, (n, length), generator=generator)
    lengths = torch.randint(2, length + 1, (n,), generator=generator)
    marker = 2 + 3 * labels + torch.randint(0, 3, (n,), generator=generator)
    ids[torch.arange(n), (torch.rand(n, generator=generator) * lengths).long()] = marker
    ids[torch.arange(length)[None, :] >= lengths[:, None]] = PAD_ID
    train, test = slice(0, 240), slice(240, n)

    model = make_mlp(vocab=vocab, classes=classes, hidden_size=32, dropout=0.1)
    model.fit_features(ids[train], lengths[train])
    optimizer = torch.optim.Adam(model.parameters(), lr=0.03)
    model.train()
    for step in range(40):
        batch = slice(step * 60 % 240, step * 60 % 240 + 60)
        optimizer.zero_grad()
        F.cross_entropy(model(ids[batch], lengths[batch]), labels[batch]).backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(ids[test], lengths[test]).argmax(1) == labels[test]).float().mean()
    assert accuracy >= 0.95
