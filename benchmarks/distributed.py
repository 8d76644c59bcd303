#!/usr/bin/env python
"""Benchmark: training throughput on 1 and N processes (torchrun, DistributedDataParallel).

Run from the repository root::

    python benchmarks/distributed.py [--processes 1,2] [--train-rows 16000] [--epochs 2]
                                     [--device cpu|cuda] [--json out.json]

Each count of processes trains the studio's default TextCNN on the first ``--train-rows``
of THUCNews train.txt (dev.txt validates, test.txt tests) with ``studio train
--nproc-per-node N`` (1: no torchrun), the same global batch (128), seed and epochs. Prints
per count: training samples/s (from the run's own epoch timings), the scaling efficiency
(samples/s / N over the 1-process figure: 100 % is perfect) and the test accuracy.

On this 2-core CPU the processes share the cores (each gets half), so no speed-up is
expected: the figure shows the cost of the gradient all-reduce. On a machine with GPUs
(``--device cuda``, one process per GPU) it is the per-GPU scaling efficiency.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import DATA, ROOT, cpu_flags, load_average, missing_data  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts (default 1,2)")
    parser.add_argument("--train-rows", type=int, default=16000, help="training rows (default 16000)")
    parser.add_argument("--epochs", type=int, default=2, help="epochs per run (default 2)")
    parser.add_argument("--device", default="cpu", choices=["cpu", "cuda"], help="training device (default cpu)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)


def train(processes: int, data: Path, folder: Path, epochs: int, device: str) -> dict:
    out = folder / f"p{processes}"
    command = [sys.executable, "-m", "studio", "train", str(data), "--validation", str(DATA / "dev.txt"),
               "--test", str(DATA / "test.txt"), "--class-names", str(DATA / "class.txt"), "--model", "textcnn",
               "--epochs", str(epochs), "--batch-size", "128", "--patience", "0", "--device", device,
               "--out", str(out), "--nproc-per-node", str(processes)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{processes} process(es) failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    (run_dir,) = (out.with_name(out.name + ".studio") / "runs").iterdir()
    events = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]
    started_event = next(e for e in events if e["event"] == "run_started")
    epochs_done = [e["metrics"] for e in events if e["event"] == "epoch_end"]
    seconds = sum(m["seconds"] for m in epochs_done)
    finished = next(e for e in events if e["event"] == "run_finished")
    return {"processes": processes, "samples_per_s": started_event["num_train"] * len(epochs_done) / seconds,
            "train_seconds": seconds, "wall_s": wall, "test_accuracy": finished["test"]["accuracy"],
            "threads_per_process": started_event.get("threads")}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("distributed benchmark")
    if reason:
        print(reason)
        return 0
    counts = [int(n) for n in args.processes.split(",")]
    print(f"{os.cpu_count()} CPUs ({cpu_flags()}), load average {load_average()}, device {args.device}")
    print(f"TextCNN, first {args.train_rows:,} THUCNews training rows, {args.epochs} epochs, global batch 128")
    rows = []
    with tempfile.TemporaryDirectory(prefix="distributed-bench-") as temp:
        lines = (DATA / "train.txt").read_text(encoding="utf-8").splitlines()[:args.train_rows]
        data = Path(temp) / "train.txt"
        data.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for processes in counts:
            row = train(processes, data, Path(temp), args.epochs, args.device)
            rows.append(row)
    base = next((r["samples_per_s"] for r in rows if r["processes"] == 1), rows[0]["samples_per_s"])
    print("\n| Processes | Threads each | Train samples/s | Scaling efficiency | Wall s | Test acc |")
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        row["efficiency"] = row["samples_per_s"] / row["processes"] / base
        print(f"| {row['processes']} | {row['threads_per_process']} | {row['samples_per_s']:,.0f} | "
              f"{row['efficiency']:.0%} | {row['wall_s']:.0f} | {row['test_accuracy']:.2%} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
