"""What a new user ran into, driven through the real widgets: the Dataset table's column
widths and tooltips, the clipped length histogram with its max_len line, settings shown
only when they apply, and the pretrained-vectors file picker that checks the file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from studio.core.data.reader import Table
from studio.core.models.mlp import MLPConfig
from studio.core.models.textcnn import TextCNNConfig
from studio.core.models.transformer import TransformerConfig
from studio.core.training.config import TrainingConfig
from studio.gui import file_dialogs
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.data_table import MAX_FITTED_WIDTH, DataTableView
from studio.gui.widgets.file_picker import FilePicker
from studio.gui.widgets.length_histogram import LengthHistogram
from studio.gui.widgets.table_model import TOOLTIP_LIMIT, TableModel
from studio.gui.widgets.vector_file_check import VectorFileCheck
from studio.gui.workers import WorkerPool

LONG = "开头" + "很长的评论，" * 400 + "结尾<b>"


def _table(rows: int = 200) -> Table:
    labels = ["positive" if i % 2 else "negative" for i in range(rows)]
    texts = [LONG if i == 0 else f"第{i}条评论：还不错，下次还来。" for i in range(rows)]
    return Table(Path("reviews.tsv"), ["label", "review"], [labels, texts], list(range(2, rows + 2)),
                 "utf-8", "\t", True)


# ----- 1. the table -------------------------------------------------------------------
def test_the_text_column_takes_the_room_and_the_label_fits(qtbot):
    model = TableModel()
    view = DataTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 400)
    view.show()
    model.set_table(_table())
    model.set_roles({1: "text", 0: "label"})
    qtbot.waitExposed(view)
    label, text = view.columnWidth(0), view.columnWidth(1)
    assert text > 3 * label, (label, text)
    assert label <= MAX_FITTED_WIDTH
    assert label >= view.horizontalHeader().sectionSizeHint(0) - 1  # the header "label [label]" fits
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert not view.wordWrap()
    model.set_roles({0: "text"})  # the roles move: so does the room
    assert view.columnWidth(0) > view.columnWidth(1)


def test_a_long_texts_tooltip_is_its_full_text_wrapped(qtbot):
    model = TableModel()
    model.set_table(_table())
    tip = model.data(model.index(0, 1), Qt.ToolTipRole)
    assert tip.startswith("<p") and "开头" in tip and "结尾&lt;b&gt;" in tip  # escaped, never markup
    short = model.data(model.index(1, 1), Qt.ToolTipRole)
    assert short == model.data(model.index(1, 1), Qt.DisplayRole)
    huge = _table()
    huge.columns[1][0] = "字" * (TOOLTIP_LIMIT * 3)
    model.set_table(huge)
    assert len(model.data(model.index(0, 1), Qt.ToolTipRole)) < TOOLTIP_LIMIT + 100


# ----- 2. the length histogram --------------------------------------------------------------
def _lengths() -> np.ndarray:
    rng = np.random.default_rng(0)
    return np.concatenate([rng.integers(20, 300, 34_650), rng.integers(1000, 2800, 350)])  # 1 % long


def test_the_axis_is_clipped_and_the_long_tail_is_counted(qtbot):
    chart = LengthHistogram()
    qtbot.addWidget(chart)
    lengths = _lengths()
    chart.set_values(lengths)
    clip = chart.upper()
    assert clip is not None and clip < 1100
    assert chart.beyond_count() == int((lengths > clip).sum()) > 0
    curve = chart.plot.listDataItems()[0]
    assert curve.xData.max() <= clip + 1  # the bars end at the clip
    note = chart.note.text()
    assert f"{chart.beyond_count():,} of 35,000 texts are longer than {clip:,} characters" in note
    assert f"(up to {int(lengths.max()):,})" in note
    chart.set_values(np.arange(20, 300))  # no long tail: nothing clipped, nothing said
    assert chart.upper() is None and "beyond" not in chart.note.text()
    chart.set_values(np.concatenate([np.full(990, 20), np.full(10, 38)]))  # a short tail is drawn too
    assert chart.upper() is None


def test_the_axis_reaches_out_to_a_max_len_past_the_clip(qtbot):
    chart = LengthHistogram()
    qtbot.addWidget(chart)
    lengths = _lengths()
    chart.set_values(lengths)
    clip = chart.upper()
    chart.set_max_len(1500)  # past the 99th percentile, yet cutting the longest reviews
    assert chart.upper() == 1650 and chart.cut_line in chart.plot.items()
    assert chart.beyond_count() == int((lengths > 1650).sum())
    chart.set_max_len(3000)  # past every text: the clip again, no line
    assert chart.upper() == clip and chart.cut_line not in chart.plot.items()
    chart.set_values(np.concatenate([np.full(99_990, 100), np.full(10, 2800)]))
    chart.set_max_len(200)
    assert "max_len 200: 10 texts (<0.1%) are cut." in chart.note.text()


def test_the_max_len_line_follows_max_len(qtbot):
    chart = LengthHistogram()
    qtbot.addWidget(chart)
    lengths = _lengths()
    chart.set_values(lengths)
    chart.set_max_len(200)
    assert chart.cut_line in chart.plot.items() and chart.cut_line.value() == 200
    cut = int((lengths > 200).sum())
    assert f"max_len 200: {cut:,} texts ({cut / lengths.size:.1%}) are cut." in chart.note.text()
    chart.set_max_len(150)
    assert chart.cut_line.value() == 150
    chart.set_max_len(4000)  # beyond every text: no line squashing the chart
    assert chart.cut_line not in chart.plot.items()
    assert "max_len 4000: no text is cut." in chart.note.text()
    chart.set_max_len(100)
    chart.set_tokens_per_text(float(lengths.mean()) / 2)  # two characters per token (words)
    assert chart.cut_line.value() == pytest.approx(200, rel=0.01)
    assert "max_len 100 tokens ≈ 200 characters" in chart.note.text()
    chart.clear()
    assert chart.cut_line not in chart.plot.items() and not chart.note.isVisibleTo(chart)


# ----- 3. settings shown only when they apply -----------------------------------------
def _shown(form: ConfigForm, name: str) -> bool:
    return form.editors[name].isVisibleTo(form) and form.row_labels[name].isVisibleTo(form)


def test_step_settings_appear_only_for_the_step_schedule(qtbot):
    form = ConfigForm()
    qtbot.addWidget(form)
    form.set_model(TrainingConfig, TrainingConfig())
    assert not _shown(form, "step_size") and not _shown(form, "gamma")
    assert _shown(form, "warmup_steps")
    schedule: QComboBox = form.editors["lr_schedule"]
    with qtbot.waitSignal(form.changed) as changed:
        schedule.setCurrentIndex(schedule.findData("step"))
    assert _shown(form, "step_size") and _shown(form, "gamma")
    assert changed.args[0]["gamma"] == 0.5  # a hidden field keeps its value
    schedule.setCurrentIndex(schedule.findData("cosine"))
    assert not _shown(form, "gamma")
    assert form.value().step_size == 1


def test_dependent_model_fields(qtbot):
    form = ConfigForm()
    qtbot.addWidget(form)
    form.set_model(TransformerConfig, TransformerConfig())
    assert not _shown(form, "max_positions")
    positions: QComboBox = form.editors["positions"]
    positions.setCurrentIndex(positions.findData("learned"))
    assert _shown(form, "max_positions")
    form.set_model(MLPConfig, MLPConfig())
    hidden: QSpinBox = form.editors["hidden_size"]
    assert _shown(form, "num_layers") and _shown(form, "dropout")
    hidden.setValue(0)
    assert not _shown(form, "num_layers") and not _shown(form, "dropout")


# ----- 4. the pretrained-vectors file picker ------------------------------------------
def _vectors(path: Path, dim: int = 4, broken: bool = False) -> Path:
    rows = [f"词{i} " + " ".join(f"{(i + j) / 10:.1f}" for j in range(dim)) for i in range(3)]
    if broken:
        rows[1] = "词1 0.1 oops"
    path.write_text(f"3 {dim}\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def vector_form(qtbot):
    form = ConfigForm()
    qtbot.addWidget(form)
    pool = WorkerPool()
    check = VectorFileCheck(form, pool)
    form.set_model(TextCNNConfig, TextCNNConfig())
    yield form, check
    pool.shutdown()


def _choose(qtbot, monkeypatch, form: ConfigForm, path: Path, check: VectorFileCheck):
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(path))
    picker = form.editors["pretrained_vectors"]
    with qtbot.waitSignal(check.checked, timeout=30000):
        qtbot.mouseClick(picker.browse_button, Qt.LeftButton)


def test_vectors_get_a_file_picker_and_are_checked_when_chosen(vector_form, qtbot, monkeypatch, tmp_path):
    form, check = vector_form
    picker = form.editors["pretrained_vectors"]
    assert isinstance(picker, FilePicker) and picker.kind == "vectors"
    assert not _shown(form, "pretrained_limit") and not _shown(form, "pretrained_vocab")
    with qtbot.waitSignal(form.changed) as changed:
        _choose(qtbot, monkeypatch, form, _vectors(tmp_path / "small.txt"), check)
    assert changed.args[0]["pretrained_vectors"] == str(tmp_path / "small.txt")
    assert _shown(form, "pretrained_limit") and not _shown(form, "pretrained_vocab")  # not an .npz
    note = form.note_labels["pretrained_vectors"]
    assert note.isVisibleTo(form)
    assert note.text() == "3 vectors of 4 dimensions, but embedding_dim is 300: set it to 4."
    form.editors["embedding_dim"].setValue(4)
    assert note.text() == "3 vectors of 4 dimensions."
    qtbot.mouseClick(picker.clear_button, Qt.LeftButton)
    assert not note.isVisibleTo(form) and not _shown(form, "pretrained_limit")


def test_a_broken_vectors_file_is_explained_beside_the_field(vector_form, qtbot, monkeypatch, tmp_path):
    form, check = vector_form
    _choose(qtbot, monkeypatch, form, _vectors(tmp_path / "broken.txt", broken=True), check)
    note = form.note_labels["pretrained_vectors"]
    assert note.isVisibleTo(form) and "broken.txt" in note.text() and "#c5221f" in note.styleSheet()


def test_opening_settings_does_not_read_the_file(vector_form, qtbot, tmp_path, monkeypatch):
    form, check = vector_form
    read = []
    monkeypatch.setattr("studio.gui.widgets.vector_file_check.load_vectors", lambda *a, **k: read.append(a))
    form.set_model(TextCNNConfig, TextCNNConfig(pretrained_vectors=str(_vectors(tmp_path / "v.txt"))))
    assert read == [] and not form.note_labels["pretrained_vectors"].isVisibleTo(form)
    form.set_model(TextCNNConfig, TextCNNConfig(pretrained_vectors=str(tmp_path / "gone.txt")))
    assert form.note_labels["pretrained_vectors"].text() == "No such file: gone.txt"


# ----- in the window --------------------------------------------------------------------
def test_dataset_tab_marks_max_len_and_gives_the_text_the_room(window, qtbot, thucnews_dev):
    from tests.gui.helpers import drop_file

    tab = window.dataset_tab
    window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.previewReady, timeout=30000):
        with qtbot.waitSignal(window.dataLoaded, timeout=30000):
            drop_file(window, thucnews_dev)
    chart = tab.length_chart
    assert chart.cut_position() == pytest.approx(32 * chart.chars_per_token())
    assert "max_len 32" in chart.note.text()
    with qtbot.waitSignal(tab.previewReady, timeout=30000):
        tab.text_form.editors["max_len"].setValue(16)
    assert window.model.settings.text.max_len == 16
    assert chart.cut_position() == pytest.approx(16 * chart.chars_per_token())
    assert "max_len 16" in chart.note.text()
    view = tab.table_view
    assert view.columnWidth(0) > view.columnWidth(1)  # THUCNews: text, then the label


def test_training_form_hides_step_settings_until_the_step_schedule(window):
    form = window.training_tab.form
    assert not _shown(form, "gamma")
    schedule = form.editors["lr_schedule"]
    schedule.setCurrentIndex(schedule.findData("step"))
    assert _shown(form, "gamma") and _shown(form, "step_size")
    assert window.model.settings.training.lr_schedule == "step"
