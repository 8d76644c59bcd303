"""A drawing of a model's layer stack: input, one box per top-level block, logits."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.core.models.summary import ModelSummary
from studio.gui.i18n import Retranslating

_BOX_H, _GAP, _MARGIN, _WIDTH = 46, 18, 10, 300
_FILL = {"input": "#e8f0fe", "output": "#e6f4ea", "layer": "#f8f9fa", "empty": "#f1f3f4"}


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(f"{d:,}" for d in shape) + ")"


class LayerDiagram(Retranslating, QWidget):
    """Boxes joined by arrows, top to bottom; each names a block, its kind, output shape
    and parameters. ``set_summary(None)`` clears it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: list[tuple[str, str, str]] = []  # (kind of box, title, detail)
        self._summary: ModelSummary | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_summary(self._summary)

    def set_summary(self, summary: ModelSummary | None) -> None:
        self._summary = summary
        self.boxes = []
        if summary is not None:
            self.boxes.append(("input", self.tr("Token ids"), _shape(summary.input_shape)))
            for block in summary.blocks:
                params = self.tr("{shape}  ·  {count} params").format(
                    shape=_shape(block.output_shape), count=f"{block.parameters:,}")
                self.boxes.append(("layer", f"{block.name}: {block.kind}",
                                   params if block.parameters else _shape(block.output_shape)))
            self.boxes.append(("output", self.tr("Logits"), _shape(summary.output_shape)))
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        count = max(1, len(self.boxes))
        return QSize(_WIDTH + 2 * _MARGIN, 2 * _MARGIN + count * _BOX_H + (count - 1) * _GAP)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = min(self.width() - 2 * _MARGIN, 420)
        left = (self.width() - width) / 2
        bold = QFont(self.font())
        bold.setBold(True)
        if not self.boxes:
            painter.setPen(QColor("#5f6368"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No diagram until the settings are valid."))
            return
        for i, (kind, title, detail) in enumerate(self.boxes):
            top = _MARGIN + i * (_BOX_H + _GAP)
            rect = QRectF(left, top, width, _BOX_H)
            painter.setPen(QPen(QColor("#9aa0a6"), 1))
            painter.setBrush(QColor(_FILL[kind]))
            painter.drawRoundedRect(rect, 6, 6)
            painter.setPen(QColor("#202124"))
            painter.setFont(bold)
            painter.drawText(rect.adjusted(8, 4, -8, -_BOX_H / 2), Qt.AlignmentFlag.AlignLeft, title)
            painter.setFont(self.font())
            painter.drawText(rect.adjusted(8, _BOX_H / 2, -8, -2), Qt.AlignmentFlag.AlignLeft, detail)
            if i:
                self._arrow(painter, QPointF(left + width / 2, top - _GAP), QPointF(left + width / 2, top))
        painter.end()

    @staticmethod
    def _arrow(painter: QPainter, start: QPointF, end: QPointF) -> None:
        painter.setPen(QPen(QColor("#5f6368"), 1.5))
        painter.drawLine(start, end - QPointF(0, 4))
        head = QPainterPath(end)
        head.lineTo(end + QPointF(-5, -7))
        head.lineTo(end + QPointF(5, -7))
        head.closeSubpath()
        painter.setBrush(QColor("#5f6368"))
        painter.drawPath(head)
