"""Drive the real window the way a user does: drops, clicks, typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def drop_file(widget, path: Path) -> None:
    """Drag ``path`` over the middle of ``widget`` and drop it there, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert drag_and_drop(widget, mime), "the window refused the drag"


def drag_and_drop(widget, mime: QMimeData) -> bool:
    """Drag ``mime`` over the middle of ``widget`` and drop it there; whether the window took
    the drag. The events go where the platform sends them, to the widget's window (its
    QWindow), which hands them to the widget under the cursor."""
    window = widget.window()
    assert window.windowHandle() is not None, "drops reach shown windows only"
    center = QPointF(widget.mapTo(window, widget.rect().center()))
    for kind in (QDragEnterEvent, QDragMoveEvent):
        drag = kind(center.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(window.windowHandle(), drag)
        if not drag.isAccepted():
            return False
    QApplication.sendEvent(window.windowHandle(), QDropEvent(center, Qt.CopyAction, mime, Qt.LeftButton,
                                                             Qt.NoModifier))
    return True


def answer(qtbot, window, button: str, timeout: int = 30000) -> str:
    """Wait for the opener's question (project in use, files outside the project), click
    the button labelled ``button`` as a user would; returns the question's text."""
    qtbot.waitUntil(lambda: window.opener.question is not None and window.opener.question.isVisible(),
                    timeout=timeout)
    question = window.opener.question
    text = question.text()
    chosen = [b for b in question.buttons() if b.text() == button]
    assert chosen, f"no button {button!r} in {[b.text() for b in question.buttons()]}"
    qtbot.mouseClick(chosen[0], Qt.LeftButton)
    return text
