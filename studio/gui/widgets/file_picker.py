"""A path field with Browse and Clear buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

DATA_FILTER = "Data files (*.tsv *.txt *.csv);;All files (*)"


class FilePicker(QWidget):
    """Shows a chosen file; ``pathChanged`` carries the new path, or ``""`` when cleared."""

    pathChanged = Signal(str)

    def __init__(self, placeholder: str = "(none)", file_filter: str = DATA_FILTER, parent=None):
        super().__init__(parent)
        self._filter = file_filter
        self.edit = QLineEdit()
        self.edit.setReadOnly(True)
        self.edit.setPlaceholderText(placeholder)
        browse, clear = QPushButton("Browse…"), QPushButton("Clear")
        browse.clicked.connect(self._browse)
        clear.clicked.connect(lambda: self._choose(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        row.addWidget(clear)

    def path(self) -> str:
        return self.edit.text()

    def set_path(self, path: str | None) -> None:
        """Show ``path`` without emitting ``pathChanged``."""
        self.edit.setText(path or "")
        self.edit.setToolTip(path or "")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a file", self.path(), self._filter)
        if path:
            self._choose(path)

    def _choose(self, path: str) -> None:
        if path != self.path():
            self.set_path(path)
            self.pathChanged.emit(path)
