"""The habits of a Qt app: settings kept across restarts, shortcuts, drops anywhere,
the status bar and the About box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtWidgets import QApplication

from studio.gui import app_settings, file_dialogs
from studio.gui.app import apply_preferences
from studio.gui.main_window import MainWindow
from tests.conftest import write_slice
from tests.gui.helpers import drag_and_drop, drop_file


@pytest.fixture
def restart(qtbot, tmp_path, monkeypatch):
    """Open windows one after another on the same settings file, as restarts would."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    path = str(tmp_path / "settings.ini")
    opened: list[MainWindow] = []

    def start() -> MainWindow:
        store = QSettings(path, QSettings.IniFormat)
        app_settings.use(store)
        apply_preferences(store)
        window = MainWindow(store)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield start
    for window in opened:
        window.close()
        window.deleteLater()
    apply_preferences(QSettings(str(tmp_path / "blank.ini"), QSettings.IniFormat))  # back to defaults


def test_settings_persist_across_restarts(restart, tmp_path, qtbot):
    data_folder = tmp_path / "corpora"
    data_folder.mkdir()
    first = restart()
    first.resize(first.width(), 520)  # the offscreen screen is 800x600: restoring clamps to it
    first.tabs.setCurrentIndex(2)
    first.files.remember(tmp_path / "a.studio")
    app_settings.remember_folder("data", data_folder / "train.tsv")
    app_settings.settings().setValue(app_settings.LANGUAGE, "zh_CN")
    app_settings.settings().setValue(app_settings.THEME, "dark")
    first.close()

    second = restart()
    assert second.height() == 520
    assert second.tabs.currentIndex() == 2
    assert second.recent_projects() == [str(tmp_path / "a.studio")]
    assert [a.text() for a in second.recent_menu.actions()] == [str(tmp_path / "a.studio")]
    assert app_settings.last_folder("data") == str(data_folder)
    assert second.tabs.tabText(0) == "1 · 数据集"  # the saved language is in force at start
    from studio.gui import theme

    assert theme.current_theme() == "dark" and theme.is_dark()


def test_file_dialogs_start_in_the_last_folder_of_their_kind(window, tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(file_dialogs.QFileDialog, "getOpenFileName",
                        lambda parent, title, start, filt: (seen.append(start) or (str(tmp_path / "x.tsv"), "")))
    (tmp_path / "x.tsv").write_text("a\tb\n", encoding="utf-8")
    assert file_dialogs.open_file(window, "t", "data") == str(tmp_path / "x.tsv")
    file_dialogs.open_file(window, "t", "data")
    assert seen == ["", str(tmp_path)]
    file_dialogs.open_file(window, "t", "vectors")
    assert seen[-1] == ""  # each kind remembers its own folder


def _press(qtbot, window, key, modifier=Qt.ControlModifier):
    window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def test_shortcuts_switch_tabs_open_save_and_run(window, qtbot, monkeypatch):
    qtbot.waitExposed(window)
    for number, page in enumerate(window.tab_pages(), start=1):
        _press(qtbot, window, getattr(Qt, f"Key_{number}"))
        assert window.tabs.currentWidget() is page
    calls = []
    monkeypatch.setattr(file_dialogs.QFileDialog, "getExistingDirectory",
                        lambda *a: calls.append("open") or "")
    _press(qtbot, window, Qt.Key_O)
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName",
                        lambda *a: calls.append("save") or ("", ""))
    _press(qtbot, window, Qt.Key_S)
    assert calls == ["open", "save"]  # Ctrl+S on a new project asks where to save it

    window.tabs.setCurrentWidget(window.dataset_tab)
    _press(qtbot, window, Qt.Key_Return)  # nothing to train yet: the reason is shown
    assert window.tabs.currentWidget() is window.training_tab
    assert "data file" in window.statusBar().currentMessage()

    predicted = []
    monkeypatch.setattr(window.inference_tab, "predict", lambda: predicted.append(True))
    window.tabs.setCurrentWidget(window.inference_tab)
    _press(qtbot, window, Qt.Key_Enter, Qt.ControlModifier | Qt.KeypadModifier)
    assert predicted and window.tabs.currentWidget() is window.inference_tab


def test_ctrl_enter_trains_and_escape_stops(window, qtbot, thucnews_dev, tmp_path):
    data = write_slice(thucnews_dev, tmp_path / "news.txt", 3000)
    window.open_data(data)
    qtbot.waitUntil(lambda: window.model.table is not None, timeout=30000)
    window.model.update("training", window.model.settings.training.model_copy(update={"epochs": 50}))
    _press(qtbot, window, Qt.Key_Return)
    assert window.training_tab.running
    assert "(" in window.status_panel.run_label.text()  # "Run: <id> (training)"
    # stopped once it trains (a stop while the data is read or tokenized keeps no run)
    qtbot.waitUntil(lambda: window.training.history.last_batch is not None, timeout=60000)
    with qtbot.waitSignal(window.training_tab.trainingFinished, timeout=120000):
        _press(qtbot, window, Qt.Key_Escape, Qt.NoModifier)
    assert not window.training_tab.running
    run = window.model.project.runs[-1]
    assert run.summary()["status"] == "stopped"
    assert run.id in window.status_panel.run_label.text()


def test_a_file_dropped_on_a_text_box_opens_it(window, qtbot, thucnews_dev, tmp_path):
    data = write_slice(thucnews_dev, tmp_path / "news.txt", 200)
    window.tabs.setCurrentWidget(window.inference_tab)
    box = window.inference_tab.input
    drop_file(box.viewport(), data)
    qtbot.waitUntil(lambda: window.model.table is not None, timeout=30000)
    assert window.model.table.num_rows == 200
    assert box.toPlainText() == ""  # the path was not pasted into the box


def test_text_dragged_onto_a_text_box_is_still_pasted(window):
    window.tabs.setCurrentWidget(window.inference_tab)
    box = window.inference_tab.input
    mime = QMimeData()
    mime.setText("拖进来的文字")  # a drag from an editor: no file, so the window lets the box take it
    assert drag_and_drop(box.viewport(), mime)
    assert box.toPlainText() == "拖进来的文字" and window.model.table is None


def test_status_bar_shows_device_and_memory(window):
    assert window.status_panel.device_label.text().startswith("Device: CPU")
    window.status_panel.show_memory()
    assert window.status_panel.memory_label.text().startswith("Memory: ")
    assert window.status_panel.memory_label.text().endswith("GB")


def test_about_names_the_versions(window, qtbot):
    import torch
    from PySide6.QtCore import qVersion

    from studio import __version__

    box = window.show_about()
    text = box.text()
    assert __version__ in text and torch.__version__ in text and qVersion() in text
    box.close()
    qtbot.waitUntil(lambda: not [w for w in QApplication.topLevelWidgets() if w is box and w.isVisible()])


def test_the_dark_theme_recolours_the_window_and_the_plots(window, qtbot):
    import pyqtgraph as pg
    from PySide6.QtGui import QPalette

    from studio.gui import theme
    from studio.gui.preferences import choose_theme

    window.show_preferences().theme.setCurrentIndex(window.preferences.theme.findData("dark"))
    assert theme.is_dark() and app_settings.text(app_settings.THEME, "") == "dark"
    plots = window.findChildren(pg.PlotWidget)
    assert plots and all(p.backgroundBrush().color().lightness() < 60 for p in plots)
    qtbot.waitUntil(lambda: window.palette().color(QPalette.Window).lightness() < 80, timeout=5000)
    choose_theme("light")
    assert not theme.is_dark()
    assert all(p.backgroundBrush().color().lightness() > 200 for p in window.findChildren(pg.PlotWidget))
    window.preferences.close()


def test_a_broken_settings_file_still_starts(make_window, tmp_path):
    store = QSettings(str(tmp_path / "settings0.ini"), QSettings.IniFormat)
    store.setValue(app_settings.CURRENT_TAB, "not a number")
    store.setValue(app_settings.GEOMETRY, "garbage")
    store.setValue(app_settings.LANGUAGE, "klingon")
    store.setValue(app_settings.RECENT_PROJECTS, 7)
    store.sync()
    apply_preferences(store)
    window = make_window()
    assert window.tabs.currentIndex() == 0 and window.width() > 0
    assert window.recent_projects() == []
    assert window.tabs.tabText(0) in ("1 · Dataset", "1 · 数据集")  # junk means the system language
