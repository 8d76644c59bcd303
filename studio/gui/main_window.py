"""The main window: composes the tabs, the menus, the status bar and file drops.

State lives in the models beside it (:class:`ProjectModel`, :class:`TrainingSession`);
file operations in :class:`ProjectFiles` and :class:`DataLoader`; the autosave in
:class:`Autosaver`. The window wires them together and shows what they report.

The window paints before PyTorch has loaded (:mod:`studio.gui.startup`): its frame, menus
and tab titles need only Qt, and the tabs are built once :mod:`studio.gui.window_parts`
has been imported on a worker. What the user asks for meanwhile (open a project, drop a
file, start training) waits for that and then runs, in order; :attr:`is_ready` and
``ready`` tell when; :attr:`is_settled` and ``settled``, when the libraries loaded after
the tabs are in too. This module imports nothing slow.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from studio.gui import app_settings, startup, theme
from studio.gui.app_settings import APP_NAME
from studio.gui.drops import DropRouter
from studio.gui.i18n import Retranslating
from studio.gui.main_menus import LAYOUT, MainMenus
from studio.gui.preferences import PreferencesDialog
from studio.gui.widgets.status_panel import StatusPanel
from studio.gui.widgets.task_progress import TaskProgress
from studio.gui.wording import error_text
from studio.gui.workers import WorkerPool

__all__ = ["APP_NAME", "MainWindow"]

TAB_COUNT = 7
LOAD_UNPAINTED_MS = 300  # start loading this soon even if the window has not been painted
IMMEDIATE = {"preferences", "quit"}  # menu actions that do not wait for the tabs


class MainWindow(Retranslating, QMainWindow):
    dataLoaded = Signal()
    projectOpened = Signal()
    errorShown = Signal(str)
    ready = Signal()  # the tabs are built: everything works (see the module docstring)
    settled = Signal()  # and the libraries loaded after the tabs (startup.LATER) are in too

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.qsettings = settings or QSettings()
        app_settings.use(self.qsettings)
        self.pool = WorkerPool(self)
        self.is_ready = self.is_settled = False
        self.last_error = ""
        self._dialog: QMessageBox | None = None
        self.preferences: PreferencesDialog | None = None
        self.export_dialog = None
        self._waiting: list[Callable[[], None]] = []
        self._loading_name = ""
        self._later_text = ""
        self._later_name: object = None  # the library loading after the tabs, None once all have
        self._closed = False  # closed before the tabs were built: building stops

        self.tabs = QTabWidget()
        for _ in range(TAB_COUNT):
            page = QLabel()
            page.setAlignment(Qt.AlignCenter)
            font = page.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            page.setFont(font)
            self.tabs.addTab(page, "")
        self.setCentralWidget(self.tabs)
        self.status_panel = StatusPanel()
        self.load_progress = TaskProgress()
        self.statusBar().addPermanentWidget(self.load_progress)
        self.statusBar().addPermanentWidget(self.status_panel)
        slots = {key: (lambda _=False, k=key: self._act(k))
                 for keys in LAYOUT.values() for key in keys if key not in (None, "recent")}
        self.menus = MainMenus(self, slots, TAB_COUNT, self.tabs.setCurrentIndex)
        self.file_menu, self.training_menu = self.menus.menus["file"], self.menus.menus["training"]
        self.view_menu, self.help_menu = self.menus.menus["view"], self.menus.menus["help"]
        self.recent_menu, self.run_action = self.menus.recent, self.menus.actions["run"]
        self.menus.actions["stop"].setEnabled(False)
        self.menus.fill_recent(app_settings.recent_projects(self.qsettings), self.open_path)
        self.setAcceptDrops(True)  # the platform offers this window drags; the router takes them
        self._drop_router = DropRouter(self, self.open_path)
        geometry = self.qsettings.value(app_settings.GEOMETRY)
        if not isinstance(geometry, (bytes, QByteArray)) or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        try:
            self.tabs.setCurrentIndex(int(self.qsettings.value(app_settings.CURRENT_TAB, 0) or 0))
        except (TypeError, ValueError):  # a hand-edited settings file: start on the first tab
            pass
        self.retranslate()
        self._load_started = startup.loaded()
        if self._load_started:
            self._build_studio()
        else:  # after the first paint (the import would slow it down), or soon if never shown
            self._first_paint = _FirstPaint(self, self._start_loading)
            QTimer.singleShot(LOAD_UNPAINTED_MS, self._start_loading)

    # ----- start-up ---------------------------------------------------------------
    def when_ready(self, action: Callable[[], None]) -> None:
        """Run ``action`` now when the tabs are built, else as soon as they are (in the
        order asked), saying so on the tab shown meanwhile."""
        if self.is_ready:
            action()
            return
        self._waiting.append(action)
        self._show_loading()

    def _start_loading(self) -> None:
        if self._load_started:
            return
        self._load_started = True
        task = self.pool.submit(startup.load_modules, reports=True, on_event=self._loading,
                                on_done=lambda _: self._build_studio(stepwise=True),
                                on_failed=self._loading_failed)
        self.load_progress.track(task, "")
        self.load_progress.cancel_button.hide()  # an import cannot be stopped halfway
        self.load_progress.bar.setRange(0, 0)  # busy: an import's progress cannot be told
        self._show_loading()

    def _act(self, key: str) -> None:
        if key in IMMEDIATE:
            {"preferences": self.show_preferences, "quit": self.close}[key]()
        else:
            self.when_ready(lambda: self._slots()[key]())

    def _loading(self, name: object) -> None:
        self._loading_name = str(name)
        self._show_loading()

    def _show_loading(self) -> None:
        text = self.tr("Loading {name}…").format(name=self.tr(self._loading_name or "PyTorch"))
        self.load_progress.label.setText(text)
        if self._waiting:
            text += "\n" + self.tr("What you asked for runs when it has loaded.")
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if isinstance(page, QLabel):
                page.setText(text)

    def _loading_failed(self, message: str) -> None:
        self._waiting.clear()
        self.show_error(self.tr("The studio could not load its libraries: {error}\n"
                                "Reinstall it (see the README) and start it again.").format(error=message))

    def _build_studio(self, stepwise: bool = False) -> None:
        """Build the tabs and everything behind them, then run what waited for them;
        ``stepwise``: one tab per turn of the event loop, so that the window keeps
        answering input while it builds them (after loading)."""
        steps = self._build_steps()
        if not stepwise:
            for _ in steps:
                pass
            return

        def step() -> None:
            if not self._closed and next(steps, None) is not None:
                QTimer.singleShot(0, step)

        step()

    def _build_steps(self):
        """The building of :meth:`_build_studio`, a generator that yields between tabs."""
        from studio.gui import window_parts as parts

        theme.restyle_plots()
        self.model = parts.ProjectModel(self)
        self.training = parts.TrainingSession(self.model, self.pool, self)
        tabs = []
        for name, make in (("dataset_tab", lambda: parts.DatasetTab(self.model, self.pool)),
                           ("vectors_tab", lambda: parts.VectorsTab(self.model, self.pool)),
                           ("model_tab", lambda: parts.ModelTab(self.model, self.pool)),
                           ("training_tab", lambda: parts.TrainingTab(self.model, self.training, self.pool)),
                           ("inference_tab", lambda: parts.InferenceTab(self.model, self.pool)),
                           ("retrieval_tab", lambda: parts.RetrievalTab(self.model, self.pool)),
                           ("playground_tab", lambda: parts.PlaygroundTab(self.pool))):
            tabs.append(make())
            yield name
        (self.dataset_tab, self.vectors_tab, self.model_tab, self.training_tab, self.inference_tab,
         self.retrieval_tab, self.playground_tab) = tabs
        current = self.tabs.currentIndex()
        placeholders = [self.tabs.widget(index) for index in range(self.tabs.count())]
        self.tabs.clear()
        for page in placeholders:
            page.deleteLater()
        for tab in self.tab_pages():
            self.tabs.addTab(tab, "")
        self.tabs.setCurrentIndex(current)

        self.loader = parts.DataLoader(self.model, self.pool, self.load_progress, self)
        self.files = parts.ProjectFiles(self, self.model, self.training, self.pool, self.loader, self.qsettings)
        self.opener, self.data_prompt = self.files.opener, self.files.data_prompt
        self.autosaver = parts.Autosaver(self.model, self.pool, self.training, self.files.may_replace, parent=self)
        self.load_progress.cancel_button.show()
        self.load_progress.bar.setRange(0, 1000)
        self._connect()
        self.is_ready = True
        self._fill_recent()
        self.retranslate()
        self.statusBar().clearMessage()
        if self.autosaver.error:
            self.statusBar().showMessage(self.autosaver.error, 15000)
        QTimer.singleShot(0, lambda: self.autosaver.offer_recovery(self))
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()
        self.ready.emit()
        if startup.later_loaded():
            self._settle()
        else:
            self.pool.submit(startup.load_modules, steps=startup.LATER, reports=True, on_event=self._loading_later,
                             on_done=self._settle)

    def _settle(self, _result: object = None) -> None:
        self._loading_later(None)
        self.is_settled = True
        self.settled.emit()

    def _loading_later(self, name: object) -> None:
        """Say which library is loading after the tabs; ``None``: all have (clear the message
        unless another has replaced it)."""
        bar = self.statusBar()
        self._later_name = name
        if name is None:
            if bar.currentMessage() == self._later_text:
                bar.clearMessage()
            return
        self._later_text = self.tr("Loading {name}…").format(name=self.tr(str(name)))
        bar.showMessage(self._later_text)

    def _slots(self) -> dict:
        files = self.files
        return {"new": files.new_project, "open": files.open_project_dialog, "open_data": files.open_data_dialog,
                "save": files.save, "save_as": files.save_as, "embed": self.model.set_embed_data,
                "export": files.export_zip_dialog, "import": files.import_zip_dialog,
                "export_model": self.show_export_model,
                "export_cluster": lambda: self.show_export_model("cluster"),
                "preferences": self.show_preferences, "quit": self.close, "run": self.run_current,
                "stop": self.training.stop, "sample": files.open_sample, "about": self.show_about}

    def _connect(self) -> None:
        model, training = self.model, self.training
        self.dataset_tab.openDataRequested.connect(self.files.open_data_dialog)
        self.training_tab.exampleChosen.connect(self._look_at_example)
        for signal in (self.training_tab.errorOccurred, self.inference_tab.errorOccurred,
                       self.vectors_tab.errorOccurred, self.retrieval_tab.errorOccurred,
                       self.playground_tab.errorOccurred, self.loader.failed,
                       self.data_prompt.failed, self.autosaver.recoveryFailed, self.training.failed):
            signal.connect(self.show_error)
        self.files.error.connect(lambda message, title: self.show_error(message, title or APP_NAME))
        self.files.status.connect(self.statusBar().showMessage)
        self.files.opened.connect(self.projectOpened)
        self.files.recentChanged.connect(self._fill_recent)
        self.data_prompt.notesReady.connect(lambda text: self.show_error(text, title=self.tr("Data file located")))
        self.loader.loaded.connect(self._data_loaded)
        self.loader.cancelled.connect(lambda name: self.statusBar().showMessage(
            self.tr("Stopped reading {name}; the open project is unchanged.").format(name=name), 5000))
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self.autosaver.recovered.connect(self._recovered)
        training.started.connect(self._training_started)
        training.finished.connect(self._training_finished)
        self.model_tab.validityChanged.connect(training.set_model_valid)
        training.set_model_valid(self.model_tab.valid)
        model.dirtyChanged.connect(lambda _: self._update_title())
        model.locationChanged.connect(self._update_title)
        model.projectReplaced.connect(self._update_title)
        model.projectReplaced.connect(lambda: self.menus.actions["embed"].setChecked(model.project.embed_data))
        model.embedDataChanged.connect(self.menus.actions["embed"].setChecked)
        model.settingsChanged.connect(lambda group: group == "training" and self._show_device())

    def tab_pages(self) -> list[QWidget]:
        """The tabs in order; Ctrl+1 … Ctrl+7 show them."""
        return [self.dataset_tab, self.vectors_tab, self.model_tab, self.training_tab, self.inference_tab,
                self.retrieval_tab, self.playground_tab]

    def retranslate(self) -> None:
        titles = [self.tr("1 · Dataset"), self.tr("2 · Word vectors"), self.tr("3 · Model"),
                  self.tr("4 · Training"), self.tr("5 · Inference"), self.tr("6 · Retrieval"),
                  self.tr("7 · Playground")]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.menus.retranslate(titles)
        if not self.is_ready:
            self.setWindowTitle(APP_NAME)
            self._show_loading()
            return
        self._show_device()
        self._update_title()
        if self._later_name is not None and self.statusBar().currentMessage() == self._later_text:
            self._loading_later(self._later_name)

    # ----- what the file operations offer (the tests and the smoke test drive these) ----
    def open_path(self, path: str | Path) -> None:
        self.when_ready(lambda: self.files.open_path(path))

    def open_data(self, path: str | Path) -> None:
        self.when_ready(lambda: self.loader.load(path))

    def open_project(self, path: str | Path) -> None:
        self.when_ready(lambda: self.files.open_project(path))

    def open_sample(self) -> None:
        self.when_ready(lambda: self.files.open_sample())

    def new_project(self) -> None:
        self.when_ready(lambda: self.files.new_project())

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def export_zip(self, zip_path: str | Path) -> None:
        self.files.export_zip(zip_path)

    def import_zip(self, zip_path: str | Path, target: str | Path) -> None:
        self.files.import_zip(zip_path, target)

    def recent_projects(self) -> list[str]:
        return self.files.recent_projects()

    def _fill_recent(self) -> None:
        self.menus.fill_recent(self.files.recent_projects(), self.open_path)

    def _look_at_example(self, run_id: str, text: str, pair) -> None:
        """An example double-clicked in the evaluation: its prediction and explanation."""
        self.inference_tab.select_run(run_id)
        self.tabs.setCurrentWidget(self.inference_tab)
        self.inference_tab.look_at(text, pair)

    # ----- drops ------------------------------------------------------------------
    # ----- what the models report -------------------------------------------------
    def _data_loaded(self, data) -> None:
        self.tabs.setCurrentWidget(self.dataset_tab)
        self.statusBar().showMessage(self.tr("Read {rows} rows from {name}.").format(
            rows=f"{data.table.num_rows:,}", name=Path(data.path).name), 5000)
        self.dataLoaded.emit()

    def _recovered(self, project) -> None:
        where = project.path or self.tr("a new project (not saved yet)")
        self.statusBar().showMessage(self.tr("Recovered {name} into {where}. Save it to keep it.").format(
            name=project.name, where=where), 10000)
        self.tabs.setCurrentWidget(self.training_tab if project.interrupted else self.dataset_tab)
        self.projectOpened.emit()

    def _show_device(self) -> None:
        from studio.gui.window_parts import choose_device, device_info

        try:
            self.status_panel.set_device(device_info(choose_device(self.model.settings.training.device)))
        except Exception as exc:  # an unavailable device is shown, not raised
            self.status_panel.set_device(None, error_text(exc))

    def _update_title(self) -> None:
        project = self.model.project
        where = f" — {project.path}" if project.path else ""
        dirty = " *" if self.model.dirty else ""
        read_only = self.tr(" (read-only)") if project.read_only else ""
        self.setWindowTitle(f"{self.model.display_name()}{dirty}{read_only}{where} · {APP_NAME}")

    def _training_started(self) -> None:
        self.status_panel.set_run(self.training.run_dir.name, True)
        self.menus.actions["stop"].setEnabled(True)

    def _training_finished(self, run) -> None:
        self.status_panel.set_run(run.id if run is not None else None, False)
        self.menus.actions["stop"].setEnabled(False)
        if run is not None:
            self.statusBar().showMessage(self.tr("Run {id} finished: {status}.").format(
                id=run.id, status=window_parts().status_text(run.summary()["status"])), 8000)

    # ----- actions ----------------------------------------------------------------
    def run_current(self) -> None:
        """Ctrl+Enter: predict on the Inference tab, else start training (showing the
        Training tab, and why it cannot start when it cannot)."""
        if self.tabs.currentWidget() is self.inference_tab:
            self.inference_tab.predict()
            return
        self.tabs.setCurrentWidget(self.training_tab)
        blockers = [] if self.training.running or self.training_tab.start() else self.training.blockers()
        if blockers:
            self.statusBar().showMessage(blockers[0], 8000)

    def show_preferences(self) -> PreferencesDialog:
        """Open Preferences (language, theme) without blocking; returns the dialog."""
        if self.preferences is None:
            self.preferences = PreferencesDialog(self)
        self.preferences.show()
        self.preferences.raise_()
        return self.preferences

    def show_export_model(self, kind: str = "onnx"):
        """File > Export model… (``kind`` "onnx") and Export run for a cluster… ("cluster"):
        the export dialog without blocking (the Inference tab's run chosen), or a message
        when the project has no run yet; returns the dialog."""
        project = self.model.project
        if not project.runs:
            self.show_error(self.tr("Train a model first: Export model writes one of the project's runs."))
            return None
        self.export_dialog = window_parts().ExportModelDialog(project.runs, project.path, self.pool, self,
                                               chosen=getattr(self.inference_tab.current_run(), "id", None),
                                               kind=kind)
        self.export_dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.export_dialog.exported.connect(lambda result: self.statusBar().showMessage(
            self.tr("Exported to {folder}.").format(folder=result.folder), 8000))
        self.export_dialog.open()
        return self.export_dialog

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
        found = window_parts().versions()
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
        if self.is_ready:  # while loading nothing is open yet: nothing to ask
            if self.training.running or self.vectors_tab.running or self.retrieval_tab.running:
                answer = QMessageBox.question(self, APP_NAME,
                                              self.tr("Training or reading is running. Stop it and quit?"))
                if answer != QMessageBox.Yes:
                    event.ignore()
                    return
            if not self.files.confirm_discard():
                event.ignore()
                return
        self._closed = True  # tabs still being built stop building
        self._waiting.clear()
        self.qsettings.setValue(app_settings.GEOMETRY, self.saveGeometry())
        self.qsettings.setValue(app_settings.CURRENT_TAB, self.tabs.currentIndex())
        self._drop_router.remove()
        if self.preferences is not None:
            self.preferences.close()
        if not self.is_ready:
            self.hide()  # an import under way cannot be cut short: the pool waits for it, hidden
        self.pool.shutdown()
        if self.is_ready:
            self.autosaver.close()
            self.opener.close()
            self.model.close()  # another window may edit it now
        if self._dialog is not None:
            self._dialog.close()
        event.accept()


class _FirstPaint(QObject):
    """Calls ``then`` once, on the next turn of the event loop after ``widget``'s first
    paint, and stops watching (a filter in Python on every event would cost for good)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def window_parts():
    """:mod:`studio.gui.window_parts`, imported by the time the tabs exist."""
    from studio.gui import window_parts as parts

    return parts
