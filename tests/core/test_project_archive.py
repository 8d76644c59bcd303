"""A project folder zipped and unzipped again; hostile or broken zips refused cleanly."""

from __future__ import annotations

import shutil
import stat
import struct
import zipfile
from pathlib import Path

import pytest
import torch

from studio.core import project_archive
from studio.core.errors import ProjectError
from studio.core.inference.predictor import Predictor
from studio.core.project import PROJECT_FILE, Project
from studio.core.project_archive import export_project, import_project

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects" / "v1"
PROJECT_JSON = b'{"schema_version": 1, "name": "x", "settings": {}, "runs": [], "vectors": []}'


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def assert_refused(zip_path: Path, target: Path, *words: str) -> None:
    with pytest.raises(ProjectError) as caught:
        import_project(zip_path, target)
    message = str(caught.value)
    assert str(zip_path) in message
    for word in words:
        assert word in message
    assert not target.exists()
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.")] == []


@pytest.fixture
def project_dir(tmp_path) -> Path:
    return shutil.copytree(SAVED, tmp_path / "Tiny.studio")


def test_round_trip(tmp_path, project_dir):
    zip_path = export_project(project_dir, tmp_path / "out" / "Tiny.zip")
    assert zip_path == tmp_path / "out" / "Tiny.zip" and zipfile.is_zipfile(zip_path)
    assert [p.name for p in zip_path.parent.iterdir()] == ["Tiny.zip"]  # no temp file left
    names = zipfile.ZipFile(zip_path).namelist()
    assert "Tiny.studio/project.json" in names

    imported = import_project(zip_path, tmp_path / "Imported.studio")
    assert imported == tmp_path / "Imported.studio"
    assert files_under(imported) == files_under(project_dir)

    before, after = Project.open(project_dir), Project.open(imported)
    assert after.warnings == []  # the data files travelled inside the folder
    assert after.name == before.name
    exclude = {"dataset": {"train", "class_names"}}
    assert after.settings.model_dump(exclude=exclude) == before.settings.model_dump(exclude=exclude)
    assert [r.summary() for r in after.runs] == [r.summary() for r in before.runs]
    texts = ["球队主场比赛", "央行利率"]
    assert torch.equal(Predictor(after.runs[0]).probabilities(texts),
                       Predictor(before.runs[0]).probabilities(texts))


def test_round_trip_settings_only(tmp_path):
    root = Project(name="Empty").save(tmp_path / "Empty")
    imported = import_project(export_project(root, tmp_path / "e.zip"), tmp_path / "copy")
    again = Project.open(imported)
    assert again.name == "Empty" and again.runs == []
    assert again.settings == Project.open(root).settings


def test_zip_with_project_json_at_root(tmp_path):
    zip_path = make_zip(tmp_path / "flat.zip", {PROJECT_FILE: PROJECT_JSON, "runs/": b""})
    imported = import_project(zip_path, tmp_path / "flat")
    assert (imported / PROJECT_FILE).read_bytes() == PROJECT_JSON


def test_export_refuses_a_non_project(tmp_path):
    with pytest.raises(ProjectError, match="not a studio project"):
        export_project(tmp_path, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_existing_target(tmp_path, project_dir):
    zip_path = export_project(project_dir, tmp_path / "p.zip")
    target = tmp_path / "there"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(ProjectError, match="already exists"):
        import_project(zip_path, target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize("name, word", [
    ("/etc/evil", "absolute"),
    ("C:/evil", "absolute"),
    ("p/../../evil", ".."),
    ("../evil", ".."),
])
def test_hostile_paths(tmp_path, name, word):
    zip_path = make_zip(tmp_path / "bad.zip", {f"p/{PROJECT_FILE}": PROJECT_JSON, name: b"x"})
    assert_refused(zip_path, tmp_path / "target", name, word)
    assert not (tmp_path / "evil").exists()


def test_symlink_member(tmp_path):
    zip_path = tmp_path / "link.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr(f"p/{PROJECT_FILE}", PROJECT_JSON)
        link = zipfile.ZipInfo("p/runs")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc")
    assert_refused(zip_path, tmp_path / "target", "p/runs", "symbolic link")


def test_too_many_members(tmp_path, monkeypatch):
    monkeypatch.setattr(project_archive, "MAX_MEMBERS", 3)
    members = {f"p/{PROJECT_FILE}": PROJECT_JSON, **{f"p/f{i}": b"" for i in range(3)}}
    assert_refused(make_zip(tmp_path / "many.zip", members), tmp_path / "target", "4 members")


def test_declared_size_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(project_archive, "MAX_MEMBER_BYTES", 1000)
    zip_path = make_zip(tmp_path / "big.zip", {f"p/{PROJECT_FILE}": PROJECT_JSON, "p/big": bytes(5000)})
    assert_refused(zip_path, tmp_path / "target", "p/big", "5000 bytes")


def test_declared_total_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(project_archive, "MAX_TOTAL_BYTES", 1000)
    members = {f"p/{PROJECT_FILE}": PROJECT_JSON, **{f"p/f{i}": bytes(400) for i in range(3)}}
    assert_refused(make_zip(tmp_path / "total.zip", members), tmp_path / "target", "total")


def lie_about_size(zip_path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size ``member`` declares, in both of its headers."""
    data = bytearray(zip_path.read_bytes())
    encoded = member.encode()
    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_len = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30: local + 30 + name_len] == encoded:
            struct.pack_into("<I", data, local + 22, size)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + name_len] == encoded:
            struct.pack_into("<I", data, central + 24, size)
        central = data.find(b"PK\x01\x02", central + 4)
    zip_path.write_bytes(bytes(data))


def test_bomb_with_a_lying_size(tmp_path, monkeypatch):
    monkeypatch.setattr(project_archive, "MAX_MEMBER_BYTES", 100_000)
    zip_path = make_zip(tmp_path / "bomb.zip", {f"p/{PROJECT_FILE}": PROJECT_JSON, "p/bomb": bytes(1 << 20)})
    lie_about_size(zip_path, "p/bomb", 10)
    assert zipfile.ZipFile(zip_path).getinfo("p/bomb").file_size == 10
    assert_refused(zip_path, tmp_path / "target", "damaged")  # more bytes than declared


def test_actual_bytes_are_counted(tmp_path, monkeypatch):
    """Even where the declared sizes pass, the bytes read while extracting are limited."""
    zip_path = make_zip(tmp_path / "z.zip", {f"p/{PROJECT_FILE}": PROJECT_JSON, "p/data": bytes(5000)})
    real_open = zipfile.ZipFile.open

    def lying_infolist(self):
        infos = real_infolist(self)
        for info in infos:
            info.file_size = 1  # what a lying archive would declare
        return infos

    real_infolist = zipfile.ZipFile.infolist
    monkeypatch.setattr(zipfile.ZipFile, "infolist", lying_infolist)
    monkeypatch.setattr(project_archive, "MAX_TOTAL_BYTES", 1000)
    monkeypatch.setattr(project_archive, "CHUNK", 64)

    def open_full(self, info, *args, **kwargs):
        info.file_size = 5000 if info.filename == "p/data" else len(PROJECT_JSON)
        return real_open(self, info, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", open_full)
    assert_refused(zip_path, tmp_path / "target", "p/data", "more data than allowed")


def test_missing_project_json(tmp_path):
    zip_path = make_zip(tmp_path / "none.zip", {"p/runs/x/config.json": b"{}"})
    assert_refused(zip_path, tmp_path / "target", PROJECT_FILE, "not a studio project")


def test_project_json_in_two_top_folders(tmp_path):
    zip_path = make_zip(tmp_path / "two.zip", {f"a/{PROJECT_FILE}": PROJECT_JSON, f"b/{PROJECT_FILE}": PROJECT_JSON})
    assert_refused(zip_path, tmp_path / "target", PROJECT_FILE)


def test_corrupt_file(tmp_path):
    zip_path = tmp_path / "corrupt.zip"
    zip_path.write_bytes(b"this is not a zip file at all")
    assert_refused(zip_path, tmp_path / "target", "not a readable zip")


def test_damaged_member(tmp_path, project_dir):
    zip_path = export_project(project_dir, tmp_path / "p.zip")
    data = bytearray(zip_path.read_bytes())
    info = zipfile.ZipFile(zip_path).getinfo(f"{project_dir.name}/data.tsv")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 10: start + 40] = bytes(30)  # garble the compressed bytes
    zip_path.write_bytes(bytes(data))
    assert_refused(zip_path, tmp_path / "target", "damaged")
