"""Read and write word vectors: word2vec text and binary files (optionally gzipped) and
``.npz`` matrices with a vocabulary file.

Reading goes through gensim (Řehůřek & Sojka 2010), which knows the original
word2vec.c formats that the Chinese-Word-Vectors (Li et al. 2018) and Tencent AI Lab
releases use:

- text (``.txt``, ``.vec``): an optional ``count dim`` header line, then
  ``word v1 … vdim`` per line (GloVe files are the header-less case);
- binary (``.bin``): the ``count dim`` header, then each word, a space and ``dim``
  little-endian float32 values (word2vec.c writes a newline after each vector);
- ``.npz``: an ``embeddings`` array of shape ``(count, dim)`` whose row ``i`` belongs to
  line ``i`` of a vocabulary file (one token per line, or a JSON list).

gensim's own ``.kv``/``.model`` files are refused: they are pickles, and opening a
file someone sent must never run their code.

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
was wrong and what to do; running out of memory anyway becomes one too. When the
available memory is unknown, only the bounds on size and shape apply.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from studio.core.data import memory
from studio.core.embeddings.watched_files import open_content, watched
from studio.core.errors import Cancelled, DataFormatError
from studio.core.fileio import fsync_folder

COMPRESSED = (".gz", ".bz2")
TEXT_SUFFIXES = (".txt", ".vec")
VOCAB_NAMES = ("{stem}.vocab.txt", "{stem}.vocab.json", "vocab.txt", "vocab.json")
FILE_FILTER = "Word vectors (*.txt *.vec *.bin *.npz *.gz *.bz2);;All files (*)"

MAX_DIMENSION = 4096  # numbers per vector
MAX_WORD_BYTES = 4 << 10  # 4,096 bytes of UTF-8 up to the space after a word
MAX_LINE_BYTES = 128 << 10  # 131,072 bytes in one line of a text file
ROW_BYTES = 200  # memory per vector besides its floats and its word's characters
WORD_MEMORY_FACTOR = 4  # bytes of str per byte of a word's UTF-8, at most
DECOMPRESSED_FACTOR = 8  # decompressed bytes per byte of available memory, at most
# word vectors written as text or float32 compress 2-4 to 1 with gzip or bzip2; far
# more means padding or a bomb (16M short lines from 7 KB), refused whatever the memory
MAX_COMPRESSION_RATIO = 100

Progress = Callable[[float], None]  # fraction done, 0.0 to 1.0

_FEWER = ("Read fewer vectors (set a limit on how many to read: published files list frequent words "
          "first) or free memory, then try again.")


def vector_format(path: str | Path) -> str:
    """``"text"``, ``"binary"`` or ``"npz"`` from the file name (``.gz``/``.bz2`` ignored).

    Raises:
        DataFormatError: a pickled gensim file (``.kv``, ``.model``, ``.pkl``).
    """
    path = Path(path)
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in COMPRESSED:
        suffixes.pop()
    suffix = suffixes[-1] if suffixes else ""
    if suffix in (".kv", ".model", ".pkl", ".pickle"):
        raise DataFormatError(
            f"{path}: gensim {suffix} files are Python pickles, which can run code when opened, "
            "so the studio does not read them. In gensim, save them with "
            "kv.save_word2vec_format('vectors.bin', binary=True) and import that file.")
    if suffix == ".npz":
        if path.suffix.lower() in COMPRESSED:
            raise DataFormatError(f"{path}: a compressed .npz cannot be read; unpack it to {path.stem} "
                                  "first (.npz files are already zip archives).")
        return "npz"
    return "binary" if suffix == ".bin" else "text"


def load_vectors(path: str | Path, vocab_path: str | Path | None = None, limit: int | None = None,
                 on_progress: Progress | None = None, stop_event: threading.Event | None = None):
    """Read word vectors into a gensim ``KeyedVectors``: keys in file order, vectors a
    ``(count, dim)`` float32 matrix.

    Words that are not valid UTF-8 (word2vec.c may cut a character in two) keep their
    readable part, with U+FFFD for the broken bytes, instead of failing the whole file.
    The file is checked against the bounds of the module docstring as it is read.

    Args:
        path: a word2vec text or binary file (``.gz``/``.bz2`` allowed) or an ``.npz``.
        vocab_path: the vocabulary of an ``.npz``; by default ``<stem>.vocab.txt``,
            ``<stem>.vocab.json``, ``vocab.txt`` or ``vocab.json`` beside it.
        limit: read only the first ``limit`` vectors (the files list frequent words first).
            A ``.npz`` matrix is read only that far too.
        on_progress: called with the fraction of the file read, about every 0.1 s (of
            the file on disk: compressed bytes for ``.gz``/``.bz2``).
        stop_event: set it from another thread to stop reading; checked at every block
            of (decompressed) bytes read.

    Raises:
        DataFormatError: missing or unreadable file, naming it and the format expected;
            a file beyond the bounds (dimension, line or word length, memory), naming
            the bound; a file that does not fit in memory.
        Cancelled: ``stop_event`` was set.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise DataFormatError(f"{path}: no such file; choose a word-vector file.")
    kind = vector_format(path)
    try:
        if kind == "npz":
            return _load_npz(path, vocab_path, limit, on_progress, stop_event)
        return _load_word2vec(path, kind, limit, on_progress, stop_event)
    except MemoryError:
        raise DataFormatError(f"{path}: does not fit in memory: reading its vectors ran out of memory. "
                              + _FEWER) from None


_EXPECTED = {
    "text": "UTF-8 lines of a word followed by its numbers, with an optional 'count dim' "
            "first line (.txt, .vec)",
    "binary": "the word2vec.c binary format: a 'count dim' line, then each word and its "
              "float32 values (.bin)",
}
_DECOMPRESS_ERRORS = (OSError, EOFError, ValueError, zlib.error)  # gzip, bz2: damaged data


@dataclass(frozen=True)
class _Layout:
    """What the first line of a word2vec file says."""

    kind: str  # "text" or "binary"
    header: tuple[int, int] | None  # (count, dim) of a 'count dim' line
    dim: int  # numbers per vector: the header's, or those of a header-less first line
    rows: int | None  # vectors gensim will read: min(count, limit), the limit, or None (all)


def _load_word2vec(path: Path, kind: str, limit: int | None, on_progress: Progress | None,
                   stop_event: threading.Event | None):
    from gensim.models import KeyedVectors  # gensim takes a second to import

    available = memory.available_memory()
    layout = _read_layout(path, kind, limit, stop_event)
    if layout.header is not None:
        _check_memory(path, layout.rows, layout.dim, 0, available, complete=True)
    passes = 1 if layout.header or kind == "binary" else 2  # gensim sizes a header-less file first

    def on_bytes(read: int, size: int) -> None:
        if on_progress is not None:
            on_progress(min(1.0, read / (passes * size)))

    checker = _TextCheck if kind == "text" else _BinaryCheck
    try:
        with watched(path, on_bytes, stop_event, lambda: checker(path, layout, available)) as uri:
            vectors = KeyedVectors.load_word2vec_format(
                uri, binary=kind == "binary", no_header=layout.header is None,
                limit=limit or None, unicode_errors="replace")
    except (Cancelled, DataFormatError, MemoryError):
        raise
    except Exception as exc:  # gensim raises many types for a malformed file
        raise DataFormatError(
            f"{path}: cannot be read as word2vec {kind} vectors ({type(exc).__name__}: {exc}). "
            f"Expected {_EXPECTED[kind]}.") from None
    if len(vectors) == 0 or vectors.vector_size == 0:
        raise DataFormatError(f"{path}: cannot be read as word2vec {kind} vectors: it holds no "
                              f"numbers. Expected {_EXPECTED[kind]}.")
    return vectors


def _read_layout(path: Path, kind: str, limit: int | None, stop_event: threading.Event | None) -> _Layout:
    """The header (or the first line) of a word2vec file, read and bounded before gensim
    allocates anything from it.

    Raises:
        DataFormatError: unreadable, empty, a first line over the bound, no 'count dim'
            line in a binary file, a dimension of 0 or over :data:`MAX_DIMENSION`.
        Cancelled: ``stop_event`` was set.
    """
    try:
        with open_content(path, stop_event) as stream:
            head = stream.read(MAX_LINE_BYTES + 1)
    except _DECOMPRESS_ERRORS as exc:
        raise DataFormatError(f"{path}: cannot be read ({type(exc).__name__}: {exc}). "
                              f"Expected {_EXPECTED[kind]}.") from None
    if not head:
        raise DataFormatError(f"{path}: the file is empty. Expected {_EXPECTED[kind]}.")
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
            raise DataFormatError(f"{path}: cannot be read as word2vec binary vectors: the first line must "
                                  f"be 'count dim', two whole numbers, not {_shown(first)}. Expected "
                                  f"{_EXPECTED[kind]}.") from None
        if count < 0:
            raise DataFormatError(f"{path}: cannot be read as word2vec binary vectors: the first line "
                                  f"'count dim' declares {count:,} vectors. Expected {_EXPECTED[kind]}.")
        header = (count, dim)
    elif len(fields) == 2 and all(field.isdigit() for field in fields):
        header = (int(fields[0]), int(fields[1]))
    if header is not None:
        count, dim = header
        rows = min(count, limit) if limit else count
        where = f"its first line declares {count:,} vectors of {dim:,} dimensions"
    else:  # the first vector's numbers, split as gensim splits them
        dim = len(first.decode("utf-8", "replace").rstrip().split(" ")) - 1
        rows = limit or None
        where = f"its first line holds a vector of {dim:,} dimensions"
    if dim == 0:
        raise DataFormatError(f"{path}: cannot be read as word2vec {kind} vectors: {where}: it holds no "
                              f"numbers. Expected {_EXPECTED[kind]}.")
    if dim > MAX_DIMENSION:
        raise DataFormatError(f"{path}: {where}, but the studio reads vectors of at most "
                              f"{MAX_DIMENSION:,} dimensions; the file is damaged or not word vectors. "
                              "Choose another file.")
    return _Layout(kind, header, dim, rows)


def _shown(data: bytes) -> str:
    text = data[:40].decode("utf-8", "replace")
    return repr(text + "…" if len(data) > 40 else text)


def _need(rows: int, dim: int, word_bytes: int) -> int:
    """Bytes of memory that ``rows`` vectors of ``dim`` numbers and their words take
    (see the module docstring)."""
    return rows * (dim * 4 + ROW_BYTES) + word_bytes * WORD_MEMORY_FACTOR


def _check_memory(path: Path, rows: int, dim: int, word_bytes: int, available: int | None,
                  complete: bool, extra: int = 0) -> None:
    """Refuse ``rows`` vectors that would not fit in ``available`` bytes (None: unknown).
    ``complete``: ``rows`` is all there is to read, not the count so far."""
    if available is None:
        return
    need = _need(rows, dim, word_bytes) + extra
    if need > available:
        many = f"{rows:,}" if complete else f"at least {rows:,}"
        raise DataFormatError(
            f"{path}: too large for the memory available: {many} vectors of {dim:,} dimensions need "
            f"about {memory.human_size(need)} of memory, but {memory.human_size(available)} is available. "
            + _FEWER)


def _long_line(path: Path, line: int, kind: str) -> DataFormatError:
    return DataFormatError(
        f"{path}: line {line:,} is longer than {MAX_LINE_BYTES:,} bytes, more than a word and "
        f"{MAX_DIMENSION:,} numbers take, so it is damaged or not word vectors. Expected "
        f"{_EXPECTED[kind]}.")


class _Check:
    """Bounds on one pass over a word2vec file's decompressed bytes, handed block by
    block (``b""`` at the end); raises :class:`DataFormatError` at the first one
    exceeded. Stops checking once the vectors gensim will read are past."""

    def __init__(self, path: Path, layout: _Layout, available: int | None):
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
            raise DataFormatError(
                f"{self.path}: decompresses to more than {MAX_COMPRESSION_RATIO} times its size before "
                "its vectors end; word vectors compress far less, so the file is damaged or not word "
                "vectors. Choose another file.")
        if self.available is None or self.done:
            return
        budget = DECOMPRESSED_FACTOR * self.available
        if self.total > budget:
            raise DataFormatError(
                f"{self.path}: decompresses to more than {memory.human_size(budget)} ({DECOMPRESSED_FACTOR} "
                f"times the {memory.human_size(self.available)} of memory available) before its vectors end; "
                "word vectors that fit in memory take less, so the file is damaged or not word vectors. "
                "Choose another file.")
        header = self.layout.header is not None
        _check_memory(self.path, self.layout.rows if header else self.rows, self.layout.dim,
                      self.word_bytes, self.available, complete=header)

    def scan(self, block: bytes) -> None:
        raise NotImplementedError

    def _vector_done(self) -> None:
        self.rows += 1
        self.word_bytes += self.word
        self.word = 0
        if self.layout.rows is not None and self.rows >= self.layout.rows:
            self.done = True


class _TextCheck(_Check):
    """Lines at most :data:`MAX_LINE_BYTES`, the word starting each at most
    :data:`MAX_WORD_BYTES`; lines counted for a header-less file's memory estimate."""

    def __init__(self, path: Path, layout: _Layout, available: int | None):
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
                    raise DataFormatError(
                        f"{self.path}: line {self.line:,} starts with a word longer than {MAX_WORD_BYTES:,} "
                        "bytes; a word and its numbers must be separated by spaces, so the file is damaged "
                        f"or not word vectors. Expected {_EXPECTED['text']}.")
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


class _BinaryCheck(_Check):
    """Follows the binary layout: the header line, then per vector a word up to a space
    (at most :data:`MAX_WORD_BYTES`, plus the newline word2vec.c writes before it) and
    ``dim * 4`` bytes of floats, skipped without looking."""

    def __init__(self, path: Path, layout: _Layout, available: int | None):
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
                    raise DataFormatError(
                        f"{self.path}: word {self.rows + 1:,} is longer than {MAX_WORD_BYTES:,} bytes (no "
                        "space ends it), so the file is damaged or not in the word2vec binary format. "
                        f"Expected {_EXPECTED['binary']}.")
                if space < 0:
                    return
                pos, self.stage, self.left = space + 1, "vector", self.layout.dim * 4
            else:
                step = min(self.left, size - pos)
                pos, self.left = pos + step, self.left - step
                if not self.left:
                    self.stage = "word"
                    self._vector_done()


def _load_npz(path: Path, vocab_path: str | Path | None, limit: int | None,
              on_progress: Progress | None, stop_event: threading.Event | None):
    """Read the ``embeddings`` array of an ``.npz`` row block by row block, so a large
    matrix shows progress, can be stopped, and only the first ``limit`` rows are read.
    The shape is bounded (at most :data:`MAX_DIMENSION` columns, as many rows as the
    vocabulary lists, data the member really declares, memory) before anything is
    allocated from it."""
    from gensim.models import KeyedVectors

    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise DataFormatError(f"{path}: not an .npz archive (numpy.savez writes one).")
    vocab_file = Path(vocab_path) if vocab_path else _find_vocab(path)
    available = memory.available_memory()
    try:
        with zipfile.ZipFile(path) as archive:
            if "embeddings.npy" not in archive.namelist():
                names = ", ".join(n.removesuffix(".npy") for n in archive.namelist()) or "nothing"
                raise DataFormatError(f"{path}: no 'embeddings' array inside (it has {names}).")
            info = archive.getinfo("embeddings.npy")
            with archive.open(info) as member:
                shape, dtype = _read_npy_header(path, member)
                rows, dim = shape
                data_bytes = info.file_size - member.tell()
                if data_bytes < rows * dim * dtype.itemsize:
                    raise DataFormatError(
                        f"{path}: 'embeddings' holds {data_bytes:,} bytes of data but its shape needs "
                        f"{rows * dim * dtype.itemsize:,} ({rows:,} × {dim:,} × {dtype.itemsize}); the file "
                        "is damaged. Save the matrix again with numpy.savez.")
                count = min(rows, limit) if limit else rows
                vocab_bytes = vocab_file.stat().st_size if vocab_file.is_file() else 0
                # the whole vocabulary is read, whatever the limit: a slot for each of its words
                _check_memory(path, count, dim, vocab_bytes, available, complete=True,
                              extra=(rows - count) * ROW_BYTES)
                words = read_vocab_file(vocab_file)
                if rows != len(words):
                    raise DataFormatError(f"{path}: 'embeddings' has {rows:,} rows but {vocab_file} "
                                          f"lists {len(words):,} tokens; row i must belong to token i.")
                matrix = _read_rows(path, member, count, dim, dtype, on_progress, stop_event)
    except (OSError, ValueError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
        raise DataFormatError(f"{path}: cannot be read as .npz ({exc}).") from None
    words = words[: matrix.shape[0]]
    vectors = KeyedVectors(matrix.shape[1], dtype=np.float32)
    vectors.add_vectors(words, matrix)
    return vectors


def _read_npy_header(path: Path, member) -> tuple[tuple[int, int], np.dtype]:
    """``((rows, dim), dtype)`` of a 2-D float C-order ``.npy``, dim 1 to :data:`MAX_DIMENSION`.

    Raises:
        DataFormatError: another format version, shape, order or type; a dimension out of bounds.
    """
    version = np.lib.format.read_magic(member)
    readers = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}
    if version not in readers:
        raise DataFormatError(f"{path}: 'embeddings' is in .npy format {version}, which this studio "
                              "cannot read; save it with numpy.savez.")
    shape, fortran, dtype = readers[version](member)
    if len(shape) != 2 or fortran or dtype.kind != "f":
        raise DataFormatError(f"{path}: 'embeddings' must be a 2-D float matrix (count, dim) in C order; "
                              f"it is {dtype} with shape {shape}.")
    if shape[1] == 0:
        raise DataFormatError(f"{path}: 'embeddings' has shape {shape}: it holds no numbers. Save a "
                              "(count, dim) matrix of word vectors with numpy.savez.")
    if shape[1] > MAX_DIMENSION:
        raise DataFormatError(f"{path}: 'embeddings' has vectors of {shape[1]:,} dimensions, but the studio "
                              f"reads vectors of at most {MAX_DIMENSION:,}; the file is damaged or not word "
                              "vectors. Choose another file.")
    return shape, dtype


def _read_rows(path: Path, member, count: int, dim: int, dtype: np.dtype, on_progress: Progress | None,
               stop_event: threading.Event | None) -> np.ndarray:
    matrix = np.empty((count, dim), dtype=np.float32)
    block = max(1, (8 << 20) // (dim * dtype.itemsize))  # about 8 MiB a read
    for start in range(0, count, block):
        if stop_event is not None and stop_event.is_set():
            raise Cancelled(f"Stopped reading {path.name}.")
        rows = min(block, count - start)
        data = member.read(rows * dim * dtype.itemsize)
        matrix[start:start + rows] = np.frombuffer(data, dtype=dtype).reshape(rows, dim)
        if on_progress is not None:
            on_progress((start + rows) / count)
    return matrix


def _find_vocab(path: Path) -> Path:
    stem = path.name[: -len(".npz")]
    for pattern in VOCAB_NAMES:
        candidate = path.with_name(pattern.format(stem=stem))
        if candidate.is_file():
            return candidate
    names = ", ".join(pattern.format(stem=stem) for pattern in VOCAB_NAMES)
    raise DataFormatError(f"{path}: no vocabulary file found beside it (looked for {names}); "
                          "choose the file that lists one token per row of 'embeddings'.")


def read_vocab_file(path: Path) -> list[str]:
    """Tokens of a vocabulary file: a JSON list, or one token per line (the first
    whitespace-separated field, so ``token count`` lines work too).

    Raises:
        DataFormatError: unreadable file, an empty line, or a token listed twice.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFormatError(f"{path}: cannot be read as a UTF-8 vocabulary file ({exc}).") from None
    if Path(path).suffix.lower() == ".json":
        try:
            words = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataFormatError(f"{path}: not valid JSON ({exc}).") from None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataFormatError(f"{path}: must be a JSON list of token strings.")
    else:
        words = []
        for number, line in enumerate(text.splitlines(), 1):
            fields = line.split()
            if not fields:
                raise DataFormatError(f"{path}, line {number}: empty; each line must hold one token.")
            words.append(fields[0])
    seen: set[str] = set()
    for number, word in enumerate(words, 1):
        if word in seen:
            raise DataFormatError(f"{path}, entry {number}: {word!r} is listed twice.")
        seen.add(word)
    return words


def save_vectors(vectors, path: str | Path) -> Path:
    """Write ``vectors`` in the word2vec binary format (never a pickle), durably: to a
    temporary file in the same folder, flushed to disk (fsync), renamed into place, and
    the folder synced, so a crash leaves the old file or the new one.

    Raises:
        OSError: the folder cannot be written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)  # gensim writes by file name
    try:
        vectors.save_word2vec_format(partial, binary=True)
        with open(partial, "rb+") as written:  # writable: Windows syncs only those
            os.fsync(written.fileno())
        os.replace(partial, path)  # same folder, so the rename is atomic
    finally:
        Path(partial).unlink(missing_ok=True)
    fsync_folder(path.parent)
    return path
