"""One studio at a time per project folder.

A project folder open for editing is locked: ``<folder>/.studio.lock`` is held with an
OS lock through :mod:`filelock` (``flock`` on POSIX, ``msvcrt.locking`` on Windows), and
``<folder>/.studio.lock.json`` says who holds it (process, user, host, since when) so
that the studio refused can tell the user where the project is open. Another process,
or another :class:`FolderLock` in this same process (a second window), is refused with
:class:`ProjectLocked`. The OS drops the lock of a process that dies, however it dies
(a crash, ``SIGKILL``, a power cut), so a stale lock never keeps a project closed; the
owner record a dead process leaves behind is simply replaced by the next holder.

Both files are the studio's own bookkeeping, never part of what a project holds (the
zip export leaves them out). A project folder from elsewhere is hostile: the owner
record is read with a size cap and only as text to show, never as a path, and junk in
it means "owner unknown"; a lock file or owner record that is a symlink or not a regular
file is refused, never written through.
"""

from __future__ import annotations

import dataclasses
import errno
import getpass
import json
import os
import socket
import stat
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_write_json
from studio.core.messages import Message, message

LOCK_FILE = ".studio.lock"
OWNER_FILE = ".studio.lock.json"
APP_NAME = "Text Model Studio"
MAX_OWNER_BYTES = 4096  # a bigger owner record is junk: not read
_MAX_FIELD = 200  # characters kept of each text field of an owner record


@dataclass(frozen=True)
class LockOwner:
    """Who holds a project folder's lock, as its owner record says.

    ``pid`` is None (and the text fields empty) when the folder is locked but its
    record is missing or unreadable: :meth:`unknown`.
    """

    pid: int | None
    host: str
    user: str
    app: str = APP_NAME
    since: str = ""  # ISO 8601 local time with offset, e.g. 2026-11-30T14:02:11+08:00

    @classmethod
    def current(cls) -> LockOwner:
        """This process, now."""
        return cls(os.getpid(), _clean(socket.gethostname()), _clean(_user_name()), APP_NAME,
                   datetime.now().astimezone().isoformat(timespec="seconds"))

    @classmethod
    def unknown(cls) -> LockOwner:
        """A holder whose record is missing or junk."""
        return cls(None, "", "", "", "")

    @classmethod
    def from_json(cls, data: Any) -> LockOwner | None:
        """The owner an owner record describes, or None when it is not one (any junk).
        Text fields lose control and formatting characters and are cut to 200 characters."""
        if not isinstance(data, dict):
            return None
        pid = data.get("pid")
        if type(pid) is not int or not 0 < pid < 2**32:
            return None
        fields = {}
        for name in ("host", "user", "app", "since"):
            value = data.get(name, "")
            if not isinstance(value, str):
                return None
            fields[name] = _clean(value)
        return cls(pid, **fields)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def is_this_process(self) -> bool:
        """Whether the holder is this very process (another window of this studio)."""
        return self.pid == os.getpid() and self.host == _clean(socket.gethostname())

    def describe(self) -> Message:
        """Who holds the lock, e.g. "process 1234 of alice on host 'pc1', since 2026-11-30
        14:02" (a field the record lacks reads ``?``); "an unknown process" without a pid."""
        if self.pid is None:
            return message("project.unknown_process")
        return message("project.lock_owner", pid=self.pid, user=self.user or "?", host=self.host or "?",
                       since=self.since.replace("T", " ")[:16] or "?")


class ProjectLocked(ProjectError):
    """The project folder is open in another studio (another process, or another window
    of this one). ``owner`` is who holds it, None when its record is missing or junk."""

    def __init__(self, folder: str | os.PathLike, owner: LockOwner | None):
        self.folder = Path(folder)
        self.owner = owner
        who = owner.describe() if owner is not None and owner.pid is not None else message("project.owner_unknown")
        super().__init__("project.locked", folder=self.folder, app=APP_NAME, who=who)


class FolderReadOnly(ProjectError):
    """The project folder cannot hold a lock (a read-only folder, disk or share): it can
    be opened read-only but not edited and saved. ``reason`` is the OS's words."""

    def __init__(self, folder: str | os.PathLike, reason: str):
        self.folder = Path(folder)
        self.reason = reason
        super().__init__("project.folder_read_only", folder=self.folder, reason=reason)


class FolderLock:
    """The lock on one project folder, for as long as a window edits it.

    ``FolderLock(folder).acquire()`` takes it without waiting; :meth:`release` (or
    leaving a ``with`` block) gives it back; a process that ends without releasing
    loses it to the OS. One instance acquiring again while it holds the lock does
    nothing; two instances on one folder conflict, in one process as across processes.
    Safe to release from any thread. Keep a reference while editing: an instance that is
    garbage-collected lets go of the lock (its owner record stays, stale and harmless).
    """

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self._file: FileLock | None = None  # held while not None
        self._owner: LockOwner | None = None  # the record this instance wrote
        self._mutex = threading.Lock()

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> FolderLock:
        """Lock the folder and write its owner record (atomically). Returns self.

        Raises:
            ProjectLocked: another studio, or another FolderLock here, holds it.
            FolderReadOnly: the lock file or the owner record cannot be written for want
                of permission (a read-only folder, disk or share).
            ProjectError: the folder does not exist; the disk is full or another OS error
                (the message gives the OS's words); or its lock file or owner record is a
                symlink or not a regular file (a crafted folder: refused, not followed).
        """
        with self._mutex:
            if self._file is not None:
                return self
            if not self.folder.is_dir():
                raise ProjectError("project.no_such_folder", folder=self.folder)
            _refuse_odd_file(self.folder / LOCK_FILE)
            _refuse_odd_file(self.folder / OWNER_FILE)
            # thread_local=False: the hold belongs to the instance, not the thread that took it
            lock = FileLock(str(self.folder / LOCK_FILE), timeout=0, thread_local=False)
            try:
                lock.acquire(timeout=0)
            except Timeout:  # before OSError: filelock's Timeout is a TimeoutError
                raise ProjectLocked(self.folder, read_owner(self.folder)) from None
            except OSError as exc:
                raise _cannot_lock(self.folder, exc) from None
            owner = LockOwner.current()
            try:
                # a rename: a symlink planted since the check above is replaced, not written through
                atomic_write_json(self.folder / OWNER_FILE, owner.to_json())
            except OSError as exc:
                lock.release(force=True)
                raise _cannot_lock(self.folder, exc) from None
            self._file, self._owner = lock, owner
        return self

    def release(self) -> None:
        """Remove the owner record this instance wrote and unlock; does nothing when not
        held. Never raises for a record already gone or replaced."""
        with self._mutex:
            lock, owner = self._file, self._owner
            if lock is None:
                return
            self._file = self._owner = None
            try:
                if read_owner(self.folder) == owner:
                    (self.folder / OWNER_FILE).unlink()
            except OSError:
                pass
            finally:
                lock.release(force=True)

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"FolderLock({str(self.folder)!r}, held={self.held})"


def lock_owner(folder: str | os.PathLike) -> LockOwner | None:
    """Who holds ``folder``'s lock now: None when nobody does (or it cannot be told: a
    folder with no lock file, a lock file that is a symlink or cannot be opened);
    :meth:`LockOwner.unknown` when it is held but its owner record is missing or junk.

    Finds out by taking the lock for an instant, so it never blocks; never raises.
    """
    folder = Path(folder)
    path = folder / LOCK_FILE
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        return None  # no studio locks through such a file
    probe = FileLock(str(path), timeout=0, thread_local=False)
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return read_owner(folder) or LockOwner.unknown()
    except OSError:
        return None
    probe.release(force=True)
    return None


def read_owner(folder: str | os.PathLike) -> LockOwner | None:
    """The owner record in ``folder`` as written, without asking whether it is still
    held: None when it is missing, a symlink, not a regular file, over 4 KiB, or junk."""
    path = Path(folder) / OWNER_FILE
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        # O_NOFOLLOW / O_NONBLOCK where the OS has them: a symlink or FIFO swapped in since
        # the lstat is neither followed nor waited on
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            raw = handle.read(MAX_OWNER_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_OWNER_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    return LockOwner.from_json(data)


def _refuse_odd_file(path: Path) -> None:
    """Raise ProjectError when ``path`` exists as anything but a plain file with one
    name (a symlink, a folder, a FIFO, a hard link to a file elsewhere)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cannot_lock(path.parent, exc) from None
    if stat.S_ISREG(info.st_mode) and (info.st_nlink == 1 or path.name != LOCK_FILE):
        return
    kind = ("project.kind_symlink" if stat.S_ISLNK(info.st_mode) else
            "project.kind_hard_links" if stat.S_ISREG(info.st_mode) else "project.kind_not_regular")
    raise ProjectError("project.odd_lock_file", file=path, kind=message(kind))


def _cannot_lock(folder: Path, exc: OSError) -> ProjectError:
    """The error for ``folder``'s lock or owner record failing to be written with ``exc``."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        error = FolderReadOnly(folder, reason)
    elif exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        error = ProjectError("project.lock_disk_full", folder=folder, reason=reason)
    else:
        error = ProjectError("project.cannot_lock", folder=folder, reason=reason)
    error.os_error = exc  # a save words it as a failed save (see Project.save)
    return error


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name, no passwd entry
        return ""


def _clean(text: str) -> str:
    """``text`` without control or formatting characters (newlines, bidi overrides), cut short."""
    return "".join(ch for ch in text if ch.isprintable())[:_MAX_FIELD]
