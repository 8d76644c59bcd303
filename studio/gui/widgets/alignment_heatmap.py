"""A soft-alignment model's attention (ESIM: what attends to what) as a heatmap.

Rows are the first text's tokens, columns the second text's; a cell's colour is the
weight with which the row's token attends to the column's token (a softmax over each
row, so each row sums to 1), on a fixed 0..1 scale with a colour legend, and its tooltip
gives the value.

A coloured :class:`QTableView` rather than a pyqtgraph image: its headers draw every
token (CJK included, in the application font) without dropping labels that would
overlap, stay readable from 1 to ~40 tokens a side (cells keep their size and the view
scrolls), and each cell's tooltip comes from the model's ``ToolTipRole``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from studio.core.inference.predictor import Alignment
from studio.gui.i18n import Retranslating
from studio.gui.widgets.plots import HEAT_COLORS

_TOP = QModelIndex()  # the parent of every cell
LEGEND_TICKS = (0.0, 0.5, 1.0)


def weight_colors(weights: np.ndarray) -> np.ndarray:
    """``(La, Lb)`` weights in 0..1 -> ``(La, Lb, 4)`` RGBA bytes of :data:`HEAT_COLORS`."""
    clipped = np.clip(np.asarray(weights, dtype=float), 0.0, 1.0)
    return HEAT_COLORS.map(clipped.ravel(), mode="byte").reshape(*clipped.shape, -1)


class AlignmentModel(QAbstractTableModel):
    """One row per token of the first text, one column per token of the second; the cell's
    background is its weight's colour, ``Qt.UserRole`` the weight, the tooltip says which
    token attends to which and how much. Headers are the tokens."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.alignment: Alignment | None = None
        self._colors = np.zeros((0, 0, 4), dtype=np.uint8)
        self.cell_size = 24

    def set_alignment(self, alignment: Alignment | None) -> None:
        self.beginResetModel()
        self.alignment = alignment
        self._colors = weight_colors(alignment.weights) if alignment is not None else np.zeros((0, 0, 4), np.uint8)
        self.endResetModel()

    def rowCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self.alignment is None else len(self.alignment.tokens_a)

    def columnCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self.alignment is None else len(self.alignment.tokens_b)

    def cell_tooltip(self, row: int, column: int) -> str:
        a = self.alignment
        return self.tr("First text, token {i} “{a}” → second text, token {j} “{b}”: weight {weight}").format(
            i=row + 1, a=a.tokens_a[row], j=column + 1, b=a.tokens_b[column],
            weight=f"{float(a.weights[row, column]):.3f}")

    def data(self, index, role=Qt.DisplayRole):
        if self.alignment is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.BackgroundRole:
            return QColor(*(int(v) for v in self._colors[row, column]))
        if role == Qt.UserRole:
            return float(self.alignment.weights[row, column])
        if role in (Qt.ToolTipRole, Qt.AccessibleTextRole):
            return self.cell_tooltip(row, column)
        if role == Qt.SizeHintRole:
            return QSize(self.cell_size, self.cell_size)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if self.alignment is None:
            return None
        tokens = self.alignment.tokens_b if orientation == Qt.Horizontal else self.alignment.tokens_a
        if not 0 <= section < len(tokens):
            return None
        if role == Qt.DisplayRole:
            return tokens[section]
        if role == Qt.ToolTipRole:
            side = self.tr("Second text") if orientation == Qt.Horizontal else self.tr("First text")
            return self.tr("{side}, token {number}: “{token}”").format(side=side, number=section + 1,
                                                                       token=tokens[section])
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        return None


class ColorLegend(QWidget):
    """A horizontal bar of :data:`HEAT_COLORS` from weight 0 (left) to 1 (right), with
    the ticks of :data:`LEGEND_TICKS` under it."""

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 18)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.fontMetrics().height() + 18)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        margin = metrics.horizontalAdvance("0.5") // 2 + 2
        bar = QRectF(margin, 2, self.width() - 2 * margin, 12)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        stops = np.linspace(0.0, 1.0, 11)
        for stop, color in zip(stops, weight_colors(stops[None, :])[0], strict=True):
            gradient.setColorAt(float(stop), QColor(*(int(v) for v in color)))
        painter.fillRect(bar, gradient)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawRect(bar)
        for tick in LEGEND_TICKS:
            x = bar.left() + tick * bar.width()
            text = f"{tick:g}"
            painter.drawLine(int(x), int(bar.bottom()), int(x), int(bar.bottom()) + 3)
            painter.drawText(int(x - metrics.horizontalAdvance(text) / 2), int(bar.bottom()) + 4 + metrics.ascent(),
                             text)
        painter.end()


class AlignmentHeatmap(Retranslating, QWidget):
    """The title, a caption saying what the rows and columns are and which way the
    softmax runs, the coloured table (:class:`AlignmentModel`), and the colour legend.
    :meth:`set_alignment` shows one; ``None`` empties it (its owner hides it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.model = AlignmentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setMouseTracking(True)
        size = max(24, self.fontMetrics().height() + 8)
        self.model.cell_size = size
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setMinimumSectionSize(size)
            header.setDefaultSectionSize(size)
            header.setDefaultAlignment(Qt.AlignCenter)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)  # jieba words are wider
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.legend_label = QLabel()
        self.legend = ColorLegend()
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend_label)
        legend_row.addWidget(self.legend)
        legend_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(legend_row)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Soft alignment: what attends to what"))
        self.caption.setText(self.tr(
            "Rows: the first text's tokens; columns: the second text's. Each row is a softmax over the second "
            "text's tokens and sums to 1: how much that token of the first text attends to each token of the "
            "second (the weights ESIM mixes into ã). Hover a cell for its value."))
        self.legend_label.setText(self.tr("Attention weight"))

    def set_alignment(self, alignment: Alignment | None) -> None:
        self.model.set_alignment(alignment)
        self.table.resizeColumnsToContents()

    @property
    def alignment(self) -> Alignment | None:
        return self.model.alignment
