"""The open project's running training: its job, its history and its run folder.

One :class:`TrainingSession` lives next to the :class:`~studio.gui.project_model.ProjectModel`.
It starts, pauses, stops and resumes the run (one job, keyed ``"training"``, on the
window's :class:`~studio.gui.workers.WorkerPool`), keeps the run's
:class:`~studio.core.training.history.MetricHistory` as the events arrive, and adds the
finished run to the model. The Training tab, the status bar and the autosaver observe
its signals; none of them holds the job.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.core import project_runs
from studio.core.data.reader import Table
from studio.core.errors import StudioError
from studio.core.project_runs import Run
from studio.core.report import Notice, Reporter, Stage
from studio.core.run_files import checkpoint_events
from studio.core.training.checkpoint import has_checkpoint
from studio.core.training.events import EpochEnd
from studio.core.training.history import MetricHistory
from studio.core.training.run import execute_run, resume_run
from studio.gui.project_model import ProjectModel
from studio.gui.wording import error_text
from studio.gui.workers import Job, WorkerPool

JOB_KEY = "training"


def resume_from_checkpoint(run_dir: Path, tables: dict[str, Table], report: Reporter | None = None) -> Run:
    """Continue the run in ``run_dir``; its files outside the project were agreed to
    when the project was opened, or are refused now.

    Raises:
        StudioError: the run cannot be resumed (see :func:`studio.core.training.run.resume_run`).
    """
    config = project_runs.resume_config(run_dir)
    return resume_run(run_dir, tables, report=report, config=config)


class TrainingSession(QObject):
    """The one training of the window, from Start to the run added to the project."""

    started = Signal()  # a run began; run_dir and history are the new run's
    reported = Signal(object)  # a Stage or Notice of the core (word it with wording.event_text)
    epochFinished = Signal()
    stopping = Signal()  # asked to stop: it ends after the current batch
    blockersChanged = Signal()  # what blockers() says may have changed
    finished = Signal(object)  # the Run added to the project, or None (failed, or stopped before training)
    failed = Signal(str)  # why it failed, in the user's language (emitted before finished(None))

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self.job: Job | None = None
        self.run_dir: Path | None = None  # the folder of the run training now
        self.history = MetricHistory()  # the run training now, or the last one trained here
        self.error = ""  # why the last run failed ("" when it did not)
        self._model_valid = True
        model.projectReplaced.connect(self.blockersChanged)
        model.settingsChanged.connect(lambda _: self.blockersChanged.emit())

    @property
    def running(self) -> bool:
        return self.job is not None

    def set_model_valid(self, valid: bool) -> None:
        """Whether the model settings being edited are valid (the Model tab says)."""
        self._model_valid = valid
        self.blockersChanged.emit()

    def blockers(self) -> list[str]:
        """Why a new run cannot start, in the user's language: no data, no label column,
        model settings to fix (empty when it can)."""
        blockers = []
        if self.model.table is None:
            blockers.append(self.tr("Open a data file first (Dataset tab)."))
        elif self.model.settings.dataset.label_column is None:
            blockers.append(self.tr("Choose the label column (Dataset tab)."))
        if not self._model_valid:
            blockers.append(self.tr("Fix the model settings marked in red (Model tab)."))
        return blockers

    def resumable_dir(self) -> Path | None:
        """The folder of the newest run that can continue: a stopped run with a
        checkpoint, or one interrupted when the studio was killed. None for a project
        opened read-only: its runs are another studio's to write."""
        project = self.model.project
        if project.read_only:
            return None
        runs = [r for r in project.runs if r.finished.get("status") == "stopped" and has_checkpoint(r.saved_to)]
        candidates = [Path(r.saved_to) for r in runs] + [p for p in project.interrupted if has_checkpoint(p)]
        return max(candidates, key=lambda p: p.name) if candidates else None

    def new_run_dir(self) -> Path:
        """Where a new run writes its files as it trains: the project's runs folder once
        it is saved (and not read-only: then it is another studio's to write), else the
        studio's cache."""
        project = self.model.project
        taken = [run.id for run in project.runs] + [p.name for p in project.interrupted]
        owned = project.path if project.path is not None and not project.read_only else None
        return project_runs.place_new_run(owned, self.model.settings.model.type, taken)

    # ----- control ----------------------------------------------------------------
    def start(self) -> bool:
        """Train a new run with the project's settings on its loaded data. Returns
        whether it started (not when a run is training already)."""
        if self.running:
            return False
        run_dir = self.new_run_dir()
        self._launch(execute_run, MetricHistory(), run_dir, self.model.settings, dict(self.model.tables),
                     run_dir=run_dir)
        return True

    def resume(self) -> bool:
        """Continue the newest resumable run; its history goes on from where it stopped.
        Returns whether it started."""
        run_dir = self.resumable_dir()
        if self.running or run_dir is None:
            return False
        try:
            history = MetricHistory.replay(checkpoint_events(run_dir))
        except StudioError as exc:
            self.error = error_text(exc)
            self.failed.emit(self.error)
            return False
        history.resuming = True
        self._launch(resume_from_checkpoint, history, run_dir, run_dir, dict(self.model.tables))
        return True

    def stop(self) -> None:
        """Stop after the current batch; the run is kept (and may be resumed)."""
        if self.job is not None:
            self.job.stop()
            self.stopping.emit()

    def pause(self, paused: bool) -> None:
        if self.job is not None:
            self.job.pause(paused)

    def _launch(self, fn: Callable[..., Run], history: MetricHistory, folder: Path, *args: Any,
                **kwargs: Any) -> None:
        """Run ``fn(*args, **kwargs, report=...)``, which trains into ``folder``."""
        self.history, self.run_dir, self.error = history, folder, ""
        self.job = self.pool.submit(fn, *args, key=JOB_KEY, reports=True, on_done=self._done,
                                    on_failed=self._failed, on_event=self._event,
                                    on_cancelled=self._cancelled, **kwargs)
        self.started.emit()

    # ----- what the job reports -----------------------------------------------------
    def _event(self, event: object) -> None:
        if isinstance(event, (Stage, Notice)):
            self.reported.emit(event)
            return
        self.history.add(event)  # drawn by the tab's timer, never per batch
        if isinstance(event, EpochEnd):
            self.epochFinished.emit()

    def _done(self, run: Run) -> None:
        self._ended()
        self.model.add_run(run)
        self.finished.emit(run)

    def _failed(self, message: str) -> None:
        self._ended()
        self.error = message
        self.failed.emit(message)
        self.finished.emit(None)

    def _cancelled(self) -> None:
        """Stopped before training began (while reading or tokenizing): no run to keep."""
        self._ended()
        self.finished.emit(None)

    def _ended(self) -> None:
        self.job, self.run_dir = None, None
