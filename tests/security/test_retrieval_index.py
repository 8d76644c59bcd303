"""A sent project's retrieval indexes (``retrieval/<name>/``): bad names, files leading
outside, oversized or crafted JSON and .npy files, a pickled array. Each is left out
with a note or refused with a clear code when loaded; nothing is unpickled, nothing is
read or written outside the project."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np
import pytest

from studio.core.errors import ProjectError
from studio.core.project import Project
from studio.core.retrieval import IndexSpec, QuestionBank, add_index, build_index, index_names, load_index
from studio.core.retrieval.stored import MAX_BANK_BYTES, MAX_INFO_BYTES
from studio.core.retrieval.vectors import VectorRecall

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks as on POSIX")
BANK = QuestionBank.from_list(["怎么修改银行卡密码", "信用卡怎么还款", "今天天气怎么样"])


def fixed_encoder(texts):
    """Three-dimensional vectors from character counts: a vector index without a model."""
    return np.array([[t.count("卡"), t.count("天"), len(t)] for t in texts], dtype=np.float32)


def saved(folder: Path, vectors: bool = False) -> Path:
    """A project with one index ``faq`` (BM25, or a 3-dimensional vector index)."""
    project = Project(name="Sent")
    index = build_index(BANK, IndexSpec(), project, name="faq")
    if vectors:  # the files of a word_vectors index, its encoder swapped for a fixed one
        index.recall = VectorRecall(BANK.questions, fixed_encoder)
        index.info = index.info.model_copy(update={"dimension": 3, "spec": IndexSpec(
            method="word_vectors", vectors="v", tokenizer="char")})
    add_index(project, index)
    return project.save(folder)


def notes(project: Project) -> str:
    return "\n".join(str(w) for w in project.warnings)


def edit_info(root: Path, change) -> None:
    file = root / "retrieval" / "faq" / "index.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    change(data)
    file.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("name", ["bad name", "-x", "x:y"])
def test_folders_with_bad_names_are_left_out_with_a_note(tmp_path, name):
    root = saved(tmp_path / "P")
    os.rename(root / "retrieval" / "faq", root / "retrieval" / name)
    project = Project.open(root)
    assert index_names(project) == []
    assert "was left out" in notes(project) and "cannot name an index" in notes(project)


@pytest.mark.parametrize("change, words", [
    (lambda d: d.update(name="../../etc"), "cannot name an index"),
    (lambda d: d.update(name="other"), "lies in the folder"),
    (lambda d: d.update(count=-1), "count"),
    (lambda d: d.update(plugin="x.py"), "plugin"),
    (lambda d: d["spec"].update(method="eval"), "method"),
    (lambda d: d["spec"].update(k1="__import__('os')"), "k1"),
])
def test_a_crafted_index_json_is_left_out_with_a_note(tmp_path, change, words):
    root = saved(tmp_path / "P")
    edit_info(root, change)
    project = Project.open(root)
    assert index_names(project) == [] and words in notes(project)


def test_an_oversized_index_json_is_not_read(tmp_path):
    root = saved(tmp_path / "P")
    with open(root / "retrieval" / "faq" / "index.json", "r+b") as handle:
        handle.truncate(MAX_INFO_BYTES + 1)  # sparse: no disk used
    project = Project.open(root)
    assert index_names(project) == [] and "is more than" in notes(project)


def test_an_oversized_or_mismatched_bank_is_refused_when_loaded(tmp_path):
    root = saved(tmp_path / "P")
    bank = root / "retrieval" / "faq" / "bank.json"
    bank.write_text(json.dumps({"questions": ["a", "b"], "answers": None}), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_index(Project.open(root), "faq")
    assert info.value.code == "retrieval.bank_file_differs"
    bank.write_text(json.dumps({"questions": [1, 2, 3], "answers": None}), encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_index(Project.open(root), "faq")
    assert info.value.code == "retrieval.bank_file_differs"
    with open(bank, "r+b") as handle:
        handle.truncate(MAX_BANK_BYTES + 1)
    with pytest.raises(ProjectError) as info:
        load_index(Project.open(root), "faq")
    assert info.value.code == "project.file_too_large"


class Trap:
    """Unpickling this writes a file: the proof that a pickle ran."""

    marker = None

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "ran"))


def load_vector_index(root: Path):
    project = Project.open(root)
    entry = project.indexes[0]
    from studio.core.retrieval.stored import read_matrix

    return read_matrix(entry, root)


def test_a_vector_index_matrix_is_read_back(tmp_path):
    root = saved(tmp_path / "P", vectors=True)
    matrix = load_vector_index(root)
    assert matrix.shape == (3, 3) and matrix.dtype == np.float32


def test_a_pickled_matrix_is_refused_and_never_unpickled(tmp_path):
    root = saved(tmp_path / "P", vectors=True)
    marker = tmp_path / "pwned"
    Trap.marker = str(marker)
    trap = np.empty((3, 3), dtype=object)
    trap[:] = Trap()
    with open(root / "retrieval" / "faq" / "vectors.npy", "wb") as handle:
        np.save(handle, trap, allow_pickle=True)
    with pytest.raises(ProjectError) as info:
        load_vector_index(root)
    assert info.value.code == "retrieval.matrix_differs"
    assert not marker.exists()


@pytest.mark.parametrize("array", [np.zeros((3, 4), np.float32), np.zeros((3, 3), np.float64),
                                   np.zeros((3, 3), ">f4"), np.asfortranarray(np.zeros((3, 3), np.float32))])
def test_a_matrix_of_another_shape_or_type_is_refused(tmp_path, array):
    root = saved(tmp_path / "P", vectors=True)
    np.save(root / "retrieval" / "faq" / "vectors.npy", array)
    with pytest.raises(ProjectError) as info:
        load_vector_index(root)
    assert info.value.code == "retrieval.matrix_differs"


def test_a_sparse_huge_or_truncated_matrix_is_refused(tmp_path):
    root = saved(tmp_path / "P", vectors=True)
    file = root / "retrieval" / "faq" / "vectors.npy"
    with open(file, "r+b") as handle:
        handle.truncate(1 << 40)  # a terabyte declared, nothing on disk
    with pytest.raises(ProjectError) as info:
        load_vector_index(root)
    assert info.value.code == "project.file_too_large"
    np.save(file, np.zeros((3, 3), np.float32))
    with open(file, "r+b") as handle:
        handle.truncate(os.path.getsize(file) - 4)
    with pytest.raises(ProjectError) as info:
        load_vector_index(root)
    assert info.value.code == "retrieval.matrix_differs"
    file.write_bytes(b"\x93NUMPY\x01\x00\xff\xff" + b" " * 100)  # a header longer than the file
    with pytest.raises(ProjectError) as info:
        load_vector_index(root)
    assert info.value.code == "retrieval.matrix_unreadable"


@posix_only
def test_links_out_of_the_project_are_not_followed(tmp_path, fake_home):
    secret = fake_home / "secret"
    secret.mkdir()
    (secret / "bank.json").write_text(json.dumps({"questions": ["密码", "x", "y"], "answers": None}),
                                      encoding="utf-8")
    root = saved(tmp_path / "P")
    bank = root / "retrieval" / "faq" / "bank.json"
    bank.unlink()
    bank.symlink_to(secret / "bank.json")
    with pytest.raises(ProjectError) as info:
        load_index(Project.open(root), "faq")
    assert info.value.code == "project.leads_outside"

    (secret / "index.json").write_text((root / "retrieval" / "faq" / "index.json").read_text("utf-8"), "utf-8")
    (root / "retrieval" / "elsewhere").symlink_to(secret)  # an index folder that is a link outside
    project = Project.open(root)
    assert "elsewhere" not in index_names(project) and "leads outside" in notes(project)

    other = saved(tmp_path / "Q")
    (other / "retrieval").rename(tmp_path / "moved")
    (other / "retrieval").symlink_to(secret.parent)  # the whole folder leads outside
    with pytest.raises(ProjectError) as info:
        Project.open(other)
    assert info.value.code == "project.leads_outside"


def test_saving_a_sent_project_elsewhere_copies_only_its_own_files(tmp_path, fake_home):
    root = saved(tmp_path / "P", vectors=True)
    (root / "retrieval" / "faq" / "extra.py").write_text("print('x')", encoding="utf-8")
    copy = Project.open(root).save(tmp_path / "Copy")
    assert sorted(p.name for p in (copy / "retrieval" / "faq").iterdir()) == ["bank.json", "index.json", "vectors.npy"]
    np.testing.assert_array_equal(load_vector_index(copy), load_vector_index(root))


def test_files_larger_than_the_memory_available_are_not_read(tmp_path, monkeypatch):
    root = saved(tmp_path / "P", vectors=True)
    monkeypatch.setattr("studio.core.data.memory.available_memory", lambda: 40)
    assert load_vector_index(root).shape == (3, 3)  # 36 bytes of vectors fit in 40
    monkeypatch.setattr("studio.core.data.memory.available_memory", lambda: 30)
    with pytest.raises(ProjectError) as info:
        load_vector_index(root)
    assert info.value.code == "retrieval.too_large_for_memory"
    with pytest.raises(ProjectError) as info:  # bank.json, counted at 16 bytes a byte
        load_index(Project.open(root), "faq")
    assert info.value.code == "retrieval.too_large_for_memory" and "bank.json" in str(info.value)
