"""Will a data file fit in memory once read? Checked before the bytes are read, so a file
larger than memory gets a plain refusal instead of a machine that swaps or an OOM kill.

Reading keeps every cell as a Python ``str``. Peak memory during
:func:`studio.core.data.reader.read_table`, measured with tracemalloc (Python 3.12;
``ru_maxrss`` agrees within 10 %), as a multiple of the file size:

====================================  ==========  =========  =========
file                                  bytes/row   measured   estimate
====================================  ==========  =========  =========
THUCNews train.txt (1.9 MB, headlines)        55      8.0-8.6     12.2
ATEC pairs csv (3.5 MB, 4 columns)            89        7.3        9.1
100 MB mixed Chinese/ASCII lines              79      8.1-8.3      9.7
20 MB ASCII lines                             96        7.9        8.7
21 MB of 700-character Chinese lines        2103        4.0        4.2
====================================  ==========  =========  =========

Two parts: about 4x the bytes (the raw bytes, the decoded text, which for Chinese takes
2 bytes a character, and csv's cells alive together at the peak) plus about 300-450
bytes a row (a row list, the ``str`` headers, column and line-number slots). So the
estimate is ``size * _BYTE_FACTOR + rows * _ROW_BYTES``, with ``rows`` the line ends of
the whole file counted, not guessed from a sample: a sample can be dodged (a file whose
first MiB is one line, then 500k short rows, was estimated at 4x its size and took
29x). The count streams the file in 4 MiB blocks and counts line ends with
``bytes.count`` (LF, CRLF and a lone CR each end a line, as the reader splits them); it
stops as soon as the estimate exceeds the available memory, so a file far too large is
refused after one block, or before any when its bytes alone are too many. A file that
fits is read twice: the count takes 70-100 ms per 100 MB from the page cache (about
160 ms with CRLF line ends), next to some 5 s for the read itself.
Text that widens on decoding (ASCII with an emoji, stored 4 bytes a character) or many
short cells on a line can exceed the estimate; the check guards against the hopeless
case, it does not promise the read will fit.
"""

from __future__ import annotations

import os
from pathlib import Path

# fitted to the table in the module docstring, rounded up
_BYTE_FACTOR = 4.0
_ROW_BYTES = 450
_BLOCK_BYTES = 4 << 20  # counted at a time: large enough for bytes.count, small in memory


def available_memory() -> int | None:
    """Bytes this process can still allocate without swapping, or ``None`` when unknown.

    Reads ``MemAvailable`` from ``/proc/meminfo`` (capped by a cgroup v2 limit when one
    is set), else psutil when installed. Tests monkeypatch this function.
    """
    available = None
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    available = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        available = None
    if available is None:
        try:
            import psutil  # optional: only when something else installed it
        except ImportError:
            return None
        return int(psutil.virtual_memory().available)
    # in a container, MemAvailable is the host's; the cgroup limit is what kills us
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        used = Path("/sys/fs/cgroup/memory.current").read_text().strip()
        if limit != "max":
            available = min(available, int(limit) - int(used))
    except (OSError, ValueError):
        pass
    return available


def estimate_read_memory(size: int, rows: int) -> int:
    """Bytes needed to hold a file of ``size`` bytes and ``rows`` lines as a table."""
    return int(size * _BYTE_FACTOR + rows * _ROW_BYTES)


def _line_ends(block: bytes, after_cr: bool) -> int:
    """Line ends in ``block``: LF, CRLF and a lone CR count one each. ``after_cr``: the
    block before ended with CR, so a leading LF completes that CRLF."""
    lfs = block.count(b"\n")
    crs = block.count(b"\r")  # old Mac files end lines with CR alone, Windows files with CRLF
    pairs = block.count(b"\r\n") if lfs and crs else 0
    return lfs + crs - pairs - (after_cr and block.startswith(b"\n"))


def _count(handle, stop_above: int | None) -> tuple[int, bool]:
    """``(rows, complete)``: the lines read from ``handle`` (a last line without a line end
    counts); stops early, ``complete`` False, once more than ``stop_above`` are counted."""
    rows, after_cr, last = 0, False, b""
    while block := handle.read(_BLOCK_BYTES):
        rows += _line_ends(block, after_cr)
        after_cr, last = block.endswith(b"\r"), block[-1:]
        if stop_above is not None and rows > stop_above:
            return rows, False
    return rows + (last not in (b"", b"\n", b"\r")), True


def count_rows(path: str | os.PathLike) -> int:
    """Lines in the file at ``path``, counted in 4 MiB blocks (LF, CRLF, CR)."""
    with open(path, "rb") as handle:
        return _count(handle, None)[0]


def human_size(n: float) -> str:
    """``n`` bytes for a message: ``850 bytes``, ``12.3 MB`` (decimal units)."""
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"


def check_fits_in_memory(path: Path, size: int) -> None:
    """Refuse a file that would not fit in the memory available now.

    Raises:
        DataFormatError: the estimated need exceeds the available memory; the message
            names the file, its size, the need and what is available.
    """
    from studio.core.errors import DataFormatError

    available = available_memory()
    if available is None or size <= 0:
        return  # unknown: better to try than to refuse a file that may fit
    # the rows that would make the need exceed what is available; more stops the count
    spare = available - estimate_read_memory(size, 0)
    rows, complete = 0, False
    if spare >= 0:
        try:
            with open(path, "rb") as handle:
                rows, complete = _count(handle, spare // _ROW_BYTES)
        except OSError:
            return  # the read that follows reports the error in full
    need = estimate_read_memory(size, rows)
    if need > available:
        raise DataFormatError("data.too_large" if complete else "data.too_large_at_least", file=path,
                              size=human_size(size), need=human_size(need), available=human_size(available),
                              name=os.path.basename(path), suffix=Path(path).suffix)
