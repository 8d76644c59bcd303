"""The files of one run folder, as a run trains and as it is read back: settings,
vocabulary, labels, weights and ``metrics.jsonl``, each validated on reading and kept
inside its folder. With :mod:`studio.core.project_runs` (where runs go, whole runs in
a project) this is the one owner of ``runs/<id>``; the ``checkpoint/`` subfolder's
files are :mod:`studio.core.training.checkpoint`'s.

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
import platform
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import save

import studio
from studio.core import consent
from studio.core.errors import ConfigError, ProjectError
from studio.core.fileio import atomic_write_bytes, atomic_write_json, atomic_write_text, cache_root
from studio.core.messages import Message, message
from studio.core.project_outside import check_paths, settings_paths
from studio.core.safe_files import (
    MAX_METRICS_BYTES,
    MAX_RUN_JSON_BYTES,
    is_inside,
    os_reason,
    parse_json,
    read_json,
    read_text,
)
from studio.core.settings import Settings
from studio.core.training.checkpoint import checkpoint_lines
from studio.core.training.events import event_from_dict, event_to_dict

CONFIG, VOCAB, LABELS = "config.json", "vocab.json", "labels.json"
WEIGHTS, METRICS = "weights.safetensors", "metrics.jsonl"


# ----- a run's settings -------------------------------------------------------------------
def settings_dict(config: dict[str, Any]) -> dict[str, Any]:
    """A run's ``config`` without its ``versions``: the settings as saved."""
    return {k: v for k, v in config.items() if k != "versions"}


def settings_of(config: dict[str, Any]) -> Settings:
    """The settings a run's ``config`` holds.

    Raises:
        ConfigError: they do not validate.
    """
    return Settings.from_dict(settings_dict(config))


def versions() -> dict[str, str]:
    return {"studio": studio.__version__, "torch": torch.__version__, "python": platform.python_version()}


def run_config(settings: Settings) -> dict[str, Any]:
    """What a new run's ``config.json`` holds: the settings and the versions it ran with."""
    return {**settings.model_dump(), "versions": versions()}


# ----- writing, as a run trains -------------------------------------------------------------
def write_run_files(run_dir: Path, config: dict[str, Any], vocab: list[str], labels: list[str]) -> None:
    """Write ``config.json``, ``vocab.json`` and ``labels.json`` (each atomically).

    Raises:
        OSError: they cannot be written.
    """
    atomic_write_json(run_dir / CONFIG, config)
    atomic_write_json(run_dir / VOCAB, vocab)
    atomic_write_json(run_dir / LABELS, labels)


def start_run_folder(run_dir: str | os.PathLike, config: dict[str, Any], vocab: list[str],
                     labels: list[str]) -> Path:
    """Create the folder of a run about to train and write its settings, vocabulary and
    labels, so that a killed or stopped run can be resumed from it. The data and vectors
    files its settings name are agreed to for the project the folder is in (the user
    chose them on this machine; a resume reads them again).

    Raises:
        ProjectError: the folder leads outside its parent (a symlink planted in a
            crafted project), or cannot be written.
    """
    run_dir = Path(run_dir)
    if not is_inside(run_dir.parent, cache_root()):
        consent.approve(run_dir.parent.parent, [path for _, path in settings_paths(config)])
    if run_dir.is_symlink() or not is_inside(run_dir, run_dir.parent):
        raise ProjectError("run.leads_outside", folder=run_dir, parent=run_dir.parent)
    try:
        run_dir.mkdir(parents=True, exist_ok=True)
        write_run_files(run_dir, config, vocab, labels)
    except OSError as exc:
        raise ProjectError("run.cannot_write", folder=run_dir, reason=os_reason(exc)) from None
    return run_dir


class EventLog:
    """Appends events to ``run_dir/metrics.jsonl`` as they happen, one JSON line each,
    flushed.

    ``keep`` lines of an existing file are kept (the rest cut off, atomically); with
    ``keep=0`` the file starts empty. ``lines`` counts the lines the file holds.

    Raises:
        ProjectError: the file holds fewer than ``keep`` lines.
        OSError: the file cannot be written.
    """

    def __init__(self, run_dir: Path, keep: int = 0):
        path = Path(run_dir) / METRICS
        path.parent.mkdir(parents=True, exist_ok=True)
        kept: list[str] = []
        if keep:
            kept = read_text(path, path.parent, MAX_METRICS_BYTES).splitlines(keepends=True)[:keep]
            if len(kept) < keep or not kept[-1].endswith("\n"):
                raise ProjectError("run.metrics_short", file=path, lines=keep)
        atomic_write_text(path, "".join(kept))
        self.lines = len(kept)
        self._handle = open(path, "a", encoding="utf-8")

    def write(self, event: Any) -> None:
        self._handle.write(json.dumps(event_to_dict(event), ensure_ascii=False) + "\n")
        self._handle.flush()
        self.lines += 1

    def close(self) -> None:
        self._handle.close()


def write_weights(run_dir: Path, state: dict[str, torch.Tensor]) -> None:
    """Write a run's best weights to ``run_dir/weights.safetensors`` atomically."""
    atomic_write_bytes(Path(run_dir) / WEIGHTS, save({k: v.contiguous() for k, v in state.items()}))


# ----- reading ---------------------------------------------------------------------------------
def read_run_files(run_dir: Path) -> tuple[dict[str, Any], list[str], list[str]]:
    """``config.json`` (a settings object, validated, every group filled in),
    ``vocab.json`` and ``labels.json`` (lists of strings) of ``run_dir``, each a bounded
    regular file inside it.

    Raises:
        ProjectError: a file is missing, too large, not JSON or not of its kind; the
            message names it.
    """
    def strings(name: str) -> list[str]:
        value = read_json(run_dir / name, run_dir, MAX_RUN_JSON_BYTES)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ProjectError("run.not_string_list", file=run_dir / name)
        return value

    file = run_dir / CONFIG
    config = read_json(file, run_dir, MAX_RUN_JSON_BYTES)
    if not isinstance(config, dict):
        raise ProjectError("run.config_not_object", file=file)
    try:
        settings = settings_of(config)
    except ConfigError as exc:
        raise ProjectError("run.invalid_settings", file=file, problems=exc) from None
    check_paths(file, settings.model_dump())
    # every group filled in (a crafted '{}' validates with defaults): the rest of the studio relies on it
    found = config.get("versions")
    config = {**settings.model_dump(), **({"versions": found} if isinstance(found, dict) else {})}
    return config, strings(VOCAB), strings(LABELS)


def _events(run_dir: Path, lines: list[str]) -> list[dict[str, Any]]:
    events = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            where = message("project.file_line", file=run_dir / METRICS, line=number)
            events.append(_checked(parse_json(line, where), where))
    return events


def _checked(event: Any, where: Message) -> dict[str, Any]:
    """``event`` if it is a training event with every field of the right kind.

    Raises:
        ProjectError: ``run.not_an_event``, naming ``where``.
    """
    try:
        event_from_dict(event)
    except ValueError:
        raise ProjectError("run.not_an_event", where=where) from None
    return event


def read_events(run_dir: Path) -> list[dict[str, Any]]:
    """The events of ``run_dir/metrics.jsonl`` (none when it is absent).

    Raises:
        ProjectError: too large, not UTF-8, or a line that is not a training event
            (a JSON object with an ``"event"`` name); the message names the line.
    """
    metrics = Path(run_dir) / METRICS
    if not metrics.exists():
        return []
    return _events(Path(run_dir), read_text(metrics, run_dir, MAX_METRICS_BYTES).splitlines())


def checkpoint_events(run_dir: Path) -> list[dict[str, Any]]:
    """The events a resumed run keeps: the first lines of its ``metrics.jsonl`` that its
    checkpoint recorded (:func:`~studio.core.training.checkpoint.checkpoint_lines`), up
    to a line a crash cut short.

    Raises:
        ProjectError: the checkpoint cannot be read.
    """
    keep = checkpoint_lines(run_dir)
    metrics = Path(run_dir) / METRICS
    if not metrics.exists():
        return []
    events = []
    for number, line in enumerate(read_text(metrics, run_dir, MAX_METRICS_BYTES).splitlines()[:keep], 1):
        try:
            event = json.loads(line)
        except (ValueError, RecursionError):
            break  # the line a crash cut short
        events.append(_checked(event, message("project.file_line", file=metrics, line=number)))
    return events
