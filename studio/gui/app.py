"""Start the desktop app: ``studio [PATH] [--sample] [--version]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from studio.gui import app_settings, i18n, startup_trace, theme
from studio.gui.main_window import APP_NAME, MainWindow
from studio.gui.resources import icon_path, resource_dir
from studio.gui.versions import versions


def create_app(argv: list[str] | None = None) -> QApplication:
    # Qt's raster engine hands each fill of 96+ spans to its own thread pool and waits for
    # it (qdrawhelper). For plot-sized shapes the hand-off costs more than the fill, and on a
    # small CPU those pool threads preempt training's OpenMP threads, stalling every core at
    # the next barrier. Read once, at the pool's first use; a user's own setting wins.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    QCoreApplication.setOrganizationName("TextModelStudio")
    QCoreApplication.setApplicationName(APP_NAME)
    if QApplication.instance() is None:  # fractional scales (150 %) draw sharp, not rounded up
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("text-model-studio")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The studio's icon: the SVG (sharp at any scale) plus the rendered PNG sizes, so
    the icon shows even where Qt's SVG plugin is missing."""
    icon = QIcon(str(icon_path())) if icon_path().is_file() else QIcon()
    for png in sorted((resource_dir() / "icons" / "hicolor").glob("*/apps/text-model-studio.png")):
        icon.addFile(str(png))
    return icon


def apply_preferences(store: QSettings) -> None:
    """Put the saved language and theme in force (before the first window is built)."""
    language, chosen_theme = store.value(app_settings.LANGUAGE), store.value(app_settings.THEME)
    i18n.apply_language(language if isinstance(language, str) else i18n.SYSTEM)
    theme.apply_theme(chosen_theme if isinstance(chosen_theme, str) else theme.SYSTEM)


def version_text() -> str:
    """``studio --version``: the studio's version and those of torch, Qt and Python."""
    return "{app} {studio} (torch {torch}, Qt {qt}, PySide6 {pyside}, Python {python})".format(
        app=APP_NAME, **versions())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="studio", description=f"{APP_NAME}: the desktop app. "
        "Headless commands: studio train | evaluate | predict | vectors (see `studio train --help`).")
    parser.add_argument("path", nargs="?", help="a project folder (.studio) or a data file to open")
    parser.add_argument("--sample", action="store_true", help="open the sample project (Chinese reviews)")
    parser.add_argument("--version", action="store_true", help="print the versions and exit")
    # Used by packaging/smoke_test.py: open the sample, train one epoch, exit 0 on success.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(version_text())
        return 0
    app = create_app()
    store = QSettings()
    app_settings.use(store)
    apply_preferences(store)
    window = MainWindow(store)
    window._startup_trace = startup_trace.install(window, opens=bool(args.sample or args.path))
    window.show()
    if args.smoke_test:
        window.when_ready(lambda: smoke_test(window))
    elif args.sample:
        window.open_sample()
    elif args.path:
        window.open_path(Path(args.path).expanduser().resolve())  # launchers start in $HOME
    return app.exec()


def smoke_test(window) -> None:
    from studio.gui.smoke import start_smoke_test

    start_smoke_test(window)


if __name__ == "__main__":
    raise SystemExit(main())
