"""``studio predict PROJECT --file IN --out OUT`` labels a whole data file headless.

IN is any file the Dataset tab reads (one text per line, a labelled TSV, a CSV with a
header; a sentence-pair run: two text columns); OUT ends in .csv, .tsv or .jsonl
(:func:`~studio.core.inference.batch.write_predictions`). On a terminal a progress bar
(tqdm) shows on standard error; the last line says how many rows were written and, when
IN has the run's labels, the accuracy.
"""

from __future__ import annotations

import sys
from pathlib import Path


def predict_file(args, run) -> int:
    """Label ``args.file`` with ``run`` and write ``args.out``.

    Raises:
        StudioError: unreadable input, no text column (or no two for a pair run), an
            output name of another format, an unwritable output.
    """
    from tqdm import tqdm

    from studio.core.data.reader import read_table
    from studio.core.errors import StudioError
    from studio.core.inference.batch import (
        FORMATS,
        iter_predictions,
        join_predictions,
        run_batch_input,
        write_predictions,
    )
    from studio.core.inference.predictor import Predictor
    from studio.core.report import Reporter

    if Path(args.out).suffix.lower() not in FORMATS:  # before reading and predicting a large file
        raise StudioError("inference.output_format", file=args.out, formats=", ".join(FORMATS))
    predictor = Predictor(run)
    rows = run_batch_input(read_table(args.file), predictor)
    bar = tqdm(total=len(rows), unit="row", disable=not sys.stderr.isatty(), file=sys.stderr)
    parts = []
    try:
        for part in iter_predictions(predictor, rows, Reporter()):
            parts.append(part)
            bar.update(len(part.labels))
    finally:
        bar.close()
    predictions = join_predictions(parts, len(predictor.label_names))
    path = write_predictions(args.out, rows, predictions, predictor.label_names)
    line = f"wrote {len(rows):,} predictions to {path}"
    if rows.labels is not None and len(rows):
        correct = sum(truth == label for truth, label in zip(rows.labels, predictions.labels, strict=True))
        line += f"; accuracy {correct / len(rows):.4f} against the file's labels"
    print(line)
    return 0
