"""A read-only Qt table model over a :class:`studio.core.data.reader.Table`.

Cells are fetched on demand by the view, so 200,000 rows cost nothing to show.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from studio.core.data.reader import Table
from studio.gui.i18n import translate

# Column roles: the key set_roles() takes -> the tag shown in the header, translated.
ROLES = {
    "text": QT_TRANSLATE_NOOP("TableModel", "text"),
    "text 2": QT_TRANSLATE_NOOP("TableModel", "text 2"),
    "label": QT_TRANSLATE_NOOP("TableModel", "label"),
}


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

    def retranslate(self) -> None:
        """Redraw the headers in the current language (the owning widget calls this)."""
        if self._table is not None and self._table.num_columns:
            self.headerDataChanged.emit(Qt.Horizontal, 0, self._table.num_columns - 1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self._table is None else self._table.num_rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self._table is None else self._table.num_columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.DisplayRole):
        if self._table is None or not index.isValid():
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self._table.columns[index.column()][index.row()]
        return None

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or self._table is None:
            return None
        if orientation == Qt.Horizontal:
            name = self._table.names[section]
            tag = self._roles.get(section)
            return f"{name} [{translate('TableModel', ROLES.get(tag, tag))}]" if tag else name
        return str(self._table.line_numbers[section])
