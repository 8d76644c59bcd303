"""The training loop: Adam on cross-entropy over encoded tensors.

Plain Python on any thread: it checks a stop ``threading.Event`` (and a pause one)
between batches and reports through the typed events of :mod:`events`. The hot loop
touches only tensors; per-batch numbers stay on the device until an event is due.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from studio.core.data.prepare import EncodedSplit
from studio.core.models.registry import count_parameters
from studio.core.training.config import TrainingConfig
from studio.core.training.device import choose_device, describe_device
from studio.core.training.events import BatchEnd, EpochEnd, Event, RunFinished, RunStarted
from studio.core.training.metrics import classification_report
from studio.core.training.optim import ModelOptimizer

Callback = Callable[[Event], None]
EMIT_EVERY_S = 0.1
EVAL_BATCH = 1024


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


class Trainer:
    """Fits a classifier with Adam (SparseAdam for sparse tables), validating every epoch.

    Keeps the weights of the epoch with the best validation accuracy, stops early
    after ``patience`` epochs without improvement, and evaluates the test split with
    those weights at the end.
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
    ) -> FitResult:
        """Train ``model`` in place; its weights end as the best-on-validation ones.

        Args:
            model: ``forward(ids (B, L), lengths (B,)) -> logits (B, C)``.
            train, validation, test: encoded splits; ``test`` is scored at the end.
            label_names: ``C`` class names for the per-class report.
            callbacks: called with every event, on this thread.
            stop_event: set it to stop after the current batch (status ``stopped``).
            pause_event: while set, the loop waits between batches.
        """
        cfg, device = self.config, self.device
        stop_event = stop_event or threading.Event()
        pause_event = pause_event or threading.Event()
        label_names = list(label_names)

        def emit(event: Event) -> None:
            for callback in callbacks:
                callback(event)

        torch.manual_seed(cfg.seed)
        generator = torch.Generator().manual_seed(cfg.seed)
        model.to(device).train()
        optimizer = ModelOptimizer(model, cfg.lr)
        ids, lengths, labels = (t.to(device) for t in (train.ids, train.lengths, train.labels))
        n = len(train)
        steps_per_epoch = max(1, -(-n // cfg.batch_size))
        emit(RunStarted(getattr(getattr(model, "config", None), "type", type(model).__name__),
                        describe_device(device), n, len(validation), cfg.epochs,
                        steps_per_epoch, count_parameters(model)))

        best_acc, best_epoch, stale, step, status = -1.0, 0, 0, 0, "completed"
        best_state = _cpu_state(model)
        history: list[dict[str, float]] = []
        for epoch in range(1, cfg.epochs + 1):
            order = torch.randperm(n, generator=generator).to(device)
            epoch_loss = torch.zeros((), device=device)
            epoch_correct = torch.zeros((), device=device, dtype=torch.long)
            window_loss = torch.zeros((), device=device)
            window_steps, window_samples = 0, 0
            window_start = epoch_start = time.perf_counter()
            for start in range(0, n, cfg.batch_size):
                if pause_event.is_set():
                    paused_at = time.perf_counter()
                    while pause_event.is_set() and not stop_event.is_set():
                        stop_event.wait(0.05)
                    resumed = time.perf_counter() - paused_at
                    window_start += resumed
                    epoch_start += resumed
                if stop_event.is_set():
                    status = "stopped"
                    break
                index = order[start:start + cfg.batch_size]
                y = labels[index]
                logits = model(ids[index], lengths[index])
                loss = F.cross_entropy(logits, y)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()

                step += 1
                detached = loss.detach()
                window_loss += detached
                epoch_loss += detached * len(index)
                epoch_correct += (logits.detach().argmax(1) == y).sum()
                window_steps += 1
                window_samples += len(index)
                now = time.perf_counter()
                if now - window_start >= EMIT_EVERY_S or start + cfg.batch_size >= n:
                    emit(BatchEnd(epoch, step, float(window_loss) / window_steps, cfg.lr,
                                  window_samples / max(now - window_start, 1e-9)))
                    window_loss.zero_()
                    window_steps, window_samples, window_start = 0, 0, now
            seen = start if status == "stopped" else n
            if seen == 0:
                break
            metrics = {
                "train_loss": float(epoch_loss) / max(1, seen),
                "train_accuracy": float(epoch_correct) / max(1, seen),
                "seconds": time.perf_counter() - epoch_start,
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
                break

        model.load_state_dict(best_state)
        test_report = evaluate(model, test, label_names, device) if test is not None and len(test) else None
        emit(RunFinished(status, best_epoch, test_report))
        return FitResult(status, best_epoch, best_state, test_report, history)


def _cpu_state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
