"""Where the app's icons and translations live, from a source checkout or a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The ``resources`` folder: beside the executable's bundle when frozen by
    PyInstaller (``sys._MEIPASS``), else at the repository root."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon_path() -> Path:
    return resource_dir() / "icons" / "studio.svg"


def translations_dir() -> Path:
    return resource_dir() / "translations"
