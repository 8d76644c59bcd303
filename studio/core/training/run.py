"""One training run: from settings to a trained model with everything needed to use it.

:func:`execute_run` starts a run and :func:`resume_run` continues one from its
checkpoint; both prepare it the same way (:func:`prepare_run`). The run folder's files
are :mod:`studio.core.run_files`' to write and read; where a new folder goes is
:func:`studio.core.project_runs.place_new_run`'s to decide.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn

from studio.core.data.dataset import load_splits
from studio.core.data.prepare import PreparedData, prepare
from studio.core.data.reader import Table
from studio.core.embeddings.coverage import Coverage, token_counts
from studio.core.errors import ProjectError
from studio.core.messages import message
from studio.core.models import build_model, check_task
from studio.core.models.pretrained import apply_embedding_options
from studio.core.project_runs import Run, new_run_id
from studio.core.report import Reporter
from studio.core.run_files import read_events, read_run_files, run_config, settings_of, start_run_folder
from studio.core.settings import Settings
from studio.core.training.distributed import Distributed
from studio.core.training.events import event_to_dict
from studio.core.training.trainer import Trainer

__all__ = ["PreparedRun", "Run", "execute_run", "prepare_run", "resume_run", "scored_as_binary", "setup_model"]


def setup_model(model: nn.Module, data: PreparedData, report: Reporter | None = None) -> Coverage | None:
    """Ready a freshly built model for training on ``data``: pretrained vectors and
    freezing (:func:`apply_embedding_options`, whose coverage goes to ``report`` as a
    notice), then ``fit_features`` on the training split for models that learn feature
    statistics (the MLP's IDF weights).

    Returns:
        The pretrained vectors' coverage of the vocabulary, or ``None`` without them.

    Raises:
        ConfigError: unreadable or mismatched pretrained vectors.
        Cancelled: ``report`` was stopped while the vectors were read.
    """
    report = report or Reporter()
    counts = token_counts(data.train.ids, len(data.vocab))
    coverage = apply_embedding_options(model, data.vocab.tokens, counts, report)
    if coverage is not None:
        report.notice(message("training.pretrained_coverage", coverage=coverage.describe()))
    fit_features = getattr(model, "fit_features", None)
    if fit_features is not None:
        fit_features(data.train.ids, data.train.lengths)
    return coverage


def scored_as_binary(settings: Settings, label_names: Sequence[str]) -> bool:
    """Whether a run's test report carries the binary scores (ROC-AUC, PR-AUC, curves, a
    threshold chosen on validation): a sentence-pair task with two classes."""
    return settings.task == "pair" and len(label_names) == 2


@dataclass
class PreparedRun:
    """The encoded data and the built, set-up model a run trains."""

    data: PreparedData
    model: nn.Module


def prepare_run(settings: Settings, tables: dict[str, Table] | None, report: Reporter,
                check_data: Callable[[PreparedData], None] | None = None,
                write_cache: bool = True) -> PreparedRun:
    """Refuse a model that does not serve the project's task (:attr:`Settings.task`),
    read and split the data (its warnings go to ``report`` as notices), encode it
    (cached; the two sides of a pair apart for a model that takes pairs), seed torch
    with the training seed, build the model and set it up
    (:func:`setup_model`), reporting each stage. ``check_data`` sees the encoded data
    before the model is built; ``write_cache`` false leaves the encoding cache unwritten.

    Raises:
        StudioError: bad data or settings, with a message naming the file or field, or
            what ``check_data`` raises; ``model.wrong_task`` before the data is read.
        Cancelled: ``report`` was stopped.
    """
    check_task(settings.model.type, settings.task)
    report.stage("stage.reading_data")
    splits = load_splits(settings.dataset, tables)
    for warning in splits.warnings:
        report.notice(warning, "warning")
    report.check()
    report.stage("stage.tokenizing")
    data = prepare(splits, settings.text, pairs_apart=settings.pairs_apart, write_cache=write_cache)
    report.check()
    if check_data is not None:
        check_data(data)
    torch.manual_seed(settings.training.seed)  # the seed fixes the initial weights too
    model = build_model(settings.model, len(data.vocab), len(data.label_names))
    if getattr(settings.model, "pretrained_vectors", ""):
        report.stage("stage.reading_vectors")
    setup_model(model, data, report)
    return PreparedRun(data, model)


def execute_run(
    settings: Settings,
    tables: dict[str, Table] | None = None,
    report: Reporter | None = None,
    taken_ids: Sequence[str] = (),
    run_dir: str | os.PathLike | None = None,
    distributed: Distributed | None = None,
) -> Run:
    """Read and split the data, encode it (cached), build the model, train and test it.

    Args:
        report: stages, notices, the trainer's events and progress; stop and pause.
        taken_ids: run ids the new run's id must differ from (without ``run_dir``).
        run_dir: when given (see :func:`studio.core.project_runs.place_new_run`), the run
            is written there as it trains, so that a killed or stopped run can be
            continued with :func:`resume_run`: ``config.json``, ``vocab.json`` and
            ``labels.json`` first, the event stream to ``metrics.jsonl`` as it happens,
            ``checkpoint/`` while training, and ``weights.safetensors`` (the best
            weights) at the end. The run's id is the folder's name and ``saved_to`` is
            the folder. Without it the run lives in memory until the project is saved.
        distributed: this process's place among several training together (torchrun);
            only process 0 writes ``run_dir``.

    Raises:
        StudioError: bad data or settings, with a message naming the file or field.
        Cancelled: ``report`` was stopped before training began (a stop while training
            ends the run with status ``stopped`` instead).
        ProjectError: ``run_dir`` cannot be created or written at the start.
        TrainingError: the device ran out of memory; ``run_dir`` keeps the last
            checkpoint, from which :func:`resume_run` continues.
        OSError: ``run_dir`` cannot be written later, while training.
    """
    report = report or Reporter()
    prepared = prepare_run(settings, tables, report, write_cache=distributed is None or distributed.is_main)
    data = prepared.data
    config = run_config(settings)
    run_id = new_run_id(settings.model.type, taken_ids)
    if run_dir is not None:
        run_id = Path(run_dir).name
        run_dir = (start_run_folder(run_dir, config, data.vocab.tokens, data.label_names)
                   if distributed is None or distributed.is_main else None)
    report.stage("stage.training")
    result = Trainer(settings.training, distributed).fit(prepared.model, data.train, data.validation, data.label_names,
                                            data.test, report=report, run_dir=run_dir,
                                            binary=scored_as_binary(settings, data.label_names))
    return Run(run_id, config, data.vocab.tokens, data.label_names, result.best_state,
               [event_to_dict(event) for event in result.events], saved_to=run_dir)


def resume_run(
    run_dir: str | os.PathLike,
    tables: dict[str, Table] | None = None,
    report: Reporter | None = None,
    config: dict | None = None,
    distributed: Distributed | None = None,
) -> Run:
    """Continue a run written by :func:`execute_run` with ``run_dir`` from its checkpoint
    (with ``distributed``, on several processes, whatever number it was started on; only
    process 0 writes).

    ``config`` is the run's settings as the caller checked them (see
    :func:`studio.core.project_runs.resume_config`: the files they read outside the
    project were agreed to); by default ``config.json`` as it is (validated, as are the
    vocabulary and labels it is read with).

    Re-reads and re-encodes the data with the run's saved settings (the encoding is
    cached), rebuilds the model, then :meth:`Trainer.fit` with ``resume=True`` cuts
    ``metrics.jsonl`` back to the checkpoint, restores weights, optimizer, schedule
    and random states and goes on from the next batch of the same batch order. The
    run keeps its id and folder; ``weights.safetensors`` is written at the end.
    ``report`` sees the new events only (``RunStarted`` included); the returned run's
    ``events`` hold the whole stream. Relative data paths in the saved settings are
    read from the current folder, as when the run started.

    Raises:
        ProjectError: ``run_dir`` has no readable run or checkpoint, or the data no
            longer gives the run's vocabulary, labels or training rows.
        TrainingError: the device ran out of memory; the checkpoint is kept.
        Cancelled: ``report`` was stopped before training began.
        StudioError: the data cannot be read.
    """
    run_dir = Path(run_dir)
    report = report or Reporter()
    saved, vocab, label_names = read_run_files(run_dir)
    config = saved if config is None else config
    settings = settings_of(config)

    def trained_on_this(data: PreparedData) -> None:
        if data.vocab.tokens != vocab or data.label_names != label_names:
            raise ProjectError("run.data_changed", folder=run_dir)

    prepared = prepare_run(settings, tables, report, trained_on_this, distributed is None or distributed.is_main)
    data = prepared.data
    report.stage("stage.resuming")
    result = Trainer(settings.training, distributed).fit(
        prepared.model, data.train, data.validation, data.label_names, data.test, report=report,
        run_dir=run_dir, resume=True,
                                            binary=scored_as_binary(settings, data.label_names))
    return Run(run_dir.name, config, vocab, label_names, result.best_state, read_events(run_dir),
               saved_to=run_dir)
