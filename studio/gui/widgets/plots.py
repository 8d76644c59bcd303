"""Small pyqtgraph charts (labelled bar charts and histograms) and :class:`ThemedPlot`,
the plot widget in the theme's colours that every plot of the studio builds on."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics

from studio.gui.theme import plot_colors, restyle_plots

pg.setConfigOptions(antialias=True)
restyle_plots()  # the theme may have been chosen before pyqtgraph loaded (start-up loads it later)

# mid-tone colours: they read on the light theme's white and on the dark theme's near-black
BAR_COLOR = (66, 133, 244)
HIGHLIGHT_COLOR = (234, 67, 53)
HEAT_COLORS = pg.ColorMap([0.0, 1.0], [(247, 251, 255), (8, 48, 107)])  # heatmaps: white -> dark blue


def round_up(value: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 5, 7.5 × 10ⁿ at or above ``value`` (> 0): a live plot's
    range set to it changes a few times a run, and each change redraws the axes."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 1.5, 2, 3, 5, 7.5, 10) if step * power >= value)


def show_from_zero(plot: pg.PlotWidget, shown: tuple[float, float] | None, x_end: float,
                   highest: float) -> tuple[float, float]:
    """Show x from 0 to ``x_end`` and y from 0 to a round number above ``highest`` (1 when
    nothing is above 0) on ``plot``, unless that is ``shown`` already; the range now shown.
    Live plots call this at every redraw instead of auto-ranging, so their axes are redrawn
    only when the round numbers move."""
    wanted = (float(x_end), round_up(highest * 1.05) if highest > 0 else 1.0)
    if wanted != shown:
        plot.setRange(xRange=(0, wanted[0]), yRange=(0, wanted[1]), padding=0)
    return wanted


def style_plot(plot: pg.PlotWidget) -> None:
    """Give ``plot`` the theme's colours: background, axes, axis labels, title and legend."""
    background, foreground = plot_colors()
    plot.setBackground(background)
    item = plot.getPlotItem()
    for axis in item.axes.values():
        axis["item"].setPen(foreground)
        axis["item"].setTextPen(foreground)
    title = item.titleLabel
    title.setText(title.text, color=foreground)  # kept for later setTitle() calls
    if item.legend is not None:
        item.legend.setLabelTextColor(foreground)  # for labels added later
        for _sample, label in item.legend.items:  # existing labels keep their colour otherwise
            label.setText(label.text, color=foreground)


class ThemedPlot(pg.PlotWidget):
    """A ``PlotWidget`` with the theme's colours from its creation on; it restyles itself
    when the application's palette changes (a theme switch)."""

    _styling = True  # until __init__ is done: pyqtgraph's set-up sends palette changes

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._styling = False
        self.restyle()

    def restyle(self) -> None:
        if not self._styling:
            self._styling = True
            try:
                style_plot(self)
            finally:
                self._styling = False

    def addLegend(self, *args, **kwargs):  # noqa: N802 - pyqtgraph API
        legend = self.getPlotItem().addLegend(*args, **kwargs)
        legend.setLabelTextColor(plot_colors()[1])
        return legend

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()


class BarChart(ThemedPlot):
    """Vertical bars with category names on the x axis (``horizontal=True`` puts
    categories on the y axis, top to bottom)."""

    def __init__(self, title: str = "", horizontal: bool = False, parent=None):
        super().__init__(parent=parent)
        self.horizontal = horizontal
        self.setTitle(title)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.bars: pg.BarGraphItem | None = None

    def set_data(self, names: list[str], values, highlight: int | None = None) -> None:
        self.clear()
        values = np.asarray(values, dtype=float)
        positions = np.arange(len(names))
        brushes = [HIGHLIGHT_COLOR if i == highlight else BAR_COLOR for i in range(len(names))]
        if self.horizontal:
            positions = positions[::-1]
            self.bars = pg.BarGraphItem(x0=0, y=positions, height=0.7, width=values, brushes=brushes)
            axis = self.getAxis("left")
        else:
            self.bars = pg.BarGraphItem(x=positions, height=values, width=0.7, brushes=brushes)
            axis = self.getAxis("bottom")
        self.addItem(self.bars)
        axis.setTicks([list(zip(positions.tolist(), names, strict=True))])
        if self.horizontal:  # pyqtgraph widens an axis only after a repaint: size it for the names now
            metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
            longest = max((metrics.horizontalAdvance(n) for n in names), default=0)
            axis.setWidth(longest + 12)
        self.getPlotItem().enableAutoRange()


class Histogram(ThemedPlot):
    def __init__(self, title: str = "", x_label: str = "", parent=None):
        super().__init__(parent=parent)
        self.setTitle(title)
        self.setLabel("bottom", x_label)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()

    def set_values(self, values, bins: int = 40, upper: float | None = None) -> None:
        """Bin ``values``; with ``upper``, values above it are left out (the caller says so)."""
        self.clear()
        values = np.asarray(values, dtype=float)
        if upper is not None:
            values = values[values <= upper]
        if values.size == 0:
            return
        low, high = values.min(), values.max()
        if high - low < 2 * bins and np.all(values == np.round(values)):
            edges = np.arange(low, high + 2) - 0.5  # one bar per integer: no empty gaps
        else:
            edges = bins
        counts, edges = np.histogram(values, bins=edges)
        self.addItem(pg.PlotDataItem(edges, counts, stepMode="center", fillLevel=0,
                                     brush=(*BAR_COLOR, 120), pen=pg.mkPen(BAR_COLOR)))
