"""The versions ``studio --version`` prints and Help > About shows."""

from __future__ import annotations

import platform


def versions() -> dict[str, str]:
    """``studio``, ``torch``, ``cuda`` (the CUDA version torch was built with; ``""`` for
    a CPU build), ``qt`` (the Qt library in use), ``pyside`` and ``python``."""
    import PySide6
    import torch
    from PySide6.QtCore import qVersion

    from studio import __version__

    return {"studio": __version__, "torch": torch.__version__, "cuda": torch.version.cuda or "",
            "qt": qVersion(), "pyside": PySide6.__version__, "python": platform.python_version()}
