"""Opening a project folder in the window, asking what a folder someone sent needs.

Three steps, the slow ones on workers and the questions on the GUI thread, none of
them blocking it:

1. read the folder (only files inside it) and take its lock;
2. if another studio holds the lock, ask whether to open it read-only; if it refers
   to files outside its folder that the user has not agreed to, list them and ask
   whether to read them or open the project without them;
3. read the training data, then hand the project to the window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from studio.core.data.reader import Table
from studio.core.errors import ProjectError
from studio.core.messages import Message
from studio.core.project import Project
from studio.core.project_lock import LockOwner, ProjectLocked
from studio.gui.project_model import read_data_tables
from studio.gui.widgets.choice_dialog import ask_choice
from studio.gui.wording import word
from studio.gui.workers import WorkerPool

MAX_LISTED = 12  # outside files named in the question; the rest are counted


@dataclass(frozen=True)
class ReadProject:
    """Step 1's result: the project, and why it could not be locked (if so)."""

    project: Project
    locked_by: ProjectLocked | None = None
    unlockable: Message | None = None  # why the folder cannot hold a lock (read-only): opened read-only


@dataclass(frozen=True)
class OpenedProject:
    """What the window receives: the project, its training data's table, and why the
    folder opened read-only without being asked (it cannot hold a lock)."""

    project: Project
    tables: dict[str, Table]
    unlockable: Message | None = None


def read_and_lock(path: str, current: Project | None = None) -> ReadProject:
    """Step 1, on a worker. ``current`` is the window's open project: opening its own
    folder again hands its lock over.

    Raises:
        ProjectError: the folder is not a readable project.
    """
    project = Project.open(path)
    try:
        project.take_lock(current)
    except ProjectLocked as exc:
        return ReadProject(project, locked_by=exc)
    except ProjectError as exc:
        project.read_only = True
        return ReadProject(project, unlockable=exc.message)
    return ReadProject(project)


def read_tables(project: Project, allow_outside: bool) -> OpenedProject:
    """Step 3, on a worker: agree to the outside files (hashing them) or drop them,
    then read the training data."""
    if allow_outside:
        project.allow_outside_files()
    else:
        project.detach_outside_files()
    return OpenedProject(project, read_data_tables(project.settings.dataset))


class ProjectOpener(QObject):
    """Opens project folders for one window; ``opened`` carries an :class:`OpenedProject`."""

    opened = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)  # the folder, when the user chose not to open it

    def __init__(self, pool: WorkerPool, parent: QWidget):
        super().__init__(parent)
        self.pool = pool
        self.window = parent
        self.question: QMessageBox | None = None  # the open question, for tests
        self._asking: Project | None = None  # the project the question is about, holding its lock

    def open(self, path: str | Path, current: Project | None = None) -> None:
        """Open ``path``; ``current`` is the window's open project (see :func:`read_and_lock`)."""
        self.pool.submit(read_and_lock, str(path), current, on_done=self._read, on_failed=self.failed.emit)

    def _read(self, step: ReadProject) -> None:
        project = self._asking = step.project
        if step.locked_by is None:
            self._ask_outside(project, step.unlockable)
            return
        who = self.holder(step.locked_by)

        def read_only() -> None:
            project.read_only = True
            self._ask_outside(project, None)

        self.question = ask_choice(
            self.window, QMessageBox.Warning, self.tr("Project in use"),
            self.tr("{folder} is open in {who}.\n\nOpen it read-only? You can look at it and "
                    "train, and save a copy with Save As; it cannot be saved over.").format(
                folder=project.path, who=who),
            [(self.tr("Open read-only"), QMessageBox.AcceptRole, read_only),
             (self.tr("Cancel"), QMessageBox.RejectRole, lambda: self._give_up(project))])

    def holder(self, locked: ProjectLocked) -> str:
        """Who holds the lock, in the user's language (the core describes the owner)."""
        owner = locked.owner or LockOwner.unknown()
        if owner.is_this_process():
            return self.tr("another window of this studio")
        return word(owner.describe())

    def warnings(self, project: Project) -> list[str]:
        """What opening ``project`` found, in the user's language, for the warnings dialog;
        data files missing or changed are left to the data prompt."""
        asked_later = [problem.message for problem in project.data_issues]
        return [word(warning) for warning in project.warnings if warning not in asked_later]

    def _ask_outside(self, project: Project, unlockable: Message | None) -> None:
        outside = project.outside_files
        if not outside:
            self._finish(project, True, unlockable)
            return
        listed = "\n".join(f"• {word(reference.listed())}" for reference in outside[:MAX_LISTED])
        if len(outside) > MAX_LISTED:
            listed += "\n" + self.tr("… and %n more", "", len(outside) - MAX_LISTED)
        self.question = ask_choice(
            self.window, QMessageBox.Question, self.tr("Files outside the project"),
            self.tr("{folder} refers to files outside its folder:\n\n{files}\n\nYou have not agreed to "
                    "these files for this project folder yet (it was made on another computer, or moved "
                    "or copied here). Read them only if you trust whoever made the project: a crafted "
                    "project can name any file, which training and Save would then read. Without them "
                    "the project opens with those settings emptied.").format(
                folder=project.path, files=listed),
            [(self.tr("Read them"), QMessageBox.AcceptRole, lambda: self._finish(project, True, unlockable)),
             (self.tr("Open without them"), QMessageBox.DestructiveRole,
              lambda: self._finish(project, False, unlockable)),
             (self.tr("Cancel"), QMessageBox.RejectRole, lambda: self._give_up(project))],
            default=1)

    def close(self) -> None:
        """The window closes: a project still being asked about lets go of its folder."""
        if self._asking is not None:
            self._asking.close()
            self._asking = None
        if self.question is not None:
            self.question.close()

    def _finish(self, project: Project, allow: bool, unlockable: Message | None) -> None:
        self.question, self._asking = None, None
        self.pool.submit(read_tables, project, allow, on_failed=lambda message: self._failed(project, message),
                         on_done=lambda opened: self.opened.emit(replace(opened, unlockable=unlockable)))

    def _failed(self, project: Project, message: str) -> None:
        project.close()
        self.failed.emit(message)

    def _give_up(self, project: Project) -> None:
        self.question, self._asking = None, None
        project.close()
        self.cancelled.emit(str(project.path))
