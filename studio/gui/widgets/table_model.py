"""A read-only Qt table model over a :class:`studio.core.data.reader.Table`.

Cells are fetched on demand by the view, so 200,000 rows cost nothing to show. A long
cell's tooltip is its full text, wrapped (Qt wraps rich-text tooltips only).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from studio.core.data.reader import Table
from studio.gui.i18n import translate
from studio.gui.wording import name_text

# Column roles: the key set_roles() takes -> the tag shown in the header, translated.
ROLES = {
    "text": QT_TRANSLATE_NOOP("TableModel", "text"),
    "text 2": QT_TRANSLATE_NOOP("TableModel", "text 2"),
    "label": QT_TRANSLATE_NOOP("TableModel", "label"),
}
TEXT_ROLES = ("text", "text 2")
PLAIN_TOOLTIP = 80  # longer cells get a wrapped tooltip
TOOLTIP_LIMIT = 5000  # characters shown in a tooltip; a cell may be far longer
_TOP = QModelIndex()  # the parent of every cell


def tooltip(text: str) -> str:
    """``text`` as a tooltip: plain when short, else wrapped rich text (cut at
    :data:`TOOLTIP_LIMIT` characters)."""
    if len(text) <= PLAIN_TOOLTIP:
        return text
    shown = text if len(text) <= TOOLTIP_LIMIT else text[:TOOLTIP_LIMIT] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(shown)}</p>"


class TableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._table: Table | None = None
        self._roles: dict[int, str] = {}

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def set_roles(self, roles: dict[int, str]) -> None:
        """Tag column headers with their role, e.g. ``{0: "text", 1: "label"}`` (a key of
        :data:`ROLES`, shown translated)."""
        self._roles = dict(roles)
        self.retranslate()

    def role(self, column: int) -> str | None:
        """The role key of ``column`` (``"text"``, ``"text 2"``, ``"label"``) or ``None``."""
        return self._roles.get(column)

    def retranslate(self) -> None:
        """Redraw the headers in the current language (the owning widget calls this)."""
        if self._table is not None and self._table.num_columns:
            self.headerDataChanged.emit(Qt.Horizontal, 0, self._table.num_columns - 1)

    def rowCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self._table is None else self._table.num_rows

    def columnCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self._table is None else self._table.num_columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.DisplayRole):
        if self._table is None or not index.isValid():
            return None
        if role == Qt.DisplayRole:
            return self._table.columns[index.column()][index.row()]
        if role == Qt.ToolTipRole:
            return tooltip(self._table.columns[index.column()][index.row()])
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or self._table is None:
            return None
        if orientation == Qt.Horizontal:
            name = name_text(self._table.names[section])
            tag = self._roles.get(section)
            return f"{name} [{translate('TableModel', ROLES.get(tag, tag))}]" if tag else name
        return str(self._table.line_numbers[section])
