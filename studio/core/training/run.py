"""One training run: from settings to a trained model with everything needed to use it."""

from __future__ import annotations

import platform
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import torch

import studio
from studio.core.data.dataset import load_splits
from studio.core.data.prepare import PreparedData, prepare
from studio.core.data.reader import Table
from studio.core.embeddings.coverage import token_counts
from studio.core.models import build_model
from studio.core.models.pretrained import apply_embedding_options
from studio.core.settings import Settings
from studio.core.training.events import Event, RunFinished, event_to_dict
from studio.core.training.trainer import Callback, Trainer


@dataclass
class Run:
    """A finished run: resolved config, vocabulary, labels, best weights and event stream.

    ``config`` holds the settings it ran with (``dataset``, ``text``, ``model``,
    ``training``) plus ``versions``; ``state_dict`` holds CPU tensors.
    """

    id: str
    config: dict[str, Any]
    vocab: list[str]
    label_names: list[str]
    state_dict: dict[str, torch.Tensor]
    events: list[dict[str, Any]] = field(default_factory=list)
    saved_to: Path | None = None

    @property
    def settings(self) -> Settings:
        return Settings.from_dict({k: v for k, v in self.config.items() if k != "versions"})

    @property
    def finished(self) -> dict[str, Any]:
        """The ``run_finished`` event (status, best_epoch, test report), or ``{}``."""
        return next((e for e in reversed(self.events) if e.get("event") == RunFinished.kind), {})

    def summary(self) -> dict[str, Any]:
        test = self.finished.get("test") or {}
        return {
            "id": self.id,
            "model": self.config["model"]["type"],
            "status": self.finished.get("status", "unknown"),
            "best_epoch": self.finished.get("best_epoch"),
            "test_accuracy": test.get("accuracy"),
            "test_macro_f1": test.get("macro_f1"),
        }


def new_run_id(model_type: str, taken: Sequence[str] = ()) -> str:
    base = f"{datetime.now():%Y%m%d-%H%M%S}-{model_type}"
    run_id, n = base, 1
    while run_id in taken:
        n += 1
        run_id = f"{base}-{n}"
    return run_id


def versions() -> dict[str, str]:
    return {"studio": studio.__version__, "torch": torch.__version__, "python": platform.python_version()}


def setup_model(model: torch.nn.Module, data: PreparedData,
                stop_event: threading.Event | None = None) -> list[str]:
    """Ready a freshly built model for training on ``data``: pretrained vectors and
    freezing (:func:`apply_embedding_options`), then ``fit_features`` on the training
    split for models that learn feature statistics (the MLP's IDF weights).

    Returns:
        Lines for the user, such as the pretrained-vector coverage.

    Raises:
        ConfigError: unreadable or mismatched pretrained vectors.
        Cancelled: ``stop_event`` was set while the vectors were read.
    """
    notes = []
    counts = token_counts(data.train.ids, len(data.vocab))
    coverage = apply_embedding_options(model, data.vocab.tokens, counts, stop_event)
    if coverage is not None:
        notes.append(f"Pretrained vectors: {coverage.describe()}")
    fit_features = getattr(model, "fit_features", None)
    if fit_features is not None:
        fit_features(data.train.ids, data.train.lengths)
    return notes


def execute_run(
    settings: Settings,
    tables: dict[str, Table] | None = None,
    callbacks: Sequence[Callback] = (),
    stop_event: threading.Event | None = None,
    pause_event: threading.Event | None = None,
    on_status: Callable[[str], None] | None = None,
    taken_ids: Sequence[str] = (),
) -> Run:
    """Read and split the data, encode it (cached), build the model, train and test it.

    Raises:
        StudioError: bad data or settings, with a message naming the file or field.
    """
    status = on_status or (lambda message: None)
    status("Reading data…")
    splits = load_splits(settings.dataset, tables)
    status("Tokenizing…")
    data = prepare(splits, settings.text)
    torch.manual_seed(settings.training.seed)  # the seed fixes the initial weights too
    model = build_model(settings.model, len(data.vocab), len(data.label_names))
    if settings.model.get("pretrained_vectors"):
        status("Reading word vectors…")
    for note in setup_model(model, data, stop_event):
        status(note)
    trainer = Trainer(settings.training)
    events: list[dict[str, Any]] = []

    def record(event: Event) -> None:
        events.append(event_to_dict(event))

    status("Training…")
    result = trainer.fit(model, data.train, data.validation, data.label_names, data.test,
                         callbacks=[record, *callbacks], stop_event=stop_event,
                         pause_event=pause_event)
    config = {**settings.model_dump(), "versions": versions()}
    return Run(new_run_id(settings.model["type"], taken_ids), config, data.vocab.tokens,
               data.label_names, result.best_state, events)
