"""When the device runs out of memory while training: free it, and say what to change."""

from __future__ import annotations

import gc
from pathlib import Path

import torch

from studio.core.errors import ProjectError
from studio.core.messages import Message, message
from studio.core.training.checkpoint import has_checkpoint, read_meta
from studio.core.training.device import device_info

# torch 2.x raises torch.OutOfMemoryError (CUDA, and MPS in recent releases); older
# releases had only torch.cuda.OutOfMemoryError, the same class where both exist
OUT_OF_MEMORY = getattr(torch, "OutOfMemoryError", None) or torch.cuda.OutOfMemoryError


def release_device_memory() -> None:
    """Hand the memory of freed tensors back to the driver, so that other programs and
    the next run can use it. Call it once no tensor of the failed work is referenced."""
    gc.collect()  # tensors held by reference cycles (frames of the failed loop) go now
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


ACCELERATOR = {"cuda": "CUDA", "mps": "Apple MPS"}


def out_of_memory_message(device: torch.device, batch_size: int, max_len: int,
                          run_dir: Path | None = None) -> Message:
    """What to tell the user when training ran out of device memory: the current
    ``batch_size`` and ``max_len`` to lower, and the checkpoint kept in ``run_dir``.
    The device is a nested message and, for the GUI, its ``kind``, ``name`` and
    ``threads``."""
    info = device_info(device)
    params = dict(accelerator=ACCELERATOR.get(device.type, device.type.upper()), device=info.message(),
                  kind=info.kind, name=info.name, threads=info.threads, batch_size=batch_size, max_len=max_len)
    meta = _checkpoint_meta(run_dir) if run_dir is not None else None
    if meta is None:
        return message("training.out_of_memory", **params)
    epoch, step = meta.get("epoch"), meta.get("step")
    if meta.get("batches_done") == 0 and isinstance(epoch, int) and epoch > 1:
        where = message("training.checkpoint_after_epoch", epoch=epoch - 1, step=step)
    else:
        where = message("training.checkpoint_in_epoch", epoch=epoch, step=step)
    return message("training.out_of_memory_kept", checkpoint=where, **params)


def _checkpoint_meta(run_dir: Path) -> dict | None:
    try:
        return read_meta(run_dir) if has_checkpoint(run_dir) else None
    except ProjectError:
        return None
