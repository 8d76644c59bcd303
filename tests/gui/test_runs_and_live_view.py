"""Training tab: the runs table, overlaid curves, the settings diff, plot and CSV exports."""

from __future__ import annotations

import csv

import pytest

from studio.core.data.dataset import DatasetConfig
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run
from studio.gui.widgets.plots import round_up
from tests.conftest import write_slice


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    from tests.conftest import shared_file

    folder = tmp_path_factory.mktemp("runs")
    train = write_slice(shared_file("thucnews", "dev.txt"), folder / "slice.tsv", 1200)
    runs = []
    for lr in (5e-3, 1e-3):
        settings = Settings(
            dataset=DatasetConfig(train=str(train), class_names=str(shared_file("thucnews", "class.txt"))),
            text=TextConfig(max_len=16),
            model={"type": "textcnn", "embedding_dim": 16, "num_filters": 8},
            training=TrainingConfig(epochs=2, batch_size=64, lr=lr, device="cpu"),
        )
        runs.append(execute_run(settings, taken_ids=[r.id for r in runs]))
    return runs


def test_runs_table_overlay_and_diff(window, qtbot, two_runs):
    for run in two_runs:
        window.model.add_run(run)
    view = window.training_tab.runs_view
    assert view.table.rowCount() == 2
    assert [r.id for r in view.selected_runs()] == [two_runs[-1].id]  # the newest is selected
    model_column = [view.table.item(r, 1).text() for r in range(2)]
    assert model_column == ["textcnn", "textcnn"]
    test_accuracy = {f"{run.finished['test']['accuracy']:.2%}" for run in two_runs}
    assert {view.table.item(r, 4).text() for r in range(2)} == test_accuracy

    with qtbot.waitSignal(view.selectionChanged) as selected:
        view.select([run.id for run in two_runs])
    assert sorted(selected.args[0]) == sorted(run.id for run in two_runs)
    assert len(view.val_plot.getPlotItem().listDataItems()) == 2
    assert len(view.loss_plot.getPlotItem().listDataItems()) == 2
    diff = {view.diff.item(r, 0).text(): [view.diff.item(r, c).text() for c in (1, 2)]
            for r in range(view.diff.rowCount())}
    assert diff == {"training.lr": ["0.005", "0.001"]}


def test_live_view_marks_the_best_epoch_and_exports(window, qtbot, two_runs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window.model.add_run(two_runs[0])
    window.training_tab.refresh()
    plots = window.training_tab.plots
    best = two_runs[0].finished["best_epoch"]
    assert all(line.isVisible() and line.value() == best for line in plots.best_lines)
    assert len(plots.lr_curve.getData()[0]) == len(plots.loss_raw.getData()[0]) > 0
    low, high = plots.lr_plot.getViewBox().viewRange()[1]  # a constant rate shows at its value
    lr = two_runs[0].config["training"]["lr"]
    assert low == 0 and high == pytest.approx(round_up(lr * 1.05)) and lr < high < 2 * lr

    for suffix in (".png", ".svg"):
        target = tmp_path / f"curves{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        window.training_tab.export_plots_button.click()
        written = sorted(p.name for p in tmp_path.glob(f"curves-*{suffix}"))
        assert written == sorted(f"curves-{n}{suffix}" for n in ("loss-steps", "accuracy", "loss-epochs", "lr"))
        assert all((tmp_path / name).stat().st_size > 500 for name in written)

    target = tmp_path / "metrics.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.training_tab.export_csv_button.click()
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    epochs = [row for row in rows if row["kind"] == "epoch"]
    assert [row["epoch"] for row in epochs] == ["1", "2"]
    first_epoch = next(e for e in two_runs[0].events if e.get("event") == "epoch_end")
    assert float(epochs[0]["val_accuracy"]) == pytest.approx(first_epoch["metrics"]["val_accuracy"])
    assert any(row["kind"] == "step" and row["lr"] for row in rows)


def test_evaluation_view_follows_the_selected_run(window, qtbot, two_runs):
    for run in two_runs:
        window.model.add_run(run)
    tab = window.training_tab
    with qtbot.waitSignal(tab.evaluation.evaluated, timeout=60000):
        tab.views.setCurrentWidget(tab.evaluation)
    evaluation = tab.evaluation.evaluation
    assert evaluation.accuracy == pytest.approx(two_runs[-1].finished["test"]["accuracy"])
    true, pred = 0, int(evaluation.confusion[0].argmax())
    tab.evaluation.choose_cell(true, pred)
    assert tab.evaluation.examples_proxy.rowCount() == evaluation.confusion[true, pred]

    with qtbot.waitSignal(tab.evaluation.evaluated, timeout=60000):
        tab.runs_view.select([two_runs[0].id])
    assert tab.evaluation.evaluation.accuracy == pytest.approx(two_runs[0].finished["test"]["accuracy"])


def test_stop_then_resume_continues_the_curves(window, qtbot, tmp_path, thucnews_dev):
    from tests.gui.helpers import drop_file

    data = write_slice(thucnews_dev, tmp_path / "slice.tsv", 3000)
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, data)
    window.model.update("model", {"type": "textcnn", "embedding_dim": 16, "num_filters": 8})
    tab = window.training_tab
    tab.form.editors["epochs"].setValue(3)
    tab.form.editors["batch_size"].setValue(16)
    with qtbot.waitSignal(tab.trainingFinished, timeout=120000) as first:
        tab.start_button.click()
        qtbot.waitUntil(lambda: tab.history.last_batch is not None and tab.history.last_batch.step > 20,
                        timeout=60000)
        tab.stop_button.click()
    stopped = first.args[0]
    assert stopped.finished["status"] == "stopped" and tab.resume_button.isEnabled()
    steps_before = list(tab.history.steps)

    with qtbot.waitSignal(tab.trainingFinished, timeout=120000) as second:
        tab.resume_button.click()
    resumed = second.args[0]
    assert resumed.id == stopped.id and resumed.finished["status"] == "completed"
    assert [r.id for r in window.model.project.runs] == [stopped.id]  # replaced, not added
    steps = tab.history.steps
    assert steps[: len(steps_before)] == steps_before  # the stopped curve, then its continuation
    assert len(steps) > len(steps_before)
    assert steps == sorted(set(steps))  # continued: no step twice, none going back
    assert tab.history.epochs == [1, 2, 3] and not tab.resume_button.isEnabled()


def test_a_failed_export_tells_the_os_reason_once(window, qtbot, tmp_path, monkeypatch):
    import errno
    import os

    from PySide6.QtWidgets import QFileDialog

    from studio.gui.tabs import training_tab

    target = tmp_path / "metrics.csv"

    def full(_history, path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(training_tab, "write_metrics_csv", full)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.errorShown, timeout=5000) as shown:
        window.training_tab.export_csv_button.click()
    assert shown.args[0] == f"Cannot write {target}: {os.strerror(errno.ENOSPC)}"
