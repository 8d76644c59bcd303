"""read_table reports progress on large files and stops when asked."""

from __future__ import annotations

import threading

import pytest

from studio.core.data import reader
from studio.core.data.reader import read_table
from studio.core.errors import Cancelled

LINE = "今天天气很好，我们去公园散步吧 the quick brown fox\t正面\n这部电影太无聊了，浪费时间\t负面\n"


@pytest.fixture
def big_file(tmp_path):
    path = tmp_path / "big.tsv"
    path.write_bytes((LINE * 200_000).encode())  # ~23 MB, 400 000 rows
    return path


def test_progress_rises_to_one(big_file, monkeypatch):
    monkeypatch.setattr(reader, "_PROGRESS_INTERVAL_S", 0.0)
    seen: list[float] = []
    table = read_table(big_file, on_progress=seen.append)
    assert table.num_rows == 400_000
    assert seen[-1] == 1.0
    assert all(0.0 <= a <= b <= 1.0 for a, b in zip(seen, seen[1:])), seen
    assert len(seen) > 10  # the parse reports along the way, not only at the end
    assert any(0.2 < value < 0.9 for value in seen)


def test_progress_is_rate_limited(big_file):
    seen: list[float] = []
    read_table(big_file, on_progress=seen.append)
    assert 1 <= len(seen) < 200
    assert seen[-1] == 1.0


def test_small_file_reports_one(tmp_path):
    path = tmp_path / "small.tsv"
    path.write_text(LINE, encoding="utf-8")
    seen: list[float] = []
    read_table(path, on_progress=seen.append)
    assert seen[-1] == 1.0


def test_cancelling_from_the_progress_callback_stops_the_read(big_file, monkeypatch):
    monkeypatch.setattr(reader, "_PROGRESS_INTERVAL_S", 0.0)
    stop = threading.Event()
    seen: list[float] = []

    def on_progress(value: float) -> None:
        seen.append(value)
        if value > 0.3:
            stop.set()

    with pytest.raises(Cancelled, match="big.tsv"):
        read_table(big_file, on_progress=on_progress, stop_event=stop)
    assert max(seen) < 0.5  # stopped within a few thousand rows of the request


def test_stop_set_before_the_read_starts(big_file):
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        read_table(big_file, stop_event=stop)


def test_unset_stop_event_reads_everything(big_file):
    table = read_table(big_file, stop_event=threading.Event())
    assert table.columns[0][-1] == "这部电影太无聊了，浪费时间"
