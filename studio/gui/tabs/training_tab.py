"""Training tab: Start / Pause / Stop, progress, live loss and accuracy curves, test report."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.project_runs import Run
from studio.core.safe_files import os_reason
from studio.core.training.compare import write_metrics_csv
from studio.core.training.config import TrainingConfig
from studio.core.training.events import RunStarted
from studio.core.training.history import MetricHistory
from studio.gui import file_dialogs
from studio.gui.i18n import Retranslating, translate
from studio.gui.project_model import ProjectModel
from studio.gui.search_session import SearchSession
from studio.gui.training_session import TrainingSession
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.evaluation_view import EvaluationView
from studio.gui.widgets.live_plots import LivePlots
from studio.gui.widgets.runs_view import RunsView
from studio.gui.widgets.search_view import SearchView
from studio.gui.wording import device_text, event_text
from studio.gui.workers import WorkerPool

REDRAW_MS = 250  # progress text and bar
PLOT_EVERY_S = 0.5  # curves: pyqtgraph paints in Python under the GIL, which the training thread needs

# what a finished run's progress line says, by its status
FINISHED_TEXTS = {
    "completed": QT_TRANSLATE_NOOP("TrainingTab", "Run completed: best epoch {epoch}, {steps} steps on {device}."),
    "early_stopped": QT_TRANSLATE_NOOP("TrainingTab",
                                       "Run stopped early: best epoch {epoch}, {steps} steps on {device}."),
    "stopped": QT_TRANSLATE_NOOP("TrainingTab", "Run stopped: best epoch {epoch}, {steps} steps on {device}."),
    "failed": QT_TRANSLATE_NOOP("TrainingTab", "Run failed: best epoch {epoch}, {steps} steps on {device}."),
}

PAIR_ONLY_FIELDS = {"swap_pairs"}  # training settings that mean something for sentence pairs only


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


MIXED_PRECISION = QT_TRANSLATE_NOOP("TrainingTab", "{device}, {precision} mixed precision")


def _device(started: RunStarted) -> str:
    """The run's device in the user's language (English for streams older than the
    device fields), and bf16 or fp16 when the run computes in it."""
    device = device_text(started.device_kind, started.device_name, started.threads) if started.device_kind \
        else started.device
    if started.precision in ("bf16", "fp16"):
        return translate("TrainingTab", MIXED_PRECISION).format(device=device, precision=started.precision)
    return device


class TrainingTab(Retranslating, QWidget):
    """Shows the project's training settings and the :class:`TrainingSession`: its
    controls, progress and curves; the runs of the project and their evaluation."""

    trainingFinished = Signal(object)  # the Run, or None; emitted once the tab has shown how it ended
    errorOccurred = Signal(str)
    exampleChosen = Signal(str, str, object)  # run id, text, second text: an example to look at on its own

    def __init__(self, model: ProjectModel, session: TrainingSession, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.session = model, session
        self.search_session = SearchSession(model, session, pool, self)  # Start waits while it searches
        self.history = MetricHistory()  # shown: the session's run, else the project's latest
        self._drawn_version = -1
        self._plotted_at = 0.0

        self.form = ConfigForm()
        self.form.changed.connect(lambda values: self.model.update("training", values))
        self.form.validityChanged.connect(lambda _: self.update_buttons())
        self.start_button, self.pause_button, self.stop_button = QPushButton(), QPushButton(), QPushButton()
        self.start_button.clicked.connect(self.start)
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.stop_button.clicked.connect(self.stop)
        self.blocker_label = QLabel()
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setStyleSheet("color: #c5221f;")
        buttons = QHBoxLayout()
        self.resume_button = QPushButton()
        self.resume_button.clicked.connect(self.resume)
        for button in (self.start_button, self.pause_button, self.stop_button, self.resume_button):
            buttons.addWidget(button)

        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setMinimumHeight(3 * self.progress_label.fontMetrics().height())

        self.report = QLabel()
        self.report.setWordWrap(True)
        self.per_class = QTableWidget(0, 5)
        self.per_class.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.per_class.verticalHeader().hide()

        left = QWidget()
        column = QVBoxLayout(left)
        self.settings_box = QGroupBox()
        QVBoxLayout(self.settings_box).addWidget(self.form)
        column.addWidget(self.settings_box)
        column.addLayout(buttons)
        column.addWidget(self.blocker_label)
        column.addWidget(self.progress)
        column.addWidget(self.progress_label)
        self.test_label = QLabel()
        bold = QFont(self.test_label.font())
        bold.setBold(True)
        self.test_label.setFont(bold)
        column.addWidget(self.test_label)
        column.addWidget(self.report)
        column.addWidget(self.per_class, 1)

        self.plots = LivePlots()
        self.export_plots_button = QPushButton()
        self.export_csv_button = QPushButton()
        self.export_plots_button.clicked.connect(self._export_plots)
        self.export_csv_button.clicked.connect(self._export_csv)
        live = QWidget()
        live_layout = QVBoxLayout(live)
        exports = QHBoxLayout()
        self.plots_hint = QLabel()
        exports.addWidget(self.plots_hint)
        exports.addStretch(1)
        exports.addWidget(self.export_plots_button)
        exports.addWidget(self.export_csv_button)
        live_layout.addLayout(exports)
        live_layout.addWidget(self.plots, 1)
        self.runs_view = RunsView()
        self.views = QTabWidget()
        self.views.addTab(live, "")
        self.views.addTab(self.runs_view, "")
        self.evaluation = EvaluationView(pool)
        self.evaluation.exampleChosen.connect(self.exampleChosen)
        self.views.addTab(self.evaluation, "")
        self.search_view = SearchView(self.search_session)
        self.search_view.useSettings.connect(self.use_settings)
        self.search_session.blockersChanged.connect(self.update_buttons)
        self.views.addTab(self.search_view, "")
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
        model.settingsChanged.connect(lambda group: group in ("training", "dataset") and self._show_form())
        session.started.connect(self._started)
        session.reported.connect(lambda event: self._say(lambda: event_text(event)))
        session.finished.connect(self._finished)
        session.stopping.connect(lambda: self._say(lambda: self.tr("Stopping after this batch…")))
        session.blockersChanged.connect(self.update_buttons)
        self.refresh()
        self.retranslate()
        if self.history.started is None:
            self._say(lambda: self.tr("Not started."))

    def retranslate(self) -> None:
        self.settings_box.setTitle(self.tr("Training settings"))
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Train a new run with these settings on the loaded data."))
        self._label_pause_button()
        self.pause_button.setToolTip(self.tr("Pause training after the current batch; click again to continue."))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop training after the current batch and keep the run; "
                                            "Resume can continue it later."))
        self.resume_button.setText(self.tr("Resume"))
        self.resume_button.setToolTip(self.tr("Continue the stopped or interrupted run from its last checkpoint."))
        self.test_label.setText(self.tr("Test set"))
        self.per_class.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Precision"), self.tr("Recall"), self.tr("F1"), self.tr("Support")])
        self.export_plots_button.setText(self.tr("Export plots…"))
        self.export_plots_button.setToolTip(self.tr("Save each plot as PNG or SVG."))
        self.export_csv_button.setText(self.tr("Export metrics (CSV)…"))
        self.export_csv_button.setToolTip(self.tr("Save the loss, accuracy and learning rate of every step "
                                                  "and epoch as a CSV file."))
        self.plots_hint.setText(self.tr("Drag to pan, wheel to zoom; the dashed line marks the best epoch."))
        for widget, text in ((self.views.widget(0), self.tr("Live")), (self.runs_view, self.tr("Runs")),
                             (self.evaluation, self.tr("Evaluation")), (self.search_view, self.tr("Search"))):
            self.views.setTabText(self.views.indexOf(widget), text)
        self.update_buttons()
        if self.history.finished is not None:
            self._show_report(self.history.finished)

    def _label_pause_button(self) -> None:
        self.pause_button.setText(self.tr("Continue") if self.pause_button.isChecked() else self.tr("Pause"))

    def _say(self, text: Callable[[], str]) -> None:
        """Show the progress line ``text()`` renders (again after a switch of language)."""
        self.show_text(self.progress_label, text)

    # ----- state ------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.session.running

    def refresh(self) -> None:
        """Show the project's settings and replay its latest run."""
        self._show_form()
        runs = self.model.project.runs
        self.history = MetricHistory.replay(runs[-1].events) if runs else MetricHistory()
        self.runs_view.set_runs(runs, self.model.project.unreadable_runs)
        self._evaluated_id = None
        self._drawn_version = -1
        self.redraw()
        self.update_buttons()

    def _show_form(self) -> None:
        if self.form.value() != self.model.settings.training:
            self.form.set_model(TrainingConfig, self.model.settings.training)
        self.form.hide_fields(set() if self.model.settings.task == "pair" else PAIR_ONLY_FIELDS)

    def update_buttons(self) -> None:
        problems = self.session.blockers() + ([] if self.form.valid else [self.tr("Fix the training settings.")])
        if self.search_session.running:
            problems.append(self.tr("A search is running (Search view)."))
        self.start_button.setEnabled(not self.running and not problems)
        self.resume_button.setEnabled(not self.running and self.session.resumable_dir() is not None)
        self.pause_button.setEnabled(self.running)
        self.stop_button.setEnabled(self.running)
        self.blocker_label.setText("\n".join(problems) if not self.running else "")
        self.blocker_label.setVisible(bool(problems) and not self.running)

    # ----- actions ----------------------------------------------------------------
    def start(self) -> bool:
        """Start a new run when Start is enabled; returns whether it started."""
        return self.start_button.isEnabled() and self.session.start()

    def resume(self) -> None:
        """Continue the newest resumable run; its curves go on from where they stopped."""
        self.session.resume()

    def use_settings(self, params: dict) -> None:
        """Put a search trial's settings (``{"model.dropout": 0.3, ...}``) into the Model,
        Training and text settings of the project."""
        from studio.core.search.space import apply

        settings = apply(self.model.settings, params)
        for group in sorted({key.partition(".")[0] for key in params}):
            self.model.update(group, getattr(settings, group))

    def stop(self) -> None:
        """Stop after the current batch (the session says so below)."""
        self.session.stop()

    def _pause_toggled(self, paused: bool) -> None:
        self.session.pause(paused)
        self._label_pause_button()

    def _started(self) -> None:
        self.history = self.session.history
        self._drawn_version = -1
        self._say(lambda: self.tr("Starting…"))
        self.report.setText("")
        self.per_class.setRowCount(0)
        self.pause_button.setChecked(False)
        self.timer.start()
        self.update_buttons()

    def _finished(self, run: Run | None) -> None:
        self.timer.stop()
        self.pause_button.setChecked(False)
        self.redraw()
        self.update_buttons()  # the new run may be one to resume
        if run is None:
            failed = bool(self.session.error)
            self._say(lambda: self.tr("Training failed.") if failed else self.tr("Stopped before training began."))
        self.trainingFinished.emit(run)

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
        self.progress.setValue(batch.step if batch else 0)
        self._say(self._progress_now)

    def _progress_now(self) -> str:
        """The progress line for the history shown: where training is, or how it ended."""
        history, started, batch = self.history, self.history.started, self.history.last_batch
        if started is None:
            return ""
        step = batch.step if batch else 0
        if history.finished is not None:
            f = history.finished
            text = (translate("TrainingTab", FINISHED_TEXTS[f.status]) if f.status in FINISHED_TEXTS
                    else self.tr("Run ended ({status}): best epoch {epoch}, {steps} steps on {device}."))
            return text.format(status=f.status, epoch=f.best_epoch, steps=f"{step:,}", device=_device(started))
        if batch is None:
            return self.tr("Training on {device}…").format(device=_device(started))
        eta = history.eta_seconds()
        return self.tr("Epoch {epoch}/{epochs} · step {step}/{steps} · {speed} samples/s · "
                       "ETA {eta} · {device}").format(
            epoch=batch.epoch, epochs=started.epochs, step=f"{step:,}", steps=f"{history.total_steps:,}",
            speed=f"{batch.samples_per_s:,.0f}", eta=_clock(eta) if eta is not None else "—", device=_device(started))

    def _runs_changed(self) -> None:
        self._evaluated_id = None  # a resumed run keeps its id but not its results
        self.runs_view.set_runs(self.model.project.runs, self.model.project.unreadable_runs)

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
        path = file_dialogs.save_file(self, self.tr("Export plots"), "export", "training.png",
                                      self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            try:
                written = self.plots.export_images(path)
            except OSError as exc:
                self.errorOccurred.emit(self.tr("Cannot export the plots to {path}: {error}").format(
                    path=path, error=os_reason(exc)))
            else:
                count, name = len(written), Path(path).name
                self._say(lambda: self.tr("Saved {count} plots beside {name}.").format(count=count, name=name))

    def _export_csv(self) -> None:
        path = file_dialogs.save_file(self, self.tr("Export metrics"), "export", "metrics.csv",
                                      self.tr("CSV files (*.csv)"))
        if path:
            try:
                write_metrics_csv(self.history, path)
            except OSError as exc:
                self.errorOccurred.emit(self.tr("Cannot write {path}: {error}").format(path=path,
                                                                                      error=os_reason(exc)))
            else:
                name = Path(path).name
                self._say(lambda: self.tr("Saved the metrics to {name}.").format(name=name))

    def _show_report(self, finished) -> None:
        test = finished.test
        if not test:
            self.report.setText(self.tr("No test split."))
            return
        self.report.setText(self.tr("Accuracy {accuracy}   ·   macro-F1 {macro_f1}").format(
            accuracy=f"{test['accuracy']:.2%}", macro_f1=f"{test['macro_f1']:.4f}"))
        rows = test["per_class"]
        self.per_class.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row["label"], f"{row['precision']:.3f}", f"{row['recall']:.3f}",
                      f"{row['f1']:.3f}", str(row["support"])]
            for c, value in enumerate(values):
                self.per_class.setItem(r, c, QTableWidgetItem(value))
