"""The TrainingSession owns the running training: its run folder, its history, what it
reports, and the run it adds to the project; the tab and the status bar observe it."""

from __future__ import annotations

from studio.core.report import Notice, Stage
from studio.gui.wording import event_text
from tests.conftest import write_slice


def _loaded(window, qtbot, thucnews_dev, tmp_path, rows: int = 600):
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        window.open_data(write_slice(thucnews_dev, tmp_path / "news.txt", rows))
    window.model.update("model", {"type": "textcnn", "embedding_dim": 16, "num_filters": 8})
    window.model.update("training", window.model.settings.training.model_copy(update={"epochs": 1}))
    return window.training


def test_a_run_reports_its_stages_and_joins_the_project(window, qtbot, thucnews_dev, tmp_path):
    session = _loaded(window, qtbot, thucnews_dev, tmp_path)
    reported, epochs = [], []
    session.reported.connect(reported.append)
    session.epochFinished.connect(lambda: epochs.append(session.run_dir))
    with qtbot.waitSignal(session.finished, timeout=120000) as finished:
        assert window.training_tab.start()
        folder = session.run_dir
        assert session.running and folder is not None and folder.parent.name == "runs"
        assert window.status_panel.run_label.text().count(folder.name) == 1
    run = finished.args[0]
    assert run is not None and run.id == folder.name and not session.running and session.run_dir is None
    assert window.model.project.runs[-1] is run and window.model.dirty
    assert epochs == [folder]  # the run folder is known while it trains (the autosave lists it)
    assert all(isinstance(event, (Stage, Notice)) for event in reported)
    stages = [event.message.code for event in reported if isinstance(event, Stage)]
    assert stages[0] == "stage.reading_data" and stages[-1] == "stage.training"
    assert event_text(reported[0]) == "Reading data…"
    assert window.training_tab.history is session.history and session.history.finished is not None
    assert "Run completed" in window.training_tab.progress_label.text()


def test_a_stop_before_training_keeps_no_run(window, qtbot, thucnews_dev, tmp_path):
    session = _loaded(window, qtbot, thucnews_dev, tmp_path)
    failed = []
    session.failed.connect(failed.append)
    with qtbot.waitSignal(session.finished, timeout=60000) as finished:
        assert session.start()
        assert not session.start()  # one run at a time
        session.stop()
    assert finished.args[0] is None and failed == [] and session.error == ""
    assert window.model.project.runs == [] and not session.running
    assert window.training_tab.progress_label.text() == "Stopped before training began."
    assert window.training_tab.start_button.isEnabled()


def test_a_failed_run_is_told_once_and_keeps_no_run(window, qtbot, tmp_path):
    data = tmp_path / "one-class.tsv"
    data.write_text("这部电影很好看\t正面\n" * 30, encoding="utf-8")
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        window.open_data(data)
    window.model.update("dataset", window.model.settings.dataset.model_copy(update={"label_column": 1}))
    session = window.training
    with qtbot.waitSignal(session.finished, timeout=60000) as finished:
        with qtbot.waitSignal(window.errorShown, timeout=60000) as shown:
            assert window.training_tab.start()
    assert finished.args[0] is None and session.error == shown.args[0] == window.last_error
    assert "one-class.tsv" in session.error and "only one class" in session.error
    assert window.model.project.runs == [] and not session.running
    assert window.training_tab.progress_label.text() == "Training failed."
