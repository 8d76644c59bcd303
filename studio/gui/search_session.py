"""The open project's hyperparameter search: its job, its trials as they run, and their runs.

One :class:`SearchSession` lives next to the :class:`~studio.gui.training_session.TrainingSession`.
It runs :func:`studio.core.search.study.run_search` as one job (keyed ``"search"``) on the
window's :class:`~studio.gui.workers.WorkerPool`: each trial's run is read on the worker
thread and added to the project when the trial ends, and the settings' importances are
computed there too (Optuna's PED-ANOVA takes a second or more). The Search view observes
its signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from studio.core.errors import StudioError
from studio.core.project_runs import RUNS_FOLDER, Run, read_run
from studio.core.report import Reporter
from studio.gui.project_model import ProjectModel
from studio.gui.training_session import TrainingSession
from studio.gui.workers import Job, WorkerPool

JOB_KEY = "search"
LOAD_KEY = "search-load"


@dataclass(frozen=True)
class TrialRun:
    """A trial ended (its record) with its run read from the project, when it trained one."""

    kind: ClassVar[str] = "trial_run"
    record: Any  # TrialRecord
    run: Run | None


@dataclass(frozen=True)
class StudyState:
    """What a study holds now: every trial's record and the importances."""

    kind: ClassVar[str] = "study_state"
    records: list
    importances: dict[str, float]


def search_job(settings, search, project_dir: Path, tables: dict, report: Reporter):
    """The search on the worker thread: :func:`run_search`, relaying its events and, as each
    trial ends, its run (read here, not on the GUI thread) and the study's importances."""
    from studio.core.search.study import TrialEnded, run_search

    def relay(event: Any) -> None:
        if isinstance(event, TrialEnded):
            report.event(TrialRun(event.record, _read(project_dir, event.record.run_id)))
            report.event(load_study(project_dir, search.name))
        else:
            report.event(event)

    return run_search(settings, search, project_dir, tables, report=report.child(relay))


def load_study(project_dir: Path, name: str) -> StudyState:
    """The records and importances of ``<project>/search/<name>.db`` (empty when absent).

    Raises:
        ConfigError: the file is not a study.
    """
    from studio.core.search.study import importances, open_study, study_file, trial_records

    path = study_file(project_dir, name)
    if not path.is_file():
        return StudyState([], {})
    study = open_study(path)
    return StudyState(trial_records(study), importances(study))


def _read(project_dir: Path, run_id: str | None) -> Run | None:
    if not run_id:
        return None
    try:
        return read_run(project_dir / RUNS_FOLDER / run_id, project_dir)
    except StudioError:  # killed before its weights: the project lists it as interrupted
        return None


class SearchSession(QObject):
    """The one search of the window, from Start to its last trial."""

    started = Signal()
    trialStarted = Signal(object)  # TrialStarted
    trialEvent = Signal(object)  # TrialEvent: an event of the running trial's run
    trialEnded = Signal(object)  # TrialRecord
    studyLoaded = Signal(object)  # StudyState: every record and the importances
    reported = Signal(object)  # a Stage or Notice
    stopping = Signal()
    finished = Signal(object)  # the SearchResult, or None (failed or stopped before a trial)
    failed = Signal(str)  # why, in the user's language
    blockersChanged = Signal()

    def __init__(self, model: ProjectModel, training: TrainingSession, pool: WorkerPool,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.training, self.pool = model, training, pool
        self.job: Job | None = None
        self.error = ""
        training.blockersChanged.connect(self.blockersChanged)
        training.started.connect(self.blockersChanged)
        training.finished.connect(lambda _: self.blockersChanged.emit())

    @property
    def running(self) -> bool:
        return self.job is not None

    def blockers(self) -> list[str]:
        """Why a search cannot start, in the user's language (empty when it can)."""
        blockers = list(self.training.blockers())
        project = self.model.project
        if project.path is None or project.read_only:
            blockers.append(self.tr("Save the project first: a search keeps its trials in the project folder."))
        if self.training.running:
            blockers.append(self.tr("Wait for the training run to end."))
        return blockers

    def start(self, search, epochs: int) -> bool:
        """Run (or continue) ``search`` with ``epochs`` per trial over the project's settings."""
        if self.running or self.blockers():
            return False
        settings = self.model.settings
        settings = settings.model_copy(update={"training": settings.training.model_copy(update={"epochs": epochs})})
        self.error = ""
        self.job = self.pool.submit(search_job, settings, search, Path(self.model.project.path),
                                    dict(self.model.tables), key=JOB_KEY, reports=True, on_done=self._done,
                                    on_failed=self._failed, on_event=self._event, on_cancelled=self._cancelled)
        self.started.emit()
        self.blockersChanged.emit()
        return True

    def load(self, name: str) -> None:
        """Show the study ``name`` of the project as saved (read on a worker thread)."""
        project = self.model.project
        if project.path is None or self.running:
            return
        self.pool.submit(load_study, Path(project.path), name, key=LOAD_KEY, on_done=self.studyLoaded.emit,
                         on_failed=self.failed.emit)

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()
            self.stopping.emit()

    def pause(self, paused: bool) -> None:
        if self.job is not None:
            self.job.pause(paused)

    # ----- what the job reports -----------------------------------------------------
    def _event(self, event: object) -> None:
        from studio.core.report import Notice, Stage
        from studio.core.search.study import TrialEvent, TrialStarted

        if isinstance(event, TrialEvent):
            self.trialEvent.emit(event)
        elif isinstance(event, TrialStarted):
            self.trialStarted.emit(event)
        elif isinstance(event, TrialRun):
            if event.run is not None:
                self.model.add_run(event.run)
            self.trialEnded.emit(event.record)
        elif isinstance(event, StudyState):
            self.studyLoaded.emit(event)
        elif isinstance(event, (Stage, Notice)):
            self.reported.emit(event)

    def _done(self, result) -> None:
        self._ended()
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._ended()
        self.error = message
        self.failed.emit(message)
        self.finished.emit(None)

    def _cancelled(self) -> None:
        self._ended()
        self.finished.emit(None)

    def _ended(self) -> None:
        self.job = None
        self.blockersChanged.emit()
