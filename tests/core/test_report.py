"""The Reporter: one object for a long job's progress, events, stop and pause."""

from __future__ import annotations

import threading

import pytest

from studio.core.errors import Cancelled
from studio.core.messages import message
from studio.core.report import Notice, Reporter, Stage


def test_progress_rises_is_throttled_and_always_ends_at_one():
    seen = []
    report = Reporter(on_progress=seen.append)
    for i in range(1000):
        report.progress(i / 1000)
    report.progress(1.0)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert len(seen) < 20  # at most every 0.1 s
    assert seen == sorted(seen)


def test_a_part_maps_its_progress_into_its_slice_and_shares_stop():
    seen = []
    report = Reporter(on_progress=seen.append)
    second = report.part(0.5, 1.0).part(0.5, 1.0)
    second.progress(0.0)
    second.progress(1.0)
    assert seen == [0.75, 1.0]
    report.stop()
    with pytest.raises(Cancelled):
        second.check()


def test_stages_and_notices_carry_codes_not_sentences():
    events = []
    report = Reporter(on_event=events.append)
    report.stage("stage.tokenizing")
    report.notice(message("stage.training"), "warning")
    assert events == [Stage(message("stage.tokenizing")), Notice(message("stage.training"), "warning")]
    assert str(events[0].message) == "Tokenizing…"


def test_pause_blocks_until_resumed_or_stopped():
    report = Reporter()
    report.pause(True)
    waiter = threading.Thread(target=report.wait_while_paused)
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive()
    report.stop()  # stopping also ends a pause
    waiter.join(2)
    assert not waiter.is_alive() and not report.paused and report.stopped
