"""Property-based tests: reading any file never crashes with anything but a StudioError.

Part of "never crash on input": random bytes and random tables of awkward unicode text
(tabs, commas, quotes, newlines, CR, emoji, control characters) written in several
encodings go through ``read_table`` and ``propose_config``; either they raise a
:class:`StudioError` with a message for the user, or they return a consistent table.
"""

from __future__ import annotations

import csv
import io
import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studio.core.data.dataset import propose_config
from studio.core.data.reader import read_table
from studio.core.errors import StudioError

SUFFIXES = (".csv", ".tsv", ".txt")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "gb18030")
DELIMITERS = ("\t", ",", ";", "|")

_counter = itertools.count()


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("reader_fuzz")


def _write(folder: Path, suffix: str, raw: bytes) -> Path:
    # one fresh sub-folder per example: no stray class.txt or earlier file beside it
    sub = Path(tempfile.mkdtemp(dir=folder))
    path = sub / f"data{next(_counter)}{suffix}"
    path.write_bytes(raw)
    return path


def _check(path: Path) -> None:
    try:
        table = read_table(path)
    except StudioError as exc:
        assert str(exc), "a StudioError must carry a message for the user"
        return
    assert table.num_columns >= 1
    assert len(table.names) == table.num_columns
    for column in table.columns:
        assert len(column) == table.num_rows
    assert all(isinstance(n, int) and n >= 1 for n in table.line_numbers)
    try:
        propose_config(path, table)
    except StudioError as exc:
        assert str(exc)


# --- (1) random bytes -------------------------------------------------------------------

@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
@example(raw=b"", suffix=".csv")
@example(raw=b"\x00\x00\x00", suffix=".tsv")
@example(raw=b"\xff\xfe", suffix=".txt")
@example(raw=b'a,"b\n1,2\n', suffix=".csv")
@example(raw=b"\r\r\r", suffix=".txt")
@example(raw=b"\r\t", suffix=".csv")  # was: csv.Error "new-line character seen in unquoted field"
def test_random_bytes_never_crash(fuzz_dir, raw, suffix):
    _check(_write(fuzz_dir, suffix, raw))


# --- (2) random tables ------------------------------------------------------------------

_AWKWARD = st.sampled_from(
    ["\t", ",", ";", "|", '"', "'", "\n", "\r", "\r\n", "\x00", "\x0b", "\x0c", "\x1c",
     "\x85", "\u2028", "\ufeff", "😀", "中文", " ", "1", "0", "text", "label"]
)
_CELL = st.lists(st.one_of(st.text(max_size=6), _AWKWARD), max_size=4).map("".join)


@st.composite
def tables(draw):
    width = draw(st.integers(1, 4))
    rows = draw(st.lists(st.lists(_CELL, min_size=width, max_size=width), min_size=1, max_size=12))
    if draw(st.booleans()):  # sometimes a ragged row
        rows.append(draw(st.lists(_CELL, max_size=6)))
    return rows


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=tables(),
    delimiter=st.sampled_from(DELIMITERS),
    encoding=st.sampled_from(ENCODINGS),
    suffix=st.sampled_from(SUFFIXES),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, "raw"]),
)
@example(rows=[["a", "b"], ["c", "d"]], delimiter="\t", encoding="utf-16", suffix=".tsv",
         quoting=csv.QUOTE_MINIMAL)
@example(rows=[["a", "b"], ["c\rd", "e"]], delimiter=",", encoding="utf-8", suffix=".csv",
         quoting="raw")  # bare CR inside an unquoted line: was a csv.Error
def test_random_tables_never_crash(fuzz_dir, rows, delimiter, encoding, suffix, quoting):
    if quoting == "raw":  # joined by hand, no quoting at all: what many tools write
        text = "".join(delimiter.join(row) + "\n" for row in rows)
    else:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\n").writerows(rows)
        text = buffer.getvalue()
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode(encoding, errors="replace")  # gb18030 cannot hold lone surrogates
    _check(_write(fuzz_dir, suffix, raw))


# --- explicit cases found or feared while fuzzing ---------------------------------------

def test_runaway_quote_is_a_studio_error_naming_the_line(fuzz_dir):
    # an unclosed quote swallows the rest of the file into one field past csv's size limit
    path = _write(fuzz_dir, ".csv", b'text,label\nhello,1\n"' + b"x" * 200_000 + b"\nbye,0\n")
    with pytest.raises(StudioError, match=r"line 3: .*unclosed quote"):
        read_table(path)


def test_long_tab_separated_cell_is_read(fuzz_dir):
    long_text = "x" * 200_000
    path = _write(fuzz_dir, ".tsv", f"{long_text}\t1\nshort\t0\n".encode())
    table = read_table(path)
    assert table.columns[0] == [long_text, "short"]


def test_bare_cr_line_endings_split_rows(fuzz_dir):
    path = _write(fuzz_dir, ".txt", b"hello\t1\rworld\t0\r")
    table = read_table(path)
    assert table.columns == [["hello", "world"], ["1", "0"]]
    assert table.line_numbers == [1, 2]
