"""The evaluation view of a two-class pair run: ROC and PR curves, the validation
threshold marked, a movable threshold that the scores, the confusion matrix and the
examples follow, and both texts of each pair in the examples browser."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from studio.core.data.dataset import DatasetConfig
from studio.core.inference.evaluate import run_threshold
from studio.core.inference.evaluation import evaluation_from_predictions
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.pair_metrics import scores_at_threshold
from studio.core.training.run import execute_run
from tests.conftest import shared_file, write_slice
from tests.gui import test_evaluation_view
from tests.gui.test_evaluation_view import SCREENSHOTS

view = test_evaluation_view.view  # the fixture, at VIEW_SIZE
VIEW_SIZE = (1300, 900)


@pytest.fixture(scope="module")
def pair_run(tmp_path_factory):
    """A two-class TextCNN pair run on 800 LCQMC pairs, one epoch (80 test pairs)."""
    base = tmp_path_factory.mktemp("pair-eval")
    train = write_slice(shared_file("lcqmc", "train.txt"), base / "lcqmc.txt", 800)
    settings = Settings(
        dataset=DatasetConfig(train=str(train), text_column=0, text_pair_column=1, label_column=2),
        text=TextConfig(max_len=24), model={"type": "textcnn", "embedding_dim": 16, "num_filters": 16},
        training=TrainingConfig(epochs=1, batch_size=64, lr=2e-3, device="cpu"))
    with pytest.MonkeyPatch.context() as patch:  # module scope: keep the cache out of the user's home
        patch.setenv("STUDIO_CACHE_DIR", str(base / "cache"))
        patch.setenv("STUDIO_DATA_DIR", str(base / "data"))
        return execute_run(settings, run_dir=base / "run")


def evaluate(qtbot, view, run):
    with qtbot.waitSignal(view.evaluated, timeout=60000):
        view.show_run(run, None)
    return view.evaluation


def move(qtbot, view, change) -> None:
    """Move the threshold with ``change()`` and wait for the view to score it again."""
    with qtbot.waitSignal(view.rescored, timeout=30000):
        change()


def expected_text(scores) -> list[str]:
    return [f"accuracy <b>{scores.accuracy:.3f}</b>", f"precision <b>{scores.precision:.3f}</b>",
            f"recall <b>{scores.recall:.3f}</b>", f"F1 <b>{scores.f1:.3f}</b>",
            f"TP {scores.tp} · FP {scores.fp} · TN {scores.tn} · FN {scores.fn}"]


def drag(plot, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """Drag with the left button from ``start`` to ``end`` (viewport pixels) as a user would."""
    viewport = plot.viewport()

    def send(kind, pos: QPoint, buttons) -> None:
        event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), Qt.LeftButton, buttons,
                            Qt.NoModifier)
        QApplication.sendEvent(viewport, event)

    send(QEvent.MouseButtonPress, start, Qt.LeftButton)
    for k in range(1, steps + 1):
        send(QEvent.MouseMove, start + (end - start) * (k / steps), Qt.LeftButton)
    send(QEvent.MouseButtonRelease, end, Qt.NoButton)


def point(item) -> tuple[float, float]:
    x, y = item.getData()
    assert len(x) == 1
    return float(x[0]), float(y[0])


def test_curves_and_a_movable_threshold(qtbot, view, pair_run):
    run = pair_run
    ev = evaluate(qtbot, view, run)
    tv = view.threshold_view
    chosen = run_threshold(run)
    assert ev.binary and ev.pairs is not None and ev.threshold == chosen and len(ev) == 80
    assert not tv.isHidden() and tv.threshold == chosen == tv.chosen
    # the test split scored here is the one the run's test report scored
    binary = run.finished["test"]["binary"]
    assert ev.accuracy == pytest.approx(binary["accuracy"])
    assert tv.sweep.roc_auc == pytest.approx(binary["roc_auc"]) and tv.sweep.pr_auc == pytest.approx(binary["pr_auc"])
    assert f"ROC-AUC {binary['roc_auc']:.3f}" in tv.roc_plot.getPlotItem().titleLabel.text
    assert f"PR-AUC {binary['pr_auc']:.3f}" in tv.pr_plot.getPlotItem().titleLabel.text

    # the curves are drawn, with the validation choice marked on each
    x, y = tv.roc_curve.getData()
    assert len(x) > 2 and (x[0], y[0], x[-1], y[-1]) == (0.0, 0.0, 1.0, 1.0)
    np.testing.assert_allclose(tv.pr_curve.getData()[0], tv.sweep.recall)
    assert tv.positive_scores.getData()[1].sum() == int((ev.y_true == ev.positive).sum())
    y_true, probs = ev.y_true == ev.positive, ev.positive_probability()
    at_choice = scores_at_threshold(y_true, probs, chosen)
    assert point(tv.roc_chosen) == pytest.approx(at_choice.roc_point) == point(tv.roc_point)
    assert point(tv.pr_chosen) == pytest.approx(at_choice.pr_point)
    assert tv.chosen_line.value() == pytest.approx(chosen) and tv.line.value() == pytest.approx(chosen)
    text = tv.scores_label.text()
    assert all(part in text for part in expected_text(at_choice))
    assert f"{chosen:.4f}" in tv.chosen_label.text() and not tv.reset_button.isEnabled()
    np.testing.assert_array_equal(ev.confusion, at_choice.confusion())

    # a threshold that changes the decisions: the probability of a pair near the middle
    candidates = np.unique(probs)
    moved = next(t for t in candidates[np.argsort(np.abs(candidates - np.median(candidates)))]
                 if scores_at_threshold(y_true, probs, t).confusion() != at_choice.confusion())
    move(qtbot, view, lambda: tv.set_threshold(moved))
    at_moved = scores_at_threshold(y_true, probs, moved)
    assert tv.threshold == moved and tv.scores_label.text() != text
    assert all(part in tv.scores_label.text() for part in expected_text(at_moved))
    assert point(tv.roc_point) == pytest.approx(at_moved.roc_point)
    assert point(tv.pr_point) == pytest.approx(at_moved.pr_point)
    assert point(tv.roc_chosen) == pytest.approx(at_choice.roc_point)  # the choice stays marked
    assert tv.slider.value() == round(moved * 1000) and tv.spin.value() == pytest.approx(moved, abs=1e-4)
    assert tv.line.value() == pytest.approx(moved) and tv.reset_button.isEnabled()
    # the rest of the view follows: scores, confusion matrix, errors in the browser
    shown = view.evaluation
    assert shown.threshold == moved and shown.accuracy == pytest.approx(at_moved.accuracy)
    np.testing.assert_array_equal(shown.confusion, at_moved.confusion())
    assert view.cell_texts() == [[str(v) for v in row] for row in at_moved.confusion()]
    assert view.examples_proxy.rowCount() == at_moved.fp + at_moved.fn  # "Errors only"
    assert f"accuracy {at_moved.accuracy:.3f}" in view.message.text()
    assert view.evaluated_at_choice is ev and ev.threshold == chosen  # the evaluation itself kept

    # the slider, the spin box and the line on the scores' plot move it too
    move(qtbot, view, lambda: tv.slider.setValue(700))
    assert tv.threshold == pytest.approx(0.7) and tv.spin.value() == pytest.approx(0.7)
    assert view.evaluation.threshold == pytest.approx(0.7)
    move(qtbot, view, lambda: tv.spin.setValue(0.2))
    assert tv.threshold == pytest.approx(0.2) and tv.slider.value() == 200 and tv.line.value() == pytest.approx(0.2)
    move(qtbot, view, lambda: tv.line.setValue(0.65))
    assert tv.threshold == pytest.approx(0.65) and tv.slider.value() == 650
    at_line = scores_at_threshold(y_true, probs, 0.65)
    assert all(part in tv.scores_label.text() for part in expected_text(at_line))
    # dragging the line with the mouse, from the validation choice (where the choice's
    # dashed line lies over it) to 0.3
    move(qtbot, view, tv.reset)
    vb = tv.score_plot.getPlotItem().vb
    middle = vb.viewRange()[1][1] / 2

    def at(x: float) -> QPoint:
        return tv.score_plot.mapFromScene(vb.mapViewToScene(QPointF(x, middle)))

    move(qtbot, view, lambda: drag(tv.score_plot, at(chosen), at(0.3)))
    assert tv.threshold == pytest.approx(0.3, abs=0.01) and tv.line.value() == tv.threshold
    assert tv.slider.value() == round(tv.threshold * 1000) and view.evaluation.threshold == tv.threshold
    if SCREENSHOTS:
        qtbot.wait(200)
        view.grab().save(str(Path(SCREENSHOTS) / "pair-evaluation-moved.png"))

    # back to the validation choice
    move(qtbot, view, lambda: qtbot.mouseClick(tv.reset_button, Qt.LeftButton))
    assert tv.threshold == chosen and not tv.reset_button.isEnabled()
    assert view.evaluation.accuracy == pytest.approx(ev.accuracy) and tv.scores_label.text() == text
    np.testing.assert_array_equal(view.evaluation.confusion, ev.confusion)
    assert point(tv.roc_point) == pytest.approx(at_choice.roc_point)


def test_the_examples_show_both_texts_and_follow_the_threshold(qtbot, view, pair_run):
    ev = evaluate(qtbot, view, pair_run)
    model, proxy = view.examples_model, view.examples_proxy
    assert model.columns == ["text", "pair", "true", "pred", "positive"]
    assert model.headers == ["Text", "Second text", "True label", "Predicted", "P(1)"]
    # a text cell's tooltip holds both texts
    tip = model.index(0, 0).data(Qt.ToolTipRole)
    assert ev.texts[0] in tip and ev.pairs[0] in tip
    assert model.index(0, 4).data(Qt.UserRole) == pytest.approx(ev.probabilities[0, ev.positive])

    # the text filter searches both texts: a piece found only in second texts
    view.errors_check.setChecked(False)
    needle = next(b[i:i + 2] for a, b in zip(ev.texts, ev.pairs, strict=True) for i in range(len(b) - 1)
                  if b[i:i + 2] not in a and b[i:i + 2].strip() and not any(b[i:i + 2] in t for t in ev.texts))
    view.filter_edit.setText(needle)
    assert proxy.rowCount() == sum(needle in b for b in ev.pairs) > 0
    view.filter_edit.clear()
    assert proxy.rowCount() == len(ev)

    # the chosen example is read whole below the table
    view.examples_table.selectRow(3)
    row = view.browser.current_row()
    detail = view.browser.detail.text()
    assert ev.texts[row] in detail and ev.pairs[row] in detail and "P(1)" in detail

    # the predicted label follows the threshold; the chosen row stays chosen
    move(qtbot, view, lambda: view.threshold_view.set_threshold(0.0))
    pred = model.columns.index("pred")
    assert {proxy.index(r, pred).data() for r in range(proxy.rowCount())} == {"1"}
    assert view.browser.current_row() == row and "<b>1</b>" in view.browser.detail.text()
    view.errors_check.setChecked(True)
    assert proxy.rowCount() == int((ev.y_true != ev.positive).sum())
    view.examples_table.selectRow(0)
    if SCREENSHOTS:
        qtbot.wait(200)
        view.grab().save(str(Path(SCREENSHOTS) / "pair-evaluation-examples.png"))

    # a double-clicked example goes to the Inference tab, with the run that scored it
    index = proxy.index(0, 0)
    with qtbot.waitSignal(view.exampleChosen) as chosen:
        view.examples_table.doubleClicked.emit(index)
    row = proxy.mapToSource(index).row()
    assert chosen.args == [pair_run.id, ev.texts[row], ev.pairs[row]]


def test_the_view_switches_language_with_a_threshold(qtbot, view, pair_run):
    from PySide6.QtCore import QCoreApplication

    from studio.gui import i18n

    evaluate(qtbot, view, pair_run)
    tv = view.threshold_view
    move(qtbot, view, lambda: tv.set_threshold(0.45))
    english = tv.scores_label.text()
    i18n.apply_language("zh_CN")
    QCoreApplication.processEvents()
    assert tv.threshold == 0.45 and "0.4500" in tv.scores_label.text()
    i18n.apply_language("en")
    QCoreApplication.processEvents()
    assert tv.scores_label.text() == english


def test_other_evaluations_keep_the_view_without_curves(qtbot, view):
    three = evaluation_from_predictions(["a", "b", "c"], [0, 1, 2], np.eye(3) * 0.8 + 0.066, ["x", "y", "z"],
                                        ["u", "v", "w"])
    view.set_evaluation(three)  # a three-class pair task: no threshold
    assert view.threshold_view.isHidden() and view.examples_model.columns[-1] == "confidence"
    binary = evaluation_from_predictions(["0", "1"], [0, 1], [[0.7, 0.3], [0.4, 0.6]], ["x", "y"], ["u", "v"],
                                         threshold=0.5)
    view.set_evaluation(binary)
    assert not view.threshold_view.isHidden() and view.threshold_view.sweep.roc_auc == 1.0
    two = evaluation_from_predictions(["0", "1"], [0, 1], [[0.7, 0.3], [0.4, 0.6]], ["x", "y"])
    view.set_evaluation(two)  # text classification of two classes: no threshold either
    assert view.threshold_view.isHidden() and view.threshold_view.sweep is None
    assert view.examples_model.columns == ["text", "true", "pred", "confidence"]
