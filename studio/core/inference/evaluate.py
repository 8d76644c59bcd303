"""Score a trained run on a labelled data file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.core.data.dataset import dataset_from_table
from studio.core.data.reader import read_table
from studio.core.inference.predictor import Predictor
from studio.core.training.metrics import classification_report
from studio.core.training.run import Run


def evaluate_run(run: Run, data_file: str | Path) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-class scores of ``run`` on ``data_file``, read with the
    run's column roles and label names.

    Raises:
        DataFormatError: the file cannot be read or holds a label the run does not know.
    """
    config = run.settings.dataset
    table = read_table(data_file, config.delimiter, config.has_header, config.encoding)
    data = dataset_from_table(table, config, run.label_names, bool(config.class_names))
    probs = Predictor(run).probabilities(data.texts, data.pairs)
    report = classification_report(data.labels, probs.argmax(1).numpy(), run.label_names)
    report["num_examples"] = len(data)
    return report
