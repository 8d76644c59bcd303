"""Word vectors tab: train word2vec on the data, explore it, hand it to the model, save it."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt

from studio.core.project import PROJECT_FILE
from tests.conftest import write_slice
from tests.gui.helpers import drop_file


def open_words(window, qtbot, path) -> None:
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        drop_file(window, path)
    text = window.model.settings.text.model_dump()
    text["tokenizer"]["type"] = "jieba"
    window.model.update("text", text)


def train_small(window, qtbot, **fields) -> None:
    tab = window.vectors_tab
    values = {"vector_size": 16, "epochs": 2, "min_count": 2, "workers": 2, **fields}
    for name, value in values.items():
        tab.w2v_form.editors[name].setValue(value)
    with qtbot.waitSignal(tab.vectorsReady, timeout=60000):
        tab.train_button.click()


@pytest.fixture
def news_slice(tmp_path, thucnews_dev):
    return write_slice(thucnews_dev, tmp_path / "news.tsv", 1500)


def test_train_then_explore_neighbours_and_map(window, qtbot, news_slice):
    open_words(window, qtbot, news_slice)
    tab = window.vectors_tab
    assert tab.train_button.isEnabled()
    train_small(window, qtbot)
    entry = window.model.project.vectors[0]
    assert (entry.source, entry.dimension) == ("trained", 16)
    assert tab.sets_combo.currentData() == entry.name and "16 dimensions" in tab.set_info.text()
    qtbot.waitUntil(lambda: tab.coverage_label.text().startswith("Coverage of the current vocabulary"),
                    timeout=30000)

    explorer = tab.explorer
    word = explorer.vectors.index_to_key[5]
    explorer.word_edit.setText(word)  # QTest cannot type CJK characters; Enter is typed
    with qtbot.waitSignal(explorer.answered, timeout=10000):
        qtbot.keyClick(explorer.word_edit, Qt.Key.Key_Return)
    rows = explorer.neighbour_table.rowCount()
    assert rows == explorer.topn_spin.value()
    scores = [float(explorer.neighbour_table.item(r, 1).text()) for r in range(rows)]
    assert scores == sorted(scores, reverse=True)

    explorer.setCurrentIndex(explorer.indexOf(explorer.map_plot.parentWidget()))
    explorer.map_count.setValue(50)
    with qtbot.waitSignal(explorer.answered, timeout=30000):
        explorer.map_button.click()
    x, y = explorer.scatter.getData()
    assert len(x) == 50 and np.isfinite(x).all() and np.isfinite(y).all()
    assert len(explorer.map_labels) == 50 and explorer.map_labels[0].toPlainText() == explorer.vectors.index_to_key[0]

    explorer.word_edit.setText("这个词不存在")
    with qtbot.waitSignal(explorer.answered, timeout=10000):
        explorer.ask_neighbours()
    assert "has no vector" in explorer.neighbour_message.text()
    assert explorer.neighbour_table.rowCount() == 0


def test_use_in_model_and_the_saved_project_keeps_the_vectors(window, qtbot, news_slice, tmp_path):
    open_words(window, qtbot, news_slice)
    train_small(window, qtbot, vector_size=24)
    window.vectors_tab.use_in_model()
    model = window.model.settings.model
    assert model.embedding_dim == 24 and model.pretrained_vectors.endswith(".bin")
    form = window.model_tab.form
    assert form.editors["embedding_dim"].value() == 24
    form.editors["embedding_dim"].setValue(32)  # no longer the vectors' size
    assert form.error_labels["embedding_dim"].text() == (
        "the word vectors have 24 dimensions but embedding_dim is 32; set embedding_dim to 24.")
    assert not window.training_tab.start_button.isEnabled()
    window.model_tab.apply_paper_defaults()  # keeps the vectors, so it keeps a matching size
    assert window.model.settings.model.embedding_dim == 32
    form.editors["embedding_dim"].setValue(24)
    assert form.valid and window.training_tab.start_button.isEnabled()

    assert window.files.save_to(str(tmp_path / "Words"))
    root = tmp_path / "Words.studio"
    saved = json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))
    assert saved["settings"]["model"]["pretrained_vectors"].startswith("vectors/")
    assert (root / saved["vectors"][0]["path"]).is_file()
    assert window.model_tab.form.editors["pretrained_vectors"].path() == str(root / saved["vectors"][0]["path"])

    window.new_project()
    assert window.vectors_tab.explorer.vectors is None
    with qtbot.waitSignal(window.vectors_tab.vectorsReady, timeout=30000):
        window.open_project(root)
    assert window.vectors_tab.explorer.vectors.vector_size == 24


def test_training_can_be_stopped_and_a_bad_import_is_explained(window, qtbot, news_slice, tmp_path):
    open_words(window, qtbot, news_slice)
    tab = window.vectors_tab
    tab.w2v_form.editors["epochs"].setValue(200)
    tab.w2v_form.editors["workers"].setValue(1)
    tab.train_button.click()
    assert tab.running and not tab.train_button.isEnabled()
    qtbot.waitUntil(lambda: tab.progress.value() > 50, timeout=30000)
    with qtbot.waitSignal(tab.job.cancelled, timeout=30000):
        tab.stop_button.click()
    qtbot.waitUntil(lambda: not tab.running)
    assert "Stopped" in tab.progress_label.text() and window.model.project.vectors == []

    broken = tmp_path / "broken.vec"
    broken.write_text("3 4\n新闻 1 2\n", encoding="utf-8")
    tab.import_picker.set_path(str(broken))
    with qtbot.waitSignal(window.errorShown, timeout=30000) as shown:
        tab.import_button.click()
    assert "broken.vec" in shown.args[0] and "word2vec text" in shown.args[0]
    assert window.model.project.vectors == [] and window.model.table is not None


def test_a_job_for_a_closed_project_does_not_land_in_the_next(window, qtbot, news_slice):
    open_words(window, qtbot, news_slice)
    tab = window.vectors_tab
    tab.w2v_form.editors["epochs"].setValue(100)
    tab.train_button.click()
    assert tab.running
    window.new_project()  # stops the job; its vectors belonged to the old data
    qtbot.waitUntil(lambda: not tab.running, timeout=30000)
    assert window.model.project.vectors == [] and tab.sets_combo.count() == 0


def test_a_stopped_read_can_be_retried_and_same_named_files_both_stay(window, qtbot, tmp_path):
    from gensim.models import KeyedVectors

    paths = []
    for folder, size in (("a", 30_000), ("b", 3)):  # "a" takes a while to read, so it can be stopped
        kv = KeyedVectors(3)
        kv.add_vectors(["新闻", "股票", *(f"{folder}{i}" for i in range(size - 2))],
                       np.random.default_rng(0).random((size, 3), dtype=np.float32))
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "vectors.vec")
        kv.save_word2vec_format(str(paths[-1]))
    tab = window.vectors_tab
    for path in paths:
        tab.import_picker.set_path(str(path))
        with qtbot.waitSignal(tab.vectorsReady, timeout=30000):
            tab.import_button.click()
    assert [v.name for v in window.model.project.vectors] == ["vectors.vec", "vectors.vec (2)"]

    tab.loaded.clear()  # as after opening the project: the sets are read when shown
    tab.select_set("vectors.vec")
    assert tab.running
    tab.stop()
    qtbot.waitUntil(lambda: not tab.running, timeout=30000)
    assert tab.explorer.vectors is None and tab.load_button.isVisibleTo(tab)
    with qtbot.waitSignal(tab.vectorsReady, timeout=30000):
        tab.load_button.click()
    assert tab.explorer.vectors.index_to_key[:3] == ["新闻", "股票", "a0"]


def _project_with_sets(folder, sets):
    """A project saved at ``folder`` listing ``sets``: (name, file, source) of 2 words × 3."""
    from gensim.models import KeyedVectors

    from studio.core.embeddings.project_vectors import VectorSet
    from studio.core.embeddings.vectors import save_vectors
    from studio.core.project import Project

    kv = KeyedVectors(3)
    kv.add_vectors(["新闻", "股票"], np.eye(2, 3, dtype=np.float32))
    project = Project(name=folder.stem)
    project.path = folder
    project.vectors = [VectorSet(name=name, path=str(save_vectors(kv, path)), source=source, dimension=3, count=2)
                       for name, path, source in sets]
    return project


def test_opening_a_project_reads_only_small_sets_of_its_own(window, qtbot, tmp_path, monkeypatch):
    """A vector set from outside the project folder, or a large one, is listed but read
    only when the user chooses it: a file someone sent is not read unasked."""
    from studio.gui.tabs import vectors_tab as module

    tab = window.vectors_tab
    root = tmp_path / "Words.studio"
    inside, outside = root / "vectors" / "small.bin", tmp_path / "elsewhere" / "published.bin"
    with qtbot.waitSignal(tab.vectorsReady, timeout=30000):
        window.model.replace(_project_with_sets(root, [("small.bin", inside, "trained")]))
    assert tab.explorer.vectors.index_to_key == ["新闻", "股票"]

    window.model.replace(_project_with_sets(root, [("published.bin", outside, "imported")]))
    assert tab.sets_combo.currentData() == "published.bin"  # shown, not read
    assert not tab.running and tab.explorer.vectors is None
    assert tab.load_button.isVisibleTo(tab) and "Not read yet" in tab.coverage_label.text()
    with qtbot.waitSignal(tab.vectorsReady, timeout=30000):
        tab.load_button.click()
    assert tab.explorer.vectors is not None and not tab.load_button.isVisibleTo(tab)

    monkeypatch.setattr(module, "AUTO_READ_BYTES", 10)  # now every set is large
    window.model.replace(_project_with_sets(root, [("small.bin", inside, "trained")]))
    assert not tab.running and tab.explorer.vectors is None and tab.load_button.isVisibleTo(tab)
