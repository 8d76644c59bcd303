"""A smart_open transport that lets gensim read a local file while we watch it.

gensim reads word2vec files through ``smart_open.open(uri)`` and offers no progress,
cancel or size hook. Registering this transport (smart_open's documented extension
point) lets us hand gensim a ``studio-watched://<token>`` URI whose stream we build:

- the file on disk is read in 1 MiB blocks, counted for a progress bar (the position
  in the file on disk, so compressed bytes for ``.gz``/``.bz2``), reported to a
  :class:`~studio.core.report.Reporter`;
- ``.gz`` and ``.bz2`` files are decompressed here, with the standard library, so that
  the bytes gensim is given can be checked as they stream in. The stream's ``name``
  drops the compression suffix (and gets ``.raw`` appended should it still end in a
  suffix smart_open would unpack), because smart_open picks its decompressor by that
  name and must not decompress a second time;
- every read of decompressed bytes first raises :class:`~studio.core.errors.Cancelled`
  once the reporter is stopped, then hands the bytes to a check (the caller's bounds on
  line, word and total size), which may raise to end the read; a read returns at most
  1 MiB, so a check sees a bomb before more than that has been decompressed past it.
"""

from __future__ import annotations

import bz2
import gzip
import io
import itertools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from smart_open import compression as smart_compression
from smart_open import transport

from studio.core.report import Reporter

SCHEME = "studio-watched"
CHUNK_BYTES = 1 << 20  # the most read from disk, and handed to a check, at once
DECOMPRESSORS = {
    ".gz": lambda raw: gzip.GzipFile(fileobj=raw, mode="rb"),
    ".bz2": lambda raw: bz2.BZ2File(raw, mode="rb"),
}

Check = Callable[[bytes], None]  # called with each block of decompressed bytes; b"" at the end


@dataclass
class _Watch:
    path: Path
    report: Reporter
    new_check: Callable[[], Check] | None  # a fresh check for each pass over the file
    passes: int  # how often the reader goes over the file: progress is of them all
    offset: int = 0  # bytes already counted by earlier passes over the same file


_watches: dict[str, _Watch] = {}
_tokens = itertools.count()
_lock = threading.Lock()


class _DiskFile(io.RawIOBase):
    """The file on disk: counts the bytes read for progress and checks for stop."""

    def __init__(self, path: Path, report: Reporter, watch: _Watch | None):
        super().__init__()
        self._report, self._watch = report, watch
        self._file = io.open(path, "rb")  # noqa: UP020 - `open` here is the transport hook; closed in close()
        self._size = max(1, path.stat().st_size)
        self._read = 0
        self.name = str(path)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._report.check()
        count = self._file.readinto(buffer)
        self._read += count
        watch = self._watch
        if watch is not None:  # the reporter passes it on at most every 0.1 s, and at 1.0
            self._report.progress((watch.offset + self._read) / (watch.passes * self._size))
        return count

    def close(self) -> None:
        if not self.closed:
            self._file.close()
            if self._watch is not None:
                self._watch.offset += self._read
        super().close()


class _Decompressed(io.RawIOBase):
    """The file's content: decompressed, stop checked on every read, each block handed to
    ``check``. Its ``name`` carries no suffix that smart_open would decompress."""

    def __init__(self, path: Path, report: Reporter, check: Check | None, watch: _Watch | None = None):
        super().__init__()
        self._report, self._check = report, check
        self._disk = io.BufferedReader(_DiskFile(path, report, watch), buffer_size=CHUNK_BYTES)
        decompressor = DECOMPRESSORS.get(path.suffix.lower())
        self._source = decompressor(self._disk) if decompressor else self._disk
        self.name = plain_name(path)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._report.check()
        view = memoryview(buffer)[:CHUNK_BYTES]
        count = self._source.readinto(view)
        if self._check is not None:
            self._check(bytes(view[:count]))
        return count

    def close(self) -> None:
        if not self.closed:
            try:
                if self._source is not self._disk:
                    self._source.close()  # a GzipFile does not close the file it was given
            finally:
                self._disk.close()
        super().close()


def plain_name(path: Path) -> str:
    """``path`` without its ``.gz``/``.bz2`` suffix, and with ``.raw`` appended if it still
    ends in a suffix smart_open decompresses (``a.txt.gz.gz``, ``a.xz``)."""
    name = str(path.with_suffix("")) if path.suffix.lower() in DECOMPRESSORS else str(path)
    if Path(name).suffix.lower() in smart_compression.get_supported_extensions():
        name += ".raw"
    return name


def open_content(path: str | Path, report: Reporter | None = None,
                 check: Check | None = None) -> io.BufferedReader:
    """A binary stream of the content of ``path``, decompressed when the name ends in
    ``.gz`` or ``.bz2``; see the module docstring for stop and ``check`` (no progress is
    reported).

    Raises:
        OSError: the file cannot be opened.
        Cancelled (from reads): ``report`` was stopped.
    """
    return io.BufferedReader(_Decompressed(Path(path), report or Reporter(), check), buffer_size=CHUNK_BYTES)


def parse_uri(uri_as_string: str) -> dict:
    """smart_open transport hook: ``studio-watched://<token>`` -> its parts."""
    return {"scheme": SCHEME, "token": uri_as_string.split("://", 1)[1]}


def open_uri(uri_as_string: str, mode: str, transport_params) -> io.BufferedReader:
    """smart_open transport hook: a buffered, watched, decompressed reader of the file
    behind the token.

    Raises:
        ValueError: a mode other than ``"rb"``.
        KeyError: the token's :func:`watched` block has ended.
    """
    if mode != "rb":
        raise ValueError(f"{SCHEME} files are read-only")
    with _lock:
        watch = _watches[parse_uri(uri_as_string)["token"]]
    check = watch.new_check() if watch.new_check is not None else None
    return io.BufferedReader(_Decompressed(watch.path, watch.report, check, watch), buffer_size=CHUNK_BYTES)


open = open_uri  # noqa: A001 (smart_open requires a transport to have `open`)

transport.register_transport(__name__)


@contextmanager
def watched(path: str | Path, report: Reporter | None = None,
            new_check: Callable[[], Check] | None = None, passes: int = 1) -> Iterator[str]:
    """A URI for ``smart_open.open`` (and so for gensim) that reads the content of
    ``path``, decompressed.

    ``report`` gets the progress: the bytes of the file on disk read so far (compressed
    bytes for ``.gz``), over ``passes`` times the file's size (a reader that passes over
    the file twice says ``passes=2``). ``new_check()`` gives the check for each pass
    (each ``smart_open.open`` of the URI).

    Raises (from reads through the URI):
        Cancelled: ``report`` was stopped.
        whatever the check raises.
    """
    token = str(next(_tokens))
    with _lock:
        _watches[token] = _Watch(Path(path), report or Reporter(), new_check, max(1, passes))
    try:
        yield f"{SCHEME}://{token}"
    finally:
        with _lock:
            _watches.pop(token, None)
