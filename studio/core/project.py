"""A project on disk: ``project.json`` plus one folder per training run.

```
MyProject.studio/
  project.json              schema_version, name, settings, run list, vector sets,
                            data copies, saved_by (see project_schema)
  data/<file>               copies of the data files, when the user embeds data
  vectors/<name>.bin        word vectors trained in the studio (word2vec binary format)
  retrieval/<name>/         question-retrieval indexes (see studio.core.retrieval.stored)
  runs/<run_id>/
    config.json             resolved settings + studio, torch, python versions
    vocab.json labels.json
    weights.safetensors     best weights
    metrics.jsonl           the event stream
```

No pickle anywhere: weights are safetensors, everything else JSON, and every file is
validated when read. Every file is written atomically, ``project.json`` last: a crash
while saving leaves the project as it was before. Data files are referenced by path
(relative to the project folder when they live inside it) and SHA-256.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from studio.core import consent
from studio.core.embeddings.project_vectors import PROJECT_FOLDER, VectorSet, scratch_dir
from studio.core.errors import ConfigError, ProjectError
from studio.core.fileio import atomic_copy, atomic_write_json, file_sha256
from studio.core.messages import Message, message
from studio.core.project_data import DATA_FOLDER, DataProblem, copy_data_files, data_problems, relocate, use_copy
from studio.core.project_lock import FolderLock
from studio.core.project_outside import (
    OutsideFile,
    check_paths,
    detach_references,
    find_outside,
    put_path,
    settings_paths,
)
from studio.core.project_runs import RUNS_FOLDER, interrupted_configs, read_run, write_run
from studio.core.project_schema import DATA_ROLES, SCHEMA_VERSION, load_document
from studio.core.retrieval.stored import INDEX_FOLDER, StoredIndex, save_indexes, scan_indexes
from studio.core.safe_files import exists, inside, is_inside, resolved
from studio.core.settings import Settings
from studio.core.training.checkpoint import has_checkpoint
from studio.core.training.run import Run
from studio.core.validation import validation_message

PROJECT_FILE = "project.json"
SUFFIX = ".studio"


@dataclass(frozen=True)
class UnreadableRun:
    """A run listed in ``project.json`` whose folder cannot be read; kept in the list
    (``entry``, its summary there) so that saving into the same folder does not drop it.
    ``message`` says why it cannot be read."""

    id: str
    message: Message
    entry: dict[str, Any] = field(default_factory=dict)

    @property
    def note(self) -> Message:
        """The line ``Project.warnings`` holds for it."""
        return message("project.run_unreadable", id=self.id, reason=self.message)


def _absolute(path: str | Path) -> Path:
    """Absolute and normalised, but symlinks kept: the user's path is the one they chose."""
    return Path(os.path.normpath(os.path.abspath(path)))


def _relative(path: str, root: Path | None) -> str:
    if root is None:
        return str(_absolute(path))
    try:
        return _absolute(path).relative_to(_absolute(root)).as_posix()
    except ValueError:
        return str(_absolute(path))


class Project:
    """Settings and runs of one experiment, and where they are saved (``path``)."""

    def __init__(self, settings: Settings | None = None, name: str = "Untitled"):
        self.settings = settings or Settings()
        self.name = name
        self.runs: list[Run] = []
        self.vectors: list[VectorSet] = []
        self.indexes: list[StoredIndex] = []  # retrieval indexes (studio.core.retrieval.store)
        self._saved_indexes: set[str] = set()  # index folders in self.path: one dropped is deleted on save
        self.interrupted: list[Path] = []  # run folders with a checkpoint but no finished run
        self.unreadable_runs: list[UnreadableRun] = []  # listed, but their folder cannot be read
        self.path: Path | None = None
        self.warnings: list[Message] = []  # what saving or opening found, for the user
        self.data_issues: list[DataProblem] = []  # found when opened: data files missing or changed
        self.embed_data = False  # keep copies of the data files inside the project folder
        self.data_copies: dict[str, Path] = {}
        self.outside_files: list[OutsideFile] = []  # outside the folder, not read until agreed to
        self.detached: list[OutsideFile] = []  # outside files the user chose not to read
        self.read_only = False  # opened while another studio holds it: Save As only
        self._notes: list[Message] = []  # what opening found besides the data files
        self._not_agreed: set[str] = set()  # outside files not agreed to when opened: a save does not record them
        self._lock: FolderLock | None = None

    # ----- the folder's lock --------------------------------------------------------
    def lock(self) -> None:
        """Hold the project folder's lock until :meth:`close` (a window editing it does;
        reading needs none). Saving elsewhere moves the lock along.

        Raises:
            ProjectLocked: another studio (or window) holds it; the message says who.
            ProjectError: the folder cannot hold a lock file (read-only).
        """
        if self.path is None or (self._lock is not None and self._lock.held):
            return
        lock = FolderLock(self.path)
        lock.acquire()
        self._lock = lock

    def take_lock(self, holder: Project | None) -> None:
        """:meth:`lock`, first taking the lock from ``holder`` when that is another copy of
        this same folder holding it (a window opening or recovering its own folder again).

        Raises:
            ProjectLocked, ProjectError: as :meth:`lock`.
        """
        if (holder is not None and holder is not self and holder.locked and self.path is not None
                and resolved(holder.path) == resolved(self.path)):
            holder.close()
        self.lock()

    @property
    def locked(self) -> bool:
        """Whether this project holds its folder's lock."""
        return self._lock is not None and self._lock.held

    def close(self) -> None:
        """Let go of the folder's lock (the project can still be read)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # ----- saving -------------------------------------------------------------------
    def save(self, path: str | os.PathLike | None = None) -> Path:
        """Write the project to ``path`` (a folder; ``.studio`` is appended if missing).

        Without ``path`` it saves where it was opened or last saved. Runs already in
        that folder are not rewritten. With ``embed_data`` set, the data files are copied
        into ``data/``. What could not be saved fully (trained vectors whose file is
        gone) is listed in ``warnings``. When saving fails (disk full, read-only folder)
        the project already in ``path`` is left as it was. The folder is locked while
        saving; a project holding its lock moves it to the new folder. Files outside the
        folder that the user has not agreed to (``outside_files``) are not read: not
        hashed, not copied. Once saved, the outside files it refers to count as agreed
        to for the new folder (the user chose them here).

        Raises:
            ProjectLocked: another studio holds ``path``.
            ProjectError: no path given for a new project, a project opened read-only
                saved over itself, a folder inside ``path`` that leads outside it, or
                the folder cannot be written; the message names the folder and says
                what to do.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ProjectError("project.not_saved_yet")
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        if target.exists() and not target.is_dir():
            raise ProjectError("project.file_in_the_way", folder=target)
        same = self.path is not None and resolved(target) == resolved(self.path)
        if self.read_only and same:
            raise ProjectError("project.opened_read_only", folder=target)
        self.warnings = []
        acquired, before = None, (list(self.vectors), self.settings, self.name)
        if self.name == "Untitled":  # project.json names it after its folder, as the window does
            self.name = target.stem
        try:
            target.mkdir(parents=True, exist_ok=True)
            if not (same and self.locked):
                acquired = FolderLock(target)
                acquired.acquire()
            scratch = self._write(target, same)
        except BaseException as exc:
            self.vectors, self.settings, self.name = before  # as they were: vectors still in the cache, say
            if acquired is not None:
                acquired.release()
            failure = exc if isinstance(exc, OSError) else getattr(exc, "os_error", None)
            if failure is not None:  # the disk, not the project: say what to do
                raise ProjectError(_save_failure(target, failure)) from None
            raise
        for file in scratch:  # the project holds its copy now
            file.unlink(missing_ok=True)
        if acquired is not None:
            if self._lock is not None:  # a window's lock moves to where it saved
                self._lock.release()
                self._lock = acquired
            else:
                acquired.release()
        self.read_only = False
        self.path = target
        consent.approve(target, [reference.path for reference in find_outside(
            self.settings.model_dump(), [v.model_dump() for v in self.vectors],
            [(run.id, run.config) for run in self.runs], target)
            if str(_resolved_or_none(reference.path)) not in self._not_agreed])  # agreed ones are recorded already
        return target

    def _write(self, target: Path, same: bool) -> list[Path]:
        """Write every file of the project into ``target``, ``project.json`` last.
        Returns the scratch files of trained vectors now copied into the project."""
        _check_folders(target)
        for run in self.runs:
            run_dir = inside(target / RUNS_FOLDER / run.id, target / RUNS_FOLDER, message("project.run", id=run.id))
            if run.saved_to is None or resolved(run.saved_to) != resolved(run_dir):
                write_run(run, run_dir)
                run.saved_to = run_dir
        if not same and self.unreadable_runs:
            self.warnings.append(message("project.runs_left_behind",
                                         runs=", ".join(u.id for u in self.unreadable_runs)))
        scratch = self._copy_trained_vectors(target)
        indexes, notes = save_indexes(self.indexes, target, self.path, self._saved_indexes if same else set())
        self.warnings += notes
        self._record_hashes()
        dataset = self._readable_dataset()
        copies = copy_data_files(dataset, target) if self.embed_data else {}
        unreadable = [u.entry for u in self.unreadable_runs] if same else []
        atomic_write_json(target / PROJECT_FILE, self.to_document(target, copies, unreadable))
        self.data_copies = copies
        self.indexes, self._saved_indexes = indexes, {entry.name for entry in indexes}
        if not same:
            self.unreadable_runs = []
        return scratch

    def _pending(self) -> set[str]:
        return {str(_resolved_or_none(reference.path)) for reference in self.outside_files}

    def is_pending(self, path: str | Path) -> bool:
        """Whether ``path`` is one of the outside files this project may not read yet
        (:attr:`outside_files`, not agreed to)."""
        return str(_resolved_or_none(Path(path))) in self._pending()

    def _readable_dataset(self):
        """The dataset settings without the files not agreed to, so nothing reads them."""
        pending, dataset = self._pending(), self.settings.dataset
        blank = {role: None for role in DATA_ROLES
                 if getattr(dataset, role) and str(_resolved_or_none(Path(getattr(dataset, role)))) in pending}
        return dataset.model_copy(update=blank)

    def _copy_trained_vectors(self, target: Path) -> list[Path]:
        """Bring vectors trained in the studio into ``target/vectors``: copied (then renamed
        into place) from the scratch folder or the project's previous folder. Files
        from anywhere else, or that lead out of those folders through a symlink, are
        never copied (a project someone sent could name any file), and a missing one is
        left as it is; both are listed in ``warnings``. The vector list and the model
        settings follow the files. Returns the scratch files copied, which the caller
        deletes once ``project.json`` names the copies."""
        sources = [scratch_dir()] + ([self.path / PROJECT_FOLDER] if self.path is not None else [])
        moved, scratch = {}, []
        for i, entry in enumerate(self.vectors):
            source, destination = _absolute(entry.path), _absolute(target / PROJECT_FOLDER / Path(entry.path).name)
            if entry.source != "trained" or source == destination:
                continue
            folder = next((f for f in sources if source.parent == _absolute(f)), None)
            if folder is None or not is_inside(source, folder):
                self.warnings.append(message("project.vectors_not_copied", name=entry.name, file=source))
                continue
            if not source.is_file():
                self.warnings.append(message("project.vectors_gone", name=entry.name, file=source))
                continue
            atomic_copy(source, destination)
            if folder == sources[0]:
                scratch.append(source)
            moved[entry.path] = str(destination)
            self.vectors[i] = entry.model_copy(update={"path": str(destination)})
        model = self.settings.model_dump()["model"]
        if model.get("pretrained_vectors") in moved:
            model["pretrained_vectors"] = moved[model["pretrained_vectors"]]
            self.settings = Settings.from_dict({**self.settings.model_dump(), "model": model})
        return scratch

    def _record_hashes(self) -> None:
        """Store each data file's SHA-256 as it is now, to tell later whether it changed
        (files not agreed to are not read)."""
        dataset = self._readable_dataset()
        hashes = dict(self.settings.dataset.hashes)
        for role in DATA_ROLES:
            value = getattr(dataset, role)
            if value and Path(value).is_file():
                hashes[role] = file_sha256(value)
        self.settings = self.settings.model_copy(
            update={"dataset": self.settings.dataset.model_copy(update={"hashes": hashes})})

    def to_document(self, root: Path | None, copies: dict[str, Path] | None = None,
                    unreadable: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """The ``project.json`` document, with paths relative to ``root`` where they lie
        inside it (all absolute when ``root`` is ``None``). Reads no files.
        ``unreadable``: entries of runs that could not be read, kept in the list."""
        copies = copies or {}
        settings = self.settings.model_dump()
        for keys, value in settings_paths(settings):  # data, tokenizer files, pretrained vectors
            put_path(settings, keys, _relative(value, root))
        vectors = [entry.model_dump() for entry in self.vectors]
        for entry in vectors:
            for key in ("path", "vocab_path"):
                if entry[key]:
                    entry[key] = _relative(entry[key], root)
        from studio import __version__

        return {
            "schema_version": SCHEMA_VERSION,
            "name": self.name,
            "settings": settings,
            "runs": [run.summary() for run in self.runs] + list(unreadable or []),
            "vectors": vectors,
            "saved_by": {"studio": __version__, "saved_at": datetime.now().astimezone().isoformat(timespec="seconds")},
            "data_copies": {role: _relative(str(path), root) for role, path in copies.items()},
            "embed_data": self.embed_data,
        }

    # ----- opening ------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, trust_outside: bool = False) -> Project:
        """Open a project folder (or its ``project.json``), reading only files inside it.

        Older schema versions are migrated. Every file is read bounded and validated
        (see :mod:`studio.core.safe_files`). A listed run whose folder cannot be read
        is kept in ``unreadable_runs`` (and ``warnings``) instead of refusing the
        project. Files the project refers to outside its folder are listed in
        ``outside_files`` and not read until :meth:`allow_outside_files` (the user
        agreed, or agreed before: see :mod:`studio.core.consent`) or dropped by
        :meth:`detach_outside_files`; ``trust_outside`` takes them as agreed (the
        studio's own autosaves). Data files that moved or changed since saving are
        listed in ``warnings`` and, with what can be done, in :meth:`data_problems`.
        Nothing is unpickled or evaluated, and nothing is written.

        Raises:
            ProjectError: not a project, unreadable JSON, a newer schema, an unknown or
                invalid field, or a folder of it that leads outside it; the message
                names the file.
        """
        root = Path(path)
        if root.name == PROJECT_FILE:
            root = root.parent
        file = root / PROJECT_FILE
        if not file.is_file():
            raise ProjectError("project.not_a_project", folder=root, file=PROJECT_FILE)
        document = load_document(file)
        _check_folders(root)
        data = document.model_dump()
        settings_data = data["settings"]
        dataset, model = settings_data.get("dataset", {}), settings_data.get("model", {})
        if not isinstance(dataset, dict) or not isinstance(model, dict):
            raise ProjectError("project.settings_not_objects", file=file)
        for keys, value in settings_paths(settings_data):
            put_path(settings_data, keys, _resolve(value, root))
        try:
            settings = Settings.from_dict(settings_data)
        except ConfigError as exc:
            raise ProjectError("project.invalid_settings", file=file, problems=exc) from None
        check_paths(file, settings.model_dump(), [v for v in data["vectors"] if isinstance(v, dict)])
        check_paths(file, {"dataset": dict(document.data_copies)})
        project = cls(settings, data["name"] or root.stem)
        project.path = root
        project.vectors = _read_vector_sets(data["vectors"], root, file)
        project.indexes, notes = scan_indexes(root)
        project._saved_indexes = {entry.name for entry in project.indexes}
        project._notes += notes
        project.data_copies = project._inside_copies(_resolve_copies(document.data_copies, root), root, file)
        project.embed_data = data["embed_data"] if data["embed_data"] is not None else bool(project.data_copies)
        for entry in document.runs:
            try:
                project.runs.append(read_run(root / RUNS_FOLDER / entry.id, root))
            except ProjectError as exc:
                project.unreadable_runs.append(UnreadableRun(entry.id, exc.message, entry.model_dump()))
                project._notes.append(project.unreadable_runs[-1].note)
        project._find_unlisted_runs(root)
        runs = [(run.id, run.config) for run in project.runs] + interrupted_configs(project.interrupted)
        outside = find_outside(settings.model_dump(), [v.model_dump() for v in project.vectors], runs, root)
        agreed = set() if trust_outside else consent.approved(root)
        not_agreed = [] if trust_outside else [ref for ref in outside if str(_resolved_or_none(ref.path)) not in agreed]
        # a missing file cannot be read: it stays a data problem (locate it, or use a copy)
        project.outside_files = [ref for ref in not_agreed if exists(ref.path)]
        project._not_agreed = {str(_resolved_or_none(ref.path)) for ref in not_agreed}
        project.warnings = project._check_data_files() + project._notes
        return project

    def _inside_copies(self, copies: dict[str, Path], root: Path, file: Path) -> dict[str, Path]:
        kept = {}
        for role, copy in copies.items():
            if is_inside(copy, root):
                kept[role] = copy
            else:
                self._notes.append(message("project.copy_outside", file=file, role=role, copy=copy))
        return kept

    def allow_outside_files(self) -> None:
        """The user agreed to ``outside_files``: remember that for this folder, then
        check those files like the others (``warnings``, :meth:`data_problems`)."""
        if self.path is not None and self.outside_files:
            consent.approve(self.path, [reference.path for reference in self.outside_files])
        self._not_agreed -= self._pending()  # a Save As records them for the new folder too
        self.outside_files = []
        self.warnings = self._check_data_files() + self._notes

    def detach_outside_files(self) -> list[OutsideFile]:
        """The user did not agree to ``outside_files``: drop those references (settings
        fields emptied, vector sets naming them removed, the runs' settings in memory
        emptied likewise) so nothing reads them. Returns what was dropped."""
        detached, self.outside_files = self.outside_files, []
        if not detached:
            return []
        settings = self.settings.model_dump()
        runs = [(run.id, run.config) for run in self.runs]
        self.vectors = detach_references(detached, settings, self.vectors, runs)
        self.settings = Settings.from_dict(settings)
        self.detached = detached
        self._notes.append(self.detached_note)
        self.warnings = self._check_data_files() + self._notes
        return detached

    @property
    def detached_note(self) -> Message | None:
        """The line ``warnings`` holds for the files dropped by :meth:`detach_outside_files`
        (each file with the field that named it); ``None`` when none were."""
        if not self.detached:
            return None
        return message("project.not_read", files=[ref.listed() for ref in self.detached])

    def _find_unlisted_runs(self, root: Path) -> None:
        """Runs in ``root/runs`` that ``project.json`` does not list: those with a
        checkpoint were cut short (``interrupted``); a finished one ended after the last
        save, before a crash, and is listed again with a note. A folder that leads
        outside ``runs`` (a symlink) is ignored."""
        listed = {run.id for run in self.runs} | {u.id for u in self.unreadable_runs}
        runs = root / RUNS_FOLDER
        unlisted = sorted(folder for folder in runs.glob("*")
                          if folder.name not in listed and is_inside(folder, runs)
                          and (folder / "config.json").is_file())
        self.interrupted = [folder for folder in unlisted if has_checkpoint(folder)]
        for folder in unlisted:
            if has_checkpoint(folder) or not (folder / "weights.safetensors").is_file():
                continue
            try:
                run = read_run(folder, root)
            except ProjectError:
                continue  # half written when the studio stopped (or crafted): nothing to recover
            if run.finished:
                self.runs.append(run)
                self._notes.append(message("project.run_listed_again", id=run.id))

    def _check_data_files(self) -> list[Message]:
        pending = self._pending()
        warnings = [message("project.vectors_missing", name=entry.name, file=entry.path)
                    for entry in self.vectors
                    if str(resolved(entry.path)) not in pending and not Path(entry.path).is_file()]
        self.data_issues = self.data_problems()
        return warnings + [problem.message for problem in self.data_issues]

    # ----- data files ---------------------------------------------------------------
    def data_problems(self) -> list[DataProblem]:
        """Data files that are missing or changed since saving, each with the copy kept
        in the project when there is one."""
        return data_problems(self._readable_dataset(), self.data_copies)

    def relocate_data(self, role: str, new_path: str | os.PathLike) -> list[Message]:
        """Point a data ``role`` at ``new_path`` (and other missing files found beside
        it). Returns notes for the user.

        Raises:
            ProjectError: unknown role, or ``new_path`` is not a file.
        """
        dataset, notes = relocate(self.settings.dataset, role, new_path)
        self.settings = self.settings.model_copy(update={"dataset": dataset})
        return notes

    def use_data_copy(self, role: str) -> None:
        """Use the copy of a data file kept in the project.

        Raises:
            ProjectError: the project keeps no copy of it.
        """
        dataset = use_copy(self.settings.dataset, role, self.data_copies)
        self.settings = self.settings.model_copy(update={"dataset": dataset})


def _resolved_or_none(path: Path) -> Path | None:
    try:
        return resolved(path)
    except ValueError:  # a NUL character: refused when read, never agreed to
        return None


def _check_folders(root: Path) -> None:
    """Refuse a project folder whose ``runs``, ``vectors``, ``data`` or ``retrieval`` lead outside it.

    Raises:
        ProjectError: naming the folder.
    """
    for folder in (RUNS_FOLDER, PROJECT_FOLDER, DATA_FOLDER, INDEX_FOLDER):
        inside(root / folder, root, message("project.folder_of", project=root, folder=folder))


def _save_failure(target: Path, exc: OSError) -> Message:
    """What to tell the user when writing ``target`` failed with ``exc``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return message("project.save_disk_full", folder=target)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return message("project.save_read_only", folder=target, reason=exc.strerror)
    return message("project.save_failed", folder=target, reason=exc.strerror or str(exc))


def read_data_copies(root: Path) -> dict[str, Path]:
    """The data copies a saved project keeps, by role ({} when it keeps none or cannot be
    read); a copy that leads outside the project through a symlink is left out."""
    try:
        copies = _resolve_copies(load_document(Path(root) / PROJECT_FILE).data_copies, Path(root))
    except (ProjectError, ValueError):
        return {}
    return {role: copy for role, copy in copies.items() if is_inside(copy, root)}


def _resolve_copies(copies: dict[str, str], root: Path) -> dict[str, Path]:
    return {role: Path(_resolve(copy, root)) for role, copy in copies.items()}


def _resolve(value, root: Path):
    """A path saved relative to the project folder, made absolute again."""
    if isinstance(value, str) and value and not Path(value).is_absolute():
        return str(_absolute(root / value))
    return value


def _read_vector_sets(items, root: Path, file: Path) -> list[VectorSet]:
    if not isinstance(items, list):
        raise ProjectError("project.vectors_not_list", file=file)
    entries = []
    for number, item in enumerate(items, 1):
        if isinstance(item, dict):
            item = {**item, "path": _resolve(item.get("path"), root),
                    "vocab_path": _resolve(item.get("vocab_path", ""), root)}
        try:
            entries.append(VectorSet.model_validate(item))
        except ValidationError as exc:
            raise ProjectError("project.invalid_vector_set", file=file, number=number,
                               problems=validation_message(exc)) from None
    return entries
