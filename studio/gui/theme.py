"""Light and dark themes: Qt's Fusion style with a palette, and matching plot colours.

``"system"`` keeps the platform's style and palette (and follows its dark mode where
Qt does); ``"light"`` and ``"dark"`` use Fusion, which draws the same everywhere.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

_system_style: str | None = None
_system_palette: QPalette | None = None
_current = SYSTEM


def _dark_palette() -> QPalette:
    palette = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, color in ((QPalette.Window, window), (QPalette.WindowText, text),
                        (QPalette.Base, base), (QPalette.AlternateBase, window),
                        (QPalette.ToolTipBase, QColor(60, 60, 64)), (QPalette.ToolTipText, text),
                        (QPalette.PlaceholderText, QColor(150, 150, 150)), (QPalette.Text, text),
                        (QPalette.Button, window), (QPalette.ButtonText, text),
                        (QPalette.BrightText, QColor(255, 90, 90)), (QPalette.Link, QColor(90, 160, 255)),
                        (QPalette.Highlight, QColor(42, 130, 218)), (QPalette.HighlightedText, QColor(0, 0, 0))):
        palette.setColor(role, color)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, QColor(120, 120, 120))
    return palette


def is_dark() -> bool:
    """Whether the palette in force is dark (its window colour is darker than its text)."""
    palette = QGuiApplication.palette()
    return palette.color(QPalette.Window).lightness() < palette.color(QPalette.WindowText).lightness()


def current_theme() -> str:
    return _current


def apply_theme(choice: str | None) -> str:
    """Put ``choice`` (``system``, ``light`` or ``dark``; junk means system) in force,
    restyle the open plots, and return the theme in force."""
    global _system_style, _system_palette, _current
    app = QCoreApplication.instance()
    if not isinstance(app, QApplication):
        return _current
    if _system_style is None:
        _system_style, _system_palette = app.style().name(), QPalette(app.palette())
    choice = choice if choice in THEMES else SYSTEM
    if choice == SYSTEM:
        app.setStyle(_system_style)
        app.setPalette(_system_palette)
    else:
        app.setStyle("Fusion")
        app.setPalette(_dark_palette() if choice == DARK else app.style().standardPalette())
    _current = choice
    restyle_plots()
    return choice


def plot_colors() -> tuple[str, str]:
    """(background, foreground) for pyqtgraph plots in the theme in force."""
    return ("#1e1e20", "#dddddd") if is_dark() else ("w", "#333333")


def restyle_plots() -> None:
    """Give every plot the theme's background and axis colours (new plots get them from
    pyqtgraph's config options)."""
    pg = sys.modules.get("pyqtgraph")
    if pg is None:  # not loaded yet at start-up: the window restyles once it is
        return
    background, foreground = plot_colors()
    pg.setConfigOptions(background=background, foreground=foreground)
    app = QCoreApplication.instance()
    for widget in app.allWidgets() if isinstance(app, QApplication) else []:
        if isinstance(widget, pg.PlotWidget):
            widget.setBackground(background)
            for axis in widget.getPlotItem().axes.values():
                axis["item"].setPen(foreground)
                axis["item"].setTextPen(foreground)
