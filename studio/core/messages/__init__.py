"""What the core says to a user, as codes with parameters.

The core never hands a finished sentence to the GUI. It reports a :class:`Message`: a
stable ``code`` (``"data.empty_file"``) and the parameters the sentence needs
(``file=...``). The English wording of every code lives in this package's catalogue
(one module per area); :meth:`Message.english` fills it in for the command line and the
logs, and the GUI words the same code in the user's language through Qt's ``tr()``
(``studio/gui/wording.py``), so a wording change here never turns a translated line back
into English.

A parameter may itself be a :class:`Message` (a cause inside a larger message) or a list
of them (worded one per line); everything else is formatted with ``str.format``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from studio.core.messages import config, data, inference, models, project, retrieval, scale, search, training, vectors

CATALOGUE: dict[str, str] = {}
for _area in (config, data, inference, models, project, retrieval, scale, search, training, vectors):
    _clash = CATALOGUE.keys() & _area.MESSAGES.keys()
    assert not _clash, f"message codes defined twice: {_clash}"
    CATALOGUE.update(_area.MESSAGES)

CONTEXT = "Messages"  # the translation context of every catalogue text


@dataclass(frozen=True)
class Message:
    """A code from :data:`CATALOGUE` and the values its text needs.

    Raises:
        KeyError: (on construction) ``code`` is not in the catalogue.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise KeyError(f"unknown message code {self.code!r}")

    def english(self) -> str:
        return format_message(self, lambda code: CATALOGUE[code])

    def __str__(self) -> str:
        return self.english()

    def to_json(self) -> dict[str, Any]:
        """``{"code": ..., "params": {...}}``, nested messages too (for files: a search's trials).
        Parameters must be JSON values or messages."""
        def value(item: Any) -> Any:
            if isinstance(item, Message):
                return item.to_json()
            if isinstance(item, (list, tuple)):
                return [value(i) for i in item]
            return item
        return {"code": self.code, "params": {key: value(item) for key, item in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        """The message :meth:`to_json` wrote.

        Raises:
            KeyError: an unknown code, or no ``code``.
        """
        def value(item: Any) -> Any:
            if isinstance(item, Mapping) and "code" in item:
                return cls.from_json(item)
            if isinstance(item, list):
                return [value(i) for i in item]
            return item
        return cls(data["code"], {key: value(item) for key, item in dict(data.get("params") or {}).items()})


def message(code: str, **params: Any) -> Message:
    return Message(code, params)


def format_message(message: Message, template_of) -> str:
    """Fill ``template_of(code)`` with the message's parameters, wording nested
    messages (and lists of them, one per line) with the same ``template_of``."""
    def value(item: Any) -> Any:
        if isinstance(item, Message):
            return format_message(item, template_of)
        if isinstance(item, (list, tuple)) and item and all(isinstance(i, Message) for i in item):
            return "\n".join(format_message(i, template_of) for i in item)
        return item
    return template_of(message.code).format(**{key: value(item) for key, item in message.params.items()})
