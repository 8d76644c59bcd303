"""File dialogs that start in the folder last used for the same kind of file.

``kind`` names the memory ("data", "project", "vectors", "export", "zip"...); each
function returns the chosen path, or ``""`` when the user cancels.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.gui import app_settings


def _start(kind: str, suggested: str = "") -> str:
    folder = app_settings.last_folder(kind)
    if suggested and Path(suggested).is_absolute():
        return suggested
    return str(Path(folder) / suggested) if folder and suggested else (folder or suggested)


def _keep(kind: str, path: str) -> str:
    if path:
        app_settings.remember_folder(kind, path)
    return path


def open_file(parent: QWidget | None, title: str, kind: str, file_filter: str = "", start: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start or _start(kind), file_filter)
    return _keep(kind, path)


def save_file(parent: QWidget | None, title: str, kind: str, suggested: str, file_filter: str = "") -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, _start(kind, suggested), file_filter)
    return _keep(kind, path)


def open_folder(parent: QWidget | None, title: str, kind: str, remember_parent: bool = False) -> str:
    """Pick a folder. ``remember_parent``: start the next dialog beside the chosen folder
    (a project folder) rather than inside it (a folder to unpack into)."""
    path = QFileDialog.getExistingDirectory(parent, title, _start(kind))
    if path:
        app_settings.remember_folder(kind, Path(path).parent if remember_parent else Path(path))
    return path


def data_filter() -> str:
    """The file-type filter for data files, in the language in force."""
    return QCoreApplication.translate("FileDialogs", "Data files (*.tsv *.txt *.csv);;All files (*)")


def zip_filter() -> str:
    return QCoreApplication.translate("FileDialogs", "Zip archives (*.zip)")
