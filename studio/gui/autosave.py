"""Autosave in the window: every few minutes, after every epoch and every finished run,
and the offer to recover what a crashed studio left (see :mod:`studio.core.recovery`).

The snapshot is taken on the GUI thread (cheap: no file access); a worker writes it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from studio.core.errors import ProjectError
from studio.core.project import Project
from studio.core.recovery import Recoverable, RecoverySession, discard, find_recoverable, take_snapshot
from studio.gui.project_model import ProjectModel, read_data_tables
from studio.gui.widgets.choice_dialog import ask_choice
from studio.gui.workers import WorkerPool

AUTOSAVE_MINUTES = 3.0


def _recover(session: RecoverySession, entry: Recoverable, current: Project):
    project = session.recover(entry)
    try:
        project.take_lock(current)  # the window may have that very folder open
    except ProjectError:  # another studio has the folder open now: keep the work, save it elsewhere
        project.read_only = project.path is not None
    return project, read_data_tables(project.settings.dataset), entry


class Autosaver(QObject):
    """Keeps this studio's autosave current while the window is open."""

    autosaved = Signal()
    recovered = Signal(object)  # the recovered Project
    failed = Signal(str)  # an autosave failed: worth a line in the status bar
    recoveryFailed = Signal(str)  # worth a dialog

    def __init__(self, model: ProjectModel, pool: WorkerPool, training_tab, can_replace: Callable[[], bool],
                 minutes: float = AUTOSAVE_MINUTES, parent: QObject | None = None):
        """``can_replace`` asks whether the open project may be replaced (it may ask
        the user to save); recovering replaces it."""
        super().__init__(parent)
        self.model, self.pool, self.training_tab = model, pool, training_tab
        self.can_replace = can_replace
        self.error = ""
        try:
            self.session: RecoverySession | None = RecoverySession()
        except OSError as exc:  # the studio still works, only without a safety net
            self.session = None
            self.error = self.tr("Autosave is off: the studio's cache cannot be written ({error}).").format(error=exc)
        self._busy = self._again = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        training_tab.epochFinished.connect(self.autosave)
        training_tab.trainingStarted.connect(self.autosave)  # the run folder is known from the start
        model.runsChanged.connect(self.autosave)
        model.dirtyChanged.connect(self._dirty_changed)
        self.dialog: QMessageBox | None = None

    def _dirty_changed(self, dirty: bool) -> None:
        if not dirty:  # saved (or replaced): the autosave must stop offering old changes
            self.autosave()

    def _tick(self) -> None:
        if self.model.dirty or self.training_tab.running:
            self.autosave()

    def autosave(self) -> None:
        """Write the open project's state now (one write at a time; a request while one
        is under way writes again right after)."""
        if self.session is None:
            return
        if self._busy:
            self._again = True
            return
        training = [self.training_tab.training_dir] if self.training_tab.training_dir else []
        snapshot = take_snapshot(self.model.project, self.model.dirty, training)
        self._busy = True
        self.pool.run_task(self.session.autosave, snapshot, on_done=self._done, on_failed=self._failed)

    def _done(self, _folder) -> None:
        self._busy = False
        self.autosaved.emit()
        if self._again:
            self._again = False
            self.autosave()

    def _failed(self, message: str) -> None:
        self._busy = False
        self.failed.emit(self.tr("Autosave failed: {error}").format(error=message))
        if self._again:  # a later state may still be written (space freed, say)
            self._again = False
            self.autosave()

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
        more = "\n\n" + self.tr("%n older autosave(s) will be offered next time.", "", len(found) - 1) if len(found) > 1 else ""
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
                    "{description}\n\nRecover it now?").format(description=entry.description) + more,
            [(self.tr("Recover"), QMessageBox.AcceptRole, answered(recover)),
             (self.tr("Discard"), QMessageBox.DestructiveRole, answered(lambda: discard(entry))),
             (self.tr("Later"), QMessageBox.RejectRole, answered(lambda: None))])
        return entry

    def recover(self, entry: Recoverable) -> None:
        self.pool.run_task(_recover, self.session, entry, self.model.project, on_done=self._recovered,
                           on_failed=self._recovery_failed)

    def _recovery_failed(self, message: str) -> None:
        self.recoveryFailed.emit(self.tr("Could not recover the autosave: {error}\nIt is kept and offered "
                                         "again at the next start.").format(error=message))

    def _recovered(self, result) -> None:
        project, tables, entry = result
        self.model.replace(project, tables)
        self.model.set_dirty(entry.dirty)
        self.autosave()  # at once: the recovered state now lives only in this session
        self.recovered.emit(project)

    def close(self) -> None:
        """The window closes cleanly (after its workers stopped): the autosave goes."""
        self.timer.stop()
        if self.session is not None:
            self.session.close()
            self.session = None
