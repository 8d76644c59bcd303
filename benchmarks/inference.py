#!/usr/bin/env python
"""Benchmark: using a trained model (issue 17): single-text latency and batch throughput
through the studio's ``Predictor`` on the CPU and through the exported ONNX bundle.

Run from the repository root::

    python benchmarks/inference.py [--models textcnn,fasttext,esim] [--train-rows 20000]
                                   [--texts 300] [--batch-rows 10000] [--threads 0] [--json out.json]

For each model a run is trained here with ``execute_run`` (default settings, 1 epoch, on the
first ``--train-rows`` rows of THUCNews train.txt; ESIM on LCQMC train.txt) and exported with
:func:`studio.core.inference.export.export_onnx` into a temporary folder. Then, on the
THUCNews test file (LCQMC dev for ESIM):

- single-text latency: ``--texts`` texts one at a time (after 20 warm-up calls), raw text in
  and label out, through ``Predictor.predict([text])`` and through the bundle's
  ``Model.predict([text])`` (predict.py: tokenize, encode, onnxruntime); p50 and p99 ms;
- batch throughput: the first ``--batch-rows`` texts in one call of
  ``Predictor.probabilities`` and of the bundle's ``Model.probabilities`` (both batch by
  length); texts/s.

Targets: single-text p50 under 5 ms for TextCNN and fastText through ``Predictor``; the
ONNX bundle no slower than PyTorch at batch 1 (its p50 at most the Predictor's). torch
and onnxruntime use ``--threads`` intra-op threads (0: their defaults). The CPU's flags and
the load average are printed with the figures: compare ratios from one run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, load_average, peak_rss_mib  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
PAIR_MODELS = {"esim", "siamese"}
TARGET_P50_MS = 5.0
TARGET_MODELS = ("textcnn", "fasttext")
WARM_UP = 20


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", default="textcnn,fasttext,esim", help="comma-separated models")
    parser.add_argument("--train-rows", type=int, default=20000, help="training rows per run (default 20000)")
    parser.add_argument("--texts", type=int, default=300, help="texts timed one at a time (default 300)")
    parser.add_argument("--batch-rows", type=int, default=10000, help="texts in the batch (default 10000)")
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads, 0 for the defaults")
    parser.add_argument("--json", help="also write the figures here")
    return parser.parse_args(argv)


def cpu_flags() -> str:
    """The SIMD flags of this CPU that matter to PyTorch and onnxruntime."""
    try:
        flags = next(line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("flags"))
    except (OSError, StopIteration):
        return platform.processor() or "unknown"
    present = set(flags.split(":", 1)[1].split())
    return " ".join(f for f in ("avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "amx_tile") if f in present)


def percentiles(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {"p50_ms": 1000 * statistics.median(ordered),
            "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]}


def timed_one_at_a_time(call, items) -> dict[str, float]:
    for item in items[:WARM_UP]:
        call(item)
    seconds = []
    for item in items:
        start = time.perf_counter()
        call(item)
        seconds.append(time.perf_counter() - start)
    return percentiles(seconds)


def rows_of(path: Path, count: int, pairs: bool) -> list[list[str]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= (3 if pairs else 2):
                rows.append(cells[:2] if pairs else cells[:1])
            if len(rows) == count:
                break
    return rows


def train(model: str, rows: int, folder: Path):
    from studio.core.data.dataset import DatasetConfig
    from studio.core.settings import Settings
    from studio.core.training.config import TrainingConfig
    from studio.core.training.run import execute_run

    if model in PAIR_MODELS:
        source = SHARED / "lcqmc" / "train.txt"
        dataset = {"text_column": 0, "text_pair_column": 1, "label_column": 2}
    else:
        source = SHARED / "thucnews" / "train.txt"
        dataset = {"class_names": str(SHARED / "thucnews" / "class.txt"), "text_column": 0, "label_column": 1}
    slice_path = folder / f"{model}-train.txt"
    with source.open(encoding="utf-8") as handle, slice_path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(handle):
            if number == rows:
                break
            out.write(line)
    settings = Settings(dataset=DatasetConfig(train=str(slice_path), has_header=False, **dataset),
                        model={"type": model}, training=TrainingConfig(epochs=1, device="cpu", patience=0))
    return execute_run(settings)


def bundle_model(folder: Path):
    spec = importlib.util.spec_from_file_location("bundle_predict", folder / "predict.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Model(folder)


def main(argv=None) -> int:
    args = parse_args(argv)
    needed = [SHARED / "thucnews" / "train.txt", SHARED / "thucnews" / "test.txt", SHARED / "lcqmc" / "dev.txt"]
    if any(not path.is_file() for path in needed):
        print(f"inference benchmark skipped: {SHARED} lacks THUCNews or LCQMC; put the corpora at "
              f"../shared/data beside the repository to run it.")
        return 0
    sys.path.insert(0, str(ROOT))
    import onnxruntime
    import torch

    from studio.core.inference.export import export_onnx
    from studio.core.inference.predictor import Predictor

    if args.threads:
        torch.set_num_threads(args.threads)
        os.environ["OMP_NUM_THREADS"] = str(args.threads)
    print(f"torch {torch.__version__}, onnxruntime {onnxruntime.__version__}, Python {platform.python_version()}; "
          f"{os.cpu_count()} CPUs ({cpu_flags()}); torch threads {torch.get_num_threads()}; "
          f"load average {load_average()}", flush=True)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="inference-bench-") as temp:
        temp = Path(temp)
        for model in [m.strip() for m in args.models.split(",") if m.strip()]:
            pairs = model in PAIR_MODELS
            start = time.perf_counter()
            run = train(model, args.train_rows, temp)
            trained = time.perf_counter() - start
            start = time.perf_counter()
            exported = export_onnx(run, temp / f"{model}-onnx")
            export_s = time.perf_counter() - start
            predictor, onnx_model = Predictor(run), bundle_model(exported.folder)
            if args.threads:
                opts = onnxruntime.SessionOptions()
                opts.intra_op_num_threads = args.threads
                onnx_model.session = onnxruntime.InferenceSession(str(exported.folder / "model.onnx"), opts,
                                                                  providers=["CPUExecutionProvider"])
            test = SHARED / ("lcqmc/dev.txt" if pairs else "thucnews/test.txt")
            rows = rows_of(test, max(args.texts, args.batch_rows), pairs)
            single = rows[: args.texts]

            def studio_one(row, predictor=predictor):
                predictor.predict([row[0]], [row[1]] if len(row) > 1 else None)

            def onnx_one(row, onnx_model=onnx_model):
                onnx_model.predict([row[0]], [row[1]] if len(row) > 1 else None)

            entry = {"train_s": trained, "export_s": export_s, "accuracy": run.summary()["test_accuracy"],
                     "onnx_max_difference": exported.max_difference, "onnx_length": exported.length,
                     "studio_single": timed_one_at_a_time(studio_one, single),
                     "onnx_single": timed_one_at_a_time(onnx_one, single)}
            batch = rows[: args.batch_rows]
            texts = [row[0] for row in batch]
            second = [row[1] for row in batch] if pairs else None
            for key, call in (("studio_batch", predictor.probabilities), ("onnx_batch", onnx_model.probabilities)):
                start = time.perf_counter()
                call(texts, second)
                elapsed = time.perf_counter() - start
                entry[key] = {"texts": len(texts), "seconds": elapsed, "texts_per_s": len(texts) / elapsed}
            figures[model] = entry
            print(f"  {model}: Predictor p50 {entry['studio_single']['p50_ms']:.2f} ms, ONNX p50 "
                  f"{entry['onnx_single']['p50_ms']:.2f} ms; batch {entry['studio_batch']['texts_per_s']:,.0f} vs "
                  f"{entry['onnx_batch']['texts_per_s']:,.0f} texts/s (trained {trained:.0f} s, exported "
                  f"{export_s:.1f} s)", flush=True)

    print(f"\nload average {load_average()}, peak RSS {peak_rss_mib():,.0f} MiB\n")
    print("| Model | Predictor p50 / p99 (ms) | ONNX p50 / p99 (ms) | ONNX / Predictor p50 | Predictor batch "
          "(texts/s) | ONNX batch (texts/s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for model, f in figures.items():
        s, o = f["studio_single"], f["onnx_single"]
        print(f"| {model} | {s['p50_ms']:.2f} / {s['p99_ms']:.2f} | {o['p50_ms']:.2f} / {o['p99_ms']:.2f} | "
              f"{o['p50_ms'] / s['p50_ms']:.2f} | {f['studio_batch']['texts_per_s']:,.0f} | "
              f"{f['onnx_batch']['texts_per_s']:,.0f} |")
    fast = {m: figures[m]["studio_single"]["p50_ms"] < TARGET_P50_MS for m in TARGET_MODELS if m in figures}
    onnx_ok = {m: f["onnx_single"]["p50_ms"] <= f["studio_single"]["p50_ms"] for m, f in figures.items()}
    print(f"\nTargets: Predictor p50 < {TARGET_P50_MS:g} ms: "
          + ", ".join(f"{m} {'yes' if ok else '**no**'}" for m, ok in fast.items())
          + "; ONNX no slower than PyTorch at batch 1: "
          + ", ".join(f"{m} {'yes' if ok else '**no**'}" for m, ok in onnx_ok.items()))
    if args.json:
        Path(args.json).write_text(json.dumps({"cpu_flags": cpu_flags(), "load_average": load_average(),
                                               "figures": figures, "targets": {"p50": fast, "onnx": onnx_ok}},
                                              indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
