"""Render resources/icons/studio.svg to the app icons the packages need.

    python packaging/make_icons.py [--check]

Writes, from the one SVG (with Qt's own SVG renderer, so no other tool is needed):

- ``resources/icons/hicolor/<N>x<N>/apps/text-model-studio.png`` for N in 16, 24, 32,
  48, 64, 128, 256 and 512: the freedesktop icon theme layout, ready to copy into
  ``~/.local/share/icons/hicolor`` for the Linux ``.desktop`` entry;
- ``resources/icons/studio.ico`` (16 to 256 px) for the Windows executable, when
  Pillow is installed (``pip install pillow``); without it the .ico is skipped with a
  note, and PyInstaller's own default icon is used on Windows.

macOS wants an ``.icns``: make it on a Mac from the PNGs with ``iconutil`` (see
packaging/README.md).

``--check`` renders nothing and exits 1 when a file is missing (packaging/build.sh
uses it to decide whether to render). It does not compare dates: a fresh checkout
gives every file the same date, and re-rendering on a machine without a CJK font
would draw the icon's 文 as a box. After editing the SVG, run this script and commit
the PNGs and the .ico.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "studio.svg"
APP_ID = "text-model-studio"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO = ICONS / "studio.ico"


def png_path(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def outputs(with_ico: bool) -> list[Path]:
    return [png_path(size) for size in SIZES] + ([ICO] if with_ico else [])


def have_pillow() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True


def up_to_date(with_ico: bool) -> bool:
    return all(p.is_file() for p in outputs(with_ico))


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # fonts for the SVG's text
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format_ARGB32)
        image.fill(Qt.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    del app
    return written


def write_ico() -> Path:
    from PIL import Image

    # Each size from its own rendering (sharper than Pillow's downscaling of one image).
    images = [Image.open(png_path(size)).convert("RGBA") for size in ICO_SIZES]
    images[-1].save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    return ICO


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when an icon is missing; render nothing")
    args = parser.parse_args(argv)
    pillow = have_pillow()
    if args.check:
        ok = up_to_date(with_ico=pillow)
        print("icons are there" if ok else "icons are missing")
        return 0 if ok else 1
    for path in render_pngs():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    if pillow:
        path = write_ico()
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    else:
        print("Pillow is not installed: skipped studio.ico (pip install pillow, then run this again)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
