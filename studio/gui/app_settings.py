"""The app's QSettings in one place: the keys, the store, and remembered folders.

The main window registers its QSettings (tests give each window its own ini file);
widgets deeper down reach it through :func:`settings` instead of a new ``QSettings()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

APP_NAME = "Text Model Studio"  # also QSettings' application name

LANGUAGE = "ui/language"      # "system", "en" or "zh_CN"
THEME = "ui/theme"            # "system", "light" or "dark"
GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
CURRENT_TAB = "window/tab"
RECENT_PROJECTS = "recentProjects"
_FOLDER = "folders/"          # + a kind: data, project, vectors, export, zip

_current: QSettings | None = None


def use(store: QSettings) -> None:
    """Make ``store`` the settings every widget reads and writes."""
    global _current
    _current = store


def settings() -> QSettings:
    """The registered store, or the user's default one (organisation/app name)."""
    global _current
    if _current is None:
        _current = QSettings()
    return _current


def text(key: str, default: str) -> str:
    value = settings().value(key, default)
    return value if isinstance(value, str) and value else default


def last_folder(kind: str) -> str:
    """The folder the last file of this kind was picked in, or ``""`` (the current folder)."""
    folder = text(_FOLDER + kind, "")
    return folder if folder and Path(folder).is_dir() else ""


def remember_folder(kind: str, path: str | Path) -> None:
    """Remember the folder of ``path`` (a file, or a folder itself) for the next dialog."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    settings().setValue(_FOLDER + kind, str(folder))


def recent_projects(store: QSettings) -> list[str]:
    """The recent projects kept in ``store``, newest first; junk from a hand-edited file is dropped."""
    value = store.value(RECENT_PROJECTS, [])
    values = [value] if isinstance(value, str) else value if isinstance(value, (list, tuple)) else []
    return [v for v in values if isinstance(v, str) and v]
