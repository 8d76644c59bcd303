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

from studio.core.data import memory
from studio.core.errors import DataFormatError
from studio.core.messages import Message, message
from studio.core.report import Reporter
from studio.core.safe_files import is_regular_file

DELIMITERS = ("\t", ",", ";", "|")
DELIMITER_CODES = {"\t": "data.delimiter_tab", ",": "data.delimiter_comma", ";": "data.delimiter_semicolon",
                   "|": "data.delimiter_pipe"}
_SAMPLE_LINES = 500
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_HEADER_WORDS = {
    "text", "label", "labels", "sentence", "sentence1", "sentence2", "content", "review",
    "title", "headline", "category", "class", "id", "target", "query", "question",
    "文本", "标签", "类别", "内容", "句子", "评论", "标题", "分类",
}
_LABEL_NAMES = {  # a header naming a column so makes it the label
    "label", "labels", "class", "category", "target", "score", "similarity", "is_duplicate",
    "标签", "类别", "分类", "相似度",
}
_SMALL_FILE_CLASSES = 20
_MAX_BAD_ROW_SHARE = 0.01


@dataclass
class Table:
    """A data file read as columns of strings.

    ``columns[c][r]`` is the cell of row ``r`` in column ``c``; ``line_numbers[r]`` is the
    1-based line in the file where row ``r`` started, for error messages. ``names[c]`` is
    the header's name of column ``c``, or a ``data.column_name`` :class:`Message`
    ("column 3") where the file has no header or leaves that name blank: a GUI words it.
    ``warnings`` says what reading skipped, as messages.
    """

    path: Path
    names: list[str | Message]
    columns: list[list[str]]
    line_numbers: list[int]
    encoding: str
    delimiter: str
    has_header: bool
    warnings: list[Message] = field(default_factory=list)

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


def column_name(index: int) -> Message:
    """The placeholder name of column ``index`` (0-based) without a header: "column 1"."""
    return message("data.column_name", number=index + 1)


def delimiter_name(delimiter: str) -> Message | str:
    """``tab``, ``comma``... as a message; an unusual delimiter as its ``repr``."""
    code = DELIMITER_CODES.get(delimiter)
    return message(code) if code else repr(delimiter)


def detect_encoding(raw: bytes, path: Path) -> str:
    """Return a Python codec name for ``raw`` using charset-normalizer.

    Raises:
        DataFormatError: when the bytes do not look like text in any known encoding.
    """
    if not raw:
        raise DataFormatError("data.empty_file", file=path)
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise DataFormatError("data.unknown_encoding", file=path)
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


def detect_header(rows: list[tuple[str, ...]]) -> bool:
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
        # a column of few repeated values (labels) tells a name from a value; one whose
        # values are all different (two or three texts) tells nothing
        if len(distinct) < len(values) and len(distinct) <= max(2, min(50, len(values) // 5)):
            votes += -1 if cell in distinct else 1
    return votes > 0


_BINARY_SIGNATURES = (  # first bytes -> the message code naming the kind of file
    (b"\x89PNG\r\n\x1a\n", "data.kind_png"),
    (b"\xff\xd8\xff", "data.kind_jpeg"),
    (b"GIF87a", "data.kind_gif"),
    (b"GIF89a", "data.kind_gif"),
    (b"%PDF-", "data.kind_pdf"),
    (b"PK\x03\x04", "data.kind_zip"),
    (b"PK\x05\x06", "data.kind_empty_zip"),
    (b"\x1f\x8b", "data.kind_gzip"),
    (b"BZh", "data.kind_bzip2"),
    (b"\xfd7zXZ\x00", "data.kind_xz"),
    (b"7z\xbc\xaf\x27\x1c", "data.kind_7z"),
    (b"Rar!\x1a\x07", "data.kind_rar"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "data.kind_old_office"),
    (b"SQLite format 3\x00", "data.kind_sqlite"),
    (b"\x7fELF", "data.kind_elf"),
    (b"MZ", "data.kind_windows_program"),
    (b"PAR1", "data.kind_parquet"),
    (b"\x93NUMPY", "data.kind_numpy"),
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
_CHECK_EVERY_ROWS = 2048
# share of the progress bar spent reading bytes; parsing takes the rest
_READ_SHARE = 0.1


def _binary_kind(raw: bytes) -> Message | None:
    """What a binary file is, from its first bytes (``None`` when it may be text)."""
    for signature, code in _BINARY_SIGNATURES:
        if raw.startswith(signature):
            # 'MZ' and 'BZh' also start ordinary words: trust them only with NUL bytes near
            if len(signature) < 4 and b"\x00" not in raw[:4096]:
                continue
            return message(code)
    return None


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _not_text_error(path: Path, raw: bytes) -> DataFormatError:
    """The clearest refusal for bytes no encoding accepted: a known binary kind, stray
    bytes in otherwise UTF-8 text (naming the line), or plain binary."""
    kind = _binary_kind(raw)
    if kind:
        return DataFormatError("data.binary_kind", file=path, kind=kind)
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
            return DataFormatError("data.invalid_utf8", file=path, line=_line_of(raw, exc.start),
                                   bytes=raw[exc.start:exc.end + 3][:8].hex(" "), offset=exc.start)
    return DataFormatError("data.binary_renamed", file=path)


def _check_text(path: Path, text: str) -> None:
    """Refuse decoded text that is really binary: NUL characters or many control codes.

    Raises:
        DataFormatError: naming the line of the first NUL, or the share of control codes.
    """
    nul = text.find("\x00")
    if nul >= 0:
        raise DataFormatError("data.nul_bytes", file=path, line=text.count("\n", 0, nul) + 1)
    head = text[:_CONTROL_SAMPLE]
    controls = sum(1 for ch in head if (ch < " " or "\x7f" <= ch < "\xa0") and ch not in _TEXT_CONTROLS)
    if head and controls > _MAX_CONTROL_SHARE * len(head):
        raise DataFormatError("data.control_codes", file=path, controls=controls, characters=len(head))


def _read_bytes(path: Path, size: int, report: Reporter | None) -> bytes:
    if report is None:
        return path.read_bytes()
    chunks, done = [], 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_READ_CHUNK):
            chunks.append(chunk)
            done += len(chunk)
            report.check()
            report.progress(_READ_SHARE * min(1.0, done / max(1, size)))
    return b"".join(chunks)


def _mixed_delimiter_hint(rows: list[tuple[str, ...]], bad: list[int], width: int,
                          delimiter: str, line_numbers: list[int]) -> Message | None:
    """'Lines 2, 4 use commas ...' when the bad rows split into ``width`` fields with
    another delimiter; ``None`` otherwise."""
    for other in DELIMITERS:
        if other == delimiter:
            continue
        fits = [i for i in bad[:50] if len(rows[i]) == 1
                and len(next(_parse(rows[i][0], other), [])) == width]
        if len(fits) >= max(1, len(bad[:50]) // 2):
            shown = ", ".join(str(line_numbers[i]) for i in fits[:5])
            return message("data.mixed_delimiters", lines=shown, delimiter=delimiter_name(other))
    return None


class _RunawayQuote(csv.Error):
    """A quoted field that runs over many lines: a quote left open."""


def read_table(
    path: str | os.PathLike,
    delimiter: str | None = None,
    has_header: bool | None = None,
    encoding: str | None = None,
    *,
    report: Reporter | None = None,
) -> Table:
    """Read a delimited text file into a :class:`Table`.

    Args:
        path: a .tsv, .txt or .csv file, one example per line.
        delimiter: field separator; detected when ``None``.
        has_header: whether the first row names the columns; detected when ``None``.
        encoding: Python codec name; detected with charset-normalizer when ``None``.
        report: receives the fraction done (rising, ending at 1.0); reading stops with
            :class:`~studio.core.errors.Cancelled` once it is stopped.

    Raises:
        DataFormatError: the file is missing, empty, binary (an image, an archive, NUL
            bytes), holds bytes invalid in its encoding (naming the line), holds only a
            header, would not fit in the available memory, has an unclosed quote, or too
            many rows have a different number of fields from the rest (the message
            names the lines).
        Cancelled: ``report`` was stopped.
    """
    path = Path(path)
    text, encoding = _read_text(path, encoding, report)
    if report is not None:
        report.check()
    sample = "".join(itertools.islice(io.StringIO(text, newline=""), _SAMPLE_LINES))
    delimiter = delimiter or sniff_delimiter(sample, path.suffix.lower())
    rows, line_numbers = _split_rows(path, text, delimiter, report)
    del text, sample
    table = _shape(path, rows, line_numbers, delimiter, has_header, encoding)
    if report is not None:
        report.progress(1.0)
    return table


def _read_text(path: Path, encoding: str | None, report: Reporter | None) -> tuple[str, str]:
    """The file's text (BOM dropped, checked to be text) and the encoding it was read with.

    Raises:
        DataFormatError: missing, not a regular file, too large for memory, unreadable,
            empty, binary, or bytes invalid in its encoding.
    """
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if not is_regular_file(path):  # a FIFO or a device: a read would block or never end
            raise DataFormatError("data.not_regular_file", file=path)
        memory.check_fits_in_memory(path, size)
        raw = _read_bytes(path, size, report)
    except FileNotFoundError:
        raise DataFormatError("data.file_not_found", file=path) from None
    except IsADirectoryError:
        raise DataFormatError("data.is_folder", file=path) from None
    except OSError as exc:
        raise DataFormatError("data.cannot_read", file=path, reason=exc.strerror) from None
    if not raw:
        raise DataFormatError("data.empty_file", file=path)
    if _binary_kind(raw) and not encoding:
        raise _not_text_error(path, raw)
    try:
        encoding = encoding or detect_encoding(raw, path)
    except DataFormatError:
        raise _not_text_error(path, raw) from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        # detection samples the file: a bad byte far down is found only here
        raise DataFormatError("data.invalid_bytes", file=path, line=_line_of(raw, exc.start),
                              encoding=encoding, offset=exc.start, reason=exc.reason) from None
    except LookupError as exc:
        raise DataFormatError("data.unknown_codec", file=path, encoding=encoding, reason=str(exc)) from None
    del raw  # the bytes and the cells need not be alive together at the peak
    text = text.lstrip("\ufeff")
    _check_text(path, text)
    return text, encoding


def _split_rows(path: Path, text: str, delimiter: str,
                report: Reporter | None) -> tuple[list[tuple[str, ...]], list[int]]:
    """The non-blank rows of ``text`` (cells stripped) and the line each started on.

    Raises:
        DataFormatError: csv cannot split a row (an unclosed quote), naming the line.
    """
    rows: list[tuple[str, ...]] = []
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
                raise _RunawayQuote()
            # a tuple of strings leaves the garbage collector's lists at its first pass; a
            # list per row would stay, and tens of thousands of them set off a full collection
            # that holds the GIL for 0.3 s while the window waits
            cells = tuple(cell.strip().strip("\ufeff").strip() for cell in row)
            if any(cells):
                rows.append(cells)
                line_numbers.append(start)
            if report is not None and (len(rows) % _CHECK_EVERY_ROWS == 0 or line - start > 1000):
                report.check()
                report.progress(_READ_SHARE + (1 - _READ_SHARE) * buffer.tell() / total)
    except csv.Error as exc:
        # csv fails inside the row that began at ``line`` (the row after ``start``'s),
        # or, for a runaway quote caught above, at ``start`` itself
        runaway = isinstance(exc, _RunawayQuote)
        raise DataFormatError("data.cannot_split", file=path, line=start if runaway else line,
                              delimiter=delimiter_name(delimiter),
                              reason=message("data.runaway_quote") if runaway else str(exc)) from None
    return rows, line_numbers


def _shape(path: Path, rows: list[tuple[str, ...]], line_numbers: list[int], delimiter: str,
           has_header: bool | None, encoding: str) -> Table:
    """The table of ``rows``: the header taken off (detected when ``None``), a few rows
    of the wrong width skipped with a warning.

    Raises:
        DataFormatError: no rows, only a header, a header of another width, or too many
            rows of the wrong width.
    """
    if not rows:
        raise DataFormatError("data.no_rows", file=path)
    if has_header is None:
        has_header = detect_header(rows[:_SAMPLE_LINES])
        if len(rows) == 1 and any(cell.lower() in _HEADER_WORDS for cell in rows[0]):
            has_header = True
    if has_header and len(rows) == 1:
        raise DataFormatError("data.header_only", file=path, header=", ".join(rows[0]))
    width = Counter(len(r) for r in rows[int(has_header):] or rows).most_common(1)[0][0]
    names: list[str | Message] = [column_name(c) for c in range(width)]
    if has_header:
        header, header_line = rows.pop(0), line_numbers.pop(0)
        if len(header) != width:
            raise DataFormatError("data.header_width", file=path, line=header_line, fields=len(header),
                                  width=width)
        names = [name or column_name(c) for c, name in enumerate(header)]

    bad = [i for i, r in enumerate(rows) if len(r) != width]
    warnings: list[Message] = []
    if bad:
        shown = ", ".join(str(line_numbers[i]) for i in bad[:5])
        if len(bad) > max(1, _MAX_BAD_ROW_SHARE * len(rows)):
            hint = _mixed_delimiter_hint(rows, bad, width, delimiter, line_numbers)
            raise DataFormatError("data.bad_rows", file=path, bad=len(bad), rows=len(rows), width=width,
                                  delimiter=delimiter_name(delimiter),
                                  lines=shown + ("..." if len(bad) > 5 else ""),
                                  hint=hint or message("data.check_delimiter"))
        warnings.append(message("data.skipped_malformed", count=len(bad), lines=shown))
        keep = set(range(len(rows))) - set(bad)
        rows[:] = [r for i, r in enumerate(rows) if i in keep]
        line_numbers = [n for i, n in enumerate(line_numbers) if i in keep]
    # not zip(*rows): it holds an iterator per row, enough of them to set off a full collection
    columns = [[row[c] for row in rows] for c in range(width)]
    rows.clear()  # the cells live on in the columns only
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
        raise DataFormatError("data.duplicate_class", file=path, name=duplicates[0])
    return names


def guess_roles(table: Table) -> ColumnRoles:
    """Guess the text column(s) and the label column of ``table``.

    The text is the non-numeric column with the longest mean length; a second column of
    similar length and mostly distinct values makes a text pair (LCQMC ``a, b, label``;
    ATEC ``id, a, b, label``: the id column is numeric, so it is neither). The label is
    the column a header names so (``label``, ``score``, ``标签``...), else the column with
    the fewest distinct values (at least two) that is not a text column: at most a tenth
    of the rows, or, in a small file, a few integer grades or short names (at most half
    the rows and 20 values).

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

    longest = max((s[1] for s in stats if s[3] < 0.5), default=0.0)
    label_limit = max(2, min(1000, n // 10))
    small_limit = max(2, min(_SMALL_FILE_CLASSES, n // 2))  # a small file shows few of each class

    def could_be_label(s: tuple) -> bool:
        _, mean_len, distinct, numeric = s
        short = numeric >= 0.9 or mean_len <= 0.5 * longest
        return 2 <= distinct <= label_limit or (short and 2 <= distinct <= small_limit)

    named = [s for s in stats if table.has_header and isinstance(table.names[s[0]], str)
             and table.names[s[0]].strip().lower() in _LABEL_NAMES and 2 <= s[2] <= 1000]
    labels = named or [s for s in stats if could_be_label(s)]
    label = (named[0] if named else min(labels, key=lambda s: (s[2], -s[0])))[0] if labels else None
    texts = sorted(
        (s for s in stats if s[0] != label and s[3] < 0.5), key=lambda s: -s[1]
    )
    if not texts:
        raise DataFormatError("data.no_text_column", file=table.path)
    text = texts[0]
    pair = None
    if len(texts) > 1:
        second = texts[1]
        sample_size = len(table.columns[0][::stride])
        if second[1] >= 0.5 * text[1] and second[2] >= 0.5 * sample_size:
            pair = second[0]
    first, pair = (min(text[0], pair), max(text[0], pair)) if pair is not None else (text[0], None)
    return ColumnRoles(text=first, label=label, text_pair=pair)
