"""A project's data files: referenced by path and SHA-256, optionally copied inside it.

When a data file moved or changed since the project was saved, :func:`data_problems`
says so for each role, and whether the project holds a copy to fall back on. The user
then locates the file (:func:`relocate`) or uses the copy (:func:`use_copy`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from studio.core.data.dataset import DatasetConfig
from studio.core.errors import ProjectError
from studio.core.fileio import atomic_copy, file_sha256
from studio.core.messages import Message, message
from studio.core.project_schema import DATA_ROLES

DATA_FOLDER = "data"
ROLE_CODES = {"train": "project.role_train", "validation": "project.role_validation",
              "test": "project.role_test", "class_names": "project.role_class_names"}
# (kind, whether the project keeps a usable copy) -> what to tell the user
_PROBLEM_CODES = {("missing", False): "project.data_missing", ("missing", True): "project.data_missing_copy",
                  ("changed", False): "project.data_changed", ("changed", True): "project.data_changed_copy"}


def role_name(role: str) -> Message | str:
    """What the file of a data ``role`` is ("data file", "class names file"); an unknown
    role as it is."""
    return message(ROLE_CODES[role]) if role in ROLE_CODES else role


@dataclass(frozen=True)
class DataProblem:
    """A data file that is not as the project saved it.

    ``kind`` is ``"missing"`` or ``"changed"``; ``copy`` is the copy kept in the project
    (with the saved content) or ``None``.
    """

    role: str
    path: Path
    kind: str
    copy: Path | None

    @property
    def message(self) -> Message:
        """What is wrong and what the user can do (locate it, keep it, use the copy)."""
        return message(_PROBLEM_CODES[self.kind, self.copy is not None], what=role_name(self.role),
                       file=self.path)


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        return True
    except ValueError:
        return False


def copy_data_files(dataset: DatasetConfig, target: Path) -> dict[str, Path]:
    """Copy each data file of ``dataset`` into ``target/data`` (files already inside
    ``target`` stay where they are); an existing copy with the same content is not
    copied again. Returns role -> the copy.

    Raises:
        OSError: a file cannot be read or written.
    """
    copies, used = {}, set()
    for role in DATA_ROLES:
        value = getattr(dataset, role)
        if not value or not Path(value).is_file():
            continue
        source = Path(value)
        if _inside(source, target):
            copies[role] = source
            continue
        name = source.name if source.name not in used else f"{role}-{source.name}"
        used.add(name)
        copy = target / DATA_FOLDER / name
        expected = dataset.hashes.get(role) or file_sha256(source)
        if copy.is_file() and file_sha256(copy) != expected:
            # another file of that name was kept before: the saved project.json may still
            # point at it, so a failed save must not have replaced it
            copy = copy.with_name(f"{copy.stem}-{expected[:8]}{copy.suffix}")
        if not (copy.is_file() and file_sha256(copy) == expected):
            atomic_copy(source, copy)
        copies[role] = copy
    return copies


def data_problems(dataset: DatasetConfig, copies: dict[str, Path]) -> list[DataProblem]:
    """Each data file that is missing, or whose SHA-256 differs from the saved one."""
    problems = []
    for role in DATA_ROLES:
        value = getattr(dataset, role)
        if not value:
            continue
        path, copy = Path(value), copies.get(role)
        if not path.is_file():
            kind = "missing"
        elif role in dataset.hashes and file_sha256(path) != dataset.hashes[role]:
            kind = "changed"
        else:
            continue
        usable = copy is not None and copy.is_file() and copy != path and (
            role not in dataset.hashes or file_sha256(copy) == dataset.hashes[role])
        problems.append(DataProblem(role, path, kind, copy if usable else None))
    return problems


def relocate(dataset: DatasetConfig, role: str,
             new_path: str | os.PathLike) -> tuple[DatasetConfig, list[Message]]:
    """Point ``role`` at ``new_path``. Other missing files found beside it under their
    old names are pointed there too (a moved folder is located once). Returns the new
    settings and notes for the user (a file whose content differs from the saved one).

    Raises:
        ProjectError: ``role`` is unknown or ``new_path`` is not a file.
    """
    if role not in DATA_ROLES:
        raise ProjectError("project.unknown_role", role=role, roles=", ".join(DATA_ROLES))
    new_path = Path(new_path)
    if not new_path.is_file():
        raise ProjectError("project.not_a_file", file=new_path, what=role_name(role))
    update, notes = {role: str(new_path)}, []
    for other in DATA_ROLES:
        old = getattr(dataset, other)
        if other != role and old and not Path(old).is_file() and (new_path.parent / Path(old).name).is_file():
            update[other] = str(new_path.parent / Path(old).name)
    for changed, value in update.items():
        saved = dataset.hashes.get(changed)
        if saved and file_sha256(value) != saved:
            notes.append(message("project.relocated_differs", file=value, what=role_name(changed)))
    return dataset.model_copy(update=update), notes


def use_copy(dataset: DatasetConfig, role: str, copies: dict[str, Path]) -> DatasetConfig:
    """Point ``role`` at the copy kept in the project.

    Raises:
        ProjectError: the project holds no copy of that file.
    """
    copy = copies.get(role)
    if copy is None or not copy.is_file():
        raise ProjectError("project.no_copy", what=role_name(role), file=getattr(dataset, role, ""))
    return dataset.model_copy(update={role: str(copy)})
