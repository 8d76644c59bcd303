"""The one place where threads meet Qt.

Each worker is a QObject moved to its own QThread. Its job runs plain core code; it
reports only by emitting signals (delivered to the GUI thread as queued calls) and
never touches a widget. :class:`WorkerPool` keeps every thread alive until it ends and
stops and joins them all when the window closes.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from studio.core.errors import Cancelled, StudioError
from studio.core.settings import Settings
from studio.core.project_runs import resume_config
from studio.core.training.run import execute_run, resume_run
from studio.gui.i18n import translate


def user_message(exc: BaseException) -> str:
    """A plain message for a dialog: StudioError text as is, anything else summarised."""
    if isinstance(exc, StudioError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return translate("Worker", "Out of memory. Use a smaller batch size, max length or model, and try again.")
    traceback.print_exception(exc)  # for the log / terminal, never for the dialog
    return translate("Worker", "Something went wrong: {error}").format(error=f"{type(exc).__name__}: {exc}")


class TaskWorker(QObject):
    """Runs ``fn(*args)`` once on its thread; emits ``done(result)`` or ``failed(message)``."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[..., Any], *args: Any):
        super().__init__()
        self._fn, self._args = fn, args

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # every failure reaches the one error dialog
            self.failed.emit(user_message(exc))
        else:
            self.done.emit(result)


class ProgressTask(QObject):
    """Runs ``fn(*args, on_progress=..., stop_event=..., [on_status=...])`` once on its
    thread: a long job that reports progress and can be stopped.

    ``progress(object)`` carries whatever the job reports (it may be emitted from a
    thread the job starts itself; Qt queues it to the GUI thread all the same). The job
    ends with ``done(result)``, ``failed(message)`` or, after :meth:`stop`, ``cancelled()``.
    """

    progress = Signal(object)
    status = Signal(str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, with_status: bool = False):
        super().__init__()
        self._fn, self._args, self._with_status = fn, args, with_status
        self.stop_event = threading.Event()

    def stop(self) -> None:
        self.stop_event.set()

    @Slot()
    def run(self) -> None:
        extra = {"on_status": self.status.emit} if self._with_status else {}
        try:
            result = self._fn(*self._args, on_progress=self.progress.emit, stop_event=self.stop_event, **extra)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # every failure reaches the one error dialog
            self.failed.emit(user_message(exc))
        else:
            self.done.emit(result)


class TrainingWorker(QObject):
    """Trains one run from ``settings``; the trainer's events become ``event`` signals.

    ``stop()`` and ``set_paused()`` may be called from the GUI thread: they only set
    ``threading.Event`` flags the trainer checks between batches.
    """

    event = Signal(object)  # a studio.core.training.events dataclass
    status = Signal(str)
    done = Signal(object)  # the finished studio.core.training.run.Run
    failed = Signal(str)

    def __init__(self, settings: Settings | None, tables: dict, taken_ids: list[str],
                 run_dir: Path | None = None, resume: bool = False):
        """Train a new run from ``settings`` (written into ``run_dir`` as it trains when
        given), or with ``resume`` continue the run in ``run_dir`` from its checkpoint."""
        super().__init__()
        self.settings, self.tables, self.taken_ids = settings, tables, taken_ids
        self.run_dir, self.resume = run_dir, resume
        self.stop_event, self.pause_event = threading.Event(), threading.Event()

    def stop(self) -> None:
        self.pause_event.clear()
        self.stop_event.set()

    def set_paused(self, paused: bool) -> None:
        if paused:
            self.pause_event.set()
        else:
            self.pause_event.clear()

    @Slot()
    def run(self) -> None:
        common = dict(callbacks=[self.event.emit], stop_event=self.stop_event,
                      pause_event=self.pause_event, on_status=self.status.emit)
        try:
            if self.resume:
                config = resume_config(self.run_dir)  # its outside files: agreed to when opened, or refused
                run = resume_run(self.run_dir, self.tables, config=config, **common)
            else:
                run = execute_run(self.settings, self.tables, taken_ids=self.taken_ids,
                                  run_dir=self.run_dir, **common)
        except Exception as exc:
            self.failed.emit(user_message(exc))
        else:
            self.done.emit(run)


class WorkerPool(QObject):
    """Starts workers on their own QThreads and keeps them until they finish."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: dict[QThread, QObject] = {}
        self._callbacks: dict[QObject, tuple[Callable | None, Callable | None]] = {}

    def start(self, worker: QObject, on_done: Callable | None = None,
              on_failed: Callable | None = None) -> QObject:
        """Move ``worker`` (with a ``run`` slot, ``done`` and ``failed`` signals) to a new
        thread and start it. The callbacks run on the GUI thread: the signals reach this
        pool's slots first, and a plain function connected to a worker directly would
        run on the worker's thread."""
        thread = QThread(self)
        worker.moveToThread(thread)
        self._callbacks[worker] = (on_done, on_failed)
        worker.done.connect(self._relay_done)
        worker.failed.connect(self._relay_failed)
        worker.done.connect(thread.quit)
        worker.failed.connect(thread.quit)
        if isinstance(worker, ProgressTask):
            worker.cancelled.connect(thread.quit)
        thread.started.connect(worker.run)
        thread.finished.connect(self._thread_finished)
        self._running[thread] = worker
        thread.start()
        return worker

    @Slot(object)
    def _relay_done(self, result: object) -> None:
        callback = self._callbacks.get(self.sender(), (None, None))[0]
        if callback is not None:
            callback(result)

    @Slot(str)
    def _relay_failed(self, message: str) -> None:
        callback = self._callbacks.get(self.sender(), (None, None))[1]
        if callback is not None:
            callback(message)

    @Slot()
    def _thread_finished(self) -> None:
        self._finished(self.sender())

    def run_task(self, fn: Callable, *args, on_done: Callable | None = None,
                 on_failed: Callable | None = None) -> TaskWorker:
        return self.start(TaskWorker(fn, *args), on_done, on_failed)

    def _finished(self, thread: QThread) -> None:
        worker = self._running.pop(thread, None)
        if worker is None:
            return
        self._callbacks.pop(worker, None)
        worker.deleteLater()
        thread.deleteLater()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Ask running training and progress tasks to stop, then wait for every thread to end."""
        for thread, worker in list(self._running.items()):
            if isinstance(worker, (TrainingWorker, ProgressTask)):
                worker.stop()
            thread.quit()
            thread.wait(timeout_ms)
        for thread in list(self._running):
            self._finished(thread)
