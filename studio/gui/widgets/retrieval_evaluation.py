"""Retrieval measured on a labelled pair file: Recall@1/5/10/20 and MRR@10 of the recall
method alone and after reranking, one row each (figures from
:func:`studio.core.retrieval.retrieval_metrics`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from studio.core.retrieval.metrics import MRR_AT, RECALL_AT
from studio.gui.i18n import Retranslating
from studio.gui.widgets.file_picker import FilePicker

METRICS = [f"recall@{k}" for k in RECALL_AT] + [f"mrr@{MRR_AT}"]


class RetrievalEvaluation(Retranslating, QGroupBox):
    """A pair file, an Evaluate button and the table of figures. ``evaluateRequested``
    carries the file; the owner runs the job and calls :meth:`show_metrics`."""

    evaluateRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[Callable[[], str], dict[str, float]]] = []  # (row title in force, metrics)
        self.picker = FilePicker("")
        self.picker.pathChanged.connect(lambda _: self._update_button())
        self.button = QPushButton()
        self.button.clicked.connect(lambda: self.evaluateRequested.emit(self.picker.path()))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(METRICS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self._ready = False
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Evaluate on a labelled pair file"))
        self.picker.edit.setPlaceholderText(self.tr("text_a, text_b, label rows (LCQMC dev.txt)"))
        self.picker.setToolTip(self.tr("Each matching pair's text_a is a question whose answer is its text_b, in a "
                                       "bank of every text_b of the file."))
        self.button.setText(self.tr("Evaluate"))
        self.button.setToolTip(self.tr("Measure the chosen recall method, and the reranking run, on this file."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Recall@{k}").format(k=k) for k in RECALL_AT] + [self.tr("MRR@{k}").format(k=MRR_AT)])
        self._fill()

    def set_ready(self, ready: bool) -> None:
        """Whether an evaluation may start now (an index to measure and no job running)."""
        self._ready = ready
        self._update_button()

    def _update_button(self) -> None:
        self.button.setEnabled(self._ready and bool(self.picker.path()))

    def show_metrics(self, rows: list[tuple[Callable[[], str], dict[str, float]]]) -> None:
        """One table row per ``(title, metrics)``, e.g. ``(lambda: "BM25", {"recall@1": 0.61, ...})``;
        ``title()`` words the row in the language in force (called again on a switch)."""
        self.rows = list(rows)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        self.table.setVerticalHeaderLabels([title() for title, _ in self.rows])
        for row, (_, metrics) in enumerate(self.rows):
            for column, name in enumerate(METRICS):
                value = metrics.get(name)
                item = QTableWidgetItem("" if value is None else f"{value:.3f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its header and rows (two rows' room while empty): the questions'
        lists above take the rest of the height."""
        table = self.table
        rows = (sum(table.rowHeight(r) for r in range(table.rowCount()))
                or 2 * table.verticalHeader().defaultSectionSize())
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth())
