"""Atomic file writes and content hashes.

Every write goes to a temporary file in the same folder, is flushed to disk (fsync),
renamed into place, and the folder is synced: a crash leaves either the old file or
the new one, never half of each.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import platformdirs

APP_FOLDER = "TextModelStudio"  # the per-user folders' name (as QSettings' organisation)


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file + ``os.replace``)."""
    with atomic_output(path) as handle:
        handle.write(data)


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write that replaces ``path`` only once the block ends without error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes files only the owner can read; give them the mode a plain open() would
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_copy(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Copy ``source`` to ``target`` atomically, in 1 MiB chunks."""
    with open(source, "rb") as handle:
        with atomic_output(target) as out:
            shutil.copyfileobj(handle, out, 1 << 20)


def cache_root() -> Path:
    """The studio's cache: ``$STUDIO_CACHE_DIR`` when set, else the platform's per-user
    cache folder from platformdirs: ``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux,
    ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows, each with a
    ``TextModelStudio`` folder. The folder earlier studios used on every system,
    ``~/.cache/text-model-studio``, stays in use while the new one does not exist, so the
    runs, recovery files and consents kept there are not lost."""
    if os.environ.get("STUDIO_CACHE_DIR"):
        return Path(os.environ["STUDIO_CACHE_DIR"])
    folder = Path(platformdirs.user_cache_dir(APP_FOLDER, appauthor=False))
    legacy = Path.home() / ".cache" / "text-model-studio"
    return legacy if legacy.is_dir() and not folder.exists() else folder


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: str | os.PathLike, obj: Any) -> None:
    """Write ``obj`` as indented UTF-8 JSON (non-ASCII kept readable) atomically."""
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def file_sha256(path: str | os.PathLike, chunk_size: int = 1 << 20) -> str:
    """Hex SHA-256 of a file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()
