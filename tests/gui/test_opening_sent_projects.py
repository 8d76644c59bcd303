"""A project folder someone sent: the window asks before reading files outside it, and
a folder another window holds opens read-only."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from studio.core import consent
from studio.core.data.dataset import DatasetConfig
from studio.core.project import Project
from studio.core.settings import Settings
from studio.gui.widgets.runs_view import STATUS_COLUMN
from tests.gui.helpers import answer

ROWS = "".join(f"{text}\t{label}\n" for text, label in
               [("今天股市大涨", "finance"), ("球队赢得冠军", "sports")] * 20)


def sent_project(tmp_path: Path) -> tuple[Path, Path]:
    """A project whose data file lives outside its folder, as if made on another
    computer: nothing on this one agreed to that file. Returns (folder, data file)."""
    data = tmp_path / "elsewhere" / "private.tsv"
    data.parent.mkdir()
    data.write_text(ROWS, encoding="utf-8")
    project = Project(Settings(dataset=DatasetConfig(train=str(data))), name="Sent")
    root = project.save(tmp_path / "Sent")
    consent.store_file().unlink()  # saved "elsewhere": no consent recorded here
    return root, data


def test_files_outside_are_listed_and_not_read_without_consent(make_window, qtbot, tmp_path):
    root, data = sent_project(tmp_path)
    window = make_window()
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        window.open_path(root)
        question = answer(qtbot, window, "Open without them")
    assert str(data) in question and "outside its folder" in question
    assert window.model.settings.dataset.train is None and window.model.table is None
    assert any(str(data) in str(warning) for warning in window.model.project.warnings)
    assert consent.approved(root) == set()

    with qtbot.waitSignal(window.projectOpened, timeout=30000):  # the same folder again, agreed to
        window.open_path(root)
        answer(qtbot, window, "Read them")
    assert window.model.settings.dataset.train == str(data)
    assert window.model.table is not None and window.model.table.num_rows == 40
    assert not window.model.project.read_only  # its own folder again: the window keeps the lock

    with qtbot.waitSignal(window.projectOpened, timeout=30000):  # asked once: not again
        window.open_path(root)
    assert window.opener.question is None and window.model.table.num_rows == 40


def test_cancel_keeps_the_open_project(make_window, qtbot, tmp_path):
    root, _ = sent_project(tmp_path)
    window = make_window()
    with qtbot.waitSignal(window.opener.cancelled, timeout=30000):
        window.open_path(root)
        answer(qtbot, window, "Cancel")
    assert window.model.project.path is None
    assert Project.open(root).outside_files  # still not agreed to


def test_a_folder_another_window_holds_opens_read_only(make_window, qtbot, tmp_path, monkeypatch):
    root, _ = sent_project(tmp_path)
    first, second = make_window(), make_window()
    with qtbot.waitSignal(first.projectOpened, timeout=30000):
        first.open_path(root)
        answer(qtbot, first, "Read them")
    with qtbot.waitSignal(second.projectOpened, timeout=30000):
        second.open_path(root)
        assert "another window of this studio" in answer(qtbot, second, "Open read-only")
    assert second.model.project.read_only and "(read-only)" in second.windowTitle()
    before = (root / "project.json").read_bytes()

    target = tmp_path / "Copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert second.save()  # Save goes to Save As: the folder is the first window's
    assert (root / "project.json").read_bytes() == before
    assert second.model.project.path == target.with_name("Copy.studio")
    assert not second.model.project.read_only and second.model.project.locked

    first.new_project()  # the lock goes with the project the window had open
    again = Project.open(root)
    again.lock()
    assert again.locked
    again.close()


def test_a_run_that_cannot_be_read_is_listed_as_unreadable(window, qtbot, tmp_path):
    saved = Path(__file__).resolve().parents[1] / "data" / "projects" / "v2"
    root = shutil.copytree(saved, tmp_path / "Damaged.studio")
    [run_dir] = (root / "runs").iterdir()
    (run_dir / "weights.safetensors").write_bytes(b"not weights")
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        window.open_path(root)
    table = window.training_tab.runs_view.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == run_dir.name
    assert table.item(0, STATUS_COLUMN).text() == "unreadable"
    assert "weights.safetensors" in table.item(0, 0).toolTip()
    assert window.training_tab.runs_view.selected_runs() == []
    assert run_dir.name in window.last_error  # the warnings dialog says so too


def test_closing_the_window_during_the_question_lets_go_of_the_folder(make_window, qtbot, tmp_path):
    root, _ = sent_project(tmp_path)
    window = make_window()
    window.open_path(root)
    qtbot.waitUntil(lambda: window.opener.question is not None and window.opener.question.isVisible(),
                    timeout=30000)
    window.close()
    again = Project.open(root)
    again.lock()  # would raise ProjectLocked if the half-opened project still held it
    again.close()


def test_a_folder_that_cannot_be_locked_opens_read_only_and_says_why(window, qtbot, tmp_path, monkeypatch):
    from studio.core.project_lock import FolderReadOnly

    root = Project(Settings(), name="Plain").save(tmp_path / "Plain")

    def unlockable(project, holder):
        raise FolderReadOnly(project.path, "Read-only file system")

    monkeypatch.setattr(Project, "take_lock", unlockable)
    with qtbot.waitSignal(window.errorShown, timeout=30000) as shown:
        window.open_path(root)
    assert shown.args[0].startswith(f"{root} is read-only (Read-only file system)")
    assert window.model.project.read_only and "(read-only)" in window.windowTitle()


def test_the_lock_holder_is_worded_from_the_core(window, tmp_path):
    from studio.core.project_lock import LockOwner, ProjectLocked

    other = LockOwner(4321, "pc1", "alice", since="2026-11-30T14:02:11+08:00")
    assert window.opener.holder(ProjectLocked(tmp_path, other)) == \
        "process 4321 of alice on host 'pc1', since 2026-11-30 14:02"
    assert window.opener.holder(ProjectLocked(tmp_path, None)) == "an unknown process"
    assert window.opener.holder(ProjectLocked(tmp_path, LockOwner.current())) == "another window of this studio"
