"""A progress bar with a Cancel button for one long task at a time (in the status bar)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from studio.gui.i18n import Retranslating
from studio.gui.workers import Job


class TaskProgress(Retranslating, QWidget):
    """Shows the progress of the :class:`~studio.gui.workers.Job` it tracks (one submitted
    with ``reports=True``); Cancel stops it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label, self.bar, self.cancel_button = QLabel(), QProgressBar(), QPushButton()
        self.bar.setRange(0, 1000)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.task: Job | None = None
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this task; what was open stays as it was."))

    def track(self, task: Job, text: str) -> None:
        """Follow ``task`` until it ends; a task tracked before is cancelled."""
        self.cancel()
        self.task = task
        self.label.setText(text)
        self.bar.setValue(0)
        task.progress.connect(self._progress)
        task.ended.connect(self._ended)
        if task.over:  # it ended before it was tracked (the job starts as it is submitted)
            self.task = None
            return
        self.show()

    def _progress(self, fraction) -> None:
        if self.sender() is self.task:
            self.bar.setValue(int(float(fraction) * 1000))

    def _ended(self) -> None:
        if self.sender() is self.task:
            self.task = None
            self.hide()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.stop()
            self.task = None
            self.hide()
