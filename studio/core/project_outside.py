"""Files outside a project folder that the project refers to.

A project names files in its settings (data files, a jieba dictionary and stopword
list, pretrained vectors), in its list of word-vector sets, and in each run's
``config.json``. Those outside the project folder (symlinks followed) are read only
with the user's consent (see :mod:`studio.core.consent`); :func:`find_outside` lists
them and :func:`detach_references` drops the ones the user did not agree to.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.core.errors import ProjectError
from studio.core.messages import Message, message
from studio.core.project_data import ROLE_CODES
from studio.core.project_schema import DATA_ROLES
from studio.core.safe_files import is_inside, valid_path

# every settings field that names a file, as keys into the settings document
PATH_FIELDS = tuple(("dataset", role) for role in DATA_ROLES) + (
    ("text", "tokenizer", "user_dict"), ("text", "tokenizer", "stopwords"),
    ("model", "pretrained_vectors"), ("model", "pretrained_vocab"))
RUN_PREFIX = "runs/{id}/config.json: "


@dataclass(frozen=True)
class OutsideFile:
    """A file outside the project folder that the project refers to.

    ``field`` says where the reference is (``settings.dataset.train``,
    ``vectors[2].path``, ``runs/<id>/config.json: dataset.train``); ``path`` is the
    file as referenced; ``kind`` the name of the setting that holds it (``train``,
    ``user_dict``, ``pretrained_vectors``; ``path``/``vocab_path`` of a vector set), and
    ``run_id`` the run whose settings name it, if any: what a GUI words.
    """

    field: str
    path: Path
    kind: str = ""
    run_id: str | None = None

    def what(self) -> Message:
        """What the file is for the project: "test file", "run <id>: word vectors"."""
        code = KIND_CODES.get(self.kind)
        what = message(code) if code is not None else message("project.setting", name=self.field)
        return message("project.run_file", id=self.run_id, what=what) if self.run_id is not None else what

    def listed(self) -> Message:
        """The file and what it is, for a list: ``/data/train.tsv (data file)``."""
        return message("project.file_what", path=self.path, what=self.what())


KIND_CODES = {  # an OutsideFile's kind -> what the file is
    **ROLE_CODES, "user_dict": "project.role_user_dict",
    "stopwords": "project.role_stopwords", "pretrained_vectors": "project.role_vectors",
    "path": "project.role_vectors", "pretrained_vocab": "project.role_vectors_vocab",
    "vocab_path": "project.role_vectors_vocab",
}


def _get(document: Any, keys: tuple[str, ...]) -> Any:
    for key in keys:
        if not isinstance(document, dict):
            return None
        document = document.get(key)
    return document


def settings_paths(document: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    """Every file a settings document names: (keys of the field, the path)."""
    found = []
    for keys in PATH_FIELDS:
        value = _get(document, keys)
        if isinstance(value, str) and value:
            found.append((keys, value))
    return found


def check_paths(where: str | os.PathLike, document: dict[str, Any], vectors: list[dict[str, Any]] = ()) -> None:
    """Refuse a path field of a settings document (and of vector sets) that cannot name
    a file: a NUL character, a name over 255 bytes (:func:`valid_path`).

    Raises:
        ProjectError: naming ``where`` (the file) and the field.
    """
    fields = [(".".join(keys), value) for keys, value in settings_paths(document)]
    fields += [(f"vectors[{number}].{key}", entry.get(key)) for number, entry in enumerate(vectors, 1)
               for key in ("path", "vocab_path") if isinstance(entry.get(key), str) and entry.get(key)]
    for field, value in fields:
        if not valid_path(value):
            raise ProjectError("project.bad_path", file=where, field=field, value=value[:80])


def put_path(document: dict[str, Any], keys: tuple[str, ...], value: str | None) -> None:
    """Set the field ``keys`` of a settings document (one :func:`settings_paths` found)."""
    parent = _get(document, keys[:-1])
    if isinstance(parent, dict):
        parent[keys[-1]] = value


def clear_path(document: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Empty the field ``keys`` of a settings document (``""`` for model fields, else None)."""
    parent = _get(document, keys[:-1])
    if isinstance(parent, dict) and keys[-1] in parent:
        parent[keys[-1]] = "" if keys[0] == "model" else None


def find_outside(settings: dict[str, Any], vectors: list[dict[str, Any]],
                 runs: list[tuple[str, dict[str, Any]]], root: Path) -> list[OutsideFile]:
    """The references of a project that lead outside ``root`` (symlinks followed).

    Args:
        settings: the project's settings document.
        vectors: its vector sets, as dicts with ``path`` and ``vocab_path``.
        runs: (run id, the run's config document) for each readable run.
    """
    found = [OutsideFile("settings." + ".".join(keys), Path(value), keys[-1])
             for keys, value in settings_paths(settings)]
    for number, entry in enumerate(vectors, 1):
        for key in ("path", "vocab_path"):
            if entry.get(key):
                found.append(OutsideFile(f"vectors[{number}].{key}", Path(entry[key]), key))
    for run_id, config in runs:
        found += [OutsideFile(RUN_PREFIX.format(id=run_id) + ".".join(keys), Path(value), keys[-1], run_id)
                  for keys, value in settings_paths(config)]
    return [reference for reference in found if not is_inside(reference.path, root)]


def detach_references(detached: list[OutsideFile], settings: dict[str, Any], vectors: list[Any],
                      runs: list[tuple[str, dict[str, Any]]]) -> list[Any]:
    """Empty every field of ``detached`` in ``settings`` and the run configs (in place);
    returns ``vectors`` without the sets that named a detached file."""
    fields = {reference.field for reference in detached}
    for field in fields:
        if field.startswith("settings."):
            clear_path(settings, tuple(field.removeprefix("settings.").split(".")))
    for run_id, config in runs:
        prefix = RUN_PREFIX.format(id=run_id)
        for field in fields:
            if field.startswith(prefix):
                clear_path(config, tuple(field.removeprefix(prefix).split(".")))
    return [entry for number, entry in enumerate(vectors, 1)
            if f"vectors[{number}].path" not in fields and f"vectors[{number}].vocab_path" not in fields]


class OutsideFilesRefused(ProjectError):
    """A project or run reads files outside its folder that the user has not agreed to;
    ``files`` lists them."""

    def __init__(self, what: str | os.PathLike, folder: str | os.PathLike, files: list[OutsideFile]):
        self.files = files
        super().__init__("project.outside_refused", what=what, folder=folder, files=[ref.listed() for ref in files])
