"""Issue 14, item 3: a project that names files outside its folder.

The attack, as files on disk: a ``project.json`` naming ``"test": "../../secret_key.txt"``
with ``"embed_data": true``. The next Save copied that file into ``data/``, and Export put
it in the zip that goes back to the sender. The same holds for a word-vector set, a jieba
dictionary, a data file inside the project that is a symlink to a file outside, and a
"trained" vector file that is such a symlink (Save As copied it). Such files are now
listed in ``outside_files`` and read only with consent (``allow_outside_files``, recorded
in the cache; the CLI's ``--allow-outside-files``), or dropped (``detach_outside_files``).
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from studio import cli
from studio.core.fileio import cache_root
from studio.core.project import Project
from studio.core.project_archive import export_project
from tests.security.test_checkpoint_escape import changed, edit_json, fingerprint, saved_project

SECRET = "SECRET-KEY 5c1f0a9e-the-user-never-meant-to-share-this\n"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks need POSIX")


@pytest.fixture
def secret(fake_home) -> Path:
    path = fake_home / "secret_key.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def evil(fake_home, secret) -> Path:
    """The crafted project of the issue: its test file is ``../../secret_key.txt``."""
    project = saved_project(fake_home / "Downloads" / "evil.studio")

    def crafted(document):
        document["settings"]["dataset"]["test"] = "../../secret_key.txt"
        document["embed_data"] = True

    edit_json(project / "project.json", crafted)
    assert (project / "../../secret_key.txt").resolve() == secret.resolve()
    return project


def leaked_into(folder: Path) -> list[str]:
    """Files under ``folder`` (symlinks not followed) that hold the secret."""
    found = []
    for parent, _, names in os.walk(folder):
        for name in names:
            path = Path(parent) / name
            if not path.is_symlink() and SECRET.encode() in path.read_bytes():
                found.append(str(path))
    return found


def leaked_into_zip(archive: Path) -> list[str]:
    with zipfile.ZipFile(archive) as opened:
        return [name for name in opened.namelist() if SECRET.encode() in opened.read(name)]


def save_and_export(project: Project, zip_path: Path, folder: Path | None = None) -> Path:
    """Save (over itself, or As ``folder``), then export the saved folder to ``zip_path``."""
    saved = project.save(folder)
    export_project(saved, zip_path)
    return saved


def fields(project: Project) -> dict[str, Path]:
    return {reference.field: Path(reference.path).resolve() for reference in project.outside_files}


def test_save_and_export_do_not_send_back_a_file_outside(fake_home, evil, secret):
    zip_path = fake_home / "Outbox" / "evil.zip"
    before = fingerprint(fake_home, evil, zip_path, cache_root())
    project = Project.open(evil)
    save_and_export(project, zip_path)
    assert leaked_into(evil) == []
    assert leaked_into_zip(zip_path) == []
    assert changed(before, fingerprint(fake_home, evil, zip_path, cache_root())) == []
    assert fields(project) == {"settings.dataset.test": secret.resolve()}
    assert Project.open(evil).outside_files, "saving without consent must not count as consent"


def test_detached_files_are_gone_from_the_settings(fake_home, evil, secret):
    project = Project.open(evil)
    dropped = project.detach_outside_files()
    assert [reference.field for reference in dropped] == ["settings.dataset.test"]
    assert project.settings.dataset.test is None and project.outside_files == []
    save_and_export(project, fake_home / "evil.zip")
    assert leaked_into(evil) == [] and leaked_into_zip(fake_home / "evil.zip") == []
    reopened = Project.open(evil)
    assert reopened.settings.dataset.test is None and reopened.outside_files == []


def test_allowed_files_are_copied_and_not_asked_about_again(fake_home, evil, secret):
    project = Project.open(evil)
    project.allow_outside_files()
    assert project.outside_files == []
    project.save()
    assert leaked_into(evil / "data"), "with consent, embed_data keeps a copy of the test file"
    assert (cache_root() / "consent").is_dir(), "the consent is recorded in the studio's cache"
    reopened = Project.open(evil)
    assert reopened.outside_files == []
    assert Path(reopened.settings.dataset.test).resolve() == secret.resolve()


def _vectors(document, secret: Path) -> None:
    document["vectors"] = [{"name": "sent", "path": "../../secret_key.txt", "source": "imported",
                            "dimension": 2, "count": 1}]


def _user_dict(document, secret: Path) -> None:
    document["settings"]["text"]["tokenizer"].update(type="jieba", user_dict=str(secret))


@pytest.mark.parametrize("craft, field", [(_vectors, "vectors[1].path"),
                                          (_user_dict, "settings.text.tokenizer.user_dict")],
                         ids=["vectors", "user_dict"])
def test_vectors_and_a_jieba_dictionary_outside_need_consent(fake_home, secret, craft, field):
    folder = saved_project(fake_home / "Downloads" / "evil.studio")
    edit_json(folder / "project.json", lambda document: craft(document, secret))
    project = Project.open(folder)
    assert fields(project) == {field: secret.resolve()}
    save_and_export(project, fake_home / "evil.zip")
    assert leaked_into(folder) == [] and leaked_into_zip(fake_home / "evil.zip") == []

    detached = Project.open(folder)
    detached.detach_outside_files()
    assert detached.outside_files == []
    if field.startswith("vectors"):
        assert detached.vectors == []
    else:
        assert detached.settings.text.tokenizer.user_dict is None

    allowed = Project.open(folder)
    allowed.allow_outside_files()
    assert Project.open(folder).outside_files == []  # consent recorded for this folder


@posix_only
def test_a_data_file_that_is_a_symlink_to_a_secret_counts_as_outside(fake_home, secret):
    folder = saved_project(fake_home / "Downloads" / "evil.studio")
    os.symlink(secret, folder / "data" / "train.tsv")
    edit_json(folder / "project.json", lambda d: d["settings"]["dataset"].update(train="data/train.tsv"))
    project = Project.open(folder)
    other, zip_path = fake_home / "Documents" / "copy.studio", fake_home / "copy.zip"
    save_and_export(project, zip_path, other)  # Save As copied the file the symlink leads to
    assert leaked_into(other) == [] and leaked_into_zip(zip_path) == []
    assert fields(project) == {"settings.dataset.train": secret.resolve()}


@posix_only
def test_a_trained_vector_file_that_is_a_symlink_to_a_secret_is_not_copied(fake_home, secret):
    folder = saved_project(fake_home / "Downloads" / "evil.studio")
    (folder / "vectors").mkdir()
    os.symlink(secret, folder / "vectors" / "w2v.bin")
    edit_json(folder / "project.json", lambda d: d.update(vectors=[
        {"name": "w2v", "path": "vectors/w2v.bin", "source": "trained", "dimension": 2, "count": 1}]))
    project = Project.open(folder)
    other, zip_path = fake_home / "Documents" / "copy.studio", fake_home / "copy.zip"
    save_and_export(project, zip_path, other)
    assert leaked_into(other) == [] and leaked_into_zip(zip_path) == []


def test_the_cli_refuses_a_project_with_outside_files_and_lists_them(evil, secret, capsys):
    assert cli.main(["predict", str(evil), "教练球队"]) == 2
    err = capsys.readouterr().err
    assert str(secret.name) in err and "(test file)" in err
    assert "--allow-outside-files" in err


def test_the_cli_reads_them_with_allow_outside_files(evil, capsys):
    try:
        cli.main(["predict", str(evil), "教练球队", "--allow-outside-files"])
    except SystemExit as exc:  # an unknown option exits through argparse
        pytest.fail(f"--allow-outside-files refused: exit {exc.code}: {capsys.readouterr().err}")
    err = capsys.readouterr().err
    assert "--allow-outside-files" not in err and "outside its folder" not in err
