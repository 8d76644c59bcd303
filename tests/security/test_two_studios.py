"""Issue 14, items 6 and 7: two studios on one project, and the durability gaps.

Item 6: "Nothing locks a project folder: two windows saving race (last project.json
wins); two resumes of one run delete each other's checkpoint tensors."
Item 7: "moving trained vectors from scratch into the project uses a cross-filesystem
shutil.move (a kill between it and project.json orphans the file)".
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from studio.cli import main
from studio.core import consent
from studio.core import project as project_module
from studio.core.embeddings.project_vectors import VectorSet, scratch_dir
from studio.core.embeddings.vectors import save_vectors
from studio.core.errors import ProjectError
from studio.core.project import PROJECT_FILE, Project
from tests.security.test_checkpoint_escape import RUN_ID, saved_project


def test_a_second_studio_cannot_save_over_a_project_another_holds(fake_home):
    root = saved_project(fake_home / "shared.studio")
    window = Project.open(root)
    window.lock()
    other = Project.open(root)  # reading needs no lock
    other.name = "Other"
    before = (root / PROJECT_FILE).read_bytes()
    with pytest.raises(ProjectError, match=f"process {os.getpid()}"):
        other.save()
    assert (root / PROJECT_FILE).read_bytes() == before
    window.name = "Window"
    window.save()  # the holder saves as before
    window.close()
    other.save()  # and once it lets go, the other may
    assert Project.open(root).name == "Other"


def test_a_run_cannot_be_resumed_while_another_studio_has_its_project(fake_home, capsys):
    root = saved_project(fake_home / "shared.studio")
    window = Project.open(root)
    window.lock()
    before = {p.name: p.stat().st_mtime_ns for p in (root / "runs" / RUN_ID).iterdir()}
    assert main(["train", "--resume", str(root / "runs" / RUN_ID)]) == 2
    assert "is open in another Text Model Studio" in capsys.readouterr().err
    assert {p.name: p.stat().st_mtime_ns for p in (root / "runs" / RUN_ID).iterdir()} == before
    window.close()


def trained_vectors() -> VectorSet:
    """Vectors trained in an unsaved project wait in the cache's scratch folder."""
    from gensim.models import KeyedVectors

    vectors = KeyedVectors(4)
    vectors.add_vectors(["股票", "篮球"], np.ones((2, 4), dtype=np.float32))
    path = save_vectors(vectors, scratch_dir() / "w2v.bin")
    return VectorSet(name="w2v", path=str(path), source="trained", dimension=4, count=2)


def test_trained_vectors_leave_the_cache_only_once_the_project_names_their_copy(fake_home, monkeypatch):
    project = Project(name="Vectors")
    project.vectors = [trained_vectors()]
    scratch = scratch_dir() / "w2v.bin"
    real = project_module.atomic_write_json

    def no_project_json(path, obj):
        if path.name == PROJECT_FILE:
            raise OSError(28, "No space left on device")
        return real(path, obj)

    monkeypatch.setattr(project_module, "atomic_write_json", no_project_json)
    with pytest.raises(ProjectError, match="disk is full"):
        project.save(fake_home / "Vectors")
    assert scratch.is_file()  # killed here, the vectors would still be where the studio finds them
    monkeypatch.setattr(project_module, "atomic_write_json", real)
    root = project.save(fake_home / "Vectors")
    copy = root / "vectors" / "w2v.bin"
    assert copy.is_file() and not scratch.exists()
    assert Project.open(root).vectors[0].path == str(copy)


def _approve_many(cache: str, folder: str, start: int) -> None:
    os.environ["STUDIO_CACHE_DIR"] = cache
    for i in range(start, start + 15):
        assert consent.approve(folder, [f"/data/file-{i}.tsv"])


def test_two_studios_recording_consent_at_once_lose_nothing(fake_home, tmp_path):
    import multiprocessing

    folder = tmp_path / "p.studio"
    cache = os.environ["STUDIO_CACHE_DIR"]
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_approve_many, args=(cache, str(folder), 100 * n)) for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert len(consent.approved(folder)) == 45
