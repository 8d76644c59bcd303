"""Start-up timing for ``benchmarks/startup.py``.

When ``STUDIO_STARTUP_TRACE`` names a file, the app appends one JSON line per moment of its
start, each with ``time.time()`` and which of the slow libraries (:data:`HEAVY`) were
imported by then: ``painted`` (the window's first paint), ``interactive`` (the event loop
answered the first event posted after it), ``ready`` (the tabs are built; with ``gap_ms``,
the longest the event loop went without answering a 10 ms timer since the first paint: the
freeze a user could feel while loading) and ``opened`` (the project or sample asked for is
open). With ``STUDIO_STARTUP_EXIT=1`` the app closes its window after the last one."""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

TRACE = "STUDIO_STARTUP_TRACE"
EXIT = "STUDIO_STARTUP_EXIT"
HEARTBEAT_MS = 10
HEAVY = ("torch", "sklearn", "pyqtgraph", "captum", "gensim", "jieba", "onnx", "onnxruntime", "scipy")


class StartupTrace(QObject):
    """Writes the moments of start-up of ``window`` to ``path``; ``opens`` says whether a
    project or data file was asked for (then ``opened`` is the last moment, else ``ready``)."""

    def __init__(self, window, path: str, opens: bool):
        super().__init__(window)
        self.window, self.path, self.opens = window, path, opens
        self.seen: set[str] = set()
        window.installEventFilter(self)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self._beat)
        self.last_beat = 0.0
        self.gap = 0.0
        window.ready.connect(lambda: self._mark("ready"))
        window.projectOpened.connect(lambda: self._mark("opened"))
        window.dataLoaded.connect(lambda: self._mark("opened"))
        window.errorShown.connect(lambda text: self._mark("error", text))

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and "painted" not in self.seen:
            self._mark("painted")
            QTimer.singleShot(0, lambda: self._mark("interactive"))
            self.last_beat = time.perf_counter()
            self.heartbeat.start()
        return False

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gap = max(self.gap, now - self.last_beat)
        self.last_beat = now

    def _mark(self, moment: str, detail: str = "") -> None:
        if moment in self.seen:
            return
        self.seen.add(moment)
        line = {"moment": moment, "time": time.time(), "detail": detail,
                "loaded": [name for name in HEAVY if name in sys.modules]}
        if moment == "ready":
            self._beat()
            self.heartbeat.stop()
            line["gap_ms"] = round(self.gap * 1000, 1)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(line) + "\n")
        last = "opened" if self.opens else "ready"
        if os.environ.get(EXIT) == "1" and (moment == "error" or {"interactive", last} <= self.seen):
            QTimer.singleShot(0, self.window.close)  # as a user closes it: the workers are joined


def install(window, opens: bool) -> StartupTrace | None:
    """A :class:`StartupTrace` on ``window`` when ``STUDIO_STARTUP_TRACE`` is set, else None."""
    path = os.environ.get(TRACE)
    return StartupTrace(window, path, opens) if path else None
