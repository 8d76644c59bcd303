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

A vectors file someone sent is hostile until read: the bytes are checked as they
stream in, before gensim can hold them (:mod:`~studio.core.embeddings.vector_bounds`).

Every refusal is a :class:`~studio.core.errors.DataFormatError` naming the file, what
was wrong and what to do; running out of memory anyway becomes one too. When the
available memory is unknown, only the bounds on size and shape apply.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
import zlib
from pathlib import Path

import numpy as np

from studio.core.data import memory
from studio.core.embeddings.vector_bounds import (
    COMPRESSED,
    MAX_DIMENSION,
    ROW_BYTES,
    BinaryCheck,
    TextCheck,
    check_memory,
    expected,
    kind_name,
    read_layout,
)
from studio.core.embeddings.watched_files import watched
from studio.core.errors import Cancelled, DataFormatError
from studio.core.fileio import fsync_folder
from studio.core.report import Reporter
from studio.core.safe_files import is_inside, is_regular_file, resolved

TEXT_SUFFIXES = (".txt", ".vec")
VOCAB_NAMES = ("{stem}.vocab.txt", "{stem}.vocab.json", "vocab.txt", "vocab.json")
FILE_FILTER = "Word vectors (*.txt *.vec *.bin *.npz *.gz *.bz2);;All files (*)"


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
        raise DataFormatError("vectors.pickle_refused", file=path, suffix=suffix)
    if suffix == ".npz":
        if path.suffix.lower() in COMPRESSED:
            raise DataFormatError("vectors.compressed_npz", file=path, name=path.stem)
        return "npz"
    return "binary" if suffix == ".bin" else "text"


def load_vectors(path: str | Path, vocab_path: str | Path | None = None, limit: int | None = None,
                 report: Reporter | None = None):
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
        report: gets the fraction of the file read as progress (of the file on disk:
            compressed bytes for ``.gz``/``.bz2``); stop it from another thread to stop
            reading, checked at every block of (decompressed) bytes read.

    Raises:
        DataFormatError: missing or unreadable file, naming it and the format expected;
            a file beyond the bounds (dimension, line or word length, memory), naming
            the bound; a file that does not fit in memory.
        Cancelled: ``report`` was stopped.
    """
    path = Path(path).expanduser()
    report = report or Reporter()
    if not path.is_file():
        raise DataFormatError("vectors.no_such_file", file=path)
    kind = vector_format(path)
    try:
        if kind == "npz":
            return _load_npz(path, vocab_path, limit, report)
        return _load_word2vec(path, kind, limit, report)
    except MemoryError:
        raise DataFormatError("vectors.out_of_memory", file=path) from None


def _load_word2vec(path: Path, kind: str, limit: int | None, report: Reporter):
    from gensim.models import KeyedVectors  # gensim takes a second to import

    available = memory.available_memory()
    layout = read_layout(path, kind, limit, report)
    if layout.header is not None:
        check_memory(path, layout.rows, layout.dim, 0, available, complete=True)
    passes = 1 if layout.header or kind == "binary" else 2  # gensim sizes a header-less file first
    checker = TextCheck if kind == "text" else BinaryCheck
    try:
        with watched(path, report, lambda: checker(path, layout, available), passes) as uri:
            vectors = KeyedVectors.load_word2vec_format(
                uri, binary=kind == "binary", no_header=layout.header is None,
                limit=limit or None, unicode_errors="replace")
    except (Cancelled, DataFormatError, MemoryError):
        raise
    except Exception as exc:  # gensim raises many types for a malformed file
        raise DataFormatError("vectors.unreadable_word2vec", file=path, kind=kind_name(kind),
                              error=f"{type(exc).__name__}: {exc}", expected=expected(kind)) from None
    if len(vectors) == 0 or vectors.vector_size == 0:
        raise DataFormatError("vectors.no_numbers", file=path, kind=kind_name(kind), expected=expected(kind))
    return vectors


def _load_npz(path: Path, vocab_path: str | Path | None, limit: int | None, report: Reporter):
    """Read the ``embeddings`` array of an ``.npz`` row block by row block, so a large
    matrix shows progress, can be stopped, and only the first ``limit`` rows are read.
    The shape is bounded (at most :data:`MAX_DIMENSION` columns, as many rows as the
    vocabulary lists, data the member really declares, memory) before anything is
    allocated from it."""
    from gensim.models import KeyedVectors

    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise DataFormatError("vectors.not_npz", file=path)
    vocab_file = Path(vocab_path) if vocab_path else _find_vocab(path)
    available = memory.available_memory()
    try:
        with zipfile.ZipFile(path) as archive:
            if "embeddings.npy" not in archive.namelist():
                if not archive.namelist():
                    raise DataFormatError("vectors.npz_empty", file=path)
                raise DataFormatError("vectors.npz_no_embeddings", file=path,
                                      names=", ".join(n.removesuffix(".npy") for n in archive.namelist()))
            info = archive.getinfo("embeddings.npy")
            with archive.open(info) as member:
                shape, dtype = _read_npy_header(path, member)
                rows, dim = shape
                data_bytes = info.file_size - member.tell()
                if data_bytes < rows * dim * dtype.itemsize:
                    raise DataFormatError("vectors.npz_short_data", file=path, data_bytes=data_bytes,
                                          needed=rows * dim * dtype.itemsize, rows=rows, dim=dim,
                                          item_bytes=dtype.itemsize)
                count = min(rows, limit) if limit else rows
                vocab_bytes = vocab_file.stat().st_size if vocab_file.is_file() else 0
                # the whole vocabulary is read, whatever the limit: a slot for each of its words
                check_memory(path, count, dim, vocab_bytes, available, complete=True,
                              extra=(rows - count) * ROW_BYTES)
                words = read_vocab_file(vocab_file)
                if rows != len(words):
                    raise DataFormatError("vectors.npz_vocab_mismatch", file=path, rows=rows, vocab=vocab_file,
                                          tokens=len(words))
                matrix = _read_rows(member, count, dim, dtype, report)
    except (OSError, ValueError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
        raise DataFormatError("vectors.unreadable_npz", file=path, error=str(exc)) from None
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
        raise DataFormatError("vectors.npy_version", file=path, version=str(version))
    shape, fortran, dtype = readers[version](member)
    if len(shape) != 2 or fortran or dtype.kind != "f":
        raise DataFormatError("vectors.npy_shape", file=path, dtype=str(dtype), shape=str(shape))
    if shape[1] == 0:
        raise DataFormatError("vectors.npy_no_numbers", file=path, shape=str(shape))
    if shape[1] > MAX_DIMENSION:
        raise DataFormatError("vectors.npy_too_wide", file=path, dim=shape[1], most=MAX_DIMENSION)
    return shape, dtype


def _read_rows(member, count: int, dim: int, dtype: np.dtype, report: Reporter) -> np.ndarray:
    """The first ``count`` rows of the matrix ``member`` streams, about 8 MiB a read,
    progress and stop checked between reads.

    Raises:
        Cancelled: ``report`` was stopped.
    """
    matrix = np.empty((count, dim), dtype=np.float32)
    block = max(1, (8 << 20) // (dim * dtype.itemsize))  # about 8 MiB a read
    for start in range(0, count, block):
        report.check()
        rows = min(block, count - start)
        data = member.read(rows * dim * dtype.itemsize)
        matrix[start:start + rows] = np.frombuffer(data, dtype=dtype).reshape(rows, dim)
        report.progress((start + rows) / count)
    return matrix


def _find_vocab(path: Path) -> Path:
    stem = path.name[: -len(".npz")]
    for pattern in VOCAB_NAMES:
        candidate = path.with_name(pattern.format(stem=stem))
        # found, not chosen: it must be the folder's own file, not a link to one elsewhere
        if candidate.is_file() and is_inside(candidate, resolved(path).parent):
            return candidate
    raise DataFormatError("vectors.no_vocab_file", file=path,
                          names=", ".join(pattern.format(stem=stem) for pattern in VOCAB_NAMES))


def read_vocab_file(path: Path) -> list[str]:
    """Tokens of a vocabulary file: a JSON list, or one token per line (the first
    whitespace-separated field, so ``token count`` lines work too).

    Raises:
        DataFormatError: unreadable file, an empty line, or a token listed twice.
    """
    if not is_regular_file(path):  # a FIFO would block the read forever
        raise DataFormatError("vectors.vocab_not_file", file=path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFormatError("vectors.vocab_unreadable", file=path, error=str(exc)) from None
    if Path(path).suffix.lower() == ".json":
        try:
            words = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataFormatError("vectors.vocab_bad_json", file=path, error=str(exc)) from None
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataFormatError("vectors.vocab_not_list", file=path)
    else:
        words = []
        for number, line in enumerate(text.splitlines(), 1):
            fields = line.split()
            if not fields:
                raise DataFormatError("vectors.vocab_empty_line", file=path, line=number)
            words.append(fields[0])
    seen: set[str] = set()
    for number, word in enumerate(words, 1):
        if word in seen:
            raise DataFormatError("vectors.vocab_duplicate", file=path, entry=number, word=repr(word))
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
