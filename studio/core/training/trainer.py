"""The training loop: Adam on cross-entropy over encoded tensors.

Plain Python on any thread: between batches it checks its
:class:`~studio.core.report.Reporter` for stop (and waits while paused), and it
reports the typed events of :mod:`events` (and the fraction of steps done) through it.
The hot loop touches only tensors; per-batch numbers stay on the device until an event
is due.

Given a run folder, the loop streams its events to ``metrics.jsonl``
(:class:`~studio.core.run_files.EventLog`) and keeps a checkpoint (:mod:`checkpoint`)
from which :meth:`Trainer.fit` with ``resume=True`` continues at the exact batch, with
the same batch order and random state.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn

from studio.core.data.prepare import EncodedSplit
from studio.core.errors import ProjectError, TrainingError
from studio.core.models.registry import count_parameters
from studio.core.report import Reporter
from studio.core.run_files import EventLog, write_weights
from studio.core.training.batching import epoch_order, row_lengths, swap_sides
from studio.core.training.checkpoint import (
    Checkpoint,
    read_checkpoint,
    remove_checkpoint,
    restore_training,
    training_tensors,
    write_checkpoint,
)
from studio.core.training.config import TrainingConfig
from studio.core.training.device import autocast_dtype, choose_device, device_info
from studio.core.training.distributed import Distributed, all_sum, gathered_logits, join, launch_id, share
from studio.core.training.events import BatchEnd, EpochEnd, Event, RunFinished, RunStarted
from studio.core.training.losses import training_loss
from studio.core.training.memory import OUT_OF_MEMORY, out_of_memory_message, release_device_memory
from studio.core.training.metrics import Predict, evaluate, evaluate_binary, predict_logits
from studio.core.training.optim import ModelOptimizer
from studio.core.training.schedule import balanced_class_weights, clip_gradients, make_schedulers
from studio.core.training.threads import fit_threads

EMIT_EVERY_S = 0.1


@dataclass
class FitResult:
    """How a fit ended: ``epochs`` holds each epoch's metrics, ``events`` every event
    this fit reported (a resumed fit: the new ones, ``RunStarted`` included)."""

    status: str
    best_epoch: int
    best_state: dict[str, torch.Tensor]
    test: dict | None = None
    epochs: list[dict[str, float]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class _Loop:
    """One fit: its tools, and where it stands (what a checkpoint saves and a resume
    restores)."""

    model: nn.Module
    optimizer: ModelOptimizer
    schedulers: list[Any]
    generator: torch.Generator  # draws each epoch's batch order
    ids: torch.Tensor
    lengths: torch.Tensor
    labels: torch.Tensor
    row_lengths: torch.Tensor | None  # (N,) on the CPU, when batches are drawn by length
    weight: torch.Tensor | None  # class weights of the loss
    trainable: list[nn.Parameter]
    steps_per_epoch: int
    report: Reporter
    log: EventLog | None
    run_dir: Path | None
    best_state: dict[str, torch.Tensor] = field(default_factory=dict)
    averaged: AveragedModel | None = None  # the EMA of the weights (ema_decay > 0)
    forward: nn.Module | None = None  # what a training step calls: the model, or its DDP wrapper
    events: list[Event] = field(default_factory=list)
    resumed: bool = False
    first_epoch: int = 1
    skip: int = 0  # batches of the first epoch done before the resume
    carried: dict[str, Any] = field(default_factory=lambda: {"epoch_loss": 0.0, "epoch_correct": 0,
                                                              "epoch_seconds": 0.0})
    step: int = 0
    best_acc: float = -1.0
    best_epoch: int = 0
    stale: int = 0  # epochs since the best one
    history: list[dict[str, float]] = field(default_factory=list)
    finished_as: str | None = None  # a resumed run that was killed after its last checkpoint
    status: str = "completed"
    checkpoint_clock: float = 0.0

    @property
    def num_train(self) -> int:
        return len(self.labels)

    @property
    def kept(self) -> nn.Module:
        """The weights validated, kept as the best and saved: the averaged ones with EMA."""
        return self.model if self.averaged is None else self.averaged.module

    def emit(self, event: Event, persist: bool = True) -> None:
        if self.log is not None and persist:
            self.log.write(event)
        self.events.append(event)
        self.report.event(event)


@dataclass
class _Epoch:
    """One epoch in progress: its batch order, the batches done, its running sums (on the
    device), and the window of steps the next ``BatchEnd`` reports."""

    number: int
    order_state: torch.Tensor  # the generator's state before this epoch's order was drawn
    order: torch.Tensor
    widths: list[int] | None  # how far each batch's ids reach (length_buckets), else None
    swapped: torch.Tensor | None  # (N,) bool on the device: pairs shown b, a this epoch (swap_pairs)
    batches_done: int
    loss: torch.Tensor  # summed over the examples seen
    correct: torch.Tensor
    seconds_before: float  # trained before a resume
    started: float  # perf_counter(), moved on by pauses
    lr: float
    window_loss: torch.Tensor
    window_steps: int = 0
    window_samples: int = 0
    window_start: float = 0.0

    def seconds(self, now: float) -> float:
        return self.seconds_before + now - self.started


class Trainer:
    """Fits a classifier with Adam (SparseAdam for sparse tables), validating every epoch.

    Keeps the weights of the epoch with the best validation accuracy, stops early
    after ``patience`` epochs without improvement, and evaluates the test split with
    those weights at the end. The learning rate follows ``lr_schedule`` after
    ``warmup_steps`` (:func:`~studio.core.training.schedule.lr_factor`), per step.
    """

    def __init__(self, config: TrainingConfig | None = None, distributed: Distributed | None = None):
        """``distributed``: this process's place among several that train together
        (:mod:`~studio.core.training.distributed`); it joins their process group here."""
        self.config = config or TrainingConfig()
        self.device = choose_device(self.config.device)
        self.distributed = distributed
        if distributed is not None:
            self.device = join(distributed, self.device)
        self.autocast = autocast_dtype(self.device, self.config.precision)

    def fit(
        self,
        model: nn.Module,
        train: EncodedSplit,
        validation: EncodedSplit,
        label_names: Sequence[str],
        test: EncodedSplit | None = None,
        report: Reporter | None = None,
        run_dir: str | os.PathLike | None = None,
        resume: bool = False,
        binary: bool = False,
    ) -> FitResult:
        """Train ``model`` in place; its weights end as the best-on-validation ones.

        Args:
            model: ``forward(ids (B, L), lengths (B,)) -> logits (B, C)``, or for a
                pair model ``ids (B, 2, L)``, ``lengths (B, 2)`` (as ``train`` holds them).
            train, validation, test: encoded splits; ``test`` is scored at the end.
            label_names: ``C`` class names for the per-class report.
            report: gets every event (on this thread) and the fraction of steps done;
                stopping it stops after the current batch (status ``stopped``), and
                while it is paused the loop waits between batches.
            run_dir: when given, every event is appended to ``run_dir/metrics.jsonl``
                as it happens and ``run_dir/checkpoint/`` is rewritten at the end of
                every epoch, every ``checkpoint_every_s`` seconds within one, and when
                stopped. The checkpoint is removed once the run completes or stops
                early; a stopped run keeps it so that it can be resumed.
            resume: continue from ``run_dir``'s checkpoint: ``metrics.jsonl`` is cut
                to the lines the checkpoint recorded, the weights, optimizer,
                schedule and random states are restored, and training goes on with
                the next batch of the same batch order. ``RunStarted`` then goes to
                ``report`` only (the file already has it). The data, model and
                config must be those of the checkpointed run.
            binary: a two-class task scored as one (sentence-pair matching): the test
                report gains ``"binary"``, :func:`~studio.core.training.pair_metrics.pair_report`
                at the threshold that maximises accuracy on ``validation``
                (:func:`~studio.core.training.pair_metrics.choose_threshold`).

        Raises:
            ValueError: ``resume`` without ``run_dir``.
            ProjectError: no readable checkpoint in ``run_dir``, or one that does not
                fit this model or data.
            TrainingError: the device ran out of memory (``torch.OutOfMemoryError``).
                ``run_dir`` keeps its last checkpoint, so the run stays resumable
                (:func:`~studio.core.training.checkpoint.has_checkpoint`), the model is
                moved back to the CPU and the CUDA cache is emptied.
        """
        report = report or Reporter()
        checkpoint = None
        if run_dir is not None:
            run_dir = Path(run_dir)
        if resume:
            if run_dir is None:
                raise ValueError("resume=True needs the run_dir holding the checkpoint")
            checkpoint = read_checkpoint(run_dir)
            if checkpoint is None:
                raise ProjectError("run.no_checkpoint", folder=run_dir)
        writes = self.distributed is None or self.distributed.is_main  # other processes only read
        log = (EventLog(run_dir, checkpoint.meta["lines"] if checkpoint else 0)
               if run_dir is not None and writes else None)
        try:
            try:
                return self._fit(model, train, validation, list(label_names), test, report,
                                 run_dir if writes else None, log, checkpoint, binary)
            except OUT_OF_MEMORY:
                pass  # handled below: the traceback holds the loop's tensors until this block ends
            model.to("cpu")
            release_device_memory()
            raise TrainingError(out_of_memory_message(
                self.device, self.config.batch_size, int(train.ids.shape[-1]), run_dir))
        finally:
            if log is not None:
                log.close()

    def _fit(self, model: nn.Module, train: EncodedSplit, validation: EncodedSplit,
             label_names: list[str], test: EncodedSplit | None, report: Reporter,
             run_dir: Path | None, log: EventLog | None, checkpoint: Checkpoint | None,
             binary: bool = False) -> FitResult:
        loop = self._start(model, train, label_names, report, run_dir, log)
        if checkpoint is not None:
            self._resume(loop, checkpoint)
        else:
            loop.best_state = _cpu_state(loop.kept)
        loop.emit(self._run_started(loop, len(validation)), persist=checkpoint is None)
        loop.checkpoint_clock = time.monotonic()
        epochs = range(loop.first_epoch, self.config.epochs + 1) if loop.finished_as is None else range(0)
        for number in epochs:
            epoch = self._train_epoch(loop, number)
            seen = min(loop.num_train, epoch.batches_done * self.config.batch_size)
            if seen == 0:
                break
            metrics = self._evaluate_epoch(loop, epoch, seen, validation, label_names)
            self._keep_best(loop, number, metrics)
            if loop.status == "stopped":
                break
            self._stop_early(loop, number)
            self._checkpoint_epoch_end(loop, number)
            if loop.status == "early_stopped":
                break
        return self._finish(loop, test, label_names, validation if binary else None)

    # ----- the steps of a fit ------------------------------------------------------------
    def _start(self, model: nn.Module, train: EncodedSplit, label_names: list[str], report: Reporter,
               run_dir: Path | None, log: EventLog | None) -> _Loop:
        """Seed, move the model and data to the device, make the optimizer and schedule."""
        cfg, device = self.config, self.device
        if device.type == "cpu":
            fit_threads()
        torch.manual_seed(cfg.seed)
        generator = torch.Generator().manual_seed(cfg.seed)
        model.to(device).train()
        # fp16 gradients underflow without loss scaling
        scaler = torch.amp.GradScaler(device.type) if self.autocast == torch.float16 else None
        optimizer = ModelOptimizer(model, cfg.lr, cfg.weight_decay, scaler)
        ids, lengths, labels = (t.to(device) for t in (train.ids, train.lengths, train.labels))
        steps_per_epoch = max(1, -(-len(train) // cfg.batch_size))
        schedulers = make_schedulers(optimizer.optimizers, cfg, steps_per_epoch)
        weight = (balanced_class_weights(train.labels, len(label_names)).to(device)
                  if cfg.class_weights == "balanced" else None)
        trainable = [p for p in model.parameters() if p.requires_grad]
        by_length = row_lengths(train.lengths).cpu() if cfg.length_buckets else None
        loop = _Loop(model, optimizer, schedulers, generator, ids, lengths, labels, by_length, weight, trainable,
                     steps_per_epoch, report, log, run_dir)
        if device.type == "cuda" and not cfg.length_buckets:  # one input shape: let cuDNN pick its kernels
            torch.backends.cudnn.benchmark = True
        loop.forward = model
        if self.distributed is not None:  # gradients averaged over the processes in backward()
            loop.forward = DistributedDataParallel(model, device_ids=[device] if device.type == "cuda" else None)
        if cfg.ema_decay > 0:
            loop.averaged = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(cfg.ema_decay), use_buffers=True)
        return loop

    def _resume(self, loop: _Loop, checkpoint: Checkpoint) -> None:
        """Restore the weights, optimizer, schedule, random states and where the loop stood.

        Raises:
            ProjectError: the checkpoint was taken on other data, or does not fit the model.
        """
        meta = checkpoint.meta
        if meta.get("num_train") != loop.num_train or meta.get("steps_per_epoch") != loop.steps_per_epoch:
            raise ProjectError("run.checkpoint_rows", folder=loop.run_dir, rows=meta.get("num_train"),
                               now=loop.num_train)
        try:
            loop.best_state = restore_training(checkpoint, loop.model, loop.optimizer.optimizers,
                                               loop.schedulers, loop.generator, self.device)
            if loop.averaged is not None:
                loop.averaged.load_state_dict(checkpoint.prefixed("ema"))
            if loop.optimizer.scaler is not None and meta.get("grad_scaler"):
                loop.optimizer.scaler.load_state_dict(meta["grad_scaler"])
            loop.first_epoch, loop.skip, loop.step = int(meta["epoch"]), int(meta["batches_done"]), int(meta["step"])
            loop.best_acc, loop.best_epoch = float(meta["best_acc"]), int(meta["best_epoch"])
            loop.stale, loop.history, loop.finished_as = int(meta["stale"]), list(meta["history"]), meta["finished_as"]
            loop.carried = {k: meta[k] for k in loop.carried}
        except (RuntimeError, KeyError, IndexError, ValueError, TypeError, AttributeError) as exc:
            # a damaged or crafted checkpoint.json: any field of the wrong kind
            raise ProjectError("run.checkpoint_mismatch", folder=loop.run_dir, reason=str(exc)) from None
        loop.resumed = True
        if loop.finished_as is not None:  # killed after the last epoch's checkpoint
            loop.status = loop.finished_as

    def _run_started(self, loop: _Loop, num_validation: int) -> RunStarted:
        info, model = device_info(self.device), loop.model
        return RunStarted(getattr(getattr(model, "config", None), "type", type(model).__name__),
                          info.english(), loop.num_train, num_validation, self.config.epochs,
                          loop.steps_per_epoch, count_parameters(model), info.kind, info.name, info.threads,
                          {torch.bfloat16: "bf16", torch.float16: "fp16"}.get(self.autocast, "fp32"))

    def _begin_epoch(self, loop: _Loop, number: int) -> _Epoch:
        """Draw the epoch's batch order; a resumed epoch carries on where it stood."""
        device = self.device
        order_state = loop.generator.get_state()
        order, widths = epoch_order(loop.num_train, loop.row_lengths, self.config.batch_size, loop.generator)
        swapped = None
        if self.config.swap_pairs and loop.ids.dim() == 3:  # drawn from the epoch's generator: a resume redraws it
            swapped = (torch.rand(loop.num_train, generator=loop.generator) < 0.5).to(device)
        order = order.to(device)
        resumed = loop.resumed and number == loop.first_epoch
        carried = loop.carried if resumed else {"epoch_loss": 0.0, "epoch_correct": 0, "epoch_seconds": 0.0}
        optimizers = loop.optimizer.optimizers
        now = time.perf_counter()
        return _Epoch(number, order_state, order, widths, swapped, loop.skip if resumed else 0,
                      torch.tensor(carried["epoch_loss"], device=device),
                      torch.tensor(carried["epoch_correct"], device=device, dtype=torch.long),
                      carried["epoch_seconds"], now,
                      optimizers[0].param_groups[0]["lr"] if optimizers else self.config.lr,
                      torch.zeros((), device=device), window_start=now)

    def _train_epoch(self, loop: _Loop, number: int) -> _Epoch:
        """One pass over the batches of the epoch not done yet: the hot loop, tensors only."""
        cfg, epoch = self.config, self._begin_epoch(loop, number)
        model, optimizer, schedulers, order = loop.model, loop.optimizer, loop.schedulers, epoch.order
        ids, lengths, labels, n, batch_size = loop.ids, loop.lengths, loop.labels, loop.num_train, cfg.batch_size
        report, stop, place = loop.report, loop.report.stop_event, self.distributed
        keeps_checkpoints = loop.run_dir is not None
        for start in range(epoch.batches_done * batch_size, n, batch_size):
            if report.paused:
                self._wait_while_paused(loop, epoch)
            if stop.is_set():
                loop.status = "stopped"
                break
            index = order[start:start + batch_size]
            rows = index
            if place is not None:
                if len(index) < place.world_size:  # a last batch too small to deal out: skipped by all
                    break
                rows = share(index, place)
            y = labels[rows]
            x = ids[rows] if epoch.widths is None else ids[rows][..., :epoch.widths[start // batch_size]]
            x_lengths = lengths[rows]
            if epoch.swapped is not None:
                x, x_lengths = swap_sides(x, x_lengths, epoch.swapped[rows])
            with torch.autocast(self.device.type, dtype=self.autocast or torch.float32,
                                enabled=self.autocast is not None):
                loss, logits = training_loss(loop.forward, x, x_lengths, y, weight=loop.weight,
                                             label_smoothing=cfg.label_smoothing, rdrop_alpha=cfg.rdrop_alpha)
            optimizer.zero_grad(set_to_none=True)
            optimizer.backward(loss)
            if cfg.grad_clip > 0:
                optimizer.unscale()  # clip the true gradients
                clip_gradients(loop.trainable, cfg.grad_clip)
            if optimizer.optimizers:
                epoch.lr = optimizer.optimizers[0].param_groups[0]["lr"]  # the rate of this step
            optimizer.step()
            for scheduler in schedulers:
                scheduler.step()
            if loop.averaged is not None:
                loop.averaged.update_parameters(model)

            loop.step += 1
            epoch.batches_done += 1
            summed = loss.detach() * len(rows)
            correct = (logits.detach().argmax(1) == y).sum()
            if place is not None:  # the global batch's sums, the same on every process
                summed, correct = all_sum(torch.stack([summed.float(), correct.float()])).unbind()
                correct = correct.long()
            epoch.window_loss += summed / len(index)
            epoch.loss += summed
            epoch.correct += correct
            epoch.window_steps += 1
            epoch.window_samples += len(index)
            now = time.perf_counter()
            last = start + batch_size >= n
            due = (keeps_checkpoints and not last
                   and time.monotonic() - loop.checkpoint_clock >= cfg.checkpoint_every_s)
            if now - epoch.window_start >= EMIT_EVERY_S or last or due:
                self._report_window(loop, epoch, now)
            if due:
                self._checkpoint_within(loop, epoch, now)
                loop.checkpoint_clock = time.monotonic()
        if loop.status == "stopped" and keeps_checkpoints:
            self._keep_stopped(loop, epoch)
        return epoch

    def _wait_while_paused(self, loop: _Loop, epoch: _Epoch) -> None:
        """Wait until resumed or stopped; the pause counts in neither the epoch's seconds
        nor its throughput."""
        paused_at = time.perf_counter()
        loop.report.wait_while_paused()
        waited = time.perf_counter() - paused_at
        epoch.window_start += waited
        epoch.started += waited

    def _report_window(self, loop: _Loop, epoch: _Epoch, now: float) -> None:
        """``BatchEnd`` for the steps since the last one, and the fraction of steps done."""
        loop.emit(BatchEnd(epoch.number, loop.step, float(epoch.window_loss) / epoch.window_steps, epoch.lr,
                           epoch.window_samples / max(now - epoch.window_start, 1e-9)))
        epoch.window_loss.zero_()
        epoch.window_steps, epoch.window_samples, epoch.window_start = 0, 0, now
        loop.report.progress(loop.step / (loop.steps_per_epoch * self.config.epochs))

    def _keep_stopped(self, loop: _Loop, epoch: _Epoch) -> None:
        """A stopped run reports its last steps and keeps a checkpoint where it stopped."""
        now = time.perf_counter()
        if epoch.window_steps:
            self._report_window(loop, epoch, now)
        self._checkpoint_within(loop, epoch, now)

    def _evaluate_epoch(self, loop: _Loop, epoch: _Epoch, seen: int, validation: EncodedSplit,
                        label_names: list[str]) -> dict[str, float]:
        """The epoch's training loss, accuracy and seconds, its validation scores, as
        ``EpochEnd``."""
        metrics = {
            "train_loss": float(epoch.loss) / max(1, seen),
            "train_accuracy": float(epoch.correct) / max(1, seen),
            "seconds": epoch.seconds(time.perf_counter()),
        }
        if len(validation):
            val = evaluate(loop.kept, validation, label_names, self.device, self._predict(loop.kept, label_names))
            metrics.update(val_loss=val["loss"], val_accuracy=val["accuracy"], val_macro_f1=val["macro_f1"])
        loop.history.append(metrics)
        loop.emit(EpochEnd(epoch.number, metrics))
        return metrics

    def _keep_best(self, loop: _Loop, number: int, metrics: dict[str, float]) -> None:
        """Keep the weights of the best epoch so far (validation accuracy, else training's)."""
        score = metrics.get("val_accuracy", metrics["train_accuracy"])
        if score > loop.best_acc:
            loop.best_acc, loop.best_epoch, loop.stale = score, number, 0
            loop.best_state = _cpu_state(loop.kept)
        else:
            loop.stale += 1

    def _stop_early(self, loop: _Loop, number: int) -> None:
        """Stop after ``patience`` epochs without a better one (never after the last epoch)."""
        patience = self.config.patience
        if patience and loop.stale >= patience and number < self.config.epochs:
            loop.status = "early_stopped"

    def _checkpoint_epoch_end(self, loop: _Loop, number: int) -> None:
        """The checkpoint at an epoch's end: the next epoch from its first batch; after the
        last epoch (or an early stop) it records how the run finished."""
        if loop.run_dir is None:
            return
        finished = loop.status if loop.status == "early_stopped" or number == self.config.epochs else None
        self._write_checkpoint(loop, number + 1, 0, loop.generator.get_state(), 0.0, 0, 0.0, finished)
        loop.checkpoint_clock = time.monotonic()

    def _checkpoint_within(self, loop: _Loop, epoch: _Epoch, now: float) -> None:
        self._write_checkpoint(loop, epoch.number, epoch.batches_done, epoch.order_state, float(epoch.loss),
                               int(epoch.correct), epoch.seconds(now))

    def _write_checkpoint(self, loop: _Loop, epoch: int, batches_done: int, order_state: torch.Tensor,
                          epoch_loss: float, epoch_correct: int, epoch_seconds: float,
                          finished: str | None = None) -> None:
        tensors, optimizers = training_tensors(_cpu_state(loop.model), loop.best_state,
                                               loop.optimizer.optimizers, order_state, self.device)
        if loop.averaged is not None:
            tensors.update({f"ema.{k}": v for k, v in _cpu_state(loop.averaged).items()})
        write_checkpoint(loop.run_dir, tensors, {
            "epoch": epoch, "batches_done": batches_done, "step": loop.step,
            "num_train": loop.num_train, "steps_per_epoch": loop.steps_per_epoch,
            "best_acc": loop.best_acc, "best_epoch": loop.best_epoch, "stale": loop.stale,
            "history": loop.history, "finished_as": finished, "lines": loop.log.lines,
            "epoch_loss": epoch_loss, "epoch_correct": epoch_correct, "epoch_seconds": epoch_seconds,
            "optimizers": optimizers, "schedulers": [s.state_dict() for s in loop.schedulers],
            "grad_scaler": loop.optimizer.scaler.state_dict() if loop.optimizer.scaler is not None else None,
            "launch": launch_id() if self.distributed is not None else None,  # finds it after a restart
        })

    def _predict(self, model: nn.Module, label_names: list[str]) -> Predict | None:
        """With several processes, a split's logits each scores a share of and all gather."""
        place = self.distributed
        if place is None:
            return None
        return lambda split: gathered_logits(lambda part: predict_logits(model, part, self.device), split,
                                             len(label_names), place, self.device)

    def _finish(self, loop: _Loop, test: EncodedSplit | None, label_names: list[str],
                binary_on: EncodedSplit | None = None) -> FitResult:
        """Best weights back into the model, the test split scored (with ``binary_on``, a
        validation split, the binary scores too), ``RunFinished``; in a run folder the
        weights are written and a finished run's checkpoint removed."""
        loop.model.load_state_dict(loop.best_state)
        test_report = None
        predict = self._predict(loop.model, label_names)
        if test is not None and len(test):
            if binary_on is not None and len(label_names) == 2:
                test_report = evaluate_binary(loop.model, test, binary_on, label_names, self.device, predict)
            else:
                test_report = evaluate(loop.model, test, label_names, self.device, predict)
        loop.emit(RunFinished(loop.status, loop.best_epoch, test_report))
        if loop.run_dir is not None:
            # the best weights go to disk before the checkpoint goes: a kill in between
            # must leave one or the other
            write_weights(loop.run_dir, loop.best_state)
            if loop.status != "stopped":
                remove_checkpoint(loop.run_dir)
        return FitResult(loop.status, loop.best_epoch, loop.best_state, test_report, loop.history, loop.events)


def _cpu_state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
