"""Files dropped anywhere on the window open there."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def local_files(event) -> list[str]:
    """The local files a drag or drop event carries."""
    mime = event.mimeData()
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []


def open_dropped(event, open_path: Callable[[str], None]) -> None:
    """Accept a drop of files and open the first one after the drop returns: the file
    manager is not held while the window asks whether to save the open project."""
    files = local_files(event)
    if files:
        event.acceptProposedAction()
        QTimer.singleShot(0, partial(open_path, files[0]))


def _drop_target(widget: QWidget) -> QWidget | None:
    """The nearest widget from ``widget`` up that handles dropped files itself: one with a
    ``drop_files(paths)`` method, such as the Inference tab's "Label a file"."""
    while widget is not None:
        if callable(getattr(widget, "drop_files", None)):
            return widget
        widget = widget.parentWidget()
    return None


class DropRouter(QObject):
    """Sends files dropped on any widget of ``window`` (text boxes included, which would
    otherwise paste the path) to ``open_path``, so a drop anywhere opens the file; a drop
    inside a widget with ``drop_files(paths)`` (the Inference tab's "Label a file") goes
    there instead. Until :meth:`remove`.

    It watches the window's QWindow: every drag from outside reaches it before Qt hands the
    drag to the widget under the cursor. An application-wide filter would see the same drags
    but also every other event of the studio, each a call into Python (it made building a
    window about a third slower)."""

    def __init__(self, window: QWidget, open_path: Callable[[str], None]):
        super().__init__(window)
        self.window, self.open_path = window, open_path
        self._handle = None  # the QWindow watched; Qt creates it when the window is first shown
        window.installEventFilter(self)
        self._watch_handle()

    def _watch_handle(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None and handle is not self._handle:
            if self._handle is not None:
                self._handle.removeEventFilter(self)
            handle.installEventFilter(self)
            self._handle = handle

    def remove(self) -> None:
        self.window.removeEventFilter(self)
        if self._handle is not None:
            self._handle.removeEventFilter(self)
            self._handle = None

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if obj is self.window:
            if kind in (QEvent.Show, QEvent.WinIdChange):  # the QWindow may be new
                self._watch_handle()
            return False
        if kind not in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop) or not local_files(event):
            return False
        under = self.window.childAt(event.position().toPoint()) or self.window
        target = _drop_target(under)  # a part of the window that takes files itself
        if kind == QEvent.Drop:
            open_dropped(event, self.open_path if target is None else lambda path: target.drop_files([path]))
        else:
            event.acceptProposedAction()
        return True
