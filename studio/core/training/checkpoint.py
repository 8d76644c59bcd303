"""Training checkpoints without pickle: tensors in safetensors, the rest in JSON.

``run_dir/checkpoint/`` holds ``checkpoint.json`` and the ``state-<n>.safetensors`` file
it names (the name must match :data:`TENSORS_NAME`: a crafted ``checkpoint.json`` cannot
name a path elsewhere, and the folder must lie inside the run folder, symlinks
followed). The tensors file is written first under a new name and the JSON (written
atomically) is the commit point, so a process killed at any moment leaves a
consistent pair: the old one or the new one. Older tensor files are removed after.

This module owns that subfolder only; the rest of the run folder (settings,
vocabulary, labels, weights, ``metrics.jsonl``) is :mod:`studio.core.project_runs`'.

Tensor keys: ``model.<name>`` (current weights), ``best.<name>`` (best-on-validation
weights), ``optim.<i>.<param index>.<state key>`` (optimizer ``i``'s per-parameter
state), ``rng.torch`` / ``rng.cuda`` / ``rng.batch_order`` (uint8 RNG states), and with
weight averaging ``ema.module.<name>`` / ``ema.n_averaged`` (the averaged model's state,
added by the Trainer).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_write_bytes, atomic_write_json
from studio.core.messages import message
from studio.core.safe_files import MAX_SMALL_JSON_BYTES, check_tensor_file, inside, read_json

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


def training_tensors(model_state: dict[str, torch.Tensor], best_state: dict[str, torch.Tensor],
                     optimizers: list[torch.optim.Optimizer], batch_order: torch.Tensor,
                     device: torch.device) -> tuple[dict[str, torch.Tensor], list[dict[str, Any]]]:
    """The tensors of a training checkpoint under the keys above (CPU ``model_state``,
    ``best_state``, every optimizer's state, the torch, CUDA and batch-order RNG states)
    and each optimizer's JSON-able rest, for the checkpoint's ``optimizers`` field."""
    tensors = {f"model.{k}": v for k, v in model_state.items()}
    tensors.update({f"best.{k}": v.contiguous() for k, v in best_state.items()})
    rests = []
    for i, optimizer in enumerate(optimizers):
        flat, rest = flatten_optimizer(optimizer.state_dict(), f"optim.{i}")
        tensors.update(flat)
        rests.append(rest)
    tensors["rng.torch"] = torch.get_rng_state()
    tensors["rng.batch_order"] = batch_order
    if device.type == "cuda":
        tensors["rng.cuda"] = torch.cuda.get_rng_state(device)
    return tensors, rests


def restore_training(checkpoint: Checkpoint, model: torch.nn.Module, optimizers: list[torch.optim.Optimizer],
                     schedulers: list[Any], generator: torch.Generator,
                     device: torch.device) -> dict[str, torch.Tensor]:
    """Put :func:`training_tensors`' state back: the model's weights, the optimizers and
    schedulers, the batch-order generator and torch's RNG (CUDA's too on a GPU).
    Returns the best weights so far (CPU).

    Raises:
        RuntimeError, KeyError, IndexError, ValueError, TypeError, AttributeError: the
            checkpoint does not fit the model, or a field has the wrong kind.
    """
    model.load_state_dict(checkpoint.prefixed("model"))
    meta = checkpoint.meta
    for i, (optimizer, scheduler) in enumerate(zip(optimizers, schedulers, strict=True)):
        optimizer.load_state_dict(unflatten_optimizer(checkpoint.prefixed(f"optim.{i}"), meta["optimizers"][i]))
        scheduler.load_state_dict(meta["schedulers"][i])
    generator.set_state(checkpoint.tensors["rng.batch_order"])
    torch.set_rng_state(checkpoint.tensors["rng.torch"])
    if device.type == "cuda" and "rng.cuda" in checkpoint.tensors:
        torch.cuda.set_rng_state(checkpoint.tensors["rng.cuda"], device)
    return checkpoint.prefixed("best")


def checkpoint_folder(run_dir: Path) -> Path:
    """``run_dir/checkpoint``, checked to lie inside ``run_dir`` (a symlink out of it,
    planted in a project someone sent, would make the studio write or delete there).

    Raises:
        ProjectError: the folder leads outside the run folder.
    """
    return inside(Path(run_dir) / CHECKPOINT_DIR, run_dir, message("checkpoint.folder", folder=run_dir))


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
        raise ProjectError("checkpoint.not_object", file=file)
    if meta.get("format") != FORMAT:
        raise ProjectError("checkpoint.unknown_format", file=file, format=repr(meta.get("format")))
    tensors = meta.get("tensors")
    if not isinstance(tensors, str) or not TENSORS_NAME.fullmatch(tensors):
        raise ProjectError("checkpoint.bad_tensors", file=file, value=repr(str(tensors)[:80]))
    lines = meta.get("lines")
    if not isinstance(lines, int) or isinstance(lines, bool) or lines < 0:
        raise ProjectError("checkpoint.bad_lines", file=file, value=repr(str(lines)[:80]))
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


def checkpoint_lines(run_dir: Path) -> int:
    """How many ``metrics.jsonl`` lines the checkpoint of ``run_dir`` keeps (0 without one),
    read from its small JSON file only.

    Raises:
        ProjectError: the checkpoint's JSON cannot be read.
    """
    if not has_checkpoint(run_dir):
        return 0
    return read_meta(run_dir)["lines"]


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
        raise ProjectError("checkpoint.unreadable", folder=folder, reason=str(exc)) from None
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
