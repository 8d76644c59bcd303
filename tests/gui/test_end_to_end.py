"""A user's first session: drop THUCNews dev.txt, train TextCNN, predict, save, reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui.helpers import answer, drop_file

HEADLINE = "詹姆斯砍下40分湖人险胜凯尔特人"


def test_drop_train_predict_save_reopen(window, make_window, qtbot, thucnews_dev, tmp_path, monkeypatch):
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, thucnews_dev)
    dataset = window.model.settings.dataset
    assert window.model.table.num_rows == 10000
    assert dataset.class_names and dataset.class_names.endswith("class.txt")
    assert (dataset.text_column, dataset.label_column) == (0, 1)

    model_tab = window.model_tab
    assert model_tab.combo.currentData() == "textcnn"
    before = model_tab.params_label.text()
    model_tab.form.editors["embedding_dim"].setValue(64)
    model_tab.form.editors["num_filters"].setValue(64)
    assert window.model.settings.model.embedding_dim == 64
    qtbot.waitUntil(lambda: not model_tab.busy and model_tab.params_label.text() != before, timeout=10000)

    training = window.training_tab
    training.form.editors["epochs"].setValue(1)
    assert window.model.settings.training.epochs == 1
    window.tabs.setCurrentWidget(training)
    assert training.start_button.isEnabled(), training.blocker_label.text()
    with qtbot.waitSignal(training.trainingFinished, timeout=180000) as finished:
        qtbot.mouseClick(training.start_button, Qt.LeftButton)
    run = finished.args[0]
    assert run is not None, window.last_error
    steps, losses = training.plots.loss_raw.getData()
    assert steps is not None and len(steps) > 0 and len(losses) == len(steps)
    epochs, _ = training.plots.acc_val.getData()
    assert list(epochs) == [1]
    assert "Accuracy" in training.report.text()
    assert training.per_class.rowCount() == 10

    inference = window.inference_tab
    window.tabs.setCurrentWidget(inference)
    inference.input.setPlainText(HEADLINE)
    with qtbot.waitSignal(inference.predicted, timeout=30000) as predicted:
        qtbot.mouseClick(inference.predict_button, Qt.LeftButton)
    first = predicted.args[0]
    assert set(first.probabilities) == set(run.label_names)
    assert sum(first.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert inference.result.text().startswith(first.label)

    target = tmp_path / "News"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_as()
    assert not window.model.dirty
    saved = target.with_name("News.studio")
    assert (saved / "project.json").is_file()

    reopened = make_window()  # the first window still has it open: a second one may only read it
    with qtbot.waitSignal(reopened.projectOpened, timeout=30000):
        reopened.open_path(saved)
        assert "another window of this studio" in answer(qtbot, reopened, "Open read-only")
    assert reopened.model.project.read_only and "(read-only)" in reopened.windowTitle()
    assert reopened.model.table is not None and reopened.model.table.num_rows == 10000
    assert reopened.model.settings == window.model.settings
    history = reopened.training_tab.history
    assert history.steps == training.history.steps
    again = reopened.inference_tab
    again.input.setPlainText(HEADLINE)
    with qtbot.waitSignal(again.predicted, timeout=30000) as predicted_again:
        qtbot.mouseClick(again.predict_button, Qt.LeftButton)
    assert predicted_again.args[0].probabilities == first.probabilities
