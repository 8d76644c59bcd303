"""The status bar's permanent fields: the training device, memory in use, the current run."""

from __future__ import annotations

import sys

import psutil
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.core.training.device_info import DeviceInfo
from studio.gui.i18n import Retranslating
from studio.gui.wording import device_info_text

MEMORY_INTERVAL_MS = 2000
GIB = 1024 ** 3


class StatusPanel(Retranslating, QWidget):
    """Device (CPU threads or the GPU's name), the studio's memory (resident set of this
    process, plus GPU memory held by PyTorch when CUDA is in use; refreshed every 2 s),
    and the run being trained or last trained."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.device_label, self.memory_label, self.run_label = QLabel(), QLabel(), QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.run_label, self.memory_label, self.device_label):
            layout.addWidget(label)
        self._device: DeviceInfo | None = None
        self._device_error = ""
        self._run_id: str | None = None
        self._running = False
        self._process = psutil.Process()
        self.timer = QTimer(self)
        self.timer.setInterval(MEMORY_INTERVAL_MS)
        self.timer.timeout.connect(self.show_memory)
        self.timer.start()
        self.retranslate()

    def set_device(self, device: DeviceInfo | None, error: str = "") -> None:
        """Show ``device`` (:func:`studio.core.training.device.device_info`), or ``error``
        (worded by the caller, e.g. with :func:`studio.gui.wording.error_text`) when the
        chosen device is unavailable."""
        self._device, self._device_error = device, error
        self._show_device()

    def set_run(self, run_id: str | None, running: bool) -> None:
        self._run_id, self._running = run_id, running
        self._show_run()

    def retranslate(self) -> None:
        self.device_label.setToolTip(self.tr("The device training runs on. Change it under "
                                             "Training settings > device."))
        self.memory_label.setToolTip(self.tr("Memory the studio uses now: its resident memory, and "
                                             "the GPU memory PyTorch holds when training on a GPU."))
        self.run_label.setToolTip(self.tr("The run being trained, or the last one trained in this window."))
        self._show_device()
        self.show_memory()
        self._show_run()

    def _show_device(self) -> None:
        name = (device_info_text(self._device) if self._device is not None
                else self._device_error or "—")
        self.device_label.setText(self.tr("Device: {name}").format(name=name))

    def show_memory(self) -> None:
        try:
            resident = self._process.memory_info().rss / GIB
        except psutil.Error:  # a sandbox may hide the process's own statistics
            self.memory_label.setText("")
            return
        text = self.tr("Memory: {used:.2f} GB").format(used=resident)
        torch = sys.modules.get("torch")  # not loaded yet at start-up; CUDA is in use only once it is
        if torch is not None and torch.cuda.is_available() and torch.cuda.is_initialized():
            text += " · " + self.tr("GPU: {used:.2f} GB").format(used=torch.cuda.memory_allocated() / GIB)
        self.memory_label.setText(text)

    def _show_run(self) -> None:
        if self._run_id is None:
            text = self.tr("Run: none yet")
        elif self._running:
            text = self.tr("Run: {id} (training)").format(id=self._run_id)
        else:
            text = self.tr("Run: {id}").format(id=self._run_id)
        self.run_label.setText(text)
