"""The examples of an evaluation in a sortable, filterable table, with the chosen
example read whole below it (both texts of a pair, one above the other)."""

from __future__ import annotations

from html import escape

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.evaluation import Evaluation
from studio.gui.i18n import Retranslating

_TOP = QModelIndex()  # the parent of every cell


class ExamplesModel(QAbstractTableModel):
    """Every example of an :class:`Evaluation`: text, [second text,] true label, predicted
    label, and the predicted class's probability (``confidence``) or, when a decision
    threshold predicts (a two-class pair run), the positive class's (``positive``).
    ``Qt.UserRole`` gives sortable values (probabilities as floats).

    ``columns`` names the columns (``text``, ``pair``, ``true``, ``pred``, ``confidence`` or
    ``positive``); ``headers`` are their titles in the language in force."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.evaluation: Evaluation | None = None
        self.columns: list[str] = []

    @property
    def headers(self) -> list[str]:
        return [self.header(column) for column in self.columns]

    def header(self, column: str) -> str:
        if column == "positive":
            return self.tr("P({label})").format(label=self.evaluation.label_names[self.evaluation.positive])
        return {"text": self.tr("Text"), "pair": self.tr("Second text"), "true": self.tr("True label"),
                "pred": self.tr("Predicted"), "confidence": self.tr("Confidence")}[column]

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        self.beginResetModel()
        self.evaluation = evaluation
        pairs = evaluation is not None and evaluation.pairs is not None
        score = "positive" if evaluation is not None and evaluation.binary else "confidence"
        self.columns = ["text", *(["pair"] if pairs else []), "true", "pred", score]
        self.endResetModel()

    def update_predictions(self, evaluation: Evaluation) -> None:
        """Show ``evaluation``, the same examples predicted again (another threshold):
        the rows stay, so do the selection and the scroll position."""
        self.evaluation = evaluation
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def rowCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self.evaluation is None else len(self.evaluation)

    def columnCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self.evaluation is None else len(self.columns)

    def value(self, row: int, name: str):
        """The value of column ``name`` on ``row`` (a float for probabilities)."""
        ev = self.evaluation
        if name == "text":
            return ev.texts[row]
        if name == "pair":
            return ev.pairs[row]
        if name == "true":
            return ev.label_names[ev.y_true[row]]
        if name == "pred":
            return ev.label_names[ev.y_pred[row]]
        if name == "positive":
            return float(ev.probabilities[row, ev.positive])
        return float(ev.confidence[row])

    def tooltip(self, row: int, name: str) -> str:
        """A text cell of a pair shows both texts; any other cell its value."""
        if name in ("text", "pair") and self.evaluation.pairs is not None:
            return f"{self.header('text')}: {self.value(row, 'text')}\n{self.header('pair')}: {self.value(row, 'pair')}"
        value = self.value(row, name)
        return f"{value:.3f}" if isinstance(value, float) else value

    def data(self, index, role=Qt.DisplayRole):
        if self.evaluation is None or not index.isValid():
            return None
        name = self.columns[index.column()]
        value = self.value(index.row(), name)
        if role == Qt.UserRole:
            return value
        if role == Qt.DisplayRole:
            return f"{value:.3f}" if isinstance(value, float) else value
        if role == Qt.ToolTipRole:
            return self.tooltip(index.row(), name)
        if role == Qt.ForegroundRole and name == "pred":
            ev = self.evaluation
            if ev.y_true[index.row()] != ev.y_pred[index.row()]:
                return QColor(200, 40, 30)
        if role == Qt.TextAlignmentRole and isinstance(value, float):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return self.header(self.columns[section]) if 0 <= section < len(self.columns) else None
        return str(section + 1)


class ExamplesFilter(QSortFilterProxyModel):
    """Keeps the examples that match a text (case-insensitive substring of the text or,
    for a pair, of either text), a true and a predicted class (``None``: any) and,
    optionally, only the misclassified ones."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Qt.UserRole)
        self._keep: np.ndarray | None = None
        self._lowered: list[str] = []

    def source_changed(self) -> None:
        ev = self.sourceModel().evaluation
        self._lowered = [] if ev is None else [
            t.lower() + ("\n" + ev.pairs[i].lower() if ev.pairs is not None else "")
            for i, t in enumerate(ev.texts)]

    def set_filter(self, text: str = "", true: int | None = None, pred: int | None = None,
                   errors_only: bool = False) -> None:
        ev = self.sourceModel().evaluation
        keep = None
        if ev is not None:
            keep = np.ones(len(ev), dtype=bool)
            if true is not None:
                keep &= ev.y_true == true
            if pred is not None:
                keep &= ev.y_pred == pred
            if errors_only:
                keep &= ev.y_true != ev.y_pred
            needle = text.strip().lower()
            if needle:
                keep &= np.fromiter((needle in t for t in self._lowered), bool, len(ev))
        self.beginFilterChange()
        self._keep = keep
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        return self._keep is None or bool(self._keep[source_row])


class ExamplesBrowser(Retranslating, QWidget):
    """Filters (text, true class, predicted class, errors only) over the examples
    table, and the current example read whole.

    Signals:
        filterChanged(): the filters changed (a class combo, say).
    """

    filterChanged = Signal()
    exampleChosen = Signal(str, object)  # a double-clicked example's text and second text (or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.true_combo, self.pred_combo = QComboBox(), QComboBox()
        self.true_label, self.pred_label = QLabel(), QLabel()
        self.errors_check = QCheckBox()
        self.errors_check.setChecked(True)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        for label, combo in ((self.true_label, self.true_combo), (self.pred_label, self.pred_combo)):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addWidget(self.errors_check)
        filters.addWidget(self.count_label)

        self.model = ExamplesModel(self)
        self.proxy = ExamplesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # split order
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # the columns sized to their contents measure the visible rows only: measuring 1000
        # rows (Qt's default) on every threshold move took ~0.5 s of the GUI thread on LCQMC's test split
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.RichText)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

        self.filter_edit.textChanged.connect(self.apply_filter)
        self.true_combo.currentIndexChanged.connect(self.apply_filter)
        self.pred_combo.currentIndexChanged.connect(self.apply_filter)
        self.errors_check.toggled.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.doubleClicked.connect(self._example_chosen)
        self.model.dataChanged.connect(lambda *_: self._show_detail())
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter texts…"))
        self.filter_edit.setToolTip(self.tr("Show only the examples whose text, or either text of a pair, "
                                             "contains this (ignoring case)."))
        self.true_label.setText(self.tr("True:"))
        self.true_combo.setToolTip(self.tr("Show only the examples of this true class."))
        self.pred_label.setText(self.tr("Predicted:"))
        self.pred_combo.setToolTip(self.tr("Show only the examples predicted as this class."))
        for combo in (self.true_combo, self.pred_combo):
            if combo.count():
                combo.setItemText(0, self.tr("Any"))
        self.errors_check.setText(self.tr("Errors only"))
        self.errors_check.setToolTip(self.tr("Show only the misclassified examples."))
        columns = self.model.columns
        if columns:  # the header asks for the titles again; told by the view itself, since
            # a headerDataChanged passed through the filter proxy crashed Qt (6.11) here
            self.table.horizontalHeader().headerDataChanged(Qt.Horizontal, 0, len(columns) - 1)
        self._show_count()
        self._show_detail()

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        """Show a new evaluation's examples, every filter but the text and "Errors only"
        back to "Any"."""
        for combo in (self.true_combo, self.pred_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Any"), None)
            for i, name in enumerate(evaluation.label_names if evaluation else []):
                combo.addItem(name, i)
            combo.blockSignals(False)
        self.model.set_evaluation(evaluation)
        self.proxy.source_changed()
        header = self.table.horizontalHeader()
        if evaluation is not None:
            for column, name in enumerate(self.model.columns):
                header.setSectionResizeMode(column, QHeaderView.Stretch if name in ("text", "pair")
                                            else QHeaderView.ResizeToContents)
        self.apply_filter()

    def update_predictions(self, evaluation: Evaluation) -> None:
        """Show the same examples predicted again (another threshold), filters kept."""
        self.model.update_predictions(evaluation)
        self.apply_filter()

    def choose_cell(self, true: int, pred: int) -> None:
        """Show true class ``true`` predicted as ``pred``; a diagonal cell shows the
        correct ones (so "Errors only" is turned off)."""
        for combo, value in ((self.true_combo, true), (self.pred_combo, pred)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        if true == pred:
            self.errors_check.blockSignals(True)
            self.errors_check.setChecked(False)
            self.errors_check.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.true_combo.currentData(),
                              self.pred_combo.currentData(), self.errors_check.isChecked())
        self._show_count()
        self._show_detail()
        self.filterChanged.emit()

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(self.tr("{shown} of {total} shown").format(shown=shown, total=total)
                                 if self.model.evaluation else "")

    def current_row(self) -> int | None:
        """The split position of the example chosen in the table, or ``None``."""
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else None

    def _example_chosen(self, index) -> None:
        row = self.proxy.mapToSource(index).row()
        if self.model.evaluation is not None and row >= 0:
            pair = self.model.value(row, "pair") if "pair" in self.model.columns else None
            self.exampleChosen.emit(str(self.model.value(row, "text")), pair)

    def _show_detail(self) -> None:
        row = self.current_row()
        if self.model.evaluation is None or row is None:
            self.detail.setText(self.tr("Click an example to read it whole; double-click it to see its "
                                        "prediction explained in the Inference tab.")
                                if self.model.evaluation else "")
            return
        lines = [f"<b>{escape(self.model.header(name))}:</b> {escape(str(self.model.value(row, name)))}"
                 for name in ("text", "pair") if name in self.model.columns]
        scores = [f"{escape(self.model.header(name))} <b>{escape(self.model.tooltip(row, name))}</b>"
                  for name in self.model.columns if name not in ("text", "pair")]
        self.detail.setText("<br>".join([*lines, " · ".join(scores)]))
