"""Drive the real window the way a user does: drops, clicks, typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def drop_file(widget, path: Path) -> None:
    """Send a drag-enter and a drop of ``path`` to ``widget`` as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    center = widget.rect().center()
    enter = QDragEnterEvent(center, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the window refused the drag"
    drop = QDropEvent(QPointF(center), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, drop)


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
