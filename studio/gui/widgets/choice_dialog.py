"""A question with a few answers that does not block the event loop (training and
workers go on while it is open)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Choice = tuple[str, QMessageBox.ButtonRole, Callable[[], None]]


def ask_choice(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, choices: list[Choice],
               default: int = 0) -> QMessageBox:
    """Open a message box with one button per ``(label, role, action)``; the chosen
    button's ``action`` runs once the box has closed. Returns the open box."""
    dialog = QMessageBox(icon, title, text, QMessageBox.NoButton, parent)
    actions = {dialog.addButton(label, role): action for label, role, action in choices}
    dialog.setDefaultButton(list(actions)[default])
    dialog.buttonClicked.connect(lambda button: actions[button]())
    dialog.open()
    return dialog
