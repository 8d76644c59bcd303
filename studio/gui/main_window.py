"""The main window: four tabs, the File and Help menus, the status bar, file drops."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from studio.core.data.dataset import propose_config
from studio.core.data.reader import read_table
from studio.core.project import PROJECT_FILE, SUFFIX, Project
from studio.core.project_archive import export_project, import_project
from studio.core.sample import ensure_sample_project
from studio.core.training.device import choose_device, describe_device
from studio.gui.autosave import Autosaver
from studio.gui.data_prompt import DataFilePrompt
from studio.gui.project_model import ProjectModel, read_data_tables
from studio.gui.tabs.dataset_tab import DatasetTab
from studio.gui.tabs.inference_tab import InferenceTab
from studio.gui.tabs.model_tab import ModelTab
from studio.gui.tabs.training_tab import TrainingTab
from studio.gui.tabs.vectors_tab import VectorsTab
from studio.gui.widgets.file_picker import DATA_FILTER
from studio.gui.widgets.task_progress import TaskProgress
from studio.gui.workers import ProgressTask, WorkerPool

APP_NAME = "Text Model Studio"
MAX_RECENT = 8


def _load_data(path: str, on_progress=None, stop_event=None):
    table = read_table(path, on_progress=on_progress, stop_event=stop_event)
    return path, table, propose_config(path, table)


def _open_project(path: str):
    project = Project.open(path)
    return project, read_data_tables(project.settings.dataset)


def is_project(path: Path) -> bool:
    return (path / PROJECT_FILE).is_file() or path.name == PROJECT_FILE


class MainWindow(QMainWindow):
    dataLoaded = Signal()
    projectOpened = Signal()
    errorShown = Signal(str)

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.qsettings = settings or QSettings()
        self.pool = WorkerPool(self)
        self.model = ProjectModel(self)
        self.last_error = ""
        self._dialog: QMessageBox | None = None

        self.tabs = QTabWidget()
        self.dataset_tab = DatasetTab(self.model, self.pool)
        self.vectors_tab = VectorsTab(self.model, self.pool)
        self.model_tab = ModelTab(self.model, self.pool)
        self.training_tab = TrainingTab(self.model, self.pool)
        self.inference_tab = InferenceTab(self.model, self.pool)
        for tab, title in ((self.dataset_tab, "1 · Dataset"), (self.vectors_tab, "2 · Word vectors"),
                           (self.model_tab, "3 · Model"), (self.training_tab, "4 · Training"),
                           (self.inference_tab, "5 · Inference")):
            self.tabs.addTab(tab, title)
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)

        self.device_label = QLabel()
        self.load_progress = TaskProgress()
        self.statusBar().addPermanentWidget(self.load_progress)
        self.statusBar().addPermanentWidget(self.device_label)
        self._show_device()
        self._build_menus()

        self.dataset_tab.openDataRequested.connect(self.open_data_dialog)
        self.training_tab.errorOccurred.connect(self.show_error)
        self.inference_tab.errorOccurred.connect(self.show_error)
        self.vectors_tab.errorOccurred.connect(self.show_error)
        self.training_tab.trainingFinished.connect(self._training_finished)
        self.model_tab.form.validityChanged.connect(lambda _: self._update_blockers())
        self.model.dirtyChanged.connect(lambda _: self._update_title())
        self.model.projectReplaced.connect(self._update_title)
        self.model.projectReplaced.connect(self._update_blockers)
        self.model.settingsChanged.connect(self._settings_changed)
        self.data_prompt = DataFilePrompt(self.model, self.pool, self)
        self.data_prompt.failed.connect(self.show_error)
        self.data_prompt.notesReady.connect(lambda text: self.show_error(text, title="Data file located"))
        self.autosaver = Autosaver(self.model, self.pool, self.training_tab, self._may_replace, parent=self)
        self.autosaver.recoveryFailed.connect(self.show_error)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.recovered.connect(self._recovered)
        if self.autosaver.error:
            self.statusBar().showMessage(self.autosaver.error, 15000)
        QTimer.singleShot(0, self._offer_recovery)
        self._update_title()
        self._update_blockers()
        geometry = self.qsettings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)

    # ----- menus ------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&New project", self.new_project, QKeySequence.New)
        self._action(file_menu, "&Open project…", self.open_project_dialog, QKeySequence.Open)
        self._action(file_menu, "Open &data…", self.open_data_dialog, "Ctrl+D")
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        self._action(file_menu, "&Save", self.save, QKeySequence.Save)
        self._action(file_menu, "Save &as…", self.save_as, QKeySequence.SaveAs)
        self.embed_action = self._action(file_menu, "&Keep a copy of the data in the project", self._embed_toggled)
        self.embed_action.setCheckable(True)
        self.model.projectReplaced.connect(self._show_embed)
        file_menu.addSeparator()
        self._action(file_menu, "&Export project as .zip…", self.export_zip_dialog)
        self._action(file_menu, "&Import project from .zip…", self.import_zip_dialog)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.Quit)
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "Open &sample project", self.open_sample)
        self._action(help_menu, "&About", self._about)
        self._fill_recent()

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def recent_projects(self) -> list[str]:
        value = self.qsettings.value("recentProjects", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_projects() if p != str(path)]
        self.qsettings.setValue("recentProjects", recent[:MAX_RECENT])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_projects():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_projects()))

    # ----- opening ----------------------------------------------------------------
    def open_path(self, path: str | Path) -> None:
        """Open a project folder or a data file, whichever ``path`` is."""
        path = Path(path)
        if is_project(path):
            self.open_project(path)
        else:
            self.open_data(path)

    def open_data(self, path: str | Path) -> None:
        """Read a data file on a worker, with progress and Cancel in the status bar."""
        task = ProgressTask(_load_data, str(path))
        task.cancelled.connect(self._data_cancelled)  # a method, so that it runs on this thread
        task.setObjectName(Path(path).name)
        self.load_progress.track(task, f"Reading {Path(path).name}")
        self.pool.start(task, on_done=self._data_loaded, on_failed=self.show_error)

    def _data_cancelled(self) -> None:
        name = self.sender().objectName() if self.sender() is not None else "the file"
        self.statusBar().showMessage(f"Stopped reading {name}; the open project is unchanged.", 5000)

    def _data_loaded(self, result) -> None:
        path, table, dataset = result
        self.model.set_table(path, table, dataset)
        self.tabs.setCurrentWidget(self.dataset_tab)
        self.statusBar().showMessage(f"Read {table.num_rows:,} rows from {Path(path).name}.", 5000)
        self.dataLoaded.emit()

    def _training_blocks_switch(self) -> bool:
        """A run trains into the open project's folder: stop it before another opens."""
        if self.training_tab.running:
            self.show_error("Training is running; stop it (Training tab) before opening or "
                            "creating another project.")
            return True
        return False

    def _may_replace(self) -> bool:
        """Whether the open project may give way to another (asking to save it first)."""
        return not self._training_blocks_switch() and self._confirm_discard()

    def open_project(self, path: str | Path) -> None:
        if not self._may_replace():
            return
        self.statusBar().showMessage(f"Opening {path}…")
        self.pool.run_task(_open_project, str(path), on_done=self._project_loaded, on_failed=self.show_error)

    def _project_loaded(self, result) -> None:
        project, tables = result
        self.model.replace(project, tables)
        self._remember(project.path)
        self.statusBar().showMessage(f"Opened {project.path}.", 5000)
        data_messages = {problem.message for problem in project.data_issues}
        other = [w for w in project.warnings if w not in data_messages]
        if other:
            self.show_error("\n".join(other), title="Project opened with warnings")
        self.data_prompt.ask(project.data_issues)
        self.projectOpened.emit()

    def _offer_recovery(self) -> None:
        self.autosaver.offer_recovery(self)

    def _autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def _recovered(self, project) -> None:
        where = project.path or "a new project (not saved yet)"
        self.statusBar().showMessage(f"Recovered {project.name} into {where}. Save it to keep it.", 10000)
        self.tabs.setCurrentWidget(self.training_tab if project.interrupted else self.dataset_tab)
        self.projectOpened.emit()

    def open_data_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open data", "", DATA_FILTER)
        if path:
            self.open_data(path)

    def open_project_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open project folder (.studio)")
        if path:
            self.open_project(path)

    def open_sample(self) -> None:
        try:
            self.open_project(ensure_sample_project())
        except OSError as exc:
            self.show_error(f"Cannot create the sample project: {exc}")

    def new_project(self) -> None:
        if not self._training_blocks_switch() and self._confirm_discard():
            self.model.replace(Project())

    # ----- saving -----------------------------------------------------------------
    def save(self) -> bool:
        if self.model.project.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save project as", f"{self.model.project.name}.studio")
        return bool(path) and self._save_to(path)

    def _save_to(self, path) -> bool:
        try:
            saved = self.model.save(path)
        except Exception as exc:  # a failed save must keep the open project intact
            self.show_error(str(exc))
            return False
        self._remember(saved)
        self._update_title()
        self.statusBar().showMessage(f"Saved {saved}.", 5000)
        if self.model.project.warnings:
            self.show_error("\n".join(self.model.project.warnings), title="Project saved with warnings")
        return True

    def _show_embed(self) -> None:
        self.embed_action.setChecked(self.model.project.embed_data)

    def _embed_toggled(self, checked: bool) -> None:
        if checked != self.model.project.embed_data:
            self.model.project.embed_data = checked
            self.model.set_dirty(True)

    # ----- zip archives -----------------------------------------------------------
    def export_zip_dialog(self) -> None:
        """Save the project if needed, then write it into one .zip to send or keep."""
        if (self.model.dirty or self.model.project.path is None) and not self.save():
            return
        folder = self.model.project.path
        path, _ = QFileDialog.getSaveFileName(self, "Export project as .zip",
                                              str(folder.with_suffix(".zip")), "Zip archives (*.zip)")
        if path:
            self.export_zip(path)

    def export_zip(self, zip_path: str | Path) -> None:
        self.statusBar().showMessage(f"Exporting to {zip_path}…")
        self.pool.run_task(export_project, self.model.project.path, str(zip_path),
                           on_done=lambda done: self.statusBar().showMessage(f"Exported {done}.", 8000),
                           on_failed=self.show_error)

    def import_zip_dialog(self) -> None:
        zip_path, _ = QFileDialog.getOpenFileName(self, "Import project from .zip", "", "Zip archives (*.zip)")
        if not zip_path:
            return
        folder = QFileDialog.getExistingDirectory(self, "Folder to unpack the project into")
        if folder:
            self.import_zip(zip_path, Path(folder) / (Path(zip_path).stem + SUFFIX))

    def import_zip(self, zip_path: str | Path, target: str | Path) -> None:
        """Unpack ``zip_path`` into the new folder ``target`` (on a worker), then open it
        (which asks to save the open project first)."""
        self.statusBar().showMessage(f"Importing {zip_path}…")
        self.pool.run_task(import_project, str(zip_path), str(target),
                           on_done=self.open_project, on_failed=self.show_error)

    def _confirm_discard(self) -> bool:
        if not self.model.dirty:
            return True
        answer = QMessageBox.question(
            self, APP_NAME, f"Save changes to {self.model.project.name}?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    # ----- drops ------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # ----- state ------------------------------------------------------------------
    def _settings_changed(self, group: str) -> None:
        if group == "training":
            self._show_device()
        self._update_blockers()

    def _update_blockers(self) -> None:
        blockers = []
        if self.model.table is None:
            blockers.append("Open a data file first (Dataset tab).")
        elif self.model.settings.dataset.label_column is None:
            blockers.append("Choose the label column (Dataset tab).")
        if not self.model_tab.valid:
            blockers.append("Fix the model settings marked in red (Model tab).")
        self.training_tab.set_blockers(blockers)

    def _show_device(self) -> None:
        try:
            text = describe_device(choose_device(self.model.settings.training.device))
        except Exception as exc:  # an unavailable device is shown, not raised
            text = str(exc)
        self.device_label.setText(f"Device: {text}")

    def _update_title(self) -> None:
        where = f" — {self.model.project.path}" if self.model.project.path else ""
        self.setWindowTitle(f"{self.model.title}{where} · {APP_NAME}")

    def _training_finished(self, run) -> None:
        if run is not None:
            self.statusBar().showMessage(f"Run {run.id} finished: {run.summary()['status']}.", 8000)

    def show_error(self, message: str, title: str = APP_NAME) -> None:
        """Show a plain message in a dialog that does not block the event loop."""
        self.last_error = message
        self.statusBar().showMessage(message.splitlines()[0] if message else "", 8000)
        if self._dialog is not None:
            self._dialog.close()
        self._dialog = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self)
        self._dialog.open()
        self.errorShown.emit(message)

    def _about(self) -> None:
        from studio import __version__

        QMessageBox.about(self, APP_NAME, f"{APP_NAME} {__version__}\nBuild, train and use neural "
                          "text models, Chinese first.")

    def closeEvent(self, event) -> None:
        if self.training_tab.running or self.vectors_tab.running:
            answer = QMessageBox.question(self, APP_NAME, "Training or reading is running. Stop it and quit?")
            if answer != QMessageBox.Yes:
                event.ignore()
                return
        if not self._confirm_discard():
            event.ignore()
            return
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.pool.shutdown()
        self.autosaver.close()
        if self._dialog is not None:
            self._dialog.close()
        event.accept()
