"""The Inference tab on sentence-pair runs: two text boxes, the match probability at the
run's threshold, and ESIM's alignment heatmap (tokens on both axes, rows summing to 1);
a TextCNN pair run shows no heatmap."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from studio.core.inference.evaluate import run_threshold
from studio.core.inference.predictor import Predictor
from studio.core.project import Project
from studio.gui import i18n
from studio.gui.project_model import ProjectModel
from studio.gui.tabs.inference_tab import InferenceTab
from studio.gui.workers import WorkerPool
from tests.test_cli_pairs import PAIR, pair_projects  # noqa: F401 - a module-scoped fixture

SCREENSHOTS = os.environ.get("STUDIO_SCREENSHOT_DIR")  # set it to keep screenshots of the tab


@pytest.fixture
def tab(qtbot):
    pool = WorkerPool()
    model = ProjectModel()
    widget = InferenceTab(model, pool)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    yield widget
    pool.shutdown()
    model.project.close()


def predict_pair(qtbot, tab, project: Path, a: str, b: str):
    tab.model.replace(Project.open(project))
    assert tab.pair_input.isVisible() and tab._text_row_label.text() == "First text"
    tab.input.setPlainText(a)
    tab.pair_input.setPlainText(b)
    with qtbot.waitSignal(tab.predicted, timeout=60000):
        qtbot.mouseClick(tab.predict_button, Qt.LeftButton)
    return tab.model.project.runs[-1]


def test_esim_shows_the_match_probability_and_its_alignment(qtbot, tab, pair_projects):  # noqa: F811
    run = predict_pair(qtbot, tab, pair_projects["esim"], *PAIR)
    threshold = run_threshold(run)
    expected = float(Predictor(run).probabilities([PAIR[0]], [PAIR[1]])[0, run.label_names.index("1")])
    match = tab.last_match
    assert match is not None and match.probability == pytest.approx(expected, abs=1e-5)
    assert match.threshold == threshold and match.threshold_chosen
    assert match.is_match is (expected >= threshold)
    verdict = "Match" if match.is_match else "No match"
    assert tab.result.text() == f"{verdict} · match probability {expected:.1%}"
    detail = tab.match_detail.text()
    assert tab.match_detail.isVisible() and f"{threshold:.3f}" in detail and "validation" in detail
    assert "“1”" in detail
    assert not tab.tokens_label.isVisible()  # the heatmap's axes show them

    heatmap = tab.heatmap
    assert heatmap.isVisible()
    model = heatmap.model
    assert model.rowCount() == len(PAIR[0]) and model.columnCount() == len(PAIR[1])
    assert [model.headerData(i, Qt.Vertical) for i in range(model.rowCount())] == list(PAIR[0])
    assert [model.headerData(j, Qt.Horizontal) for j in range(model.columnCount())] == list(PAIR[1])
    weights = np.array([[model.index(i, j).data(Qt.UserRole) for j in range(model.columnCount())]
                        for i in range(model.rowCount())])
    assert weights.shape == (16, 15) and np.all(weights >= 0)
    np.testing.assert_allclose(weights.sum(axis=1), 1.0, atol=1e-5)  # softmax over side b, row by row
    np.testing.assert_allclose(weights, Predictor(run).alignment(*PAIR).weights, atol=1e-6)
    tip = model.index(0, 0).data(Qt.ToolTipRole)
    assert "“喜”" in tip and "“爱”" in tip and f"{weights[0, 0]:.3f}" in tip
    light, dark = np.unravel_index(weights.argmin(), weights.shape), np.unravel_index(weights.argmax(), weights.shape)
    assert (model.index(*map(int, dark)).data(Qt.BackgroundRole).lightness()
            < model.index(*map(int, light)).data(Qt.BackgroundRole).lightness())  # heavier is darker
    assert "sums to 1" in heatmap.caption.text() and "Rows" in heatmap.caption.text()

    # a language change redraws what is shown, in the new language
    i18n.apply_language("zh_CN")
    qtbot.wait(50)
    assert tab.predict_button.text() != "Predict" and f"{expected:.1%}" in tab.result.text()
    assert heatmap.isVisible() and model.rowCount() == 16
    if SCREENSHOTS:
        tab.grab().save(str(Path(SCREENSHOTS) / "pair-infer-test-zh.png"))


def test_a_pair_cut_to_max_len_aligns_the_tokens_the_model_read(qtbot, tab, pair_projects):  # noqa: F811
    long_a = "今天天气怎么样我们去哪里玩比较好呢你有什么推荐吗朋友们大家好"  # 31 characters, max_len 24
    predict_pair(qtbot, tab, pair_projects["esim"], long_a, "好")
    model = tab.heatmap.model
    assert (model.rowCount(), model.columnCount()) == (24, 1)
    assert model.headerData(23, Qt.Vertical) == long_a[23]
    assert model.index(5, 0).data(Qt.UserRole) == pytest.approx(1.0)


def test_a_textcnn_pair_run_shows_no_heatmap(qtbot, tab, pair_projects):  # noqa: F811
    predict_pair(qtbot, tab, pair_projects["textcnn"], *PAIR)
    assert tab.last_match is not None and tab.match_detail.isVisible()
    assert not tab.heatmap.isVisible() and tab.heatmap.alignment is None
    assert tab.tokens_label.isVisible() and "<sep>" in tab.tokens_label.text()
