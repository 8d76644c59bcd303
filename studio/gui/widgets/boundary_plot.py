"""The playground's plane: the network's output over it as an image, the points on top
(training points filled, test points with a dark ring), and clicks that add points."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage

from studio.core.playground import DOMAIN, Points
from studio.gui.widgets.plots import ThemedPlot

CLASS_COLORS = ((245, 147, 34), (8, 119, 189))  # class 0 orange, class 1 blue (TensorFlow Playground's)
# the plane's tint: pale orange where P(class 1) is 0, near-white at 0.5, pale blue at 1
PLANE_COLORS = pg.ColorMap([0.0, 0.5, 1.0], [(248, 184, 120), (236, 238, 240), (124, 178, 220)])
# a neuron's output in the diagram: orange for -1, white for 0, blue for +1
NEURON_COLORS = pg.ColorMap([0.0, 0.5, 1.0], [(245, 147, 34), (246, 246, 246), (8, 119, 189)])
NEURON_TABLE = NEURON_COLORS.getLookupTable(0.0, 1.0, 256, alpha=True)  # (256, 4) RGBA bytes


def colour_images(values: np.ndarray, table: np.ndarray) -> list[QImage]:
    """(count, rows, columns) values in 0..1, row 0 the bottom of the plane, coloured by
    ``table`` ((256, 4) RGBA bytes, as ``ColorMap.getLookupTable``) -> ``count`` QImages
    with the top row first, as images are drawn. One lookup for the whole stack: a frame
    colours every neuron of the diagram at once."""
    index = np.rint(np.clip(values[:, ::-1], 0.0, 1.0) * 255.0).astype(np.uint8)
    rgba = np.ascontiguousarray(table[index])
    count, rows, columns = values.shape
    return [QImage(rgba[i].data, columns, rows, columns * 4, QImage.Format.Format_RGBA8888).copy()
            for i in range(count)]


class BoundaryPlot(ThemedPlot):
    """``pointClicked(x1, x2, other)``: a left click on the plane at (x1, x2);
    ``other``: Shift was held (add the other class)."""

    pointClicked = Signal(float, float, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAspectLocked(True)
        self.setRange(xRange=(-DOMAIN, DOMAIN), yRange=(-DOMAIN, DOMAIN), padding=0)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.setMinimumSize(180, 180)
        self.image = pg.ImageItem()
        self.image.setLookupTable(PLANE_COLORS.getLookupTable(0.0, 1.0, 256))
        self.image.setLevels((0.0, 1.0))
        self.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(255, 255, 255, 220, width=1))
        self.test_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(30, 30, 30, 230, width=1.6))
        self.addItem(self.train_points)
        self.addItem(self.test_points)
        self.scene().sigMouseClicked.connect(self._clicked)

    def show_points(self, train: Points, test: Points | None, show_test: bool = True) -> None:
        for item, points in ((self.train_points, train), (self.test_points, test if show_test else None)):
            if points is None or not len(points):
                item.clear()
                continue
            brushes = [pg.mkBrush(*CLASS_COLORS[label]) for label in points.label]
            item.setData(pos=points.xy, brush=brushes)

    def show_boundary(self, probabilities: np.ndarray) -> None:
        """(rows, columns) P(class 1), row 0 the bottom of the plane."""
        # ImageItem's first axis is x: transpose so columns (x1) run along it
        self.image.setImage(probabilities.T, autoLevels=False, levels=(0.0, 1.0))
        self.image.setRect(-DOMAIN, -DOMAIN, 2 * DOMAIN, 2 * DOMAIN)  # scales by the image's size: after it

    def clear_boundary(self) -> None:
        self.image.clear()

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        x1, x2 = point.x(), point.y()
        if abs(x1) <= DOMAIN and abs(x2) <= DOMAIN:
            self.pointClicked.emit(x1, x2, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
