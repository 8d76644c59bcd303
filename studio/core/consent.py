"""Files outside a project folder that the user agreed the studio may read for it.

A project refers to files outside its folder: its data files, word vectors, a jieba
dictionary. In a project someone sent, such a reference could name any file on this
machine, which training, hashing or "keep a copy of the data" would then read (and
Export would send back). So the studio reads an outside file for a project only once
it is recorded here for that project folder: when the user saves the project on this
machine (they chose those files themselves), or agrees in the dialog (the CLI:
``--allow-outside-files``) that lists them.

The record lives in the studio's cache, ``<cache>/consent/outside-files.json``, where
a project folder cannot write: ``{"version": 1, "projects": {folder: [file, ...]}}``,
every path absolute with symlinks followed, so a reference that is later swapped for a
symlink to another file is asked about again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from filelock import FileLock, Timeout

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_write_json, cache_root
from studio.core.safe_files import read_json, resolved

FORMAT = 1
MAX_STORE_BYTES = 16 << 20


def store_file() -> Path:
    return cache_root() / "consent" / "outside-files.json"


def _read_store() -> dict[str, list[str]]:
    file = store_file()
    if not file.is_file():
        return {}
    try:
        data = read_json(file, file.parent, MAX_STORE_BYTES)
    except ProjectError:
        return {}  # a damaged record only means asking again
    projects = data.get("projects") if isinstance(data, dict) and data.get("version") == FORMAT else None
    if not isinstance(projects, dict):
        return {}
    return {folder: [p for p in paths if isinstance(p, str)]
            for folder, paths in projects.items() if isinstance(folder, str) and isinstance(paths, list)}


def approved(folder: str | os.PathLike) -> set[str]:
    """The outside files (resolved paths) the user agreed to for the project ``folder``."""
    return set(_read_store().get(str(resolved(folder)), []))


def approve(folder: str | os.PathLike, paths: Iterable[str | os.PathLike]) -> bool:
    """Record that the project ``folder`` may read ``paths``. Returns whether the record
    was written (a cache that cannot be written only means being asked again)."""
    key = str(resolved(folder))
    new = {str(resolved(path)) for path in paths}
    if new <= set(_read_store().get(key, [])):
        return True
    try:
        store_file().parent.mkdir(parents=True, exist_ok=True)
        # two studios saving at once must not lose each other's entries
        with FileLock(str(store_file().with_suffix(".lock")), timeout=10):
            store = _read_store()
            store[key] = sorted(set(store.get(key, [])) | new)
            atomic_write_json(store_file(), {"version": FORMAT, "projects": store})
    except (OSError, Timeout):
        return False
    return True
