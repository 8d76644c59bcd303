"""``studio predict`` and ``studio evaluate`` on a sentence-pair project.

``predict`` reads pairs from the positional texts two at a time (text a, text b, text a,
...), from ``--file`` (one pair per line as ``a<TAB>b``, or any data file the reader reads
with two text columns: LCQMC's ``a<TAB>b<TAB>label``, ATEC's ``id<TAB>a<TAB>b<TAB>label``,
a CSV with a header), or else from standard input (``a<TAB>b`` per line). A two-class run
prints each pair's match probability (the positive class's) and the label decided at the
threshold it chose on validation; a run with graded labels prints the likeliest label.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path


def split_pair_lines(lines: list[str], source: str) -> tuple[list[str], list[str]]:
    """``a<TAB>b`` lines (further fields ignored, blank lines skipped) -> sides a and b.

    Raises:
        StudioError: ``cli.pair_line`` for a non-blank line without a tab.
    """
    from studio.core.errors import StudioError

    side_a, side_b = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise StudioError("cli.pair_line", file=source, line=number)
        side_a.append(fields[0].strip())
        side_b.append(fields[1].strip())
    return side_a, side_b


def read_pair_file(path: str) -> tuple[list[str], list[str]]:
    """Both text columns of a data file (:func:`pair_columns`).

    Raises:
        DataFormatError: the file cannot be read (missing, binary, ragged...).
        StudioError: ``cli.no_pair_columns``: no two text columns.
    """
    from studio.core.data.reader import read_table
    from studio.core.errors import StudioError
    from studio.core.inference.batch import pair_columns

    table = read_table(path)
    columns = pair_columns(table)
    if columns is None:
        raise StudioError("cli.no_pair_columns", file=path)
    return list(table.columns[columns[0]]), list(table.columns[columns[1]])


def read_pairs(args) -> tuple[list[str], list[str]]:
    """The pairs ``studio predict`` was given (see the module's docstring).

    Raises:
        StudioError: an odd count of texts (``cli.odd_pair_texts``), an unreadable file or
            line, no pairs at all (``cli.no_pairs``).
    """
    from studio.core.errors import StudioError

    texts = list(args.texts)
    if len(texts) % 2:
        raise StudioError("cli.odd_pair_texts", count=len(texts))
    side_a, side_b = texts[0::2], texts[1::2]
    if args.file:
        file_a, file_b = read_pair_file(args.file)
        side_a, side_b = side_a + file_a, side_b + file_b
    if not side_a and not sys.stdin.isatty():
        side_a, side_b = split_pair_lines(sys.stdin.read().splitlines(), "<stdin>")
    if not side_a:
        raise StudioError("cli.no_pairs")
    return side_a, side_b


def predict_pairs(args, predictor) -> int:
    """Print one line (or JSON object) per pair: for a two-class run ``match`` or
    ``no match``, the match probability, the label decided at the run's threshold and the
    two texts; else the likeliest label, the two texts and the top probabilities."""
    side_a, side_b = read_pairs(args)
    if not predictor.scores_matches:
        for a, b, prediction in zip(side_a, side_b, predictor.predict(side_a, side_b), strict=True):
            if args.json:
                print(json.dumps({"text_a": a, "text_b": b, "label": prediction.label,
                                  "probabilities": prediction.probabilities}, ensure_ascii=False))
            else:
                top = sorted(prediction.probabilities.items(), key=lambda kv: -kv[1])[:3]
                print(f"{prediction.label}\t{a}\t{b}\t({', '.join(f'{n} {p:.3f}' for n, p in top)})")
        return 0
    matches = predictor.match(side_a, side_b)
    if not args.json and matches:
        first = matches[0]
        where = "chosen on the validation split" if first.threshold_chosen else "the default: the run chose none"
        print(f"match probability = probability of class {first.positive!r}; a match when >= "
              f"{first.threshold:.4f} ({where})", file=sys.stderr)
    for a, b, match in zip(side_a, side_b, matches, strict=True):
        if args.json:
            print(json.dumps({"text_a": a, "text_b": b, "match": match.is_match, "probability": match.probability,
                              "label": match.label, "threshold": match.threshold,
                              "threshold_chosen": match.threshold_chosen,
                              "probabilities": match.prediction.probabilities}, ensure_ascii=False))
        else:
            verdict = "match" if match.is_match else "no match"
            print(f"{verdict}\t{match.probability:.4f}\t{match.label}\t{a}\t{b}")
    return 0


def fit_pair_columns(run, data: str | Path):
    """``run`` to evaluate on ``data``: as it is, unless it is a pair run whose column
    layout (delimiter, header, column numbers) does not fit ``data`` and the reader finds
    a text pair and a label in ``data`` (an LCQMC-format file scored by a run trained on
    ATEC or on a CSV with a header): then a copy reading ``data``'s own columns, said on
    standard error."""
    from studio.core.data.dataset import propose_config
    from studio.core.data.reader import read_table

    config = run.settings.dataset
    if config.task != "pair":
        return run
    table = read_table(data)
    used = [c for c in (config.text_column, config.text_pair_column, config.label_column) if c is not None]
    if (config.delimiter in (None, table.delimiter) and config.has_header in (None, table.has_header)
            and max(used) < table.num_columns):
        return run
    found = propose_config(data, table)
    if found.text_pair_column is None or found.label_column is None:
        return run  # let the evaluation say what does not fit
    print(f"{data}: the training data's columns do not fit; reading text a from column {found.text_column + 1}, "
          f"text b from column {found.text_pair_column + 1} and the label from column {found.label_column + 1}",
          file=sys.stderr)
    columns = {"text_column": found.text_column, "text_pair_column": found.text_pair_column,
               "label_column": found.label_column, "has_header": found.has_header,
               "delimiter": found.delimiter, "encoding": found.encoding}
    return dataclasses.replace(run, config={**run.config, "dataset": {**run.config["dataset"], **columns}})
