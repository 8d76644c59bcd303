"""Layer tables before training: shapes for the real batch, parameters, memory.

For the one-text models the Model tab offers; the pair-only models (two inputs) get their
table with the sentence-pair task."""

from __future__ import annotations

import pytest
import torch

from studio.core.models import build_model, count_parameters, default_config, model_names
from studio.core.models.summary import summarize

VOCAB, CLASSES, BATCH, MAX_LEN = 300, 7, 64, 24


def small(name: str, **overrides) -> dict:
    data = default_config(name).model_dump()
    data.update({k: v for k, v in {"embedding_dim": 16, "hidden_size": 16, "num_filters": 8,
                                   "ffn_size": 32, "num_heads": 4, "num_buckets": 500}.items()
                 if k in data})
    return {**data, **overrides}


@pytest.mark.parametrize("name", model_names(task="classification"))
def test_every_parameter_is_in_exactly_one_row(name):
    config = small(name)
    summary = summarize(config, VOCAB, CLASSES, BATCH, MAX_LEN)
    model = build_model(config, VOCAB, CLASSES)
    assert summary.total_parameters == count_parameters(model)
    assert sum(row.parameters for row in summary.layers) == summary.total_parameters
    assert sum(block.parameters for block in summary.blocks) == summary.total_parameters
    assert summary.input_shape == (BATCH, MAX_LEN)
    assert summary.output_shape == (BATCH, CLASSES)
    assert summary.layers[-1].output_shape == (BATCH, CLASSES)  # the last layer gives the logits
    assert all(row.output_shape[0] == BATCH for row in summary.layers)


@pytest.mark.parametrize("name", model_names(task="classification"))
def test_memory_estimate_covers_weights_gradients_and_adam(name):
    summary = summarize(small(name), VOCAB, CLASSES, BATCH, MAX_LEN)
    memory = summary.memory
    assert memory.weights == 4 * summary.total_parameters
    assert memory.optimizer == 2 * memory.weights  # every parameter is trainable by default
    assert memory.activations > 0
    assert memory.total == memory.weights + memory.gradients + memory.optimizer + memory.activations


def test_textcnn_shapes_follow_batch_size_max_len_and_filters():
    config = small("textcnn", kernel_sizes=[2, 3], num_filters=10, embedding_dim=12)
    summary = summarize(config, VOCAB, CLASSES, batch_size=5, max_len=40)
    shapes = {row.name: row.output_shape for row in summary.layers}
    assert shapes["embedding"] == (5, 40, 12)
    assert shapes["convs.0"][:2] == (5, 10)
    assert shapes["fc"] == (5, CLASSES)
    assert [b.name for b in summary.blocks] == ["embedding", "convs", "dropout", "fc"]
    assert summary.blocks[1].kind == "2 × Conv1d"


def test_batch_sized_dimension_is_found_even_when_it_is_not_first():
    # the LSTM's final state is (layers * directions, batch, hidden); only the batch follows
    summary = summarize(small("textrnn", num_layers=2), VOCAB, CLASSES, 9, MAX_LEN)
    rnn = next(row for row in summary.layers if row.kind == "LSTM")
    assert rnn.output_shape == (9, MAX_LEN, 32)  # padded view of the packed output, 2 x 16


def test_frozen_embedding_is_not_trainable_and_needs_no_optimizer_state():
    free = summarize(small("textcnn"), VOCAB, CLASSES, BATCH, MAX_LEN)
    frozen = summarize(small("textcnn", freeze_embedding=True), VOCAB, CLASSES, BATCH, MAX_LEN)
    assert frozen.trainable_parameters == free.trainable_parameters - VOCAB * 16
    assert frozen.memory.optimizer < free.memory.optimizer


def test_fasttext_sparse_tables_need_no_dense_gradient():
    summary = summarize(small("fasttext"), VOCAB, CLASSES, BATCH, MAX_LEN)
    tables = VOCAB * 16 + 501 * 16
    assert summary.memory.gradients == 4 * (summary.total_parameters - tables)


def test_summary_allocates_nothing_random_and_leaves_the_global_seed_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    summarize(small("transformer"), VOCAB, CLASSES, BATCH, MAX_LEN)
    assert torch.equal(torch.rand(3), expected)
