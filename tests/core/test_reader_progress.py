"""read_table reports progress on large files and stops when asked."""

from __future__ import annotations

import pytest

from studio.core import report as report_module
from studio.core.data.reader import read_table
from studio.core.errors import Cancelled
from studio.core.report import Reporter

LINE = "今天天气很好，我们去公园散步吧 the quick brown fox\t正面\n这部电影太无聊了，浪费时间\t负面\n"


@pytest.fixture
def big_file(tmp_path):
    path = tmp_path / "big.tsv"
    path.write_bytes((LINE * 200_000).encode())  # ~23 MB, 400 000 rows
    return path


def test_progress_rises_to_one(big_file, monkeypatch):
    monkeypatch.setattr(report_module, "PROGRESS_INTERVAL_S", 0.0)
    seen: list[float] = []
    table = read_table(big_file, report=Reporter(seen.append))
    assert table.num_rows == 400_000
    assert seen[-1] == 1.0
    assert all(0.0 <= a <= b <= 1.0 for a, b in zip(seen, seen[1:], strict=False)), seen
    assert len(seen) > 10  # the parse reports along the way, not only at the end
    assert any(0.2 < value < 0.9 for value in seen)


def test_progress_is_rate_limited(big_file):
    seen: list[float] = []
    read_table(big_file, report=Reporter(seen.append))
    assert 1 <= len(seen) < 200
    assert seen[-1] == 1.0


def test_small_file_reports_one(tmp_path):
    path = tmp_path / "small.tsv"
    path.write_text(LINE, encoding="utf-8")
    seen: list[float] = []
    read_table(path, report=Reporter(seen.append))
    assert seen[-1] == 1.0


def test_stopping_from_the_progress_callback_stops_the_read(big_file, monkeypatch):
    monkeypatch.setattr(report_module, "PROGRESS_INTERVAL_S", 0.0)
    seen: list[float] = []

    def on_progress(value: float) -> None:
        seen.append(value)
        if value > 0.3:
            reporter.stop()

    reporter = Reporter(on_progress)
    with pytest.raises(Cancelled):
        read_table(big_file, report=reporter)
    assert max(seen) < 0.5  # stopped within a few thousand rows of the request


def test_stopped_before_the_read_starts(big_file):
    reporter = Reporter()
    reporter.stop()
    with pytest.raises(Cancelled):
        read_table(big_file, report=reporter)


def test_a_reporter_never_stopped_reads_everything(big_file):
    table = read_table(big_file, report=Reporter())
    assert table.columns[0][-1] == "这部电影太无聊了，浪费时间"
