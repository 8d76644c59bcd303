"""The Retrieval view's answer to one question: the recalled top-k and the reranked
list side by side, and a "did you mean" verdict from two cut-offs on the scores."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.gui.i18n import Retranslating
from studio.gui.widgets.table_model import tooltip

SUGGESTIONS = 3  # "did you mean" offers at most this many questions
# What a list's scores are -> (best match at, suggest from, lowest, highest, step): a match
# probability, a cosine, or a BM25 score (unbounded; LCQMC questions score about 5-40).
SCALES = {
    "probability": (0.5, 0.2, 0.0, 1.0, 0.05),
    "cosine": (0.9, 0.75, -1.0, 1.0, 0.01),
    "bm25": (20.0, 10.0, 0.0, 1000.0, 1.0),
}


@dataclass(frozen=True)
class Ranked:
    """One list shown: bank rows best first, their scores, and the scale of those scores
    (a key of :data:`SCALES`)."""

    rows: list[int]
    scores: list[float]
    scale: str


@dataclass(frozen=True)
class Verdict:
    """``kind`` is ``"match"`` (``rows[0]`` is the answer), ``"suggest"`` (``rows`` are
    worth offering) or ``"none"``."""

    kind: str
    rows: list[int]


def verdict(ranked: Ranked, best: float, lowest: float) -> Verdict:
    """The first row (in the list's order) whose score reaches ``best``; else the rows (at
    most :data:`SUGGESTIONS`) that reach ``lowest``; else none. A reranked list is ordered
    by match and recall together (:func:`studio.core.retrieval.reranked_order`), so its
    top row need not have the highest match probability."""
    sure = next((row for row, score in zip(ranked.rows, ranked.scores, strict=True) if score >= best), None)
    if sure is not None:
        return Verdict("match", [sure])
    rows = [row for row, score in zip(ranked.rows, ranked.scores, strict=True) if score >= lowest][:SUGGESTIONS]
    return Verdict("suggest", rows) if rows else Verdict("none", [])


class HitsTable(QTableWidget):
    """Rank, question, answer and score of each row of one list; rows at or above the
    cut-off are bold."""

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)

    def set_headers(self, score: str) -> None:
        self.setHorizontalHeaderLabels(["#", self.tr("Question"), self.tr("Answer"), score])

    def show_list(self, ranked: Ranked | None, questions: list[str], answers: list[str] | None,
                  best: float) -> None:
        rows = list(zip(ranked.rows, ranked.scores, strict=True)) if ranked is not None else []
        self.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for rank, (row, score) in enumerate(rows):
            cells = [str(rank + 1), questions[row], answers[row] if answers is not None else "",
                     f"{score:.3f}" if ranked.scale != "bm25" else f"{score:.2f}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                if column in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if score >= best:
                    item.setFont(bold)
                self.setItem(rank, column, item)
        self.setColumnHidden(2, answers is None)


class RetrievalResults(Retranslating, QWidget):
    """The question box, the verdict and the two lists. ``asked`` carries the question
    when Enter is pressed; the owner answers with :meth:`show_answer`."""

    asked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._questions: list[str] = []
        self._answers: list[str] | None = None
        self._recalled: Ranked | None = None
        self._reranked: Ranked | None = None
        self._cutoffs = {scale: (best, low) for scale, (best, low, *_) in SCALES.items()}
        self._scale = "probability"
        self.verdict: Verdict | None = None

        self.question = QLineEdit()
        self.question.setClearButtonEnabled(True)
        self.question.returnPressed.connect(self._ask)
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict_label.font()
        font.setPointSize(font.pointSize() + 3)
        self.verdict_label.setFont(font)
        self.best_spin, self.low_spin = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.best_spin, self.low_spin):
            spin.valueChanged.connect(self._cutoff_changed)
        self.best_label, self.low_label, self.scale_label = QLabel(), QLabel(), QLabel()
        self.recalled_table, self.reranked_table = HitsTable(), HitsTable()
        self.recalled_box, self.reranked_box = QGroupBox(), QGroupBox()
        for box, table in ((self.recalled_box, self.recalled_table), (self.reranked_box, self.reranked_table)):
            QVBoxLayout(box).addWidget(table)

        cutoffs = QHBoxLayout()
        for widget in (self.best_label, self.best_spin, self.low_label, self.low_spin, self.scale_label):
            cutoffs.addWidget(widget)
        cutoffs.addStretch(1)
        lists = QSplitter()
        lists.addWidget(self.recalled_box)
        lists.addWidget(self.reranked_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addLayout(cutoffs)
        layout.addWidget(self.verdict_label)
        layout.addWidget(lists, 1)
        self._set_scale("probability")
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setPlaceholderText(self.tr("Type a question and press Enter"))
        self.question.setToolTip(self.tr("The question to look up in the bank."))
        self.best_label.setText(self.tr("Best match at"))
        self.best_spin.setToolTip(self.tr("The top question is given as the match when its score reaches this."))
        self.low_label.setText(self.tr("“Did you mean” at"))
        self.low_spin.setToolTip(self.tr("Below the match cut-off, questions scoring at least this are offered "
                                         "as “Did you mean”."))
        self.recalled_box.setTitle(self.tr("Recalled"))
        self.reranked_box.setTitle(self.tr("Reranked"))
        self.recalled_table.set_headers(self.tr("Recall score"))
        self.reranked_table.set_headers(self.tr("Match probability"))
        self._show_scale()
        self._show()

    def _ask(self) -> None:
        question = self.question.text().strip()
        if question:
            self.asked.emit(question)

    # ----- what the owner sets ------------------------------------------------------
    def set_bank(self, questions: list[str], answers: list[str] | None) -> None:
        """A new bank: the lists shown belong to the old one and are cleared."""
        self._questions, self._answers = questions, answers
        self.show_answer(None, None)

    def show_answer(self, recalled: Ranked | None, reranked: Ranked | None) -> None:
        """Show a question's lists (``None``: empty); the verdict follows the reranked
        list when there is one, else the recalled one."""
        self._recalled, self._reranked = recalled, reranked
        judged = reranked or recalled
        if judged is not None:
            self._set_scale(judged.scale)
        self._show()

    def show_message(self, text: str) -> None:
        """Say something in place of the verdict (until the next answer)."""
        self.verdict_label.setText(text)

    def set_cutoffs(self, best: float, low: float) -> None:
        self.best_spin.setValue(best)
        self.low_spin.setValue(low)

    # ----- drawing ----------------------------------------------------------------
    def _set_scale(self, scale: str) -> None:
        if scale == self._scale and self.best_spin.maximum() == SCALES[scale][3]:
            return
        self._scale = scale
        _, _, lowest, highest, step = SCALES[scale]
        for spin, value in zip((self.best_spin, self.low_spin), self._cutoffs[scale], strict=True):
            spin.blockSignals(True)  # each scale keeps its own cut-offs
            spin.setRange(lowest, highest)
            spin.setSingleStep(step)
            spin.setDecimals(2)
            spin.setValue(value)
            spin.blockSignals(False)
        self._show_scale()

    def _show_scale(self) -> None:
        texts = {"probability": self.tr("(match probability of the reranked list)"),
                 "cosine": self.tr("(cosine of the recalled list: no reranking)"),
                 "bm25": self.tr("(BM25 score of the recalled list: no reranking)")}
        self.scale_label.setText(texts[self._scale])

    def _cutoff_changed(self) -> None:
        self._cutoffs[self._scale] = (self.best_spin.value(), self.low_spin.value())
        self._show()

    def _show(self) -> None:
        best = self.best_spin.value()
        judged = self._reranked or self._recalled
        recalled_best = best if self._reranked is None else float("inf")
        self.recalled_table.show_list(self._recalled, self._questions, self._answers, recalled_best)
        self.reranked_table.show_list(self._reranked, self._questions, self._answers,
                                      best if self._reranked is not None else float("inf"))
        self.reranked_box.setEnabled(self._reranked is not None)
        if judged is None:
            self.verdict = None
            self.verdict_label.setText(self.tr("Ask a question: the recalled and reranked questions of the bank "
                                               "show below."))
            return
        self.verdict = verdict(judged, best, self.low_spin.value())
        questions, answers = self._questions, self._answers
        if self.verdict.kind == "match":
            row = self.verdict.rows[0]
            text = self.tr("Best match: {question}").format(question=questions[row])
            if answers is not None and answers[row].strip():
                text += "\n" + self.tr("Answer: {answer}").format(answer=answers[row])
        elif self.verdict.kind == "suggest":
            first, *others = self.verdict.rows
            text = self.tr("Did you mean: {question}?").format(question=questions[first].rstrip("?？"))
            if others:
                text += "\n" + self.tr("Also close: {questions}").format(
                    questions=" · ".join(questions[row] for row in others))
        else:
            text = self.tr("No stored question matches.")
        self.verdict_label.setText(text)
