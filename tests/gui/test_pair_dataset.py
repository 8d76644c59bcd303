"""The Dataset tab on a sentence-pair file: the task, both texts, the label balance, a
length histogram and the tokens of each side; a single-text file hides the pair views."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from studio.core.text.tokenizers import Tokenizer, TokenizerConfig
from tests.conftest import shared_file, write_slice
from tests.gui.helpers import drop_file

ROWS = 300


def _open(window, qtbot, path) -> None:
    tab = window.dataset_tab
    with qtbot.waitSignal(tab.previewReady, timeout=30000):
        with qtbot.waitSignal(window.dataLoaded, timeout=30000):
            drop_file(window, path)


def _edit(tab, qtbot, change) -> None:
    """Make a change that tokenizes the rows again, and wait for the new preview."""
    with qtbot.waitSignal(tab.previewReady, timeout=60000):
        change()


def _preview_rows(text: str, side: str) -> list[tuple[str, list[str]]]:
    """The (text, tokens) the preview shows for side ``a`` or ``b``."""
    lines = text.splitlines()
    return [(line[3:], lines[i + 1].split("→ ", 1)[1].split(" | "))
            for i, line in enumerate(lines) if line.startswith(f"{side}: ")]


@pytest.fixture
def lcqmc(tmp_path):
    return write_slice(shared_file("lcqmc", "train.txt"), tmp_path / "lcqmc.txt", ROWS)


def test_an_lcqmc_slice_shows_both_texts_both_lengths_and_the_task(window, qtbot, lcqmc):
    tab = window.dataset_tab
    window.tabs.setCurrentWidget(tab)
    _open(window, qtbot, lcqmc)
    dataset = window.model.settings.dataset
    assert (dataset.text_column, dataset.text_pair_column, dataset.label_column) == (0, 1, 2)
    assert tab.task_label.text() == "Task: sentence-pair matching (2 classes)"
    assert tab.task_label.isVisibleTo(tab)

    # both texts readable: tagged and stretched, the label fitted
    header = tab.table_view.horizontalHeader()
    tags = [tab.table_model.headerData(c, Qt.Horizontal).split(" [")[1] for c in range(3)]
    assert tags == ["text]", "text 2]", "label]"]
    assert [header.sectionResizeMode(c) for c in range(2)] == [QHeaderView.ResizeMode.Stretch] * 2
    assert tab.table_view.columnWidth(0) > 2 * tab.table_view.columnWidth(2)

    # the label balance, with each label's share
    table = window.model.table
    positives = table.columns[2].count("1")
    assert tab.class_chart.bars is not None
    assert list(tab.class_chart.bars.opts["width"]) == [ROWS - positives, positives]
    assert tab.class_chart.plotItem.titleLabel.text == "Pairs per label"

    # a histogram per side, each with its data and its max_len
    side_a, side_b = tab.lengths.side_a, tab.lengths.side_b
    assert tab.length_chart is side_a and side_b.isVisibleTo(tab)
    assert side_a.plot.plotItem.titleLabel.text == "Text a length"
    assert side_b.plot.plotItem.titleLabel.text == "Text b length"
    for chart, column in ((side_a, 0), (side_b, 1)):
        assert list(chart._lengths) == [len(t) for t in table.columns[column]]
        assert chart.plot.listDataItems(), "an empty histogram"
        assert chart._max_len == 32


def test_each_side_tokenizes_in_char_and_jieba_modes(window, qtbot, lcqmc):
    tab = window.dataset_tab
    _open(window, qtbot, lcqmc)
    table = window.model.table
    for kind in ("char", "jieba"):
        if kind != window.model.settings.text.tokenizer.type:
            _edit(tab, qtbot, lambda k=kind: tab.tokenizer_combo.setCurrentIndex(tab.tokenizer_combo.findData(k)))
        tokenizer = Tokenizer(TokenizerConfig(type=kind))
        text = tab.preview.toPlainText()
        for side, column in (("a", 0), ("b", 1)):
            shown = _preview_rows(text, side)
            assert len(shown) == 20, (side, text[:300])
            assert shown == [(t, tokenizer.tokenize(t)) for t in table.columns[column][:20]], side
            lengths = [len(tokenizer.tokenize(t)) for t in table.columns[column]]
            mean = sum(lengths) / ROWS
            share = sum(n > 32 for n in lengths) / ROWS
            line = f"Text {side}: {mean:.1f} tokens per text; {share:.1%} longer than max_len (32)"
            assert line in text, (line, text[:400])
            chart = tab.lengths.side_a if side == "a" else tab.lengths.side_b
            chars = sum(len(t) for t in table.columns[column]) / ROWS
            assert chart.chars_per_token() == pytest.approx(chars / mean)  # each side's own line
        words = [t for _, tokens in _preview_rows(text, "b") for t in tokens]
        assert any(len(w) > 1 for w in words) == (kind == "jieba")
        assert "Joined as a <sep> b:" in text and "reads the pair joined as one text" in text

    # max_len cuts each side: the shares follow it
    _edit(tab, qtbot, lambda: tab.text_form.editors["max_len"].setValue(6))
    text = tab.preview.toPlainText()
    assert tab.preview.result.max_len == 6 and "longer than max_len (6)" in text
    assert all(0 < side.cut_share < 1 for side in tab.preview.result.sides)
    assert tab.lengths.side_b._max_len == 6
    # a pair model reads the texts apart
    window.model_tab.combo.setCurrentIndex(window.model_tab.combo.findData("esim"))
    assert "reads the two texts apart" in tab.preview.toPlainText()


def test_a_single_text_file_hides_the_pair_views(window, qtbot, lcqmc, tmp_path):
    tab = window.dataset_tab
    window.tabs.setCurrentWidget(tab)
    _open(window, qtbot, lcqmc)
    assert tab.lengths.side_b.isVisibleTo(tab)
    form = window.training_tab.form
    assert form.row_labels["swap_pairs"].isVisibleTo(form)  # a pair-only training setting
    single = tmp_path / "reviews.tsv"
    single.write_text("".join(f"{a}\t{y}\n" for a, _, y in
                              (line.split("\t") for line in lcqmc.read_text(encoding="utf-8").splitlines())),
                      encoding="utf-8")
    _open(window, qtbot, single)
    assert window.model.settings.dataset.text_pair_column is None
    assert not tab.lengths.side_b.isVisibleTo(tab)
    assert not form.row_labels["swap_pairs"].isVisibleTo(form)
    assert tab.lengths.side_a.plot.plotItem.titleLabel.text == "Text length"
    assert tab.task_label.text() == "Task: text classification (2 classes)"
    assert tab.class_chart.plotItem.titleLabel.text == "Examples per class"
    text = tab.preview.toPlainText()
    assert "b: " not in text and "Joined" not in text and "→" in text
    assert "of the texts are longer than max_len (32 tokens)" in text

    # and back on the pair file, choosing (none) as the second text is the same
    _open(window, qtbot, lcqmc)
    assert tab.lengths.side_b.isVisibleTo(tab)
    _edit(tab, qtbot, lambda: tab.pair_combo.setCurrentIndex(0))
    assert window.model.settings.task == "classification"
    assert not tab.lengths.side_b.isVisibleTo(tab) and "a: " not in tab.preview.toPlainText()
    assert not form.row_labels["swap_pairs"].isVisibleTo(form)


def test_graded_labels_in_a_pair_csv(window, qtbot, lcqmc, tmp_path):
    tab = window.dataset_tab
    rows = [line.split("\t") for line in lcqmc.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "graded.csv"
    path.write_text("sentence1,sentence2,label\n" + "".join(f'"{a}","{b}",{i % 4}\n' for i, (a, b, _) in
                                                          enumerate(rows)), encoding="utf-8")
    _open(window, qtbot, path)
    dataset = window.model.settings.dataset
    assert (dataset.text_column, dataset.text_pair_column, dataset.label_column) == (0, 1, 2)
    assert tab.task_label.text() == "Task: sentence-pair matching with graded labels (4 classes)"
    assert list(tab.class_chart.bars.opts["width"]) == [ROWS // 4] * 4
    assert tab.lengths.side_b.isVisibleTo(tab)
