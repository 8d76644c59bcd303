"""Hostile and messy input files (issue 6): each one imports with its text intact, or is
refused with a DataFormatError naming the file (and line) and saying what to do.

Every file is generated here, in tmp_path."""

from __future__ import annotations

import io
import random
import time
import zipfile

import pytest

from studio.core.data import memory
from studio.core.data.dataset import load_splits, propose_config
from studio.core.data.reader import read_table
from studio.core.errors import DataFormatError

TEXTS = [
    "今天天气很好，我们去公园散步吧", "这部电影太无聊了，浪费时间", "服务态度非常差，再也不来了",
    "味道不错，价格也便宜", "快递很快，包装完好无损", "质量一般，和描述不符",
    "房间干净，前台热情", "等了一个小时还没上菜", "音质出色，续航也长",
    "屏幕有坏点，申请退货", "孩子很喜欢这本书", "物流太慢了，差评",
]
LABELS = ["正面", "负面", "负面", "正面", "正面", "负面", "正面", "负面", "正面", "负面", "正面", "负面"]
ROWS = [(f"{text}（第{i}条）", LABELS[i % 12]) for i in range(60) for text in [TEXTS[i % 12]]]


def tsv(rows, newline="\n") -> str:
    return "".join("\t".join(row) + newline for row in rows)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def imported(path):
    """read_table -> propose_config -> load_splits, as the studio does; returns both ends."""
    table = read_table(path)
    config = propose_config(path, table)
    splits = load_splits(config, {str(path): table})
    assert len(splits.train) + len(splits.validation) + len(splits.test) == table.num_rows
    assert len(splits.label_names) >= 2
    return table, config, splits


def assert_rows(path, rows):
    table, config, splits = imported(path)
    assert (config.text_column, config.label_column) == (0, 1)
    assert table.columns[0] == [r[0] for r in rows]
    assert table.columns[1] == [r[1] for r in rows]
    assert set(splits.label_names) == {r[1] for r in rows}
    every = splits.train.texts + splits.validation.texts + splits.test.texts
    assert sorted(every) == sorted(r[0] for r in rows)
    return table


def refused(path, *patterns, **kwargs):
    with pytest.raises(DataFormatError) as info:
        table = read_table(path, **kwargs)
        load_splits(propose_config(path, table), {str(path): table})
    message = str(info.value)
    assert path.name in message, message
    for pattern in patterns:
        assert pattern in message, (pattern, message)
    return message


# ----- empty, header only, one class, blank labels ---------------------------------------
def test_empty_file(tmp_path):
    refused(write(tmp_path, "empty.tsv", b""), "empty")


def test_header_only(tmp_path):
    refused(write(tmp_path, "header.csv", b"text,label\r\n"), "only a header line", "text, label")


def test_one_class_names_file_and_column(tmp_path):
    path = write(tmp_path, "one.csv", ("text,label\n" + "".join(f"{t},正面\n" for t, _ in ROWS)).encode())
    message = refused(path, "only one class", "'正面'", "column 2 ('label')", "at least two classes")
    assert "60 rows" in message


def test_one_class_without_header_is_refused(tmp_path):
    path = write(tmp_path, "one.tsv", tsv((t, "1") for t, _ in ROWS).encode())
    refused(path, "only one class", "column 2", "'1'")


def test_a_few_blank_labels_are_skipped_naming_the_lines(tmp_path):
    rows = [(t, "" if i == 40 else label) for i, (t, label) in enumerate(ROWS * 2)]
    path = write(tmp_path, "blank.tsv", tsv(rows).encode())
    table = read_table(path)
    splits = load_splits(propose_config(path, table), {str(path): table})
    assert len(splits.train) + len(splits.validation) + len(splits.test) == len(rows) - 1
    assert splits.label_names == ["正面", "负面"]
    assert [str(w) for w in splits.warnings] == ["blank.tsv: skipped 1 line(s) with a blank label in column 2: 41"]
    every = splits.train.texts + splits.validation.texts + splits.test.texts
    assert every.count(rows[40][0]) == 1  # its twin on line 101 stays; line 41 is gone


def test_many_blank_labels_are_refused_naming_the_lines(tmp_path):
    rows = [(t, "" if i % 7 == 3 else label) for i, (t, label) in enumerate(ROWS)]
    path = write(tmp_path, "blank.tsv", tsv(rows).encode())
    refused(path, "9 of 60 rows have a blank label", "lines 4, 11, 18", "Fill in the labels")


# ----- delimiters, ragged rows, quoting, line endings ------------------------------------
def test_mixed_delimiters_are_refused_naming_the_lines(tmp_path):
    text = "".join(f"{t},{label}\n" if i % 2 else f"{t}\t{label}\n" for i, (t, label) in enumerate(ROWS))
    refused(write(tmp_path, "mixed.txt", text.encode()), "mixes delimiters", "Lines 2, 4, 6")


def test_ragged_rows_are_refused_naming_the_lines(tmp_path):
    text = "".join(f"{t}\t{label}\textra\n" if i % 3 == 0 else f"{t}\t{label}\n" for i, (t, label) in enumerate(ROWS))
    refused(write(tmp_path, "ragged.tsv", text.encode()), "20 of 60 rows", "lines 1, 4, 7", "fix those lines")


def test_one_ragged_row_is_skipped_with_a_warning(tmp_path):
    rows = ROWS * 2
    text = "".join(f"{t}\t{label}\tx\n" if i == 5 else f"{t}\t{label}\n" for i, (t, label) in enumerate(rows))
    table = read_table(write(tmp_path, "ragged.tsv", text.encode()))
    assert [str(w) for w in table.warnings] == ["skipped 1 malformed line(s): 6"]
    assert table.num_rows == len(rows) - 1


def test_quoted_fields_with_newlines_and_tabs(tmp_path):
    rows = [(f"{t}\n第二行\t有制表符, 和逗号 \"引号\"", label) for t, label in ROWS]
    body = "".join('"' + t.replace('"', '""') + f'",{label}\r\n' for t, label in rows)
    table = assert_rows(write(tmp_path, "quoted.csv", ("text,label\r\n" + body).encode()), rows)
    assert table.has_header and table.line_numbers[:2] == [2, 4]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr(tmp_path, newline):
    table = assert_rows(write(tmp_path, "crlf.tsv", tsv(ROWS, newline).encode()), ROWS)
    assert table.line_numbers[-1] == len(ROWS)


# ----- encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize("codec, bom", [
    ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""), ("utf-16-be", b""), ("gb18030", b""),
])
def test_encodings(tmp_path, codec, bom):
    rows = ROWS + [("𠀀𠀁 GB18030 四字节字符 €", "正面")]
    assert_rows(write(tmp_path, "enc.tsv", bom + tsv(rows).encode(codec)), rows)


def test_invalid_utf8_bytes_name_the_line(tmp_path):
    lines = tsv(ROWS).encode().splitlines(keepends=True)
    lines[30] = lines[30][:6] + b"\xff\xfe\x80" + lines[30][6:]
    refused(write(tmp_path, "bad.tsv", b"".join(lines)), "line 31", "invalid UTF-8", "UTF-8")


def test_invalid_bytes_far_down_a_large_file_name_the_line(tmp_path):
    # charset-normalizer samples the file; the bad byte lies beyond its sample
    lines = tsv(ROWS * 400).encode().splitlines(keepends=True)
    lines[-3] = b"\xff" + lines[-3]
    refused(write(tmp_path, "late.tsv", b"".join(lines)), f"line {len(lines) - 2}")


# ----- binary files renamed .csv -----------------------------------------------------------
def test_random_bytes_with_nuls(tmp_path):
    raw = random.Random(6).randbytes(64 * 1024)
    assert b"\x00" in raw
    refused(write(tmp_path, "random.csv", raw), "not look like a text file")


def test_text_with_nul_bytes_names_the_line(tmp_path):
    raw = tsv(ROWS).encode().replace("（第3条）".encode(), b"\x00\x00")
    refused(write(tmp_path, "nul.tsv", raw), "line 4", "NUL")


def test_png_header(tmp_path):
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(2000)
    refused(write(tmp_path, "image.csv", raw), "PNG image", "UTF-8 text")


def test_zip_archive(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.tsv", tsv(ROWS))
    refused(write(tmp_path, "archive.csv", buffer.getvalue()), "ZIP archive", "Excel")


def test_control_code_soup(tmp_path):
    raw = bytes(random.Random(2).choice(range(1, 9)) for _ in range(10_000))
    refused(write(tmp_path, "controls.csv", raw), "control codes")


# ----- sizes -------------------------------------------------------------------------------
def test_100_mb_file(tmp_path):
    block = tsv(ROWS).encode()
    repeats = 100_000_000 // len(block) + 1
    path = write(tmp_path, "big.tsv", block * repeats)
    started = time.perf_counter()
    table = read_table(path)
    elapsed = time.perf_counter() - started
    assert table.num_rows == len(ROWS) * repeats
    assert table.columns[0][-1] == ROWS[-1][0] and table.columns[1][-1] == ROWS[-1][1]
    config = propose_config(path, table)
    assert (config.text_column, config.label_column) == (0, 1)
    assert elapsed < 30, f"reading 100 MB took {elapsed:.1f} s"


@pytest.mark.parametrize("suffix", [".tsv", ".csv"])
def test_single_10_mb_line(tmp_path, suffix):
    delimiter = "\t" if suffix == ".tsv" else ","
    long_text = ("长文本" * 1_200_000)[:3_500_000]  # ~10.5 MB of UTF-8
    rows = [(long_text, "正面")] + ROWS
    text = "".join(f"{t}{delimiter}{label}\n" for t, label in rows)
    assert len(text.encode()) > 10_000_000
    table = read_table(write(tmp_path, "long" + suffix, text.encode()))
    assert table.columns[0][0] == long_text
    assert table.columns[0][1:] == [t for t, _ in ROWS]


def test_extremely_long_texts(tmp_path):
    rows = [(TEXTS[i % 12] * (20_000 + i), LABELS[i % 12]) for i in range(24)]  # ~300 KB each
    body = "".join(f'"{t}",{label}\n' for t, label in rows)
    assert_rows(write(tmp_path, "articles.csv", body.encode()), rows)


def test_emoji_and_control_characters(tmp_path):
    extras = ["😀👍🏽👨‍👩‍👧", "\x07bell", "\x1b[31m红色\x1b[0m", "zero\u200bwidth", "rtl\u202eltr",
              "\x7fdel", "\u2028line sep", "e\u0301", "\ufffd", "𝕏"]
    rows = [(f"{t}{extras[i % len(extras)]}尾", label) for i, (t, label) in enumerate(ROWS)]
    assert_rows(write(tmp_path, "emoji.tsv", tsv(rows).encode()), rows)


# ----- memory ----------------------------------------------------------------------------
def test_file_larger_than_memory_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "data.tsv", tsv(ROWS * 100).encode())
    monkeypatch.setattr(memory, "available_memory", lambda: 100_000)
    opened = []
    monkeypatch.setattr("studio.core.data.reader._read_bytes",
                        lambda *args: opened.append(args) or b"")
    message = refused(path, "available", "MB", "sample")
    assert not opened
    assert "100.0 KB is available" in message, message


def test_unknown_available_memory_does_not_refuse(tmp_path, monkeypatch):
    monkeypatch.setattr(memory, "available_memory", lambda: None)
    assert_rows(write(tmp_path, "data.tsv", tsv(ROWS).encode()), ROWS)


def test_available_memory_reads_the_system():
    available = memory.available_memory()
    assert available is None or available > 0
