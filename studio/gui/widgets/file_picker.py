"""A path field with Browse and Clear buttons."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from studio.gui import file_dialogs
from studio.gui.i18n import Retranslating, translate

# The same text and context as file_dialogs.data_filter(): one translation for both.
DATA_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "Data files (*.tsv *.txt *.csv);;All files (*)")
# The same texts as the Vectors tab's filters (studio.core.embeddings.vectors.FILE_FILTER's patterns).
VECTORS_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "Word vectors (*.txt *.vec *.bin *.npz *.gz *.bz2);;All files (*)")
VOCAB_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "Vocabulary (*.txt *.json);;All files (*)")
ALL_FILES = QT_TRANSLATE_NOOP("FileDialogs", "All files (*)")

# A schema's file kind (studio.core.field_hints.file_kind) -> (the dialog's folder memory, filter).
FILE_KINDS = {
    "vectors": ("vectors", VECTORS_FILTER),
    "vectors_vocab": ("vectors", VOCAB_FILTER),
    "data": ("data", DATA_FILTER),
}


class FilePicker(Retranslating, QWidget):
    """Shows a chosen file; ``pathChanged`` carries the new path, or ``""`` when cleared.

    ``placeholder`` (shown while no file is chosen) is shown through
    ``translate("FilePicker", ...)`` and ``file_filter`` through
    ``translate("FileDialogs", ...)``: pass texts marked with ``QT_TRANSLATE_NOOP`` in
    those contexts, or call :meth:`set_placeholder` from the owner's ``retranslate()``.
    ``setToolTip`` describes the setting; the field's tooltip adds the chosen path.
    ``kind`` names the folder memory of the file dialog (see :mod:`studio.gui.file_dialogs`).
    """

    pathChanged = Signal(str)

    def __init__(self, placeholder: str | None = None, file_filter: str = DATA_FILTER, parent=None,
                 kind: str = "data"):
        super().__init__(parent)
        self._filter = file_filter
        self._placeholder = placeholder
        self._description = ""
        self.kind = kind
        self.edit = QLineEdit()
        self.edit.setReadOnly(True)
        self.browse_button, self.clear_button = QPushButton(), QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.clear_button.clicked.connect(lambda: self._choose(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.clear_button)
        self.retranslate()

    @classmethod
    def for_kind(cls, kind: str, parent=None) -> FilePicker:
        """A picker for a schema's file kind (see :data:`FILE_KINDS`), "(none)" while empty."""
        memory, file_filter = FILE_KINDS.get(kind, (kind, ALL_FILES))
        return cls(None, file_filter, parent, kind=memory)

    def retranslate(self) -> None:
        self.browse_button.setText(self.tr("Browse…"))
        self.browse_button.setToolTip(self.tr("Choose a file."))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Forget the chosen file."))
        self._show_placeholder()
        self._show_tooltip()

    def set_placeholder(self, text: str | None) -> None:
        """The text shown while no file is chosen (``None``: "(none)"; ``""``: left to
        the owner, who sets ``edit``'s placeholder itself)."""
        self._placeholder = text
        self._show_placeholder()

    def _show_placeholder(self) -> None:
        if self._placeholder is None:
            self.edit.setPlaceholderText(self.tr("(none)"))
        elif self._placeholder:
            self.edit.setPlaceholderText(translate("FilePicker", self._placeholder))

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt API
        """Describe the setting on the whole picker, its field and its Browse button."""
        self._description = text
        super().setToolTip(text)
        self._show_tooltip()

    def _show_tooltip(self) -> None:
        path, description = self.path(), self._description
        self.edit.setToolTip("\n".join(t for t in (path, description) if t) or self.tr("No file chosen."))

    def path(self) -> str:
        return self.edit.text()

    def set_path(self, path: str | None) -> None:
        """Show ``path`` without emitting ``pathChanged``."""
        self.edit.setText(path or "")
        self._show_tooltip()

    def _browse(self) -> None:
        file_filter = translate("FileDialogs", self._filter) if self._filter else ""
        path = file_dialogs.open_file(self, self.tr("Choose a file"), self.kind, file_filter, start=self.path())
        if path:
            self._choose(path)

    def _choose(self, path: str) -> None:
        if path != self.path():
            self.set_path(path)
            self.pathChanged.emit(path)
