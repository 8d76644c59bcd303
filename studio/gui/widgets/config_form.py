"""A form drawn from a pydantic config class: one editor per field, errors beside them.

Field titles label the rows, descriptions become tooltips, ``ge``/``le`` bounds set the
spin box ranges. Any value pydantic rejects is explained under its field, and the
form reports itself invalid until it is fixed.

Titles and descriptions are shown translated (context ``"ConfigField"``); they are
marked for translation in :mod:`studio.gui.config_texts`. A translated row label is
followed by the field's name, e.g. "批大小 (batch_size)", so settings stay findable in
the documentation and in saved projects.

The schema's hints (:mod:`studio.core.field_hints`) are followed for every config: a
row is shown only while its field applies (``visible_when``), and a field naming a
file (``file``) gets a file picker. A note under a field (:meth:`set_note`) tells what
a check found, e.g. what a chosen file holds.
"""

from __future__ import annotations

import typing
from typing import Any, Literal

import annotated_types
from pydantic import BaseModel, ValidationError
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.field_hints import applies, file_kind
from studio.core.validation import field_problems
from studio.gui.config_texts import FIELD_CONTEXT, description_of
from studio.gui.i18n import Retranslating, translate
from studio.gui.widgets.file_picker import FilePicker
from studio.gui.wording import word

_INT_LIMIT = 2_000_000_000


def _bounds(field) -> tuple[int, int]:
    low, high = -_INT_LIMIT, _INT_LIMIT
    for meta in field.metadata:
        if isinstance(meta, annotated_types.Ge):
            low = int(meta.ge)
        elif isinstance(meta, annotated_types.Gt):
            low = int(meta.gt) + 1
        elif isinstance(meta, annotated_types.Le):
            high = int(meta.le)
        elif isinstance(meta, annotated_types.Lt):
            high = int(meta.lt) - 1
    return low, high


def _format_list(value) -> str:
    return ", ".join(str(v) for v in value)


def row_label(name: str, title: str | None) -> str:
    """The translated title, followed by the field name when the translation differs."""
    if not title:
        return name
    shown = translate(FIELD_CONTEXT, title)
    return title if shown == title else f"{shown} ({name})"


def tooltip(name: str, field) -> str:
    """The translated description of a field (or its fallback)."""
    text = description_of(name, field)
    return translate(FIELD_CONTEXT, text) if text else ""


class ConfigForm(Retranslating, QWidget):
    """Edits one pydantic model. ``changed(dict)`` fires with every valid edit."""

    changed = Signal(dict)
    validityChanged = Signal(bool)
    fieldEdited = Signal(str)  # the name of the field the user just changed
    rebuilt = Signal()  # set_model() drew new editors

    def __init__(self, parent: QWidget | None = None, exclude: tuple[str, ...] = ("type",)):
        super().__init__(parent)
        self._exclude = exclude
        self._cls: type[BaseModel] | None = None
        self._fixed: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.row_labels: dict[str, QLabel] = {}
        self.note_labels: dict[str, QLabel] = {}
        self.valid = True
        self._extra_errors: dict[str, str] = {}
        self._hidden: set[str] = set()
        self._layout = QFormLayout()
        self._form_error = QLabel()
        self._form_error.setStyleSheet("color: #c5221f;")
        self._form_error.setWordWrap(True)
        self._form_error.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._layout)
        outer.addWidget(self._form_error)
        self.retranslate()

    def retranslate(self) -> None:
        """Row labels, tooltips and the fields' errors (worded by
        :mod:`studio.gui.wording`) in the current language."""
        if self._cls is None:
            return
        for name, editor in self.editors.items():
            field = self._cls.model_fields[name]
            text = tooltip(name, field)
            editor.setToolTip(text)
            self.row_labels[name].setText(row_label(name, field.title))
            self.row_labels[name].setToolTip(text)
        self._validate(emit=False)

    # ----- building -----------------------------------------------------------------
    def set_model(self, cls: type[BaseModel], values: BaseModel | dict) -> None:
        """Rebuild the form for ``cls`` showing ``values``."""
        values = values.model_dump() if isinstance(values, BaseModel) else dict(values)
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.editors.clear()
        self.error_labels.clear()
        self.row_labels.clear()
        self.note_labels.clear()
        self._cls = cls
        self._fixed = {}
        for name, field in cls.model_fields.items():
            annotation = field.annotation
            if name in self._exclude or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
                self._fixed[name] = values.get(name, field.default)
                continue
            editor = self._make_editor(field, values.get(name, field.default))
            editor.setObjectName(name)
            error = QLabel()
            error.setStyleSheet("color: #c5221f;")
            error.setWordWrap(True)
            error.hide()
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(editor)
            column.addWidget(error)
            note = QLabel()
            note.setWordWrap(True)
            note.hide()
            column.addWidget(note)
            self.note_labels[name] = note
            label = QLabel()
            self._layout.addRow(label, box)
            self.editors[name] = editor
            self.error_labels[name] = error
            self.row_labels[name] = label
        self.retranslate()
        self._validate(emit=False)
        self.rebuilt.emit()

    def _make_editor(self, field, value) -> QWidget:
        annotation = field.annotation
        if file_kind(field) is not None:
            editor = FilePicker.for_kind(file_kind(field))
            editor.set_path(value)
            editor.pathChanged.connect(self._edited)
        elif annotation is bool:
            editor = QCheckBox()
            editor.setChecked(bool(value))
            editor.toggled.connect(self._edited)
        elif typing.get_origin(annotation) is Literal:
            # Options are config values ("lstm", "cosine"), shown as they are; the value is
            # read from the item data, never from the shown text.
            editor = QComboBox()
            for option in typing.get_args(annotation):
                editor.addItem(str(option), option)
            index = editor.findData(value)
            if index >= 0:
                editor.setCurrentIndex(index)
            editor.currentIndexChanged.connect(self._edited)
        elif annotation is int:
            editor = QSpinBox()
            editor.setRange(*_bounds(field))
            editor.setValue(int(value))
            editor.setKeyboardTracking(False)
            editor.valueChanged.connect(self._edited)
        else:  # floats, lists, optional strings: typed as text, checked by pydantic
            editor = QLineEdit(_format_list(value) if isinstance(value, list) else
                               ("" if value is None else str(value)))
            editor.textChanged.connect(self._edited)
        return editor

    # ----- reading ------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        values = dict(self._fixed)
        for name, editor in self.editors.items():
            field = self._cls.model_fields[name]
            if isinstance(editor, FilePicker):
                values[name] = editor.path() if field.annotation is str else (editor.path() or None)
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                values[name] = editor.value()
            else:
                text = editor.text().strip()
                if typing.get_origin(field.annotation) is list:
                    values[name] = [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
                else:
                    values[name] = text if field.annotation is str else (text or None)
        return values

    def value(self) -> BaseModel | None:
        """The validated config, or ``None`` while a field is invalid or no model is set."""
        if self._cls is None:
            return None
        try:
            return self._cls.model_validate(self.raw_values())
        except ValidationError:
            return None

    def set_extra_errors(self, errors: dict[str, str]) -> None:
        """Errors found outside the field's own rules (e.g. a kernel wider than ``max_len``)."""
        self._extra_errors = dict(errors)
        self._validate(emit=False)

    def set_note(self, name: str, text: str, error: bool = False) -> None:
        """Show ``text`` under field ``name`` (in red when ``error``); ``""`` hides it."""
        note = self.note_labels.get(name)
        if note is not None:
            note.setText(text)
            note.setStyleSheet("color: #c5221f;" if error else "")
            note.setVisible(bool(text))

    # ----- validation ---------------------------------------------------------------
    def _edited(self, *_: Any) -> None:
        self._validate(emit=True)
        sender = self.sender()
        if sender is not None and sender.objectName() in self.editors:
            self.fieldEdited.emit(sender.objectName())

    def _validate(self, emit: bool) -> None:
        errors: dict[str, str] = {}
        config = None
        try:
            config = self._cls.model_validate(self.raw_values())
        except ValidationError as exc:
            errors = {name: word(problem) for name, problem in field_problems(exc).items()}
        for name, message in self._extra_errors.items():
            errors.setdefault(name, message)
        for name, label in self.error_labels.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        self._show_applicable(errors)
        general = [f"{k}: {v}" for k, v in errors.items() if k not in self.error_labels]
        self._form_error.setText("\n".join(general))
        self._form_error.setVisible(bool(general))
        valid = not errors
        if valid != self.valid:
            self.valid = valid
            self.validityChanged.emit(valid)
        if emit and config is not None:
            self.changed.emit(config.model_dump())

    def hide_fields(self, names: set[str]) -> None:
        """Hide the rows of ``names`` (fields that do not apply to what lies outside this
        form, such as the project's task), showing the others again; values are kept."""
        self._hidden = set(names)
        if self._cls is not None:
            self._validate(emit=False)

    def _show_applicable(self, errors: dict[str, str]) -> None:
        """Show the rows whose field applies to the other values (a field in error stays
        shown, so that the error can be fixed), except those hidden by :meth:`hide_fields`."""
        values = self.raw_values()
        for name, label in self.row_labels.items():
            shown = name in errors or (name not in self._hidden and applies(self._cls.model_fields[name], values))
            self._layout.setRowVisible(label, shown)
