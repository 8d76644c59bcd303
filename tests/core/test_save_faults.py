"""Saving onto a full disk or into a read-only folder keeps the project saved before.

Filling a real disk is not possible in a test, so the faults are injected where the
operating system reports them: ``fsync`` (a full disk often shows only there) and
``mkstemp`` (no write permission). The read-only case also runs for real when the
tests do not run as root (root may write anywhere).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

import studio.core.fileio as fileio
from studio.core.errors import ProjectError
from studio.core.project import PROJECT_FILE, Project

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects"


@pytest.fixture
def saved(tmp_path) -> Path:
    return shutil.copytree(SAVED / "v2", tmp_path / "p.studio")


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def fail_with(monkeypatch, code: int, where: str, after: int = 0) -> None:
    """Make the ``after``-th and later calls of ``fsync`` or ``mkstemp`` fail with ``code``."""
    calls = {"n": 0}
    real = {"fsync": os.fsync, "mkstemp": fileio.tempfile.mkstemp}[where]

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    if where == "fsync":
        monkeypatch.setattr(fileio.os, "fsync", failing)
    else:
        monkeypatch.setattr(fileio.tempfile, "mkstemp", failing)


@pytest.mark.parametrize("code, where, after, advice", [
    (errno.ENOSPC, "fsync", 0, "disk is full"),
    (errno.ENOSPC, "fsync", 3, "disk is full"),  # part-way, after some files were written
    (errno.EACCES, "mkstemp", 0, "read-only"),
    (errno.EROFS, "mkstemp", 2, "read-only"),
])
def test_a_failed_save_keeps_the_project_saved_before(saved, monkeypatch, code, where, after, advice):
    before = snapshot(saved)
    project = Project.open(saved)
    project.name = "Renamed"
    for problem in project.data_problems():
        project.use_data_copy(problem.role)
    project.runs.append(project.runs[0].__class__(
        "20261122-000000-textcnn", project.runs[0].config, project.runs[0].vocab,
        project.runs[0].label_names, project.runs[0].state_dict, project.runs[0].events))
    fail_with(monkeypatch, code, where, after)
    with pytest.raises(ProjectError) as caught:
        project.save()
    message = str(caught.value)
    assert str(saved) in message and advice in message and "unchanged" in message
    monkeypatch.undo()

    after_files = snapshot(saved)
    assert after_files[PROJECT_FILE] == before[PROJECT_FILE]
    assert not [name for name in after_files if name.endswith(".tmp")]
    reopened = Project.open(saved)
    assert reopened.name == "Tiny" and [r.id for r in reopened.runs] == ["20261121-160802-textcnn"]
    assert project.path == saved  # the open project is intact and can be saved once space is back
    project.save()
    assert [r.id for r in Project.open(saved).runs] == ["20261121-160802-textcnn", "20261122-000000-textcnn"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write into read-only folders")
def test_a_really_read_only_folder(saved):
    project = Project.open(saved)
    project.name = "Renamed"
    saved.chmod(0o500)
    try:
        with pytest.raises(ProjectError, match="read-only"):
            project.save()
    finally:
        saved.chmod(0o700)
    assert Project.open(saved).name == "Tiny"
