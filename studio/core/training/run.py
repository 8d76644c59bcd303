"""One training run: from settings to a trained model with everything needed to use it."""

from __future__ import annotations

import os
import platform
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import torch

import studio
from studio.core import consent
from studio.core.data.dataset import load_splits
from studio.core.data.prepare import PreparedData, prepare
from studio.core.data.reader import Table
from studio.core.embeddings.coverage import token_counts
from studio.core.errors import ConfigError, ProjectError
from studio.core.fileio import atomic_write_json, cache_root
from studio.core.models import build_model
from studio.core.models.pretrained import apply_embedding_options
from studio.core.project_outside import check_paths, settings_paths
from studio.core.safe_files import (
    MAX_METRICS_BYTES, MAX_RUN_JSON_BYTES, is_inside, parse_json, read_json, read_text,
)
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


def read_run_files(run_dir: Path) -> tuple[dict[str, Any], list[str], list[str]]:
    """``config.json`` (a settings object, validated), ``vocab.json`` and ``labels.json``
    (lists of strings) of ``run_dir``, each a bounded regular file inside it.

    Raises:
        ProjectError: a file is missing, too large, not JSON or not of its kind; the
            message names it.
    """
    def strings(name: str) -> list[str]:
        value = read_json(run_dir / name, run_dir, MAX_RUN_JSON_BYTES)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ProjectError(f"{run_dir / name}: must be a JSON list of strings.")
        return value

    config = read_json(run_dir / "config.json", run_dir, MAX_RUN_JSON_BYTES)
    if not isinstance(config, dict):
        raise ProjectError(f"{run_dir / 'config.json'}: must be a JSON object of settings.")
    try:
        settings = Settings.from_dict({k: v for k, v in config.items() if k != "versions"})
    except ConfigError as exc:
        raise ProjectError(f"{run_dir / 'config.json'}: invalid settings:\n{exc}") from None
    check_paths(str(run_dir / "config.json"), settings.model_dump())
    # every group filled in (a crafted '{}' validates with defaults): the rest of the studio relies on it
    versions = config.get("versions")
    config = {**settings.model_dump(), **({"versions": versions} if isinstance(versions, dict) else {})}
    return config, strings("vocab.json"), strings("labels.json")


def read_events(run_dir: Path) -> list[dict[str, Any]]:
    """The events of ``run_dir/metrics.jsonl`` (none when it is absent).

    Raises:
        ProjectError: too large, not UTF-8, or a line that is not a training event
            (a JSON object with an ``"event"`` name); the message names the line.
    """
    metrics = Path(run_dir) / "metrics.jsonl"
    if not metrics.exists():
        return []
    events = []
    for number, line in enumerate(read_text(metrics, run_dir, MAX_METRICS_BYTES).splitlines(), 1):
        if line.strip():
            event = parse_json(line, f"{metrics}, line {number}")
            if not isinstance(event, dict) or not isinstance(event.get("event"), str):
                raise ProjectError(f"{metrics}, line {number}: not a training event (a JSON object "
                                   "with an \"event\" name).")
            events.append(event)
    return events


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
    run_dir: str | os.PathLike | None = None,
) -> Run:
    """Read and split the data, encode it (cached), build the model, train and test it.

    Args:
        run_dir: when given, the run is written there as it trains, so that a killed
            or stopped run can be continued with :func:`resume_run`: ``config.json``,
            ``vocab.json`` and ``labels.json`` first, the event stream to
            ``metrics.jsonl`` as it happens, ``checkpoint/`` while training, and
            ``weights.safetensors`` (the best weights) at the end. The run's id is
            the folder's name and ``saved_to`` is the folder. Without it the run
            lives in memory until the project is saved.

    Raises:
        StudioError: bad data or settings, with a message naming the file or field.
        ProjectError: ``run_dir`` cannot be created or written at the start.
        TrainingError: the device ran out of memory; ``run_dir`` keeps the last
            checkpoint, from which :func:`resume_run` continues.
        OSError: ``run_dir`` cannot be written later, while training.
    """
    status = on_status or (lambda message: None)
    status("Reading data…")
    splits = load_splits(settings.dataset, tables)
    for warning in splits.warnings:
        status(f"Warning: {warning}")
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

    config = {**settings.model_dump(), "versions": versions()}
    run_id = new_run_id(settings.model["type"], taken_ids)
    if run_dir is not None:
        run_dir = Path(run_dir)
        run_id = run_dir.name
        if not is_inside(run_dir.parent, cache_root()):
            # the user chose these files on this machine: resuming the run may read them again
            consent.approve(run_dir.parent.parent, [path for _, path in settings_paths(config)])
        if run_dir.is_symlink() or not is_inside(run_dir, run_dir.parent):  # planted in a crafted project
            raise ProjectError(f"{run_dir}: leads outside {run_dir.parent}; the run is not written there.")
        try:
            run_dir.mkdir(parents=True, exist_ok=True)
            atomic_write_json(run_dir / "config.json", config)
            atomic_write_json(run_dir / "vocab.json", data.vocab.tokens)
            atomic_write_json(run_dir / "labels.json", data.label_names)
        except OSError as exc:
            raise ProjectError(f"{run_dir}: cannot write the run ({exc.strerror or exc}).") from None
    status("Training…")
    result = trainer.fit(model, data.train, data.validation, data.label_names, data.test,
                         callbacks=[record, *callbacks], stop_event=stop_event,
                         pause_event=pause_event, run_dir=run_dir)
    return Run(run_id, config, data.vocab.tokens, data.label_names, result.best_state, events,
               saved_to=run_dir)


def resume_run(
    run_dir: str | os.PathLike,
    tables: dict[str, Table] | None = None,
    callbacks: Sequence[Callback] = (),
    stop_event: threading.Event | None = None,
    pause_event: threading.Event | None = None,
    on_status: Callable[[str], None] | None = None,
    config: dict[str, Any] | None = None,
) -> Run:
    """Continue a run written by :func:`execute_run` with ``run_dir`` from its checkpoint.

    ``config`` is the run's settings as the caller checked them (see
    :func:`studio.core.project.resume_config`: the files they read outside the project
    were agreed to); by default ``config.json`` as it is.

    Re-reads and re-encodes the data with the run's saved settings (the encoding is
    cached), rebuilds the model, then :meth:`Trainer.fit` with ``resume=True`` cuts
    ``metrics.jsonl`` back to the checkpoint, restores weights, optimizer, schedule
    and random states and goes on from the next batch of the same batch order. The
    run keeps its id and folder; ``weights.safetensors`` is written at the end.
    ``callbacks`` see the new events only (``RunStarted`` included); the returned
    run's ``events`` hold the whole stream. Relative data paths in the saved
    settings are read from the current folder, as when the run started.

    Raises:
        ProjectError: ``run_dir`` has no readable run or checkpoint, or the data no
            longer gives the run's vocabulary, labels or training rows.
        TrainingError: the device ran out of memory; the checkpoint is kept.
        StudioError: the data cannot be read.
    """
    run_dir = Path(run_dir)
    status = on_status or (lambda message: None)

    saved, vocab, label_names = read_run_files(run_dir)
    config = saved if config is None else config
    settings = Settings.from_dict({k: v for k, v in config.items() if k != "versions"})
    status("Reading data…")
    splits = load_splits(settings.dataset, tables)
    for warning in splits.warnings:
        status(f"Warning: {warning}")
    status("Tokenizing…")
    data = prepare(splits, settings.text)
    if data.vocab.tokens != vocab or data.label_names != label_names:
        raise ProjectError(f"{run_dir}: the data now gives another vocabulary or other labels "
                           "than the run was trained on; it cannot be resumed.")
    torch.manual_seed(settings.training.seed)
    model = build_model(settings.model, len(data.vocab), len(data.label_names))
    if settings.model.get("pretrained_vectors"):
        status("Reading word vectors…")
    for note in setup_model(model, data, stop_event):
        status(note)
    status("Resuming training…")
    result = Trainer(settings.training).fit(
        model, data.train, data.validation, data.label_names, data.test, callbacks=callbacks,
        stop_event=stop_event, pause_event=pause_event, run_dir=run_dir, resume=True)
    events = read_events(run_dir)
    return Run(run_dir.name, config, vocab, label_names, result.best_state, events, saved_to=run_dir)

