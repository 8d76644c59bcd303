"""Start-up: the window paints before PyTorch and the other slow libraries load, and what
the user asks for meanwhile waits for them and then runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from studio.gui import startup
from studio.gui.startup_trace import HEAVY

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_module_imports_nothing_slow():
    code = ("import sys, studio.cli, studio.gui.app, studio.gui.main_window; "
            f"print([name for name in {HEAVY!r} if name in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("sample", [False, True])
def test_the_window_paints_first_then_loads_and_opens(tmp_path, sample):
    trace = tmp_path / "trace.jsonl"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_STARTUP_TRACE=str(trace), STUDIO_STARTUP_EXIT="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    command = [sys.executable, "-m", "studio"] + (["--sample"] if sample else [])
    subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=300, capture_output=True)
    moments = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    names = [m["moment"] for m in moments]
    assert names == ["painted", "interactive", "ready"] + (["opened"] if sample else [])
    times = [m["time"] for m in moments]
    assert times == sorted(times)
    assert moments[0]["loaded"] == []  # painted with none of the slow libraries
    assert "torch" in moments[2]["loaded"] and "pyqtgraph" in moments[2]["loaded"]


@pytest.fixture
def held_start(monkeypatch):
    """Start-up as on a fresh process, with the loading held until the test releases it."""
    gate = threading.Event()

    def load(report):
        report.event("PyTorch")
        if not gate.wait(60):
            raise TimeoutError("the test never released the loading")

    monkeypatch.setattr(startup, "loaded", lambda: False)
    monkeypatch.setattr(startup, "load_modules", load)
    yield gate
    gate.set()


def test_what_is_asked_while_loading_runs_once_loaded(make_window, qtbot, held_start):
    window = make_window()
    assert not window.is_ready and not hasattr(window, "dataset_tab")
    qtbot.waitUntil(window.load_progress.isVisible)  # loading starts after the first paint
    assert "Loading PyTorch" in window.load_progress.label.text()
    assert all(isinstance(window.tabs.widget(i), QLabel) for i in range(window.tabs.count()))
    window.menus.tab_actions[2].trigger()  # the View menu works at once
    assert window.tabs.currentIndex() == 2 and window.tabs.tabText(2) == "3 · Model"

    window.open_sample()
    assert "runs when it has loaded" in window.tabs.currentWidget().text()
    with qtbot.waitSignal(window.ready, timeout=30000):
        held_start.set()
    assert window.is_ready and window.tabs.currentWidget() is window.model_tab  # the tab chosen stays
    with qtbot.waitSignal(window.projectOpened, timeout=60000):
        pass
    assert window.model.project.name
    assert not window.load_progress.cancel_button.isHidden()  # reading data files can be cancelled again


def test_closing_while_loading_waits_for_the_import_and_keeps_the_geometry(make_window, qtbot, held_start):
    window = make_window()
    window.resize(900, 600)
    threading.Timer(0.3, held_start.set).start()
    assert window.close()
    assert window.qsettings.value("window/geometry") is not None


def test_the_window_says_when_the_later_libraries_are_in(window, qtbot):
    qtbot.waitUntil(lambda: window.is_ready, timeout=60000)
    if not window.is_settled:
        with qtbot.waitSignal(window.settled, timeout=60000):
            pass
    assert window.is_settled and startup.later_loaded()
    assert not window.statusBar().currentMessage().startswith("Loading")


def test_the_later_libraries_load_on_a_worker_and_say_which(qtbot):
    from studio.gui.workers import WorkerPool

    pool, names, done = WorkerPool(), [], []
    steps = (("json", "JSON"), ("sklearn.metrics", "scikit-learn"))
    pool.submit(startup.load_modules, steps=steps, reports=True, on_event=names.append, on_done=done.append,
                on_failed=lambda error: pytest.fail(error))
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    pool.shutdown()
    assert names == ["JSON", "scikit-learn"]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through Linux's /proc")
@pytest.mark.parametrize("studio_app", [False, True])
def test_painting_starts_no_thread_pool_beside_training(studio_app):
    """Qt hands big fills to a pool of its own threads; in the studio they would preempt
    training's threads, so the app keeps painting on the GUI thread."""
    if not studio_app and (os.cpu_count() or 1) < 2:
        pytest.skip("Qt fills on the calling thread alone with one CPU")
    make = ("from studio.gui.app import create_app; app = create_app()" if studio_app
            else "from PySide6.QtWidgets import QApplication; app = QApplication([])")
    code = (f"import os; from pathlib import Path; {make}\n"
            "from PySide6.QtGui import QColor, QImage, QPainter\n"
            "image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)\n"
            "painter = QPainter(image); painter.fillRect(0, 0, 800, 600, QColor(200, 10, 10, 128)); painter.end()\n"
            "print(sum(Path(f'/proc/self/task/{t}/comm').read_text().strip() == 'Thread (pooled)'"
            " for t in os.listdir('/proc/self/task')))")
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"} | {"QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    pooled = int(out.stdout.strip())
    assert pooled == 0 if studio_app else pooled > 0
