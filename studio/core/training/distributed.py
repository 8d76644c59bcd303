"""Training on several processes: ``torchrun`` launches them, PyTorch's
``DistributedDataParallel`` (Li et al., VLDB 2020) averages their gradients.

The rule the Trainer follows (and the README's "Scale out" states): ``batch_size`` is the
**global** batch. Every process draws the same batch order from the run's seed (length
buckets included), and each global batch is dealt out row by row, process ``r`` taking
rows ``r, r + N, r + 2N, ...`` of it, so N processes step through exactly the batches one
process would, with the same learning rate. That is what a ``DistributedSampler`` does
for plain batches, done after batching so that batches by length stay intact, and it
makes a checkpoint mean the same thing whatever the number of processes: a run started
on 4 processes resumes on 1 and the other way round.

Validation and test scores are computed over the whole split: each process scores its
share of the rows and the logits are gathered (``all_gather``) before any metric. Only
process 0 (``rank`` 0) writes anything.

Backends: gloo on the CPU, NCCL on CUDA (one GPU per process, ``LOCAL_RANK``).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import torch
import torch.distributed as dist

from studio.core.data.prepare import EncodedSplit

ENV_KEYS = ("RANK", "WORLD_SIZE", "LOCAL_RANK")  # set by torchrun for every process it starts


@dataclass(frozen=True)
class Distributed:
    """Where this process stands among the ``world_size`` that train together."""

    rank: int
    world_size: int
    local_rank: int = 0
    local_world_size: int = 1

    @property
    def is_main(self) -> bool:
        """Process 0: the one that writes the run, its checkpoints and the project."""
        return self.rank == 0


def from_environment(environ: dict[str, str] | None = None) -> Distributed | None:
    """The process's place as ``torchrun`` describes it (``RANK``, ``WORLD_SIZE``,
    ``LOCAL_RANK``, ``LOCAL_WORLD_SIZE``), or None outside torchrun or with one process."""
    environ = os.environ if environ is None else environ
    if not all(key in environ for key in ENV_KEYS):
        return None
    world = int(environ["WORLD_SIZE"])
    if world < 2:
        return None
    return Distributed(int(environ["RANK"]), world, int(environ["LOCAL_RANK"]),
                       int(environ.get("LOCAL_WORLD_SIZE", world)))


def launch_id(environ: dict[str, str] | None = None) -> str | None:
    """torchrun's id of this launch (``TORCHELASTIC_RUN_ID``): the same for the processes
    it restarts after a failure, so they find the run they were training."""
    value = (os.environ if environ is None else environ).get("TORCHELASTIC_RUN_ID")
    return value or None


def join(place: Distributed, device: torch.device) -> torch.device:
    """Join the process group (gloo on the CPU, NCCL on CUDA) unless already joined, and
    return the device this process trains on (``cuda:LOCAL_RANK`` on CUDA)."""
    if device.type == "cuda":
        device = torch.device("cuda", place.local_rank)
        torch.cuda.set_device(device)
    if not dist.is_initialized():
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo", rank=place.rank,
                                world_size=place.world_size, store=_attempt_store(place))
    return device


def _attempt_store(place: Distributed, environ: dict[str, str] | None = None) -> dist.Store | None:
    """The key-value store of this attempt, or None for torch's default (``env://``).

    torchrun's agent keeps one store for all attempts and its processes join it without a
    prefix of their own, so after a restart the new processes read the addresses the dead
    ones published and fail to connect (torch 2.13, gloo). A prefix per attempt
    (``TORCHELASTIC_RESTART_COUNT``) keeps each attempt's keys apart."""
    environ = os.environ if environ is None else environ
    if environ.get("TORCHELASTIC_USE_AGENT_STORE") != "True":
        return None
    store = dist.TCPStore(environ["MASTER_ADDR"], int(environ["MASTER_PORT"]), place.world_size,
                          is_master=False, timeout=timedelta(minutes=30))
    return dist.PrefixStore(f"studio/attempt-{environ.get('TORCHELASTIC_RESTART_COUNT', '0')}", store)


def leave() -> None:
    """Leave the process group (at the end of a run, so that the processes exit cleanly).

    Then collect the garbage: gloo's worker threads may still hold work whose tensors are
    referenced from Python objects in reference cycles, and freeing those during the
    interpreter's shutdown takes the GIL from a gloo thread and aborts the process (SIGABRT,
    "terminate called without an active exception", seen once in a rank 1 of the tests).
    """
    if dist.is_initialized():
        dist.destroy_process_group()
    gc.collect()


def share(index: torch.Tensor, place: Distributed) -> torch.Tensor:
    """This process's rows of a global batch ``index (B,)``: every ``world_size``-th from
    ``rank`` (empty when ``B <= rank``)."""
    return index[place.rank::place.world_size]


def all_sum(tensor: torch.Tensor) -> torch.Tensor:
    """``tensor`` summed over all processes (in place, also returned)."""
    dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
    return tensor


def broadcast_object(value, place: Distributed):
    """Process 0's ``value`` on every process (a small picklable object: a folder name)."""
    box = [value if place.is_main else None]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def gathered_logits(predict: Callable[[EncodedSplit], torch.Tensor], split: EncodedSplit,
                    num_classes: int, place: Distributed, device: torch.device) -> torch.Tensor:
    """Logits ``(N, num_classes)`` on the CPU for every row of ``split``, each process
    scoring rows ``rank, rank + world_size, ...`` with ``predict`` and the shares gathered,
    so every process holds the whole split's logits in the split's order."""
    n, world = len(split), place.world_size
    rows = torch.arange(place.rank, n, world)
    local = torch.zeros(-(-n // world), num_classes)
    if len(rows):
        local[:len(rows)] = predict(EncodedSplit(split.ids[rows], split.lengths[rows], split.labels[rows]))
    on = device if device.type == "cuda" else torch.device("cpu")  # NCCL gathers CUDA tensors only
    shares = [torch.empty_like(local, device=on) for _ in range(world)]
    dist.all_gather(shares, local.to(on))
    logits = torch.empty(n, num_classes)
    for rank, part in enumerate(shares):
        count = len(range(rank, n, world))
        logits[rank::world] = part[:count].cpu()
    return logits
