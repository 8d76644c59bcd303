"""Autosave in the window: every few minutes, after every epoch and every finished run,
and the offer to recover what a crashed studio left (see :mod:`studio.core.recovery`).

The snapshot is taken on the GUI thread (cheap: no file access); a worker writes it, one
write at a time: a newer snapshot supersedes one still waiting (a keyed job).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from studio.core.data.reader import Table
from studio.core.errors import ProjectError
from studio.core.project import Project
from studio.core.recovery import Recoverable, RecoverySession, discard, find_recoverable, take_snapshot
from studio.core.safe_files import os_reason
from studio.gui.project_model import ProjectModel, read_data_tables
from studio.gui.training_session import TrainingSession
from studio.gui.widgets.choice_dialog import ask_choice
from studio.gui.wording import word
from studio.gui.workers import WorkerPool

AUTOSAVE_MINUTES = 3.0
JOB_KEY = "autosave"


@dataclass(frozen=True)
class Recovered:
    """What recovering an autosave gives back to the GUI thread."""

    project: Project
    tables: dict[str, Table]
    entry: Recoverable


def _recover(session: RecoverySession, entry: Recoverable, current: Project) -> Recovered:
    project = session.recover(entry)
    try:
        project.take_lock(current)  # the window may have that very folder open
    except ProjectError:  # another studio has the folder open now: keep the work, save it elsewhere
        project.read_only = project.path is not None
    return Recovered(project, read_data_tables(project.settings.dataset), entry)


class Autosaver(QObject):
    """Keeps this studio's autosave current while the window is open."""

    autosaved = Signal()
    recovered = Signal(object)  # the recovered Project
    failed = Signal(str)  # an autosave failed: worth a line in the status bar
    recoveryFailed = Signal(str)  # worth a dialog

    def __init__(self, model: ProjectModel, pool: WorkerPool, training: TrainingSession,
                 can_replace: Callable[[], bool], minutes: float = AUTOSAVE_MINUTES, parent: QObject | None = None):
        """``can_replace`` asks whether the open project may be replaced (it may ask
        the user to save); recovering replaces it."""
        super().__init__(parent)
        self.model, self.pool, self.training = model, pool, training
        self.can_replace = can_replace
        self.error = ""
        try:
            self.session: RecoverySession | None = RecoverySession()
        except OSError as exc:  # the studio still works, only without a safety net
            self.session = None
            self.error = self.tr("Autosave is off: the studio's cache cannot be written ({error}).").format(
                error=os_reason(exc))
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        training.epochFinished.connect(self.autosave)
        training.started.connect(self.autosave)  # the run folder is known from the start
        model.runsChanged.connect(self.autosave)
        model.dirtyChanged.connect(self._dirty_changed)
        self.dialog: QMessageBox | None = None

    def _dirty_changed(self, dirty: bool) -> None:
        if not dirty:  # saved (or replaced): the autosave must stop offering old changes
            self.autosave()

    def _tick(self) -> None:
        if self.model.dirty or self.training.running:
            self.autosave()

    def autosave(self) -> None:
        """Write the open project's state now. One write at a time: a request while one
        is under way writes the newest state right after it (the one in between is
        dropped)."""
        if self.session is None:
            return
        training = [self.training.run_dir] if self.training.run_dir is not None else []
        snapshot = take_snapshot(self.model.project, self.model.dirty, training)
        self.pool.submit(self.session.autosave, snapshot, key=JOB_KEY, on_done=lambda _: self.autosaved.emit(),
                         on_failed=self._failed)

    @property
    def busy(self) -> bool:
        """Whether a write is under way or waiting."""
        return self.pool.busy(JOB_KEY)

    def _failed(self, message: str) -> None:
        self.failed.emit(self.tr("Autosave failed: {error}").format(error=message))

    # ----- recovery -----------------------------------------------------------------
    def offer_recovery(self, parent: QWidget) -> Recoverable | None:
        """Ask, without blocking, whether to recover the newest autosave a crashed studio
        left. Returns the entry offered, or ``None`` when there is nothing to recover."""
        if self.session is None:
            return None
        found = find_recoverable(exclude=self.session.folder)
        if not found:
            return None
        entry = found[0]
        older = len(found) - 1
        more = "\n\n" + self.tr("%n older autosave(s) will be offered next time.", "", older) if older else ""
        def answered(action: Callable[[], None]) -> Callable[[], None]:
            def run() -> None:
                self.dialog = None
                action()
            return run

        def recover() -> None:
            if self.can_replace():
                self.recover(entry)

        self.dialog = ask_choice(
            parent, QMessageBox.Question, self.tr("Recover unsaved work?"),
            self.tr("Text Model Studio did not close properly last time. It had autosaved:\n\n"
                    "{description}\n\nRecover it now?").format(description=word(entry.description)) + more,
            [(self.tr("Recover"), QMessageBox.AcceptRole, answered(recover)),
             (self.tr("Discard"), QMessageBox.DestructiveRole, answered(lambda: discard(entry))),
             (self.tr("Later"), QMessageBox.RejectRole, answered(lambda: None))])
        return entry

    def recover(self, entry: Recoverable) -> None:
        self.pool.submit(_recover, self.session, entry, self.model.project, on_done=self._recovered,
                         on_failed=self._recovery_failed)

    def _recovery_failed(self, message: str) -> None:
        self.recoveryFailed.emit(self.tr("Could not recover the autosave: {error}\nIt is kept and offered "
                                         "again at the next start.").format(error=message))

    def _recovered(self, result: Recovered) -> None:
        self.model.replace(result.project, result.tables)
        self.model.set_dirty(result.entry.dirty)
        self.autosave()  # at once: the recovered state now lives only in this session
        self.recovered.emit(result.project)

    def close(self) -> None:
        """The window closes cleanly (after its workers stopped): the autosave goes."""
        self.timer.stop()
        if self.session is not None:
            self.session.close()
            self.session = None
