"""The one place the GUI words what the core reports, in the user's language.

The core reports codes with parameters (:class:`studio.core.messages.Message`), in
errors (``StudioError.message``), stages and notices (:mod:`studio.core.report`) and
device facts (:class:`~studio.core.training.device.DeviceInfo`). Their English texts are
marked in ``studio/core/messages/`` for ``lupdate`` (context ``"Messages"``); here they
are translated with Qt's ``translate()`` and filled in. No GUI code matches core text.
"""

from __future__ import annotations

import traceback
from typing import Any

from studio.core.errors import StudioError
from studio.core.messages import CATALOGUE, CONTEXT, Message, format_message
from studio.core.report import Notice, Stage
from studio.core.training.device_info import DeviceInfo
from studio.gui.i18n import translate


def word(message: Message) -> str:
    """``message`` in the language in force (English when no translation is loaded)."""
    return format_message(message, lambda code: translate(CONTEXT, CATALOGUE[code]))


def error_text(exc: BaseException) -> str:
    """A plain message for a dialog: a studio error worded, anything else summarised
    (the traceback goes to the terminal, never to the dialog)."""
    if isinstance(exc, StudioError):
        return word(exc.message)
    if isinstance(exc, MemoryError):
        return translate(
            "Worker", "Out of memory. Use a smaller batch size, max length or model, and try again.")
    traceback.print_exception(exc)
    return translate("Worker", "Something went wrong: {error}").format(
        error=f"{type(exc).__name__}: {exc}")


def event_text(event: Any) -> str | None:
    """A status line for a stage or notice; ``None`` for other events."""
    if isinstance(event, Stage):
        return word(event.message)
    if isinstance(event, Notice):
        text = word(event.message)
        if event.level == "warning":
            return translate("Worker", "Warning: {message}").format(message=text)
        return text
    return None


def device_text(kind: str, name: str, threads: int) -> str:
    """``"CUDA: NVIDIA H200"``, ``"Apple MPS"`` or ``"CPU (2 threads)"``, translated."""
    return word(DeviceInfo(kind, name, threads).message())


def device_info_text(info: DeviceInfo) -> str:
    return word(info.message())


def name_text(name: Message | str) -> str:
    """A name that is either the user's own text (a column header read from the file),
    shown as it is, or a placeholder the core gives as a message ("column 3")."""
    return word(name) if isinstance(name, Message) else name


def run_text(run) -> str:
    """A run as the run choosers name it: its id, and its test accuracy when it has one."""
    accuracy = run.summary()["test_accuracy"]
    if accuracy is None:
        return run.id
    return translate("Runs", "{run} · test accuracy {accuracy}").format(run=run.id, accuracy=f"{accuracy:.2%}")
