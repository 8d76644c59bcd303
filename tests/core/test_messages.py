"""The core speaks in codes: every code is in the catalogue, every text formats, and
every raise of a studio error names a code rather than an English sentence."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from studio.core import errors
from studio.core.errors import Cancelled, ConfigError, DataFormatError, StudioError
from studio.core.messages import CATALOGUE, Message, message

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_catalogue_text_formats_with_its_own_parameters(code):
    assert CODE.match(code), f"{code!r}: codes are area.snake_case"
    text = CATALOGUE[code]
    params = {name: 12345 for name in _fields(text)}
    try:
        formatted = text.format(**params)
    except (ValueError, TypeError):  # a format spec for text, e.g. {file!s:>10}: try strings
        formatted = text.format(**{name: "x" for name in params})
    assert formatted.strip()


def _studio_error_names() -> set[str]:
    import studio.core.project_lock  # noqa: F401 - their subclasses register on import
    import studio.core.project_outside  # noqa: F401
    found, todo = set(), [StudioError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def _first_argument_problems(path: Path, names: set[str]) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name not in names | {"Message", "message", "stage"}:
            continue
        first = node.args[0]
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if isinstance(first, ast.JoinedStr):
            problems.append(f"{where}: {name}(f\"...\") — report a code and parameters")
        elif isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value not in CATALOGUE:
            problems.append(f"{where}: {name}({first.value!r}) — not a catalogue code")
    return problems


def test_every_studio_error_raised_in_the_code_names_a_catalogue_code():
    names = _studio_error_names()
    problems = []
    for path in sorted((ROOT / "studio").rglob("*.py")):
        problems += _first_argument_problems(path, names)
    assert problems == []


def test_a_studio_error_keeps_its_code_and_words_nested_errors_in_english():
    cause = ConfigError("config.greater_than", limit=0)
    error = ConfigError("config.field", field="lr", problem=cause)
    assert error.code == "config.field"
    assert error.params["problem"] == cause.message
    assert str(error) == "lr: Input should be greater than 0"
    assert Cancelled().code == "cancelled"


def test_an_unknown_code_is_a_programming_error():
    with pytest.raises(KeyError):
        Message("no.such_code", {})
    assert "legacy" not in CATALOGUE, "every raise has a code now: the transition entry must go"


def test_a_list_of_messages_is_worded_one_per_line():
    lines = message("config.invalid", problems=[message("config.missing"), message("config.int_parsing")])
    assert str(lines) == "Field required\nInput should be a whole number"


def test_data_errors_are_studio_errors():
    assert issubclass(DataFormatError, errors.StudioError)
