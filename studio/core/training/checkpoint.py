"""Training checkpoints without pickle: tensors in safetensors, the rest in JSON.

``run_dir/checkpoint/`` holds ``checkpoint.json`` and the ``state-<n>.safetensors`` file
it names (the name must match :data:`TENSORS_NAME`: a crafted ``checkpoint.json`` cannot
name a path elsewhere, and the folder must lie inside the run folder, symlinks followed). The tensors file is written first under a new name and the JSON (written
atomically) is the commit point, so a process killed at any moment leaves a
consistent pair: the old one or the new one. Older tensor files are removed after.

Tensor keys: ``model.<name>`` (current weights), ``best.<name>`` (best-on-validation
weights), ``optim.<i>.<param index>.<state key>`` (optimizer ``i``'s per-parameter
state), ``rng.torch`` / ``rng.cuda`` / ``rng.batch_order`` (uint8 RNG states).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_write_bytes, atomic_write_json
from studio.core.safe_files import (
    MAX_METRICS_BYTES, MAX_SMALL_JSON_BYTES, check_tensor_file, inside, read_json, read_text,
)

CHECKPOINT_DIR = "checkpoint"
META_FILE = "checkpoint.json"
FORMAT = 1
TENSORS_NAME = re.compile(r"state-[0-9]{1,24}\.safetensors")


@dataclass
class Checkpoint:
    """A loaded checkpoint: ``tensors`` (CPU) and ``meta`` (the JSON object)."""

    tensors: dict[str, torch.Tensor]
    meta: dict[str, Any]

    def prefixed(self, prefix: str) -> dict[str, torch.Tensor]:
        """The tensors under ``prefix.``, with the prefix removed."""
        cut = len(prefix) + 1
        return {k[cut:]: v for k, v in self.tensors.items() if k.startswith(prefix + ".")}


def flatten_optimizer(state: dict[str, Any], prefix: str) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """Split ``optimizer.state_dict()`` into tensors ``{prefix.<param>.<key>: tensor}`` and a
    JSON-able rest (``param_groups`` and non-tensor per-parameter values)."""
    tensors: dict[str, torch.Tensor] = {}
    scalars: dict[str, dict[str, Any]] = {}
    for index, values in state["state"].items():
        for key, value in values.items():
            if isinstance(value, torch.Tensor):
                tensors[f"{prefix}.{index}.{key}"] = value.detach().to("cpu").contiguous()
            else:
                scalars.setdefault(str(index), {})[key] = value
    return tensors, {"param_groups": state["param_groups"], "scalars": scalars}


def unflatten_optimizer(tensors: dict[str, torch.Tensor], rest: dict[str, Any]) -> dict[str, Any]:
    """Inverse of :func:`flatten_optimizer` (``tensors`` without the prefix)."""
    state: dict[int, dict[str, Any]] = {}
    for name, value in tensors.items():
        index, key = name.split(".", 1)
        state.setdefault(int(index), {})[key] = value
    for index, values in rest["scalars"].items():
        state.setdefault(int(index), {}).update(values)
    groups = []
    for group in rest["param_groups"]:
        group = dict(group)
        if isinstance(group.get("betas"), list):
            group["betas"] = tuple(group["betas"])
        groups.append(group)
    return {"state": state, "param_groups": groups}


def checkpoint_folder(run_dir: Path) -> Path:
    """``run_dir/checkpoint``, checked to lie inside ``run_dir`` (a symlink out of it,
    planted in a project someone sent, would make the studio write or delete there).

    Raises:
        ProjectError: the folder leads outside the run folder.
    """
    return inside(Path(run_dir) / CHECKPOINT_DIR, run_dir, f"{run_dir}: the checkpoint folder")


def read_meta(run_dir: Path) -> dict[str, Any]:
    """The validated ``checkpoint.json`` of ``run_dir``: ``format`` 1, ``tensors`` a name
    matching :data:`TENSORS_NAME`, ``lines`` a count.

    Raises:
        ProjectError: missing, too large, not JSON, or a field of the wrong kind; the
            message names the file and the field.
    """
    folder = checkpoint_folder(run_dir)
    file = folder / META_FILE
    meta = read_json(file, folder, MAX_SMALL_JSON_BYTES)
    if not isinstance(meta, dict):
        raise ProjectError(f"{file}: the checkpoint must be a JSON object.")
    if meta.get("format") != FORMAT:
        raise ProjectError(f"{file}: unknown checkpoint format {meta.get('format')!r}.")
    tensors = meta.get("tensors")
    if not isinstance(tensors, str) or not TENSORS_NAME.fullmatch(tensors):
        raise ProjectError(f"{file}: field 'tensors' must name a state-<number>.safetensors file "
                           f"beside it, not {str(tensors)[:80]!r}.")
    lines = meta.get("lines")
    if not isinstance(lines, int) or isinstance(lines, bool) or lines < 0:
        raise ProjectError(f"{file}: field 'lines' must be a count of lines, not {str(lines)[:80]!r}.")
    return meta


def write_checkpoint(run_dir: Path, tensors: dict[str, torch.Tensor], meta: dict[str, Any]) -> None:
    """Write ``run_dir/checkpoint/`` (tensors, then the JSON that names them; both atomic).

    Raises:
        OSError: the folder cannot be written.
        ProjectError: the checkpoint folder leads outside ``run_dir``.
    """
    folder = checkpoint_folder(run_dir)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"state-{time.time_ns()}.safetensors"
    atomic_write_bytes(folder / name, save(tensors))
    atomic_write_json(folder / META_FILE, {"format": FORMAT, **meta, "tensors": name})
    for old in folder.glob("state-*.safetensors"):
        if old.name != name:
            old.unlink(missing_ok=True)
    for stale in folder.glob(".state-*.tmp"):  # left by a write that was killed
        stale.unlink(missing_ok=True)


def write_weights(run_dir: Path, state: dict[str, torch.Tensor]) -> None:
    """Write a run's best weights to ``run_dir/weights.safetensors`` atomically."""
    atomic_write_bytes(Path(run_dir) / "weights.safetensors",
                       save({k: v.contiguous() for k, v in state.items()}))


def checkpoint_lines(run_dir: Path) -> int:
    """How many ``metrics.jsonl`` lines the checkpoint of ``run_dir`` keeps (0 without one),
    read from its small JSON file only.

    Raises:
        ProjectError: the checkpoint's JSON cannot be read.
    """
    if not has_checkpoint(run_dir):
        return 0
    return read_meta(run_dir)["lines"]


def checkpoint_events(run_dir: Path) -> list[dict[str, Any]]:
    """The events a resumed run keeps: the first :func:`checkpoint_lines` lines of its
    ``metrics.jsonl``, up to a line a crash cut short.

    Raises:
        ProjectError: the checkpoint cannot be read.
    """
    keep = checkpoint_lines(run_dir)
    metrics = Path(run_dir) / "metrics.jsonl"
    if not metrics.exists():
        return []
    lines = read_text(metrics, run_dir, MAX_METRICS_BYTES).splitlines()[:keep]
    events = []
    for line in lines:
        try:
            event = json.loads(line)
        except (ValueError, RecursionError):
            break
        if not isinstance(event, dict):
            break
        events.append(event)
    return events


def has_checkpoint(run_dir: Path | None) -> bool:
    """Whether ``run_dir`` holds a checkpoint a run can resume from."""
    return run_dir is not None and (Path(run_dir) / CHECKPOINT_DIR / META_FILE).is_file()


def read_checkpoint(run_dir: Path) -> Checkpoint | None:
    """The checkpoint in ``run_dir``, or ``None`` when there is none.

    Raises:
        ProjectError: the checkpoint exists but cannot be read.
    """
    if not has_checkpoint(run_dir):
        return None
    meta = read_meta(run_dir)
    folder = checkpoint_folder(run_dir)
    file = check_tensor_file(folder / meta["tensors"], folder)
    try:
        tensors = load_file(str(file))
    except Exception as exc:  # OSError, safetensors' own error, a header that lies
        raise ProjectError(f"{folder}: the checkpoint cannot be read ({exc}).") from None
    return Checkpoint(tensors, meta)


def remove_checkpoint(run_dir: Path) -> None:
    """Delete ``run_dir/checkpoint/`` once a run has finished for good: only the files the
    studio writes there, never through a symlink.

    Raises:
        ProjectError: the checkpoint folder leads outside ``run_dir``.
    """
    folder = checkpoint_folder(run_dir)
    if not folder.is_dir():
        return
    # the JSON goes first: a kill part-way must not leave it naming a deleted tensor file
    (folder / META_FILE).unlink(missing_ok=True)
    for child in folder.iterdir():  # only what the studio writes there; anything else stays
        if TENSORS_NAME.fullmatch(child.name) or (child.name.startswith(".") and child.name.endswith(".tmp")):
            child.unlink(missing_ok=True)
    if not any(folder.iterdir()):
        folder.rmdir()
