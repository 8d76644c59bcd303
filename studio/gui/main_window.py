"""The main window: the tabs, the menus and their shortcuts, the status bar, file drops."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget, QWidget

from studio.core.data.dataset import propose_config
from studio.core.data.reader import read_table
from studio.core.errors import ProjectError
from studio.core.project import PROJECT_FILE, SUFFIX, Project
from studio.core.project_archive import export_project, import_project
from studio.core.sample import ensure_sample_project
from studio.core.training.device import choose_device
from studio.gui import app_settings, file_dialogs
from studio.gui.autosave import Autosaver
from studio.gui.data_prompt import DataFilePrompt
from studio.gui.i18n import Retranslating
from studio.gui.preferences import PreferencesDialog
from studio.gui.project_model import ProjectModel
from studio.gui.project_opener import OpenedProject, ProjectOpener
from studio.gui.tabs.dataset_tab import DatasetTab
from studio.gui.tabs.inference_tab import InferenceTab
from studio.gui.tabs.model_tab import ModelTab
from studio.gui.tabs.training_tab import TrainingTab
from studio.gui.tabs.vectors_tab import VectorsTab
from studio.gui.versions import versions
from studio.gui.widgets.runs_view import status_text
from studio.gui.widgets.status_panel import StatusPanel
from studio.gui.widgets.task_progress import TaskProgress
from studio.gui.workers import ProgressTask, WorkerPool

APP_NAME = "Text Model Studio"
UNTITLED = "Untitled"  # studio.core.project.Project's name until it is saved
MAX_RECENT = 8


def _load_data(path: str, on_progress=None, stop_event=None):
    table = read_table(path, on_progress=on_progress, stop_event=stop_event)
    return path, table, propose_config(path, table)


def is_project(path: Path) -> bool:
    return (path / PROJECT_FILE).is_file() or path.name == PROJECT_FILE


def _local_files(event) -> list[str]:
    mime = event.mimeData()
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []


class _DropRouter(QObject):
    """Sends files dropped on any widget of the window (text boxes included, which would
    otherwise paste the path) to the window, so a drop anywhere opens the file."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop) or not isinstance(obj, QWidget):
            return False
        if obj.window() is not self.window or not _local_files(event):
            return False
        if kind == QEvent.Drop:
            self.window.dropEvent(event)
        else:
            event.acceptProposedAction()
        return True


class MainWindow(Retranslating, QMainWindow):
    dataLoaded = Signal()
    projectOpened = Signal()
    errorShown = Signal(str)

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.qsettings = settings or QSettings()
        app_settings.use(self.qsettings)
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
        for tab in self.tab_pages():
            self.tabs.addTab(tab, "")
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)
        self._drop_router = _DropRouter(self)
        QApplication.instance().installEventFilter(self._drop_router)
        self.preferences: PreferencesDialog | None = None

        self.status_panel = StatusPanel()
        self.load_progress = TaskProgress()
        self.statusBar().addPermanentWidget(self.load_progress)
        self.statusBar().addPermanentWidget(self.status_panel)
        self._show_device()
        self._build_menus()

        self.dataset_tab.openDataRequested.connect(self.open_data_dialog)
        self.training_tab.errorOccurred.connect(self.show_error)
        self.inference_tab.errorOccurred.connect(self.show_error)
        self.vectors_tab.errorOccurred.connect(self.show_error)
        self.training_tab.trainingFinished.connect(self._training_finished)
        self.training_tab.trainingStarted.connect(self._training_started)
        self.tabs.currentChanged.connect(lambda _: self._update_run_action())
        self.model_tab.form.validityChanged.connect(lambda _: self._update_blockers())
        self.model.dirtyChanged.connect(lambda _: self._update_title())
        self.model.projectReplaced.connect(self._update_title)
        self.model.projectReplaced.connect(self._update_blockers)
        self.model.settingsChanged.connect(self._settings_changed)
        self.data_prompt = DataFilePrompt(self.model, self.pool, self)
        self.data_prompt.failed.connect(self.show_error)
        self.data_prompt.notesReady.connect(self._data_notes)
        self.opener = ProjectOpener(self.pool, self)
        self.opener.opened.connect(self._project_loaded)
        self.opener.failed.connect(self._open_failed)
        self.opener.cancelled.connect(self._open_cancelled)
        self.autosaver = Autosaver(self.model, self.pool, self.training_tab, self._may_replace, parent=self)
        self.autosaver.recoveryFailed.connect(self.show_error)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.recovered.connect(self._recovered)
        if self.autosaver.error:
            self.statusBar().showMessage(self.autosaver.error, 15000)
        QTimer.singleShot(0, self._offer_recovery)
        self._update_title()
        self.retranslate()
        geometry = self.qsettings.value(app_settings.GEOMETRY)
        if not isinstance(geometry, (bytes, QByteArray)) or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        try:
            self.tabs.setCurrentIndex(int(self.qsettings.value(app_settings.CURRENT_TAB, 0) or 0))
        except (TypeError, ValueError):  # a hand-edited settings file: start on the first tab
            pass

    def tab_pages(self) -> list[QWidget]:
        """The tabs in order; Ctrl+1 … Ctrl+5 show them."""
        return [self.dataset_tab, self.vectors_tab, self.model_tab, self.training_tab, self.inference_tab]

    def retranslate(self) -> None:
        titles = (self.tr("1 · Dataset"), self.tr("2 · Word vectors"), self.tr("3 · Model"),
                  self.tr("4 · Training"), self.tr("5 · Inference"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.file_menu.setTitle(self.tr("&File"))
        self.training_menu.setTitle(self.tr("&Training"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        texts = {
            "new": (self.tr("&New project"), self.tr("Start an empty project (asks to save the open one).")),
            "open": (self.tr("&Open project…"), self.tr("Open a project folder (*.studio).")),
            "open_data": (self.tr("Open &data…"), self.tr("Read a .tsv, .txt or .csv file into the Dataset tab.")),
            "save": (self.tr("&Save"), self.tr("Save the project, its settings and its runs.")),
            "save_as": (self.tr("Save &as…"), self.tr("Save the project into a new folder.")),
            "embed": (self.tr("&Keep a copy of the data in the project"),
                      self.tr("Copy the data files into the project folder when saving, so the project "
                              "opens on another computer.")),
            "export": (self.tr("&Export project as .zip…"), self.tr("Write the saved project into one .zip file.")),
            "import": (self.tr("&Import project from .zip…"), self.tr("Unpack a project .zip into a folder and open it.")),
            "preferences": (self.tr("&Preferences…"), self.tr("Language and theme.")),
            "quit": (self.tr("&Quit"), self.tr("Close the studio (asks to save changes).")),
            "run": (self.tr("&Start training"),
                    self.tr("Start training with the current settings (on the Inference tab: predict).")),
            "stop": (self.tr("S&top training"), self.tr("Stop the running training after the current batch.")),
            "sample": (self.tr("Open &sample project"), self.tr("Open the sample project: Chinese product "
                                                               "reviews, positive or negative.")),
            "about": (self.tr("&About"), self.tr("Versions of the studio, PyTorch and Qt.")),
        }
        for key, (text, tip) in texts.items():
            self.actions[key].setText(text)
            self.actions[key].setStatusTip(tip)
            self.actions[key].setToolTip(tip)
        for index, action in enumerate(self.tab_actions):
            action.setText(self.tr("Show tab {number}: {title}").format(
                number=index + 1, title=titles[index].split("·")[-1].strip()))
        self._update_run_action()
        self._update_blockers()
        self._show_device()
        self._update_title()

    # ----- menus ------------------------------------------------------------------
    def _build_menus(self) -> None:
        """Menus and shortcuts; their texts are set in :meth:`retranslate`."""
        self.actions: dict[str, QAction] = {}
        self.file_menu = self.menuBar().addMenu("")
        self._action(self.file_menu, "new", self.new_project, QKeySequence.New)
        self._action(self.file_menu, "open", self.open_project_dialog, QKeySequence.Open)
        self._action(self.file_menu, "open_data", self.open_data_dialog, "Ctrl+D")
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self._action(self.file_menu, "save", self.save, QKeySequence.Save)
        self._action(self.file_menu, "save_as", self.save_as, "Ctrl+Shift+S")
        self.embed_action = self._action(self.file_menu, "embed", self._embed_toggled)
        self.embed_action.setCheckable(True)
        self.model.projectReplaced.connect(self._show_embed)
        self.file_menu.addSeparator()
        self._action(self.file_menu, "export", self.export_zip_dialog)
        self._action(self.file_menu, "import", self.import_zip_dialog)
        self.file_menu.addSeparator()
        self._action(self.file_menu, "preferences", self.show_preferences, "Ctrl+,")
        self.file_menu.addSeparator()
        self._action(self.file_menu, "quit", self.close, QKeySequence.Quit)
        self.training_menu = self.menuBar().addMenu("")
        self.run_action = self._action(self.training_menu, "run", self.run_current, "Ctrl+Return")
        self.run_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.stop_action = self._action(self.training_menu, "stop", self.stop_training, "Esc")
        self.view_menu = self.menuBar().addMenu("")
        self.tab_actions = []
        for index, page in enumerate(self.tab_pages()):
            action = QAction(self)
            action.setShortcut(f"Ctrl+{index + 1}")
            action.triggered.connect(lambda _=False, page=page: self.tabs.setCurrentWidget(page))
            self.view_menu.addAction(action)
            self.tab_actions.append(action)
        self.help_menu = self.menuBar().addMenu("")
        self._action(self.help_menu, "sample", self.open_sample)
        self._action(self.help_menu, "about", self.show_about)
        self._fill_recent()

    def _action(self, menu, key: str, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.actions[key] = action
        return action

    def recent_projects(self) -> list[str]:
        value = self.qsettings.value(app_settings.RECENT_PROJECTS, [])
        values = [value] if isinstance(value, str) else value if isinstance(value, (list, tuple)) else []
        return [v for v in values if isinstance(v, str) and v]  # junk from a hand-edited file is dropped

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_projects() if p != str(path)]
        self.qsettings.setValue(app_settings.RECENT_PROJECTS, recent[:MAX_RECENT])
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
        self.load_progress.track(task, self.tr("Reading {name}").format(name=Path(path).name))
        self.pool.start(task, on_done=self._data_loaded, on_failed=self.show_error)

    def _data_cancelled(self) -> None:
        name = self.sender().objectName() if self.sender() is not None else ""
        self.statusBar().showMessage(self.tr("Stopped reading {name}; the open project is unchanged.")
                                     .format(name=name), 5000)

    def _data_loaded(self, result) -> None:
        path, table, dataset = result
        self.model.set_table(path, table, dataset)
        self.tabs.setCurrentWidget(self.dataset_tab)
        self.statusBar().showMessage(self.tr("Read {rows} rows from {name}.").format(
            rows=f"{table.num_rows:,}", name=Path(path).name), 5000)
        self.dataLoaded.emit()

    def _training_blocks_switch(self) -> bool:
        """A run trains into the open project's folder: stop it before another opens."""
        if self.training_tab.running:
            self.show_error(self.tr("Training is running; stop it (Training tab) before opening or "
                                    "creating another project."))
            return True
        return False

    def _may_replace(self) -> bool:
        """Whether the open project may give way to another (asking to save it first)."""
        return not self._training_blocks_switch() and self._confirm_discard()

    def open_project(self, path: str | Path) -> None:
        if not self._may_replace():
            return
        self.statusBar().showMessage(self.tr("Opening {path}…").format(path=path))
        self.opener.open(path, self.model.project)

    def _open_failed(self, message: str) -> None:
        self._relock()
        self.show_error(message)

    def _relock(self) -> None:
        """Opening the open project's own folder again took its lock; keep editing it."""
        try:
            self.model.project.lock()
        except ProjectError:  # taken meanwhile by another studio: keep the work, save it elsewhere
            self.model.project.read_only = self.model.project.path is not None
            self._update_title()

    def _open_cancelled(self, path: str) -> None:
        self._relock()
        self.statusBar().showMessage(self.tr("Did not open {path}; the open project is unchanged.").format(
            path=path), 5000)

    def _project_loaded(self, result: OpenedProject) -> None:
        project = result.project
        self.model.replace(project, result.tables)
        self._remember(project.path)
        opened = (self.tr("Opened {path} read-only: use Save As to keep changes.") if project.read_only
                  else self.tr("Opened {path}."))
        self.statusBar().showMessage(opened.format(path=project.path), 8000)
        other = self.opener.warnings(project)
        if other:
            self.show_error("\n".join(other), title=self.tr("Project opened with warnings"))
        self.data_prompt.ask(project.data_issues)
        self.projectOpened.emit()

    def _offer_recovery(self) -> None:
        self.autosaver.offer_recovery(self)

    def _autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    def _recovered(self, project) -> None:
        where = project.path or self.tr("a new project (not saved yet)")
        self.statusBar().showMessage(self.tr("Recovered {name} into {where}. Save it to keep it.").format(
            name=project.name, where=where), 10000)
        self.tabs.setCurrentWidget(self.training_tab if project.interrupted else self.dataset_tab)
        self.projectOpened.emit()

    def open_data_dialog(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Open data"), "data", file_dialogs.data_filter())
        if path:
            self.open_data(path)

    def open_project_dialog(self) -> None:
        path = file_dialogs.open_folder(self, self.tr("Open project folder (.studio)"), "project",
                                        remember_parent=True)
        if path:
            self.open_project(path)

    def open_sample(self) -> None:
        try:
            self.open_project(ensure_sample_project())
        except OSError as exc:
            self.show_error(self.tr("Cannot create the sample project: {error}").format(error=exc))

    def new_project(self) -> None:
        if not self._training_blocks_switch() and self._confirm_discard():
            self.model.replace(Project())

    # ----- saving -----------------------------------------------------------------
    def save(self) -> bool:
        if self.model.project.path is None or self.model.project.read_only:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        path = file_dialogs.save_file(self, self.tr("Save project as"), "project", f"{self.project_name()}.studio")
        return bool(path) and self._save_to(path)

    def _save_to(self, path) -> bool:
        try:
            saved = self.model.save(path)
        except Exception as exc:  # a failed save must keep the open project intact
            self.show_error(str(exc))
            return False
        self._remember(saved)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {path}.").format(path=saved), 5000)
        if self.model.project.warnings:
            self.show_error("\n".join(self.model.project.warnings), title=self.tr("Project saved with warnings"))
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
        path = file_dialogs.save_file(self, self.tr("Export project as .zip"), "zip",
                                      folder.with_suffix(".zip").name, file_dialogs.zip_filter())
        if path:
            self.export_zip(path)

    def export_zip(self, zip_path: str | Path) -> None:
        self.statusBar().showMessage(self.tr("Exporting to {path}…").format(path=zip_path))
        self.pool.run_task(export_project, self.model.project.path, str(zip_path),
                           on_done=self._exported, on_failed=self.show_error)

    def _exported(self, path) -> None:
        self.statusBar().showMessage(self.tr("Exported {path}.").format(path=path), 8000)

    def import_zip_dialog(self) -> None:
        zip_path = file_dialogs.open_file(self, self.tr("Import project from .zip"), "zip", file_dialogs.zip_filter())
        if not zip_path:
            return
        folder = file_dialogs.open_folder(self, self.tr("Folder to unpack the project into"), "project")
        if folder:
            self.import_zip(zip_path, Path(folder) / (Path(zip_path).stem + SUFFIX))

    def import_zip(self, zip_path: str | Path, target: str | Path) -> None:
        """Unpack ``zip_path`` into the new folder ``target`` (on a worker), then open it
        (which asks to save the open project first)."""
        self.statusBar().showMessage(self.tr("Importing {path}…").format(path=zip_path))
        self.pool.run_task(import_project, str(zip_path), str(target),
                           on_done=self.open_project, on_failed=self.show_error)

    def _confirm_discard(self) -> bool:
        if not self.model.dirty:
            return True
        answer = QMessageBox.question(
            self, APP_NAME, self.tr("Save changes to {name}?").format(name=self.project_name()),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    # ----- drops ------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if _local_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = _local_files(event)
        if files:
            event.acceptProposedAction()
            # Opened after the drop returns: the file manager is not held while we ask
            # whether to save the open project.
            QTimer.singleShot(0, partial(self.open_path, files[0]))

    # ----- state ------------------------------------------------------------------
    def _settings_changed(self, group: str) -> None:
        if group == "training":
            self._show_device()
        self._update_blockers()

    def _update_blockers(self) -> None:
        blockers = []
        if self.model.table is None:
            blockers.append(self.tr("Open a data file first (Dataset tab)."))
        elif self.model.settings.dataset.label_column is None:
            blockers.append(self.tr("Choose the label column (Dataset tab)."))
        if not self.model_tab.valid:
            blockers.append(self.tr("Fix the model settings marked in red (Model tab)."))
        self.training_tab.set_blockers(blockers)

    def _show_device(self) -> None:
        try:
            self.status_panel.set_device(choose_device(self.model.settings.training.device))
        except Exception as exc:  # an unavailable device is shown, not raised
            self.status_panel.set_device(None, str(exc))

    def project_name(self) -> str:
        """The open project's name; a new project not saved yet is "Untitled" in the
        language in force."""
        project = self.model.project
        return self.tr("Untitled") if project.path is None and project.name == UNTITLED else project.name

    def _update_title(self) -> None:
        where = f" — {self.model.project.path}" if self.model.project.path else ""
        dirty = " *" if self.model.dirty else ""
        read_only = self.tr(" (read-only)") if self.model.project.read_only else ""
        self.setWindowTitle(f"{self.project_name()}{dirty}{read_only}{where} · {APP_NAME}")

    def _training_started(self) -> None:
        folder = self.training_tab.training_dir
        self.status_panel.set_run(folder.name if folder is not None else None, True)
        self._update_run_action()

    def _training_finished(self, run) -> None:
        folder = self.training_tab.training_dir
        run_id = run.id if run is not None else (folder.name if folder is not None else None)
        self.status_panel.set_run(run_id, False)
        self._update_run_action()
        if run is not None:
            self.statusBar().showMessage(self.tr("Run {id} finished: {status}.").format(
                id=run.id, status=status_text(run.summary()["status"])), 8000)

    # ----- shortcuts --------------------------------------------------------------
    def run_current(self) -> None:
        """Ctrl+Enter: predict on the Inference tab, else start training (showing the
        Training tab, and why it cannot start when it cannot)."""
        if self.tabs.currentWidget() is self.inference_tab:
            self.inference_tab.predict()
            return
        self.start_training()

    def start_training(self) -> None:
        self.tabs.setCurrentWidget(self.training_tab)
        if self.training_tab.running:
            return
        self.training_tab.start()
        if not self.training_tab.running and self.training_tab.blockers:
            self.statusBar().showMessage(self.training_tab.blockers[0], 8000)

    def stop_training(self) -> None:
        """Esc: stop the running training after its current batch."""
        if self.training_tab.running:
            self.training_tab.stop()

    def _update_run_action(self) -> None:
        self.stop_action.setEnabled(self.training_tab.running)

    def _data_notes(self, text: str) -> None:
        self.show_error(text, title=self.tr("Data file located"))

    def show_preferences(self) -> PreferencesDialog:
        """Open Preferences (language, theme) without blocking; returns the dialog."""
        if self.preferences is None:
            self.preferences = PreferencesDialog(self)
        self.preferences.show()
        self.preferences.raise_()
        return self.preferences

    def show_error(self, message: str, title: str = APP_NAME) -> None:
        """Show a plain message in a dialog that does not block the event loop."""
        self.last_error = message
        self.statusBar().showMessage(message.splitlines()[0] if message else "", 8000)
        if self._dialog is not None:
            self._dialog.close()
        self._dialog = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, self)
        self._dialog.open()
        self.errorShown.emit(message)

    def about_text(self) -> str:
        found = versions()
        build = self.tr(" with CUDA {cuda}").format(cuda=found["cuda"]) if found["cuda"] else self.tr(" (CPU build)")
        return self.tr("<h3>{app} {version}</h3><p>Build, train and use neural text models, Chinese first.</p>"
                       "<p>PyTorch {torch}{cuda}<br>Qt {qt} (PySide6 {pyside})<br>Python {python}</p>").format(
            app=APP_NAME, version=found["studio"], torch=found["torch"], cuda=build, qt=found["qt"],
            pyside=found["pyside"], python=found["python"])

    def show_about(self) -> QMessageBox:
        """The About box, without blocking; returns it."""
        box = QMessageBox(QMessageBox.Information, self.tr("About {app}").format(app=APP_NAME),
                          self.about_text(), QMessageBox.Ok, self)
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self._about_box = box
        return box

    def closeEvent(self, event) -> None:
        if self.training_tab.running or self.vectors_tab.running:
            answer = QMessageBox.question(self, APP_NAME, self.tr("Training or reading is running. Stop it and quit?"))
            if answer != QMessageBox.Yes:
                event.ignore()
                return
        if not self._confirm_discard():
            event.ignore()
            return
        self.qsettings.setValue(app_settings.GEOMETRY, self.saveGeometry())
        self.qsettings.setValue(app_settings.CURRENT_TAB, self.tabs.currentIndex())
        QApplication.instance().removeEventFilter(self._drop_router)
        if self.preferences is not None:
            self.preferences.close()
        self.pool.shutdown()
        self.autosaver.close()
        self.opener.close()
        self.model.project.close()  # another window may edit it now
        if self._dialog is not None:
            self._dialog.close()
        event.accept()
