"""Word-vector files built to exhaust memory or time (issue 14, item 2).

Each bomb is a small file on disk that once expanded to far more memory or time than its
size: one line with no line end in a ``.txt.gz``, a word with no space after it in a
``.bin.bz2``, an ``.npz`` declaring a 16-million-column matrix, and millions of short
lines in a header-less ``.txt.bz2``. Each must now end in a ``DataFormatError`` that
names the file and the fault, in under 2 s and under 50 MB of extra memory. Memory is
measured in a fresh Python process (the peak RSS after the read less the RSS before it,
with gensim already imported), so one test cannot hide behind another's allocations. On
Linux the peak is the process's ``VmHWM``, reset before the read: ``ru_maxrss`` starts at
the parent's peak (it survives fork and exec), which would hide a child below it.
"""

from __future__ import annotations

import bz2
import gzip
import json
import logging
import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from studio.core.data import memory
from studio.core.embeddings import vector_bounds
from studio.core.embeddings import vectors as vectors_module
from studio.core.embeddings.vector_bounds import MAX_DIMENSION, MAX_LINE_BYTES, MAX_WORD_BYTES
from studio.core.embeddings.vectors import load_vectors, save_vectors
from studio.core.errors import Cancelled, DataFormatError
from studio.core.report import Reporter

REPO = Path(__file__).resolve().parents[2]
MiB = 1 << 20
EXTRA_MEMORY_LIMIT = 50_000_000  # bytes: the done-criterion
TIME_LIMIT_S = 10  # loose on purpose; the done-criterion is 2 s, printed below

MEASURE = r"""
import json, resource, sys, time
import gensim.models  # noqa: F401 (the studio has gensim loaded when it reads vectors)
from studio.core.data import memory
from studio.core.embeddings import vectors

path, available = sys.argv[1], sys.argv[2]
exec(sys.argv[3])  # the test's setup, e.g. a bound changed
if available != "real":
    memory.available_memory = lambda: int(available)

def status(field):
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024

def peak():
    try:  # Linux: this process's own peak; ru_maxrss carries the parent's over fork and exec
        return status("VmHWM")
    except (OSError, TypeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)

def rss():
    try:
        return status("VmRSS")
    except (OSError, TypeError):
        return peak()

try:
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")  # the peak starts again from the RSS now
except OSError:
    pass
before = rss()
start = time.perf_counter()
try:
    vectors.load_vectors(path)
    error, message = None, ""
except Exception as exc:
    error, message = type(exc).__name__, str(exc)
print(json.dumps({"seconds": time.perf_counter() - start, "extra": peak() - before,
                  "error": error, "message": message}))
"""


def measure(path: Path, available: int | None = None, setup: str = "") -> dict:
    """Read ``path`` with ``load_vectors`` in a fresh process: seconds, extra peak memory
    (bytes), the error's type and message. ``available`` replaces the machine's free memory;
    ``setup`` is Python run first."""
    try:
        done = subprocess.run([sys.executable, "-c", MEASURE, str(path), str(available or "real"), setup],
                              capture_output=True, text=True, timeout=120, cwd=REPO, env=os.environ.copy())
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path.name} ran for more than 120 s")
    assert done.returncode == 0, f"the reading process died ({done.returncode}): {done.stderr[-2000:]}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\n{path.name} ({path.stat().st_size:,} bytes): {result['seconds']:.2f} s, "
          f"+{result['extra'] / 1e6:.1f} MB, {result['error']}: {result['message']}")
    return result


def assert_refused(result: dict, path: Path, *phrases: str) -> None:
    assert result["error"] == "DataFormatError", result
    assert str(path) in result["message"], result["message"]
    for phrase in phrases:
        assert phrase in result["message"], result["message"]
    assert result["seconds"] < TIME_LIMIT_S, result
    assert result["extra"] < EXTRA_MEMORY_LIMIT, result


def repeated_streams(first: bytes, block: bytes, count: int, compress) -> bytes:
    """``first`` then ``count`` copies of ``block``, as concatenated compressed streams
    (gzip members, bz2 streams): decompressing gives ``first + block * count`` and
    compressing takes one block's time."""
    packed = compress(block)
    return (compress(first) if first else b"") + packed * count


# ----- the bombs -----------------------------------------------------------------
def test_one_endless_line_in_a_gz(tmp_path):
    """64 MiB of one byte and no line end, gzipped to ~65 KB: gensim's readline held it all."""
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(64):
            out.write(b"x" * MiB)
    assert path.stat().st_size < 100_000
    assert_refused(measure(path), path, f"line 1 is longer than {MAX_LINE_BYTES:,} bytes")


def test_a_word_without_a_space_in_a_bin_bz2(tmp_path):
    """A header, then 64 MiB with no space, in ~100 bytes of bz2: gensim's binary reader
    joined chunks and searched them again for a space, in time quadratic in the length."""
    path = tmp_path / "bomb.bin.bz2"
    path.write_bytes(repeated_streams(b"1 4\n", b"a" * MiB, 64, bz2.compress))
    assert path.stat().st_size < 10_000
    assert_refused(measure(path), path, f"word 1 is longer than {MAX_WORD_BYTES:,} bytes")


def npz_bomb(path: Path, shape: tuple[int, int], data_bytes: int | None = None) -> Path:
    """An .npz whose ``embeddings.npy`` declares ``shape`` float32 and holds ``data_bytes``
    bytes of zeros (all of them by default), deflated; ``vocab.txt`` beside it lists
    ``shape[0]`` words."""
    header = {"descr": "<f4", "fortran_order": False, "shape": shape}
    data_bytes = shape[0] * shape[1] * 4 if data_bytes is None else data_bytes
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("embeddings.npy", "w", force_zip64=True) as member:
            np.lib.format.write_array_header_1_0(member, header)
            zeros = bytes(MiB)
            for start in range(0, data_bytes, MiB):
                member.write(zeros[: min(MiB, data_bytes - start)])
    path.with_name("vocab.txt").write_text("".join(f"w{i}\n" for i in range(shape[0])), encoding="utf-8")
    return path


def test_an_npz_declaring_sixteen_million_columns(tmp_path):
    """(1, 16777216) float32 in ~65 KB of deflate: the shape was trusted and allocated."""
    path = npz_bomb(tmp_path / "bomb.npz", (1, 1 << 24))
    assert path.stat().st_size < 100_000
    assert_refused(measure(path), path, "16,777,216 dimensions", f"at most {MAX_DIMENSION:,}")


def test_millions_of_short_lines_in_a_headerless_bz2(tmp_path):
    """16 million lines ``a 1`` (64 MiB) in a few KB of bz2, no header: gensim counted them,
    then allocated a row and a slot for each. On a machine with 100 MB free it is refused
    while counting, before anything is allocated; with any memory, by how far it expands."""
    path = tmp_path / "bomb.txt.bz2"
    path.write_bytes(repeated_streams(b"", b"a 1\n" * (MiB // 4), 64, bz2.compress))
    assert path.stat().st_size < 10_000
    assert_refused(measure(path, available=1 << 40), path, "100 times its size")
    without_ratio = "from studio.core.embeddings import vector_bounds; vector_bounds.MAX_COMPRESSION_RATIO = 10**9"
    assert_refused(measure(path, available=100_000_000, setup=without_ratio), path,
                   "vectors of 1 dimensions", "100.0 MB is available")


# ----- stop ------------------------------------------------------------------------
def test_stop_ends_a_slowly_decompressing_read(tmp_path, monkeypatch, caplog):
    """400 MiB of vectors (a minute of parsing) in under 1 MiB of gzip: the old reader
    read the whole compressed file at once and checked Stop only on the next read of
    it, at the end."""
    import gensim.models  # noqa: F401 (imported before the clock starts, as in the studio)

    caplog.set_level(logging.ERROR, logger="gensim")  # the lines repeat one word
    monkeypatch.setattr(memory, "available_memory", lambda: 1 << 40)
    monkeypatch.setattr(vector_bounds, "MAX_COMPRESSION_RATIO", 10**9)  # repeated lines: Stop, not the ratio
    line = b"w " + b" ".join([b"0.125"] * 300) + b"\n"
    block = line * (MiB // len(line))
    members = 400
    header = b"%d 300\n" % (members * (MiB // len(line)))
    path = tmp_path / "slow.txt.gz"
    path.write_bytes(repeated_streams(header, block, members, gzip.compress))
    assert path.stat().st_size < MiB
    report = Reporter()
    timer = threading.Timer(0.5, report.stop)
    start = time.monotonic()
    timer.start()
    try:
        with pytest.raises(Cancelled):
            load_vectors(path, report=report)
    finally:
        timer.cancel()
    after_stop = time.monotonic() - start - 0.5
    print(f"\nstopped {after_stop:.2f} s after Stop")
    assert after_stop < 3


# ----- bounds checked before reading -------------------------------------------------
def test_a_header_larger_than_memory_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.bin"
    path.write_bytes(b"100000000 300\n" + b"w " + bytes(1200))
    monkeypatch.setattr(memory, "available_memory", lambda: 2_000_000_000)
    with pytest.raises(DataFormatError) as caught:
        load_vectors(path)
    message = str(caught.value)
    assert str(path) in message and "100,000,000 vectors of 300 dimensions" in message
    assert "2.0 GB is available" in message and "fewer vectors" in message
    # read only the first 1,000: that fits, and the file is then too short
    with pytest.raises(DataFormatError, match="cannot be read as word2vec binary"):
        load_vectors(path, limit=1000)


@pytest.mark.parametrize("name, content, phrase", [
    ("wide.txt", b"2 5000\n", "5,000 dimensions"),
    ("wide.bin", b"2 5000\n", "5,000 dimensions"),
    ("negative.bin", b"-2 4\n", "'count dim'"),
    ("zero.bin", b"2 0\n", "0 dimensions"),
    ("zero.txt", b"2 0\nw\nv\n", "0 dimensions"),
    ("junk.bin", b"not a header\n", "'count dim'"),
    ("empty.txt.gz", gzip.compress(b"", mtime=0), "is empty"),  # mtime 0: the same test id in every worker
    ("wide-glove.txt", b"w " + b"1 " * 5000 + b"\n", "5,000 dimensions"),
])
def test_impossible_headers_are_refused(tmp_path, name, content, phrase):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataFormatError) as caught:
        load_vectors(path)
    assert str(path) in str(caught.value) and phrase in str(caught.value), str(caught.value)


def test_a_long_word_in_a_text_file_is_refused(tmp_path):
    path = tmp_path / "tabs.txt"
    path.write_bytes(b"w 1 2\n" + b"x\t" * 3000 + b"\n")  # tab-separated: no space ends the word
    with pytest.raises(DataFormatError, match=f"line 2 starts with a word longer than {MAX_WORD_BYTES:,}"):
        load_vectors(path)


def test_a_file_decompressing_far_beyond_memory_is_stopped(tmp_path, monkeypatch):
    """A valid header and valid lines padded with spaces: each vector is small but the text
    is endless; reading stops at 8 x the available memory of decompressed bytes."""
    path = tmp_path / "padded.txt.gz"
    line = b"w 1" + b" " * 60_000 + b"\n"
    path.write_bytes(repeated_streams(b"1000 1\n", line * 16, 60, gzip.compress))
    monkeypatch.setattr(memory, "available_memory", lambda: 1_000_000)
    with pytest.raises(DataFormatError) as caught:
        load_vectors(path)  # first by how far it expands: spaces compress 1,000 to 1
    message = str(caught.value)
    assert str(path) in message and "100 times its size" in message, message
    monkeypatch.setattr(vector_bounds, "MAX_COMPRESSION_RATIO", 10**9)
    with pytest.raises(DataFormatError) as caught:
        load_vectors(path)  # then by the memory available
    message = str(caught.value)
    assert str(path) in message and "decompresses to more than 8.0 MB" in message, message


def test_npz_bounds(tmp_path, monkeypatch):
    empty = npz_bomb(tmp_path / "empty.npz", (3, 0))
    with pytest.raises(DataFormatError, match="holds no numbers"):
        load_vectors(empty)
    (tmp_path / "vocab.txt").unlink()
    short = npz_bomb(tmp_path / "short.npz", (4, 8), data_bytes=64)  # declares 128 bytes of data
    with pytest.raises(DataFormatError, match="holds 64 bytes of data but its shape needs 128"):
        load_vectors(short)
    (tmp_path / "vocab.txt").unlink()
    fits = npz_bomb(tmp_path / "fits.npz", (1000, 100))
    # 1,000 x 100 float32 and the words: about 620 KB; the first 10 rows and the words: 230 KB
    monkeypatch.setattr(memory, "available_memory", lambda: 300_000)
    with pytest.raises(DataFormatError, match="1,000 vectors of 100 dimensions need about"):
        load_vectors(fits)
    assert len(load_vectors(fits, limit=10)) == 10


def test_running_out_of_memory_is_a_clear_error(tmp_path, monkeypatch):
    from gensim.models import KeyedVectors

    path = tmp_path / "vectors.txt"
    path.write_bytes(b"1 2\nw 1 2\n")

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(KeyedVectors, "load_word2vec_format", exhausted)
    with pytest.raises(DataFormatError) as caught:
        load_vectors(path)
    assert str(path) in str(caught.value) and "does not fit in memory" in str(caught.value)


def test_save_vectors_syncs_the_file_then_the_folder(tmp_path, monkeypatch):
    from gensim.models import KeyedVectors

    kv = KeyedVectors(2)
    kv.add_vectors(["a", "b"], np.eye(2, dtype=np.float32))
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: steps.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda *a: steps.append("replace") or real_replace(*a))
    path = save_vectors(kv, tmp_path / "v.bin")
    assert steps == ["fsync", "replace", "fsync"]
    assert load_vectors(path).index_to_key == ["a", "b"]
    assert [p.name for p in tmp_path.iterdir()] == ["v.bin"]


def test_compressed_names_are_not_decompressed_twice(tmp_path):
    """The stream handed to gensim is already decompressed; smart_open must not unpack
    it again by its name, whatever the name says (``.txt.gz.gz``)."""
    path = tmp_path / "twice.txt.gz.gz"
    path.write_bytes(gzip.compress(gzip.compress(b"1 2\nw 1 2\n")))
    # the inner gzip is what the file holds once unpacked: not word2vec text
    with pytest.raises(DataFormatError, match="cannot be read as word2vec text|longer than|starts with"):
        load_vectors(path)
    ok = tmp_path / "fine.vec.bz2"
    ok.write_bytes(bz2.compress(b"2 2\nw 1 2\nv 3 4\n"))
    assert load_vectors(ok).index_to_key == ["w", "v"]
    assert vectors_module.vector_format(ok) == "text"
