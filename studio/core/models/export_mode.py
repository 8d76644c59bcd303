"""Whether a model is being traced for ONNX export on this thread.

The models compute a few things differently while ``torch.export`` traces them (recurrences
padded instead of packed, each direction one operator: :mod:`studio.core.models.rnn_ops`;
fastText's bags as a masked sum). ``torch.compiler.is_exporting()`` alone is one flag for
the whole process, so a model training on another thread during an export would take
those paths too (and fail in backward: the export operators have no gradient). The export
sets a flag of its own thread (:func:`tracing_for_export`); :func:`exporting` needs both.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import torch

_state = threading.local()


@contextmanager
def tracing_for_export() -> Iterator[None]:
    """Mark this thread as tracing a model for export while the block runs."""
    previous = getattr(_state, "on", False)
    _state.on = True
    try:
        yield
    finally:
        _state.on = previous


def exporting() -> bool:
    """True while ``torch.export`` traces a model inside :func:`tracing_for_export` on this thread."""
    return getattr(_state, "on", False) and torch.compiler.is_exporting()
