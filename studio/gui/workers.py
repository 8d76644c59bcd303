"""The one place where threads meet Qt: one :class:`Job` type for every background call.

A job runs a plain core function on its own QThread. A function that takes
``report=`` (a :class:`studio.core.report.Reporter`) gets one whose progress and events
become the job's signals; ``stop()`` and ``pause()`` reach the function through it. The
job ends with exactly one of ``done(result)``, ``failed(error)`` or ``cancelled()``.
The job never touches a widget: the callbacks given to :meth:`WorkerPool.submit` run on
the GUI thread, relayed through the pool's slots.

A job submitted with a ``key`` supersedes the job with the same key: the older one is
asked to stop and its outcome is dropped, and the newer one starts when the older has
ended (so two saves of one project never overlap). This is the one "only the newest
request counts" in the studio.

Why not superqt's ``thread_worker`` or psygnal: they give the same signals, but the
keyed "newest wins" queue and the pool that joins every thread when the window closes
would still be ours, and the Reporter already carries stop and pause into core code
that knows nothing of Qt. One small class here is less to learn than a library plus
the glue.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from studio.core.errors import Cancelled, StudioError
from studio.core.report import Reporter
from studio.gui.wording import error_text


class Job(QObject):
    """``fn(*args, **kwargs)`` (plus ``report=`` when ``reports``) on its own thread."""

    progress = Signal(float)
    event = Signal(object)
    done = Signal(object)
    failed = Signal(object)  # the exception; the pool words it for the callback
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    def __init__(self, fn: Callable[..., Any], *args: Any, reports: bool = False, **kwargs: Any):
        super().__init__()
        self._fn, self._args, self._kwargs, self._reports = fn, args, kwargs, reports
        self.reporter = Reporter(self.progress.emit, self.event.emit)
        self.over = False  # set just before ``ended``: a widget that connects late can tell

    def stop(self) -> None:
        self.reporter.stop()

    def pause(self, paused: bool) -> None:
        self.reporter.pause(paused)

    @Slot()
    def run(self) -> None:
        extra = {"report": self.reporter} if self._reports else {}
        try:
            result = self._fn(*self._args, **self._kwargs, **extra)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # every failure reaches the one error dialog
            self.failed.emit(exc)
        else:
            self.done.emit(result)
        self.over = True
        self.ended.emit()


@dataclass
class _Callbacks:
    key: Hashable | None
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[str], None] | None
    on_progress: Callable[[float], None] | None
    on_event: Callable[[Any], None] | None
    on_cancelled: Callable[[], None] | None
    superseded: bool = False


class WorkerPool(QObject):
    """Starts jobs on their own QThreads, keeps them until they end, and joins them all
    on :meth:`shutdown` (closing the window)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._threads: dict[Job, QThread] = {}
        self._callbacks: dict[Job, _Callbacks] = {}
        self._keyed: dict[Hashable, Job] = {}  # the running job of each key
        self._pending: dict[Hashable, Job] = {}  # the newest job waiting for it
        self._closed = False  # after shutdown(): a job asked for by a late signal never starts

    def submit(self, fn: Callable[..., Any], *args: Any, key: Hashable | None = None,
               reports: bool = False, on_done: Callable[[Any], None] | None = None,
               on_failed: Callable[[str], None] | None = None,
               on_progress: Callable[[float], None] | None = None,
               on_event: Callable[[Any], None] | None = None,
               on_cancelled: Callable[[], None] | None = None, **kwargs: Any) -> Job:
        """Run ``fn(*args, **kwargs)`` on a new thread; with ``reports`` it also gets
        ``report=``. Callbacks run on the GUI thread; ``on_failed`` gets the error worded
        in the user's language. With ``key``, this job supersedes that key's job."""
        job = Job(fn, *args, reports=reports, **kwargs)
        if self._closed:
            job.deleteLater()
            return job
        self._callbacks[job] = _Callbacks(key, on_done, on_failed, on_progress, on_event, on_cancelled)
        if key is not None and key in self._keyed:
            self._supersede(self._keyed[key])
            waiting = self._pending.pop(key, None)
            if waiting is not None:
                self._callbacks.pop(waiting, None)
                waiting.deleteLater()
            self._pending[key] = job
        else:
            self._start(job)
        return job

    def cancel(self, key: Hashable) -> None:
        """Stop the job of ``key`` and drop its outcome, and any job waiting for it."""
        waiting = self._pending.pop(key, None)
        if waiting is not None:
            self._callbacks.pop(waiting, None)
            waiting.deleteLater()
        if key in self._keyed:
            self._supersede(self._keyed[key])

    def busy(self, key: Hashable) -> bool:
        return key in self._keyed or key in self._pending

    def _supersede(self, job: Job) -> None:
        job.stop()
        callbacks = self._callbacks.get(job)
        if callbacks is not None:
            callbacks.superseded = True

    def _start(self, job: Job) -> None:
        thread = QThread(self)
        job.moveToThread(thread)
        job.progress.connect(self._relay_progress)
        job.event.connect(self._relay_event)
        job.done.connect(self._relay_done)
        job.failed.connect(self._relay_failed)
        job.cancelled.connect(self._relay_cancelled)
        job.ended.connect(thread.quit)
        thread.started.connect(job.run)
        thread.finished.connect(self._thread_finished)
        self._threads[job] = thread
        key = self._callbacks[job].key
        if key is not None:
            self._keyed[key] = job
        thread.start()

    def _live(self) -> _Callbacks | None:
        """The callbacks of the job that sent the signal being relayed, unless superseded."""
        callbacks = self._callbacks.get(self.sender())
        return None if callbacks is None or callbacks.superseded else callbacks

    @Slot(float)
    def _relay_progress(self, fraction: float) -> None:
        callbacks = self._live()
        if callbacks is not None and callbacks.on_progress is not None:
            callbacks.on_progress(fraction)

    @Slot(object)
    def _relay_event(self, event: object) -> None:
        callbacks = self._live()
        if callbacks is not None and callbacks.on_event is not None:
            callbacks.on_event(event)

    @Slot(object)
    def _relay_done(self, result: object) -> None:
        callbacks = self._live()
        if callbacks is not None and callbacks.on_done is not None:
            callbacks.on_done(result)

    @Slot(object)
    def _relay_failed(self, error: object) -> None:
        callbacks = self._live()
        if callbacks is not None and callbacks.on_failed is not None:
            callbacks.on_failed(error_text(error))  # a bug's traceback goes to the terminal there
        elif not isinstance(error, (StudioError, MemoryError)):
            traceback.print_exception(error)  # a superseded job's bug is still a bug

    @Slot()
    def _relay_cancelled(self) -> None:
        callbacks = self._live()
        if callbacks is not None and callbacks.on_cancelled is not None:
            callbacks.on_cancelled()

    @Slot()
    def _thread_finished(self) -> None:
        thread = self.sender()
        job = next((j for j, t in self._threads.items() if t is thread), None)
        if job is not None:
            self._finished(job)

    def _finished(self, job: Job) -> None:
        thread = self._threads.pop(job)
        callbacks = self._callbacks.pop(job, None)
        job.deleteLater()
        thread.deleteLater()
        key = callbacks.key if callbacks is not None else None
        if key is not None and self._keyed.get(key) is job:
            del self._keyed[key]
            waiting = self._pending.pop(key, None)
            if waiting is not None:
                self._start(waiting)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Drop waiting jobs, ask running ones to stop, and wait for every thread to end;
        jobs submitted afterwards (by signals still queued as the window closes) never run."""
        self._closed = True
        for waiting in self._pending.values():
            self._callbacks.pop(waiting, None)
            waiting.deleteLater()
        self._pending.clear()
        for job, thread in list(self._threads.items()):
            job.stop()
            thread.quit()
            thread.wait(timeout_ms)
        for job in list(self._threads):
            self._finished(job)
