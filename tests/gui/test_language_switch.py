"""Switching the language changes every visible text, live; every setting has a tooltip."""

from __future__ import annotations

import re

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSlider,
    QTabWidget,
    QWidget,
)

from studio.gui import i18n
from studio.gui.preferences import choose_language
from tests.conftest import write_slice

# Two lowercase English words in a row: prose that escaped translation. Technical names
# (word2vec, skip-gram, embedding_dim, file names) never match.
ENGLISH_PROSE = re.compile(r"\b[a-z]{3,} [a-z]{3,}\b|\b(Untitled|threads|completed|stopped)\b")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _shown_texts(window) -> list[tuple[str, str]]:
    """(where, text) for the texts a user reads: labels, buttons, titles, tabs, menus,
    placeholders, tooltips and the words of the plots, in every tab (shown or not)."""
    texts = []
    for widget in window.findChildren(QWidget):
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel) and widget.parent() is not None:
            texts.append((name, widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        elif isinstance(widget, QTabWidget):
            texts += [(name, widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [(name + " item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append((name + " placeholder", widget.placeholderText()))
        texts.append((name + " tooltip", widget.toolTip()))
    for plot in window.findChildren(pg.PlotWidget):  # titles, axis names and words drawn in the plots
        item, name = plot.getPlotItem(), f"plot {type(plot.parentWidget()).__name__}"
        texts.append((name + " title", item.titleLabel.text))
        texts += [(name + " axis", axis["item"].labelText) for axis in item.axes.values()]
        texts += [(name + " text", i.textItem.toPlainText()) for i in item.items if isinstance(i, pg.TextItem)]
    for action in window.findChildren(type(window.run_action)):
        texts += [("action", action.text()), ("action tooltip", action.toolTip())]
    texts.append(("window title", window.windowTitle()))
    for menu in (window.file_menu, window.training_menu, window.view_menu, window.help_menu):
        texts.append(("menu", menu.title()))
    return [(where, text) for where, text in texts if text and not text.startswith("/")]


@pytest.fixture
def loaded_window(window, qtbot, thucnews_dev, tmp_path):
    window.open_data(write_slice(thucnews_dev, tmp_path / "news.txt", 400))
    qtbot.waitUntil(lambda: window.model.table is not None, timeout=30000)
    yield window
    choose_language("en")


def test_switching_the_language_changes_the_visible_texts(loaded_window, qtbot):
    window = loaded_window
    assert i18n.current_language() == "en"
    assert window.tabs.tabText(0) == "1 · Dataset"
    assert window.file_menu.title() == "&File"
    english = {text for _, text in _shown_texts(window)}

    window.show_preferences().language.setCurrentIndex(
        window.preferences.language.findData("zh_CN"))  # as a user picks it in Preferences
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "1 · 数据集", timeout=5000)
    assert window.file_menu.title() == "文件(&F)"
    assert window.preferences.windowTitle() == "首选项"
    assert window.status_panel.device_label.text().startswith("设备")
    chinese = _shown_texts(window)
    left = [(where, text) for where, text in chinese if ENGLISH_PROSE.search(text) and not CJK.search(text)]
    assert left == [], "English left after switching to Chinese"
    assert len({text for _, text in chinese} - english) > 150

    choose_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "1 · Dataset", timeout=5000)
    own_names = set(i18n.LANGUAGES.values())  # each language is offered in its own name
    assert [text for _, text in _shown_texts(window)
            if CJK.search(text) and text not in english and text not in own_names] == []
    window.preferences.close()


EDITABLE = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QCheckBox, QRadioButton, QSlider)


def test_every_setting_has_a_tooltip(loaded_window):
    missing = []
    for widget in loaded_window.findChildren(QWidget):
        if not isinstance(widget, EDITABLE) or isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue
        if isinstance(widget, (QLineEdit, QPlainTextEdit)) and widget.isReadOnly() and not widget.toolTip():
            holder = widget.parent()  # a read-only path field explained by its picker
            if holder is not None and holder.toolTip():
                continue
        if not widget.toolTip().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    assert missing == []


def test_the_library_still_loading_is_named_in_the_new_language(window, qtbot):
    qtbot.waitUntil(lambda: window.is_settled, timeout=60000)
    window._loading_later("Captum")  # as the loader reports a library still loading after the tabs
    assert window.statusBar().currentMessage() == "Loading Captum…"
    choose_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "正在加载 Captum…", timeout=5000)
    finally:
        choose_language("en")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Loading Captum…", timeout=5000)
    window._loading_later(None)
    assert window.statusBar().currentMessage() == ""
