"""Reading files of a project folder someone may have crafted.

A project folder (or an unzipped archive) is hostile until proven otherwise. Every file
the studio reads from it goes through :func:`project_file`: the path is resolved
(symlinks followed) and must stay inside the folder it belongs to, the file must be a
regular file (not a FIFO, a device or a folder, which hang or never end), and its size
is bounded before a byte is read. :func:`read_json` adds that every parse failure —
invalid JSON, an integer longer than Python converts, nesting deeper than the parser
recurses — becomes a :class:`~studio.core.errors.ProjectError` naming the file.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from studio.core.errors import ProjectError
from studio.core.messages import Message

KIB, MIB = 1 << 10, 1 << 20
# Caps per kind of file, far above what the studio writes: a 500,000-token vocabulary
# is about 10 MB of JSON, a long run's metrics.jsonl a few MB.
MAX_SMALL_JSON_BYTES = 1 * MIB  # checkpoint.json, labels.json, lock and consent files
MAX_RUN_JSON_BYTES = 64 * MIB  # config.json, vocab.json
MAX_METRICS_BYTES = 256 * MIB


MAX_NAME_BYTES, MAX_PATH_BYTES = 255, 4095  # what file systems take (PATH_MAX counts the NUL)


def valid_path(value: str) -> bool:
    """Whether ``value`` can name a file at all: no NUL character, no name longer than
    255 bytes, at most 4,095 bytes in all (a crafted path beyond those makes the
    operating system raise instead of answering "no such file")."""
    encoded = os.fsencode(value) if isinstance(value, str) else b"\0"
    return (b"\0" not in encoded and len(encoded) <= MAX_PATH_BYTES
            and all(len(part) <= MAX_NAME_BYTES for part in encoded.replace(b"\\", b"/").split(b"/")))


def is_regular_file(path: str | os.PathLike) -> bool:
    """Whether ``path`` (symlinks followed) is a regular file: not a FIFO or a device,
    which would block a read forever or never end. Never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def exists(path: str | os.PathLike) -> bool:
    """``Path.exists`` that answers False for a path the system cannot even look up
    (a NUL character, a name too long) instead of raising."""
    try:
        return os.path.lexists(path) and Path(path).exists()
    except (OSError, ValueError):
        return False


def resolved(path: str | os.PathLike) -> Path:
    """``path`` absolute, with every symlink followed (the file actually reached).

    Raises:
        ValueError: ``path`` holds a NUL character (check :func:`valid_path` first).
    """
    return Path(os.path.realpath(os.path.abspath(path)))


def is_inside(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """Whether ``path``, symlinks followed, lies in ``root`` (or is ``root``)."""
    target, base = resolved(path), resolved(root)
    return target == base or base in target.parents


def inside(path: str | os.PathLike, root: str | os.PathLike, where: str | os.PathLike | Message) -> Path:
    """``path`` itself when it resolves inside ``root``.

    Args:
        where: the file and field the path came from, for the message: a path, or a
            message such as ``project.run`` ("run 20240101-textcnn") or
            ``project.folder_of`` ("<project>: the folder runs").

    Raises:
        ProjectError: the path (or a symlink on the way) leads outside ``root``.
    """
    if not is_inside(path, root):
        raise ProjectError("project.leads_outside", where=where, path=path, root=root)
    return Path(path)


def project_file(path: str | os.PathLike, root: str | os.PathLike, max_bytes: int) -> Path:
    """``path`` when it is a regular file inside ``root`` of at most ``max_bytes`` bytes.

    Raises:
        ProjectError: outside ``root``, missing, not a regular file, or too large; the
            message names the file.
    """
    _checked_size(path, root, max_bytes)
    return Path(path)


def _checked_size(path: str | os.PathLike, root: str | os.PathLike, max_bytes: int) -> int:
    path = inside(path, root, path)
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        raise ProjectError("project.cannot_read", file=path, reason=os_reason(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise ProjectError("project.not_regular_file", file=path)
    if info.st_size > max_bytes:
        raise ProjectError("project.file_too_large", file=path, size=info.st_size, limit=max_bytes)
    return info.st_size


def read_text(path: str | os.PathLike, root: str | os.PathLike, max_bytes: int) -> str:
    """The UTF-8 text of a bounded regular file inside ``root``.

    Raises:
        ProjectError: see :func:`project_file`; or not UTF-8.
    """
    limit = min(_checked_size(path, root, max_bytes), max_bytes)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # one byte more tells a file that grew since the stat
    except OSError as exc:
        raise ProjectError("project.cannot_read", file=path, reason=os_reason(exc)) from None
    if len(data) > limit:
        raise ProjectError("project.changed_while_read", file=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectError("project.not_utf8", file=path, reason=exc.reason, offset=exc.start) from None


def os_reason(exc: BaseException) -> str:
    """The OS's words for ``exc`` (``No such file or directory``), else its text."""
    return getattr(exc, "strerror", None) or str(exc)


def parse_json(text: str, where: str | os.PathLike | Message) -> Any:
    """``json.loads`` whose every failure is a :class:`ProjectError` naming ``where`` (a
    path, or a message such as ``project.file_line``: "<file>, line 3").

    Raises:
        ProjectError: invalid JSON, an integer too long to convert, or too deep.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise ProjectError("project.json_too_deep", file=where) from None
    except ValueError as exc:  # JSONDecodeError, and the int-digit limit's ValueError
        raise ProjectError("project.invalid_json", file=where, reason=str(exc)) from None


def read_json(path: str | os.PathLike, root: str | os.PathLike, max_bytes: int) -> Any:
    """The JSON value of a bounded regular file inside ``root``.

    Raises:
        ProjectError: see :func:`read_text` and :func:`parse_json`.
    """
    return parse_json(read_text(path, root, max_bytes), path)


MAX_TENSOR_HEADER_BYTES = 100 * MIB  # safetensors' own limit on its JSON header


def check_tensor_file(path: str | os.PathLike, root: str | os.PathLike) -> Path:
    """``path`` when it is a safetensors file inside ``root`` whose tensors fit in the
    memory available now, judged from its header before anything is loaded (a sparse
    file can declare gigabytes in a few bytes on disk).

    Raises:
        ProjectError: outside ``root``, not a regular file, a damaged header, or more
            tensor bytes than memory holds.
    """
    from studio.core.data.memory import available_memory, human_size

    size = _checked_size(path, root, 1 << 50)
    try:
        with open(path, "rb") as handle:
            length = int.from_bytes(handle.read(8), "little")
            if size < 8 or length > min(size - 8, MAX_TENSOR_HEADER_BYTES):
                raise ProjectError("project.bad_tensor_header", file=path, length=length)
            header = parse_json(handle.read(length).decode("utf-8", errors="replace"), path)
    except OSError as exc:
        raise ProjectError("project.cannot_read", file=path, reason=os_reason(exc)) from None
    if not isinstance(header, dict):
        raise ProjectError("project.tensor_header_not_object", file=path)
    total = 0
    for entry in header.values():
        offsets = entry.get("data_offsets") if isinstance(entry, dict) else None
        if isinstance(offsets, list) and len(offsets) == 2 and all(type(o) is int for o in offsets):
            total += max(0, offsets[1] - offsets[0])
    available = available_memory()
    if available is not None and total > available:
        raise ProjectError("project.tensors_too_large", file=path, size=human_size(total),
                           available=human_size(available))
    return Path(path)
