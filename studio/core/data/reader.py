"""Read delimited text files (.tsv / .txt / .csv) into a column-wise :class:`Table`.

The encoding is detected with charset-normalizer (UTF-8 with or without BOM, UTF-16,
GB18030/GBK, ...). The delimiter is the candidate that splits the most sample lines
into the same number of fields; the header row is detected from the column contents.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from studio.core.errors import DataFormatError

DELIMITERS = ("\t", ",", ";", "|")
DELIMITER_NAMES = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}
_SAMPLE_LINES = 500
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_HEADER_WORDS = {
    "text", "label", "labels", "sentence", "sentence1", "sentence2", "content", "review",
    "title", "headline", "category", "class", "id", "target", "query", "question",
    "文本", "标签", "类别", "内容", "句子", "评论", "标题", "分类",
}
_MAX_BAD_ROW_SHARE = 0.01


@dataclass
class Table:
    """A data file read as columns of strings.

    ``columns[c][r]`` is the cell of row ``r`` in column ``c``; ``line_numbers[r]`` is the
    1-based line in the file where row ``r`` started, for error messages.
    """

    path: Path
    names: list[str]
    columns: list[list[str]]
    line_numbers: list[int]
    encoding: str
    delimiter: str
    has_header: bool
    warnings: list[str] = field(default_factory=list)

    @property
    def num_rows(self) -> int:
        return len(self.line_numbers)

    @property
    def num_columns(self) -> int:
        return len(self.columns)

    def row(self, index: int) -> list[str]:
        return [column[index] for column in self.columns]


@dataclass(frozen=True)
class ColumnRoles:
    """Which columns hold the text (and an optional second text of a pair) and the label."""

    text: int
    label: int | None
    text_pair: int | None = None


def detect_encoding(raw: bytes, path: Path) -> str:
    """Return a Python codec name for ``raw`` using charset-normalizer.

    Raises:
        DataFormatError: when the bytes do not look like text in any known encoding.
    """
    if not raw:
        raise DataFormatError(f"{path}: the file is empty. Choose a file with one example per line.")
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise DataFormatError(
            f"{path}: this does not look like a text file in any known encoding. "
            "Save it as UTF-8 text (tab- or comma-separated) and try again."
        )
    encoding = best.encoding.lower().replace("-", "_")
    if encoding == "utf_8" and best.bom:
        return "utf-8-sig"
    if encoding in {"gbk", "gb2312", "cp936", "hz"}:
        return "gb18030"  # a superset: GBK-labelled files often hold GB18030-only characters
    return best.encoding


def _parse(text: str, delimiter: str) -> csv.reader:
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    # newline="" hands csv the line endings untouched: a bare CR ends a line (old Mac
    # files) instead of raising "new-line character seen in unquoted field"
    return csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting, strict=False
    )


def sniff_delimiter(sample: str, suffix: str = "") -> str:
    """Pick the delimiter that splits the most sample lines into one consistent field count.

    A tie prefers the delimiter the file extension suggests (tab for .tsv/.txt, comma
    for .csv). A file with one field per line (no delimiter) returns tab.
    """
    preferred = "," if suffix == ".csv" else "\t"
    order = [preferred] + [d for d in DELIMITERS if d != preferred]
    best, best_score = preferred, 0.0
    for delimiter in order:
        try:
            counts = [len(row) for row in _parse(sample, delimiter) if row]
        except csv.Error:  # e.g. a field over csv's size limit: not this delimiter
            continue
        if not counts:
            continue
        modal, freq = Counter(counts).most_common(1)[0]
        if modal < 2:
            continue
        score = freq / len(counts)
        if score > best_score + 1e-9:
            best, best_score = delimiter, score
    return best


def is_number(value: str) -> bool:
    return bool(_NUMBER.match(value.strip()))


def detect_header(rows: list[list[str]]) -> bool:
    """Decide whether ``rows[0]`` names the columns, from how it differs from the rows below."""
    if len(rows) < 2:
        return False
    first, body = rows[0], rows[1:]
    votes = 0
    for c, cell in enumerate(first):
        values = [row[c] for row in body if c < len(row)]
        if not values:
            continue
        if cell.strip().lower() in _HEADER_WORDS:
            votes += 2
        numeric = sum(map(is_number, values)) / len(values)
        if numeric >= 0.9:
            votes += -1 if is_number(cell) else 1
            continue
        distinct = set(values)
        if len(distinct) <= max(2, min(50, len(values) // 5)):
            votes += -1 if cell in distinct else 1
    return votes > 0


def read_table(
    path: str | os.PathLike,
    delimiter: str | None = None,
    has_header: bool | None = None,
    encoding: str | None = None,
) -> Table:
    """Read a delimited text file into a :class:`Table`.

    Args:
        path: a .tsv, .txt or .csv file, one example per line.
        delimiter: field separator; detected when ``None``.
        has_header: whether the first row names the columns; detected when ``None``.
        encoding: Python codec name; detected with charset-normalizer when ``None``.

    Raises:
        DataFormatError: the file is missing, empty, not text, or too many rows have
            a different number of fields from the rest (the message names the lines).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFormatError(f"{path}: file not found. Check the path and try again.") from None
    except IsADirectoryError:
        raise DataFormatError(f"{path}: this is a folder, not a data file.") from None
    except OSError as exc:
        raise DataFormatError(f"{path}: cannot be read ({exc.strerror}).") from None
    encoding = encoding or detect_encoding(raw, path)
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DataFormatError(
            f"{path}: cannot be decoded as {encoding} ({exc}). Save it as UTF-8 and try again."
        ) from None
    text = text.lstrip("\ufeff")
    sample = "".join(itertools.islice(io.StringIO(text, newline=""), _SAMPLE_LINES))
    delimiter = delimiter or sniff_delimiter(sample, path.suffix.lower())

    field_limit = csv.field_size_limit()
    if delimiter == "\t" and len(text) >= field_limit:
        # tab files are read without quoting, so a long cell is a long text (an article),
        # never a runaway quote: let csv hold it instead of failing at 128 KiB
        csv.field_size_limit(len(text) + 1)
    rows: list[list[str]] = []
    line_numbers: list[int] = []
    reader = _parse(text, delimiter)
    line = 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            cells = [cell.strip().strip("\ufeff").strip() for cell in row]
            if not any(cells):
                continue
            rows.append(cells)
            line_numbers.append(start)
    except csv.Error as exc:
        raise DataFormatError(
            f"{path}, line {line}: cannot be split into "
            f"{DELIMITER_NAMES.get(delimiter, repr(delimiter))}-separated fields ({exc}). "
            "Check for an unclosed quote (\") on or before that line, or choose another "
            "delimiter."
        ) from None
    finally:
        csv.field_size_limit(field_limit)
    if not rows:
        raise DataFormatError(f"{path}: the file holds no rows of data.")

    if has_header is None:
        has_header = detect_header(rows[:_SAMPLE_LINES])
    width = Counter(len(r) for r in rows[int(has_header):] or rows).most_common(1)[0][0]
    if has_header:
        header, header_line = rows.pop(0), line_numbers.pop(0)
        if len(header) != width:
            raise DataFormatError(
                f"{path}, line {header_line}: the header has {len(header)} fields but the rows "
                f"have {width}. Fix the header line or remove it."
            )
        names = [name or f"column {c + 1}" for c, name in enumerate(header)]
    else:
        names = [f"column {c + 1}" for c in range(width)]

    bad = [i for i, r in enumerate(rows) if len(r) != width]
    warnings: list[str] = []
    if bad:
        shown = ", ".join(str(line_numbers[i]) for i in bad[:5])
        if len(bad) > max(1, _MAX_BAD_ROW_SHARE * len(rows)):
            raise DataFormatError(
                f"{path}: {len(bad)} of {len(rows)} rows do not have {width} "
                f"{DELIMITER_NAMES.get(delimiter, repr(delimiter))}-separated fields "
                f"(lines {shown}...). Check the delimiter or fix those lines."
            )
        warnings.append(f"skipped {len(bad)} malformed line(s): {shown}")
        keep = set(range(len(rows))) - set(bad)
        rows = [r for i, r in enumerate(rows) if i in keep]
        line_numbers = [n for i, n in enumerate(line_numbers) if i in keep]
    columns = [list(col) for col in zip(*rows)] if rows else [[] for _ in range(width)]
    return Table(path, names, columns, line_numbers, encoding, delimiter, has_header, warnings)


def read_class_names(path: str | os.PathLike) -> list[str]:
    """Read a class-names file: one name per line, line ``i`` naming label id ``i``.

    Raises:
        DataFormatError: the file is missing, empty or names a class twice.
    """
    path = Path(path)
    table = read_table(path, delimiter="\t", has_header=False)
    names = table.columns[0]
    duplicates = [name for name, n in Counter(names).items() if n > 1]
    if duplicates:
        raise DataFormatError(f"{path}: class name {duplicates[0]!r} appears more than once.")
    return names


def guess_roles(table: Table) -> ColumnRoles:
    """Guess the text column(s) and the label column of ``table``.

    The text is the non-numeric column with the longest mean length; a second column of
    similar length and mostly distinct values makes a text pair. The label is the
    column with the fewest distinct values (at least two) that is not a text column.

    Raises:
        DataFormatError: no column holds text.
    """
    n = max(1, table.num_rows)
    stride = max(1, n // 5000)  # spread over the whole file: sorted files group labels
    stats = []
    for c, column in enumerate(table.columns):
        sample = column[::stride]
        mean_len = sum(map(len, sample)) / max(1, len(sample))
        distinct = len(set(sample))
        numeric = sum(map(is_number, sample)) / max(1, len(sample))
        stats.append((c, mean_len, distinct, numeric))

    label_limit = max(2, min(1000, n // 10))
    labels = [s for s in stats if 2 <= s[2] <= label_limit]
    label = min(labels, key=lambda s: (s[2], -s[0]))[0] if labels else None
    texts = sorted(
        (s for s in stats if s[0] != label and s[3] < 0.5), key=lambda s: -s[1]
    )
    if not texts:
        raise DataFormatError(
            f"{table.path}: no column holds text (every column is numbers or labels). "
            "Choose the text column by hand."
        )
    text = texts[0]
    pair = None
    if len(texts) > 1:
        second = texts[1]
        sample_size = len(table.columns[0][::stride])
        if second[1] >= 0.5 * text[1] and second[2] >= 0.5 * sample_size:
            pair = second[0]
    first, pair = (min(text[0], pair), max(text[0], pair)) if pair is not None else (text[0], None)
    return ColumnRoles(text=first, label=label, text_pair=pair)
