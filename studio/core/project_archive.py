"""A saved project folder as one ``.zip`` file, to send or back up, and back again.

``export_project`` zips a project folder (``project.json``, ``runs/``, ``vectors/`` and
whatever else is inside it, less the lock files in ``LOCAL_FILES``) atomically: a
temporary file beside the target, then ``os.replace``. ``import_project`` extracts such
a zip, refusing anything that could write outside the target or fill the disk (absolute
paths, drive letters, ``..``, symlinks, too many members, members or totals too large,
whatever their declared sizes say) and any member it cannot read (encrypted, an unknown
compression method, damaged data or a bad CRC), each as a ``ProjectError`` naming the zip
and the member. It extracts into a temporary folder beside the target, fsyncs every file
and folder in it, renames it into place and fsyncs the parent folder, so a failure or a
crash leaves nothing behind or a whole project, never part of one.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_output, fsync_folder
from studio.core.project import PROJECT_FILE
from studio.core.safe_files import os_reason

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 2 << 30  # 2 GiB for one file
MAX_TOTAL_BYTES = 2 << 30  # 2 GiB for all files together
CHUNK = 1 << 20
# files at a project's root that belong to this machine, not to the project (the lock
# that an open project holds): never exported, never imported
LOCAL_FILES = (".studio.lock", ".studio.lock.json")
# what reading a member can raise besides ProjectError: encrypted (RuntimeError), an
# unknown method or zip feature (NotImplementedError), damaged data (BadZipFile for a bad
# CRC or header, zlib.error, EOFError, lzma.LZMAError, OSError from bz2), a header name
# that is not UTF-8 (ValueError)
_READ_ERRORS: tuple[type[BaseException], ...] = (
    RuntimeError, NotImplementedError, zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error,
    EOFError, ValueError, OSError)
try:
    import lzma
    _READ_ERRORS += (lzma.LZMAError,)
except ImportError:  # a Python built without lzma cannot open LZMA members at all
    pass


def export_project(project_dir: str | os.PathLike, zip_path: str | os.PathLike) -> Path:
    """Write the project folder ``project_dir`` into the zip file ``zip_path``.

    Members are stored under the folder's name (``MyProject.studio/project.json``...).
    Symlinks inside the folder and the lock files named in ``LOCAL_FILES`` at its root
    are skipped. Returns the zip's path.

    Raises:
        ProjectError: not a project folder, or the zip cannot be written.
    """
    root, target = Path(project_dir), Path(zip_path)
    if not (root / PROJECT_FILE).is_file():
        raise ProjectError("project.export_not_a_project", folder=root, file=PROJECT_FILE)
    try:
        resolved_target = target.resolve()
        files = []
        for folder, _, names in os.walk(root):  # does not follow symlinked folders
            for name in names:
                path = Path(folder) / name
                if name.startswith(".") and name.endswith(".tmp"):
                    continue  # half of an atomic write that a crash cut short
                if name in LOCAL_FILES and Path(folder) == root:
                    continue  # the lock of whoever has the project open here
                if path.is_file() and not path.is_symlink() and path.resolve() != resolved_target:
                    files.append(path)
        files.sort()
        with atomic_output(target) as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for path in files:
                    archive.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
    except OSError as exc:
        raise ProjectError("project.export_failed", file=target, reason=os_reason(exc)) from None
    return target


def _member_parts(zip_path: Path, info: zipfile.ZipInfo) -> tuple[str, ...]:
    """The member's path as safe parts, or ProjectError for anything hostile."""
    name = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ProjectError("project.zip_symlink", zip=zip_path, member=name)
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) >= 2 and normal[1] == ":"):
        raise ProjectError("project.zip_absolute", zip=zip_path, member=name)
    parts = tuple(part for part in PurePosixPath(normal).parts if part not in ("", "."))
    if any(part == ".." for part in parts):
        raise ProjectError("project.zip_parent", zip=zip_path, member=name)
    if any(":" in part or "\x00" in part for part in parts):
        raise ProjectError("project.zip_bad_name", zip=zip_path, member=name)
    return parts


def _project_prefix(zip_path: Path, members: list[tuple[zipfile.ZipInfo, tuple[str, ...]]]) -> int:
    """How many leading path parts to drop: 0 with project.json at the root, 1 with it
    inside a single top folder."""
    names = {parts for info, parts in members if not info.is_dir()}
    if (PROJECT_FILE,) in names:
        return 0
    tops = {parts[0] for _, parts in members if parts}
    if len(tops) == 1 and (next(iter(tops)), PROJECT_FILE) in names:
        return 1
    raise ProjectError("project.zip_no_project", zip=zip_path, file=PROJECT_FILE)


def import_project(zip_path: str | os.PathLike, target_dir: str | os.PathLike) -> Path:
    """Extract the project archive ``zip_path`` into the new folder ``target_dir``.

    Returns ``target_dir`` (as a Path), ready for ``Project.open``. Lock files
    (``LOCAL_FILES``) at the project's root in the zip are left out: they were the
    sender's. Every file and folder is fsynced before the rename into place, and the
    parent folder after it.

    Raises:
        ProjectError: the target exists, the zip is damaged or hostile (see module
            docstring), holds a member that cannot be read (encrypted, an unsupported
            compression method, damaged data; the message names the member), lacks
            ``project.json``, or the folder cannot be written.
    """
    source, target = Path(zip_path), Path(target_dir)
    if target.exists() or target.is_symlink():
        raise ProjectError("project.import_target_exists", folder=target, name=source.name)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ProjectError("project.zip_unreadable", zip=source, reason=str(exc)) from None
    except OSError as exc:
        raise ProjectError("project.cannot_read", file=source, reason=os_reason(exc)) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ProjectError("project.zip_too_many", zip=source, members=len(infos), limit=MAX_MEMBERS)
        members = [(info, _member_parts(source, info)) for info in infos]
        declared = 0
        for info, _ in members:
            if info.file_size > MAX_MEMBER_BYTES:
                raise ProjectError("project.zip_member_too_large", zip=source, member=info.filename,
                                   size=info.file_size, limit=MAX_MEMBER_BYTES)
            declared += info.file_size
        if declared > MAX_TOTAL_BYTES:
            raise ProjectError("project.zip_total_too_large", zip=source, size=declared, limit=MAX_TOTAL_BYTES)
        drop = _project_prefix(source, members)

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
        except OSError as exc:
            raise ProjectError("project.cannot_create_folder", folder=target.parent, reason=os_reason(exc)) from None
        try:
            _extract(archive, source, members, drop, tmp)
            os.rename(tmp, target)
        except BaseException as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, (zipfile.BadZipFile, EOFError, zlib.error)):
                raise ProjectError("project.zip_damaged", zip=source, reason=str(exc)) from None
            if isinstance(exc, OSError):
                raise ProjectError("project.cannot_extract", folder=target, reason=os_reason(exc)) from None
            raise
    fsync_folder(target.parent)  # the rename itself survives a crash
    return target


def _extract(archive: zipfile.ZipFile, source: Path, members, drop: int, tmp: Path) -> None:
    """Write the members into ``tmp``, each file fsynced once written, then every folder."""
    total = 0
    folders = {tmp}
    for info, parts in members:
        parts = parts[drop:]
        if not parts or (len(parts) == 1 and parts[0] in LOCAL_FILES):
            continue
        destination = tmp.joinpath(*parts)
        if info.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            folders.update(_folders_between(tmp, destination))
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        folders.update(_folders_between(tmp, destination.parent))
        written = 0
        with open(destination, "xb") as out:
            try:
                reader = archive.open(info)
            except _READ_ERRORS as exc:
                raise _unreadable(source, info, exc) from None
            with reader:
                while True:
                    try:
                        chunk = reader.read(CHUNK)
                    except _READ_ERRORS as exc:
                        raise _unreadable(source, info, exc) from None
                    if not chunk:
                        break
                    written += len(chunk)
                    total += len(chunk)
                    if written > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                        raise ProjectError("project.zip_member_overflow", zip=source, member=info.filename)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        fsync_folder(folder)  # deepest first: each folder's entries, then its own in its parent


def _folders_between(tmp: Path, folder: Path) -> list[Path]:
    """``folder`` and its parents up to ``tmp`` (inclusive)."""
    chain = [folder]
    while chain[-1] != tmp and chain[-1] != chain[-1].parent:
        chain.append(chain[-1].parent)
    return chain


def _unreadable(source: Path, info: zipfile.ZipInfo, exc: BaseException) -> ProjectError:
    """The ProjectError for a member that zipfile cannot read, saying what to do."""
    where = {"zip": source, "member": info.filename}
    if info.flag_bits & 0x1 and isinstance(exc, RuntimeError):
        return ProjectError("project.zip_encrypted", **where)
    if isinstance(exc, NotImplementedError):
        if "compression method" in str(exc):
            return ProjectError("project.zip_method", **where, method=info.compress_type,
                                name=zipfile.compressor_names.get(info.compress_type, "unknown"))
        return ProjectError("project.zip_feature", **where, reason=str(exc))
    return ProjectError("project.zip_member_damaged", **where, reason=str(exc))

