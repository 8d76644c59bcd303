"""Label a whole data file with a run: its texts (a pair run: both texts of each pair)
and, when it has them, its true labels, found as the Dataset tab finds them; predicted in
chunks that report progress and stop on Cancel; written to CSV, TSV or JSON Lines.

The rows keep the file's order. Within a chunk the :class:`~studio.core.inference.predictor.Predictor`
reads texts shortest first and cuts each batch to its longest text (batching by length),
on the run's device.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from studio.core.data.dataset import label_lookup
from studio.core.data.reader import Table, guess_roles
from studio.core.errors import DataFormatError, StudioError
from studio.core.fileio import atomic_write_text
from studio.core.report import Reporter

CHUNK_ROWS = 2048  # rows predicted between two progress reports (and Cancel checks)
FORMATS = (".csv", ".tsv", ".jsonl")
KNOWN_LABELS = 0.9  # share of a label column's values that must be the run's labels


@dataclass(frozen=True)
class BatchInput:
    """The texts of a file to label: ``texts[i]`` (and ``pairs[i]``, the second text of a
    pair run) at file line ``line_numbers[i]``; ``labels[i]`` its true label when the file
    has a column of the run's labels, else ``labels`` is ``None``."""

    path: Path
    texts: list[str]
    pairs: list[str] | None
    labels: list[str] | None
    line_numbers: list[int]

    def __len__(self) -> int:
        return len(self.texts)


def pair_columns(table: Table) -> tuple[int, int] | None:
    """The two text columns of ``table``: the reader's guess
    (:func:`~studio.core.data.reader.guess_roles`), or columns 1 and 2 of a two-column file
    (a single pair of very different lengths); ``None`` when there are none."""
    if table.num_columns < 2:
        return None
    try:
        roles = guess_roles(table)
    except DataFormatError:  # no column looks like text (a few short lines look like labels)
        roles = None
    if roles is not None and roles.text_pair is not None:
        return roles.text, roles.text_pair
    return (0, 1) if table.num_columns == 2 else None


def batch_input(table: Table, pair_run: bool, label_names: list[str], class_ids: bool = False) -> BatchInput:
    """What to label in ``table``, for a run of the pair task (``pair_run``) or not, whose
    classes are ``label_names``: the text column(s) and, if at least 90 % of a label
    column's values name one of them, the true labels (as names; with ``class_ids``, a run
    trained with a class-names file, an integer id names the class at that position, as
    in training: :func:`~studio.core.data.dataset.label_lookup`).

    Raises:
        StudioError: ``cli.no_pair_columns``: a pair run and no two text columns.
        DataFormatError: ``data.no_text_column``: no column holds text.
    """
    try:
        roles = guess_roles(table)
    except DataFormatError:
        if table.num_columns != 1 or pair_run:
            raise
        roles = None
    text = roles.text if roles is not None else 0
    pairs = None
    if pair_run:
        columns = pair_columns(table)
        if columns is None:
            raise StudioError("cli.no_pair_columns", file=table.path)
        text, second = columns
        pairs = [cell.strip() for cell in table.columns[second]]
    label_column = roles.label if roles is not None else None
    labels = None
    if label_column is not None and label_column != text and (pairs is None or label_column != columns[1]):
        lookup = label_lookup(label_names, class_ids)
        values = [cell.strip() for cell in table.columns[label_column]]
        ids = [lookup(value) for value in values]
        if values and sum(i is not None for i in ids) >= KNOWN_LABELS * len(values):
            labels = [value if i is None else label_names[i] for value, i in zip(values, ids, strict=True)]
    return BatchInput(table.path, [cell.strip() for cell in table.columns[text]], pairs, labels,
                      list(table.line_numbers))


def run_batch_input(table: Table, predictor) -> BatchInput:
    """:func:`batch_input` for ``predictor``'s run (a :class:`~studio.core.inference.predictor.Predictor`):
    its task, its classes, and whether it was trained with a class-names file."""
    run = predictor.run
    return batch_input(table, run.settings.task == "pair", list(predictor.label_names),
                       class_ids=bool(run.settings.dataset.class_names))


@dataclass(frozen=True)
class BatchPredictions:
    """Predictions for rows ``start .. start + len(labels)`` of a :class:`BatchInput`:
    the predicted ``labels`` (a two-class pair run: decided at its threshold, else the
    likeliest class), ``probabilities (N, C)`` float32 in the run's label order, and
    ``confidence (N,)`` the predicted class's probability."""

    start: int
    labels: list[str]
    probabilities: np.ndarray

    def confidence(self, label_names: list[str]) -> np.ndarray:
        """The probability of each row's predicted label, ``(N,)``."""
        column = {name: i for i, name in enumerate(label_names)}
        chosen = np.fromiter((column[label] for label in self.labels), np.int64, len(self.labels))
        return self.probabilities[np.arange(len(chosen)), chosen]


def iter_predictions(predictor, rows: BatchInput, report: Reporter | None = None,
                     chunk_rows: int = CHUNK_ROWS) -> Iterator[BatchPredictions]:
    """Predict ``rows`` with ``predictor`` (a :class:`~studio.core.inference.predictor.Predictor`)
    ``chunk_rows`` at a time, in file order; after each chunk ``report`` gets the fraction
    done, and a stopped ``report`` ends it with :class:`~studio.core.errors.Cancelled`
    before the next chunk.

    Raises:
        Cancelled: ``report`` was stopped.
        ValueError: ``chunk_rows`` below 1.
    """
    if chunk_rows < 1:
        raise ValueError("chunk_rows must be at least 1")
    names = list(predictor.label_names)
    total = len(rows)
    for start in range(0, total, chunk_rows):
        if report is not None:
            report.check()
        end = min(total, start + chunk_rows)
        pairs = rows.pairs[start:end] if rows.pairs is not None else None
        probabilities = predictor.probabilities(rows.texts[start:end], pairs).numpy().astype(np.float32)
        yield BatchPredictions(start, [names[i] for i in predictor.decide(probabilities)], probabilities)
        if report is not None:
            report.progress(end / total)
    if report is not None and total == 0:
        report.progress(1.0)


def predict_all(predictor, rows: BatchInput, report: Reporter | None = None,
                chunk_rows: int = CHUNK_ROWS) -> BatchPredictions:
    """Every row's prediction at once (:func:`iter_predictions` joined).

    Raises:
        Cancelled: ``report`` was stopped.
    """
    return join_predictions(list(iter_predictions(predictor, rows, report, chunk_rows)), len(predictor.label_names))


def join_predictions(parts: list[BatchPredictions], classes: int) -> BatchPredictions:
    """Consecutive chunks from :func:`iter_predictions` (of a run with ``classes``
    classes) as one, from row 0."""
    if not parts:
        return BatchPredictions(0, [], np.zeros((0, classes), np.float32))
    return BatchPredictions(parts[0].start, [label for part in parts for label in part.labels],
                            np.concatenate([part.probabilities for part in parts]))


def prediction_records(rows: BatchInput, predictions: BatchPredictions, label_names: list[str]
                       ) -> tuple[list[str], list[list]]:
    """The header and one record per row: ``line``, ``text`` (and ``text_b``), ``label``,
    ``confidence``, ``p(<class>)`` for every class, and with true labels ``true_label`` and
    ``correct``. Probabilities are rounded to 6 decimals."""
    header = ["line", "text"] + (["text_b"] if rows.pairs is not None else []) + ["label", "confidence"]
    header += [f"p({name})" for name in label_names]
    if rows.labels is not None:
        header += ["true_label", "correct"]
    records = []
    confidence = predictions.confidence(label_names).tolist()
    for offset, (label, row) in enumerate(zip(predictions.labels, predictions.probabilities.tolist(), strict=True)):
        i = predictions.start + offset
        record = [rows.line_numbers[i], rows.texts[i]] + ([rows.pairs[i]] if rows.pairs is not None else [])
        record += [label, round(confidence[offset], 6)] + [round(p, 6) for p in row]
        if rows.labels is not None:
            record += [rows.labels[i], rows.labels[i] == label]
        records.append(record)
    return header, records


def write_predictions(path: str | os.PathLike, rows: BatchInput, predictions: BatchPredictions,
                      label_names: list[str]) -> Path:
    """Write :func:`prediction_records` to ``path`` by its suffix: ``.csv`` (comma, quoted
    as needed, UTF-8 with a BOM so that spreadsheet programs read Chinese), ``.tsv`` (tab),
    or ``.jsonl`` (one JSON object per row, probabilities as ``{"class": p}``). Written
    atomically: a failed write leaves any earlier file as it was.

    Raises:
        StudioError: ``inference.output_format``: another suffix;
            ``inference.cannot_write``: the file cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise StudioError("inference.output_format", file=path, formats=", ".join(FORMATS))
    header, records = prediction_records(rows, predictions, label_names)
    if suffix == ".jsonl":
        lines = []
        classes = len(label_names)
        first_p = header.index(f"p({label_names[0]})") if label_names else len(header)
        for record in records:
            item = dict(zip(header[:first_p], record[:first_p], strict=True))
            item["probabilities"] = dict(zip(label_names, record[first_p:first_p + classes], strict=True))
            item.update(zip(header[first_p + classes:], record[first_p + classes:], strict=True))
            lines.append(json.dumps(item, ensure_ascii=False))
        text = "".join(line + "\n" for line in lines)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if suffix == ".csv" else "\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(records)
        text = ("\ufeff" if suffix == ".csv" else "") + buffer.getvalue()
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        from studio.core.safe_files import os_reason

        raise StudioError("inference.cannot_write", file=path, reason=os_reason(exc)) from None
    return path
