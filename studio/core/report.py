"""How a long core job reports: one :class:`Reporter` in place of separate progress,
status, callback, stop and pause channels.

The job (reading a file, training word vectors, preparing and training a run,
evaluating) receives a reporter and calls :meth:`Reporter.progress` with the fraction
done, :meth:`Reporter.event` with typed events (the trainer's events, :class:`Stage`,
:class:`Notice`), and :meth:`Reporter.check` between units of work. The caller — the
command line, a test, or the GUI's one thread bridge (``studio/gui/workers.py``) — gives
the reporter its ``on_progress`` and ``on_event`` callables and may call :meth:`stop`
and :meth:`pause` from any thread. Nothing here knows about Qt; events carry codes and
parameters, never finished sentences (see :mod:`studio.core.messages`).

Orange3's task-state object and napari's progress objects follow the same idea.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from studio.core.errors import Cancelled
from studio.core.messages import Message

PROGRESS_INTERVAL_S = 0.1  # progress is passed on at most this often (and always at 1.0)


@dataclass(frozen=True)
class Stage:
    """A job moved on to a named stage (``stage.tokenizing``)."""

    kind: ClassVar[str] = "stage"
    message: Message


@dataclass(frozen=True)
class Notice:
    """Something the user should know that does not stop the job: ``level`` is
    ``"info"`` (pretrained-vector coverage) or ``"warning"`` (skipped data rows)."""

    kind: ClassVar[str] = "notice"
    message: Message
    level: str = "info"


class Reporter:
    """Progress, events, stop and pause of one long job; thread-safe for stop/pause.

    Args:
        on_progress: called with the fraction done (0..1), at most every
            :data:`PROGRESS_INTERVAL_S` and always with 1.0.
        on_event: called with every event the job reports, on the job's thread.
    """

    def __init__(self, on_progress: Callable[[float], None] | None = None,
                 on_event: Callable[[Any], None] | None = None):
        self._on_progress, self._on_event = on_progress, on_event
        self._stop, self._pause = threading.Event(), threading.Event()
        self._last_progress = -1.0
        self._last_time = 0.0
        self._span = (0.0, 1.0)
        self._children: weakref.WeakSet[Reporter] = weakref.WeakSet()
        self._children_lock = threading.Lock()

    # ----- the job's side -------------------------------------------------------
    def progress(self, fraction: float) -> None:
        if self._on_progress is None:
            return
        start, end = self._span
        value = start + (end - start) * min(1.0, max(0.0, fraction))
        now = time.monotonic()
        if value >= 1.0 or (value > self._last_progress and now - self._last_time >= PROGRESS_INTERVAL_S):
            self._last_progress, self._last_time = value, now
            self._on_progress(value)

    def event(self, event: Any) -> None:
        if self._on_event is not None:
            self._on_event(event)

    def stage(self, code: str, **params: Any) -> None:
        self.event(Stage(Message(code, params)))

    def notice(self, message: Message, level: str = "info") -> None:
        self.event(Notice(message, level))

    def check(self) -> None:
        """Raises :class:`Cancelled` once :meth:`stop` was called."""
        if self._stop.is_set():
            raise Cancelled()

    def wait_while_paused(self, poll_s: float = 0.05) -> None:
        """Block while paused (returns at once when stopped)."""
        while self._pause.is_set() and not self._stop.is_set():
            self._stop.wait(poll_s)

    def wait(self, seconds: float) -> None:
        """Sleep ``seconds`` (a job pacing itself), returning early once stopped."""
        if seconds > 0:
            self._stop.wait(seconds)

    def part(self, start: float, end: float) -> Reporter:
        """A reporter for one part of this job: its progress 0..1 maps to ``start..end``
        of this one; events, stop and pause are shared."""
        child = Reporter(self._on_progress, self._on_event)
        child._stop, child._pause = self._stop, self._pause
        child._children, child._children_lock = self._children, self._children_lock  # one stop for both
        low, high = self._span
        child._span = (low + (high - low) * start, low + (high - low) * end)
        return child

    def child(self, on_event: Callable[[Any], None] | None = None) -> Reporter:
        """A reporter for a job inside this one that can be stopped alone (a hyperparameter
        search's trial, pruned): it shares this one's pause, and stopping this one stops it
        too, but stopping it leaves this one running. Its events go to ``on_event`` only."""
        child = Reporter(None, on_event)
        child._pause = self._pause
        with self._children_lock:
            self._children.add(child)
            if self._stop.is_set():
                child._stop.set()
        return child

    # ----- the caller's side (any thread) ------------------------------------------
    def stop(self) -> None:
        self._pause.clear()
        with self._children_lock:
            self._stop.set()
            children = list(self._children)
        for child in children:
            child.stop()

    def pause(self, paused: bool = True) -> None:
        if paused:
            self._pause.set()
        else:
            self._pause.clear()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return self._pause.is_set()

    @property
    def stop_event(self) -> threading.Event:
        """The stop flag itself, for code that waits on it (``stop_event.wait(s)``)."""
        return self._stop
