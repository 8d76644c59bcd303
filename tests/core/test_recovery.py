"""Autosave and recovery: a studio killed with unsaved changes offers them at the next start."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studio.core.errors import ProjectError
from studio.core.inference.predictor import Predictor
from studio.core.project import Project
from studio.core.recovery import SESSION_FILE, RecoverySession, discard, find_recoverable, recovery_root, take_snapshot
from studio.core.training.checkpoint import CHECKPOINT_DIR, META_FILE

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects"
RUN_ID = "20261121-160802-textcnn"


@pytest.fixture
def source(tmp_path) -> Path:
    return shutil.copytree(SAVED / "v1", tmp_path / "Tiny.studio")


def test_a_clean_exit_leaves_nothing_to_recover(source):
    session = RecoverySession()
    project = Project.open(source)
    project.name = "Edited"
    session.autosave(take_snapshot(project, dirty=True))
    session.close()
    assert find_recoverable() == []
    assert not session.folder.exists()


def test_a_running_studio_is_never_offered(source):
    running = RecoverySession()
    running.autosave(take_snapshot(Project.open(source), dirty=True))
    mine = RecoverySession()
    assert find_recoverable(exclude=mine.folder) == []
    running.close()
    mine.close()


def test_a_killed_studio_offers_its_unsaved_changes(source):
    child = textwrap.dedent(f"""
        import sys, time
        from studio.core.project import Project
        from studio.core.recovery import RecoverySession, take_snapshot
        session = RecoverySession()
        project = Project.open({str(source)!r})
        project.name = "Edited after saving"
        project.settings = project.settings.model_copy(
            update={{"training": project.settings.training.model_copy(update={{"epochs": 7}})}})
        session.autosave(take_snapshot(project, dirty=True))
        print("autosaved", flush=True)
        time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True, env=os.environ)
    try:
        assert process.stdout.readline().strip() == "autosaved"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()

    mine = RecoverySession()
    found = find_recoverable(exclude=mine.folder)
    assert len(found) == 1
    entry = found[0]
    assert entry.dirty and entry.source == source and entry.name == "Edited after saving"
    assert "unsaved changes" in str(entry.description) and str(source) in str(entry.description)
    project = mine.recover(entry)
    assert project.name == "Edited after saving" and project.settings.training.epochs == 7
    assert project.path == source  # saving writes the recovered state where it belongs
    assert [run.id for run in project.runs] == [RUN_ID]
    assert Predictor(project.runs[0]).probabilities(["球队主场比赛进球"]).shape == (1, 2)
    assert find_recoverable(exclude=mine.folder) == []  # recovered once, not offered again
    project.save()
    assert Project.open(source).settings.training.epochs == 7
    mine.close()
    assert not any(recovery_root().glob("*"))


def dead_session(project: Project, dirty: bool, training=()) -> RecoverySession:
    """A session whose studio died: its lock released, its folder left behind."""
    session = RecoverySession()
    session.autosave(take_snapshot(project, dirty=dirty, training=training))
    session._lock.close()
    return session


def test_an_unsaved_project_with_a_run_training_is_recovered(source, tmp_path):
    project = Project.open(source)
    project.path = None
    project.name = "Untitled"
    training = tmp_path / "cache-runs" / "20261122-010000-textcnn"
    shutil.copytree(source / "runs" / RUN_ID, training)
    (training / CHECKPOINT_DIR).mkdir()
    (training / CHECKPOINT_DIR / META_FILE).write_text("{}", encoding="utf-8")
    dead_session(project, dirty=True, training=[training])

    mine = RecoverySession()
    [entry] = find_recoverable(exclude=mine.folder)
    assert entry.source is None and entry.training == (training,)
    assert "never saved" in str(entry.description) and training.name in str(entry.description)
    recovered = mine.recover(entry)
    assert recovered.path is None and recovered.interrupted == [training]
    assert [run.id for run in recovered.runs] == [RUN_ID]
    saved = recovered.save(tmp_path / "Rescued")
    mine.close()  # the adopted autosave goes; the saved project keeps its runs
    assert [run.id for run in Project.open(saved).runs] == [RUN_ID]


def test_nothing_to_recover_is_cleaned_up_and_discard_deletes(source):
    clean = dead_session(Project.open(source), dirty=False)
    dirty = dead_session(Project.open(source), dirty=True)
    found = find_recoverable()
    assert [entry.folder for entry in found] == [dirty.folder]
    assert not clean.folder.exists()
    discard(found[0])
    assert find_recoverable() == []


def test_a_damaged_session_file_is_not_fatal(source):
    session = dead_session(Project.open(source), dirty=True)
    (session.folder / SESSION_FILE).write_text("{not json", encoding="utf-8")
    assert find_recoverable() == []  # without a readable session nothing is known to be unsaved
    assert not session.folder.exists()


def test_a_resumed_run_replaces_its_stopped_self_in_the_autosave(source):
    session = RecoverySession()
    project = Project.open(source)
    session.autosave(take_snapshot(project, dirty=True))
    weights = session.folder / "project.studio" / "runs" / RUN_ID / "weights.safetensors"
    first = weights.stat().st_mtime_ns
    session.autosave(take_snapshot(project, dirty=True))
    assert weights.stat().st_mtime_ns == first  # an unchanged run is not written again
    old = project.runs[0]
    project.runs = [type(old)(old.id, old.config, old.vocab, old.label_names, old.state_dict, old.events[:-1])]
    session.autosave(take_snapshot(project, dirty=True))
    assert weights.stat().st_mtime_ns != first
    session.close()


def test_a_crash_soon_after_recovering_offers_the_recovered_work_again(source):
    dead_session(Project.open(source), dirty=True)  # A: crashed with unsaved changes
    second = RecoverySession()  # B: recovers A, then is killed before its own autosave
    [entry] = find_recoverable(exclude=second.folder)
    second.recover(entry)
    second._lock.close()

    third = RecoverySession()  # C: must still be offered A's changes
    found = find_recoverable(exclude=third.folder)
    assert [e.name for e in found] == ["Tiny"] and found[0].dirty
    assert third.recover(found[0]).name == "Tiny"
    third.close()


def test_a_damaged_autosave_is_kept_when_recovering_fails(source):
    crashed = dead_session(Project.open(source), dirty=True)
    (crashed.folder / "project.studio" / "project.json").write_text("{", encoding="utf-8")
    mine = RecoverySession()
    [entry] = find_recoverable(exclude=mine.folder)
    with pytest.raises(ProjectError, match="project.json"):
        mine.recover(entry)
    assert entry.folder.is_dir() and find_recoverable(exclude=mine.folder) == [entry]
    mine.close()
