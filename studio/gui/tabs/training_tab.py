"""Training tab: Start / Pause / Stop, progress, live loss and accuracy curves, test report."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from studio.core.fileio import cache_root
from studio.core.errors import StudioError
from studio.core.training.checkpoint import checkpoint_events, has_checkpoint
from studio.core.training.compare import write_metrics_csv
from studio.core.training.config import TrainingConfig
from studio.core.training.events import EpochEnd
from studio.core.training.history import MetricHistory
from studio.core.training.run import Run, new_run_id
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.evaluation_view import EvaluationView
from studio.gui.widgets.live_plots import LivePlots
from studio.gui.widgets.runs_view import RunsView
from studio.gui.workers import TrainingWorker, WorkerPool

REDRAW_MS = 250  # progress text and bar
PLOT_EVERY_S = 0.5  # curves: pyqtgraph paints in Python under the GIL, which the training thread needs


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class TrainingTab(QWidget):
    trainingStarted = Signal()
    trainingFinished = Signal(object)  # the Run, or None when it failed
    epochFinished = Signal()
    errorOccurred = Signal(str)

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self.worker: TrainingWorker | None = None
        self.history = MetricHistory()
        self._drawn_version = -1
        self._plotted_at = 0.0
        self.blockers: list[str] = []  # why Start is disabled, set by the main window

        self.form = ConfigForm()
        self.form.changed.connect(lambda values: self.model.update("training", values))
        self.form.validityChanged.connect(lambda _: self.update_buttons())
        self.start_button, self.pause_button, self.stop_button = (
            QPushButton("Start"), QPushButton("Pause"), QPushButton("Stop"))
        self.start_button.clicked.connect(self.start)
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.stop_button.clicked.connect(self.stop)
        self.blocker_label = QLabel()
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setStyleSheet("color: #c5221f;")
        buttons = QHBoxLayout()
        self.resume_button = QPushButton("Resume")
        self.resume_button.setToolTip("Continue the stopped or interrupted run from its last checkpoint.")
        self.resume_button.clicked.connect(self.resume)
        for button in (self.start_button, self.pause_button, self.stop_button, self.resume_button):
            buttons.addWidget(button)

        self.progress = QProgressBar()
        self.progress_label = QLabel("Not started.")
        self.progress_label.setWordWrap(True)
        self.progress_label.setMinimumHeight(3 * self.progress_label.fontMetrics().height())

        self.report = QLabel()
        self.report.setWordWrap(True)
        self.per_class = QTableWidget(0, 5)
        self.per_class.setHorizontalHeaderLabels(["class", "precision", "recall", "F1", "support"])
        self.per_class.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.per_class.verticalHeader().hide()

        left = QWidget()
        column = QVBoxLayout(left)
        settings = QGroupBox("Training settings")
        QVBoxLayout(settings).addWidget(self.form)
        column.addWidget(settings)
        column.addLayout(buttons)
        column.addWidget(self.blocker_label)
        column.addWidget(self.progress)
        column.addWidget(self.progress_label)
        column.addWidget(QLabel("<b>Test set</b>"))
        column.addWidget(self.report)
        column.addWidget(self.per_class, 1)

        self.plots = LivePlots()
        self.export_plots_button = QPushButton("Export plots…")
        self.export_plots_button.setToolTip("Save each plot as PNG or SVG.")
        self.export_csv_button = QPushButton("Export metrics (CSV)…")
        self.export_plots_button.clicked.connect(self._export_plots)
        self.export_csv_button.clicked.connect(self._export_csv)
        live = QWidget()
        live_layout = QVBoxLayout(live)
        exports = QHBoxLayout()
        exports.addWidget(QLabel("Drag to pan, wheel to zoom; the dashed line marks the best epoch."))
        exports.addStretch(1)
        exports.addWidget(self.export_plots_button)
        exports.addWidget(self.export_csv_button)
        live_layout.addLayout(exports)
        live_layout.addWidget(self.plots, 1)
        self.runs_view = RunsView()
        self.views = QTabWidget()
        self.views.addTab(live, "Live")
        self.views.addTab(self.runs_view, "Runs")
        self.evaluation = EvaluationView(pool)
        self.views.addTab(self.evaluation, "Evaluation")
        self._evaluated_id: str | None = None
        self.views.currentChanged.connect(lambda _: self._evaluate_if_shown())
        self.runs_view.selectionChanged.connect(lambda _: self._evaluate_if_shown())

        layout = QHBoxLayout(self)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(self.views)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 800])
        layout.addWidget(split)

        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        model.projectReplaced.connect(self.refresh)
        model.runsChanged.connect(self._runs_changed)
        model.settingsChanged.connect(lambda group: group == "training" and self._show_form())
        self.refresh()

    # ----- state ------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.worker is not None

    def refresh(self) -> None:
        """Show the project's settings and replay its latest run."""
        self._show_form()
        runs = self.model.project.runs
        self.history = MetricHistory.replay(runs[-1].events) if runs else MetricHistory()
        self.runs_view.set_runs(runs)
        self._evaluated_id = None
        self._drawn_version = -1
        self.redraw()
        self.update_buttons()

    def _show_form(self) -> None:
        if self.form.value() != self.model.settings.training:
            self.form.set_model(TrainingConfig, self.model.settings.training)

    def set_blockers(self, blockers: list[str]) -> None:
        self.blockers = blockers
        self.update_buttons()

    def update_buttons(self) -> None:
        problems = list(self.blockers) + ([] if self.form.valid else ["Fix the training settings."])
        self.start_button.setEnabled(not self.running and not problems)
        self.resume_button.setEnabled(not self.running and self.resumable_dir() is not None)
        self.pause_button.setEnabled(self.running)
        self.stop_button.setEnabled(self.running)
        self.blocker_label.setText("\n".join(problems) if not self.running else "")
        self.blocker_label.setVisible(bool(problems) and not self.running)

    # ----- actions ----------------------------------------------------------------
    def resumable_dir(self) -> Path | None:
        """The folder of the newest run that can continue: a stopped run with a
        checkpoint, or one interrupted when the studio was killed."""
        project = self.model.project
        runs = [r for r in project.runs if r.finished.get("status") == "stopped" and has_checkpoint(r.saved_to)]
        candidates = [Path(r.saved_to) for r in runs] + [p for p in project.interrupted if has_checkpoint(p)]
        return max(candidates, key=lambda p: p.name) if candidates else None

    def run_folder(self) -> Path:
        """Where a new run writes its files (and checkpoints) as it trains: the project's
        runs folder once it is saved, else the studio's cache."""
        project = self.model.project
        taken = [run.id for run in project.runs] + [p.name for p in project.interrupted]
        run_id = new_run_id(self.model.settings.model["type"], taken)
        root = project.path / "runs" if project.path is not None else cache_root() / "runs"
        return root / run_id

    def start(self) -> None:
        if self.running or not self.start_button.isEnabled():
            return
        self._launch(TrainingWorker(self.model.settings, dict(self.model.tables),
                                    [run.id for run in self.model.project.runs], self.run_folder()),
                     MetricHistory())

    def resume(self) -> None:
        """Continue the newest resumable run; its curves go on from where they stopped."""
        run_dir = self.resumable_dir()
        if self.running or run_dir is None:
            return
        try:
            history = MetricHistory.replay(checkpoint_events(run_dir))
        except StudioError as exc:
            self.errorOccurred.emit(str(exc))
            return
        history.resuming = True
        self._launch(TrainingWorker(None, dict(self.model.tables), [], run_dir, resume=True), history)

    def _launch(self, worker: TrainingWorker, history: MetricHistory) -> None:
        self.history = history
        self._drawn_version = -1
        self.progress_label.setText("Starting…")
        self.report.setText("")
        self.per_class.setRowCount(0)
        worker.event.connect(self._on_event)
        worker.status.connect(self.progress_label.setText)
        self.worker = worker
        self.pause_button.setChecked(False)
        self.pool.start(worker, self._on_done, self._on_failed)
        self.timer.start()
        self.update_buttons()
        self.trainingStarted.emit()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.progress_label.setText("Stopping after this batch…")

    def _pause_toggled(self, paused: bool) -> None:
        if self.worker is not None:
            self.worker.set_paused(paused)
            self.pause_button.setText("Continue" if paused else "Pause")

    def _on_event(self, event) -> None:
        self.history.add(event)  # drawn by the timer, never per batch
        if isinstance(event, EpochEnd):
            self.epochFinished.emit()

    @property
    def training_dir(self) -> Path | None:
        """The folder of the run training now (its checkpoints are there), else ``None``."""
        return self.worker.run_dir if self.worker is not None else None

    def _on_done(self, run: Run) -> None:
        self._finish()
        self.model.add_run(run)
        self.update_buttons()  # the new run may be one to resume
        self.trainingFinished.emit(run)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.progress_label.setText("Training failed.")
        self.errorOccurred.emit(message)
        self.trainingFinished.emit(None)

    def _finish(self) -> None:
        self.worker = None
        self.timer.stop()
        self.pause_button.setChecked(False)
        self.redraw()
        self.update_buttons()

    # ----- drawing ----------------------------------------------------------------
    def redraw(self) -> None:
        history = self.history
        if history.version == self._drawn_version:
            return
        self._drawn_version = history.version
        now = time.monotonic()
        if now - self._plotted_at >= PLOT_EVERY_S or history.finished is not None or not self.running:
            self._plotted_at = now
            self.plots.draw(history)
        self._show_progress()
        if history.finished is not None:
            self._show_report(history.finished)

    def _show_progress(self) -> None:
        history, started, batch = self.history, self.history.started, self.history.last_batch
        if started is None:
            self.progress.setValue(0)
            return
        self.progress.setRange(0, history.total_steps)
        step = batch.step if batch else 0
        self.progress.setValue(step)
        if history.finished is not None:
            f = history.finished
            self.progress_label.setText(f"Run {f.status.replace('_', ' ')}: best epoch {f.best_epoch}, "
                                        f"{step:,} steps on {started.device}.")
            return
        if batch is None:
            self.progress_label.setText(f"Training on {started.device}…")
            return
        eta = history.eta_seconds()
        self.progress_label.setText(
            f"Epoch {batch.epoch}/{started.epochs} · step {step:,}/{history.total_steps:,} · "
            f"{batch.samples_per_s:,.0f} samples/s · ETA {_clock(eta) if eta is not None else '—'}"
            f" · {started.device}")

    def _runs_changed(self) -> None:
        self._evaluated_id = None  # a resumed run keeps its id but not its results
        self.runs_view.set_runs(self.model.project.runs)

    def evaluated_run(self) -> Run | None:
        """The run the Evaluation view is for: the one selected in Runs, else the latest."""
        selected = self.runs_view.selected_runs()
        runs = self.model.project.runs
        return selected[-1] if selected else (runs[-1] if runs else None)

    def _evaluate_if_shown(self) -> None:
        """Evaluate only when the view is visible: it predicts the whole test split."""
        run = self.evaluated_run()
        if self.views.currentWidget() is not self.evaluation or run is None or run.id == self._evaluated_id:
            return
        self._evaluated_id = run.id
        self.evaluation.show_run(run, dict(self.model.tables))

    def _export_plots(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export plots", "training.png",
                                              "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            try:
                written = self.plots.export_images(path)
            except OSError as exc:
                self.errorOccurred.emit(f"Cannot export the plots: {exc}")
            else:
                self.progress_label.setText(f"Saved {len(written)} plots beside {Path(path).name}.")

    def _export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export metrics", "metrics.csv", "CSV (*.csv)")
        if path:
            try:
                write_metrics_csv(self.history, path)
            except OSError as exc:
                self.errorOccurred.emit(f"Cannot write {path}: {exc}")
            else:
                self.progress_label.setText(f"Saved the metrics to {Path(path).name}.")

    def _show_report(self, finished) -> None:
        test = finished.test
        if not test:
            self.report.setText("No test split.")
            return
        self.report.setText(f"Accuracy {test['accuracy']:.2%}   ·   macro-F1 {test['macro_f1']:.4f}")
        rows = test["per_class"]
        self.per_class.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row["label"], f"{row['precision']:.3f}", f"{row['recall']:.3f}",
                      f"{row['f1']:.3f}", str(row["support"])]
            for c, value in enumerate(values):
                self.per_class.setItem(r, c, QTableWidgetItem(value))
