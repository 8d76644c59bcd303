"""GUI fixtures: a real main window with isolated QSettings that must not leak."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QThread
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

import studio.gui.window_parts  # noqa: F401  (loaded, so a window builds its tabs at once)
from studio.gui.app import create_app
from studio.gui.main_window import MainWindow


@pytest.fixture(scope="session")
def qapp_cls():
    return type(create_app())


@pytest.fixture(autouse=True)
def _english_light(qapp):
    """Every GUI test starts in English and the system theme, whatever the machine's
    locale or an earlier test chose."""
    from studio.gui import i18n, theme

    i18n.apply_language("en")
    theme.apply_theme(theme.SYSTEM)
    yield
    i18n.apply_language("en")
    theme.apply_theme(theme.SYSTEM)


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    """Build main windows; after the test, close them and fail if a window, a dialog, a
    visible top-level widget or a worker thread outlives them.

    Hidden popup menus are not counted: pyqtgraph gives every plot parentless context
    menus that live until Python's garbage collector reaches them.
    """
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    before = set(QApplication.topLevelWidgets())
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / f"settings{len(windows)}.ini"), QSettings.IniFormat)
        window = MainWindow(settings)
        window.setAttribute(Qt.WA_DeleteOnClose)
        window.show()
        windows.append(window)
        return window

    yield make
    threads = []
    for window in windows:
        if not shiboken6.isValid(window):
            continue  # the test closed it itself (the window deletes itself on close)
        threads.extend(window.findChildren(QThread))
        window.close()
    windows.clear()

    def leftovers() -> list:
        gc.collect()
        return [w for w in set(QApplication.topLevelWidgets()) - before
                if w.isVisible() or isinstance(w, (QMainWindow, QDialog))]

    qtbot.waitUntil(lambda: not leftovers(), timeout=30000)
    for thread in threads:
        try:
            assert not thread.isRunning(), "a worker thread outlived its window"
        except RuntimeError:
            pass  # already deleted, as it should be


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
