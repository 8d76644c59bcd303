"""A run's folder inside a project: written by :func:`write_run`, read back by
:func:`read_run`, every file validated and kept inside its folder.

```
runs/<run_id>/
  config.json             resolved settings + studio, torch, python versions
  vocab.json labels.json
  weights.safetensors     best weights
  metrics.jsonl           the event stream
  checkpoint/             the last state of a stopped run, to resume from
```
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from safetensors import SafetensorError
from safetensors.torch import load_file, save

from studio.core import consent
from studio.core.errors import ProjectError
from studio.core.fileio import atomic_copy, atomic_write_bytes, atomic_write_json, atomic_write_text, cache_root
from studio.core.project_outside import OutsideFilesRefused, find_outside
from studio.core.safe_files import check_tensor_file, exists, inside, is_inside, project_file, resolved
from studio.core.training.checkpoint import CHECKPOINT_DIR, META_FILE, checkpoint_folder, has_checkpoint, read_meta
from studio.core.training.run import Run, read_events, read_run_files

RUNS_FOLDER = "runs"


def write_run(run: Run, run_dir: Path) -> None:
    """Write one run's files into ``run_dir`` (each atomically).

    Raises:
        OSError: the folder cannot be written.
        ProjectError: the checkpoint to carry along cannot be read, or leads outside
            its run folder.
    """
    run_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_json(run_dir / "config.json", run.config)
    atomic_write_json(run_dir / "vocab.json", run.vocab)
    atomic_write_json(run_dir / "labels.json", run.label_names)
    state = {k: v.contiguous() for k, v in run.state_dict.items()}
    atomic_write_bytes(run_dir / "weights.safetensors", save(state))
    lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in run.events)
    atomic_write_text(run_dir / "metrics.jsonl", lines)
    if has_checkpoint(run.saved_to):  # a stopped run stays resumable where it is saved
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


def read_run(run_dir: Path, root: Path | None = None) -> Run:
    """Read a run folder written by :func:`write_run`, validating every file: each a
    bounded regular file inside the run folder (which, with ``root``, must lie inside
    ``root/runs``), the settings in ``config.json`` (unknown keys refused), the
    vocabulary and labels as lists of strings, the events as JSON objects, the weights
    through safetensors (a pickle, or a header that lies about its size, is refused
    without being run).

    Raises:
        ProjectError: a file is missing, damaged, invalid, too large, not a regular
            file or outside its folder; the message names it.
    """
    if root is not None:
        inside(run_dir, Path(root) / RUNS_FOLDER, f"run {run_dir.name}")
    config, vocab, labels = read_run_files(run_dir)
    weights = check_tensor_file(run_dir / "weights.safetensors", run_dir)
    try:
        state = load_file(str(weights))
    except (OSError, SafetensorError, ValueError, RuntimeError, MemoryError) as exc:
        raise ProjectError(f"{weights}: cannot be read as safetensors weights ({exc}). The run "
                           "is damaged, or the file is not what the studio writes.") from None
    return Run(run_dir.name, config, vocab, labels, state, read_events(run_dir), saved_to=run_dir)


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
    inside(run_dir, root / RUNS_FOLDER, f"run {run_dir.name}")
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
