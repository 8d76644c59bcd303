"""What the Inference tab's "Label a file" runs on a worker: read a data file, label every
row with a run (streamed in chunks as events), and write the predictions out. Plain
functions over :mod:`studio.core.inference.batch`; the pool's jobs carry their progress,
events and Cancel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.core.data.reader import read_table
from studio.core.inference.batch import (
    BatchInput,
    BatchPredictions,
    iter_predictions,
    join_predictions,
    run_batch_input,
    write_predictions,
)
from studio.core.inference.predictor import Predictor
from studio.core.project_runs import Run
from studio.core.report import Reporter

READING = 0.2  # share of the progress bar for reading the file


@dataclass(frozen=True)
class Started:
    """The rows about to be labelled (an event before the first chunk)."""

    rows: BatchInput
    label_names: list[str]


@dataclass(frozen=True)
class Labelled:
    """Every row and its prediction, and the predictor (kept for the run's next file)."""

    run_id: str
    rows: BatchInput
    predictions: BatchPredictions
    predictor: Predictor


def label_file(path: str, run: Run, predictor: Predictor | None, report: Reporter) -> Labelled:
    """Read ``path`` (:func:`~studio.core.data.reader.read_table`), find what to label
    (:func:`~studio.core.inference.batch.batch_input`), and predict it chunk by chunk:
    ``report`` gets a :class:`Started` event, then each
    :class:`~studio.core.inference.batch.BatchPredictions` as it is done."""
    predictor = predictor or Predictor(run)
    table = read_table(path, report=report.part(0.0, READING))
    rows = run_batch_input(table, predictor)
    report.event(Started(rows, list(predictor.label_names)))
    parts = []
    for part in iter_predictions(predictor, rows, report.part(READING, 1.0)):
        parts.append(part)
        report.event(part)
    return Labelled(run.id, rows, join_predictions(parts, len(predictor.label_names)), predictor)


def export_predictions(path: str, labelled: Labelled) -> Path:
    """:func:`~studio.core.inference.batch.write_predictions` of every labelled row."""
    return write_predictions(path, labelled.rows, labelled.predictions, labelled.predictor.label_names)
