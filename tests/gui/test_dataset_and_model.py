"""Bad files, column roles, the model form and the controls, driven through real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import write_slice
from tests.gui.helpers import drop_file


def test_bad_file_shows_a_dialog_and_keeps_the_open_data(window, qtbot, thucnews_dev, tmp_path):
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, thucnews_dev)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.errorShown, timeout=30000) as shown:
        drop_file(window, empty)
    assert "empty.csv" in shown.args[0] and "empty" in shown.args[0]
    assert "Traceback" not in shown.args[0]
    assert window.model.table.num_rows == 10000  # nothing that was open is lost
    assert window.model.settings.dataset.train == str(thucnews_dev)


def test_roles_tokenizer_preview_and_charts(window, qtbot, thucnews_dev):
    tab = window.dataset_tab
    with qtbot.waitSignal(tab.previewReady, timeout=30000):
        with qtbot.waitSignal(window.dataLoaded, timeout=30000):
            drop_file(window, thucnews_dev)
    assert tab.table_model.rowCount() == 10000
    assert "[text]" in tab.table_model.headerData(0, Qt.Horizontal)
    assert tab.class_chart.bars is not None
    assert "→" in tab.preview.toPlainText()
    with qtbot.waitSignal(tab.previewReady, timeout=60000):
        tab.tokenizer_combo.setCurrentIndex(tab.tokenizer_combo.findData("jieba"))
    assert window.model.settings.text.tokenizer.type == "jieba"
    first_tokens = tab.preview.toPlainText().split("→")[1].splitlines()[0]
    assert any(len(token.strip()) > 1 for token in first_tokens.split("|")), first_tokens
    tab.label_combo.setCurrentIndex(0)  # "(none)"
    assert window.model.settings.dataset.label_column is None
    assert not window.training_tab.start_button.isEnabled()
    assert "label column" in window.training_tab.blocker_label.text()


def test_invalid_model_value_is_explained_and_blocks_start(window, qtbot, thucnews_dev):
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, thucnews_dev)
    assert window.training_tab.start_button.isEnabled()
    form = window.model_tab.form
    form.editors["kernel_sizes"].setText("2, x")
    assert form.error_labels["kernel_sizes"].isVisibleTo(window.model_tab)
    assert "whole number" in form.error_labels["kernel_sizes"].text()
    assert not window.training_tab.start_button.isEnabled()
    form.editors["kernel_sizes"].setText("2, 3")
    assert not form.error_labels["kernel_sizes"].isVisibleTo(window.model_tab)
    assert window.model.settings.model.kernel_sizes == [2, 3]
    assert window.training_tab.start_button.isEnabled()


def test_switching_model_redraws_the_form(window, qtbot):
    tab = window.model_tab
    tab.combo.setCurrentIndex(tab.combo.findData("textrnn"))
    assert window.model.settings.model.type == "textrnn"
    assert {"cell", "hidden_size", "num_layers", "bidirectional"} <= set(tab.form.editors)
    tab.form.editors["bidirectional"].setChecked(False)
    assert window.model.settings.model.bidirectional is False
    qtbot.waitUntil(lambda: "Parameters:" in tab.params_label.text(), timeout=10000)


def test_pause_then_stop_keeps_a_usable_run(window, qtbot, thucnews_dev, tmp_path):
    data = write_slice(thucnews_dev, tmp_path / "news.txt", 6000)
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, data)
    training = window.training_tab
    training.form.editors["epochs"].setValue(50)
    with qtbot.waitSignal(window.training.started, timeout=5000):
        qtbot.mouseClick(training.start_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: training.history.last_batch is not None, timeout=60000)
    qtbot.mouseClick(training.pause_button, Qt.LeftButton)
    assert training.pause_button.text() == "Continue"
    window.tabs.setCurrentWidget(window.dataset_tab)  # the window answers while training
    window.resize(1000, 700)
    with qtbot.waitSignal(training.trainingFinished, timeout=60000) as finished:
        qtbot.mouseClick(training.stop_button, Qt.LeftButton)
    run = finished.args[0]
    assert run is not None and run.finished["status"] == "stopped"
    assert run.finished["test"] is not None
    assert training.start_button.isEnabled()
    assert window.inference_tab.predict_button.isEnabled()


def test_sample_project_is_ready_to_train(window, qtbot):
    with qtbot.waitSignal(window.projectOpened, timeout=60000):
        window.open_sample()
    assert window.model.table.num_rows > 30000
    assert set(window.model.table.columns[1]) == {"negative", "positive"}
    assert window.training_tab.start_button.isEnabled(), window.training_tab.blocker_label.text()
    assert window.recent_projects()[0] == str(window.model.project.path)
