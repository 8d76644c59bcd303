"""Evaluation for pairs: the positive class's scores, ROC-AUC, PR-AUC and curves at a
threshold chosen on the validation split, in a pair run's test report and the CLI."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from studio.cli import _print_report, main
from studio.core.data.dataset import DatasetConfig
from studio.core.inference.evaluate import evaluate_run, run_threshold
from studio.core.project import Project
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.pair_metrics import (
    CURVE_POINTS,
    binary_report,
    choose_threshold,
    pair_report,
    positive_class,
)
from studio.core.training.run import execute_run, scored_as_binary
from tests.conftest import shared_file, write_slice


def test_the_positive_class_is_label_1_else_the_second():
    assert positive_class(["0", "1"]) == 1
    assert positive_class(["1", "0"]) == 0
    assert positive_class(["different", "same"]) == 1
    with pytest.raises(ValueError):
        positive_class(["a", "b", "c"])


def test_scores_against_hand_computed_values():
    y = [0, 0, 1, 1]
    p = [0.1, 0.4, 0.35, 0.8]
    report = binary_report(y, p, threshold=0.5)
    # at 0.5 only 0.8 is positive: one true positive, one false negative
    assert report["confusion"] == [[2, 0], [1, 1]]
    assert report["accuracy"] == pytest.approx(3 / 4)
    assert report["precision"] == pytest.approx(1.0)
    assert report["recall"] == pytest.approx(1 / 2)
    assert report["f1"] == pytest.approx(2 / 3)
    # 3 of the 4 (positive, negative) pairs are ranked right
    assert report["roc_auc"] == pytest.approx(3 / 4)
    # ranked: 0.8 (+), 0.4 (-), 0.35 (+), 0.1 (-): AP = 1/2 * 1 + 1/2 * 2/3
    assert report["pr_auc"] == pytest.approx(1 / 2 + 1 / 3)
    # at 0.35 both positives are found, one negative too
    lower = binary_report(y, p, threshold=0.35)
    assert lower["recall"] == 1.0 and lower["precision"] == pytest.approx(2 / 3)
    roc, pr = report["roc"], report["pr"]
    assert roc["fpr"][0] == 0.0 and roc["tpr"][0] == 0.0 and roc["fpr"][-1] == 1.0 and roc["tpr"][-1] == 1.0
    assert len(roc["fpr"]) == len(roc["tpr"]) == len(roc["threshold"])
    assert len(pr["precision"]) == len(pr["recall"]) == len(pr["threshold"])
    assert all(0.0 <= t <= 1.0 for t in roc["threshold"] + pr["threshold"])
    json.dumps(report, allow_nan=False)


def test_one_class_only_has_no_auc_and_the_curves_are_small():
    report = binary_report([1, 1, 1], [0.2, 0.7, 0.9])
    assert report["roc_auc"] is None and report["pr_auc"] is None and report["roc"]["fpr"] == []
    assert report["recall"] == pytest.approx(2 / 3)
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 5000)
    p = np.clip(y * 0.3 + rng.random(5000) * 0.7, 0, 1)
    big = binary_report(y, p)
    assert 2 < len(big["roc"]["fpr"]) <= CURVE_POINTS and 2 < len(big["pr"]["recall"]) <= CURVE_POINTS
    assert len(json.dumps(big, allow_nan=False)) < 20_000


def test_the_threshold_maximises_validation_accuracy():
    # every positive scores below 0.5 but above every negative: 0.5 gets half right
    y, p = [0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4]
    threshold = choose_threshold(y, p)
    assert 0.2 < threshold <= 0.3 and threshold == pytest.approx(0.25)
    assert binary_report(y, p, threshold)["accuracy"] == 1.0
    assert binary_report(y, p, 0.5)["accuracy"] == 0.5
    # 0.5 itself when it is among the best
    assert choose_threshold([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]) == 0.5
    # a tie: (0.1, 0.45] and (0.55, 0.95] both give 3 of 4; the former's midpoint is nearer 0.5
    assert choose_threshold([0, 1, 0, 1], [0.1, 0.45, 0.55, 0.95]) == pytest.approx(0.275)
    # without both classes there is nothing to choose
    assert choose_threshold([1, 1], [0.2, 0.3]) == 0.5 and choose_threshold([], []) == 0.5


def test_pair_report_takes_class_probabilities():
    report = pair_report(["1", "0"], [0, 1, 0], [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]])
    assert report["positive"] == "1" and report["accuracy"] == 1.0 and report["roc_auc"] == 1.0


@pytest.fixture
def lcqmc_slice(tmp_path):
    return write_slice(shared_file("lcqmc", "train.txt"), tmp_path / "lcqmc.txt", 600)


def test_a_pair_runs_test_report_carries_the_pair_metrics(tmp_path, lcqmc_slice, capsys):
    settings = Settings(
        dataset=DatasetConfig(train=str(lcqmc_slice), text_column=0, text_pair_column=1, label_column=2),
        text=TextConfig(max_len=24), model={"type": "textcnn", "embedding_dim": 16, "num_filters": 16},
        training=TrainingConfig(epochs=1, batch_size=64, lr=2e-3, device="cpu"))
    run = execute_run(settings, run_dir=tmp_path / "run")
    test = run.finished["test"]
    assert {"accuracy", "macro_f1", "per_class", "loss"} <= set(test)  # as before
    binary = test["binary"]
    assert binary["positive"] == "1" and 0.0 <= binary["threshold"] <= 1.0
    assert run_threshold(run) == binary["threshold"]
    for key in ("accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc"):
        assert isinstance(binary[key], float) and math.isfinite(binary[key]) and 0.0 <= binary[key] <= 1.0
    assert 2 <= len(binary["roc"]["fpr"]) <= CURVE_POINTS
    # in metrics.jsonl as it is in memory, and small
    lines = (tmp_path / "run" / "metrics.jsonl").read_text(encoding="utf-8").splitlines()
    finished = json.loads(lines[-1])
    assert finished["test"]["binary"] == binary and len(lines[-1]) < 30_000

    # evaluating a file scores at the run's threshold; the CLI prints the pair metrics
    scores = evaluate_run(run, lcqmc_slice)
    assert scores["num_examples"] == 600 and scores["binary"]["threshold"] == binary["threshold"]
    _print_report(test)
    out = capsys.readouterr().out
    assert "ROC-AUC" in out and "PR-AUC" in out and "threshold" in out
    project = Project(settings, name="Pairs")
    project.runs.append(run)
    root = project.save(tmp_path / "Pairs")
    assert main(["evaluate", str(root), str(lcqmc_slice)]) == 0
    out = capsys.readouterr().out
    assert "test accuracy" in out and "ROC-AUC" in out and "positive class '1'" in out


def test_a_classification_run_has_no_binary_scores():
    settings = Settings(dataset=DatasetConfig(text_column=0, label_column=1))
    assert settings.task == "classification"
    assert not scored_as_binary(settings, ["0", "1"])
    pair = Settings(dataset=DatasetConfig(text_column=0, text_pair_column=1, label_column=2))
    assert scored_as_binary(pair, ["0", "1"]) and not scored_as_binary(pair, ["0", "1", "2"])
