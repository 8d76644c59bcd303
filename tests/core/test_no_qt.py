"""studio.core must import without Qt: it runs headless (CLI, benchmarks, servers)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, json, pkgutil, sys
import studio.core
names = ["studio.core"]
for info in pkgutil.walk_packages(studio.core.__path__, "studio.core."):
    importlib.import_module(info.name)
    names.append(info.name)
qt = sorted(m for m in sys.modules
            if m.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"})
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_core_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["qt"] == [], f"Qt modules imported by studio.core: {report['qt']}"
    modules = set(report["modules"])
    # the walk really covered the package
    assert {"studio.core.data.reader", "studio.core.models.textcnn", "studio.core.project",
            "studio.core.training.trainer", "studio.core.inference.predictor"} <= modules
    on_disk = {
        "studio." + ".".join(p.relative_to(ROOT / "studio").with_suffix("").parts)
        for p in (ROOT / "studio" / "core").rglob("*.py") if p.name != "__init__.py"
    }
    assert on_disk <= modules
