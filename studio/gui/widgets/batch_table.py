"""The rows of a labelled file as a Qt table model that grows as chunks arrive, and a proxy
that sorts by value and filters by text, predicted label and right/wrong."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from studio.core.inference.batch import BatchInput, BatchPredictions

SORT_ROLE = Qt.UserRole + 1  # the raw value a column sorts by
RIGHT, WRONG = QColor(46, 139, 87), QColor(200, 50, 50)


class BatchTableModel(QAbstractTableModel):
    """Columns: line, text (and second text), predicted label, confidence, with true labels
    the true label and ✓/✗, then every class's probability. Headers are set by the
    owner (:meth:`set_headers`) so they follow the language."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: BatchInput | None = None
        self.label_names: list[str] = []
        self.labels: list[str] = []
        self.probabilities = np.zeros((0, 0), np.float32)
        self._headers: list[str] = []

    # ----- filling --------------------------------------------------------------------
    def start(self, rows: BatchInput, label_names: list[str]) -> None:
        self.beginResetModel()
        self.rows, self.label_names = rows, list(label_names)
        self.labels, self.probabilities = [], np.zeros((0, len(label_names)), np.float32)
        self.endResetModel()

    def append(self, part: BatchPredictions) -> None:
        """Add the next chunk's rows (chunks arrive in file order)."""
        if not part.labels:
            return
        first = len(self.labels)
        self.beginInsertRows(QModelIndex(), first, first + len(part.labels) - 1)
        self.labels.extend(part.labels)
        self.probabilities = np.concatenate([self.probabilities, part.probabilities])
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows, self.label_names, self.labels = None, [], []
        self.probabilities = np.zeros((0, 0), np.float32)
        self.endResetModel()

    # ----- shape ------------------------------------------------------------------------
    @property
    def paired(self) -> bool:
        return self.rows is not None and self.rows.pairs is not None

    @property
    def labelled(self) -> bool:
        return self.rows is not None and self.rows.labels is not None

    def column_kinds(self) -> list[str]:
        """``line, text, [text_b], label, confidence, [truth, correct], p:<i>...``: the
        verdict before the probabilities, which run past the window's edge with many classes."""
        kinds = ["line", "text"] + (["text_b"] if self.paired else []) + ["label", "confidence"]
        kinds += ["truth", "correct"] if self.labelled else []
        return kinds + [f"p:{i}" for i in range(len(self.label_names))]

    def set_headers(self, headers: list[str]) -> None:
        self._headers = list(headers)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.labels)

    def columnCount(self, parent=None) -> int:
        return 0 if (parent is not None and parent.isValid()) or self.rows is None else len(self.column_kinds())

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and section < len(self._headers):
            return self._headers[section]
        return None

    # ----- cells ------------------------------------------------------------------------
    def correct(self, row: int) -> bool | None:
        return None if not self.labelled else self.rows.labels[row] == self.labels[row]

    def value(self, row: int, kind: str):
        """The raw value of a cell (what it sorts by)."""
        rows = self.rows
        if kind == "line":
            return rows.line_numbers[row]
        if kind == "text":
            return rows.texts[row]
        if kind == "text_b":
            return rows.pairs[row]
        if kind == "label":
            return self.labels[row]
        if kind == "confidence":
            return float(self.probabilities[row, self.label_names.index(self.labels[row])])
        if kind.startswith("p:"):
            return float(self.probabilities[row, int(kind[2:])])
        if kind == "truth":
            return rows.labels[row]
        return int(bool(self.correct(row)))

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or self.rows is None:
            return None
        row, kind = index.row(), self.column_kinds()[index.column()]
        if role == SORT_ROLE:
            return self.value(row, kind)
        if role == Qt.DisplayRole:
            value = self.value(row, kind)
            if kind == "correct":
                return "✓" if value else "✗"
            return f"{value:.4f}" if isinstance(value, float) else str(value)
        if role == Qt.ToolTipRole and kind in ("text", "text_b"):
            return self.value(row, kind)
        if role == Qt.ForegroundRole and kind == "correct":
            return RIGHT if self.correct(row) else WRONG
        if role == Qt.TextAlignmentRole and kind not in ("text", "text_b", "label", "truth"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def accuracy(self) -> float | None:
        """The share of rows predicted right so far (``None`` without true labels or rows)."""
        if not self.labelled or not self.labels:
            return None
        truth = self.rows.labels
        return sum(truth[i] == label for i, label in enumerate(self.labels)) / len(self.labels)


class BatchFilter(QSortFilterProxyModel):
    """Sorts by each cell's raw value; shows the rows whose texts contain ``text`` (any
    case), whose predicted label is ``label`` (empty: any) and that are right or wrong
    (``which``: ``"all" | "right" | "wrong"``)."""

    def __init__(self, source: BatchTableModel, parent=None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # a chunk arriving must not reorder what the user reads
        self.text, self.label, self.which = "", "", "all"

    def set_filters(self, text: str, label: str, which: str) -> None:
        self.beginFilterChange()
        self.text, self.label, self.which = text.strip().casefold(), label, which
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        source: BatchTableModel = self.sourceModel()
        if self.label and source.labels[source_row] != self.label:
            return False
        if self.which != "all" and source.labelled and source.correct(source_row) != (self.which == "right"):
            return False
        if self.text:
            rows = source.rows
            texts = [rows.texts[source_row]] + ([rows.pairs[source_row]] if rows.pairs is not None else [])
            return any(self.text in text.casefold() for text in texts)
        return True
