"""Reading and encoding a large file sets off no full garbage collection.

A full (generation-2) collection walks every object of the process (torch, Qt and the
tabs: ~500,000) while holding the GIL: 0.3-0.5 s in which the window cannot paint. CPython
starts one when the objects that survived into the oldest generation since the last one
exceed a quarter of those there then. A list per row or per text kept until the file is
read or encoded would be such survivors; tuples of strings are untracked at the first pass.
Each test sizes its file from the heap so that a list per row would set one off.
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable

import pytest

from studio.core.data.dataset import DatasetConfig, load_splits
from studio.core.data.prepare import prepare
from studio.core.data.reader import read_table
from studio.core.text.config import TextConfig


def full_collections(work: Callable[[], object]) -> list[str]:
    """Where each full collection started while ``work`` ran, after one just before it (and
    after one run of ``work`` on a few rows has imported what it imports on first use:
    modules are survivors too)."""
    started = []

    def note(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            started.append("".join(traceback.format_stack(limit=6)[:-1]))

    gc.collect()
    gc.callbacks.append(note)
    try:
        work()
    finally:
        gc.callbacks.remove(note)
    return started


def write_rows(path, pair: bool = False) -> int:
    """A two-class file with more rows than a third of the objects alive; its row count."""
    rows = len(gc.get_objects()) // 3 + 30_000
    second = "\t第二句{i}" if pair else ""
    lines = [f"第{i}条新闻标题文本{second.format(i=i)}\t{'体育' if i % 2 else '财经'}\n" for i in range(rows)]
    path.write_text("".join(lines), encoding="utf-8")
    return rows


def test_a_control_list_per_row_would_set_one_off():
    """The measure can fail: keeping a list per row of the same size does set one off."""
    rows = len(gc.get_objects()) // 3 + 30_000
    assert full_collections(lambda: [[str(i), "x"] for i in range(rows)])


def test_reading_a_large_file(tmp_path):
    small = tmp_path / "small.tsv"
    small.write_text("第一条\t体育\n第二条\t财经\n", encoding="utf-8")
    read_table(small, has_header=False)  # imports the encoding detection
    path = tmp_path / "big.tsv"
    rows = write_rows(path)
    tables = []
    assert full_collections(lambda: tables.append(read_table(path, has_header=False))) == []
    assert tables[0].num_rows == rows


@pytest.mark.parametrize(("pair", "apart"), [(False, False), (True, False), (True, True)],
                         ids=["one text", "a <sep> b", "pair apart"])
def test_encoding_a_large_file(tmp_path, monkeypatch, pair, apart):
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    path, small = tmp_path / "big.tsv", tmp_path / "small.tsv"
    write_rows(path, pair)
    cells = "\t句{i}" if pair else ""
    small.write_text("".join(f"第{i}条{cells.format(i=i)}\t{i % 2}\n" for i in range(20)), encoding="utf-8")
    config = DatasetConfig(train=str(path), text_column=0, text_pair_column=1 if pair else None,
                           label_column=2 if pair else 1, has_header=False, delimiter="\t")
    splits = load_splits(config)
    prepare(load_splits(config.model_copy(update={"train": str(small)})), TextConfig(), use_cache=False,
            pairs_apart=apart)
    data = []
    work = lambda: data.append(prepare(splits, TextConfig(max_len=16), use_cache=False, pairs_apart=apart))  # noqa: E731
    assert full_collections(work) == []
    assert data[0].train.ids.shape[0] == len(splits.train)
