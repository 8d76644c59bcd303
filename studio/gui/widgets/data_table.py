"""The Dataset tab's table: the text columns take the room, the others fit their contents.

Long texts are elided in the middle (their start and end stay readable); the full text
is the cell's tooltip (see :mod:`studio.gui.widgets.table_model`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from studio.gui.widgets.table_model import TEXT_ROLES, TableModel

ROW_HEIGHT = 22
MAX_FITTED_WIDTH = 320  # a column sized to its contents is never wider than this
FIT_ROWS = 500  # rows looked at to size a column to its contents


class DataTableView(QTableView):
    """A ``QTableView`` of a :class:`TableModel` that lays its columns out by role."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        if isinstance(model, TableModel):
            model.modelReset.connect(self.fit_columns)
            model.headerDataChanged.connect(lambda *_: self.fit_columns())  # roles or language changed
        self.fit_columns()

    def fit_columns(self) -> None:
        """Text columns stretch to share the width; every other column fits its header
        and contents (up to :data:`MAX_FITTED_WIDTH`). Without a text column the last
        column takes what is left."""
        model, header = self.model(), self.horizontalHeader()
        if model is None:
            return
        count = model.columnCount()
        texts = [c for c in range(count) if isinstance(model, TableModel) and model.role(c) in TEXT_ROLES]
        header.setStretchLastSection(not texts)
        for column in range(count):
            if column in texts:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.resizeColumnToContents(column)
                if self.columnWidth(column) > MAX_FITTED_WIDTH:
                    self.setColumnWidth(column, MAX_FITTED_WIDTH)
