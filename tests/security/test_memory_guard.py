"""The memory guard of ``read_table`` cannot be fooled by a file whose first MiB is unlike
the rest: it counts the rows of the whole file, and refuses before the read."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from studio.core.data import memory
from studio.core.data.reader import read_table
from studio.core.errors import DataFormatError

ROWS = 500_000


def crafted(path: Path, newline: bytes = b"\n") -> Path:
    """One 1 MiB line, then 500k short rows: the first MiB holds no line end at all."""
    with open(path, "wb") as out:
        out.write(b"x" * (1 << 20) + b"\tA" + newline)
        out.write(b"".join(b"r%d\tB" % i + newline for i in range(ROWS)))
    return path


@pytest.fixture
def no_read(monkeypatch) -> list:
    """Records any call of the reader's byte read; the guard must refuse before it."""
    opened: list = []
    monkeypatch.setattr("studio.core.data.reader._read_bytes",
                        lambda *args: opened.append(args) or b"")
    return opened


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_long_first_line_does_not_fool_the_guard(tmp_path, monkeypatch, no_read, newline):
    path = crafted(tmp_path / "crafted.tsv", newline)
    size = path.stat().st_size
    # the old estimate (rows from the first MiB's average line) was ~4x the size, about
    # 34 MB; reading it really takes ~130 MB more: 60 MB lies between the two
    assert size * memory._BYTE_FACTOR * 1.2 < 60_000_000
    monkeypatch.setattr(memory, "available_memory", lambda: 60_000_000)
    with pytest.raises(DataFormatError) as caught:
        read_table(path)
    message = str(caught.value)
    assert not no_read
    assert str(path) in message
    assert f"the file is {memory.human_size(size)}" in message
    assert "60.0 MB is available" in message
    # the count stops once the need passes the budget: the need named is what it had seen
    need = re.search(r"needs (?:about|at least) ([\d.]+) MB of memory", message)
    full = memory.estimate_read_memory(size, ROWS + 1) / 1e6
    assert need and 60 < float(need[1]) <= full, message


def test_huge_file_is_refused_without_reading_all_of_it(tmp_path, monkeypatch, no_read):
    path = tmp_path / "many.tsv"
    path.write_bytes(b"a\tB\n" * (8 << 20))  # 32 MiB, 8M rows
    reads: list[int] = []
    real_open = open

    class Counting:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def read(self, n=-1):
            data = self.handle.read(n)
            reads.append(len(data))
            return data

    monkeypatch.setattr(memory, "open", lambda *a, **k: Counting(real_open(*a, **k)),
                        raising=False)
    # the bytes alone fit; the rows of the first block already do not
    monkeypatch.setattr(memory, "available_memory",
                        lambda: int(path.stat().st_size * memory._BYTE_FACTOR) + 10_000)
    with pytest.raises(DataFormatError, match="needs at least"):
        read_table(path)
    assert not no_read
    assert 0 < sum(reads) <= memory._BLOCK_BYTES


def test_size_alone_over_the_budget_reads_nothing(tmp_path, monkeypatch, no_read):
    path = tmp_path / "big.tsv"
    path.write_bytes(b"text\tlabel\n" * 10_000)
    monkeypatch.setattr(memory, "available_memory", lambda: 1000)
    monkeypatch.setattr(memory, "open", lambda *a, **k: pytest.fail("opened"), raising=False)
    with pytest.raises(DataFormatError, match="1.0 KB is available"):
        read_table(path)
    assert not no_read


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_normal_file_still_reads(tmp_path, monkeypatch, newline):
    rows = [(f"第{i}条新闻标题", "体育" if i % 2 else "财经") for i in range(2000)]
    path = tmp_path / "news.tsv"
    path.write_bytes("".join(f"{t}\t{label}{newline}" for t, label in rows).encode())
    size = path.stat().st_size
    need = memory.estimate_read_memory(size, len(rows))
    monkeypatch.setattr(memory, "available_memory", lambda: need + 1)  # just enough
    table = read_table(path)
    assert [tuple(r) for r in zip(*table.columns, strict=True)] == rows


@pytest.mark.parametrize("body, rows", [
    (b"", 0),
    (b"a", 1),
    (b"a\n", 1),
    (b"a\nb", 2),
    (b"a\r\nb\r\n", 2),
    (b"a\rb\rc", 3),
    (b"a\r\n\r\nb\n\rc", 5),  # a, '', b, '', c
])
def test_count_rows(tmp_path, body, rows):
    path = tmp_path / "f.txt"
    path.write_bytes(body)
    assert memory.count_rows(path) == rows


def test_count_rows_across_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(memory, "_BLOCK_BYTES", 4)
    path = tmp_path / "f.txt"
    path.write_bytes(b"abc\r\ndef\r\n\r\rx\ry\r\n")  # CRLF pairs split over the blocks
    assert memory.count_rows(path) == 6


def test_guard_time_on_100_mb(tmp_path, monkeypatch):
    """Not a timed assertion: prints what the guard's counting pass costs."""
    path = tmp_path / "big.tsv"
    line = "混合 Chinese 和 ASCII 的一行文本，长度大约八十字节\t体育\n".encode()
    with open(path, "wb") as out:
        block = line * ((4 << 20) // len(line))
        while out.tell() < 100_000_000:
            out.write(block)
    size = path.stat().st_size
    monkeypatch.setattr(memory, "available_memory", lambda: 1 << 50)
    memory.check_fits_in_memory(path, size)  # warm the page cache, as the read would find it
    times = []
    for _ in range(3):
        start = time.perf_counter()
        memory.check_fits_in_memory(path, size)
        times.append(time.perf_counter() - start)
    print(f"\nmemory guard on {size / 1e6:.0f} MB: {min(times) * 1000:.0f} ms "
          f"({min(times) * 1000 * 100e6 / size:.0f} ms per 100 MB)")
