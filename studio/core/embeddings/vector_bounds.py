"""Bounds on reading a word-vector file someone sent, checked as its bytes stream in.

A vectors file someone sent is hostile until read: gensim trusts what it reads (one
readline holds a line however long; its binary reader searches a growing word again
for every 100 KB; an ``.npz`` header's shape is allocated as declared), so a 65 KB
file can cost gigabytes or minutes. The bytes are therefore checked as they stream in,
decompressed by :mod:`~studio.core.embeddings.watched_files` (``.gz``, ``.bz2``), before
gensim can hold them:

- a dimension is at most :data:`MAX_DIMENSION` (4,096), and at least 1;
- a text line is at most :data:`MAX_LINE_BYTES` (128 KiB: a word and 4,096 numbers of
  up to 24 characters, float64's full precision, take under 100 KiB); a word, up to the
  space that ends it, is at most :data:`MAX_WORD_BYTES` (4 KiB);
- memory: the vectors read take about ``rows * (dim * 4 + ROW_BYTES) + word_bytes *
  WORD_MEMORY_FACTOR`` bytes (the float32 matrix; gensim's list, dict and count slots of
  each word and its ``str`` header, measured at about 130 bytes a word with gensim 4.4,
  rounded up; a word's characters take at most 4 bytes for each byte of UTF-8). Before
  reading, the rows a
  header declares (or the limit, if fewer; an ``.npz``'s shape, plus its vocabulary
  file) must fit in the memory available then
  (:func:`studio.core.data.memory.available_memory`). While reading, the estimate grows
  with the words seen and, for a header-less file, with the lines counted, and reading
  stops once it exceeds that memory;
- decompressed bytes: reading stops once more than ``DECOMPRESSED_FACTOR`` (8) times
  the available memory has been decompressed in one pass. A number written as text
  takes at most about 24 characters (float64's full precision, a sign, an exponent and
  a space) for the 4 bytes it fills, 6 to 1, so a file that large cannot fit in memory
  anyway; this bounds the time a file of endless padding (within the line bound) takes.
  A ``.gz``/``.bz2`` file may also decompress to at most ``MAX_COMPRESSION_RATIO``
  (100) times its size (and at least 1 MiB): real vectors compress 2 to 4 to 1, so
  this refuses a bomb in about a second whatever the memory.

Every refusal is a :class:`~studio.core.errors.DataFormatError` naming the file, what
was wrong and what to do. When the available memory is unknown, only the bounds on size
and shape apply.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from studio.core.data import memory
from studio.core.embeddings.watched_files import open_content
from studio.core.errors import DataFormatError
from studio.core.messages import Message, message
from studio.core.report import Reporter

COMPRESSED = (".gz", ".bz2")
MAX_DIMENSION = 4096  # numbers per vector
MAX_WORD_BYTES = 4 << 10  # 4,096 bytes of UTF-8 up to the space after a word
MAX_LINE_BYTES = 128 << 10  # 131,072 bytes in one line of a text file
ROW_BYTES = 200  # memory per vector besides its floats and its word's characters
WORD_MEMORY_FACTOR = 4  # bytes of str per byte of a word's UTF-8, at most
DECOMPRESSED_FACTOR = 8  # decompressed bytes per byte of available memory, at most
# word vectors written as text or float32 compress 2-4 to 1 with gzip or bzip2; far
# more means padding or a bomb (16M short lines from 7 KB), refused whatever the memory
MAX_COMPRESSION_RATIO = 100

_DECOMPRESS_ERRORS = (OSError, EOFError, ValueError, zlib.error)  # gzip, bz2: damaged data


def expected(kind: str) -> Message:
    """What a ``"text"`` or ``"binary"`` word2vec file should hold, for an error message."""
    return message("vectors.expected_text" if kind == "text" else "vectors.expected_binary")


def kind_name(kind: str) -> Message:
    """``"text"`` or ``"binary"``, worded for the reader."""
    return message("vectors.kind_text" if kind == "text" else "vectors.kind_binary")


@dataclass(frozen=True)
class Layout:
    """What the first line of a word2vec file says."""

    kind: str  # "text" or "binary"
    header: tuple[int, int] | None  # (count, dim) of a 'count dim' line
    dim: int  # numbers per vector: the header's, or those of a header-less first line
    rows: int | None  # vectors gensim will read: min(count, limit), the limit, or None (all)


def read_layout(path: Path, kind: str, limit: int | None, report: Reporter | None = None) -> Layout:
    """The header (or the first line) of a word2vec file, read and bounded before gensim
    allocates anything from it.

    Raises:
        DataFormatError: unreadable, empty, a first line over the bound, no 'count dim'
            line in a binary file, a dimension of 0 or over :data:`MAX_DIMENSION`.
        Cancelled: ``report`` was stopped.
    """
    try:
        with open_content(path, report) as stream:
            head = stream.read(MAX_LINE_BYTES + 1)
    except _DECOMPRESS_ERRORS as exc:
        raise DataFormatError("vectors.unreadable", file=path, error=f"{type(exc).__name__}: {exc}",
                              expected=expected(kind)) from None
    if not head:
        raise DataFormatError("vectors.empty_file", file=path, expected=expected(kind))
    end = head.find(b"\n")
    if end < 0 and len(head) > MAX_LINE_BYTES:
        raise _long_line(path, 1, kind)
    first = head if end < 0 else head[:end]
    fields = first.split()
    header = None
    if kind == "binary":
        try:
            count, dim = (int(field) for field in fields)
        except ValueError:
            raise DataFormatError("vectors.bad_binary_header", file=path, shown=_shown(first),
                                  expected=expected(kind)) from None
        if count < 0:
            raise DataFormatError("vectors.negative_count", file=path, count=count, expected=expected(kind))
        header = (count, dim)
    elif len(fields) == 2 and all(field.isdigit() for field in fields):
        header = (int(fields[0]), int(fields[1]))
    if header is not None:
        count, dim = header
        rows = min(count, limit) if limit else count
        where = message("vectors.header_declares", count=count, dim=dim)
    else:  # the first vector's numbers, split as gensim splits them
        dim = len(first.decode("utf-8", "replace").rstrip().split(" ")) - 1
        rows = limit or None
        where = message("vectors.first_line_holds", dim=dim)
    if dim == 0:
        raise DataFormatError("vectors.no_numbers_where", file=path, kind=kind_name(kind), where=where,
                              expected=expected(kind))
    if dim > MAX_DIMENSION:
        raise DataFormatError("vectors.too_wide", file=path, where=where, most=MAX_DIMENSION)
    return Layout(kind, header, dim, rows)


def _shown(data: bytes) -> str:
    text = data[:40].decode("utf-8", "replace")
    return repr(text + "…" if len(data) > 40 else text)


def _need(rows: int, dim: int, word_bytes: int) -> int:
    """Bytes of memory that ``rows`` vectors of ``dim`` numbers and their words take
    (see the module docstring)."""
    return rows * (dim * 4 + ROW_BYTES) + word_bytes * WORD_MEMORY_FACTOR


def check_memory(path: Path, rows: int, dim: int, word_bytes: int, available: int | None,
                  complete: bool, extra: int = 0) -> None:
    """Refuse ``rows`` vectors that would not fit in ``available`` bytes (None: unknown).
    ``complete``: ``rows`` is all there is to read, not the count so far."""
    if available is None:
        return
    need = _need(rows, dim, word_bytes) + extra
    if need > available:
        raise DataFormatError("vectors.too_large" if complete else "vectors.too_large_so_far", file=path,
                              rows=rows, dim=dim, need=memory.human_size(need),
                              available=memory.human_size(available))


def _long_line(path: Path, line: int, kind: str) -> DataFormatError:
    return DataFormatError("vectors.long_line", file=path, line=line, most=MAX_LINE_BYTES, dim=MAX_DIMENSION,
                           expected=expected(kind))


class Check:
    """Bounds on one pass over a word2vec file's decompressed bytes, handed block by
    block (``b""`` at the end); raises :class:`DataFormatError` at the first one
    exceeded. Stops checking once the vectors gensim will read are past."""

    def __init__(self, path: Path, layout: Layout, available: int | None):
        self.path, self.layout, self.available = path, layout, available
        self.total = 0  # decompressed bytes seen
        self.rows = 0  # vectors seen
        self.word_bytes = 0  # bytes of the words of those vectors
        self.word = 0  # bytes of the word being read
        self.line_bytes = 0
        self.done = False
        compressed = path.suffix.lower() in COMPRESSED
        self.most = max(1 << 20, MAX_COMPRESSION_RATIO * path.stat().st_size) if compressed else None

    def __call__(self, block: bytes) -> None:
        if self.done:
            return
        self.total += len(block)
        self.scan(block)
        if self.most is not None and self.total > self.most and not self.done:
            raise DataFormatError("vectors.compression_ratio", file=self.path, ratio=MAX_COMPRESSION_RATIO)
        if self.available is None or self.done:
            return
        budget = DECOMPRESSED_FACTOR * self.available
        if self.total > budget:
            raise DataFormatError("vectors.decompressed_too_much", file=self.path,
                                  budget=memory.human_size(budget), factor=DECOMPRESSED_FACTOR,
                                  available=memory.human_size(self.available))
        header = self.layout.header is not None
        check_memory(self.path, self.layout.rows if header else self.rows, self.layout.dim,
                      self.word_bytes, self.available, complete=header)

    def scan(self, block: bytes) -> None:
        raise NotImplementedError

    def _vector_done(self) -> None:
        self.rows += 1
        self.word_bytes += self.word
        self.word = 0
        if self.layout.rows is not None and self.rows >= self.layout.rows:
            self.done = True


class TextCheck(Check):
    """Lines at most :data:`MAX_LINE_BYTES`, the word starting each at most
    :data:`MAX_WORD_BYTES`; lines counted for a header-less file's memory estimate."""

    def __init__(self, path: Path, layout: Layout, available: int | None):
        super().__init__(path, layout, available)
        self.line = 1
        self.in_word = True
        self.in_header = layout.header is not None

    def scan(self, block: bytes) -> None:
        if not block:  # the end: a last line without a line end is a line too
            if self.line_bytes:
                self._line_done()
            return
        find, size, pos = block.find, len(block), 0
        while True:
            newline = find(b"\n", pos)
            end = size if newline < 0 else newline
            if self.in_word:
                space = find(b" ", pos, end)
                self.word += (end if space < 0 else space) - pos
                self.in_word = space < 0
                if self.word > MAX_WORD_BYTES and not self.in_header:
                    raise DataFormatError("vectors.long_word_text", file=self.path, line=self.line,
                                          most=MAX_WORD_BYTES, expected=expected("text"))
            self.line_bytes += end - pos
            if self.line_bytes > MAX_LINE_BYTES:
                raise _long_line(self.path, self.line, "text")
            if newline < 0:
                return
            self._line_done()
            if self.done:
                return
            pos = newline + 1

    def _line_done(self) -> None:
        if self.in_header:
            self.in_header, self.word = False, 0
        else:
            self._vector_done()
        self.line += 1
        self.line_bytes, self.in_word = 0, True


class BinaryCheck(Check):
    """Follows the binary layout: the header line, then per vector a word up to a space
    (at most :data:`MAX_WORD_BYTES`, plus the newline word2vec.c writes before it) and
    ``dim * 4`` bytes of floats, skipped without looking."""

    def __init__(self, path: Path, layout: Layout, available: int | None):
        super().__init__(path, layout, available)
        self.stage = "header"
        self.left = 0  # bytes of the current vector's floats still to come

    def scan(self, block: bytes) -> None:
        size, pos = len(block), 0
        while pos < size and not self.done:
            if self.stage == "header":
                newline = block.find(b"\n", pos)
                end = size if newline < 0 else newline
                self.line_bytes += end - pos
                if self.line_bytes > MAX_LINE_BYTES:
                    raise _long_line(self.path, 1, "binary")
                if newline < 0:
                    return
                pos, self.stage = newline + 1, "word"
            elif self.stage == "word":
                space = block.find(b" ", pos)
                end = size if space < 0 else space
                self.word += end - pos
                if self.word > MAX_WORD_BYTES + 1:
                    raise DataFormatError("vectors.long_word_binary", file=self.path, word=self.rows + 1,
                                          most=MAX_WORD_BYTES, expected=expected("binary"))
                if space < 0:
                    return
                pos, self.stage, self.left = space + 1, "vector", self.layout.dim * 4
            else:
                step = min(self.left, size - pos)
                pos, self.left = pos + step, self.left - step
                if not self.left:
                    self.stage = "word"
                    self._vector_done()
