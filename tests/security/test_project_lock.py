"""Project folder locks and recovery-session locks, through filelock.

Two studios (two processes, or two windows of one) never edit one project folder at
once; a studio that dies, however it dies, leaves no lock behind; a crafted folder's lock
file or owner record never makes the studio crash, or write outside the folder.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc
from pathlib import Path

import pytest
from filelock import FileLock

import studio.core.project_lock as project_lock
import studio.core.recovery as recovery
from studio.core.errors import ProjectError
from studio.core.project import Project
from studio.core.project_lock import (
    LOCK_FILE,
    OWNER_FILE,
    FolderLock,
    FolderReadOnly,
    LockOwner,
    ProjectLocked,
    lock_owner,
    read_owner,
)
from studio.core.recovery import SESSION_FILE, RecoverySession, find_recoverable, take_snapshot

ROOT = Path(__file__).resolve().parents[2]
SAVED = ROOT / "tests" / "data" / "projects"


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "Mine.studio"
    folder.mkdir()
    (folder / "project.json").write_text("{}", encoding="utf-8")
    return folder


def python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT, env=os.environ,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


TRY_ACQUIRE = """
    import sys
    from studio.core.project_lock import FolderLock, ProjectLocked
    try:
        FolderLock(sys.argv[1]).acquire()
    except ProjectLocked as exc:
        print("locked", exc.owner.pid if exc.owner else None)
    else:
        print("acquired")
"""


# ----- one process ----------------------------------------------------------------------

def test_two_locks_in_one_process_conflict_and_name_the_owner(folder):
    first = FolderLock(folder).acquire()
    assert first.held
    owner = read_owner(folder)
    assert owner is not None and owner.pid == os.getpid() and owner.app == "Text Model Studio"
    assert lock_owner(folder) == owner

    second = FolderLock(folder)
    with pytest.raises(ProjectLocked) as caught:
        second.acquire()
    error = caught.value
    assert isinstance(error, ProjectError) and error.folder == folder and error.owner == owner
    assert str(error).startswith(f"{folder} is open in another Text Model Studio (process {os.getpid()}")
    assert str(error).endswith("Close it there, or open it read-only.")
    assert not second.held

    assert first.acquire() is first and first.held  # acquiring again is harmless
    first.release()
    assert not first.held and not (folder / OWNER_FILE).exists() and lock_owner(folder) is None
    first.release()  # idempotent

    with FolderLock(folder) as lock:
        assert lock.held and lock_owner(folder).pid == os.getpid()
    assert not lock.held and lock_owner(folder) is None


def test_describe_reads_like_a_sentence():
    owner = LockOwner(1234, "pc1", "alice", "Text Model Studio", "2026-11-30T14:02:11+08:00")
    assert str(owner.describe()) == "process 1234 of alice on host 'pc1', since 2026-11-30 14:02"
    assert str(LockOwner.unknown().describe()) == "an unknown process"
    assert "owner unknown" in str(ProjectLocked("/x", None))


def test_a_lock_taken_on_one_thread_is_released_on_another(folder):
    lock = FolderLock(folder)
    worker = threading.Thread(target=lock.acquire)
    worker.start()
    worker.join()
    assert lock.held and lock_owner(folder) is not None
    lock.release()
    assert lock_owner(folder) is None
    FolderLock(folder).acquire().release()


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(ProjectError, match="no such project folder"):
        FolderLock(tmp_path / "gone.studio").acquire()
    assert lock_owner(tmp_path / "gone.studio") is None


def test_a_folder_that_cannot_hold_a_lock_says_it_is_read_only(folder, monkeypatch):
    class Unwritable:
        def __init__(self, path, **kwargs):
            pass

        def acquire(self, **kwargs):
            raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(project_lock, "FileLock", Unwritable)
        with pytest.raises(FolderReadOnly, match="read-only") as caught:
            FolderLock(folder).acquire()
    assert isinstance(caught.value, ProjectError) and caught.value.folder == folder

    def fail(code):
        def write(path, obj):
            raise OSError(code, os.strerror(code))
        return write

    with monkeypatch.context() as patch:  # locked, but the owner record cannot be written
        patch.setattr(project_lock, "atomic_write_json", fail(errno.EROFS))
        with pytest.raises(FolderReadOnly, match="read-only"):
            FolderLock(folder).acquire()
        assert lock_owner(folder) is None  # the lock was given back
        patch.setattr(project_lock, "atomic_write_json", fail(errno.ENOSPC))
        with pytest.raises(ProjectError, match="the disk is full") as caught:
            FolderLock(folder).acquire()
        assert not isinstance(caught.value, FolderReadOnly) and str(folder) in str(caught.value)
        assert lock_owner(folder) is None
    FolderLock(folder).acquire().release()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_is_reported(folder):
    folder.chmod(0o555)
    try:
        with pytest.raises(FolderReadOnly):
            FolderLock(folder).acquire()
    finally:
        folder.chmod(0o755)


# ----- other processes -------------------------------------------------------------------

def test_another_process_is_refused_while_held_and_admitted_after(folder):
    lock = FolderLock(folder).acquire()
    out, err = python(TRY_ACQUIRE, str(folder)).communicate(timeout=60)
    assert out.split() == ["locked", str(os.getpid())], err
    lock.release()
    out, err = python(TRY_ACQUIRE, str(folder)).communicate(timeout=60)
    assert out.split() == ["acquired"], err


def test_a_killed_holder_leaves_no_lock(folder):
    holder = python("""
        import sys, time
        from studio.core.project_lock import FolderLock
        lock = FolderLock(sys.argv[1]).acquire()  # kept: a collected FolderLock lets go
        print("held", flush=True)
        time.sleep(120)
    """, str(folder))
    try:
        assert holder.stdout.readline().strip() == "held", holder.stderr.read() if holder.poll() else ""
        assert lock_owner(folder).pid == holder.pid
        with pytest.raises(ProjectLocked) as caught:
            FolderLock(folder).acquire()
        assert caught.value.owner.pid == holder.pid
        assert f"process {holder.pid}" in str(caught.value)
    finally:
        holder.kill()  # SIGKILL on POSIX: no cleanup runs
        holder.communicate(timeout=60)
    assert read_owner(folder).pid == holder.pid  # the dead holder's record is left behind...
    assert lock_owner(folder) is None  # ...but the lock is not
    with FolderLock(folder):
        assert read_owner(folder).pid == os.getpid()


# ----- crafted folders --------------------------------------------------------------------

JUNK = [
    b"",
    b"not json at all",
    b"\xff\xfe\x00garbage",
    b"[1, 2, 3]",
    b'"a string"',
    b'{"pid": "1234", "host": "pc1"}',
    b'{"pid": true, "host": "pc1"}',
    b'{"pid": -5}',
    b'{"pid": 99999999999999999999999}',
    b'{"pid": 12, "host": ["../../etc/passwd"]}',
    b'{"pid": 12, "user": {"path": "/etc/shadow"}}',
    b"[" * 3000 + b"]" * 3000,
    b'{"pid": 12, "host": "' + b"h" * 5000 + b'"}',  # over 4 KiB
]


@pytest.mark.parametrize("junk", JUNK, ids=range(len(JUNK)))
def test_a_junk_owner_record_means_owner_unknown(folder, junk):
    (folder / OWNER_FILE).write_bytes(junk)
    assert read_owner(folder) is None
    assert lock_owner(folder) is None  # nobody holds it
    with FileLock(str(folder / LOCK_FILE), timeout=0, thread_local=False):  # held, record junk
        assert lock_owner(folder) == LockOwner.unknown()
        with pytest.raises(ProjectLocked, match="owner unknown") as caught:
            FolderLock(folder).acquire()
        assert caught.value.owner is None
    with FolderLock(folder):  # free again: the junk is replaced by a real record
        assert read_owner(folder).pid == os.getpid()


def test_a_huge_owner_record_is_not_read(folder):
    with open(folder / OWNER_FILE, "wb") as handle:
        handle.truncate(2 << 30)  # 2 GiB, sparse
    tracemalloc.start()
    try:
        assert read_owner(folder) is None
        assert tracemalloc.get_traced_memory()[1] < 1 << 20  # read up to the cap only
    finally:
        tracemalloc.stop()


def test_owner_text_is_only_shown_cleaned_never_followed(folder):
    record = {"pid": 4321, "host": "pc\n1\u202e", "user": "eve\x1b[31m", "app": "x", "since": "../../../etc/passwd"}
    (folder / OWNER_FILE).write_text(json.dumps(record), encoding="utf-8")
    with FileLock(str(folder / LOCK_FILE), timeout=0, thread_local=False):
        owner = lock_owner(folder)
    assert owner == LockOwner(4321, "pc1", "eve[31m", "x", "../../../etc/passwd")
    assert "\n" not in str(owner.describe()) and "\u202e" not in str(owner.describe())


def test_odd_owner_records_never_crash(folder):
    (folder / OWNER_FILE).mkdir()
    assert read_owner(folder) is None and lock_owner(folder) is None
    with pytest.raises(ProjectError, match="not a regular file"):
        FolderLock(folder).acquire()
    (folder / OWNER_FILE).rmdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / OWNER_FILE)  # reading a FIFO would wait forever
        assert read_owner(folder) is None
        with FileLock(str(folder / LOCK_FILE), timeout=0, thread_local=False):
            assert lock_owner(folder) == LockOwner.unknown()
        with pytest.raises(ProjectError, match="not a regular file"):
            FolderLock(folder).acquire()


def symlink_or_skip(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError):
        pytest.skip("this system cannot make symlinks")


def test_a_symlinked_owner_record_is_never_written_through(folder, tmp_path, monkeypatch):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    symlink_or_skip(folder / OWNER_FILE, outside)
    assert read_owner(folder) is None and lock_owner(folder) is None

    with pytest.raises(ProjectError, match="symlink"):  # refused outright
        FolderLock(folder).acquire()
    assert outside.read_text(encoding="utf-8") == "keep me"

    # a link planted after the check: the record is renamed over the link, not written through it
    monkeypatch.setattr(project_lock, "_refuse_odd_file", lambda path: None)
    lock = FolderLock(folder).acquire()
    assert not (folder / OWNER_FILE).is_symlink() and read_owner(folder).pid == os.getpid()
    lock.release()
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (folder / OWNER_FILE).exists()


def test_a_symlinked_or_hard_linked_lock_file_is_refused(folder, tmp_path, monkeypatch):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    symlink_or_skip(folder / LOCK_FILE, outside)
    assert lock_owner(folder) is None
    with pytest.raises(ProjectError, match="symlink"):
        FolderLock(folder).acquire()
    assert outside.read_text(encoding="utf-8") == "keep me"

    with monkeypatch.context() as patch:  # planted after the check: filelock opens without following it
        patch.setattr(project_lock, "_refuse_odd_file", lambda path: None)
        with pytest.raises(ProjectError):
            FolderLock(folder).acquire()
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (folder / OWNER_FILE).exists()

    (folder / LOCK_FILE).unlink()
    try:
        os.link(outside, folder / LOCK_FILE)
    except OSError:
        return
    assert lock_owner(folder) is None
    with pytest.raises(ProjectError, match="hard links"):
        FolderLock(folder).acquire()
    assert outside.read_text(encoding="utf-8") == "keep me"


# ----- recovery sessions ------------------------------------------------------------------

def test_recovery_locks_through_filelock_not_fcntl(monkeypatch):
    assert not hasattr(recovery, "fcntl") and not hasattr(recovery, "STALE_AFTER_S")
    assert "fcntl" not in Path(recovery.__file__).read_text(encoding="utf-8")
    made = []
    real = recovery.FileLock
    monkeypatch.setattr(recovery, "FileLock", lambda path, **kw: made.append(Path(path)) or real(path, **kw))
    session = RecoverySession()
    assert made == [session.folder / "lock"]
    assert recovery._is_alive(session.folder)  # held by this process: alive
    assert made == [session.folder / "lock"] * 2
    session.close()


def crashed_session(heartbeat: float) -> RecoverySession:
    """A studio killed with unsaved changes: its folder and lock file left, nobody holding it."""
    session = RecoverySession()
    project = Project.open(SAVED / "v1")
    project.name = "Unsaved"
    session.autosave(take_snapshot(project, dirty=True))
    session._lock.close()
    data = json.loads((session.folder / SESSION_FILE).read_text(encoding="utf-8"))
    (session.folder / SESSION_FILE).write_text(json.dumps({**data, "heartbeat": heartbeat}), encoding="utf-8")
    assert (session.folder / "lock").is_file()
    return session


@pytest.mark.parametrize("heartbeat", [time.time() + 3600, time.time(), 0.0], ids=["future", "now", "ancient"])
def test_a_crashed_session_is_offered_whatever_its_heartbeat(heartbeat):
    crashed = crashed_session(heartbeat)
    mine = RecoverySession()
    found = find_recoverable(exclude=mine.folder)
    assert [entry.folder for entry in found] == [crashed.folder] and found[0].name == "Unsaved"
    mine.close()


def test_a_live_session_is_never_offered_however_old_its_heartbeat():
    running = crashed_session(0.0)
    running._lock = recovery._HeldLock(running.folder / "lock")  # alive again, silent for decades
    mine = RecoverySession()
    assert find_recoverable(exclude=mine.folder) == []
    running.close()
    mine.close()


def test_an_adopted_session_of_a_crashed_studio_is_offered_again():
    crashed_session(time.time())  # A: crashed
    second = RecoverySession()  # B: recovers A, then dies before autosaving
    [entry] = find_recoverable(exclude=second.folder)
    second.recover(entry)
    second._lock.close()
    third = RecoverySession()
    found = find_recoverable(exclude=third.folder)
    assert [e.name for e in found] == ["Unsaved"] and found[0].dirty
    third.close()
    shutil.rmtree(found[0].folder, ignore_errors=True)
