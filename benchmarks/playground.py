#!/usr/bin/env python
"""Benchmark: does the Playground tab draw at least 10 frames a second while it trains,
with the GUI thread answering?

Run from the repository root::

    python benchmarks/playground.py [--seconds 8] [--json out.json]

In the real main window (offscreen unless a display is set), for each case (a preset, one
network or two side by side, epochs per frame) the tab plays for ``--seconds``; a 10 ms
``QTimer`` heartbeat on the GUI thread records how late each tick arrives. Prints per case:
frames drawn per second (per network), epochs per second, heartbeat lateness p50 / p99 /
max, and the GUI thread's share of a core. Target: >= 10 frames a second.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, cpu_flags, load_average, percentile  # noqa: E402

HEARTBEAT_MS = 10
TARGET_FPS = 10.0
CASES = (("basic", False, 1), ("spiral", False, 1), ("spiral", False, 20), ("overfitting", True, 5))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="seconds of play per case (default 8)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer

    import studio.gui.window_parts  # noqa: F401  (loaded first: the window builds its tabs at once)
    from studio.gui.app import create_app
    from studio.gui.main_window import MainWindow

    print(f"{os.cpu_count()} CPUs ({cpu_flags()}), load average {load_average()}, Qt platform "
          f"{os.environ.get('QT_QPA_PLATFORM', 'default')}")
    app = create_app()
    preferences = tempfile.TemporaryDirectory()
    window = MainWindow(QSettings(str(Path(preferences.name) / "studio.ini"), QSettings.Format.IniFormat))
    window.resize(1500, 900)
    window.show()
    tab = window.playground_tab
    window.tabs.setCurrentWidget(tab)

    clock = QElapsedTimer()
    clock.start()
    state = {"last": None, "lateness": [], "frames": 0}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if state["last"] is not None:
            state["lateness"].append(max(0.0, now - state["last"] - HEARTBEAT_MS))
        state["last"] = now

    def counted(_frame) -> None:
        state["frames"] += 1

    for panel in tab.panels:
        panel.frameShown.connect(counted)
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    def wait(seconds: float) -> None:  # the real event loop: a polling loop would take the GIL 1,000 times a second
        loop = QEventLoop(app)
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    rows = []
    print("\n| Case | Networks | Epochs a frame | Frames/s (each network) | Epochs/s | Heartbeat p50 / p99 / max ms "
          "| GUI thread CPU |\n|---|---:|---:|---:|---:|---:|---:|")
    for preset, compare, epochs_per_frame in CASES:
        tab.set_comparing(compare)
        tab.apply_preset(preset)
        tab.speed.setCurrentIndex([1, 5, 20].index(epochs_per_frame))
        wait(0.5)
        state.update(last=None, lateness=[], frames=0)
        epoch_start = max(p.frame.epoch for p in tab.active_panels() if p.frame is not None)
        cpu_start, started = time.thread_time(), time.perf_counter()
        tab.play()
        wait(args.seconds)
        tab.pause()
        elapsed = time.perf_counter() - started
        cpu = time.thread_time() - cpu_start
        networks = len(tab.active_panels())
        epochs = max(p.frame.epoch for p in tab.active_panels()) - epoch_start
        fps = state["frames"] / networks / elapsed
        lateness = state["lateness"]
        row = {"preset": preset, "networks": networks, "epochs_per_frame": epochs_per_frame, "fps": fps,
               "epochs_per_s": epochs / elapsed, "lateness_p50_ms": percentile(lateness, 0.5),
               "lateness_p99_ms": percentile(lateness, 0.99), "lateness_max_ms": max(lateness, default=float("nan")),
               "gui_thread_cpu_share": cpu / elapsed}
        rows.append(row)
        print(f"| {preset} | {networks} | {epochs_per_frame} | {fps:.1f} | {row['epochs_per_s']:.0f} | "
              f"{row['lateness_p50_ms']:.1f} / {row['lateness_p99_ms']:.1f} / {row['lateness_max_ms']:.1f} | "
              f"{row['gui_thread_cpu_share']:.0%} |")
        wait(0.3)
    heartbeat.stop()
    slowest = min(row["fps"] for row in rows)
    print(f"\ntarget >= {TARGET_FPS:.0f} frames/s per network: {'met' if slowest >= TARGET_FPS else 'MISSED'} "
          f"(slowest {slowest:.1f})")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    window.model.set_dirty(False)
    window.close()
    preferences.cleanup()
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: PySide 6.12 can crash while collecting Qt objects
