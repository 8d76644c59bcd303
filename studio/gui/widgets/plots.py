"""Small pyqtgraph charts: labelled bar charts and histograms."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

pg.setConfigOptions(antialias=True, background="w", foreground="k")

BAR_COLOR = (66, 133, 244)
HIGHLIGHT_COLOR = (219, 68, 55)


class BarChart(pg.PlotWidget):
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
        axis.setTicks([list(zip(positions.tolist(), names))])
        if self.horizontal:  # pyqtgraph widens an axis only after a repaint: size it for the names now
            longest = max((QFontMetrics(axis.style.get("tickFont") or self.font()).horizontalAdvance(n) for n in names), default=0)
            axis.setWidth(longest + 12)
        self.getPlotItem().enableAutoRange()


class Histogram(pg.PlotWidget):
    def __init__(self, title: str = "", x_label: str = "", parent=None):
        super().__init__(parent=parent)
        self.setTitle(title)
        self.setLabel("bottom", x_label)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()

    def set_values(self, values, bins: int = 40) -> None:
        self.clear()
        values = np.asarray(values, dtype=float)
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
