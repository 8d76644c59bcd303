"""Reading delimited files: encodings, delimiters, headers, column roles, bad files."""

from __future__ import annotations

import re

import pytest

from studio.core.data.reader import guess_roles, read_class_names, read_table
from studio.core.errors import DataFormatError
from tests.conftest import shared_file

CHINESE_ROWS = [
    ("今天天气很好，我们去公园散步吧", "正面"),
    ("这部电影太无聊了，浪费时间", "负面"),
    ("服务态度非常差，再也不来了", "负面"),
    ("味道不错，价格也便宜", "正面"),
    ("快递很快，包装完好无损", "正面"),
    ("质量一般，和描述不符", "负面"),
]


# ----- the real corpora --------------------------------------------------------------
def test_atec_file_with_bom_and_no_header(atec_file):
    table = read_table(atec_file)
    assert table.encoding == "utf-8-sig"
    assert table.delimiter == "\t"
    assert table.has_header is False
    assert table.num_columns == 4
    assert table.num_rows == 39_346
    assert table.warnings == []
    first = table.row(0)
    assert all("\ufeff" not in cell for cell in first), first
    assert first[0] == "1"
    assert first[1] == "怎么更改花呗手机号码"
    assert first[3] in {"0", "1"}
    assert set(table.columns[3]) == {"0", "1"}
    assert table.line_numbers[:3] == [1, 2, 3]
    assert table.line_numbers[-1] == 39_346

    roles = guess_roles(table)
    assert (roles.text, roles.text_pair, roles.label) == (1, 2, 3)


def test_lcqmc_pairs_without_header_or_id_column():
    table = read_table(shared_file("lcqmc", "dev.txt"))
    assert (table.delimiter, table.has_header, table.num_columns, table.num_rows) == ("\t", False, 3, 8_802)
    assert table.warnings == []
    assert set(table.columns[2]) == {"0", "1"}
    roles = guess_roles(table)
    assert (roles.text, roles.text_pair, roles.label) == (0, 1, 2)


def test_thucnews_dev(thucnews_dev):
    table = read_table(thucnews_dev)
    assert table.delimiter == "\t"
    assert table.has_header is False
    assert table.num_columns == 2
    assert table.num_rows == 10_000
    assert table.row(0) == ["体验2D巅峰 倚天屠龙记十大创新概览", "8"]
    assert set(table.columns[1]) == {str(i) for i in range(10)}

    roles = guess_roles(table)
    assert (roles.text, roles.text_pair, roles.label) == (0, None, 1)


def test_read_class_names(thucnews_classes):
    names = read_class_names(thucnews_classes)
    assert len(names) == 10
    assert names[0] == "finance"
    assert names[-1] == "entertainment"
    assert len(set(names)) == 10


def test_duplicate_class_name_is_rejected(tmp_path):
    path = tmp_path / "classes.txt"
    path.write_text("sports\nfinance\nsports\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="sports"):
        read_class_names(path)


# ----- files written here ------------------------------------------------------------
def test_csv_with_header_and_quoted_commas(tmp_path):
    path = tmp_path / "reviews.csv"
    path.write_text(
        "text,label\n"
        '"好吃, 但是有点贵",正面\n'
        '"太咸了, 不推荐, 差评",负面\n'
        "服务很好,正面\n"
        '"一般般, 还行",负面\n',
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.delimiter == ","
    assert table.has_header is True
    assert table.names == ["text", "label"]
    assert table.num_rows == 4
    assert table.columns[0] == ["好吃, 但是有点贵", "太咸了, 不推荐, 差评", "服务很好", "一般般, 还行"]
    assert table.columns[1] == ["正面", "负面", "正面", "负面"]
    # line numbers are 1-based file lines; the header is line 1
    assert table.line_numbers == [2, 3, 4, 5]


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-8-sig"])
def test_encodings_read_back_identical_cells(tmp_path, codec):
    text = "".join(f"{a}\t{b}\n" for a, b in CHINESE_ROWS)
    reference = tmp_path / "utf8.tsv"
    reference.write_bytes(text.encode("utf-8"))
    path = tmp_path / f"{codec}.tsv"
    path.write_bytes(text.encode(codec))
    if codec == "utf-16":
        assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")  # has a BOM

    expected = read_table(reference)
    table = read_table(path)
    assert table.columns == [[a for a, _ in CHINESE_ROWS], [b for _, b in CHINESE_ROWS]]
    assert table.columns == expected.columns
    assert table.has_header is False
    assert table.delimiter == "\t"
    assert all("\ufeff" not in cell for column in table.columns for cell in column)


def test_empty_file_names_the_file(tmp_path):
    path = tmp_path / "empty_data.tsv"
    path.write_bytes(b"")
    with pytest.raises(DataFormatError, match="empty_data.tsv"):
        read_table(path)


def test_blank_lines_only_names_the_file(tmp_path):
    path = tmp_path / "blank_data.tsv"
    path.write_text("\n\n   \n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="blank_data.tsv"):
        read_table(path)


def test_missing_file_names_the_file(tmp_path):
    path = tmp_path / "no_such_file.tsv"
    with pytest.raises(DataFormatError, match="no_such_file.tsv"):
        read_table(path)


def test_folder_is_not_a_data_file(tmp_path):
    with pytest.raises(DataFormatError, match=re.escape(tmp_path.name)):
        read_table(tmp_path)


def test_many_rows_with_wrong_field_count_name_the_lines(tmp_path):
    lines = []
    for i in range(40):
        if i % 4 == 3:  # lines 4, 8, 12, ... have three fields instead of two
            lines.append(f"第{i}条新闻标题\t{i % 3}\t多余的字段")
        else:
            lines.append(f"第{i}条新闻标题\t{i % 3}")
    path = tmp_path / "ragged.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFormatError) as info:
        read_table(path)
    message = str(info.value)
    assert "ragged.tsv" in message
    assert "lines 4, 8, 12" in message
    assert "10 of 40" in message


def test_a_single_bad_row_is_skipped_with_a_warning(tmp_path):
    lines = [f"第{i}条新闻标题\t{i % 3}" for i in range(200)]
    lines[9] += "\t多余"  # line 10
    path = tmp_path / "one_bad.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    assert table.num_rows == 199
    assert 10 not in table.line_numbers
    assert table.warnings and "10" in str(table.warnings[0])


@pytest.mark.parametrize("lines, header", [
    (["喜欢打篮球的男生\t爱打篮球的男生\t1", "手机丢了\t想买新手机\t0"], False),
    (["人和畜生的区别\t人与畜生的区别\t1", "开初婚未育证明\t初婚未育情况证明\t1", "她是谁\t这是什么歌\t0"], False),
    (["sentence1\tsentence2\tlabel", "手机丢了\t想买新手机\t0", "她是谁\t这是什么歌\t1"], True),
])
def test_a_few_pairs_keep_their_first_row(tmp_path, lines, header):
    path = tmp_path / "few.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    assert table.has_header is header
    assert len(table.columns[0]) == len(lines) - header
