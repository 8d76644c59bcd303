"""``studio`` with every file this process writes recorded, for the distributed tests.

Run as torchrun's script: ``torchrun ... tests/core/audit_writes.py train ...``. Python's
audit hooks (PEP 578) see each ``open`` for writing, rename, mkdir and remove; at exit
the paths go to ``$STUDIO_AUDIT_DIR/writes-<RANK>.txt``, one per line.
"""

from __future__ import annotations

import atexit
import os
import sys
from pathlib import Path

WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
written: list[str] = []


def _path(value) -> str | None:
    return os.fsdecode(value) if isinstance(value, str | bytes | os.PathLike) else None


def _hook(event: str, args: tuple) -> None:
    if event == "open":
        path, mode, flags = args
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (isinstance(flags, int) and flags & WRITING):
            written.append(_path(path) or "")
    elif event in ("os.rename", "os.mkdir", "os.remove", "os.rmdir", "shutil.rmtree"):
        written.append(_path(args[1] if event == "os.rename" else args[0]) or "")


def _save() -> None:
    folder = Path(os.environ["STUDIO_AUDIT_DIR"])
    (folder / f"writes-{os.environ.get('RANK', '0')}.txt").write_text("\n".join(written), encoding="utf-8")


if __name__ == "__main__":
    sys.addaudithook(_hook)
    atexit.register(_save)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from studio.cli import main

    sys.exit(main(sys.argv[1:]))
