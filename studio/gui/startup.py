"""Start-up in two steps: the window at once, the heavy libraries after its first paint.

The window's frame (menus, tab titles, status bar) needs only Qt. PyTorch, pyqtgraph and
the studio's tabs take seconds to import (6 s on a loaded 2-core machine), so
:class:`~studio.gui.main_window.MainWindow` paints first and imports them on a worker with
:func:`load_modules`, then builds its tabs and runs what the user asked for meanwhile;
scikit-learn and Captum follow (:data:`LATER`). Python's import lock is per module, so the
GUI thread keeps answering input as long as it does not import these modules itself in the
meantime."""

from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP

from studio.core.report import Reporter

# (module, the name the status bar shows while it loads, translated in context "MainWindow"),
# in the order they are imported
STEPS = (
    ("torch", "PyTorch"),
    ("pyqtgraph", "pyqtgraph"),
    ("studio.gui.window_parts", QT_TRANSLATE_NOOP("MainWindow", "the studio's tabs")),
)
# imported where first used (metrics, the split, explanations); loaded on a worker once the
# tabs are built, so that the first use does not wait for them on the GUI thread
LATER = (
    ("sklearn.metrics", "scikit-learn"),
    ("sklearn.model_selection", "scikit-learn"),
    ("captum.attr", "Captum"),
)
PARTS = "studio.gui.window_parts"


def loaded() -> bool:
    """Whether the tabs can be built now without importing anything slow."""
    return PARTS in sys.modules


def later_loaded() -> bool:
    """Whether the modules of :data:`LATER` are imported (or being imported) already."""
    return all(module in sys.modules for module, _ in LATER)


def load_modules(report: Reporter, steps: tuple[tuple[str, str], ...] = STEPS) -> None:
    """Import each module of ``steps`` (:data:`STEPS` or :data:`LATER`) in turn; before
    each, report its display name as an event and the share done as progress. Runs on a
    worker thread.

    Raises:
        ImportError: a module is missing or broken (the studio cannot start without it).
    """
    for number, (module, name) in enumerate(steps):
        report.event(name)
        report.progress(number / len(steps))
        importlib.import_module(module)
    report.progress(1.0)
