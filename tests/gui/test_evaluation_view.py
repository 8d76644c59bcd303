"""The evaluation view on a real tiny run: tables, heatmap, cell clicks, missing data."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from studio.gui.widgets.evaluation_view import EvaluationView
from studio.gui.workers import WorkerPool
from tests.core.test_evaluation import tiny_run  # noqa: F401 - a module-scoped fixture

SCREENSHOTS = os.environ.get("STUDIO_SCREENSHOT_DIR")  # set it to keep screenshots of the view


def screenshot(view, name: str) -> None:
    if SCREENSHOTS:
        view.grab().save(str(Path(SCREENSHOTS) / name))


@pytest.fixture
def view(qtbot, request):
    """An evaluation view on its own worker pool, shown at the test module's ``VIEW_SIZE``."""
    pool = WorkerPool()
    widget = EvaluationView(pool)
    qtbot.addWidget(widget)
    widget.resize(*getattr(request.module, "VIEW_SIZE", (1200, 800)))
    widget.show()
    yield widget
    pool.shutdown()


def shown_cells(view) -> set[tuple[str, str]]:
    proxy = view.examples_proxy
    columns = view.examples_model.headers
    t, p = columns.index("True label"), columns.index("Predicted")
    return {(proxy.index(r, t).data(), proxy.index(r, p).data()) for r in range(proxy.rowCount())}


def test_evaluates_and_filters_by_cell(qtbot, view, tiny_run):  # noqa: F811
    run, _ = tiny_run
    with qtbot.waitSignal(view.evaluated, timeout=60000):
        view.show_run(run, None)
    ev = view.evaluation
    C = len(run.label_names)
    assert len(ev) == 150 and view.class_table.rowCount() == C
    assert view.class_table.item(0, 0).text() == run.label_names[0]
    assert view.examples_model.rowCount() == 150
    assert view.examples_proxy.rowCount() == ev.num_errors  # errors only by default
    assert f"accuracy {ev.accuracy:.3f}" in view.message.text()
    assert view.cell_texts()[0][0] == str(ev.confusion[0, 0])
    assert not ev.binary and view.threshold_view.isHidden()  # classification: no threshold, no curves
    assert view.examples_model.columns == ["text", "true", "pred", "confidence"]
    qtbot.wait(200)  # let the layouts settle before the screenshot
    screenshot(view, "evaluation.png")

    chosen = []
    view.cellChosen.connect(lambda i, j: chosen.append((i, j)))
    i, j = map(int, np.unravel_index(np.argmax(ev.confusion - np.diag(np.diag(ev.confusion)) * 10**6),
                                     ev.confusion.shape))  # the biggest off-diagonal cell
    for true, pred in ((i, j), (0, 0), (C - 1, 0)):
        view.choose_cell(true, pred)
        assert view.examples_proxy.rowCount() == ev.confusion[true, pred]
        assert view.true_combo.currentData() == true and view.pred_combo.currentData() == pred
        if ev.confusion[true, pred]:
            assert shown_cells(view) == {(run.label_names[true], run.label_names[pred])}
    assert chosen == [(i, j), (0, 0), (C - 1, 0)]
    assert not view.errors_check.isChecked()  # the diagonal cell turned it off

    # the text filter and "Any" combos narrow the whole split
    view.true_combo.setCurrentIndex(0)
    view.pred_combo.setCurrentIndex(0)
    assert view.examples_proxy.rowCount() == 150
    word = ev.texts[0][:2]
    view.filter_edit.setText(word)
    assert view.examples_proxy.rowCount() == sum(word.lower() in t.lower() for t in ev.texts)
    view.filter_edit.clear()
    view.errors_check.setChecked(True)
    assert view.examples_proxy.rowCount() == ev.num_errors

    # sorting by confidence
    column = view.examples_model.headers.index("Confidence")
    view.examples_table.sortByColumn(column, Qt.DescendingOrder)
    values = [view.examples_proxy.index(r, column).data(Qt.UserRole)
              for r in range(view.examples_proxy.rowCount())]
    assert values == sorted(values, reverse=True)


def test_normalised_and_click(qtbot, view, tiny_run):  # noqa: F811
    run, _ = tiny_run
    with qtbot.waitSignal(view.evaluated, timeout=60000):
        view.show_run(run)
    ev = view.evaluation
    np.testing.assert_array_equal(view.displayed_matrix(), ev.confusion)
    qtbot.mouseClick(view.normalised_button, Qt.LeftButton)
    assert view.normalised
    shown = view.displayed_matrix()
    rows = ev.confusion.sum(1) > 0
    np.testing.assert_allclose(shown.sum(1)[rows], 1.0)
    np.testing.assert_allclose(view.image.image, shown)
    texts = np.array([[float(t) for t in row] for row in view.cell_texts()])
    np.testing.assert_allclose(texts, shown, atol=0.005)
    qtbot.wait(200)
    screenshot(view, "evaluation-normalised.png")

    # a click in the middle of cell (true=2, pred=1), through the scene
    qtbot.wait(50)
    vb = view.plot.getPlotItem().vb
    scene_pos = vb.mapViewToScene(QPointF(1.5, 2.5))
    assert view.cell_at(scene_pos) == (2, 1)
    with qtbot.waitSignal(view.cellChosen) as signal:
        view_pos = view.plot.mapFromScene(scene_pos)
        qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=view_pos)
    assert signal.args == [2, 1]
    assert view.examples_proxy.rowCount() == ev.confusion[2, 1]


def test_missing_data_files(qtbot, view, tiny_run, tmp_path):  # noqa: F811
    run, _ = tiny_run
    moved = copy.copy(run)
    moved.config = copy.deepcopy(run.config)
    moved.config["dataset"]["train"] = str(tmp_path / "gone.tsv")
    with qtbot.waitSignal(view.failed, timeout=60000) as signal:
        view.show_run(moved, None)
    assert "not found" in signal.args[0]
    assert "Cannot evaluate run" in view.message.text() and "gone.tsv" in view.message.text()
    assert view.evaluation is None and view.examples_model.rowCount() == 0
    assert view.class_table.rowCount() == 0


def test_language_switch_with_and_without_an_evaluation(qtbot, view, tiny_run, tmp_path):  # noqa: F811
    """Re-translating the examples' headers, with an empty table or a full one (Qt once
    crashed when the header change went through the filter proxy)."""
    from PySide6.QtCore import QCoreApplication

    from studio.gui import i18n

    run, _ = tiny_run
    missing = copy.copy(run)
    missing.config = copy.deepcopy(run.config)
    missing.config["dataset"]["train"] = str(tmp_path / "gone.tsv")
    with qtbot.waitSignal(view.failed, timeout=60000):
        view.show_run(missing, None)
    for language in ("zh_CN", "en", "zh_CN"):
        i18n.apply_language(language)
        QCoreApplication.processEvents()
    with qtbot.waitSignal(view.evaluated, timeout=60000):
        view.show_run(run, None)
    assert view.examples_proxy.rowCount() > 0
    assert view.examples_table.model().headerData(0, Qt.Horizontal) == "文本"
    i18n.apply_language("en")
    QCoreApplication.processEvents()
    assert view.examples_table.model().headerData(0, Qt.Horizontal) == "Text"
