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
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import charset_normalizer

from studio.core.data import memory
from studio.core.errors import Cancelled, DataFormatError
from studio.core.safe_files import is_regular_file

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
    # newline="" hands csv the line endings untouched: a bare CR ends a line (old Mac
    # files) instead of raising "new-line character seen in unquoted field"
    return _parse_buffer(io.StringIO(text, newline=""), delimiter)


def _parse_buffer(buffer: io.StringIO, delimiter: str) -> csv.reader:
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    return csv.reader(buffer, delimiter=delimiter, quoting=quoting, strict=False)


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


_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Excel .xlsx / Word .docx file, which are ZIP archives)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel .xls / Word .doc file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"PAR1", "a Parquet file"),
    (b"\x93NUMPY", "a NumPy array file"),
)
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
# more than this share of other control characters in the first characters: not text
_MAX_CONTROL_SHARE = 0.05
_CONTROL_SAMPLE = 65_536
# a quoted field this long that spans lines is a quote left open, not a text
_RUNAWAY_FIELD = 128 * 1024
# csv's limit is process-wide, so it is raised once here rather than around each read
# (two reads on two workers would reset it under each other). A long cell (an article,
# a 10 MB line) is text; an unclosed quote is caught by _RUNAWAY_FIELD and line breaks.
csv.field_size_limit(2**31 - 1)
_READ_CHUNK = 8 << 20
_PROGRESS_INTERVAL_S = 0.05
_CHECK_EVERY_ROWS = 2048
# share of the progress bar spent reading bytes; parsing takes the rest
_READ_SHARE = 0.1


def _binary_kind(raw: bytes) -> str | None:
    """What a binary file is, from its first bytes (``None`` when it may be text)."""
    for signature, kind in _BINARY_SIGNATURES:
        if raw.startswith(signature):
            # 'MZ' and 'BZh' also start ordinary words: trust them only with NUL bytes near
            if len(signature) < 4 and b"\x00" not in raw[:4096]:
                continue
            return kind
    return None


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _not_text_error(path: Path, raw: bytes) -> DataFormatError:
    """The clearest refusal for bytes no encoding accepted: a known binary kind, stray
    bytes in otherwise UTF-8 text (naming the line), or plain binary."""
    kind = _binary_kind(raw)
    if kind:
        return DataFormatError(
            f"{path}: this is {kind}, not a text table, whatever its name says. "
            "Export the data as UTF-8 text (tab- or comma-separated) and open that file."
        )
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[:_CONTROL_SAMPLE]
        mostly_utf8 = (
            b"\x00" not in head
            and len(head.decode("utf-8", errors="replace").encode("utf-8")) - len(head)
            < 0.02 * len(head) + 16
        )
        if mostly_utf8:
            return DataFormatError(
                f"{path}, line {_line_of(raw, exc.start)}: invalid UTF-8 bytes "
                f"({raw[exc.start:exc.end + 3][:8].hex(' ')}) at byte {exc.start}. The file is "
                "damaged or mixes encodings: fix or delete that line, or save the whole file "
                "again as UTF-8."
            )
    return DataFormatError(
        f"{path}: this does not look like a text file in any known encoding (it may be "
        "binary data renamed). Save it as UTF-8 text (tab- or comma-separated) and try again."
    )


def _check_text(path: Path, text: str) -> None:
    """Refuse decoded text that is really binary: NUL characters or many control codes.

    Raises:
        DataFormatError: naming the line of the first NUL, or the share of control codes.
    """
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise DataFormatError(
            f"{path}, line {line}: the file holds NUL bytes, so it is binary data or a "
            "UTF-16/32 file with damaged bytes, not a text table. Save it as UTF-8 text "
            "(tab- or comma-separated) and try again."
        )
    head = text[:_CONTROL_SAMPLE]
    controls = sum(1 for ch in head if (ch < " " or "\x7f" <= ch < "\xa0") and ch not in _TEXT_CONTROLS)
    if head and controls > _MAX_CONTROL_SHARE * len(head):
        raise DataFormatError(
            f"{path}: {controls} of the first {len(head)} characters are control codes, so "
            "this is binary data, not a text table. Save the data as UTF-8 text (tab- or "
            "comma-separated) and try again."
        )


def _read_bytes(path: Path, size: int, progress, stop_event) -> bytes:
    if progress is None and stop_event is None:
        return path.read_bytes()
    chunks, done = [], 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_READ_CHUNK):
            chunks.append(chunk)
            done += len(chunk)
            _check_stop(path, stop_event)
            if progress is not None:
                progress(_READ_SHARE * min(1.0, done / max(1, size)))
    return b"".join(chunks)


def _check_stop(path: Path, stop_event) -> None:
    if stop_event is not None and stop_event.is_set():
        raise Cancelled(f"{path}: reading was stopped.")


class _Progress:
    """Calls ``on_progress`` with a rising fraction, at most every ``_PROGRESS_INTERVAL_S``
    (a 100 MB file has a million rows; a Qt signal per row would swamp the GUI)."""

    def __init__(self, on_progress):
        self.on_progress = on_progress
        self.last_time = 0.0
        self.last_value = 0.0

    def __call__(self, value: float, force: bool = False) -> None:
        now = time.monotonic()
        value = max(self.last_value, min(1.0, value))
        if force or now - self.last_time >= _PROGRESS_INTERVAL_S:
            self.last_time, self.last_value = now, value
            self.on_progress(value)


def _mixed_delimiter_hint(rows: list[list[str]], bad: list[int], width: int,
                          delimiter: str, line_numbers: list[int]) -> str:
    """' Lines 2, 4 use commas ...' when the bad rows split into ``width`` fields with
    another delimiter; '' otherwise."""
    for other in DELIMITERS:
        if other == delimiter:
            continue
        fits = [i for i in bad[:50] if len(rows[i]) == 1
                and len(next(_parse(rows[i][0], other), [])) == width]
        if len(fits) >= max(1, len(bad[:50]) // 2):
            shown = ", ".join(str(line_numbers[i]) for i in fits[:5])
            return (f" Lines {shown} use {DELIMITER_NAMES[other]}s instead: the file mixes "
                    f"delimiters. Use one delimiter on every line.")
    return ""


def read_table(
    path: str | os.PathLike,
    delimiter: str | None = None,
    has_header: bool | None = None,
    encoding: str | None = None,
    *,
    on_progress: Callable[[float], None] | None = None,
    stop_event: threading.Event | None = None,
) -> Table:
    """Read a delimited text file into a :class:`Table`.

    Args:
        path: a .tsv, .txt or .csv file, one example per line.
        delimiter: field separator; detected when ``None``.
        has_header: whether the first row names the columns; detected when ``None``.
        encoding: Python codec name; detected with charset-normalizer when ``None``.
        on_progress: called with the fraction done (0..1, rising, ending at 1.0), at
            most about 20 times a second.
        stop_event: when set, reading stops with :class:`~studio.core.errors.Cancelled`.

    Raises:
        DataFormatError: the file is missing, empty, binary (an image, an archive, NUL
            bytes), holds bytes invalid in its encoding (naming the line), holds only a
            header, would not fit in the available memory, has an unclosed quote, or too
            many rows have a different number of fields from the rest (the message
            names the lines).
        Cancelled: ``stop_event`` was set.
    """
    path = Path(path)
    progress = _Progress(on_progress) if on_progress is not None else None
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if not is_regular_file(path):  # a FIFO or a device: a read would block or never end
            raise DataFormatError(f"{path}: not a regular file (a pipe or a device); choose a data file.")
        memory.check_fits_in_memory(path, size)
        raw = _read_bytes(path, size, progress, stop_event)
    except FileNotFoundError:
        raise DataFormatError(f"{path}: file not found. Check the path and try again.") from None
    except IsADirectoryError:
        raise DataFormatError(f"{path}: this is a folder, not a data file.") from None
    except OSError as exc:
        raise DataFormatError(f"{path}: cannot be read ({exc.strerror}).") from None
    if not raw:
        raise DataFormatError(f"{path}: the file is empty. Choose a file with one example per line.")
    kind = _binary_kind(raw)
    if kind and not encoding:
        raise _not_text_error(path, raw)
    try:
        encoding = encoding or detect_encoding(raw, path)
    except DataFormatError:
        raise _not_text_error(path, raw) from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        # detection samples the file: a bad byte far down is found only here
        raise DataFormatError(
            f"{path}, line {_line_of(raw, exc.start)}: bytes invalid in {encoding} at byte "
            f"{exc.start} ({exc.reason}). Fix or delete that line, or save the whole file "
            "again as UTF-8."
        ) from None
    except LookupError as exc:
        raise DataFormatError(
            f"{path}: cannot be decoded as {encoding} ({exc}). Save it as UTF-8 and try again."
        ) from None
    del raw  # the bytes and the cells need not be alive together at the peak
    text = text.lstrip("\ufeff")
    _check_text(path, text)
    _check_stop(path, stop_event)
    sample = "".join(itertools.islice(io.StringIO(text, newline=""), _SAMPLE_LINES))
    delimiter = delimiter or sniff_delimiter(sample, path.suffix.lower())

    rows: list[list[str]] = []
    line_numbers: list[int] = []
    buffer = io.StringIO(text, newline="")
    reader = _parse_buffer(buffer, delimiter)
    total = max(1, len(text))
    start = line = 1
    try:
        for row in reader:
            start, line = line, reader.line_num + 1
            if line - start > 1 and delimiter != "\t" and any(
                len(cell) > _RUNAWAY_FIELD and ("\n" in cell or "\r" in cell) for cell in row
            ):
                raise csv.Error("a quoted field runs over many lines")
            cells = [cell.strip().strip("\ufeff").strip() for cell in row]
            if any(cells):
                rows.append(cells)
                line_numbers.append(start)
            if len(rows) % _CHECK_EVERY_ROWS == 0 or line - start > 1000:
                _check_stop(path, stop_event)
                if progress is not None:
                    progress(_READ_SHARE + (1 - _READ_SHARE) * buffer.tell() / total)
    except csv.Error as exc:
        # csv fails inside the row that began at ``line`` (the row after ``start``'s),
        # or, for a runaway quote caught above, at ``start`` itself
        where = start if str(exc).startswith("a quoted field") else line
        raise DataFormatError(
            f"{path}, line {where}: cannot be split into "
            f"{DELIMITER_NAMES.get(delimiter, repr(delimiter))}-separated fields ({exc}). "
            "Check for an unclosed quote (\") on or before that line, or choose another "
            "delimiter."
        ) from None
    del text, buffer
    if not rows:
        raise DataFormatError(f"{path}: the file holds no rows of data.")

    if has_header is None:
        has_header = detect_header(rows[:_SAMPLE_LINES])
        if len(rows) == 1 and any(cell.lower() in _HEADER_WORDS for cell in rows[0]):
            has_header = True
    if has_header and len(rows) == 1:
        raise DataFormatError(
            f"{path}: the file holds only a header line ({', '.join(rows[0])}) and no "
            "examples. Add one example per line below the header."
        )
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
            hint = _mixed_delimiter_hint(rows, bad, width, delimiter, line_numbers)
            raise DataFormatError(
                f"{path}: {len(bad)} of {len(rows)} rows do not have {width} "
                f"{DELIMITER_NAMES.get(delimiter, repr(delimiter))}-separated fields "
                f"(lines {shown}{'...' if len(bad) > 5 else ''}).{hint or ' Check the delimiter or fix those lines.'}"
            )
        warnings.append(f"skipped {len(bad)} malformed line(s): {shown}")
        keep = set(range(len(rows))) - set(bad)
        rows = [r for i, r in enumerate(rows) if i in keep]
        line_numbers = [n for i, n in enumerate(line_numbers) if i in keep]
    columns = [list(col) for col in zip(*rows)] if rows else [[] for _ in range(width)]
    del rows
    if progress is not None:
        progress(1.0, force=True)
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
