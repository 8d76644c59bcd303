"""Sentence-pair files: the reader finds two text columns and a label (LCQMC, ATEC with
its id column, a CSV with a header, graded labels), and the token preview measures each
side apart."""

from __future__ import annotations

import random

import pytest

from studio.core.data.dataset import propose_config
from studio.core.data.reader import guess_roles, read_table
from studio.core.text.config import TextConfig
from studio.core.text.preview import preview_tokens
from studio.core.text.tokenizers import SEP, Tokenizer, TokenizerConfig
from tests.conftest import shared_file, write_slice


def _lcqmc_rows(count: int) -> list[tuple[str, str, str]]:
    lines = shared_file("lcqmc", "dev.txt").read_text(encoding="utf-8").splitlines()[:count]
    return [tuple(line.split("\t")) for line in lines]


def _roles(path) -> tuple[int, int | None, int | None]:
    """The roles the Dataset tab proposes on opening ``path`` (``propose_config``)."""
    table = read_table(path)
    config = propose_config(path, table)
    assert config.task == "pair"
    return config.text_column, config.text_pair_column, config.label_column


# ----- the real corpora, as a user would drop a slice of them ---------------------------
@pytest.mark.parametrize("rows", [8, 60, 2000])
def test_an_lcqmc_slice_opens_as_text_a_text_b_label(tmp_path, rows):
    path = write_slice(shared_file("lcqmc", "train.txt"), tmp_path / "lcqmc.txt", rows)
    table = read_table(path)
    assert (table.has_header, table.num_columns, table.num_rows) == (False, 3, rows)
    assert _roles(path) == (0, 1, 2)


@pytest.mark.parametrize("rows", [8, 60, 2000])
def test_an_atec_slice_skips_the_id_column(tmp_path, atec_file, rows):
    lines = atec_file.read_text(encoding="utf-8-sig").splitlines()[:rows]
    path = tmp_path / "atec.csv"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")  # the BOM, as shipped
    table = read_table(path)
    assert table.num_columns == 4 and table.columns[0][:3] == ["1", "2", "3"]
    assert _roles(path) == (1, 2, 3)


# ----- files written here ----------------------------------------------------------------
@pytest.mark.parametrize("rows", [6, 40, 400])
def test_a_csv_with_a_header_names_its_columns_and_roles(tmp_path, rows):
    path = tmp_path / "pairs.csv"
    body = "".join(f'"{a}","{b}",{y}\n' for a, b, y in _lcqmc_rows(rows))
    path.write_text("sentence1,sentence2,label\n" + body, encoding="utf-8")
    table = read_table(path)
    assert table.has_header and table.names == ["sentence1", "sentence2", "label"]
    assert table.num_rows == rows
    assert _roles(path) == (0, 1, 2)


@pytest.mark.parametrize("rows", [10, 30, 300])
@pytest.mark.parametrize("header", [True, False])
def test_graded_labels_with_an_id_column_are_found_in_small_files(tmp_path, rows, header):
    """Four grades in a file of ten rows: more values than a tenth of the rows, still the label."""
    grades = random.Random(0)
    lines = [f"{i + 100},{a},{b},{grades.randint(0, 3)}" for i, (a, b, _) in enumerate(_lcqmc_rows(rows))]
    path = tmp_path / "graded.csv"
    path.write_text(("id,query,candidate,score\n" if header else "") + "\n".join(lines) + "\n", encoding="utf-8")
    table = read_table(path)
    assert table.has_header is header
    assert len(set(table.columns[3])) == 4
    assert _roles(path) == (1, 2, 3)


def test_a_header_naming_the_label_wins_over_fewer_values(tmp_path):
    """A 'label' column of three grades beside a two-valued 'source' column: the header decides."""
    rows = _lcqmc_rows(60)
    lines = [f"{a},{b},{'web' if i % 2 else 'app'},{i % 3}" for i, (a, b, _) in enumerate(rows)]
    path = tmp_path / "tagged.csv"
    path.write_text("text_a,text_b,source,label\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert guess_roles(read_table(path)).label == 3


def test_small_single_text_files_keep_their_roles(tmp_path):
    """The relaxed label rule for small files neither takes the text for a label nor makes a pair."""
    names = ["体育", "财经", "娱乐", "科技", "教育"]
    texts = ["今天的比赛非常精彩，主队赢了", "股市今天大涨，银行板块领涨", "这部电影的票房破了纪录",
             "新手机发布了更快的芯片", "高考报名人数再创新高", "球队宣布签下新的主教练"]
    path = tmp_path / "news.tsv"
    path.write_text("".join(f"{t}{i}\t{names[i % 5]}\n" for i, t in enumerate(texts * 2)), encoding="utf-8")
    roles = guess_roles(read_table(path))
    assert (roles.text, roles.text_pair, roles.label) == (0, None, 1)
    two_texts = tmp_path / "two.tsv"
    two_texts.write_text("".join(f"{a}\t{b}\n" for a, b, _ in _lcqmc_rows(12)), encoding="utf-8")
    roles = guess_roles(read_table(two_texts))
    assert (roles.text, roles.text_pair, roles.label) == (0, 1, None)


# ----- the token preview of each side ----------------------------------------------------
@pytest.mark.parametrize("kind", ["char", "jieba"])
def test_the_preview_measures_each_side_and_the_joined_pair(kind):
    rows = _lcqmc_rows(200)
    texts, pairs = [a for a, _, _ in rows], [b for _, b, _ in rows]
    config = TextConfig(tokenizer=TokenizerConfig(type=kind), max_len=10)
    preview = preview_tokens(config, texts, pairs, shown=5)
    tokenizer = Tokenizer(config.tokenizer)
    assert preview.is_pair and len(preview.sides) == 2 and preview.max_len == 10
    assert preview.sampled_rows == 200
    for side, column in zip(preview.sides, (texts, pairs), strict=True):
        lengths = [len(tokenizer.tokenize(t)) for t in column]
        assert side.rows == [(t, tokenizer.tokenize(t)) for t in column[:5]]
        assert side.mean_tokens == pytest.approx(sum(lengths) / 200)
        assert side.cut_share == pytest.approx(sum(n > 10 for n in lengths) / 200)
        assert 0 < side.cut_share < 1  # LCQMC questions straddle ten tokens
    joined = [len(tokenizer.tokenize_pair(a, b)) for a, b in zip(texts, pairs, strict=True)]
    assert preview.joined_mean_tokens == pytest.approx(sum(joined) / 200)
    assert preview.joined_cut_share == pytest.approx(sum(n > 10 for n in joined) / 200)
    vocab = {t for text in texts + pairs for t in tokenizer.tokenize(text)} | {SEP}
    assert preview.vocab_estimate == len(vocab) + 2  # PAD and UNK
    if kind == "jieba":
        assert any(len(token) > 1 for _, tokens in preview.sides[1].rows for token in tokens)


def test_the_preview_of_single_texts_has_one_side():
    texts = ["今天天气很好", "这部电影太无聊了，浪费时间"]
    preview = preview_tokens(TextConfig(max_len=8), texts)
    assert not preview.is_pair and len(preview.sides) == 1
    assert preview.rows == [(t, list(t)) for t in texts]
    assert preview.mean_tokens == pytest.approx((6 + 13) / 2)
    assert preview.sides[0].cut_share == 0.5
    assert preview.joined_mean_tokens is None and preview.joined_cut_share is None
    assert preview.vocab_estimate == len(set("".join(texts))) + 2
