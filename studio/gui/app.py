"""Start the desktop app: ``studio [PATH] [--sample]``."""

from __future__ import annotations

import argparse
import sys

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from studio.gui.main_window import APP_NAME, MainWindow

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "studio.svg"


def create_app(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("TextModelStudio")
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationDisplayName(APP_NAME)
    if ICON.is_file():
        app.setWindowIcon(QIcon(str(ICON)))
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="studio", description=f"{APP_NAME}: the desktop app. "
        "Headless commands: studio train | evaluate | predict (see `studio train --help`).")
    parser.add_argument("path", nargs="?", help="a project folder (.studio) or a data file to open")
    parser.add_argument("--sample", action="store_true", help="open the sample project (Chinese reviews)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    app = create_app()
    window = MainWindow()
    window.show()
    if args.sample:
        window.open_sample()
    elif args.path:
        window.open_path(args.path)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
