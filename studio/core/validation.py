"""pydantic's validation errors as catalogue messages, one per field.

pydantic words its errors in English. Here each error becomes a
:class:`~studio.core.messages.Message` from its error *type* and context
(``greater_than`` with ``gt=0`` -> ``config.greater_than(limit=0)``), so the GUI words it
in the user's language; a type without its own wording falls back to ``config.other``
with pydantic's English text. Our own validators raise :class:`MessageValueError`, whose
message is used as it is.

``config_error(exc)`` is the one way the core turns a ``ValidationError`` into a
:class:`~studio.core.errors.ConfigError`: ``config.invalid`` with one ``config.field``
problem per error (``kernel_sizes: Should have at least 1 item(s)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from studio.core.errors import ConfigError
from studio.core.messages import Message, message

# pydantic's error type -> our code, and the context value it needs as (its key, our name)
_CODES: dict[str, tuple[str, tuple[str, str] | None]] = {
    "greater_than": ("config.greater_than", ("gt", "limit")),
    "greater_than_equal": ("config.greater_than_equal", ("ge", "limit")),
    "less_than": ("config.less_than", ("lt", "limit")),
    "less_than_equal": ("config.less_than_equal", ("le", "limit")),
    "too_short": ("config.too_short", ("min_length", "min_length")),
    "too_long": ("config.too_long", ("max_length", "max_length")),
    "string_too_short": ("config.string_too_short", ("min_length", "min_length")),
    "string_too_long": ("config.string_too_long", ("max_length", "max_length")),
    "int_parsing": ("config.int_parsing", None),
    "int_type": ("config.int_parsing", None),
    "int_from_float": ("config.int_parsing", None),
    "float_parsing": ("config.float_parsing", None),
    "float_type": ("config.float_parsing", None),
    "bool_parsing": ("config.bool_parsing", None),
    "bool_type": ("config.bool_parsing", None),
    "string_type": ("config.string_type", None),
    "list_type": ("config.list_type", None),
    "dict_type": ("config.dict_type", None),
    "model_type": ("config.dict_type", None),
    "model_attributes_type": ("config.dict_type", None),
    "missing": ("config.missing", None),
    "extra_forbidden": ("config.extra_forbidden", None),
}


class MessageValueError(ValueError):
    """What a field validator raises to say why a value is wrong, as a catalogue code:
    pydantic wraps it in its ``ValidationError``, and :func:`problem_message` takes the
    message back out.

    Raises:
        KeyError: (on construction) ``code`` is not in the catalogue.
    """

    def __init__(self, code: str, /, **params: Any):
        self.message = Message(code, params)
        super().__init__(self.message.english())


def _choices(expected: str) -> str:
    """pydantic's ``"'a', 'b' or 'c'"`` as ``"'a', 'b', 'c'"`` (no English word)."""
    head, _, last = expected.rpartition(" or ")
    return f"{head}, {last}" if head else expected


def problem_message(error: Mapping[str, Any]) -> Message:
    """What is wrong with one field, from one entry of ``ValidationError.errors()``."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if isinstance(ctx.get("error"), MessageValueError):
        return ctx["error"].message
    if kind in _CODES:
        code, needs = _CODES[kind]
        if needs is None:
            return Message(code)
        if needs[0] in ctx:
            return Message(code, {needs[1]: ctx[needs[0]]})
    if kind == "literal_error" and "expected" in ctx:
        return message("config.literal_error", expected=_choices(str(ctx["expected"])))
    if kind == "union_tag_invalid" and {"discriminator", "tag", "expected_tags"} <= ctx.keys():
        return message("config.union_tag_invalid", discriminator=ctx["discriminator"],
                       tag=repr(ctx["tag"]), expected=ctx["expected_tags"])
    return message("config.other", text=str(error["msg"]).removeprefix("Value error, "))


def error_field(error: Mapping[str, Any], prefix: str = "") -> str:
    """The field an error is about: ``prefix`` + its dotted location (``kernel_sizes.2``)."""
    return prefix + (".".join(str(part) for part in error["loc"]) or "config")


def validation_problems(exc: ValidationError, prefix: str = "") -> list[Message]:
    """One ``config.field`` message per error: ``{field}: {problem}``."""
    return [message("config.field", field=error_field(error, prefix), problem=problem_message(error))
            for error in exc.errors()]


def field_problems(exc: ValidationError) -> dict[str, Message]:
    """The first problem of each top-level field (``""`` for the whole object), for a form
    that shows an error beside each field."""
    found: dict[str, Message] = {}
    for error in exc.errors():
        found.setdefault(str(error["loc"][0]) if error["loc"] else "", problem_message(error))
    return found


def validation_message(exc: ValidationError, prefix: str = "") -> Message:
    """``config.invalid``: every problem of ``exc``, one per line, each naming its field."""
    return message("config.invalid", problems=validation_problems(exc, prefix))


def config_error(exc: ValidationError, prefix: str = "") -> ConfigError:
    """The :class:`ConfigError` to raise for ``exc`` (``raise config_error(exc) from None``)."""
    return ConfigError(validation_message(exc, prefix))
