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
from studio.core.fileio import fsync_folder, atomic_output
from studio.core.project import PROJECT_FILE

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
        raise ProjectError(f"{root}: not a studio project (no {PROJECT_FILE} inside); "
                           "choose a saved project folder to export.")
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
        raise ProjectError(f"{target}: cannot write the project archive ({exc.strerror or exc}). "
                           "Choose a folder you can write to.") from None
    return target


def _member_parts(zip_path: Path, info: zipfile.ZipInfo) -> tuple[str, ...]:
    """The member's path as safe parts, or ProjectError for anything hostile."""
    name = info.filename
    refuse = f"{zip_path}: member {name!r}"
    advice = "The archive is not a studio project export; do not import it."
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ProjectError(f"{refuse} is a symbolic link. {advice}")
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) >= 2 and normal[1] == ":"):
        raise ProjectError(f"{refuse} has an absolute path. {advice}")
    parts = tuple(part for part in PurePosixPath(normal).parts if part not in ("", "."))
    if any(part == ".." for part in parts):
        raise ProjectError(f"{refuse} points outside the archive ('..'). {advice}")
    if any(":" in part or "\x00" in part for part in parts):
        raise ProjectError(f"{refuse} has a name that is not allowed in a project. {advice}")
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
    raise ProjectError(f"{zip_path}: no {PROJECT_FILE} at the root of the archive or in a single "
                       "top folder; this is not a studio project export. Export the project again.")


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
        raise ProjectError(f"{target}: already exists; choose a new folder to import "
                           f"{source.name} into.")
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise ProjectError(f"{source}: not a readable zip file ({exc}); "
                           "export the project again.") from None
    except OSError as exc:
        raise ProjectError(f"{source}: cannot be read ({exc.strerror or exc}).") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ProjectError(f"{source}: {len(infos)} members, more than the {MAX_MEMBERS} a "
                               "project may hold; this is not a studio project export.")
        members = [(info, _member_parts(source, info)) for info in infos]
        declared = 0
        for info, _ in members:
            if info.file_size > MAX_MEMBER_BYTES:
                raise ProjectError(f"{source}: member {info.filename!r} would be {info.file_size} "
                                   f"bytes, more than the {MAX_MEMBER_BYTES} allowed; "
                                   "do not import this archive.")
            declared += info.file_size
        if declared > MAX_TOTAL_BYTES:
            raise ProjectError(f"{source}: members would total {declared} bytes, more than the "
                               f"{MAX_TOTAL_BYTES} allowed; do not import this archive.")
        drop = _project_prefix(source, members)

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
        except OSError as exc:
            raise ProjectError(f"{target.parent}: cannot create the project folder "
                               f"({exc.strerror or exc}); choose a folder you can write to.") from None
        try:
            _extract(archive, source, members, drop, tmp)
            os.rename(tmp, target)
        except BaseException as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, (zipfile.BadZipFile, EOFError, zlib.error)):
                raise ProjectError(f"{source}: damaged zip file ({exc}); export the project "
                                   "again.") from None
            if isinstance(exc, OSError):
                raise ProjectError(f"{target}: cannot extract the project ({exc.strerror or exc}); "
                                   "choose a new folder you can write to.") from None
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
                        raise ProjectError(f"{source}: member {info.filename!r} holds more data "
                                           "than allowed (its declared size is wrong or too "
                                           "large); do not import this archive.")
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
    where = f"{source}: member {info.filename!r}"
    if info.flag_bits & 0x1 and isinstance(exc, RuntimeError):
        return ProjectError(f"{where} is encrypted (password-protected); the studio cannot "
                            "import encrypted archives. Unzip it with the password, then zip "
                            "the project folder again without a password.")
    if isinstance(exc, NotImplementedError):
        method = zipfile.compressor_names.get(info.compress_type, "unknown")
        feature = (f"is compressed with method {info.compress_type} ({method})"
                   if "compression method" in str(exc) else f"uses a zip feature ({exc})")
        return ProjectError(f"{where} {feature}, which the studio cannot read. Unzip it with "
                            "the tool that made it, then zip the project folder again with "
                            "ordinary (deflate) compression, or export it from the studio.")
    return ProjectError(f"{where} is damaged ({exc}); the archive cannot be imported. "
                        "Copy it again or export the project again.")
