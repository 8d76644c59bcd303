"""Zip files someone sends: members the studio cannot read are refused as a ProjectError
naming the zip and the member, and an import is durable before it appears in place."""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

import pytest

from studio.core import project_archive
from studio.core.errors import ProjectError
from studio.core.project import PROJECT_FILE
from studio.core.project_archive import export_project, import_project

PROJECT_JSON = b'{"schema_version": 1, "name": "x", "settings": {}, "runs": [], "vectors": []}'
MEMBER = "p/runs/r1/weights.safetensors"


def make_zip(path: Path, compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        archive.writestr(f"p/{PROJECT_FILE}", PROJECT_JSON)
        archive.writestr("p/runs/r1/config.json", b"{}")
        archive.writestr(MEMBER, b"weights " * 1000)
    return path


def patch_headers(zip_path: Path, member: str, *, flags: int = 0,
                  method: int | None = None) -> None:
    """OR ``flags`` into ``member``'s general-purpose flag bits and set its compression
    method, in its local header and its central-directory entry (zipfile writes neither)."""
    data = bytearray(zip_path.read_bytes())
    encoded = member.encode()
    patched = 0
    for signature, name_len_at, name_at, flags_at in ((b"PK\x03\x04", 26, 30, 6),
                                                      (b"PK\x01\x02", 28, 46, 8)):
        at = data.find(signature)
        while at != -1:
            name_len = struct.unpack_from("<H", data, at + name_len_at)[0]
            if data[at + name_at: at + name_at + name_len] == encoded:
                old = struct.unpack_from("<H", data, at + flags_at)[0]
                struct.pack_into("<H", data, at + flags_at, old | flags)
                if method is not None:
                    struct.pack_into("<H", data, at + flags_at + 2, method)
                patched += 1
            at = data.find(signature, at + 4)
    assert patched == 2
    zip_path.write_bytes(bytes(data))


def refused(zip_path: Path, target: Path, *words: str) -> str:
    with pytest.raises(ProjectError) as caught:
        import_project(zip_path, target)
    message = str(caught.value)
    assert str(zip_path) in message and repr(MEMBER) in message, message
    for word in words:
        assert word in message, message
    assert not target.exists()
    assert list(target.parent.glob(f".{target.name}.*")) == []  # no half-extracted folder
    return message


def test_encrypted_member(tmp_path):
    zip_path = make_zip(tmp_path / "secret.zip")
    patch_headers(zip_path, MEMBER, flags=0x1)
    assert zipfile.ZipFile(zip_path).getinfo(MEMBER).flag_bits & 0x1
    refused(zip_path, tmp_path / "target", "encrypted", "without a password")


@pytest.mark.parametrize("method", [99, 98, 77], ids=["aes", "ppmd", "unknown"])
def test_unsupported_compression_method(tmp_path, method):
    zip_path = make_zip(tmp_path / "odd.zip")
    patch_headers(zip_path, MEMBER, method=method)
    refused(zip_path, tmp_path / "target", "compress", "zip the project folder again")


@pytest.mark.parametrize("flags", [0x20, 0x40], ids=["patched-data", "strong-encryption"])
def test_unsupported_zip_features(tmp_path, flags):
    zip_path = make_zip(tmp_path / "odd.zip")
    patch_headers(zip_path, MEMBER, flags=flags)
    refused(zip_path, tmp_path / "target")


def test_bad_crc(tmp_path):
    zip_path = make_zip(tmp_path / "crc.zip")  # stored: the bytes lie in the zip as they are
    data = zip_path.read_bytes()
    at = data.index(b"weights weights")
    zip_path.write_bytes(data[:at] + b"W" + data[at + 1:])
    refused(zip_path, tmp_path / "target", "damaged", "export the project again")


def test_garbled_deflate_stream(tmp_path):
    zip_path = make_zip(tmp_path / "z.zip", zipfile.ZIP_DEFLATED)
    data = bytearray(zip_path.read_bytes())
    info = zipfile.ZipFile(zip_path).getinfo(MEMBER)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start: start + info.compress_size] = b"\xff" * info.compress_size
    zip_path.write_bytes(bytes(data))
    refused(zip_path, tmp_path / "target", "damaged")


def test_extracted_tree_is_synced_before_the_rename(tmp_path, monkeypatch):
    zip_path = make_zip(tmp_path / "ok.zip")
    target = tmp_path / "dest" / "Imported.studio"
    synced: list[str] = []
    real_fsync, real_rename = os.fsync, os.rename
    at_rename: dict[str, list[str]] = {}

    def fsync(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real_fsync(fd)

    def rename(source, destination):
        at_rename["tree"] = sorted(str(p) for p in Path(source).rglob("*")) + [str(source)]
        at_rename["synced"] = list(synced)
        real_rename(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(project_archive.os, "rename", rename)
    import_project(zip_path, target)

    assert at_rename["tree"], "the import did not rename a temporary folder into place"
    assert set(at_rename["tree"]) <= set(at_rename["synced"])  # every file and folder
    assert {Path(p).name for p in at_rename["tree"]} >= {"project.json", "runs", "r1",
                                                         "weights.safetensors"}
    after = synced[len(at_rename["synced"]):]
    assert str(target.parent) in after  # the rename itself made durable
    assert (target / MEMBER.removeprefix("p/")).read_bytes() == b"weights " * 1000


def test_export_skips_lock_files_at_the_project_root(tmp_path):
    root = tmp_path / "Locked.studio"
    (root / "runs").mkdir(parents=True)
    (root / PROJECT_FILE).write_bytes(PROJECT_JSON)
    for name in project_archive.LOCAL_FILES:
        (root / name).write_text("held by pid 1")
        (root / "runs" / name).write_text("not a lock: a file the project holds")
    names = zipfile.ZipFile(export_project(root, tmp_path / "l.zip")).namelist()
    kept = [f"Locked.studio/runs/{n}" for n in project_archive.LOCAL_FILES]
    assert sorted(names) == sorted([f"Locked.studio/{PROJECT_FILE}", *kept])


def test_import_leaves_lock_files_of_the_sender_behind(tmp_path):
    zip_path = tmp_path / "with-lock.zip"
    with zipfile.ZipFile(zip_path, "w") as archive:
        archive.writestr(f"p/{PROJECT_FILE}", PROJECT_JSON)
        for name in project_archive.LOCAL_FILES:
            archive.writestr(f"p/{name}", "held by pid 1 on another machine")
    imported = import_project(zip_path, tmp_path / "target")
    assert sorted(p.name for p in imported.iterdir()) == [PROJECT_FILE]
