"""Typed training events. Each is frozen and JSON-serialisable, so the same stream is
written to ``metrics.jsonl`` and replayed when a project is reopened."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cache
from typing import Any, ClassVar

from pydantic import TypeAdapter, ValidationError


@dataclass(frozen=True)
class RunStarted:
    """``device`` is the English name (``"CPU (2 threads)"``) kept for older streams and
    the CLI; ``device_kind`` (``cuda``/``mps``/``cpu``), ``device_name`` (the GPU's name)
    and ``threads`` (CPU threads, 0 on a GPU) let the GUI word it; ``precision`` is how the
    training computes, ``"fp32"``, ``"bf16"`` or ``"fp16"`` (mixed precision). Streams written before
    these fields existed replay with them empty."""

    kind: ClassVar[str] = "run_started"
    model_type: str
    device: str
    num_train: int
    num_validation: int
    epochs: int
    steps_per_epoch: int
    num_parameters: int
    device_kind: str = ""
    device_name: str = ""
    threads: int = 0
    precision: str = ""


@dataclass(frozen=True)
class BatchEnd:
    """Emitted at most every ~100 ms; ``loss`` is the mean over the steps since the last one."""

    kind: ClassVar[str] = "batch_end"
    epoch: int
    step: int
    loss: float
    lr: float
    samples_per_s: float


@dataclass(frozen=True)
class EpochEnd:
    kind: ClassVar[str] = "epoch_end"
    epoch: int
    metrics: dict[str, float]


@dataclass(frozen=True)
class RunFinished:
    """``status`` is ``completed``, ``early_stopped``, ``stopped`` or ``failed``."""

    kind: ClassVar[str] = "run_finished"
    status: str
    best_epoch: int
    test: dict[str, Any] | None = field(default=None)


Event = RunStarted | BatchEnd | EpochEnd | RunFinished
_KINDS = {cls.kind: cls for cls in (RunStarted, BatchEnd, EpochEnd, RunFinished)}


def event_to_dict(event: Event) -> dict[str, Any]:
    return {"event": event.kind, **asdict(event)}


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an event from :func:`event_to_dict`; unknown keys are ignored, every field
    is checked against its type (a ``metrics.jsonl`` may come from someone else).

    Raises:
        ValueError: the ``event`` kind is unknown, a field is missing or of the wrong kind.
    """
    cls = _KINDS.get(data.get("event", "")) if isinstance(data, dict) else None
    if cls is None:
        raise ValueError(f"unknown event kind {(data.get('event') if isinstance(data, dict) else data)!r}")
    names = {f.name for f in fields(cls)}
    try:
        return _adapter(cls).validate_python({k: v for k, v in data.items() if k in names})
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


@cache
def _adapter(cls: type) -> TypeAdapter:
    """Built on first use: building them all at import would slow the window's start."""
    return TypeAdapter(cls)
