"""A text with each token's background coloured by its attribution (diverging: toward the
class in red, against it in blue, stronger for larger scores), a legend, a tooltip with
the value on hover, and the tokens ranked by attribution."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.explain import Explanation
from studio.gui.i18n import Retranslating

TOWARD, AGAINST = (214, 39, 40), (31, 119, 180)  # diverging ends, readable in both themes
RANKED = 10  # tokens in the ranked list
MIN_HEIGHT, MAX_HEIGHT = 40, 120  # pixels of one text's box: its lines, up to about four


def token_color(score: float, largest: float) -> QColor:
    """The background of a token: transparent at 0, the full colour at ``±largest``."""
    strength = 0.0 if largest <= 0 else min(1.0, abs(score) / largest)
    red, green, blue = TOWARD if score >= 0 else AGAINST
    return QColor(red, green, blue, int(round(200 * strength)))


class AttributionText(QTextBrowser):
    """The tokens of one text as coloured spans; hovering one shows its score."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.scores: list[float] = []
        self.tokens: list[str] = []
        self.highlighted.connect(self._hovered)

    def set_tokens(self, tokens: list[str], scores, largest: float) -> None:
        self.tokens, self.scores = list(tokens), [float(s) for s in scores]
        ink = self.palette().text().color().name()  # links would be drawn in the link colour
        spans = []
        for i, (token, score) in enumerate(zip(self.tokens, self.scores, strict=True)):
            color = token_color(score, largest)
            rgba = f"rgba({color.red()},{color.green()},{color.blue()},{color.alpha() / 255:.2f})"
            spans.append(f'<a href="token:{i}" style="text-decoration:none; color:{ink}; '
                         f'background-color:{rgba}">{html.escape(token)}</a>')
        self.setHtml(f'<div style="font-size:15pt; line-height:160%">{" ".join(spans)}</div>')
        self.document().setTextWidth(max(self.viewport().width(), 200))
        self.setFixedHeight(max(MIN_HEIGHT, min(MAX_HEIGHT, int(self.document().size().height()) + 6)))

    def _hovered(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("token:"):
            i = int(text.split(":", 1)[1])
            QToolTip.showText(self.cursor().pos(), f"{self.tokens[i]}: {self.scores[i]:+.4f}", self)


class Legend(QWidget):
    """A gradient from "against" (blue) through 0 to "toward" (red)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFixedSize(180, 14)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, self.width(), 0)
        gradient.setColorAt(0.0, token_color(-1, 1))
        gradient.setColorAt(0.5, token_color(0, 1))
        gradient.setColorAt(1.0, token_color(1, 1))
        painter.fillRect(self.rect(), gradient)
        painter.setPen(self.palette().mid().color())
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class ExplanationView(Retranslating, QWidget):
    """An :class:`~studio.core.inference.explain.Explanation`: what was explained, each
    side's coloured tokens, the legend and the top tokens."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.explanation: Explanation | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.side_a, self.side_b = AttributionText(), AttributionText()
        self.legend = Legend()
        self.against_label, self.toward_label = QLabel(), QLabel()
        self.ranked = QTableWidget(0, 3)
        self.ranked.verticalHeader().hide()
        self.ranked.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.ranked.setEditTriggers(QTableWidget.NoEditTriggers)
        self.ranked.setMaximumWidth(320)
        legend = QHBoxLayout()
        for widget in (self.against_label, self.legend, self.toward_label):
            legend.addWidget(widget)
        legend.addStretch(1)
        texts = QVBoxLayout()
        texts.addWidget(self.title)
        texts.addWidget(self.side_a)
        texts.addWidget(self.side_b)
        texts.addLayout(legend)
        texts.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(texts, 1)
        layout.addWidget(self.ranked)
        self.set_explanation(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.against_label.setText(self.tr("against"))
        self.toward_label.setText(self.tr("toward the class"))
        self.ranked.setHorizontalHeaderLabels([self.tr("Token"), self.tr("Text"), self.tr("Attribution")])
        self.legend.setToolTip(self.tr("Each token's background: red pushes toward the class explained, blue "
                                       "against it; the stronger the colour, the larger the share."))
        self._show_title()

    def set_explanation(self, explanation: Explanation | None) -> None:
        self.explanation = explanation
        self.setVisible(explanation is not None)
        if explanation is None:
            return
        scores = list(explanation.scores) + (list(explanation.pair_scores) if explanation.pair_scores is not None
                                             else [])
        largest = max((abs(float(s)) for s in scores), default=0.0)
        self.side_a.set_tokens(explanation.tokens, explanation.scores, largest)
        self.side_b.setVisible(explanation.pair_tokens is not None)
        if explanation.pair_tokens is not None:
            self.side_b.set_tokens(explanation.pair_tokens, explanation.pair_scores, largest)
        top = explanation.ranked()[:RANKED]
        self.ranked.setRowCount(len(top))
        for row, (token, score, side) in enumerate(top):
            values = (token, "a" if explanation.pair_tokens is None or side == "a" else "b", f"{score:+.4f}")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    item.setBackground(token_color(score, largest))
                self.ranked.setItem(row, column, item)
        self.ranked.setColumnHidden(1, explanation.pair_tokens is None)
        self._show_title()

    def _show_title(self) -> None:
        e = self.explanation
        if e is None:
            self.title.setText("")
            return
        if e.method == "integrated_gradients":
            method = self.tr("integrated gradients (scores add up to the logit's change from an all-PAD text, "
                             "within {delta})").format(delta=f"{abs(e.delta or 0.0):.3f}")
        else:
            method = self.tr("feature ablation (each token's score: how much the logit drops without it)")
        self.title.setText(self.tr("Why “{target}” (probability {probability}): {method}").format(
            target=e.target, probability=f"{e.probability:.1%}", method=method))
