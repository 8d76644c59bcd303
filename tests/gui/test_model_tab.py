"""Model tab: the layer table, parameter count, diagram, impossible settings, presets."""

from __future__ import annotations

import pytest

from studio.core.models import default_config, model_names


def settle(tab, qtbot) -> None:
    qtbot.waitUntil(lambda: not tab.busy, timeout=20000)


def table_rows(tab) -> list[tuple[str, ...]]:
    return [tuple(tab.table.item(r, c).text().strip() for c in range(tab.table.columnCount()))
            for r in range(tab.table.rowCount())]


def choose(window, qtbot, name: str):
    tab = window.model_tab
    tab.combo.setCurrentIndex(tab.combo.findData(name))
    settle(tab, qtbot)
    return tab


def test_changing_a_field_updates_the_layer_table_and_parameter_count(window, qtbot):
    tab = choose(window, qtbot, "textcnn")
    batch, max_len = window.model.settings.training.batch_size, window.model.settings.text.max_len
    rows = table_rows(tab)
    assert rows[0][:3] == ("embedding", "Embedding", f"({batch}, {max_len}, 300)")
    assert rows[-1][:2] == ("fc", "Linear")
    before = tab.params_label.text()
    assert before.startswith("Parameters: ")

    tab.form.editors["num_filters"].setValue(100)
    settle(tab, qtbot)
    assert tab.params_label.text() != before
    conv = next(row for row in table_rows(tab) if row[0] == "convs.0")
    assert conv[2].startswith(f"({batch}, 100,")
    assert table_rows(tab)[-1][3] == f"{(3 * 100 + 1) * 2:,}"  # fc: 300 features -> 2 classes

    window.model.update("training", {**window.model.settings.training.model_dump(), "batch_size": 7})
    settle(tab, qtbot)
    assert table_rows(tab)[0][2] == f"(7, {max_len}, 300)"
    assert "batch_size 7" in tab.memory_label.text()
    assert tab.diagram.boxes[0][2] == f"(7, {max_len})"
    assert [box[1] for box in tab.diagram.boxes][1:3] == ["embedding: Embedding", "convs: 3 × Conv1d"]


@pytest.mark.parametrize("name, field, value, words", [
    ("textcnn", "kernel_sizes", "2, 3, 500", "wider than max_len"),
    ("dpcnn", "num_blocks", 12, "max_len"),
    ("transformer", "num_heads", 7, "not divisible"),
])
def test_impossible_value_is_explained_beside_its_field_and_disables_start(window, qtbot, thucnews_dev,
                                                                          name, field, value, words):
    from tests.gui.helpers import drop_file

    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, thucnews_dev)
    tab = choose(window, qtbot, name)
    assert window.training_tab.start_button.isEnabled(), window.training_tab.blocker_label.text()
    editor = tab.form.editors[field]
    editor.setText(value) if hasattr(editor, "setText") else editor.setValue(value)
    settle(tab, qtbot)
    error = tab.form.error_labels[field]
    assert error.isVisibleTo(tab) and words in error.text()
    assert not window.training_tab.start_button.isEnabled()
    assert "Model tab" in window.training_tab.blocker_label.text()
    assert tab.table.rowCount() == 0 and not tab.diagram.boxes
    assert "fix the settings" in tab.params_label.text()

    tab.apply_paper_defaults()  # the preset is always a possible model
    settle(tab, qtbot)
    assert window.model.settings.model.model_dump() == default_config(name).model_dump()
    assert not tab.form.error_labels[field].isVisibleTo(tab)  # the form was redrawn
    assert tab.table.rowCount() > 0
    assert window.training_tab.start_button.isEnabled()


def test_raising_max_len_elsewhere_clears_the_explanation(window, qtbot):
    tab = choose(window, qtbot, "textcnn")
    tab.form.editors["kernel_sizes"].setText("3, 40")
    settle(tab, qtbot)
    assert tab.form.error_labels["kernel_sizes"].isVisibleTo(tab)
    text = window.model.settings.text.model_dump()
    window.model.update("text", {**text, "max_len": 64})
    settle(tab, qtbot)
    assert not tab.form.error_labels["kernel_sizes"].isVisibleTo(tab)
    assert tab.table.rowCount() > 0


def test_a_summary_on_its_way_reads_counting_not_fix_the_settings(window, qtbot):
    tab = choose(window, qtbot, "textcnn")
    tab.form.editors["kernel_sizes"].setText("3, 400")
    settle(tab, qtbot)
    assert "fix the settings" in tab.params_label.text()
    tab.form.editors["kernel_sizes"].setText("3, 4")
    assert tab.busy and tab.params_label.text() == "Parameters: counting…"
    settle(tab, qtbot)
    assert tab.params_label.text().startswith("Parameters: ") and tab.table.rowCount() > 0


def test_the_settings_column_is_never_narrower_than_its_fields(window, qtbot):
    from PySide6.QtWidgets import QSplitter

    tab = choose(window, qtbot, "textrnn")
    splitter = tab.findChild(QSplitter)
    window.resize(900, 700)
    splitter.setSizes([10, 2000])  # a user drags the handle far to the left
    qtbot.waitUntil(lambda: splitter.sizes()[0] > 10)
    scroll = splitter.widget(0)
    assert scroll.width() >= scroll.widget().minimumSizeHint().width()
    assert not scroll.horizontalScrollBar().isVisible()


def test_a_combo_with_no_model_chosen_changes_nothing(window, qtbot):
    tab = choose(window, qtbot, "textrnn")
    tab.combo.setCurrentIndex(-1)  # no user path; a programmatic clear must not raise
    assert window.model.settings.model.type == "textrnn"
    tab.combo.setCurrentIndex(tab.combo.findData("textcnn"))
    settle(tab, qtbot)
    assert window.model.settings.model.type == "textcnn"


def test_paper_defaults_keep_the_pretrained_vector_choice(window, qtbot):
    tab = choose(window, qtbot, "textrnn")
    tab.form.editors["hidden_size"].setValue(33)
    tab.form.editors["freeze_embedding"].setChecked(True)
    assert window.model.settings.model.hidden_size == 33
    tab.defaults_button.click()
    settle(tab, qtbot)
    assert window.model.settings.model.hidden_size == default_config("textrnn").hidden_size
    assert window.model.settings.model.freeze_embedding is True
    assert tab.form.editors["hidden_size"].value() == default_config("textrnn").hidden_size


def test_every_model_gets_a_table_and_a_diagram(window, qtbot):
    for name in model_names(task="classification"):  # the models the tab offers
        tab = choose(window, qtbot, name)
        assert tab.table.rowCount() >= 2, name
        assert tab.diagram.boxes[0][1] == "Token ids" and tab.diagram.boxes[-1][1] == "Logits"
        total = sum(int(row[3].replace(",", "")) for row in table_rows(tab) if row[3] != "–")
        assert f"{total:,}" in tab.params_label.text(), name


def test_a_pair_project_offers_the_pair_models(window, qtbot, tmp_path):
    from tests.conftest import shared_file, write_slice
    from tests.gui.helpers import drop_file

    data = write_slice(shared_file("lcqmc", "train.txt"), tmp_path / "lcqmc.txt", 200)
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, data)
    tab, model = window.model_tab, window.model
    offered = lambda: {tab.combo.itemData(i) for i in range(tab.combo.count())}  # noqa: E731
    dataset = model.settings.dataset.model_dump()
    model.update("dataset", {**dataset, "text_column": 0, "text_pair_column": 1, "label_column": 2})
    assert model.settings.task == "pair"
    assert {"esim", "textcnn"} <= offered()
    tab = choose(window, qtbot, "esim")
    assert model.settings.model.type == "esim"
    assert tab.table.rowCount() >= 2 and table_rows(tab)[0][0] == "embedding"  # the summary reads pairs

    model.update("dataset", {**model.settings.dataset.model_dump(), "text_pair_column": None})
    assert model.settings.task == "classification"
    # the chosen model stays shown (training refuses it); no other pair-only model is offered
    assert "esim" in offered() and "siamese" not in offered()
