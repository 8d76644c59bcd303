"""A retrieval index's files in a project folder, read as a sent project is read: hostile.

```
MyProject.studio/retrieval/<name>/
  index.json     IndexInfo: format, name, spec, count, dimension, has_answers, built_at
  bank.json      {"questions": [...], "answers": [...] or null}
  vectors.npy    the bank's normalised sentence vectors, (count, dimension) float32,
                 vector methods only (no pickle: dtype, shape and size checked first)
```

A BM25 index keeps no term weights on disk: they are rebuilt from ``bank.json`` when the
index is loaded (about 4 s for 100,000 questions cut by character), so nothing but JSON
and a plain float32 array is ever read from a project someone sent.

Indexes are found by listing ``retrieval/`` (``project.json`` does not list them: older
projects, and older studios opening newer ones, are not affected). A folder whose name
is not a valid index name, that leads outside ``retrieval/``, or whose ``index.json``
cannot be read is left alone and noted. Every file is bounded in size before it is read.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_write_json, fsync_folder
from studio.core.messages import Message, message
from studio.core.retrieval.bank import QuestionBank
from studio.core.safe_files import MIB, inside, is_inside, project_file, read_json
from studio.core.text.tokenizers import TokenizerType
from studio.core.validation import MessageValueError, validation_message

INDEX_FOLDER = "retrieval"
INFO_FILE, BANK_FILE, MATRIX_FILE = "index.json", "bank.json", "vectors.npy"
INDEX_FORMAT = 1
RECALL_METHODS = ("bm25", "word_vectors", "siamese")
MAX_INFO_BYTES = 1 * MIB
MAX_BANK_BYTES = 512 * MIB  # a million questions with answers of a couple of hundred characters
BANK_MEMORY_FACTOR = 16  # memory per byte of bank.json, at worst (short strings: a str object per 4 bytes)
MAX_INDEXES = 1000  # folders listed under retrieval/
MAX_DIMENSION = 4096
MAX_NPY_HEADER = 10_000  # numpy's own default limit on an .npy header
INDEX_NAME = re.compile(r"^\w[\w.-]{0,63}$")


def check_index_name(name: str) -> str:
    """``name`` when it can name an index folder: 1 to 64 letters, digits, ``_``, ``.`` or
    ``-``, not starting with ``.`` or ``-`` (never ``..``, a slash or a drive).

    Raises:
        MessageValueError: ``retrieval.bad_index_name`` (a ValueError).
    """
    if not isinstance(name, str) or not INDEX_NAME.fullmatch(name) or name.strip(".") == "":
        raise MessageValueError("retrieval.bad_index_name", name=name)
    return name


class IndexSpec(BaseModel):
    """How an index recalls: its method and what that method needs.

    ``tokenizer``/``lowercase`` cut text for ``bm25`` and ``word_vectors`` (``None``: char
    for BM25, the vector set's own tokenizer for word vectors); a Siamese run reads text
    with its own tokenizer. ``vectors`` names a vector set of the project (word_vectors),
    ``run`` a Siamese run's id (siamese). ``question_column``/``answer_column`` (0-based)
    and ``bank_file`` record where the bank was read from (shown, never read again).
    """

    model_config = ConfigDict(extra="forbid")

    method: Literal["bm25", "word_vectors", "siamese"] = "bm25"
    tokenizer: TokenizerType | None = None
    lowercase: bool = True
    k1: float = Field(1.5, gt=0, le=10, description="BM25 term-frequency saturation.")
    b: float = Field(0.75, ge=0, le=1, description="BM25 length normalisation.")
    vectors: str = Field("", max_length=1000)
    run: str = Field("", max_length=200)
    question_column: int = Field(0, ge=0, le=10_000)
    answer_column: int | None = Field(None, ge=0, le=10_000)
    bank_file: str = Field("", max_length=4096)


class IndexInfo(BaseModel):
    """What ``index.json`` holds: the index's name and spec, the bank's size, the vectors'
    dimension (0 for BM25) and whether the bank has answers."""

    model_config = ConfigDict(extra="forbid")

    format: Literal[1] = INDEX_FORMAT
    name: str
    spec: IndexSpec
    count: int = Field(ge=1, le=100_000_000)
    dimension: int = Field(0, ge=0, le=MAX_DIMENSION)
    has_answers: bool = False
    built_at: str = Field("", max_length=64)
    studio: str = Field("", max_length=64)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return check_index_name(value)


@dataclass
class StoredIndex:
    """One index a project holds: ``info``, the folder its files are in now (``None`` until
    first saved), and, once built or loaded, the index itself (``index``, a
    :class:`~studio.core.retrieval.store.RetrievalIndex`, whose ``bank`` and ``matrix`` a
    save writes)."""

    info: IndexInfo
    folder: Path | None = None
    index: Any = None

    @property
    def name(self) -> str:
        return self.info.name


def _info(folder: Path, root: Path) -> IndexInfo:
    file = folder / INFO_FILE
    data = read_json(file, root, MAX_INFO_BYTES)
    try:
        info = IndexInfo.model_validate(data)
    except ValidationError as exc:
        raise ProjectError("retrieval.invalid_index_file", file=file, problems=validation_message(exc)) from None
    if info.name != folder.name:
        raise ProjectError("retrieval.index_name_differs", file=file, name=info.name, folder=folder.name)
    return info


def scan_indexes(root: Path) -> tuple[list[StoredIndex], list[Message]]:
    """The indexes in ``root/retrieval`` (by name), and notes on folders left alone.

    Raises:
        ProjectError: ``retrieval`` itself leads outside ``root``.
    """
    base = inside(root / INDEX_FOLDER, root, message("project.folder_of", project=root, folder=INDEX_FOLDER))
    if not base.is_dir():
        return [], []
    found, notes = [], []
    for count, folder in enumerate(sorted(base.iterdir())):
        if count >= MAX_INDEXES:
            notes.append(message("retrieval.too_many_indexes", folder=base, limit=MAX_INDEXES))
            break
        if folder.name.startswith("."):  # a write a crash cut short
            continue
        try:
            check_index_name(folder.name)
        except ValueError:
            notes.append(message("retrieval.index_skipped", folder=folder,
                                 reason=message("retrieval.bad_index_name", name=folder.name)))
            continue
        if not folder.is_dir():
            continue
        try:
            inside(folder, base, folder)
            found.append(StoredIndex(_info(folder, root), folder))
        except ProjectError as exc:
            notes.append(message("retrieval.index_skipped", folder=folder, reason=exc.message))
    return found, notes


def read_bank_file(entry: StoredIndex, root: Path) -> QuestionBank:
    """The bank of a stored index, checked against its ``index.json``.

    Raises:
        ProjectError: outside ``root``, too large (for :data:`MAX_BANK_BYTES` or for the
            memory available), not JSON, or not ``count`` questions (and answers) of text.
    """
    file = project_file(_stored_file(entry, root, BANK_FILE), root, MAX_BANK_BYTES)
    _fits_in_memory(file, os.path.getsize(file) * BANK_MEMORY_FACTOR)
    data = read_json(file, root, MAX_BANK_BYTES)
    questions = data.get("questions") if isinstance(data, dict) else None
    answers = data.get("answers") if isinstance(data, dict) else None
    count = entry.info.count

    def texts(value) -> bool:
        return isinstance(value, list) and len(value) == count and all(isinstance(t, str) for t in value)

    if (not texts(questions) or (answers is not None and not texts(answers))
            or entry.info.has_answers != (answers is not None)):
        raise ProjectError("retrieval.bank_file_differs", file=file, count=count)
    return QuestionBank(questions, answers)


def read_matrix(entry: StoredIndex, root: Path) -> np.ndarray:
    """The ``(count, dimension)`` float32 matrix of a stored vector index. The header is
    checked before the array is read: little-endian float32, C order, the shape
    ``index.json`` gives and a file of exactly that size; then ``np.load`` reads it with
    ``allow_pickle=False``.

    Raises:
        ProjectError: outside ``root``, not a regular file, too large (for its shape or
            for the memory available), or not that array.
    """
    count, dimension = entry.info.count, entry.info.dimension
    expected = count * dimension * 4
    file = project_file(_stored_file(entry, root, MATRIX_FILE), root, expected + MAX_NPY_HEADER + 128)
    try:
        with open(file, "rb") as handle:
            version = np.lib.format.read_magic(handle)
            if version not in ((1, 0), (2, 0)):
                raise ValueError(f"format version {version}")
            read = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read(handle, max_header_size=MAX_NPY_HEADER)
            offset = handle.tell()
        good = (dtype == np.dtype("<f4") and not fortran and shape == (count, dimension)
                and os.path.getsize(file) == offset + expected)
        if not good:
            raise ProjectError("retrieval.matrix_differs", file=file, shape=shape, dtype=str(dtype),
                               count=count, dimension=dimension)
        _fits_in_memory(file, expected)
        matrix = np.load(file, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise ProjectError("retrieval.matrix_unreadable", file=file, reason=str(exc)) from None
    return np.ascontiguousarray(matrix, dtype=np.float32)


def _fits_in_memory(file: Path, need: int) -> None:
    """Refuse a file whose reading would need more memory than is available now (a sparse
    file declares gigabytes in a few bytes on disk).

    Raises:
        ProjectError: ``retrieval.too_large_for_memory``.
    """
    from studio.core.data.memory import available_memory, human_size

    available = available_memory()
    if available is not None and need > available:
        raise ProjectError("retrieval.too_large_for_memory", file=file, need=human_size(need),
                           available=human_size(available))


def _stored_file(entry: StoredIndex, root: Path, name: str) -> Path:
    if entry.folder is None:
        raise ProjectError("retrieval.index_not_saved", name=entry.name)
    folder = inside(entry.folder, Path(root) / INDEX_FOLDER, entry.folder)
    return folder / name


def write_index_files(folder: Path, info: IndexInfo, bank: QuestionBank, matrix: np.ndarray | None) -> None:
    """Write an index into ``folder`` (replaced whole): its files go into a hidden folder
    beside it, fsynced, which then takes its place, so a crash leaves the old index or
    the new one."""
    with _new_folder(folder, info) as tmp:
        atomic_write_json(tmp / BANK_FILE, {"questions": list(bank.questions),
                                            "answers": None if bank.answers is None else list(bank.answers)})
        if matrix is not None:
            with open(tmp / MATRIX_FILE, "wb") as handle:
                np.save(handle, np.ascontiguousarray(matrix, dtype="<f4"), allow_pickle=False)
                handle.flush()
                os.fsync(handle.fileno())


def copy_index_files(source: Path, source_root: Path, folder: Path, info: IndexInfo) -> None:
    """Copy a saved index's files from ``source`` (inside ``source_root/retrieval``, each
    file bounded) into ``folder``, replaced whole as :func:`write_index_files` does.

    Raises:
        ProjectError: a file of ``source`` leads outside, is missing or too large.
    """
    base = Path(source_root) / INDEX_FOLDER
    inside(source, base, source)
    names = [BANK_FILE] + ([MATRIX_FILE] if info.dimension else [])
    limits = {BANK_FILE: MAX_BANK_BYTES, MATRIX_FILE: info.count * info.dimension * 4 + MAX_NPY_HEADER + 128}
    files = [project_file(source / name, base, limits[name]) for name in names]
    with _new_folder(folder, info) as tmp:
        for file in files:
            shutil.copyfile(file, tmp / file.name)
            with open(tmp / file.name, "rb+") as handle:
                os.fsync(handle.fileno())


@contextmanager
def _new_folder(folder: Path, info: IndexInfo) -> Iterator[Path]:
    """A hidden folder beside ``folder`` for the body to fill; then ``index.json`` is
    written, everything fsynced, and it takes ``folder``'s place (deleted instead if the
    body fails)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        yield tmp
        atomic_write_json(tmp / INFO_FILE, info.model_dump())
        fsync_folder(tmp)
        _replace_folder(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _replace_folder(new: Path, folder: Path) -> None:
    old = None
    if folder.exists() or folder.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
        os.replace(folder, old / "index")
    os.replace(new, folder)
    fsync_folder(folder.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def save_indexes(indexes: list[StoredIndex], target: Path, previous: Path | None,
                 removed: set[str]) -> tuple[list[StoredIndex], list[Message]]:
    """Bring a project's indexes into ``target/retrieval``: each built one written, each
    saved one copied from its folder in ``previous`` (the project's folder before this
    save) unless it is there already. In ``target`` itself, the folders of ``removed``
    names not in ``indexes`` are deleted. Returns the entries as they are once saved
    (their ``folder`` in ``target``) and notes on indexes that could not be copied.

    Raises:
        OSError: writing failed (the project's save reports it).
    """
    base = target / INDEX_FOLDER
    saved, notes = [], []
    for entry in indexes:
        destination = base / entry.name
        if entry.folder is not None and _same(entry.folder, destination):
            saved.append(entry)
            continue
        if entry.index is not None:
            write_index_files(destination, entry.info, entry.index.bank, entry.index.matrix)
        elif entry.folder is not None and previous is not None:
            try:
                copy_index_files(entry.folder, previous, destination, entry.info)
            except ProjectError as exc:
                notes.append(message("retrieval.index_not_copied", name=entry.name, reason=exc.message))
                continue
        else:
            notes.append(message("retrieval.index_not_copied", name=entry.name,
                                 reason=message("retrieval.index_not_saved", name=entry.name)))
            continue
        saved.append(StoredIndex(entry.info, destination, entry.index))
    kept = {entry.name for entry in indexes}
    for name in sorted(removed - kept):
        folder = base / name
        try:
            check_index_name(name)
        except ValueError:
            continue
        if folder.is_dir() and not folder.is_symlink() and is_inside(folder, base):
            shutil.rmtree(folder, ignore_errors=True)
    return saved, notes


def _same(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
