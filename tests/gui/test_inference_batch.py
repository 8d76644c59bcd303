"""The Inference tab's "Label a file": rows stream into the table with every class's
probability and, for a labelled file, the truth and ✓/✗; sorting, filtering, export; a
file dropped on it is labelled, not opened as the project's data. And "Explain": each
token coloured by its attribution, for a typed text, a row of the table, or an example
of the evaluation."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from PySide6.QtCore import Qt

from studio.core.inference.predictor import Predictor
from studio.core.project import Project
from studio.gui import file_dialogs, i18n
from studio.gui.widgets.batch_table import SORT_ROLE
from tests.gui.helpers import drop_file
from tests.gui.test_pair_inference import tab  # noqa: F401 - the Inference tab on its own
from tests.test_cli_batch import news, pairs  # noqa: F401 - module-scoped fixtures

SCREENSHOTS = os.environ.get("STUDIO_SCREENSHOT_DIR")  # set it to keep screenshots of the panel


def label(qtbot, tab, project: Path, data: Path):  # noqa: F811 - the fixture, passed on
    tab.model.replace(Project.open(project, trust_outside=True))
    tab.pages.setCurrentWidget(tab.batch)
    with qtbot.waitSignal(tab.batch.labelled, timeout=60000) as done:
        tab.batch.label_path(str(data))
    return done.args[0]


def column(panel, header: str) -> int:
    model = panel.table_model
    return [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())].index(header)


def test_a_labelled_file_fills_the_table_and_filters(qtbot, tab, news):  # noqa: F811
    labelled = label(qtbot, tab, news["project"], news["data"])
    panel, proxy = tab.batch, tab.batch.proxy
    run = tab.model.project.runs[-1]
    assert proxy.rowCount() == 300 and panel.export_button.isEnabled()
    headers = [panel.table_model.headerData(c, Qt.Horizontal) for c in range(panel.table_model.columnCount())]
    assert headers[:6] == ["Line", "Text", "Predicted", "Confidence", "True label", "Right"]
    assert headers[6:] == [f"P({name})" for name in run.label_names]
    first = Predictor(run).predict([labelled.rows.texts[0]])[0]
    assert proxy.index(0, column(panel, "Predicted")).data() == first.label
    wrong = sum(t != p for t, p in zip(labelled.rows.labels, labelled.predictions.labels, strict=True))
    accuracy = 1 - wrong / 300
    assert f"accuracy {accuracy:.2%}" in panel.summary.text() and "300 of 300 rows labelled" in panel.summary.text()

    panel.which_combo.setCurrentIndex(panel.which_combo.findData("wrong"))
    assert proxy.rowCount() == wrong
    assert {proxy.index(r, column(panel, "Right")).data() for r in range(proxy.rowCount())} <= {"✗"}
    panel.which_combo.setCurrentIndex(panel.which_combo.findData("all"))
    predicted = labelled.predictions.labels[0]
    panel.label_combo.setCurrentIndex(panel.label_combo.findData(predicted))
    assert proxy.rowCount() == labelled.predictions.labels.count(predicted)
    panel.label_combo.setCurrentIndex(0)
    word = labelled.rows.texts[5][:4]
    panel.filter_edit.setText(word)
    assert proxy.rowCount() == sum(word in text for text in labelled.rows.texts) >= 1
    panel.filter_edit.clear()

    confidence = column(panel, "Confidence")
    panel.table.sortByColumn(confidence, Qt.DescendingOrder)
    values = [proxy.index(r, confidence).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)
    if SCREENSHOTS:
        tab.grab().save(str(Path(SCREENSHOTS) / "inference-batch-en.png"))


def test_export_writes_every_row(qtbot, tab, news, tmp_path, monkeypatch):  # noqa: F811
    label(qtbot, tab, news["project"], news["data"])
    out = tmp_path / "out.tsv"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: str(out))
    tab.batch.filter_edit.setText("的")  # a filter does not shorten the export
    qtbot.mouseClick(tab.batch.export_button, Qt.LeftButton)
    qtbot.waitUntil(out.exists, timeout=20000)
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    assert len(rows) == 301 and rows[0][:3] == ["line", "text", "label"]
    qtbot.waitUntil(lambda: "exported" in tab.batch.file_label.text(), timeout=5000)
    i18n.apply_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: "已导出到" in tab.batch.file_label.text(), timeout=5000)
    finally:
        i18n.apply_language("en")


def test_a_pair_file_shows_both_texts_in_chinese(qtbot, tab, pairs):  # noqa: F811
    i18n.apply_language("zh_CN")
    try:
        labelled = label(qtbot, tab, pairs["project"], pairs["data"])
        headers = [tab.batch.table_model.headerData(c, Qt.Horizontal)
                   for c in range(tab.batch.table_model.columnCount())]
        assert len(labelled.rows) == 90 and labelled.rows.pairs is not None
        assert headers[1:3] == ["文本", "第二段文本"] and "准确率" in tab.batch.summary.text()
        if SCREENSHOTS:
            tab.grab().save(str(Path(SCREENSHOTS) / "inference-batch-pairs-zh.png"))
    finally:
        i18n.apply_language("en")


def test_a_file_dropped_on_the_panel_is_labelled_not_opened(qtbot, make_window, news):  # noqa: F811
    window = make_window()
    window.model.replace(Project.open(news["project"], trust_outside=True))
    window.tabs.setCurrentWidget(window.inference_tab)
    panel = window.inference_tab.batch
    window.inference_tab.pages.setCurrentWidget(panel)
    data_before = window.model.settings.dataset.train
    with qtbot.waitSignal(panel.labelled, timeout=60000):
        drop_file(panel.filter_edit, news["data"])  # a text box, which would paste the path
    assert panel.table_model.rowCount() == 300 and window.model.settings.dataset.train == data_before


def test_explain_colours_each_token_and_ranks_them(qtbot, tab, news):  # noqa: F811
    tab.model.replace(Project.open(news["project"], trust_outside=True))
    text = "詹姆斯砍下40分湖人险胜凯尔特人"
    tab.input.setPlainText(text)
    with qtbot.waitSignal(tab.explained, timeout=60000) as done:
        qtbot.mouseClick(tab.explain_button, Qt.LeftButton)
    explanation = done.args[0]
    view = tab.explanation_view
    assert view.isVisible() and not view.side_b.isVisible()
    assert view.side_a.tokens == list(text) and explanation.tokens == list(text)
    assert view.ranked.rowCount() == 10 and view.ranked.item(0, 0).text() == explanation.ranked()[0][0]
    assert "integrated gradients" in view.title.text() and explanation.target in view.title.text()
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("stocks"))
    with qtbot.waitSignal(tab.explained, timeout=60000) as done:
        qtbot.mouseClick(tab.explain_button, Qt.LeftButton)
    assert done.args[0].target == "stocks" and "“stocks”" in view.title.text()


def test_a_double_clicked_row_is_shown_and_explained_on_its_own(qtbot, tab, pairs):  # noqa: F811
    labelled = label(qtbot, tab, pairs["project"], pairs["data"])
    index = tab.batch.proxy.index(2, 1)
    with qtbot.waitSignal(tab.explained, timeout=60000):
        tab.batch.table.doubleClicked.emit(index)
    assert tab.pages.currentIndex() == 0
    assert tab.input.toPlainText() == labelled.rows.texts[2] and tab.pair_input.toPlainText() == labelled.rows.pairs[2]
    view = tab.explanation_view
    assert view.side_b.isVisible() and view.side_b.tokens and view.ranked.isColumnHidden(1) is False
    if SCREENSHOTS:
        tab.grab().save(str(Path(SCREENSHOTS) / "inference-explain-pair-en.png"))


def test_an_evaluation_example_is_explained_in_the_inference_tab(qtbot, make_window, news):  # noqa: F811
    window = make_window()
    window.model.replace(Project.open(news["project"], trust_outside=True))
    run = window.model.project.runs[-1]
    with qtbot.waitSignal(window.inference_tab.explained, timeout=60000):
        window.training_tab.exampleChosen.emit(run.id, "央行宣布下调存款准备金率", None)
    assert window.tabs.currentWidget() is window.inference_tab
    assert window.inference_tab.current_run().id == run.id
    assert window.inference_tab.input.toPlainText() == "央行宣布下调存款准备金率"
    assert window.inference_tab.explanation_view.side_a.tokens == list("央行宣布下调存款准备金率")


def test_another_project_clears_the_labelled_file(qtbot, tab, news, pairs):  # noqa: F811
    label(qtbot, tab, news["project"], news["data"])
    assert tab.batch.table_model.rowCount() == 300
    tab.model.replace(Project.open(pairs["project"], trust_outside=True))
    assert tab.batch.table_model.rowCount() == 0 and not tab.batch.export_button.isEnabled()
    assert tab.batch.file_label.text() == "" and tab.batch.summary.text() == ""
