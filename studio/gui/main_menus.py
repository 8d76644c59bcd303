"""The main window's menus, their actions and shortcuts, and their texts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

# the action keys of each menu in order; None is a separator, "recent" the Open recent submenu
LAYOUT = {
    "file": ["new", "open", "open_data", "recent", None, "save", "save_as", "embed", None, "export", "import",
             "export_model", "export_cluster", None, "preferences", None, "quit"],
    "training": ["run", "stop"],
    "help": ["sample", "about"],
}
SHORTCUTS = {
    "new": QKeySequence.New, "open": QKeySequence.Open, "open_data": "Ctrl+D", "save": QKeySequence.Save,
    "save_as": "Ctrl+Shift+S", "preferences": "Ctrl+,", "quit": QKeySequence.Quit, "stop": "Esc",
}


class MainMenus(QObject):
    """File, Training, View and Help. ``slots`` maps each action key of :data:`LAYOUT`
    to what it does; the View menu shows each of ``page_count`` tabs by its index
    (Ctrl+1 … Ctrl+7)."""

    def __init__(self, window: QMainWindow, slots: dict[str, Callable], page_count: int,
                 show_page: Callable[[int], None]):
        super().__init__(window)
        self.actions: dict[str, QAction] = {}
        self.menus = {}
        for name in ("file", "training", "view", "help"):
            self.menus[name] = window.menuBar().addMenu("")
            for key in LAYOUT.get(name, []):
                if key is None:
                    self.menus[name].addSeparator()
                elif key == "recent":
                    self.recent = self.menus[name].addMenu("")
                else:
                    self.actions[key] = self._action(window, self.menus[name], slots[key], SHORTCUTS.get(key))
        self.actions["embed"].setCheckable(True)
        self.actions["run"].setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.tab_actions = []
        for index in range(page_count):
            action = self._action(window, self.menus["view"], lambda _=False, i=index: show_page(i),
                                  f"Ctrl+{index + 1}")
            self.tab_actions.append(action)

    @staticmethod
    def _action(window: QMainWindow, menu, slot: Callable, shortcut=None) -> QAction:
        action = QAction(window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def fill_recent(self, paths: list[str], open_path: Callable[[str], None]) -> None:
        self.recent.clear()
        for path in paths:
            action = self.recent.addAction(path)
            action.triggered.connect(lambda _=False, p=path: open_path(p))
        self.recent.setEnabled(bool(paths))

    def retranslate(self, tab_titles: list[str]) -> None:
        for name, title in (("file", self.tr("&File")), ("training", self.tr("&Training")),
                            ("view", self.tr("&View")), ("help", self.tr("&Help"))):
            self.menus[name].setTitle(title)
        self.recent.setTitle(self.tr("Open &recent"))
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
            "import": (self.tr("&Import project from .zip…"),
                       self.tr("Unpack a project .zip into a folder and open it.")),
            "export_model": (self.tr("Export &model…"),
                             self.tr("Write a trained run as an ONNX bundle that runs without PyTorch or the "
                                     "studio (onnxruntime, numpy, jieba).")),
            "export_cluster": (self.tr("Export run for a &cluster…"),
                               self.tr("Write a run's settings and data with a torchrun launch script, to train "
                                       "it on a multi-GPU machine or a cluster and open the result here.")),
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
                number=index + 1, title=tab_titles[index].split("·")[-1].strip()))
