"""Score a trained run on a labelled data file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.core.data.dataset import dataset_from_table
from studio.core.data.reader import read_table
from studio.core.inference.predictor import Predictor, run_threshold
from studio.core.project_runs import Run
from studio.core.report import Reporter
from studio.core.training.metrics import classification_report
from studio.core.training.pair_metrics import pair_report
from studio.core.training.run import scored_as_binary


def evaluate_run(run: Run, data_file: str | Path, report: Reporter | None = None) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-class scores of ``run`` on ``data_file``, read with the
    run's column roles and label names; for a two-class pair run also ``"binary"``
    (:func:`~studio.core.training.pair_metrics.pair_report`) at the threshold the run
    chose on its validation split (:func:`run_threshold`).

    Args:
        report: the stages, the reading's progress, and stop.

    Raises:
        DataFormatError: the file cannot be read or holds a label the run does not know.
        Cancelled: ``report`` was stopped.
    """
    report = report or Reporter()
    config = run.settings.dataset
    report.stage("stage.reading_data")
    table = read_table(data_file, config.delimiter, config.has_header, config.encoding, report=report)
    data = dataset_from_table(table, config, run.label_names, bool(config.class_names))
    report.check()
    report.stage("stage.evaluating")
    probs = Predictor(run).probabilities(data.texts, data.pairs)
    scores = classification_report(data.labels, probs.argmax(1).numpy(), run.label_names)
    if scored_as_binary(run.settings, run.label_names):
        scores["binary"] = pair_report(run.label_names, data.labels, probs.numpy(), run_threshold(run))
    scores["num_examples"] = len(data)
    return scores
