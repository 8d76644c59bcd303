#!/usr/bin/env python
"""Benchmark: how soon the studio's window is on screen and usable after a double-click.

Run from the repository root::

    python benchmarks/startup.py [--runs 5] [--json out.json]

Starts the real app as a new process (``python -m studio``, what the ``studio`` launcher
runs) ``--runs`` times for each of ``studio``, ``studio --sample`` and ``studio PROJECT``
(the sample project, created once beforehand), offscreen unless a display is set, each with
its own settings and data folder. The app writes when each moment of its start happened
(:mod:`studio.gui.startup_trace`); times count from just before the process is started:

- painted: the main window's first paint (menus, tab titles, status bar);
- interactive: the event loop answered the first event posted after that paint;
- ready: PyTorch and the tabs have loaded (behind the painted window) and are built; with
  it, the longest the event loop went without answering a 10 ms timer between the paint
  and then (how long the window froze while loading);
- opened: the sample or the project asked for is open (its data read, its tabs filled).

Prints p50 and max per moment and command, and for comparison how long a bare
``python -c "import torch"`` takes on this machine in the same run. Target (issue 18): the
window painted and interactive in under 1.5 s (p50 of 5 cold process starts).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, load_average  # noqa: E402

MOMENTS = ("painted", "interactive", "ready", "opened", "gap")
TARGET_S = 1.5
TIMEOUT_S = 300


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="process starts per command (default 5)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)


def start_once(args: list[str], home: Path) -> dict[str, float]:
    """Start ``python -m studio ARGS`` once; seconds from the start to each moment it traced.

    Raises:
        RuntimeError: the app failed, timed out or showed an error instead of opening.
    """
    trace = home / "trace.jsonl"
    trace.unlink(missing_ok=True)
    env = dict(os.environ, STUDIO_STARTUP_TRACE=str(trace), STUDIO_STARTUP_EXIT="1",
               STUDIO_DATA_DIR=str(home / "data"), STUDIO_CACHE_DIR=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.time()
    result = subprocess.run([sys.executable, "-m", "studio", *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=TIMEOUT_S)
    lines = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()] if trace.exists() else []
    times = {line["moment"]: line["time"] - started for line in lines}
    for line in lines:
        if "gap_ms" in line:
            times["gap"] = line["gap_ms"] / 1000
    if result.returncode != 0 or "error" in times or "painted" not in times:
        detail = next((line["detail"] for line in lines if line["moment"] == "error"), result.stderr[-500:])
        raise RuntimeError(f"studio {' '.join(args)} failed (exit {result.returncode}): {detail}")
    return times


def bare_import_seconds(module: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="studio-startup-"))
    flags = ""
    if Path("/proc/cpuinfo").is_file():
        words = Path("/proc/cpuinfo").read_text().split()
        flags = " ".join(sorted({w for w in words if w in ("avx2", "avx512f", "avx512_bf16", "amx_tile")}))
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs ({flags or 'flags n/a'}), "
          f"load average {load_average()}, platform {'display' if os.environ.get('DISPLAY') else 'offscreen'}")

    start_once(["--sample"], home)  # creates the sample project (and warms the disk cache once)
    project = next((home / "data").rglob("*.studio"))
    commands = {"studio": [], "studio --sample": ["--sample"], "studio PROJECT": [str(project)]}
    figures: dict[str, dict] = {}
    for name, command in commands.items():
        runs = [start_once(command, home) for _ in range(args.runs)]
        figures[name] = {}
        for moment in MOMENTS:
            values = [run[moment] for run in runs if moment in run]
            if values:
                figures[name][moment] = {"p50": statistics.median(values), "max": max(values), "runs": values}
        cells = "  ".join(f"{m} {f['p50']:.2f}/{f['max']:.2f}" for m, f in figures[name].items())
        print(f"{name:<16} p50/max s: {cells}", flush=True)
    torch_s = bare_import_seconds("torch")
    print(f"bare `python -c \"import torch\"`: {torch_s:.2f} s")

    print("\n| Command | painted p50 | painted max | interactive p50 | interactive max | ready p50 "
          "| opened p50 | longest freeze while loading (p50 / max) | target met |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, moments in figures.items():
        met = moments["interactive"]["p50"] < TARGET_S
        opened = moments.get("opened", {}).get("p50")
        print(f"| `{name}` | {moments['painted']['p50']:.2f} s | {moments['painted']['max']:.2f} s "
              f"| {moments['interactive']['p50']:.2f} s | {moments['interactive']['max']:.2f} s "
              f"| {moments['ready']['p50']:.2f} s | {f'{opened:.2f} s' if opened else '—'} "
              f"| {moments['gap']['p50'] * 1000:.0f} / {moments['gap']['max'] * 1000:.0f} ms "
              f"| {'yes' if met else '**no**'} |")
    print(f"\nTarget: painted and interactive in under {TARGET_S} s (p50 of {args.runs} process starts). "
          "ready/opened: PyTorch and the tabs loaded behind the painted window.")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": args.runs, "bare_import_torch_s": torch_s,
                                               "commands": figures}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
