"""What a config field's schema tells a form beyond its type: when the field applies,
and that it names a file.

Both are written in the field's ``json_schema_extra``, so every form drawn from the
schema follows them without a special case per widget:

- ``"visible_when": {"lr_schedule": ["step"]}``: the field matters only while every
  named field has one of the listed values. A condition may also be ``{"gt": 0}`` (a
  number above 0), ``{"ne": ""}`` (any value but ``""``) or ``{"suffix": [".npz"]}`` (a
  path ending so, in any case).
- ``"file": "vectors"``: the value is a path to a file of that kind (the form offers a
  file picker; the kind also names where the dialog starts).

A field that does not apply keeps its value: it is only not shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic.fields import FieldInfo

VISIBLE_WHEN = "visible_when"
FILE = "file"


def _extra(field: FieldInfo) -> dict[str, Any]:
    extra = field.json_schema_extra
    return extra if isinstance(extra, dict) else {}


def file_kind(field: FieldInfo) -> str | None:
    """The kind of file the field names (``"vectors"``...), or ``None``."""
    kind = _extra(field).get(FILE)
    return kind if isinstance(kind, str) else None


def depends_on(field: FieldInfo) -> tuple[str, ...]:
    """The fields whose values decide whether this one applies."""
    return tuple(_extra(field).get(VISIBLE_WHEN, {}))


def applies(field: FieldInfo, values: Mapping[str, Any]) -> bool:
    """Whether the field matters with the other fields at ``values``.

    Raises:
        ValueError: an unknown kind of condition in the schema (a programming error).
    """
    return all(_holds(condition, values.get(name)) for name, condition in _extra(field).get(VISIBLE_WHEN, {}).items())


def _holds(condition: Any, value: Any) -> bool:
    if isinstance(condition, (list, tuple)):
        return value in condition
    if isinstance(condition, dict) and len(condition) == 1:
        (test, operand), = condition.items()
        if test == "gt":
            return isinstance(value, (int, float)) and value > operand
        if test == "ne":
            return value != operand
        if test == "suffix":
            return isinstance(value, str) and value.lower().endswith(tuple(s.lower() for s in operand))
    raise ValueError(f"unknown visible_when condition {condition!r}")
