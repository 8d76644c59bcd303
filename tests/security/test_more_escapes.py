"""Ways around the first fixes for issue 14, found by a review: resuming a run whose
data the user declined, pipes where files belong, a vocabulary found beside an .npz
that leads elsewhere, a sparse weights file declaring gigabytes, a linked run folder
given to ``studio train --resume``, a file missing when the project opened counted as
agreed to, and a new run written through a planted link."""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading

import numpy as np
import pytest

from studio.cli import main
from studio.core import consent
from studio.core.data.reader import read_table
from studio.core.embeddings.vectors import load_vectors
from studio.core.errors import DataFormatError, ProjectError
from studio.core.project import Project
from studio.core.project_outside import OutsideFilesRefused
from studio.core.project_runs import resume_config
from studio.core.settings import Settings
from studio.core.training.run import execute_run
from tests.security.test_checkpoint_escape import RUN_ID, changed, edit_json, fingerprint, saved_project

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs as on POSIX")


def declined_run(fake_home):
    """A project whose run reads a file outside it; opened, and the file declined."""
    root = saved_project(fake_home / "Downloads" / "sent.studio")
    secret = fake_home / "secret.tsv"
    secret.write_text("密码\tpos\n", encoding="utf-8")
    edit_json(root / "runs" / RUN_ID / "config.json", lambda d: d["dataset"].update(train=str(secret)))
    (root / "runs" / RUN_ID / "checkpoint").mkdir()
    (root / "runs" / RUN_ID / "checkpoint" / "checkpoint.json").write_text(
        json.dumps({"format": 1, "lines": 0, "tensors": "state-1.safetensors"}), encoding="utf-8")
    return root, secret


def test_a_run_whose_files_were_declined_is_not_resumed_with_them(fake_home):
    root, secret = declined_run(fake_home)
    project = Project.open(root)
    assert [ref.path for ref in project.outside_files] == [secret]
    project.detach_outside_files()
    with pytest.raises(OutsideFilesRefused, match="secret.tsv"):
        resume_config(root / "runs" / RUN_ID)  # what the window's resume asks first


def test_an_interrupted_run_is_asked_about_too(fake_home):
    root, secret = declined_run(fake_home)
    edit_json(root / "project.json", lambda d: d.update(runs=[]))  # unlisted: cut short by a kill
    project = Project.open(root)
    assert project.interrupted and [ref.path for ref in project.outside_files] == [secret]


@posix_only
@pytest.mark.parametrize("reader", ["table", "vocabulary"])
def test_a_pipe_where_a_file_belongs_is_refused_at_once(tmp_path, reader):
    fifo = tmp_path / "classes.txt"
    os.mkfifo(fifo)
    outcome: list = []

    def read() -> None:
        try:
            read_table(fifo) if reader == "table" else load_vectors(tmp_path / "v.npz", fifo)
        except Exception as exc:  # noqa: BLE001 (the outcome is checked below)
            outcome.append(exc)

    if reader == "vocabulary":
        np.savez(tmp_path / "v.npz", embeddings=np.ones((1, 2), dtype=np.float32))
    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(5)
    if thread.is_alive():
        with open(fifo, "w"):  # unblock the reader before failing
            pass
        pytest.fail("reading a FIFO blocked")
    assert isinstance(outcome[0], DataFormatError) and "regular file" in str(outcome[0])


@posix_only
def test_a_vocabulary_found_beside_an_npz_does_not_lead_elsewhere(fake_home, tmp_path):
    passwords = fake_home / "passwords.txt"
    passwords.write_text("hunter2\n", encoding="utf-8")
    folder = tmp_path / "vectors"
    folder.mkdir()
    np.savez(folder / "v.npz", embeddings=np.ones((1, 2), dtype=np.float32))
    (folder / "vocab.txt").symlink_to(passwords)
    with pytest.raises(DataFormatError, match="no vocabulary file found"):
        load_vectors(folder / "v.npz")


def test_weights_declaring_more_than_memory_mark_the_run_unreadable(fake_home, monkeypatch):
    root = saved_project(fake_home / "big.studio")
    weights = root / "runs" / RUN_ID / "weights.safetensors"
    header = json.dumps({"w": {"dtype": "F32", "shape": [1 << 28], "data_offsets": [0, 1 << 30]}}).encode()
    with open(weights, "wb") as handle:
        handle.write(len(header).to_bytes(8, "little") + header)
        handle.truncate(8 + len(header) + (1 << 30))  # sparse: 1 GiB declared, nothing on disk
    monkeypatch.setattr("studio.core.data.memory.available_memory", lambda: 512 << 20)
    project = Project.open(root)
    assert project.runs == [] and "more than the" in str(project.unreadable_runs[0].message)


@posix_only
def test_resume_through_a_linked_run_folder_writes_nothing_outside(fake_home, capsys):
    notes = fake_home / "Documents" / "notes"
    notes.mkdir(parents=True)
    (notes / "todo.txt").write_text("mine\n", encoding="utf-8")
    root = saved_project(fake_home / "Downloads" / "sent.studio")
    (root / "runs" / "linked").symlink_to(notes)
    before = fingerprint(fake_home, root, fake_home / ".cache")
    assert main(["train", "--resume", str(root / "runs" / "linked")]) == 2
    assert "leads outside" in capsys.readouterr().err
    assert changed(before, fingerprint(fake_home, root, fake_home / ".cache")) == []


def test_a_file_missing_when_opened_is_not_agreed_to_by_saving(fake_home):
    root = saved_project(fake_home / "sent.studio")
    later = fake_home / "later.tsv"
    edit_json(root / "project.json", lambda d: d["settings"]["dataset"].update(validation=str(later)))
    project = Project.open(root)
    assert project.outside_files == []  # nothing to read yet
    project.save()
    later.write_text("后来\tpos\n", encoding="utf-8")
    assert [ref.path for ref in Project.open(root).outside_files] == [later]
    assert str(later) not in consent.approved(root)


@posix_only
def test_a_new_run_is_not_written_through_a_planted_link(fake_home, tmp_path):
    outside = fake_home / "elsewhere"
    outside.mkdir()
    run_dir = tmp_path / "p.studio" / "runs" / "20990101-000000-textcnn"
    run_dir.parent.mkdir(parents=True)
    run_dir.symlink_to(outside)
    data = tmp_path / "d.tsv"
    data.write_text("".join(f"好{i}\tpos\n坏{i}\tneg\n" for i in range(20)), encoding="utf-8")
    settings = Settings.from_dict({"dataset": {"train": str(data)}, "training": {"epochs": 1}})
    with pytest.raises(ProjectError, match="leads outside"):
        execute_run(settings, run_dir=run_dir)
    assert list(outside.iterdir()) == []


def test_files_agreed_to_once_stay_agreed_after_save_as(fake_home):
    root, _ = declined_run(fake_home)
    shutil.rmtree(root / "runs" / RUN_ID / "checkpoint")  # a finished run: nothing to resume
    project = Project.open(root)
    project.allow_outside_files()
    copy = project.save(fake_home / "Documents" / "copy")
    assert Project.open(copy).outside_files == []
