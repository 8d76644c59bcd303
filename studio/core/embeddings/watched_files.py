"""A smart_open transport that lets gensim read a local file while we watch it.

gensim reads word2vec files through ``smart_open.open(uri)`` and offers no progress
or cancel hook. Registering this transport (smart_open's documented extension point)
lets us hand gensim a ``studio-watched://<token>`` URI: the file it opens counts the
bytes read for a progress bar and raises :class:`~studio.core.errors.Cancelled` at
the next read once the stop event is set. The stream keeps the real file name, so
smart_open still decompresses ``.gz`` and ``.bz2`` by extension.
"""

from __future__ import annotations

import io
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from smart_open import transport

from studio.core.errors import Cancelled

SCHEME = "studio-watched"
REPORT_INTERVAL_S = 0.1


@dataclass
class _Watch:
    path: Path
    on_bytes: Callable[[int, int], None] | None
    stop_event: threading.Event | None
    offset: int = 0  # bytes already counted by earlier passes over the same file


_watches: dict[str, _Watch] = {}
_tokens = itertools.count()
_lock = threading.Lock()


class _WatchedFile(io.RawIOBase):
    def __init__(self, watch: _Watch):
        super().__init__()
        self._watch, self._file = watch, io.open(watch.path, "rb")  # closed in close()
        self._size = max(1, watch.path.stat().st_size)
        self._read, self._last_report = 0, 0.0
        self.name = str(watch.path)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        watch = self._watch
        if watch.stop_event is not None and watch.stop_event.is_set():
            raise Cancelled(f"Stopped reading {watch.path.name}.")
        count = self._file.readinto(buffer)
        self._read += count
        now = time.monotonic()
        if watch.on_bytes is not None and (now - self._last_report >= REPORT_INTERVAL_S or not count):
            self._last_report = now
            watch.on_bytes(watch.offset + self._read, self._size)
        return count

    def close(self) -> None:
        if not self.closed:
            self._file.close()
            self._watch.offset += self._read
        super().close()


def parse_uri(uri_as_string: str) -> dict:
    """smart_open transport hook: ``studio-watched://<token>`` -> its parts."""
    return {"scheme": SCHEME, "token": uri_as_string.split("://", 1)[1]}


def open_uri(uri_as_string: str, mode: str, transport_params) -> io.BufferedReader:
    """smart_open transport hook: a buffered, watched reader of the file behind the token.

    Raises:
        ValueError: a mode other than ``"rb"``.
        KeyError: the token's :func:`watched` block has ended.
    """
    if mode != "rb":
        raise ValueError(f"{SCHEME} files are read-only")
    with _lock:
        watch = _watches[parse_uri(uri_as_string)["token"]]
    # the buffered stream's name is the raw file's: smart_open picks the decompressor by it
    return io.BufferedReader(_WatchedFile(watch), buffer_size=1 << 20)


open = open_uri  # noqa: A001 (smart_open requires a transport to have `open`)

transport.register_transport(__name__)


@contextmanager
def watched(path: str | Path, on_bytes: Callable[[int, int], None] | None = None,
            stop_event: threading.Event | None = None) -> Iterator[str]:
    """A URI for ``smart_open.open`` (and so for gensim) that reads ``path``.

    ``on_bytes(read, size)`` is called at most every 0.1 s and at the end of each pass,
    with the bytes of the file on disk read so far (compressed bytes for ``.gz``). A
    reader that passes over the file twice reports up to ``2 * size``.

    Raises (from reads through the URI):
        Cancelled: ``stop_event`` was set.
    """
    token = str(next(_tokens))
    with _lock:
        _watches[token] = _Watch(Path(path), on_bytes, stop_event)
    try:
        yield f"{SCHEME}://{token}"
    finally:
        with _lock:
            _watches.pop(token, None)

