"""The one Job type: signals on the GUI thread, keyed jobs where only the newest counts,
errors worded, stop reaching core code through its Reporter."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from studio.core.errors import DataFormatError
from studio.gui import i18n
from studio.gui.workers import WorkerPool


@pytest.fixture
def pool(qapp):
    pool = WorkerPool()
    yield pool
    pool.shutdown()


def _counting(n, gate: threading.Event | None = None, report=None):
    for i in range(10):
        if gate is not None:
            gate.wait(1)
        report.progress(i / 10)
        report.check()
        time.sleep(0.01)
    return n


def test_a_keyed_job_supersedes_the_running_one_and_only_the_newest_result_arrives(qtbot, pool):
    results, cancelled, gate = [], [], threading.Event()
    gui_thread = QThread.currentThread()

    def done(value):
        assert QThread.currentThread() is gui_thread  # callbacks run on the GUI thread
        results.append(value)

    for n in range(4):
        pool.submit(_counting, n, gate, key="preview", reports=True, on_done=done,
                    on_cancelled=lambda: cancelled.append(True))
    assert pool.busy("preview")
    gate.set()
    qtbot.waitUntil(lambda: not pool.busy("preview"), timeout=5000)
    assert results == [3]  # 0 was stopped and dropped; 1 and 2 were replaced while waiting
    assert cancelled == []  # a superseded job's outcome is dropped, cancellation included


def test_jobs_without_a_key_run_side_by_side_and_report_progress(qtbot, pool):
    results, progress = [], []
    for n in range(3):
        pool.submit(_counting, n, reports=True, on_done=results.append, on_progress=progress.append)
    qtbot.waitUntil(lambda: len(results) == 3, timeout=5000)
    assert sorted(results) == [0, 1, 2]
    assert progress and max(progress) <= 1.0


def test_a_failure_reaches_the_callback_worded_in_the_language_in_force(qtbot, pool):
    messages = []

    def fail():
        raise DataFormatError("cancelled")

    i18n.apply_language("zh_CN")
    try:
        pool.submit(fail, on_failed=messages.append)
        qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    finally:
        i18n.apply_language("en")
    assert messages[0] != "Stopped." and messages[0].strip()


def test_stopping_a_job_cancels_it_and_shutdown_joins_every_thread(qtbot, pool):
    cancelled, gate = [], threading.Event()
    job = pool.submit(_counting, 1, gate, reports=True, on_cancelled=lambda: cancelled.append(True))
    job.stop()
    gate.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    pool.submit(_counting, 2, threading.Event(), reports=True)  # waits on a gate never opened
    pool.shutdown(timeout_ms=10000)
    assert pool.findChildren(QThread) == [] or all(not t.isRunning() for t in pool.findChildren(QThread))
