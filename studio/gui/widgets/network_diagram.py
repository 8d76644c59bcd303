"""The playground's network drawn as it learns: a column of input features, one column per
hidden layer and the output; every node shows its own output over the plane as a small
image, every edge its weight (blue positive, orange negative, thicker for larger |w|).
Buttons above each hidden layer add or remove one of its neurons."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from studio.core.playground import MAX_NEURONS, Frame
from studio.gui.i18n import Retranslating
from studio.gui.widgets.boundary_plot import CLASS_COLORS, NEURON_TABLE, colour_images

FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1_squared": "x₁²", "x2_squared": "x₂²", "x1_x2": "x₁x₂",
                  "sin_x1": "sin(x₁)", "sin_x2": "sin(x₂)"}
_EDGE_STEPS = 22  # |w| above 22/8 draws as the widest edge
_TOP, _LABELS, _RIGHT, _BOTTOM = 58, 58, 14, 10  # margins, px: headers and buttons, feature names


def _signed_images(values: np.ndarray) -> list[QImage]:
    """(count, rows, columns) values around 0 -> orange (negative) .. white .. blue
    (positive); each image scaled down only where it passes ±1 (ReLU outputs, squared
    features)."""
    scale = np.maximum(1.0, np.abs(values).max(axis=(1, 2), keepdims=True))
    return colour_images((values / scale + 1.0) / 2.0, NEURON_TABLE)


class NetworkDiagram(Retranslating, QWidget):
    neuronsChanged = Signal(int, int)  # hidden layer index, +1 or -1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.features: list[str] = []
        self.hidden: list[int] = []
        self.frame: Frame | None = None
        self._images: list[list[QImage]] = []
        self._buttons: list[tuple[QToolButton, QToolButton]] = []
        self._picture: QPixmap | None = None
        self._edge_lines: tuple[tuple, list[QLineF]] | None = None
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        for index, (more, fewer) in enumerate(self._buttons):
            more.setToolTip(self.tr("Add a neuron to hidden layer {number}").format(number=index + 1))
            fewer.setToolTip(self.tr("Remove a neuron from hidden layer {number}").format(number=index + 1))
        self.update()

    def set_structure(self, features: list[str], hidden: list[int]) -> None:
        """Show a new network (its images come with the next frame)."""
        self.features, self.hidden = list(features), list(hidden)
        self.frame, self._images = None, []
        while len(self._buttons) > len(hidden):
            for button in self._buttons.pop():
                button.deleteLater()
        while len(self._buttons) < len(hidden):
            index = len(self._buttons)
            pair = []
            for text, delta in (("+", 1), ("−", -1)):
                button = QToolButton(self)
                button.setText(text)
                button.setAutoRaise(True)
                button.clicked.connect(lambda _=False, i=index, d=delta: self.neuronsChanged.emit(i, d))
                button.show()
                pair.append(button)
            self._buttons.append(tuple(pair))
        for (more, fewer), size in zip(self._buttons, hidden, strict=True):
            more.setEnabled(size < MAX_NEURONS)
            fewer.setEnabled(size > 1)
        self.retranslate()
        self._place_buttons()

    def show_frame(self, frame: Frame) -> None:
        if [len(w) for w in frame.weights[:-1]] != self.hidden or len(frame.inputs) != len(self.features):
            return  # a frame of the network before the last change
        self.frame = frame
        columns = [frame.inputs, *frame.neurons]
        images = iter(_signed_images(np.concatenate(columns)))  # coloured at once, handed out column by column
        self._images = [list(itertools.islice(images, len(column))) for column in columns]
        self._images.append(colour_images(frame.boundary[np.newaxis], NEURON_TABLE))
        self.update()

    # ----- geometry --------------------------------------------------------------
    def _columns(self) -> list[int]:
        return [len(self.features), *self.hidden, 1]

    def _node_size(self) -> float:
        tallest = max(self._columns())
        height = self.height() - _TOP - _BOTTOM
        width = (self.width() - _LABELS - _RIGHT) / max(1, len(self._columns()))
        return max(12.0, min(40.0, height / (tallest * 1.3), width * 0.45))

    def _column_x(self, column: int) -> float:
        count, size = len(self._columns()), self._node_size()
        left, right = _LABELS + size / 2, self.width() - _RIGHT - size / 2
        return left if count == 1 else left + (right - left) * column / (count - 1)

    def _node_rect(self, column: int, row: int) -> QRectF:
        size, count = self._node_size(), self._columns()[column]
        gap = size * 1.3
        middle = _TOP + (self.height() - _TOP - _BOTTOM) / 2
        y = middle + (row - (count - 1) / 2) * gap
        return QRectF(self._column_x(column) - size / 2, y - size / 2, size, size)

    def _place_buttons(self) -> None:
        for index, (more, fewer) in enumerate(self._buttons):
            x = int(self._column_x(index + 1))
            more.setGeometry(x - 24, 22, 22, 20)
            fewer.setGeometry(x + 2, 22, 22, 20)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place_buttons()

    def _lines(self, rects: list[list[QRectF]]) -> list[QLineF]:
        """Every edge, layer by layer, target by target, source by source; kept while the
        diagram keeps its size and structure (a frame only changes their colours)."""
        key = (self.size(), tuple(len(column) for column in rects))
        if self._edge_lines is None or self._edge_lines[0] != key:
            lines = [QLineF(start.right(), start.center().y(), end.left(), end.center().y())
                     for sources, targets in itertools.pairwise(rects) for end in targets for start in sources]
            self._edge_lines = (key, lines)
        return self._edge_lines[1]

    # ----- painting --------------------------------------------------------------
    def update(self) -> None:  # the picture changed: draw it again once, blit it on every paint
        self._picture = None
        super().update()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.features:
            return
        ratio = self.devicePixelRatioF()
        if self._picture is None or self._picture.size() != self.size() * ratio:
            self._picture = QPixmap(self.size() * ratio)
            self._picture.setDevicePixelRatio(ratio)
            self._picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._picture)
            self._paint(painter)
            painter.end()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        rects = [[self._node_rect(column, row) for row in range(count)] for column, count in enumerate(self._columns())]
        self._paint_edges(painter, rects)
        painter.setPen(QPen(text, 1))
        for column, column_rects in enumerate(rects):
            images = self._images[column] if column < len(self._images) else []
            for row, rect in enumerate(column_rects):
                if row < len(images):
                    painter.drawImage(rect, images[row])
                else:
                    painter.fillRect(rect, QColor(236, 238, 240))
                painter.drawRect(rect)
        painter.setPen(text)
        for name, rect in zip(self.features, rects[0], strict=True):
            painter.drawText(QRectF(0, rect.top(), _LABELS - 6, rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, FEATURE_LABELS[name])
        headers = [self.tr("Features")]
        headers += [self.tr("{count} neurons").format(count=size) for size in self.hidden]
        headers.append(self.tr("Output"))
        spacing = self._column_x(1) - self._column_x(0) if len(headers) > 1 else 120.0
        metrics = painter.fontMetrics()
        for column, header in enumerate(headers):
            if 0 < column < len(headers) - 1 and metrics.horizontalAdvance(header) > spacing - 6:
                header = str(self.hidden[column - 1])  # too narrow for "8 neurons": the count alone
            x = self._column_x(column)
            painter.drawText(QRectF(x - spacing / 2, 2, spacing, 18), Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(header, Qt.TextElideMode.ElideRight, int(spacing)))

    def _paint_edges(self, painter: QPainter, rects: list[list[QRectF]]) -> None:
        """Edges grouped by sign and |w| in steps of 1/8: one pen and one drawLines per group."""
        lines = self._lines(rects)
        if self.frame is None:
            painter.setPen(QPen(QColor(180, 180, 180, 120), 0.5))
            painter.drawLines(lines)
            return
        # each layer's weights are (targets, sources): raveled, they run in the order of ``lines``
        weights = np.concatenate([layer.ravel() for layer in self.frame.weights])
        steps = np.minimum(_EDGE_STEPS, np.rint(np.abs(weights) * 8)).astype(int)
        groups = steps * 2 + (weights > 0)
        for group in np.unique(groups):  # ascending |w|: heavy edges on top
            size, color = (group // 2) / 8, QColor(*CLASS_COLORS[group % 2])
            color.setAlpha(int(90 + 165 * min(1.0, size)))
            painter.setPen(QPen(color, min(6.0, 0.5 + 2.0 * size)))
            painter.drawLines([lines[i] for i in np.flatnonzero(groups == group)])
