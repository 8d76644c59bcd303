"""project.json versions and validation, data copies and relocation, and hostile projects.

Every hostile project here is built by the test from the kept v1 project: opening it
must raise ProjectError naming the file, and must never run code from it.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import struct
from pathlib import Path

import pytest
import torch

from studio.core.embeddings.vectors import load_vectors
from studio.core.errors import ProjectError, StudioError
from studio.core.fileio import file_sha256
from studio.core.project import PROJECT_FILE, Project
from studio.core.project_schema import SCHEMA_VERSION, migrate

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects"
RUN_ID = "20261121-160802-textcnn"


@pytest.fixture
def project_dir(tmp_path) -> Path:
    return shutil.copytree(SAVED / "v1", tmp_path / "p")


def edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


# ----- versions -------------------------------------------------------------------
def test_migrate_v1_adds_the_v2_fields():
    document = migrate({"schema_version": 1, "name": "x", "settings": {}, "runs": [], "vectors": []}, Path("p.json"))
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["data_copies"] == {} and document["saved_by"]["studio"] == "unknown"


@pytest.mark.parametrize("version, message", [(99, "newer than this studio"), (None, "missing or not a number"),
                                              ("1", "missing or not a number"), (True, "missing or not a number"),
                                              (0, "not one this studio knows")])
def test_unreadable_versions_are_named(project_dir, version, message):
    edit_json(project_dir / PROJECT_FILE, lambda d: d.update(schema_version=version))
    with pytest.raises(ProjectError, match=message) as caught:
        Project.open(project_dir)
    assert str(project_dir / PROJECT_FILE) in str(caught.value)


@pytest.mark.parametrize("change, named", [
    (lambda d: d.update(plugin="evil.py"), "plugin"),
    (lambda d: d["settings"].update(hooks=["x"]), "hooks"),
    (lambda d: d["settings"]["model"].update(activation="__import__('os')"), "activation"),
    (lambda d: d["runs"].append({"id": "../../outside"}), "runs.1.id"),
    (lambda d: d["runs"].append({"id": "."}), "runs.1.id"),
    (lambda d: d.update(data_copies={"train": "/etc/passwd"}), "inside the project"),
    (lambda d: d.update(data_copies={"train": "../x.tsv"}), "inside the project"),
    (lambda d: d.update(settings=[]), "settings"),
    (lambda d: d["settings"].update(dataset="x"), "dataset"),
])
def test_unknown_or_invalid_fields_are_refused(project_dir, change, named):
    edit_json(project_dir / PROJECT_FILE, change)
    with pytest.raises(ProjectError, match="project.json") as caught:
        Project.open(project_dir)
    assert named in str(caught.value)


def test_a_document_that_is_not_an_object_or_too_deep(project_dir):
    file = project_dir / PROJECT_FILE
    file.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ProjectError, match="JSON object"):
        Project.open(project_dir)
    file.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ProjectError, match="nested too deeply"):
        Project.open(project_dir)


# ----- runs -----------------------------------------------------------------------
def run_refusal(project_dir: Path) -> str:
    """Open the project: a run that cannot be read is left out and marked, not fatal.
    Returns why it was left out."""
    project = Project.open(project_dir)
    assert project.runs == [] and [u.id for u in project.unreadable_runs] == [RUN_ID]
    assert any(RUN_ID in str(warning) for warning in project.warnings)
    return str(project.unreadable_runs[0].message)


class _Payload:
    """Unpickling this runs ``exec``: what a crafted project would hide."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return exec, (f"open({str(self.marker)!r}, 'w').write('ran')",)


def test_a_pickle_in_place_of_weights_is_refused_and_never_run(project_dir, tmp_path):
    marker = tmp_path / "pwned"
    weights = project_dir / "runs" / RUN_ID / "weights.safetensors"
    weights.write_bytes(pickle.dumps(_Payload(marker)))
    assert "weights.safetensors: cannot be read as safetensors" in run_refusal(project_dir)
    torch.save({"x": _Payload(marker)}, weights)  # torch's zip-of-pickles format too
    assert "weights.safetensors" in run_refusal(project_dir)
    assert not marker.exists()


def test_pickles_beside_the_run_files_are_never_opened(project_dir, tmp_path):
    marker = tmp_path / "pwned"
    for name in ("model.pt", "weights.pkl", "optimizer.pt"):
        (project_dir / "runs" / RUN_ID / name).write_bytes(pickle.dumps(_Payload(marker)))
    (project_dir / "vectors").mkdir()
    (project_dir / "vectors" / "w2v.kv").write_bytes(pickle.dumps(_Payload(marker)))
    project = Project.open(project_dir)
    assert [run.id for run in project.runs] == [RUN_ID]
    with pytest.raises(StudioError, match="pickle"):
        load_vectors(project_dir / "vectors" / "w2v.kv")
    (project_dir / "vectors" / "w2v.bin").write_bytes(pickle.dumps(_Payload(marker)))
    with pytest.raises(StudioError):
        load_vectors(project_dir / "vectors" / "w2v.bin")
    assert not marker.exists()


def safetensors_bytes(header: dict | bytes, body: bytes = b"", length: int | None = None) -> bytes:
    raw = header if isinstance(header, bytes) else json.dumps(header).encode()
    return struct.pack("<Q", len(raw) if length is None else length) + raw + body


@pytest.mark.parametrize("data", [
    safetensors_bytes(b"{}", length=1 << 60),  # a header length of an exbibyte
    safetensors_bytes({"w": {"dtype": "F32", "shape": [1 << 20, 1 << 20], "data_offsets": [0, 1 << 42]}}, b"\0" * 16),
    safetensors_bytes({"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}, b"\0" * 8),
    b"",
])
def test_oversized_or_lying_tensor_headers_are_refused(project_dir, data):
    (project_dir / "runs" / RUN_ID / "weights.safetensors").write_bytes(data)
    assert "weights.safetensors" in run_refusal(project_dir)


@pytest.mark.parametrize("name, change, message", [
    ("config.json", lambda d: d.update(callback="os.system"), "callback"),
    ("config.json", lambda d: d["model"].update(type="evil"), "evil"),
    ("vocab.json", lambda d: d.append({"__class__": "x"}), "list of strings"),
    ("labels.json", lambda d: d.append(3), "list of strings"),
])
def test_run_files_with_unknown_keys_or_wrong_types_are_refused(project_dir, name, change, message):
    file = project_dir / "runs" / RUN_ID / name
    edit_json(file, change)
    refusal = run_refusal(project_dir)
    assert message in refusal and str(file) in refusal


# ----- data files -----------------------------------------------------------------
def moved_data_project(tmp_path) -> tuple[Project, Path]:
    """A project whose data lives outside it, in ``tmp_path/src``."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("data.tsv", "classes.txt"):
        shutil.copy(SAVED / "v1" / name, source / name)
    project = Project.open(shutil.copytree(SAVED / "v1", tmp_path / "base"))
    dataset = project.settings.dataset.model_copy(
        update={"train": str(source / "data.tsv"), "class_names": str(source / "classes.txt")})
    project.settings = project.settings.model_copy(update={"dataset": dataset})
    return project, source


def test_embedded_data_is_copied_once_and_used_when_the_originals_are_gone(tmp_path):
    project, source = moved_data_project(tmp_path)
    project.embed_data = True
    root = project.save(tmp_path / "Embedded")
    copy = root / "data" / "data.tsv"
    assert file_sha256(copy) == file_sha256(source / "data.tsv")
    stamp = copy.stat().st_mtime_ns
    project.save()
    assert copy.stat().st_mtime_ns == stamp  # same content: not copied again
    shutil.rmtree(source)
    reopened = Project.open(root)
    assert {p.role: p.copy for p in reopened.data_problems()} == {
        "train": copy, "class_names": root / "data" / "classes.txt"}
    reopened.use_data_copy("train")
    assert Path(reopened.settings.dataset.train) == copy


def test_without_embedding_nothing_is_copied_and_no_copy_is_offered(tmp_path):
    project, source = moved_data_project(tmp_path)
    root = project.save(tmp_path / "Plain")
    assert not (root / "data").exists()
    shutil.rmtree(source)
    reopened = Project.open(root)
    problems = reopened.data_problems()
    assert [p.copy for p in problems] == [None, None]
    assert "Locate it." in str(problems[0].message)
    with pytest.raises(ProjectError, match="no copy"):
        reopened.use_data_copy("train")


def test_locating_one_file_of_a_moved_folder_finds_the_others(tmp_path):
    project, source = moved_data_project(tmp_path)
    root = project.save(tmp_path / "Moved")
    moved = shutil.move(source, tmp_path / "elsewhere")
    reopened = Project.open(root)
    assert len(reopened.data_problems()) == 2
    notes = reopened.relocate_data("train", Path(moved) / "data.tsv")
    assert notes == []
    assert reopened.data_problems() == []
    assert Path(reopened.settings.dataset.class_names) == Path(moved) / "classes.txt"


def test_locating_a_different_file_says_the_runs_used_the_old_content(tmp_path):
    project, source = moved_data_project(tmp_path)
    root = project.save(tmp_path / "Changed")
    other = tmp_path / "other.tsv"
    other.write_text("新的一条新闻\tsports\n另一条财经新闻\tfinance\n", encoding="utf-8")
    reopened = Project.open(root)
    notes = reopened.relocate_data("train", other)
    assert len(notes) == 1 and str(other) in str(notes[0]) and "old content" in str(notes[0])
    with pytest.raises(ProjectError, match="not a file"):
        reopened.relocate_data("train", tmp_path / "nowhere.tsv")
    with pytest.raises(ProjectError, match="unknown data role"):
        reopened.relocate_data("labels", other)


def test_a_changed_data_file_is_reported_with_its_copy(tmp_path):
    project, source = moved_data_project(tmp_path)
    project.embed_data = True
    root = project.save(tmp_path / "Edited")
    with open(source / "data.tsv", "a", encoding="utf-8") as handle:
        handle.write("后来加上的一行\tsports\n")
    problems = Project.open(root).data_problems()
    assert [(p.role, p.kind, p.copy) for p in problems] == [("train", "changed", root / "data" / "data.tsv")]
    assert "changed since the project was saved" in str(problems[0].message)


def test_a_run_finished_after_the_last_save_is_listed_again(project_dir):
    """The studio was killed after a run finished but before the user saved."""
    extra = project_dir / "runs" / "20261122-090000-textcnn"
    shutil.copytree(project_dir / "runs" / RUN_ID, extra)
    half = project_dir / "runs" / "20261122-100000-textcnn"
    half.mkdir()
    (half / "config.json").write_text("{", encoding="utf-8")  # killed while writing
    project = Project.open(project_dir)
    assert [run.id for run in project.runs] == [RUN_ID, extra.name]
    assert any(extra.name in str(w) and "Save the project" in str(w) for w in project.warnings)
    assert project.interrupted == []
    project.save()
    assert [run.id for run in Project.open(project_dir).runs] == [RUN_ID, extra.name]


EPOCH = b'{"event": "epoch_end", "epoch": 1, "metrics": {"val_accuracy": 0.5}}\n'


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe not utf-8\n", "not UTF-8"),
    (EPOCH + b'3\n', "line 2: not a training event"),
    (EPOCH + b'{"step": 1}\n', "line 2: not a training event"),
    (EPOCH + b'{"event": "run_started"}\n', "line 2: not a training event"),  # its fields missing
    (EPOCH + b'{"event": "epoch_end", "epoch": "one", "metrics": {}}\n', "line 2: not a training event"),
])
def test_a_hostile_metrics_file_is_refused_naming_the_line(project_dir, content, message):
    (project_dir / "runs" / RUN_ID / "metrics.jsonl").write_bytes(content)
    refusal = run_refusal(project_dir)
    assert re.search(message, refusal) and "metrics.jsonl" in refusal


def test_a_failed_save_never_replaces_the_kept_copy_of_another_file(tmp_path, monkeypatch):
    project, source = moved_data_project(tmp_path)
    project.embed_data = True
    root = project.save(tmp_path / "Kept")
    kept = (root / "data" / "data.tsv").read_bytes()
    other = tmp_path / "other" / "data.tsv"  # a different file with the same name
    other.parent.mkdir()
    other.write_text("另一份数据\tsports\n又一份数据\tfinance\n", encoding="utf-8")
    project.relocate_data("train", other)
    import studio.core.fileio as fileio

    real = fileio.os.fsync
    calls = {"n": 0}

    def fail_on_project_json(fd):
        calls["n"] += 1
        if calls["n"] > 1:  # the new copy is written; project.json is not
            raise OSError(28, "No space left on device")
        return real(fd)

    monkeypatch.setattr(fileio.os, "fsync", fail_on_project_json)
    with pytest.raises(ProjectError, match="disk is full"):
        project.save()
    monkeypatch.setattr(fileio.os, "fsync", real)  # not undo(): that would drop the isolated cache too
    assert (root / "data" / "data.tsv").read_bytes() == kept
    reopened = Project.open(root)
    shutil.rmtree(source)
    assert {p.role: p.copy for p in reopened.data_problems()}["train"] == root / "data" / "data.tsv"
    project.save()
    assert Path(Project.open(root).data_copies["train"]).name.startswith("data-")
