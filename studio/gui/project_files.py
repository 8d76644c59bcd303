"""The window's file operations: new, open, save, save as, zip export and import, the
list of recent projects, and the question whether the open project may give way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from studio.core.errors import StudioError
from studio.core.project import PROJECT_FILE, SUFFIX
from studio.core.project_archive import export_project, import_project
from studio.core.safe_files import os_reason
from studio.core.sample import ensure_sample_project
from studio.gui import app_settings, file_dialogs
from studio.gui.app_settings import APP_NAME
from studio.gui.data_loader import DataLoader
from studio.gui.data_prompt import DataFilePrompt
from studio.gui.project_model import ProjectModel
from studio.gui.project_opener import OpenedProject, ProjectOpener
from studio.gui.training_session import TrainingSession
from studio.gui.wording import error_text, word
from studio.gui.workers import WorkerPool

MAX_RECENT = 8


def is_project(path: Path) -> bool:
    return (path / PROJECT_FILE).is_file() or path.name == PROJECT_FILE


class ProjectFiles(QObject):
    """Opens and saves the window's project through the model; asks its questions with
    ``window`` as their parent and tells what happened through its signals."""

    status = Signal(str, int)  # a line for the status bar, and for how many ms (0: until replaced)
    error = Signal(str, str)  # a message for the error dialog, and its title ("" for the studio's name)
    opened = Signal()  # a project was opened (or imported)
    recentChanged = Signal()

    def __init__(self, window: QWidget, model: ProjectModel, training: TrainingSession, pool: WorkerPool,
                 loader: DataLoader, store: QSettings):
        super().__init__(window)
        self.window, self.model, self.training, self.pool = window, model, training, pool
        self.loader, self.store = loader, store
        self.data_prompt = DataFilePrompt(model, pool, window)
        self.opener = ProjectOpener(pool, window)
        self.opener.opened.connect(self._opened)
        self.opener.failed.connect(self._open_failed)
        self.opener.cancelled.connect(self._open_cancelled)

    # ----- recent projects --------------------------------------------------------
    def recent_projects(self) -> list[str]:
        return app_settings.recent_projects(self.store)

    def remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_projects() if p != str(path)]
        self.store.setValue(app_settings.RECENT_PROJECTS, recent[:MAX_RECENT])
        self.recentChanged.emit()

    # ----- giving way -------------------------------------------------------------
    def training_blocks_switch(self) -> bool:
        """A run trains into the open project's folder: stop it before another opens."""
        if self.training.running:
            self.error.emit(self.tr("Training is running; stop it (Training tab) before opening or "
                                    "creating another project."), "")
            return True
        return False

    def confirm_discard(self) -> bool:
        """Whether unsaved changes may go (asking to save them first)."""
        if not self.model.dirty:
            return True
        answer = QMessageBox.question(
            self.window, APP_NAME, self.tr("Save changes to {name}?").format(name=self.model.display_name()),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def may_replace(self) -> bool:
        """Whether the open project may give way to another (asking to save it first)."""
        return not self.training_blocks_switch() and self.confirm_discard()

    # ----- opening ----------------------------------------------------------------
    def open_path(self, path: str | Path) -> None:
        """Open a project folder or a data file, whichever ``path`` is."""
        path = Path(path)
        if is_project(path):
            self.open_project(path)
        else:
            self.loader.load(path)

    def open_project(self, path: str | Path) -> None:
        if not self.may_replace():
            return
        self.status.emit(self.tr("Opening {path}…").format(path=path), 0)
        self.opener.open(path, self.model.project)

    def open_sample(self) -> None:
        try:
            folder = ensure_sample_project()
        except OSError as exc:
            self.error.emit(self.tr("Cannot create the sample project: {error}").format(error=os_reason(exc)), "")
        except StudioError as exc:  # snownlp missing, or the sample cannot be saved
            self.error.emit(error_text(exc), "")
        else:
            self.open_project(folder)

    def new_project(self) -> None:
        if self.may_replace():
            self.model.new_project()

    def open_data_dialog(self) -> None:
        path = file_dialogs.open_file(self.window, self.tr("Open data"), "data", file_dialogs.data_filter())
        if path:
            self.loader.load(path)

    def open_project_dialog(self) -> None:
        path = file_dialogs.open_folder(self.window, self.tr("Open project folder (.studio)"), "project",
                                        remember_parent=True)
        if path:
            self.open_project(path)

    def _opened(self, result: OpenedProject) -> None:
        project = result.project
        self.model.replace(project, result.tables)
        self.remember(project.path)
        opened = (self.tr("Opened {path} read-only: use Save As to keep changes.") if project.read_only
                  else self.tr("Opened {path}."))
        self.status.emit(opened.format(path=project.path), 8000)
        found = ([word(result.unlockable)] if result.unlockable is not None else []) + self.opener.warnings(project)
        if found:
            self.error.emit("\n".join(found), self.tr("Project opened with warnings"))
        self.data_prompt.ask(project.data_issues)
        self.opened.emit()

    def _open_failed(self, message: str) -> None:
        self.model.relock()  # opening the open project's own folder again took its lock
        self.error.emit(message, "")

    def _open_cancelled(self, path: str) -> None:
        self.model.relock()
        self.status.emit(self.tr("Did not open {path}; the open project is unchanged.").format(path=path), 5000)

    # ----- saving -----------------------------------------------------------------
    def save(self) -> bool:
        if self.model.project.path is None or self.model.project.read_only:
            return self.save_as()
        return self.save_to(None)

    def save_as(self) -> bool:
        path = file_dialogs.save_file(self.window, self.tr("Save project as"), "project",
                                      f"{self.model.display_name()}.studio")
        return bool(path) and self.save_to(path)

    def save_to(self, path: str | Path | None) -> bool:
        """Save into ``path`` (None: the project's own folder); a failure is told and
        leaves the open project as it was."""
        try:
            saved = self.model.save(path)
        except Exception as exc:  # a failed save must keep the open project intact
            self.error.emit(error_text(exc), "")
            return False
        self.remember(saved)
        self.status.emit(self.tr("Saved {path}.").format(path=saved), 5000)
        if self.model.project.warnings:
            self.error.emit("\n".join(word(w) for w in self.model.project.warnings),
                            self.tr("Project saved with warnings"))
        return True

    # ----- zip archives -----------------------------------------------------------
    def export_zip_dialog(self) -> None:
        """Save the project if needed, then write it into one .zip to send or keep."""
        if (self.model.dirty or self.model.project.path is None) and not self.save():
            return
        folder = self.model.project.path
        path = file_dialogs.save_file(self.window, self.tr("Export project as .zip"), "zip",
                                      folder.with_suffix(".zip").name, file_dialogs.zip_filter())
        if path:
            self.export_zip(path)

    def export_zip(self, zip_path: str | Path) -> None:
        self.status.emit(self.tr("Exporting to {path}…").format(path=zip_path), 0)
        self.pool.submit(export_project, self.model.project.path, str(zip_path), on_failed=self._failed,
                         on_done=lambda path: self.status.emit(self.tr("Exported {path}.").format(path=path), 8000))

    def import_zip_dialog(self) -> None:
        zip_path = file_dialogs.open_file(self.window, self.tr("Import project from .zip"), "zip",
                                          file_dialogs.zip_filter())
        if not zip_path:
            return
        folder = file_dialogs.open_folder(self.window, self.tr("Folder to unpack the project into"), "project")
        if folder:
            self.import_zip(zip_path, Path(folder) / (Path(zip_path).stem + SUFFIX))

    def import_zip(self, zip_path: str | Path, target: str | Path) -> None:
        """Unpack ``zip_path`` into the new folder ``target`` (on a worker), then open it
        (which asks to save the open project first)."""
        self.status.emit(self.tr("Importing {path}…").format(path=zip_path), 0)
        self.pool.submit(import_project, str(zip_path), str(target), on_done=self.open_project,
                         on_failed=self._failed)

    def _failed(self, message: str) -> None:
        self.error.emit(message, "")
