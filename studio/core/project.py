"""A project on disk: ``project.json`` plus one folder per training run.

```
MyProject.studio/
  project.json              schema_version, name, settings, run list, vector sets,
                            data copies, saved_by (see project_schema)
  data/<file>               copies of the data files, when the user embeds data
  vectors/<name>.bin        word vectors trained in the studio (word2vec binary format)
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
import json
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from safetensors import SafetensorError
from safetensors.torch import load_file, save

from studio.core.embeddings.project_vectors import PROJECT_FOLDER, VectorSet, scratch_dir
from studio.core.errors import ConfigError, ProjectError
from studio.core.fileio import atomic_copy, atomic_write_bytes, atomic_write_json, atomic_write_text, file_sha256
from studio.core.models.registry import format_validation_error
from studio.core.project_data import DataProblem, copy_data_files, data_problems, relocate, use_copy
from studio.core.project_schema import DATA_ROLES, SCHEMA_VERSION, load_document
from studio.core.settings import Settings
from studio.core.training.checkpoint import CHECKPOINT_DIR, META_FILE, has_checkpoint
from studio.core.training.run import Run

PROJECT_FILE = "project.json"
SUFFIX = ".studio"
MODEL_PATHS = ("pretrained_vectors", "pretrained_vocab")


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
        self.interrupted: list[Path] = []  # run folders with a checkpoint but no finished run
        self.path: Path | None = None
        self.warnings: list[str] = []
        self.data_issues: list[DataProblem] = []  # found when opened: data files missing or changed
        self.embed_data = False  # keep copies of the data files inside the project folder
        self.data_copies: dict[str, Path] = {}

    # ----- saving -------------------------------------------------------------------
    def save(self, path: str | os.PathLike | None = None) -> Path:
        """Write the project to ``path`` (a folder; ``.studio`` is appended if missing).

        Without ``path`` it saves where it was opened or last saved. Runs already in
        that folder are not rewritten. With ``embed_data`` set, the data files are copied
        into ``data/``. What could not be saved fully (trained vectors whose file is
        gone) is listed in ``warnings``. When saving fails (disk full, read-only folder)
        the project already in ``path`` is left as it was.

        Raises:
            ProjectError: no path given for a new project, or the folder cannot be
                written; the message names the folder and says what to do.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ProjectError("This project has not been saved yet; choose a folder (Save As).")
        if target.suffix != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        if target.exists() and not target.is_dir():
            raise ProjectError(f"{target}: a file with this name exists; choose another name.")
        self.warnings = []
        try:
            target.mkdir(parents=True, exist_ok=True)
            for run in self.runs:
                run_dir = target / "runs" / run.id
                if run.saved_to is None or run.saved_to.resolve() != run_dir.resolve():
                    write_run(run, run_dir)
                    run.saved_to = run_dir
            self._copy_trained_vectors(target)
            self._record_hashes()
            copies = copy_data_files(self.settings.dataset, target) if self.embed_data else {}
            atomic_write_json(target / PROJECT_FILE, self.to_document(target, copies))
        except OSError as exc:
            raise ProjectError(_save_failure(target, exc)) from None
        self.data_copies = copies
        self.path = target
        if self.name == "Untitled":
            self.name = target.stem
        return target

    def _copy_trained_vectors(self, target: Path) -> None:
        """Bring vectors trained in the studio into ``target/vectors``: moved from the
        scratch folder, copied from the project's previous folder. Files from anywhere
        else are never copied (a project someone sent could name any file), and a
        missing one is left as it is; both are listed in ``warnings``. The vector list
        and the model settings follow the files."""
        sources = [scratch_dir()] + ([self.path / PROJECT_FOLDER] if self.path is not None else [])
        moved = {}
        for i, entry in enumerate(self.vectors):
            source, destination = _absolute(entry.path), _absolute(target / PROJECT_FOLDER / Path(entry.path).name)
            if entry.source != "trained" or source == destination:
                continue
            if not any(source.parent == _absolute(folder) for folder in sources):
                self.warnings.append(f"word vectors {entry.name}: {source} is not in a studio project "
                                     "or the studio's cache, so it was not copied into the project.")
                continue
            if not source.is_file():
                self.warnings.append(f"word vectors {entry.name}: {source} is missing, so the saved "
                                     "project lacks them; train them again.")
                continue
            if source.parent == _absolute(scratch_dir()):
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(source, destination)  # the scratch copy is not needed any more
            else:
                atomic_copy(source, destination)
            moved[entry.path] = str(destination)
            self.vectors[i] = entry.model_copy(update={"path": str(destination)})
        if self.settings.model.get("pretrained_vectors") in moved:
            model = {**self.settings.model, "pretrained_vectors": moved[self.settings.model["pretrained_vectors"]]}
            self.settings = self.settings.model_copy(update={"model": model})

    def _record_hashes(self) -> None:
        """Store each data file's SHA-256 as it is now, to tell later whether it changed."""
        dataset = self.settings.dataset
        hashes = dict(dataset.hashes)
        for role in DATA_ROLES:
            value = getattr(dataset, role)
            if value and Path(value).is_file():
                hashes[role] = file_sha256(value)
        self.settings = self.settings.model_copy(
            update={"dataset": dataset.model_copy(update={"hashes": hashes})})

    def to_document(self, root: Path | None, copies: dict[str, Path] | None = None) -> dict[str, Any]:
        """The ``project.json`` document, with paths relative to ``root`` where they lie
        inside it (all absolute when ``root`` is ``None``). Reads no files."""
        copies = copies or {}
        settings = self.settings.model_dump()
        for role in DATA_ROLES:
            if settings["dataset"][role]:
                settings["dataset"][role] = _relative(settings["dataset"][role], root)
        for key in MODEL_PATHS:
            if settings["model"].get(key):
                settings["model"][key] = _relative(settings["model"][key], root)
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
            "runs": [run.summary() for run in self.runs],
            "vectors": vectors,
            "saved_by": {"studio": __version__, "saved_at": datetime.now().astimezone().isoformat(timespec="seconds")},
            "data_copies": {role: _relative(str(path), root) for role, path in copies.items()},
            "embed_data": self.embed_data,
        }

    # ----- opening ------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike) -> "Project":
        """Open a project folder (or its ``project.json``).

        Older schema versions are migrated. Data files that moved or changed since
        saving are listed in ``warnings`` and, with what can be done, in
        :meth:`data_problems`. Nothing is unpickled or evaluated.

        Raises:
            ProjectError: not a project, unreadable JSON, a newer schema, an unknown or
                invalid field, or a broken run; the message names the file.
        """
        root = Path(path)
        if root.name == PROJECT_FILE:
            root = root.parent
        file = root / PROJECT_FILE
        if not file.is_file():
            raise ProjectError(f"{root}: not a studio project (no {PROJECT_FILE} inside).")
        document = load_document(file)
        data = document.model_dump()
        settings_data = data["settings"]
        dataset, model = settings_data.get("dataset", {}), settings_data.get("model", {})
        if not isinstance(dataset, dict) or not isinstance(model, dict):
            raise ProjectError(f"{file}: settings.dataset and settings.model must be JSON objects.")
        for role in DATA_ROLES:
            dataset[role] = _resolve(dataset.get(role), root)
        for key in MODEL_PATHS:
            if key in model:
                model[key] = _resolve(model[key], root)
        try:
            settings = Settings.from_dict(settings_data)
        except ConfigError as exc:
            raise ProjectError(f"{file}: invalid settings:\n{exc}") from None
        project = cls(settings, data["name"] or root.stem)
        project.path = root
        project.vectors = _read_vector_sets(data["vectors"], root, file)
        project.data_copies = _resolve_copies(document.data_copies, root)
        project.embed_data = data["embed_data"] if data["embed_data"] is not None else bool(project.data_copies)
        for entry in document.runs:
            project.runs.append(read_run(root / "runs" / entry.id))
        project.warnings = project._check_data_files()
        project._find_unlisted_runs(root)
        return project

    def _find_unlisted_runs(self, root: Path) -> None:
        """Runs in ``root/runs`` that ``project.json`` does not list: those with a
        checkpoint were cut short (``interrupted``); a finished one ended after the last
        save, before a crash, and is listed again with a warning."""
        listed = {run.id for run in self.runs}
        unlisted = sorted(folder for folder in (root / "runs").glob("*")
                          if folder.name not in listed and (folder / "config.json").is_file())
        self.interrupted = [folder for folder in unlisted if has_checkpoint(folder)]
        for folder in unlisted:
            if has_checkpoint(folder) or not (folder / "weights.safetensors").is_file():
                continue
            try:
                run = read_run(folder)
            except ProjectError:
                continue  # half written when the studio stopped: nothing to recover
            if run.finished:
                self.runs.append(run)
                self.warnings.append(f"run {run.id} finished after the project was last saved; it is "
                                     "listed again. Save the project to keep it.")

    def _check_data_files(self) -> list[str]:
        warnings = [f"word vectors {entry.name}: file {entry.path} is missing; import or train them again."
                    for entry in self.vectors if not Path(entry.path).is_file()]
        self.data_issues = self.data_problems()
        return warnings + [problem.message for problem in self.data_issues]

    # ----- data files ---------------------------------------------------------------
    def data_problems(self) -> list[DataProblem]:
        """Data files that are missing or changed since saving, each with the copy kept
        in the project when there is one."""
        return data_problems(self.settings.dataset, self.data_copies)

    def relocate_data(self, role: str, new_path: str | os.PathLike) -> list[str]:
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


def _save_failure(target: Path, exc: OSError) -> str:
    """What to tell the user when writing ``target`` failed with ``exc``."""
    where = f"{target}: the project was not saved"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"{where}: the disk is full. The copy saved before is unchanged. Free some "
                "space, or use Save As to save on another drive.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"{where}: the folder is read-only ({exc.strerror}). The copy saved before is "
                "unchanged. Use Save As to choose a folder you can write to.")
    return (f"{where} ({exc.strerror or exc}). The copy saved before is unchanged. "
            "Try again, or use Save As to choose another folder.")


def read_data_copies(root: Path) -> dict[str, Path]:
    """The data copies a saved project keeps, by role ({} when it keeps none or cannot be read)."""
    try:
        return _resolve_copies(load_document(Path(root) / PROJECT_FILE).data_copies, Path(root))
    except ProjectError:
        return {}


def _resolve_copies(copies: dict[str, str], root: Path) -> dict[str, Path]:
    return {role: Path(_resolve(copy, root)) for role, copy in copies.items()}


def _resolve(value, root: Path):
    """A path saved relative to the project folder, made absolute again."""
    if isinstance(value, str) and value and not Path(value).is_absolute():
        return str(_absolute(root / value))
    return value


def _read_vector_sets(items, root: Path, file: Path) -> list[VectorSet]:
    if not isinstance(items, list):
        raise ProjectError(f"{file}: 'vectors' must be a list of vector sets.")
    entries = []
    for number, item in enumerate(items, 1):
        if isinstance(item, dict):
            item = {**item, "path": _resolve(item.get("path"), root),
                    "vocab_path": _resolve(item.get("vocab_path", ""), root)}
        try:
            entries.append(VectorSet.model_validate(item))
        except ValidationError as exc:
            raise ProjectError(f"{file}: vector set {number} is invalid:\n"
                               f"{format_validation_error(exc)}") from None
    return entries


def write_run(run: Run, run_dir: Path) -> None:
    """Write one run's files into ``run_dir`` (each atomically)."""
    run_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_json(run_dir / "config.json", run.config)
    atomic_write_json(run_dir / "vocab.json", run.vocab)
    atomic_write_json(run_dir / "labels.json", run.label_names)
    state = {k: v.contiguous() for k, v in run.state_dict.items()}
    atomic_write_bytes(run_dir / "weights.safetensors", save(state))
    lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in run.events)
    atomic_write_text(run_dir / "metrics.jsonl", lines)
    if has_checkpoint(run.saved_to):  # a stopped run stays resumable where it is saved
        _copy_checkpoint(Path(run.saved_to) / CHECKPOINT_DIR, run_dir / CHECKPOINT_DIR)


def _copy_checkpoint(source: Path, target: Path) -> None:
    """Copy a checkpoint so that a crash leaves a whole one or none: its tensor file
    first, its JSON (the commit point, naming that file) last."""
    meta = json.loads((source / META_FILE).read_text(encoding="utf-8"))
    atomic_copy(source / meta["tensors"], target / meta["tensors"])
    atomic_copy(source / META_FILE, target / META_FILE)


def read_run(run_dir: Path) -> Run:
    """Read a run folder written by :func:`write_run`, validating every file: the
    settings in ``config.json`` (unknown keys refused), the vocabulary and labels as
    lists of strings, the weights through safetensors (a pickle, or a header that lies
    about its size, is refused without being run).

    Raises:
        ProjectError: a file is missing, damaged or invalid; the message names it.
    """
    def read_json(name: str):
        try:
            return json.loads((run_dir / name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise ProjectError(f"{run_dir / name}: cannot be read ({exc}).") from None

    def read_strings(name: str) -> list[str]:
        value = read_json(name)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ProjectError(f"{run_dir / name}: must be a JSON list of strings.")
        return value

    config = read_json("config.json")
    if not isinstance(config, dict):
        raise ProjectError(f"{run_dir / 'config.json'}: must be a JSON object of settings.")
    try:
        Settings.from_dict({k: v for k, v in config.items() if k != "versions"})
    except ConfigError as exc:
        raise ProjectError(f"{run_dir / 'config.json'}: invalid settings:\n{exc}") from None
    vocab, labels = read_strings("vocab.json"), read_strings("labels.json")
    weights = run_dir / "weights.safetensors"
    try:
        state = load_file(str(weights))
    except (OSError, SafetensorError) as exc:
        raise ProjectError(f"{weights}: cannot be read as safetensors weights ({exc}). The run "
                           "is damaged, or the file is not what the studio writes.") from None
    events = []
    metrics = run_dir / "metrics.jsonl"
    if metrics.is_file():
        try:
            lines = metrics.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ProjectError(f"{metrics}: cannot be read ({exc}).") from None
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    event = json.loads(line)
                except (json.JSONDecodeError, RecursionError):
                    raise ProjectError(f"{metrics}, line {number}: not valid JSON.") from None
                if not isinstance(event, dict) or not isinstance(event.get("event"), str):
                    raise ProjectError(f"{metrics}, line {number}: not a training event (a JSON object "
                                       "with an \"event\" name).")
                events.append(event)
    return Run(run_dir.name, config, vocab, labels, state, events, saved_to=run_dir)
