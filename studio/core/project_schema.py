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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from studio.core.errors import ProjectError
from studio.core.safe_files import read_json
from studio.core.validation import MessageValueError, validation_message

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
            raise MessageValueError("project.bad_run_id", value=value)
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
                raise MessageValueError("project.bad_copy_role", role=role, roles=", ".join(DATA_ROLES))
            parts = Path(path).parts
            if Path(path).is_absolute() or ".." in parts or not parts:
                raise MessageValueError("project.copy_not_inside", role=role, path=path)
        return value


def migrate(document: dict[str, Any], file: Path) -> dict[str, Any]:
    """Bring a ``project.json`` document of any earlier version up to :data:`SCHEMA_VERSION`.

    Raises:
        ProjectError: the version is missing, newer than this studio, or unknown.
    """
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectError("project.bad_schema_version", file=file, version=version)
    if version > SCHEMA_VERSION:
        raise ProjectError("project.newer_schema", file=file, version=version, supported=SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ProjectError("project.unknown_schema", file=file, version=version)
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
        raise ProjectError("project.not_an_object", file=file, kind=type(document).__name__)
    document = migrate(document, file)
    try:
        return ProjectDocument.model_validate(document)
    except ValidationError as exc:
        raise ProjectError("project.invalid_document", file=file, problems=validation_message(exc)) from None
