"""When an opened project's data files moved or changed: locate them, or use the copies
the project keeps. One question per file, without blocking the event loop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from studio.core.data.dataset import DatasetConfig
from studio.core.data.reader import Table
from studio.core.messages import Message
from studio.core.project import Project
from studio.core.project_data import DataProblem, data_problems, relocate, use_copy
from studio.gui import file_dialogs
from studio.gui.file_dialogs import data_filter
from studio.gui.project_model import ProjectModel, read_data_tables
from studio.gui.widgets.choice_dialog import ask_choice
from studio.gui.wording import word
from studio.gui.workers import WorkerPool


@dataclass(frozen=True)
class FixedData:
    """What fixing one data file gives back to the GUI thread."""

    dataset: DatasetConfig  # the settings pointing at the new file (or the copy)
    notes: list[Message]  # for the user (a located file whose content differs from the saved one)
    tables: dict[str, Table]  # the training data read again, if it was the file fixed
    remaining: list[DataProblem]  # the problems still left
    project: Project  # the project it was fixed for, to tell whether it is still the open one


def _fix(dataset: DatasetConfig, copies: dict[str, Path], problem: DataProblem, new_path: str | None,
         project: Project) -> FixedData:
    """Point ``problem.role`` at ``new_path`` or at the project's copy; read the table
    again. ``project`` only travels along."""
    if new_path is not None:
        dataset, notes = relocate(dataset, problem.role, new_path)
    else:
        dataset, notes = use_copy(dataset, problem.role, copies), []
    return FixedData(dataset, list(notes), read_data_tables(dataset), data_problems(dataset, copies), project)


class DataFilePrompt(QObject):
    """Asks about each problem in turn; ``finished`` when none is left or the user
    chose to leave them."""

    finished = Signal()
    failed = Signal(str)
    notesReady = Signal(str)

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent_widget: QWidget):
        super().__init__(parent_widget)
        self.model, self.pool, self.parent_widget = model, pool, parent_widget
        self.dialog: QMessageBox | None = None
        self.problem: DataProblem | None = None
        self._left: set[str] = set()  # roles the user chose to keep as they are
        model.projectReplaced.connect(self._project_replaced)

    def ask(self, problems: list[DataProblem], fresh: bool = True) -> None:
        """Ask about ``problems`` in turn (``fresh``: a newly opened project)."""
        if fresh:
            self._left = set()
        problems = [p for p in problems if p.role not in self._left]
        if not problems:
            self.finished.emit()
            return
        problem = self.problem = problems[0]
        def answered(action) -> Callable[[], None]:
            def run() -> None:
                self.dialog = None
                action()
            return run

        def later() -> None:
            self._left.add(problem.role)
            self.ask(problems[1:], fresh=False)

        choices = [(self.tr("Locate…"), QMessageBox.AcceptRole, answered(lambda: self.locate(problem)))]
        if problem.copy:
            choices.append((self.tr("Use the copy in the project"), QMessageBox.ApplyRole,
                            answered(lambda: self.use_copy(problem))))
        keep = self.tr("Keep as it is") if problem.kind == "changed" else self.tr("Later")
        choices.append((keep, QMessageBox.RejectRole,
                        answered(later)))
        title = self.tr("Data file not found") if problem.kind == "missing" else self.tr("Data file changed")
        self.dialog = ask_choice(self.parent_widget, QMessageBox.Warning, title, word(problem.message), choices,
                                 default=1 if problem.copy else 0)

    def locate(self, problem: DataProblem, path: str | None = None) -> None:
        """Ask for the file's new place (``path`` skips the dialog), then use it."""
        if path is None:
            start = problem.path.parent if problem.path.parent.is_dir() else Path.home()
            path = file_dialogs.open_file(self.parent_widget, self.tr("Locate {name}").format(name=problem.path.name),
                                          "data", data_filter(), start=str(start))
            if not path:
                self.finished.emit()
                return
        self._run(problem, path)

    def use_copy(self, problem: DataProblem) -> None:
        self._run(problem, None)

    def _run(self, problem: DataProblem, path: str | None) -> None:
        self.pool.submit(_fix, self.model.settings.dataset, dict(self.model.project.data_copies), problem, path,
                         self.model.project, on_done=self._fixed, on_failed=self._failed)

    def _project_replaced(self) -> None:
        if self.dialog is not None:  # a question about the project that was open before
            self.dialog.close()
            self.dialog = None

    def _fixed(self, fixed: FixedData) -> None:
        if fixed.project is not self.model.project:
            return  # another project was opened meanwhile: this fix is not for it
        if fixed.tables:
            [(path, table)] = fixed.tables.items()
            self.model.set_table(path, table, fixed.dataset)
        else:
            self.model.update("dataset", fixed.dataset)
        if fixed.notes:
            self.notesReady.emit("\n".join(word(note) for note in fixed.notes))
        self.ask(fixed.remaining, fresh=False)

    def _failed(self, message: str) -> None:
        self.failed.emit(message)
        self.finished.emit()
