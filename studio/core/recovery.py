"""Autosave and crash recovery.

Each running studio keeps a session folder, ``<cache>/recovery/<session>/``::

    session.json        the process, the project's own folder, whether it had unsaved
                        changes, the run folders training, when it was last autosaved
    lock                held (an OS file lock, through filelock) while the studio runs;
                        the OS drops it when the process dies, however it dies
    project.studio/     the last autosave: a project folder Project.open reads

The GUI autosaves every few minutes and after every epoch (:meth:`RecoverySession.autosave`,
on a worker thread, from a :class:`Snapshot` taken on the GUI thread). A clean exit
deletes the folder. At the next start :func:`find_recoverable` lists the sessions whose
studio died with unsaved changes or a run training, and :meth:`RecoverySession.recover`
opens one as a project.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_write_json, cache_root
from studio.core.messages import Message, message
from studio.core.project import PROJECT_FILE, Project, read_data_copies
from studio.core.project_runs import write_run
from studio.core.safe_files import os_reason
from studio.core.training.checkpoint import has_checkpoint
from studio.core.training.run import Run

SESSION_FILE = "session.json"
SNAPSHOT_FOLDER = "project.studio"
ADOPTED_FOLDER = "adopted"
LOCK_NAME = "lock"


def recovery_root() -> Path:
    return cache_root() / "recovery"


@dataclass
class Snapshot:
    """What an autosave writes, taken on the thread that owns the project."""

    name: str
    source: str | None
    dirty: bool
    document: dict[str, Any]
    runs: list[Run]
    training: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Recoverable:
    """A session whose studio ended without closing: what it had open."""

    folder: Path
    name: str
    source: Path | None  # the project's own folder; None when it was never saved
    saved_at: str
    dirty: bool
    training: tuple[Path, ...]

    @property
    def description(self) -> Message:
        """The project's name and folder, then what there is to recover, one per line."""
        when = self.saved_at.replace("T", " ")[:16]
        changes = []
        if self.dirty:
            changes.append(message("project.recover_changes", when=when) if when
                           else message("project.recover_changes_unknown_time"))
        changes += [message("project.recover_training", id=path.name) for path in self.training]
        if self.source:
            return message("project.recoverable", name=self.name, folder=self.source, changes=changes)
        return message("project.recoverable_unsaved", name=self.name, changes=changes)


def take_snapshot(project: Project, dirty: bool, training: Sequence[Path] = ()) -> Snapshot:
    """Copy what an autosave needs from ``project``; cheap, with no file access. Runs
    are shallow copies (tensors shared): saving may move the originals meanwhile."""
    document = project.to_document(None)
    return Snapshot(project.name, str(project.path) if project.path else None, dirty, document,
                    [dataclasses.replace(run) for run in project.runs], [str(p) for p in training])


def _version(run: Run) -> tuple[int, str]:
    """Changes when a run does: a resumed run replaces its stopped self, with more events."""
    return len(run.events), str(run.finished.get("status"))


class _HeldLock:
    """A session's lock file, held from creation until :meth:`close` or until the process
    ends, however it ends: the OS drops the lock (flock on POSIX, msvcrt on Windows).

    Raises:
        OSError: the lock file cannot be created or locked.
    """

    def __init__(self, path: Path):
        self._file = FileLock(str(path), timeout=0, thread_local=False)
        self._file.acquire(timeout=0)

    def close(self) -> None:
        """Unlock; does nothing the second time."""
        if self._file.is_locked:
            self._file.release(force=True)


class RecoverySession:
    """The autosave folder of this running studio.

    Raises:
        OSError: the cache folder cannot be written (the caller shows it and goes on
            without autosave).
    """

    def __init__(self, root: Path | None = None):
        root = root or recovery_root()
        root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.folder = Path(tempfile.mkdtemp(prefix=f"{stamp}-{os.getpid()}-", dir=root))
        self._lock = _HeldLock(self.folder / LOCK_NAME)
        self._written: dict[str, tuple[int, str]] = {}  # run id -> _version of the run last written
        self._write_session({"name": "", "source": None, "dirty": False, "training": [], "saved_at": ""})

    def _write_session(self, data: dict[str, Any]) -> None:
        atomic_write_json(self.folder / SESSION_FILE, {"pid": os.getpid(), "heartbeat": time.time(), **data})

    def autosave(self, snapshot: Snapshot) -> Path:
        """Write ``snapshot``: runs not yet in the autosave, then ``project.json``, then
        ``session.json`` (each atomically). Returns the session folder.

        Raises:
            ProjectError: the cache folder cannot be written (the message names it).
        """
        target = self.folder / SNAPSHOT_FOLDER
        try:
            kept = set()
            for run in snapshot.runs:
                kept.add(run.id)
                if self._written.get(run.id) != _version(run):
                    write_run(run, target / "runs" / run.id)
                    self._written[run.id] = _version(run)
            for old in (target / "runs").glob("*") if (target / "runs").is_dir() else ():
                if old.name not in kept:
                    shutil.rmtree(old, ignore_errors=True)
            atomic_write_json(target / PROJECT_FILE, snapshot.document)
            self._write_session({"name": snapshot.name, "source": snapshot.source, "dirty": snapshot.dirty,
                                 "training": snapshot.training,
                                 "saved_at": datetime.now().astimezone().isoformat(timespec="seconds")})
        except OSError as exc:
            raise ProjectError("project.cannot_autosave", folder=self.folder, reason=os_reason(exc)) from None
        return self.folder

    def recover(self, entry: Recoverable) -> Project:
        """Open what ``entry`` autosaved, as unsaved changes to its own folder (or as a
        new project), with the runs that were training listed as interrupted. The
        entry's folder moves into this session, and goes when this session closes.

        Raises:
            ProjectError: the autosave cannot be read.
        """
        adopted = self.folder / ADOPTED_FOLDER / entry.folder.name
        adopted.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(entry.folder, adopted)
        try:
            project = _open_autosave(adopted, entry)
        except ProjectError:
            shutil.move(adopted, entry.folder)  # still offered next time, or kept for a look by hand
            raise
        source = entry.source if entry.source is not None and (entry.source / PROJECT_FILE).is_file() else None
        project.path = source
        if source is not None:  # the copies of data files stay where the project keeps them
            project.data_copies = read_data_copies(source)
        known = {run.id for run in project.runs} | {p.name for p in project.interrupted}
        project.interrupted += [p for p in entry.training if p.name not in known and has_checkpoint(p)]
        return project

    def close(self) -> None:
        """The studio is closing cleanly: its autosaves (and adopted ones) are not needed."""
        self._lock.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _open_autosave(folder: Path, entry: Recoverable) -> Project:
    snapshot = folder / SNAPSHOT_FOLDER
    # trust_outside: the autosave is the studio's own, written from a project whose outside
    # files had been agreed to (or dropped) when it was opened. The project's own folder is
    # not: what the user declined there was only dropped in memory, so it is asked again.
    if (snapshot / PROJECT_FILE).is_file():
        return Project.open(snapshot, trust_outside=True)
    if entry.source is not None:
        project = Project.open(entry.source)
        project.detach_outside_files()
        return project
    raise ProjectError("project.nothing_to_recover", folder=entry.folder)


def _release_adopted(folder: Path, root: Path) -> None:
    """A crashed session that had recovered another one: unless it autosaved its own
    state since (which includes the recovered one), offer the recovered one again."""
    adopted = folder / ADOPTED_FOLDER
    if not adopted.is_dir():
        return
    try:
        own = json.loads((folder / SESSION_FILE).read_text(encoding="utf-8")).get("dirty")
    except (OSError, ValueError, AttributeError):
        own = False
    if own and (folder / SNAPSHOT_FOLDER / PROJECT_FILE).is_file():
        return
    for entry in adopted.iterdir():
        if not (root / entry.name).exists():
            shutil.move(entry, root / entry.name)


def _is_alive(folder: Path) -> bool:
    """Whether the studio owning the session ``folder`` still runs: its lock is held by
    someone (this process included). Found by taking the lock for an instant, never
    waiting; a session whose lock file is gone or cannot be opened is taken as dead."""
    path = folder / LOCK_NAME
    if not path.is_file():
        return False
    probe = FileLock(str(path), timeout=0, thread_local=False)
    try:
        probe.acquire(timeout=0)
    except Timeout:  # before OSError: filelock's Timeout is a TimeoutError
        return True
    except OSError:
        return False
    probe.release(force=True)
    return False


def find_recoverable(root: Path | None = None, exclude: Path | None = None) -> list[Recoverable]:
    """Sessions whose studio ended without closing and left something to recover,
    newest first. Those with nothing to recover (no unsaved changes, no run training)
    are deleted. ``exclude`` is this studio's own session folder."""
    root = root or recovery_root()
    found = []
    for folder in list(root.glob("*")) if root.is_dir() else ():
        if folder.is_dir() and folder != exclude and not _is_alive(folder):
            _release_adopted(folder, root)
    for folder in sorted(root.glob("*"), reverse=True) if root.is_dir() else ():
        if not folder.is_dir() or folder == exclude:
            continue
        if _is_alive(folder):
            continue
        try:
            data = json.loads((folder / SESSION_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        training = tuple(Path(p) for p in data.get("training") or [] if has_checkpoint(Path(p)))
        dirty = bool(data.get("dirty")) and (folder / SNAPSHOT_FOLDER / PROJECT_FILE).is_file()
        if not dirty and not training:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        source = Path(data["source"]) if data.get("source") else None
        found.append(Recoverable(folder, str(data.get("name") or "Untitled"), source,
                                 str(data.get("saved_at") or ""), dirty, training))
    return found


def discard(entry: Recoverable) -> None:
    """Delete an autosave the user chose not to recover."""
    shutil.rmtree(entry.folder, ignore_errors=True)
