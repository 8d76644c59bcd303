"""The sentence-pair task: derived from the columns, checked before training, and the two
sides of a pair encoded apart for a model that takes pairs (ESIM) end to end."""

from __future__ import annotations

import math

import pytest
import torch

from studio.core.data.dataset import DatasetConfig, load_splits
from studio.core.data.prepare import prepare
from studio.core.errors import ConfigError
from studio.core.inference.predictor import Predictor
from studio.core.project import Project
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run
from tests.conftest import shared_file, write_slice

MAX_LEN = 24
ESIM = {"type": "esim", "embedding_dim": 32, "hidden_size": 32}
TRAINING = TrainingConfig(epochs=1, batch_size=64, lr=2e-3, device="cpu")


@pytest.fixture
def lcqmc_slice(tmp_path):
    return write_slice(shared_file("lcqmc", "train.txt"), tmp_path / "lcqmc.txt", 600)


def pair_settings(train, model) -> Settings:
    return Settings(
        dataset=DatasetConfig(train=str(train), text_column=0, text_pair_column=1, label_column=2),
        text=TextConfig(max_len=MAX_LEN), model=model, training=TRAINING)


def test_the_task_is_derived_from_the_columns():
    assert DatasetConfig().task == "classification"
    assert DatasetConfig(text_pair_column=1, label_column=2).task == "pair"
    settings = Settings.from_dict({"dataset": {"text_column": 0, "text_pair_column": 1, "label_column": 2}})
    assert settings.task == "pair"
    # derived, never saved: an older project's settings open as before
    assert "task" not in settings.model_dump()["dataset"]
    assert Settings.from_dict(Settings().model_dump()).task == "classification"


def test_a_pair_only_model_on_single_texts_is_refused_before_training(tmp_path):
    data = tmp_path / "news.tsv"
    data.write_text("体育新闻一则\t体育\n财经新闻一则\t财经\n" * 5, encoding="utf-8")
    settings = Settings(dataset=DatasetConfig(train=str(data)), model=ESIM, training=TRAINING)
    seen = []
    from studio.core.report import Reporter

    with pytest.raises(ConfigError) as info:
        execute_run(settings, report=Reporter(on_event=seen.append))
    assert info.value.code == "model.wrong_task"
    text = str(info.value)
    assert "esim" in text and "text classification" in text and "textcnn" in text and "second text column" in text
    assert seen == []  # refused before the data was even read


def test_pairs_are_encoded_apart_for_a_pair_model(lcqmc_slice):
    splits = load_splits(pair_settings(lcqmc_slice, ESIM).dataset)
    text = TextConfig(max_len=MAX_LEN)
    apart = prepare(splits, text, pairs_apart=True)
    joined = prepare(splits, text)
    assert apart.train.ids.shape == (len(splits.train), 2, MAX_LEN)
    assert apart.train.lengths.shape == (len(splits.train), 2)
    assert joined.train.ids.shape == (len(splits.train), MAX_LEN)
    assert "<sep>" not in apart.vocab.tokens and "<sep>" in joined.vocab.tokens
    # the layout is part of the cache key: each layout comes back as it was encoded
    again = prepare(splits, text, pairs_apart=True)
    assert again.from_cache and again.train.ids.shape == apart.train.ids.shape
    assert prepare(splits, text).train.ids.dim() == 2
    # side b's tokens are in the vocabulary too
    first_b = splits.train.pairs[0].replace(" ", "")
    length_b = int(apart.train.lengths[0, 1])
    assert length_b == min(len(first_b), MAX_LEN)
    assert apart.vocab.tokens[int(apart.train.ids[0, 1, 0])] == first_b[0]


def test_esim_trains_on_lcqmc_pairs_and_predicts_a_pair(tmp_path, lcqmc_slice):
    settings = pair_settings(lcqmc_slice, ESIM)
    run = execute_run(settings)
    summary = run.summary()
    assert summary["model"] == "esim" and summary["status"] == "completed"
    epoch = next(e for e in run.events if e["event"] == "epoch_end")
    accuracy = epoch["metrics"]["val_accuracy"]
    assert isinstance(accuracy, float) and math.isfinite(accuracy) and 0.0 <= accuracy <= 1.0

    predictor = Predictor(run)
    predictions = predictor.predict(["喜欢打篮球的男生喜欢什么样的女生"], ["爱打篮球的男生喜欢什么样的女生"])
    assert len(predictions) == 1 and predictions[0].label in run.label_names
    assert math.isclose(sum(predictions[0].probabilities.values()), 1.0, rel_tol=1e-5)
    assert predictions[0].tokens[0] == "喜" and predictions[0].pair_tokens[0] == "爱"
    with pytest.raises(ConfigError) as info:
        predictor.predict(["只有一段"])
    assert info.value.code == "model.needs_pairs"

    project = Project(settings, name="Pairs")
    project.runs.append(run)
    root = project.save(tmp_path / "Pairs")
    reopened = Project.open(root)
    assert reopened.settings.task == "pair"
    assert [r.id for r in reopened.runs] == [run.id]
    again = reopened.runs[0]
    assert again.settings.task == "pair" and again.summary() == summary
    torch.testing.assert_close(Predictor(again).probabilities(["你好吗"], ["你好"]),
                               predictor.probabilities(["你好吗"], ["你好"]))


def test_the_textcnn_baseline_trains_on_pairs_as_one_sequence(lcqmc_slice):
    settings = pair_settings(lcqmc_slice, {"type": "textcnn", "embedding_dim": 16, "num_filters": 16})
    run = execute_run(settings)
    assert run.summary()["status"] == "completed" and "<sep>" in run.vocab
    prediction = Predictor(run).predict(["今天天气好"], ["天气不错"])[0]
    assert "<sep>" in prediction.tokens and prediction.pair_tokens is None


def test_swapped_pairs_resume_to_the_same_weights(tmp_path, lcqmc_slice, monkeypatch):
    """The swaps are drawn with the epoch's batch order: a run stopped mid-epoch and resumed
    shows the remaining pairs in the same order and orientation as a run never stopped."""
    from studio.core.report import Reporter
    from studio.core.training import trainer as trainer_module
    from studio.core.training.events import BatchEnd
    from studio.core.training.run import resume_run

    monkeypatch.setattr(trainer_module, "EMIT_EVERY_S", 0.0)
    settings = pair_settings(lcqmc_slice, ESIM).model_copy(update={"training": TRAINING.model_copy(
        update={"epochs": 2, "swap_pairs": True, "checkpoint_every_s": 3600, "seed": 5})})
    report = Reporter(on_event=lambda event: isinstance(event, BatchEnd) and event.step == 11 and report.stop())
    run_dir = tmp_path / "pairs.studio" / "runs" / "run-1"
    assert execute_run(settings, report=report, run_dir=run_dir).finished["status"] == "stopped"
    resumed = resume_run(run_dir)
    straight = execute_run(settings)
    for name, tensor in straight.state_dict.items():
        assert torch.equal(resumed.state_dict[name], tensor), name
    unswapped = execute_run(settings.model_copy(update={"training": settings.training.model_copy(
        update={"swap_pairs": False})}))
    assert not torch.equal(unswapped.state_dict["embedding.weight"], straight.state_dict["embedding.weight"])
