"""Metric history built from the event stream, for plots and progress displays.

Fed live by the training worker or replayed from a saved run's ``metrics.jsonl``.
``version`` grows with every change, so a view redraws only when something is new.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio.core.training.events import BatchEnd, EpochEnd, Event, RunFinished, RunStarted, event_from_dict


@dataclass
class MetricHistory:
    steps: list[int] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    lrs: list[float] = field(default_factory=list)
    batches: list[BatchEnd] = field(default_factory=list)
    epochs: list[int] = field(default_factory=list)
    epoch_metrics: list[dict[str, float]] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    started: RunStarted | None = None
    last_batch: BatchEnd | None = None
    finished: RunFinished | None = None
    version: int = 0
    resuming: bool = False  # the next RunStarted continues this history instead of starting anew

    def add(self, event: Event | dict[str, Any]) -> None:
        if isinstance(event, dict):
            event = event_from_dict(event)
        if isinstance(event, RunStarted) and self.resuming:
            self.started, self.resuming = event, False
        elif isinstance(event, RunStarted):
            version = self.version
            self.__init__()  # a new run starts a new history
            self.started, self.version = event, version
        elif isinstance(event, BatchEnd):
            self.steps.append(event.step)
            self.losses.append(event.loss)
            self.lrs.append(event.lr)
            self.batches.append(event)
            self.last_batch = event
        elif isinstance(event, EpochEnd):
            self.epochs.append(event.epoch)
            self.epoch_metrics.append(dict(event.metrics))
            self.train_accuracy.append(event.metrics.get("train_accuracy", float("nan")))
            self.val_accuracy.append(event.metrics.get("val_accuracy", float("nan")))
        elif isinstance(event, RunFinished):
            self.finished = event
        self.version += 1

    @classmethod
    def replay(cls, events: list[dict[str, Any]]) -> MetricHistory:
        history = cls()
        for event in events:
            history.add(event)
        return history

    def smoothed_losses(self, weight: float = 0.9) -> list[float]:
        """Exponential moving average of the loss, bias-corrected as in TensorBoard."""
        out, average = [], 0.0
        for i, loss in enumerate(self.losses, 1):
            average = weight * average + (1 - weight) * loss
            out.append(average / (1 - weight ** i))
        return out

    def epoch_values(self, name: str) -> list[float]:
        """One metric (``train_loss``, ``val_loss``, ``val_accuracy``...) per epoch, NaN where missing."""
        return [m.get(name, float("nan")) for m in self.epoch_metrics]

    @property
    def best_epoch(self) -> int | None:
        """The run's best epoch once it finished, else the epoch with the best validation
        accuracy so far (train accuracy without a validation split)."""
        if self.finished is not None and self.finished.best_epoch:
            return self.finished.best_epoch
        scores = [m.get("val_accuracy", m.get("train_accuracy")) for m in self.epoch_metrics]
        scores = [(s, e) for s, e in zip(scores, self.epochs, strict=True) if s is not None]
        return max(scores, key=lambda pair: (pair[0], -pair[1]))[1] if scores else None

    @property
    def total_steps(self) -> int:
        return self.started.steps_per_epoch * self.started.epochs if self.started else 0

    def eta_seconds(self) -> float | None:
        """Seconds left at the latest throughput, or None before the first batch."""
        if not self.last_batch or not self.started or self.last_batch.samples_per_s <= 0:
            return None
        steps_left = max(0, self.total_steps - self.last_batch.step)
        samples_per_step = self.started.num_train / max(1, self.started.steps_per_epoch)
        return steps_left * samples_per_step / self.last_batch.samples_per_s
