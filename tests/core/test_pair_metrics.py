"""Evaluation for pairs: the positive class's scores, ROC-AUC, PR-AUC and curves at a
threshold chosen on the validation split, in a pair run's test report and the CLI."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    confusion_matrix,
    precision_recall_curve,
    precision_recall_fscore_support,
    roc_auc_score,
    roc_curve,
)

from studio.cli import _print_report, main
from studio.core.data.dataset import DatasetConfig
from studio.core.inference.evaluate import evaluate_run, run_threshold
from studio.core.inference.evaluation import evaluation_from_predictions
from studio.core.project import Project
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.pair_metrics import (
    CURVE_POINTS,
    SWEEP_POINTS,
    ThresholdSweep,
    binary_report,
    choose_threshold,
    pair_report,
    positive_class,
    scores_at_threshold,
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
    assert f"{lcqmc_slice.name} accuracy" in out and "ROC-AUC" in out and "positive class '1'" in out


def test_a_classification_run_has_no_binary_scores():
    settings = Settings(dataset=DatasetConfig(text_column=0, label_column=1))
    assert settings.task == "classification"
    assert not scored_as_binary(settings, ["0", "1"])
    pair = Settings(dataset=DatasetConfig(text_column=0, text_pair_column=1, label_column=2))
    assert scored_as_binary(pair, ["0", "1"]) and not scored_as_binary(pair, ["0", "1", "2"])


def sklearn_scores(y, p, threshold) -> tuple:
    """accuracy, precision, recall, F1 and ``[[tn, fp], [fn, tp]]`` from scikit-learn."""
    y_pred = (np.asarray(p) >= threshold).astype(int)
    precision, recall, f1, _ = precision_recall_fscore_support(y, y_pred, labels=[0, 1], average="binary",
                                                               zero_division=0)
    return (accuracy_score(y, y_pred), precision, recall, f1,
            confusion_matrix(y, y_pred, labels=[0, 1]).tolist())


def ours(scores) -> tuple:
    return scores.accuracy, scores.precision, scores.recall, scores.f1, scores.confusion()


# a hand-made set with ties (0.4 twice, across classes) and a probability of exactly 0.5
HAND_Y = [0, 0, 1, 1, 0, 1, 1, 0]
HAND_P = [0.1, 0.4, 0.4, 0.8, 0.5, 0.5, 0.95, 0.7]


@pytest.mark.parametrize("threshold", [0.0, 0.1, 0.25, 0.4, 0.45, 0.5, 0.7, 0.8, 0.95, 1.0, 1.5])
def test_scores_at_a_threshold_agree_with_scikit_learn(threshold):
    expected = sklearn_scores(HAND_Y, HAND_P, threshold)
    got = scores_at_threshold(HAND_Y, HAND_P, threshold)
    assert ours(got) == pytest.approx(expected)
    assert ours(ThresholdSweep(HAND_Y, HAND_P).at(threshold)) == pytest.approx(expected)
    assert got.tp + got.fp + got.tn + got.fn == len(HAND_Y) and got.threshold == threshold
    report = binary_report(HAND_Y, HAND_P, threshold)
    assert got.confusion() == report["confusion"] and got.f1 == pytest.approx(report["f1"])


def test_hand_counted_scores():
    # at 0.5: predicted positive 0.5, 0.5, 0.95, 0.8, 0.7 -> tp 3 (0.8, 0.5, 0.95), fp 2 (0.5, 0.7)
    s = scores_at_threshold(HAND_Y, HAND_P, 0.5)
    assert (s.tp, s.fp, s.tn, s.fn) == (3, 2, 2, 1)
    assert s.precision == pytest.approx(3 / 5) and s.recall == pytest.approx(3 / 4)
    assert s.f1 == pytest.approx(2 * 3 / (2 * 3 + 2 + 1)) and s.accuracy == pytest.approx(5 / 8)
    assert s.roc_point == pytest.approx((2 / 4, 3 / 4)) and s.pr_point == pytest.approx((3 / 4, 3 / 5))
    # nothing predicted positive: precision 0 as scikit-learn's zero_division=0, but the
    # point on the PR curve is where scikit-learn ends it (recall 0, precision 1)
    none = scores_at_threshold(HAND_Y, HAND_P, 0.99)
    assert none.precision == 0.0 and none.f1 == 0.0 and none.pr_point == (0.0, 1.0) and none.roc_point == (0, 0)
    with pytest.raises(ValueError):
        scores_at_threshold([0, 1], [0.3], 0.5)


def test_the_sweep_curves_agree_with_scikit_learn_and_end_where_they_should():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 3000)
    p = np.round(np.clip(y * 0.25 + rng.random(3000) * 0.75, 0, 1), 3)  # rounded: many ties
    sweep = ThresholdSweep(y, p)
    assert sweep.has_curves and len(sweep) == 3000 and sweep.positives == int(y.sum())
    assert sweep.roc_auc == pytest.approx(roc_auc_score(y, p))
    assert sweep.pr_auc == pytest.approx(average_precision_score(y, p))
    # ROC from (0, 0) to (1, 1); PR from recall 1 to (recall 0, precision 1)
    assert (sweep.fpr[0], sweep.tpr[0], sweep.fpr[-1], sweep.tpr[-1]) == (0.0, 0.0, 1.0, 1.0)
    assert sweep.recall[0] == 1.0 and sweep.recall[-1] == 0.0 and sweep.precision[-1] == 1.0
    assert sweep.precision[0] == pytest.approx(y.mean())  # everything positive
    fpr, tpr, _ = roc_curve(y, p)
    if len(fpr) <= SWEEP_POINTS:
        np.testing.assert_allclose(sweep.fpr, fpr)
        np.testing.assert_allclose(sweep.tpr, tpr)
    precision, recall, _ = precision_recall_curve(y, p)
    assert len(sweep.precision) == min(len(precision), SWEEP_POINTS)
    for thresholds in (sweep.roc_thresholds, sweep.pr_thresholds):
        assert np.all((thresholds >= 0) & (thresholds <= 1))
    # the point of every threshold on the ROC curve is on the curve: scoring at each of
    # the curve's own thresholds gives the curve's own points
    for k in range(1, len(sweep.fpr)):
        point = sweep.at(sweep.roc_thresholds[k]).roc_point
        assert point == pytest.approx((sweep.fpr[k], sweep.tpr[k]))
    for k in range(len(sweep.recall) - 1):  # the last point has no threshold of its own
        point = sweep.at(sweep.pr_thresholds[k]).pr_point
        assert point == pytest.approx((sweep.recall[k], sweep.precision[k]))
    # the ends of the threshold: everything positive, nothing positive
    assert sweep.at(0.0).roc_point == (1.0, 1.0) and sweep.at(1.01).roc_point == (0.0, 0.0)
    # O(log N) scores agree with the O(N) ones at any threshold, ties included
    for threshold in np.concatenate([rng.random(50), p[:50]]):
        assert sweep.at(threshold) == scores_at_threshold(y, p, threshold)
    edges, positives, negatives = sweep.score_histograms(bins=20)
    assert len(edges) == 21 and positives.sum() == sweep.positives and negatives.sum() == 3000 - sweep.positives


def test_a_sweep_of_one_class_has_no_curves():
    sweep = ThresholdSweep([1, 1, 1], [0.2, 0.7, 0.9])
    assert not sweep.has_curves and sweep.roc_auc is None and sweep.pr_auc is None and len(sweep.fpr) == 0
    assert sweep.at(0.5).recall == pytest.approx(2 / 3)
    empty = ThresholdSweep([], [])
    assert len(empty) == 0 and empty.at(0.5).accuracy == 0.0
    with pytest.raises(ValueError):
        ThresholdSweep([0, 1], [0.5])


def test_an_evaluation_predicts_with_its_threshold_and_moves_it():
    probs = np.array([[0.9, 0.1], [0.6, 0.4], [0.45, 0.55], [0.2, 0.8], [0.7, 0.3]])
    y = [0, 1, 0, 1, 1]
    argmax = evaluation_from_predictions(["0", "1"], y, probs, list("abcde"), list("vwxyz"))
    assert not argmax.binary and argmax.y_pred.tolist() == [0, 0, 1, 1, 0]
    ev = evaluation_from_predictions(["0", "1"], y, probs, list("abcde"), list("vwxyz"), threshold=0.35)
    assert ev.binary and ev.threshold == 0.35 and ev.positive == 1
    assert ev.y_pred.tolist() == [0, 1, 1, 1, 0]
    np.testing.assert_allclose(ev.confidence, [0.9, 0.4, 0.55, 0.8, 0.7])  # the predicted class's
    np.testing.assert_allclose(ev.positive_probability(), probs[:, 1])
    assert ev.accuracy == pytest.approx(3 / 5) and ev.confusion.tolist() == [[1, 1], [1, 2]]
    sweep = ev.threshold_sweep()
    assert ev.confusion.tolist() == sweep.at(0.35).confusion() == scores_at_threshold(y, probs[:, 1], 0.35).confusion()
    moved = ev.at_threshold(0.25)
    assert moved.threshold == 0.25 and moved.y_pred.tolist() == [0, 1, 1, 1, 1]
    assert moved.accuracy == pytest.approx(4 / 5)
    assert moved.texts == ev.texts and moved.pairs == ev.pairs and moved.probabilities is ev.probabilities
    assert ev.y_pred.tolist() == [0, 1, 1, 1, 0]  # the evaluation itself is unchanged
    # the positive class is the label "1" wherever it is
    flipped = evaluation_from_predictions(["1", "0"], [1, 0], [[0.3, 0.7], [0.6, 0.4]], ["a", "b"], threshold=0.5)
    assert flipped.positive == 0 and flipped.y_pred.tolist() == [1, 0]
    with pytest.raises(ValueError):
        evaluation_from_predictions(["a", "b", "c"], [0], [[0.2, 0.3, 0.5]], ["t"], threshold=0.5)
