"""The runs of a project: where a new run's folder goes, a finished run written whole
into a project and read back (every file validated, kept inside its folder), and the
files outside the project a run would read when resumed. The files of one run folder
are :mod:`studio.core.run_files`'; together the two modules are the one owner of
``runs/<id>``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file

from studio.core import consent
from studio.core.errors import ProjectError
from studio.core.fileio import atomic_copy, atomic_write_text, cache_root
from studio.core.messages import message
from studio.core.project_outside import OutsideFilesRefused, find_outside
from studio.core.run_files import (
    METRICS,
    WEIGHTS,
    read_events,
    read_run_files,
    settings_of,
    write_run_files,
    write_weights,
)
from studio.core.safe_files import check_tensor_file, exists, inside, is_inside, project_file, resolved
from studio.core.settings import Settings
from studio.core.training.checkpoint import CHECKPOINT_DIR, META_FILE, checkpoint_folder, has_checkpoint, read_meta
from studio.core.training.events import RunFinished

RUNS_FOLDER = "runs"


@dataclass
class Run:
    """A finished run: resolved config, vocabulary, labels, best weights and event stream.

    ``config`` holds the settings it ran with (``dataset``, ``text``, ``model``,
    ``training``) plus ``versions``; ``state_dict`` holds CPU tensors.
    """

    id: str
    config: dict[str, Any]
    vocab: list[str]
    label_names: list[str]
    state_dict: dict[str, torch.Tensor]
    events: list[dict[str, Any]] = field(default_factory=list)
    saved_to: Path | None = None

    @property
    def settings(self) -> Settings:
        return settings_of(self.config)

    @property
    def finished(self) -> dict[str, Any]:
        """The ``run_finished`` event (status, best_epoch, test report), or ``{}``."""
        return next((e for e in reversed(self.events) if e.get("event") == RunFinished.kind), {})

    def summary(self) -> dict[str, Any]:
        test = self.finished.get("test") or {}
        return {
            "id": self.id,
            "model": self.config["model"]["type"],
            "status": self.finished.get("status", "unknown"),
            "best_epoch": self.finished.get("best_epoch"),
            "test_accuracy": test.get("accuracy"),
            "test_macro_f1": test.get("macro_f1"),
        }


# ----- where a new run goes ------------------------------------------------------------------
def new_run_id(model_type: str, taken: Sequence[str] = ()) -> str:
    """``YYYYmmdd-HHMMSS-<model>``, with ``-2``, ``-3``… when that is in ``taken``."""
    base = f"{datetime.now():%Y%m%d-%H%M%S}-{model_type}"
    run_id, n = base, 1
    while run_id in taken:
        n += 1
        run_id = f"{base}-{n}"
    return run_id


def place_new_run(project_path: str | os.PathLike | None, model_type: str, taken: Sequence[str] = ()) -> Path:
    """The folder for a new run: ``<project>/runs/<id>`` for a project with a folder of
    its own to write, else the studio cache's ``runs/<id>``. The id (:func:`new_run_id`)
    is neither in ``taken`` (the project's runs) nor a folder already there."""
    root = (Path(project_path) if project_path is not None else cache_root()) / RUNS_FOLDER
    present = [entry.name for entry in root.iterdir()] if root.is_dir() else []
    return root / new_run_id(model_type, [*taken, *present])


def read_run(run_dir: Path, root: Path | None = None) -> Run:
    """Read a run folder, validating every file: each a bounded regular file inside the
    run folder (which, with ``root``, must lie inside ``root/runs``), the settings in
    ``config.json`` (unknown keys refused), the vocabulary and labels as lists of
    strings, the events as JSON objects, the weights through safetensors (a pickle, or a
    header that lies about its size, is refused without being run).

    Raises:
        ProjectError: a file is missing, damaged, invalid, too large, not a regular
            file or outside its folder; the message names it.
    """
    if root is not None:
        inside(run_dir, Path(root) / RUNS_FOLDER, message("project.run", id=run_dir.name))
    config, vocab, labels = read_run_files(run_dir)
    weights = check_tensor_file(run_dir / WEIGHTS, run_dir)
    try:
        state = load_file(str(weights))
    except (OSError, SafetensorError, ValueError, RuntimeError, MemoryError) as exc:
        raise ProjectError("run.bad_weights", file=weights, reason=str(exc)) from None
    return Run(run_dir.name, config, vocab, labels, state, read_events(run_dir), saved_to=run_dir)


# ----- a finished run, into a project ----------------------------------------------------------
def write_run(run: Run, run_dir: Path) -> None:
    """Write one run's files into ``run_dir`` (each atomically), with the checkpoint of a
    stopped run, so that it stays resumable where it is saved.

    Raises:
        OSError: the folder cannot be written.
        ProjectError: the checkpoint to carry along cannot be read, or leads outside
            its run folder.
    """
    run_dir.mkdir(parents=True, exist_ok=True)
    write_run_files(run_dir, run.config, run.vocab, run.label_names)
    write_weights(run_dir, run.state_dict)
    lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in run.events)
    atomic_write_text(run_dir / METRICS, lines)
    if has_checkpoint(run.saved_to):
        _copy_checkpoint(Path(run.saved_to), checkpoint_folder(run_dir))


def _copy_checkpoint(run_dir: Path, target: Path) -> None:
    """Copy ``run_dir``'s checkpoint into the folder ``target`` so that a crash leaves a
    whole one or none: its tensor file first, its JSON (the commit point, naming that
    file) last. The JSON is validated first: it names a ``state-<n>.safetensors`` file
    beside it, never a path, and neither file may lead out of its folder.

    Raises:
        ProjectError: the checkpoint is invalid, or a file of it leads elsewhere.
    """
    meta = read_meta(run_dir)
    source = Path(run_dir) / CHECKPOINT_DIR
    tensors = project_file(source / meta["tensors"], source, 1 << 40)
    atomic_copy(tensors, target / meta["tensors"])
    atomic_copy(project_file(source / META_FILE, source, 1 << 20), target / META_FILE)


# ----- the files a run reads outside its project -------------------------------------------------
def interrupted_configs(folders: list[Path]) -> list[tuple[str, dict[str, Any]]]:
    """(id, settings) of the runs cut short, which a resume would read the data of."""
    found = []
    for folder in folders:
        try:
            found.append((folder.name, read_run_files(folder)[0]))
        except ProjectError:
            pass  # resuming it fails with the same error
    return found


def resume_config(run_dir: str | os.PathLike, allow_outside: bool = False) -> dict[str, Any]:
    """The settings to resume the run in ``run_dir`` with (its ``config.json``, validated),
    once it is clear that the files it reads outside its project folder (``run_dir``'s
    grandparent) were agreed to; ``allow_outside`` agrees now (the CLI's flag).

    Raises:
        ProjectError: the run folder leads outside its project's ``runs``, its files are
            invalid, or it reads outside files not agreed to (:class:`OutsideFilesRefused`,
            listing them).
    """
    run_dir = Path(os.path.abspath(run_dir))
    root = run_dir.parent.parent
    inside(run_dir, root / RUNS_FOLDER, message("project.run", id=run_dir.name))
    config = read_run_files(run_dir)[0]
    if is_inside(run_dir, cache_root()):
        return config  # trained in the studio's cache for an unsaved project: the user's own settings
    agreed = consent.approved(root)
    outside = [ref for ref in find_outside({}, [], [(run_dir.name, config)], root)
               if exists(ref.path) and str(resolved(ref.path)) not in agreed]
    if outside and not allow_outside:
        raise OutsideFilesRefused(run_dir, root, outside)
    consent.approve(root, [ref.path for ref in outside])
    return config
