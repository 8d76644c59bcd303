"""Comparing runs: summary rows, settings diffs, metric rows."""

from __future__ import annotations

from datetime import datetime

from studio.core.project_runs import Run
from studio.core.training.compare import config_diff, flatten, metrics_rows, summary_row
from studio.core.training.history import MetricHistory

EVENTS = [
    {"event": "run_started", "model_type": "textcnn", "device": "CPU", "num_train": 10, "num_validation": 5,
     "epochs": 2, "steps_per_epoch": 2, "num_parameters": 100},
    {"event": "batch_end", "epoch": 1, "step": 2, "loss": 1.5, "lr": 0.001, "samples_per_s": 50.0},
    {"event": "epoch_end", "epoch": 1, "metrics": {"train_loss": 1.4, "val_accuracy": 0.6, "seconds": 2.0}},
    {"event": "batch_end", "epoch": 2, "step": 4, "loss": 0.9, "lr": 0.0005, "samples_per_s": 55.0},
    {"event": "epoch_end", "epoch": 2, "metrics": {"train_loss": 0.8, "val_accuracy": 0.55, "seconds": 3.0}},
    {"event": "run_finished", "status": "completed", "best_epoch": 1, "test": {"accuracy": 0.58}},
]


def run(run_id: str, lr: float, **model) -> Run:
    config = {"dataset": {"train": "a.tsv"}, "text": {"max_len": 32, "tokenizer": {"type": "char"}},
              "model": {"type": "textcnn", "embedding_dim": 300, **model},
              "training": {"lr": lr, "epochs": 2, "batch_size": 128}, "versions": {"torch": "x"}}
    return Run(run_id, config, ["<pad>", "<unk>"], ["a", "b"], {}, EVENTS)


def test_summary_row():
    row = summary_row(run("20261121-101500-textcnn", 1e-3))
    assert row["started"] == datetime(2026, 11, 21, 10, 15)
    assert row["best_val_accuracy"] == 0.6 and row["test_accuracy"] == 0.58
    assert row["seconds"] == 5.0 and row["status"] == "completed"
    assert row["settings"]["training.lr"] == 1e-3 and row["settings"]["text.tokenizer.type"] == "char"


def test_config_diff_lists_only_what_differs():
    runs = [run("a", 1e-3), run("b", 5e-3, dropout=0.3), run("c", 1e-3)]
    assert config_diff(runs) == [("model.dropout", [None, 0.3, None]), ("training.lr", [1e-3, 5e-3, 1e-3])]
    assert config_diff(runs[:1]) == []
    assert flatten({"a": {"b": [1, 2]}, "c": 1}) == {"a.b": [1, 2], "c": 1}


def test_history_best_epoch_lrs_and_metric_rows():
    history = MetricHistory.replay(EVENTS)
    assert history.best_epoch == 1 and history.lrs == [0.001, 0.0005]
    assert history.epoch_values("train_loss") == [1.4, 0.8]
    rows = metrics_rows(history)
    assert [r["kind"] for r in rows] == ["step", "step", "epoch", "epoch"]
    assert rows[2] == {"kind": "epoch", "epoch": 1, "train_loss": 1.4, "val_accuracy": 0.6, "seconds": 2.0}
    live = MetricHistory.replay(EVENTS[:5])  # not finished: the best validation accuracy so far
    assert live.best_epoch == 1
