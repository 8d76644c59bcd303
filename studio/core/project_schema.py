"""The ``project.json`` format: its versions, the steps between them and its validation.

Every version a studio ever wrote stays readable: :data:`MIGRATIONS` maps version ``n``
to the step that turns an ``n`` document into an ``n + 1`` one, and :func:`load_document`
applies them in order before validating. A new version adds one step here and keeps a
project saved by it under ``tests/data/projects/v<N>``.

Versions:
    1. name, settings, runs, vectors.
    2. adds ``saved_by`` (the studio and time that wrote it), ``embed_data`` (the user's
       choice to keep copies of the data files) and ``data_copies`` (role -> the copy
       of that data file kept inside the project).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from studio.core.errors import ProjectError
from studio.core.models.registry import format_validation_error
from studio.core.safe_files import read_json

SCHEMA_VERSION = 2
DATA_ROLES = ("train", "validation", "test", "class_names")
MAX_PROJECT_JSON_BYTES = 64 << 20
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    return {"saved_by": {"studio": "unknown", "saved_at": ""}, "data_copies": {}, **document,
            "schema_version": 2}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


class RunEntry(BaseModel):
    """One run listed in ``project.json``; its files live in ``runs/<id>``."""

    model_config = ConfigDict(extra="allow")  # summary figures, for reading without the run

    id: str

    @field_validator("id")
    @classmethod
    def _folder_name(cls, value: str) -> str:
        # the id names a folder under runs/: a crafted '../..' must not reach outside
        if not _FOLDER_NAME.match(value) or value.strip(".") == "":
            raise ValueError(f"{value!r} is not a run folder name (letters, digits, . _ -)")
        return value


class SavedBy(BaseModel):
    model_config = ConfigDict(extra="forbid")

    studio: str = "unknown"
    saved_at: str = ""


class ProjectDocument(BaseModel):
    """``project.json`` as this version writes it. Unknown keys are refused: a file
    with them was written by something else, and guessing could lose its meaning."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int
    name: str = ""
    settings: dict[str, Any] = Field(default_factory=dict)
    runs: list[RunEntry] = Field(default_factory=list)
    vectors: list[dict[str, Any]] = Field(default_factory=list)
    saved_by: SavedBy = Field(default_factory=SavedBy)
    data_copies: dict[str, str] = Field(default_factory=dict)
    embed_data: bool | None = None  # absent in the first v2 files: then whether copies exist

    @field_validator("data_copies")
    @classmethod
    def _roles(cls, value: dict[str, str]) -> dict[str, str]:
        for role, path in value.items():
            if role not in DATA_ROLES:
                raise ValueError(f"unknown data role {role!r} (expected one of {', '.join(DATA_ROLES)})")
            parts = Path(path).parts
            if Path(path).is_absolute() or ".." in parts or not parts:
                raise ValueError(f"{role}: the copy {path!r} must be a path inside the project")
        return value


def migrate(document: dict[str, Any], file: Path) -> dict[str, Any]:
    """Bring a ``project.json`` document of any earlier version up to :data:`SCHEMA_VERSION`.

    Raises:
        ProjectError: the version is missing, newer than this studio, or unknown.
    """
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectError(f"{file}: schema_version {version!r} is missing or not a number; "
                           "this is not a project.json written by the studio.")
    if version > SCHEMA_VERSION:
        raise ProjectError(f"{file}: schema_version {version} is newer than this studio reads "
                           f"(up to {SCHEMA_VERSION}). Update the studio to open it.")
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProjectError(f"{file}: schema_version {version} is not one this studio knows; the file "
                               "was not written by the studio, or is damaged. Open a copy saved earlier.")
        document = step(document)
        version = document["schema_version"]
    return document


def load_document(file: Path) -> ProjectDocument:
    """Read, migrate and validate ``project.json``.

    Raises:
        ProjectError: unreadable, too large, not a regular file, not JSON (huge
            integers and deep nesting included), a newer or unknown version, or a field
            that is invalid or unknown (the message names it).
    """
    document = read_json(file, file.parent, MAX_PROJECT_JSON_BYTES)
    if not isinstance(document, dict):
        raise ProjectError(f"{file}: a project.json holds a JSON object, not {type(document).__name__}.")
    document = migrate(document, file)
    try:
        return ProjectDocument.model_validate(document)
    except ValidationError as exc:
        raise ProjectError(f"{file}: invalid project file:\n{format_validation_error(exc)}") from None
