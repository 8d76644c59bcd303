"""Evaluating a finished run on its own test split: scores, confusion matrix, examples."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

from studio.core.errors import ConfigError, DataFormatError
from studio.core.inference.evaluation import Evaluation, evaluate_run_split, evaluation_from_predictions
from studio.core.training.run import execute_run
from tests.conftest import shared_file, write_slice
from tests.core.test_project import make_settings


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    dev, classes = shared_file("thucnews", "dev.txt"), shared_file("thucnews", "class.txt")
    base = tmp_path_factory.mktemp("eval")
    train = write_slice(dev, base / "slice.tsv", 1500)
    with pytest.MonkeyPatch.context() as patch:  # module scope: keep the cache out of the user's home
        patch.setenv("STUDIO_CACHE_DIR", str(base / "cache"))
        patch.setenv("STUDIO_DATA_DIR", str(base / "data"))
        return execute_run(make_settings(train, classes)), train


@pytest.fixture(scope="module")
def evaluation(tiny_run) -> Evaluation:
    return evaluate_run_split(tiny_run[0])


def test_scores_match_scikit_learn(tiny_run, evaluation):
    run, _ = tiny_run
    ev = evaluation
    C = len(run.label_names)
    assert ev.label_names == run.label_names and ev.split == "test"
    assert len(ev) == 150 and ev.y_true.shape == ev.y_pred.shape == ev.confidence.shape == (150,)
    assert ev.y_true.dtype.kind == ev.y_pred.dtype.kind == "i"
    assert len(ev.texts) == 150 and ev.pairs is None
    assert np.all((ev.confidence >= 1.0 / C - 1e-6) & (ev.confidence <= 1.0 + 1e-6))

    labels = list(range(C))
    np.testing.assert_array_equal(ev.confusion, confusion_matrix(ev.y_true, ev.y_pred, labels=labels))
    assert ev.confusion.sum() == 150
    assert ev.accuracy == pytest.approx(accuracy_score(ev.y_true, ev.y_pred))
    assert ev.accuracy == pytest.approx(run.finished["test"]["accuracy"])
    for average, got in (("macro", ev.macro), ("weighted", ev.weighted)):
        p, r, f, _ = precision_recall_fscore_support(ev.y_true, ev.y_pred, labels=labels,
                                                     average=average, zero_division=0)
        assert (got["precision"], got["recall"], got["f1"]) == pytest.approx((p, r, f))
    p, r, f, s = precision_recall_fscore_support(ev.y_true, ev.y_pred, labels=labels, zero_division=0)
    assert [row["label"] for row in ev.per_class] == run.label_names
    assert [row["support"] for row in ev.per_class] == s.tolist()
    assert [row["f1"] for row in ev.per_class] == pytest.approx(f.tolist())
    assert ev.num_errors == int((ev.y_true != ev.y_pred).sum())


def test_normalized_confusion(evaluation):
    norm = evaluation.normalized_confusion()
    totals = evaluation.confusion.sum(axis=1)
    np.testing.assert_allclose(norm.sum(axis=1)[totals > 0], 1.0)
    np.testing.assert_allclose(norm * totals[:, None], evaluation.confusion)


def test_normalized_confusion_keeps_empty_rows_zero():
    probs = np.array([[0.9, 0.1, 0.0], [0.2, 0.8, 0.0], [0.6, 0.4, 0.0]])
    ev = evaluation_from_predictions(["a", "b", "c"], [0, 1, 1], probs, ["x", "y", "z"])
    np.testing.assert_array_equal(ev.confusion, [[1, 0, 0], [1, 1, 0], [0, 0, 0]])
    np.testing.assert_allclose(ev.normalized_confusion(), [[1, 0, 0], [0.5, 0.5, 0], [0, 0, 0]])
    assert [e.index for e in ev.examples()] == [2]
    example = ev.examples()[0]
    assert (example.text, example.true_label, example.pred_label) == ("z", "b", "a")
    assert example.confidence == pytest.approx(0.6)


def test_examples_for_each_cell(evaluation):
    ev = evaluation
    for i in range(ev.num_classes):
        for j in range(ev.num_classes):
            expected = np.flatnonzero((ev.y_true == i) & (ev.y_pred == j)).tolist()
            got = ev.examples(true=i, pred=j, errors_only=False)
            assert [e.index for e in got] == expected
            assert len(got) == ev.confusion[i, j]
            if i == j:
                assert ev.examples(true=i, pred=j) == []
            else:
                assert ev.examples(true=i, pred=j) == got
    errors = ev.examples()
    assert [e.index for e in errors] == np.flatnonzero(ev.y_true != ev.y_pred).tolist()
    assert all(e.true_label != e.pred_label for e in errors)
    first = ev.examples(errors_only=False)[0]
    assert first.text == ev.texts[0] and first.true_label == ev.label_names[ev.y_true[0]]
    with pytest.raises(IndexError):
        ev.examples(true=ev.num_classes)


def test_other_splits_and_errors(tiny_run, tmp_path):
    run, train = tiny_run
    validation = evaluate_run_split(run, "validation")
    assert validation.split == "validation" and len(validation) == 150
    with pytest.raises(ConfigError, match="split") as caught:
        evaluate_run_split(run, "dev")
    assert caught.value.code == "evaluation.unknown_split"
    moved = run.config["dataset"]["train"]
    run.config["dataset"]["train"] = str(tmp_path / "gone.tsv")
    try:
        with pytest.raises(DataFormatError, match="not found"):
            evaluate_run_split(run)
    finally:
        run.config["dataset"]["train"] = moved


def test_evaluating_reports_its_stages_and_stops(tiny_run):
    from studio.core.errors import Cancelled
    from studio.core.report import Reporter, Stage

    seen = []
    evaluate_run_split(tiny_run[0], "validation", report=Reporter(on_event=seen.append))
    assert [e.message.code for e in seen if isinstance(e, Stage)] == ["stage.reading_data", "stage.evaluating"]
    stopped = Reporter()
    stopped.stop()
    with pytest.raises(Cancelled):
        evaluate_run_split(tiny_run[0], report=stopped)
