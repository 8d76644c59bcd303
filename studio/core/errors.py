"""Errors a user can cause. Each carries a :class:`~studio.core.messages.Message`: a code
and the parameters that say what was wrong, where, and what to do. ``str(error)`` is the
English text (for the command line and logs); the GUI words ``error.message`` in the
user's language (``studio/gui/wording.py``).

Raise with a catalogue code and its parameters::

    raise DataFormatError("data.empty_file", file=path)
"""

from __future__ import annotations

from typing import Any

from studio.core.messages import Message


class StudioError(Exception):
    """Base class for every error meant to be shown to a user as a plain message.

    Raises:
        KeyError: ``code`` is not in the message catalogue (a programming error).
    """

    default_code: str | None = None

    def __init__(self, code: str | Message | None = None, /, **params: Any):
        if isinstance(code, Message):
            self.message = code
        else:
            code = code if code is not None else self.default_code
            self.message = Message(code, {k: _param(v) for k, v in params.items()})
        super().__init__(self.message.english())

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.message.params)


def _param(value: Any) -> Any:
    """A nested error is kept as its message, so it is worded (and translated) in place."""
    if isinstance(value, StudioError):
        return value.message
    return value


class DataFormatError(StudioError):
    """A data file could not be read as a table of texts and labels."""


class ConfigError(StudioError):
    """A setting is invalid; the message names the field."""


class ProjectError(StudioError):
    """A project folder could not be saved or opened."""


class Cancelled(StudioError):
    """The user stopped a long task (training word vectors, reading a large file)."""

    default_code = "cancelled"


class TrainingError(StudioError):
    """Training could not go on (the device ran out of memory); the message says what to change."""
