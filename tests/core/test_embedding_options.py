"""Pretrained and frozen embeddings, and SparseAdam for fastText's sparse tables."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from studio.core.errors import ConfigError
from studio.core.models import build_model, model_names
from studio.core.models.pretrained import apply_embedding_options
from studio.core.training.optim import ModelOptimizer, sparse_parameters

VOCAB = ["<pad>", "<unk>", "新闻", "股票", "足球", "missing"]
VECTORS = {"新闻": [0.1, 0.2, 0.3, 0.4], "股票": [-1.0, 0.5, 0.0, 2.0], "足球": [3.0, 3.0, -3.0, 0.25]}


def write_vectors(path, header: bool = True, dim: int = 4):
    lines = [f"{len(VECTORS)} {dim}"] if header else []
    lines += [" ".join([word, *(str(v) for v in vector[:dim])]) for word, vector in VECTORS.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def textcnn(**options):
    torch.manual_seed(0)
    config = {"type": "textcnn", "embedding_dim": 4, "num_filters": 3, "kernel_sizes": [1, 2], **options}
    return build_model(config, len(VOCAB), 2)


@pytest.mark.parametrize("header", [True, False], ids=["word2vec", "glove-no-header"])
def test_pretrained_vectors_fill_the_rows_they_cover(tmp_path, header):
    path = write_vectors(tmp_path / "vectors.txt", header=header)
    model = textcnn(pretrained_vectors=str(path))
    coverage = apply_embedding_options(model, VOCAB)
    assert (coverage.vocab_found, coverage.vocab_total) == (3, 4)
    assert "3 of 4 vocabulary entries" in str(coverage.describe())
    assert coverage.missing == ("missing",)
    weight = model.embedding.weight
    for i, token in enumerate(VOCAB):
        if token in VECTORS:
            assert weight[i].tolist() == pytest.approx(VECTORS[token])
    # no vector: drawn from U[-a, a] with the pretrained values' variance (Kim 2014)
    values = torch.tensor(list(VECTORS.values()))
    bound = float(values.std()) * 3 ** 0.5
    assert weight[5].abs().max() <= bound and weight[1].abs().max() <= bound
    assert not weight[0].any()  # PAD stays zero
    assert weight.requires_grad


def test_pickled_gensim_files_are_refused(tmp_path):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(vector_size=4)
    kv.add_vectors(list(VECTORS), [v for v in VECTORS.values()])
    kv.save(str(tmp_path / "vectors.kv"))
    with pytest.raises(ConfigError, match="^pretrained_vectors: .*pickles.*save_word2vec_format") as info:
        apply_embedding_options(textcnn(pretrained_vectors=str(tmp_path / "vectors.kv")), VOCAB)
    assert info.value.params["field"] == "pretrained_vectors"
    assert info.value.params["problem"].code == "vectors.pickle_refused"


def test_frozen_embedding_does_not_train(tmp_path):
    path = write_vectors(tmp_path / "vectors.txt")
    model = textcnn(pretrained_vectors=str(path), freeze_embedding=True)
    apply_embedding_options(model, VOCAB)
    before = model.embedding.weight.clone()
    optimizer = ModelOptimizer(model, lr=0.1)
    ids, lengths = torch.tensor([[2, 3, 4], [5, 2, 0]]), torch.tensor([3, 2])
    for _ in range(3):
        optimizer.zero_grad()
        F.cross_entropy(model(ids, lengths), torch.tensor([0, 1])).backward()
        optimizer.step()
    assert torch.equal(model.embedding.weight, before)
    assert model.convs[0].weight.grad is not None


def test_dimension_mismatch_names_the_field_and_the_fix(tmp_path):
    path = write_vectors(tmp_path / "small.txt", dim=3)
    with pytest.raises(ConfigError) as info:
        apply_embedding_options(textcnn(pretrained_vectors=str(path)), VOCAB)
    message = str(info.value)
    assert info.value.code == "vectors.in_file" and info.value.params["file"] == "small.txt"
    assert message.startswith("embedding_dim:") and message.endswith("(pretrained_vectors: small.txt)")
    assert "3 dimensions but embedding_dim is 4" in message and "set embedding_dim to 3" in message


@pytest.mark.parametrize("content", [None, "not vectors at all\n\x00\x01"])
def test_missing_or_broken_file_names_the_field(tmp_path, content):
    path = tmp_path / "vectors.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match="pretrained_vectors: .*vectors.txt"):
        apply_embedding_options(textcnn(pretrained_vectors=str(path)), VOCAB)


def test_models_without_embedding_options_are_left_alone():
    if "mlp" not in model_names():
        pytest.skip("no mlp model registered")
    assert apply_embedding_options(build_model({"type": "mlp"}, len(VOCAB), 2), VOCAB) is None


def test_fasttext_steps_touch_only_the_rows_a_batch_uses():
    torch.manual_seed(0)
    model = build_model({"type": "fasttext", "embedding_dim": 8, "num_buckets": 50, "hidden_size": 8},
                        10, 2)
    assert {id(p) for p in sparse_parameters(model)} == {
        id(model.embedding.weight), id(model.ngram_embedding.weight)}
    optimizer = ModelOptimizer(model, lr=0.1)
    kinds = sorted(type(o).__name__ for o in optimizer.optimizers)
    assert kinds == ["Adam", "SparseAdam"]
    before = model.embedding.weight.clone()
    ids, lengths = torch.tensor([[2, 3, 0], [3, 4, 5]]), torch.tensor([2, 3])
    optimizer.zero_grad()
    F.cross_entropy(model(ids, lengths), torch.tensor([0, 1])).backward()
    assert model.embedding.weight.grad.is_sparse
    optimizer.step()
    changed = (model.embedding.weight != before).any(dim=1).nonzero().flatten().tolist()
    assert changed == [2, 3, 4, 5]
