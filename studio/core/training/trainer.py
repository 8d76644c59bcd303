"""The training loop: Adam on cross-entropy over encoded tensors.

Plain Python on any thread: it checks a stop ``threading.Event`` (and a pause one)
between batches and reports through the typed events of :mod:`events`. The hot loop
touches only tensors; per-batch numbers stay on the device until an event is due.

Given a run folder, the loop streams its events to ``metrics.jsonl`` and keeps a
checkpoint (:mod:`checkpoint`) from which :meth:`Trainer.fit` with ``resume=True``
continues at the exact batch, with the same batch order and random state.
"""

from __future__ import annotations

import gc
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from studio.core.data.prepare import EncodedSplit
from studio.core.errors import ProjectError, TrainingError
from studio.core.fileio import atomic_write_text
from studio.core.models.registry import count_parameters
from studio.core.safe_files import MAX_METRICS_BYTES, read_text
from studio.core.training.checkpoint import (
    Checkpoint,
    flatten_optimizer,
    has_checkpoint,
    read_checkpoint,
    read_meta,
    remove_checkpoint,
    write_weights,
    unflatten_optimizer,
    write_checkpoint,
)
from studio.core.training.config import TrainingConfig
from studio.core.training.device import choose_device, describe_device
from studio.core.training.events import BatchEnd, EpochEnd, Event, RunFinished, RunStarted, event_to_dict
from studio.core.training.metrics import classification_report
from studio.core.training.optim import ModelOptimizer
from studio.core.training.schedule import balanced_class_weights, clip_gradients, make_schedulers

Callback = Callable[[Event], None]
EMIT_EVERY_S = 0.1
EVAL_BATCH = 1024
# torch 2.x raises torch.OutOfMemoryError (CUDA, and MPS in recent releases); older
# releases had only torch.cuda.OutOfMemoryError, the same class where both exist
OUT_OF_MEMORY = getattr(torch, "OutOfMemoryError", None) or torch.cuda.OutOfMemoryError


@dataclass
class FitResult:
    status: str
    best_epoch: int
    best_state: dict[str, torch.Tensor]
    test: dict | None = None
    epochs: list[dict[str, float]] = field(default_factory=list)


@torch.no_grad()
def predict_logits(model: nn.Module, split: EncodedSplit, device: torch.device,
                   batch_size: int = EVAL_BATCH) -> torch.Tensor:
    """Logits ``(N, C)`` on the CPU for every row of ``split``, in eval mode."""
    was_training = model.training
    model.eval()
    outputs = []
    for start in range(0, len(split), batch_size):
        ids = split.ids[start:start + batch_size].to(device, non_blocking=True)
        lengths = split.lengths[start:start + batch_size].to(device, non_blocking=True)
        outputs.append(model(ids, lengths).float().cpu())
    model.train(was_training)
    if not outputs:
        return torch.empty(0, 0)
    return torch.cat(outputs)


def evaluate(model: nn.Module, split: EncodedSplit, label_names: list[str],
             device: torch.device) -> dict:
    """Loss, accuracy, macro-F1 and per-class scores of ``model`` on ``split``."""
    logits = predict_logits(model, split, device)
    report = classification_report(split.labels.numpy(), logits.argmax(1).numpy(), label_names)
    report["loss"] = float(F.cross_entropy(logits, split.labels))
    return report


class EventLog:
    """Appends events to ``metrics.jsonl`` as they happen, one JSON line each, flushed.

    ``keep`` lines of an existing file are kept (the rest cut off, atomically); with
    ``keep=0`` the file starts empty. ``lines`` counts the lines the file holds.

    Raises:
        ProjectError: the file holds fewer than ``keep`` lines.
        OSError: the file cannot be written.
    """

    def __init__(self, path: Path, keep: int = 0):
        path.parent.mkdir(parents=True, exist_ok=True)
        kept: list[str] = []
        if keep:
            kept = read_text(path, path.parent, MAX_METRICS_BYTES).splitlines(keepends=True)[:keep]
            if len(kept) < keep or not kept[-1].endswith("\n"):
                raise ProjectError(f"{path}: holds fewer than the {keep} lines the checkpoint recorded.")
        atomic_write_text(path, "".join(kept))
        self.lines = len(kept)
        self._handle = open(path, "a", encoding="utf-8")

    def write(self, event: Event) -> None:
        self._handle.write(json.dumps(event_to_dict(event), ensure_ascii=False) + "\n")
        self._handle.flush()
        self.lines += 1

    def close(self) -> None:
        self._handle.close()


class Trainer:
    """Fits a classifier with Adam (SparseAdam for sparse tables), validating every epoch.

    Keeps the weights of the epoch with the best validation accuracy, stops early
    after ``patience`` epochs without improvement, and evaluates the test split with
    those weights at the end. The learning rate follows ``lr_schedule`` after
    ``warmup_steps`` (:func:`~studio.core.training.schedule.lr_factor`), per step.
    """

    def __init__(self, config: TrainingConfig | None = None):
        self.config = config or TrainingConfig()
        self.device = choose_device(self.config.device)

    def fit(
        self,
        model: nn.Module,
        train: EncodedSplit,
        validation: EncodedSplit,
        label_names: Sequence[str],
        test: EncodedSplit | None = None,
        callbacks: Sequence[Callback] = (),
        stop_event: threading.Event | None = None,
        pause_event: threading.Event | None = None,
        run_dir: str | os.PathLike | None = None,
        resume: bool = False,
    ) -> FitResult:
        """Train ``model`` in place; its weights end as the best-on-validation ones.

        Args:
            model: ``forward(ids (B, L), lengths (B,)) -> logits (B, C)``.
            train, validation, test: encoded splits; ``test`` is scored at the end.
            label_names: ``C`` class names for the per-class report.
            callbacks: called with every event, on this thread.
            stop_event: set it to stop after the current batch (status ``stopped``).
            pause_event: while set, the loop waits between batches.
            run_dir: when given, every event is appended to ``run_dir/metrics.jsonl``
                as it happens and ``run_dir/checkpoint/`` is rewritten at the end of
                every epoch, every ``checkpoint_every_s`` seconds within one, and when
                stopped. The checkpoint is removed once the run completes or stops
                early; a stopped run keeps it so that it can be resumed.
            resume: continue from ``run_dir``'s checkpoint: ``metrics.jsonl`` is cut
                to the lines the checkpoint recorded, the weights, optimizer,
                schedule and random states are restored, and training goes on with
                the next batch of the same batch order. ``RunStarted`` then goes to
                the callbacks only (the file already has it). The data, model and
                config must be those of the checkpointed run.

        Raises:
            ValueError: ``resume`` without ``run_dir``.
            ProjectError: no readable checkpoint in ``run_dir``, or one that does not
                fit this model or data.
            TrainingError: the device ran out of memory (``torch.OutOfMemoryError``).
                ``run_dir`` keeps its last checkpoint, so the run stays resumable
                (:func:`~studio.core.training.checkpoint.has_checkpoint`), the model is
                moved back to the CPU and the CUDA cache is emptied.
        """
        checkpoint = None
        if run_dir is not None:
            run_dir = Path(run_dir)
        if resume:
            if run_dir is None:
                raise ValueError("resume=True needs the run_dir holding the checkpoint")
            checkpoint = read_checkpoint(run_dir)
            if checkpoint is None:
                raise ProjectError(f"{run_dir}: no checkpoint to resume from (the run finished "
                                   "or never reached one).")
        log = EventLog(run_dir / "metrics.jsonl", checkpoint.meta["lines"] if checkpoint else 0) \
            if run_dir is not None else None
        try:
            try:
                return self._fit(model, train, validation, list(label_names), test, callbacks,
                                 stop_event or threading.Event(), pause_event or threading.Event(),
                                 run_dir, log, checkpoint)
            except OUT_OF_MEMORY:
                pass  # handled below: the traceback holds the loop's tensors until this block ends
            model.to("cpu")
            release_device_memory()
            raise TrainingError(out_of_memory_message(
                self.device, self.config.batch_size, int(train.ids.shape[1]), run_dir))
        finally:
            if log is not None:
                log.close()

    def _fit(self, model: nn.Module, train: EncodedSplit, validation: EncodedSplit,
             label_names: list[str], test: EncodedSplit | None, callbacks: Sequence[Callback],
             stop_event: threading.Event, pause_event: threading.Event, run_dir: Path | None,
             log: EventLog | None, checkpoint: Checkpoint | None) -> FitResult:
        cfg, device = self.config, self.device

        def emit(event: Event, persist: bool = True) -> None:
            if log is not None and persist:
                log.write(event)
            for callback in callbacks:
                callback(event)

        torch.manual_seed(cfg.seed)
        generator = torch.Generator().manual_seed(cfg.seed)
        model.to(device).train()
        optimizer = ModelOptimizer(model, cfg.lr, cfg.weight_decay)
        ids, lengths, labels = (t.to(device) for t in (train.ids, train.lengths, train.labels))
        n = len(train)
        steps_per_epoch = max(1, -(-n // cfg.batch_size))
        schedulers = make_schedulers(optimizer.optimizers, cfg, steps_per_epoch)
        weight = (balanced_class_weights(train.labels, len(label_names)).to(device)
                  if cfg.class_weights == "balanced" else None)
        trainable = [p for p in model.parameters() if p.requires_grad]

        best_acc, best_epoch, stale, step, status = -1.0, 0, 0, 0, "completed"
        first_epoch, skip, finished_as = 1, 0, None
        carried: dict[str, Any] = {"epoch_loss": 0.0, "epoch_correct": 0, "epoch_seconds": 0.0}
        history: list[dict[str, float]] = []
        if checkpoint is not None:
            meta = checkpoint.meta
            if meta.get("num_train") != n or meta.get("steps_per_epoch") != steps_per_epoch:
                raise ProjectError(f"{run_dir}: the checkpoint was taken on {meta.get('num_train')} "
                                   f"training rows; the data now has {n}.")
            try:
                model.load_state_dict(checkpoint.prefixed("model"))
                best_state = checkpoint.prefixed("best")
                for i, (opt, scheduler) in enumerate(zip(optimizer.optimizers, schedulers)):
                    opt.load_state_dict(unflatten_optimizer(checkpoint.prefixed(f"optim.{i}"),
                                                            meta["optimizers"][i]))
                    scheduler.load_state_dict(meta["schedulers"][i])
                generator.set_state(checkpoint.tensors["rng.batch_order"])
                torch.set_rng_state(checkpoint.tensors["rng.torch"])
                if device.type == "cuda" and "rng.cuda" in checkpoint.tensors:
                    torch.cuda.set_rng_state(checkpoint.tensors["rng.cuda"], device)
                first_epoch, skip, step = int(meta["epoch"]), int(meta["batches_done"]), int(meta["step"])
                best_acc, best_epoch, stale = float(meta["best_acc"]), int(meta["best_epoch"]), int(meta["stale"])
                history, finished_as = list(meta["history"]), meta["finished_as"]
                carried = {k: meta[k] for k in carried}
            except (RuntimeError, KeyError, IndexError, ValueError, TypeError, AttributeError) as exc:
                # a damaged or crafted checkpoint.json: any field of the wrong kind
                raise ProjectError(f"{run_dir}: the checkpoint does not fit this model ({exc}).") from None
        else:
            best_state = _cpu_state(model)
        emit(RunStarted(getattr(getattr(model, "config", None), "type", type(model).__name__),
                        describe_device(device), n, len(validation), cfg.epochs,
                        steps_per_epoch, count_parameters(model)), persist=checkpoint is None)

        def save_checkpoint(epoch: int, batches_done: int, order_state: torch.Tensor,
                            epoch_loss: float, epoch_correct: int, epoch_seconds: float,
                            finished: str | None = None) -> None:
            tensors = {f"model.{k}": v for k, v in _cpu_state(model).items()}
            tensors.update({f"best.{k}": v.contiguous() for k, v in best_state.items()})
            optimizers = []
            for i, opt in enumerate(optimizer.optimizers):
                flat, rest = flatten_optimizer(opt.state_dict(), f"optim.{i}")
                tensors.update(flat)
                optimizers.append(rest)
            tensors["rng.torch"] = torch.get_rng_state()
            tensors["rng.batch_order"] = order_state
            if device.type == "cuda":
                tensors["rng.cuda"] = torch.cuda.get_rng_state(device)
            write_checkpoint(run_dir, tensors, {
                "epoch": epoch, "batches_done": batches_done, "step": step,
                "num_train": n, "steps_per_epoch": steps_per_epoch,
                "best_acc": best_acc, "best_epoch": best_epoch, "stale": stale,
                "history": history, "finished_as": finished, "lines": log.lines,
                "epoch_loss": epoch_loss, "epoch_correct": epoch_correct,
                "epoch_seconds": epoch_seconds,
                "optimizers": optimizers, "schedulers": [s.state_dict() for s in schedulers],
            })

        if finished_as is not None:  # killed after the last epoch's checkpoint
            status, epochs = finished_as, range(0)
        else:
            epochs = range(first_epoch, cfg.epochs + 1)
        checkpoint_clock = time.monotonic()
        for epoch in epochs:
            order_state = generator.get_state()
            order = torch.randperm(n, generator=generator).to(device)
            resumed = checkpoint is not None and epoch == first_epoch
            batches_done = skip if resumed else 0
            epoch_loss = torch.tensor(carried["epoch_loss"] if resumed else 0.0, device=device)
            epoch_correct = torch.tensor(carried["epoch_correct"] if resumed else 0, device=device,
                                         dtype=torch.long)
            seconds_before = carried["epoch_seconds"] if resumed else 0.0
            window_loss = torch.zeros((), device=device)
            window_steps, window_samples = 0, 0
            window_start = epoch_start = time.perf_counter()
            lr = optimizer.optimizers[0].param_groups[0]["lr"] if optimizer.optimizers else cfg.lr

            def flush_window(now: float) -> None:
                nonlocal window_steps, window_samples, window_start
                emit(BatchEnd(epoch, step, float(window_loss) / window_steps, lr,
                              window_samples / max(now - window_start, 1e-9)))
                window_loss.zero_()
                window_steps, window_samples, window_start = 0, 0, now

            for start in range(batches_done * cfg.batch_size, n, cfg.batch_size):
                if pause_event.is_set():
                    paused_at = time.perf_counter()
                    while pause_event.is_set() and not stop_event.is_set():
                        stop_event.wait(0.05)
                    resumed_after = time.perf_counter() - paused_at
                    window_start += resumed_after
                    epoch_start += resumed_after
                if stop_event.is_set():
                    status = "stopped"
                    break
                index = order[start:start + cfg.batch_size]
                y = labels[index]
                logits = model(ids[index], lengths[index])
                loss = F.cross_entropy(logits, y, weight=weight, label_smoothing=cfg.label_smoothing)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                if cfg.grad_clip > 0:
                    clip_gradients(trainable, cfg.grad_clip)
                if optimizer.optimizers:
                    lr = optimizer.optimizers[0].param_groups[0]["lr"]  # the rate of this step
                optimizer.step()
                for scheduler in schedulers:
                    scheduler.step()

                step += 1
                batches_done += 1
                detached = loss.detach()
                window_loss += detached
                epoch_loss += detached * len(index)
                epoch_correct += (logits.detach().argmax(1) == y).sum()
                window_steps += 1
                window_samples += len(index)
                now = time.perf_counter()
                last = start + cfg.batch_size >= n
                due = (run_dir is not None and not last
                       and time.monotonic() - checkpoint_clock >= cfg.checkpoint_every_s)
                if now - window_start >= EMIT_EVERY_S or last or due:
                    flush_window(now)
                if due:
                    save_checkpoint(epoch, batches_done, order_state, float(epoch_loss),
                                    int(epoch_correct), seconds_before + now - epoch_start)
                    checkpoint_clock = time.monotonic()
            if status == "stopped" and run_dir is not None:
                now = time.perf_counter()
                if window_steps:
                    flush_window(now)
                save_checkpoint(epoch, batches_done, order_state, float(epoch_loss),
                                int(epoch_correct), seconds_before + now - epoch_start)
            seen = min(n, batches_done * cfg.batch_size)
            if seen == 0:
                break
            metrics = {
                "train_loss": float(epoch_loss) / max(1, seen),
                "train_accuracy": float(epoch_correct) / max(1, seen),
                "seconds": seconds_before + time.perf_counter() - epoch_start,
            }
            if len(validation):
                val = evaluate(model, validation, label_names, device)
                metrics.update(val_loss=val["loss"], val_accuracy=val["accuracy"],
                               val_macro_f1=val["macro_f1"])
            history.append(metrics)
            emit(EpochEnd(epoch, metrics))
            score = metrics.get("val_accuracy", metrics["train_accuracy"])
            if score > best_acc:
                best_acc, best_epoch, stale = score, epoch, 0
                best_state = _cpu_state(model)
            else:
                stale += 1
            if status == "stopped":
                break
            if cfg.patience and stale >= cfg.patience and epoch < cfg.epochs:
                status = "early_stopped"
            if run_dir is not None:
                finished = status if status == "early_stopped" or epoch == cfg.epochs else None
                save_checkpoint(epoch + 1, 0, generator.get_state(), 0.0, 0, 0.0, finished)
                checkpoint_clock = time.monotonic()
            if status == "early_stopped":
                break

        model.load_state_dict(best_state)
        test_report = evaluate(model, test, label_names, device) if test is not None and len(test) else None
        emit(RunFinished(status, best_epoch, test_report))
        if run_dir is not None:
            # the best weights go to disk before the checkpoint goes: a kill in between
            # must leave one or the other
            write_weights(run_dir, best_state)
            if status != "stopped":
                remove_checkpoint(run_dir)
        return FitResult(status, best_epoch, best_state, test_report, history)


def release_device_memory() -> None:
    """Hand the memory of freed tensors back to the driver, so that other programs and
    the next run can use it. Call it once no tensor of the failed work is referenced."""
    gc.collect()  # tensors held by reference cycles (frames of the failed loop) go now
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def out_of_memory_message(device: torch.device, batch_size: int, max_len: int,
                          run_dir: Path | None = None) -> str:
    """What to tell the user when training ran out of device memory: the current
    ``batch_size`` and ``max_len`` to lower, and the checkpoint kept in ``run_dir``."""
    what = {"cuda": "CUDA", "mps": "Apple MPS"}.get(device.type, device.type.upper())
    text = (f"{what} ran out of memory while training ({describe_device(device)}). "
            f"Train again with a smaller batch_size (now {batch_size}) or max_len "
            f"(now {max_len}), or a smaller model.")
    meta = _checkpoint_meta(run_dir) if run_dir is not None else None
    if meta is not None:
        epoch, step = meta.get("epoch"), meta.get("step")
        where = (f"end of epoch {epoch - 1}, step {step}"
                 if meta.get("batches_done") == 0 and isinstance(epoch, int) and epoch > 1
                 else f"epoch {epoch}, step {step}")
        text += (f" The run's last checkpoint ({where}) is kept; resume it once other "
                 "programs have freed device memory.")
    return text


def _checkpoint_meta(run_dir: Path) -> dict | None:
    try:
        return read_meta(run_dir) if has_checkpoint(run_dir) else None
    except ProjectError:
        return None


def _cpu_state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
