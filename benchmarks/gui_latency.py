#!/usr/bin/env python
"""Benchmark: does the GUI stay responsive while it trains, and does training inside the
window run as fast as headless?

Run from the repository root::

    python benchmarks/gui_latency.py [--epochs 1] [--train-rows N] [--json out.json]

1. Headless (before and after step 2; the window is compared with their mean): ``execute_run``
   with TextCNN on THUCNews (character tokens, max_len 32, batch 128, the studio's default
   TextCNN), on the CPU unless ``--device`` says otherwise.
2. In the real main window (offscreen unless a display is set): the same settings,
   started with the Training tab's Start button; the training runs on the worker thread
   while the GUI thread redraws the live plots. A 10 ms ``QTimer`` heartbeat on the GUI
   thread records how late each tick arrives.

Prints the heartbeat lateness p50 / p99 / max in ms during training and the training
throughput (training samples / training seconds, from the runs' own epoch timings) of
each, and their ratio. Targets: p99 lateness < 50 ms, max < 150 ms; GUI throughput >= 0.95 x
headless. The window's run starts once start-up has loaded what it loads after the tabs
(``MainWindow.settled``), as a user's would.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import (  # noqa: E402
    DATA,
    ROOT,
    first_rows,
    load_average,
    missing_data,
    peak_rss_mib,
    percentile,
    thucnews_dataset,
)

HEARTBEAT_MS = 10
TARGET_P99_MS = 50.0
TARGET_MAX_MS = 150.0
TARGET_RATIO = 0.95


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=1, help="epochs per run (default 1)")
    parser.add_argument("--train-rows", type=int, metavar="N", help="use only the first N training rows")
    parser.add_argument("--device", default="cpu", choices=["auto", "cpu", "cuda", "mps"],
                        help="training device (default cpu)")
    parser.add_argument("--qt-thread-pool", action="store_true",
                        help="let Qt's raster engine fill on its own thread pool, as before the studio turned it "
                             "off (QT_NO_GUI_THREADPOOL), for an A/B of what that costs training")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)


def throughput(run) -> float:
    """Training samples per second of a finished run, from its epoch timings."""
    started = next(e for e in run.events if e.get("event") == "run_started")
    epochs = [e["metrics"] for e in run.events if e.get("event") == "epoch_end"]
    seconds = sum(m["seconds"] for m in epochs)
    return started["num_train"] * len(epochs) / seconds if seconds else 0.0


def run_on_own_thread(work):
    """``work()`` on a thread that ends with it. Torch on the main thread would leave an OpenMP
    team behind for the rest of the process; beside the window's training thread's own team that
    is more OpenMP threads than cores, and libgomp then stops spin-waiting between parallel
    regions (its throttled spin count), which cost the window's training 20-25 %. The studio's
    GUI thread runs no torch, so neither may the benchmark's."""
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", work()))
    thread.start()
    thread.join()
    return result["value"]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("GUI latency benchmark")
    if reason:
        print(reason)
        return 0
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    import torch
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    import studio.gui.window_parts  # noqa: F401  (loaded first: the window builds its tabs at once)
    from studio.core.data.reader import read_table
    from studio.core.settings import Settings
    from studio.core.training.run import execute_run
    from studio.gui.app import create_app
    from studio.gui.main_window import MainWindow

    train_path = str(DATA / "train.txt")
    table = read_table(train_path)
    if args.train_rows:
        table = first_rows(table, args.train_rows)
    settings = Settings.from_dict({
        "dataset": thucnews_dataset(),
        "text": {"max_len": 32},
        "model": {"type": "textcnn"},
        "training": {"epochs": args.epochs, "batch_size": 128, "lr": 1e-3, "patience": 0,
                     "seed": 42, "device": args.device},
    })
    print(f"torch {torch.__version__}, {torch.get_num_threads()} intra-op threads, "
          f"{os.cpu_count()} CPUs, load average {load_average()}, Qt platform "
          f"{os.environ.get('QT_QPA_PLATFORM', 'default')}")
    print(f"TextCNN, {table.num_rows:,} training rows, {args.epochs} epoch(s), device {args.device}, Qt fill "
          f"thread pool {'on' if args.qt_thread_pool else 'off'}")

    def run_headless():
        return run_on_own_thread(lambda: execute_run(settings, {train_path: table}))

    headless = run_headless()  # also fills the cache
    before = throughput(headless)
    print(f"headless: {before:,.0f} samples/s")

    app = create_app()
    if args.qt_thread_pool:  # read at Qt's first fill, after this
        os.environ.pop("QT_NO_GUI_THREADPOOL", None)
    preferences = tempfile.TemporaryDirectory()  # never the user's window settings
    window = MainWindow(QSettings(str(Path(preferences.name) / "studio.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 880)
    window.show()
    window.model.set_table(train_path, table, settings.dataset)
    for group in ("text", "model", "training"):
        window.model.update(group, getattr(settings, group))
    window.tabs.setCurrentWidget(window.training_tab)

    lateness: list[float] = []
    clock = QElapsedTimer()
    state = {"last": None, "training": False, "run": None}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if state["training"] and state["last"] is not None:
            lateness.append(max(0.0, now - state["last"] - HEARTBEAT_MS))
        state["last"] = now

    def quit_app() -> None:
        window.model.set_dirty(False)  # Qt 6's quit() closes the window, which asks to save
        app.quit()

    def finished(run) -> None:
        state["training"], state["run"] = False, run
        state["gui_cpu_s"] = time.thread_time() - state["gui_cpu_start"]
        QTimer.singleShot(200, quit_app)

    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(tick)
    window.training_tab.trainingFinished.connect(finished)
    clock.start()
    heartbeat.start()

    def start() -> None:
        if not window.training_tab.start_button.isEnabled():
            print(f"error: Start is disabled: {window.training_tab.blocker_label.text()}")
            quit_app()
            return
        state["training"] = True
        state["gui_cpu_start"] = time.thread_time()  # CPU the GUI thread spends while training
        window.training_tab.start_button.click()

    def start_soon() -> None:
        QTimer.singleShot(500, start)

    if window.is_settled:  # as a user would: once start-up has loaded what it loads
        start_soon()
    else:
        window.settled.connect(start_soon)
    started = time.perf_counter()
    app.exec()
    heartbeat.stop()
    run = state["run"]
    window.close()
    preferences.cleanup()
    if run is None:
        print(f"error: the run in the window failed: {window.last_error}")
        return 1
    # headless once more after the window: the machine's speed drifts (other tenants, the
    # first run's kernel set-up), so the window is compared with the mean of the runs either side
    after = throughput(run_headless())
    print(f"headless again: {after:,.0f} samples/s")
    headless_rate = (before + after) / 2
    gui_rate = throughput(run)
    ratio = gui_rate / headless_rate if headless_rate else 0.0
    p50, p99 = percentile(lateness, 0.50), percentile(lateness, 0.99)
    figures = {
        "ticks": len(lateness), "lateness_p50_ms": p50, "lateness_p99_ms": p99,
        "lateness_max_ms": max(lateness, default=float("nan")),
        "headless_samples_per_s": headless_rate, "headless_before_samples_per_s": before,
        "headless_after_samples_per_s": after,
        "gui_samples_per_s": gui_rate, "ratio": ratio,
        "gui_wall_s": time.perf_counter() - started, "gui_thread_cpu_s": state.get("gui_cpu_s"),
        "peak_rss_mib": peak_rss_mib(),
        "test_accuracy_headless": headless.finished["test"]["accuracy"],
        "test_accuracy_gui": run.finished["test"]["accuracy"],
    }
    print(f"GUI: {gui_rate:,.0f} samples/s ({ratio:.3f} x the headless mean); heartbeat ({HEARTBEAT_MS} ms) "
          f"lateness over {len(lateness):,} ticks: p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
          f"max {figures['lateness_max_ms']:.1f} ms")
    print(f"GUI thread CPU while training: {figures['gui_thread_cpu_s']:.1f} s of "
          f"{figures['gui_wall_s']:.1f} s wall")
    print(f"test accuracy: headless {figures['test_accuracy_headless']:.4f}, GUI {figures['test_accuracy_gui']:.4f}")
    worst = figures["lateness_max_ms"]
    print(f"targets: p99 < {TARGET_P99_MS:.0f} ms: {'met' if p99 < TARGET_P99_MS else 'MISSED'}; "
          f"max < {TARGET_MAX_MS:.0f} ms: {'met' if worst < TARGET_MAX_MS else 'MISSED'}; "
          f"throughput >= {TARGET_RATIO} x headless: {'met' if ratio >= TARGET_RATIO else 'MISSED'}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: PySide 6.12 can crash while collecting Qt objects
