#!/usr/bin/env python
"""Benchmark: every registered classification model on THUCNews headlines, through the studio core.

Run from the repository root::

    python benchmarks/zoo.py [--models textcnn fasttext] [--epochs 3]
                             [--device auto|cpu|cuda|mps] [--json out.json]

It reads ``../shared/data/thucnews/{train,dev,test,class}.txt`` (``headline<TAB>label_id``)
beside the repository and exits with status 0 and a message when they are absent.

Each classification model (``model_names(task="classification")``) is trained in its own
subprocess (the script re-invokes itself with ``--one NAME --json PATH``), so the peak
resident set (``ru_maxrss``) is that model's alone. Every child goes the app's own way, headless: ``Settings`` ->
``load_splits`` -> ``prepare`` (cached) -> ``build_model`` -> ``setup_model`` (embedding
options, the MLP's IDF weights) -> ``Trainer.fit``, the steps of
``studio.core.training.run.execute_run``. Same data and settings for all: character
tokens, max_len 32, batch 128, Adam, patience 0 (best-on-dev weights), seed 42, each
model with its registry defaults (``default_config``). The learning rate is 1e-3 except
where the model's published setup uses another: the Transformer's 5e-4 in
github.com/649453932/Chinese-Text-Classification-Pytorch (all its other models use 1e-3).

Per model it reports parameters, test accuracy and macro-F1 (best-on-dev weights),
training samples/s (training samples x epochs run / the Trainer's EpochEnd 'seconds'),
inference samples/s (``predict_logits`` over the test split, timed), peak RSS, epochs
and the wall time of its process. Target: test accuracy >= 84 % for every model; a model
below it is marked in the table. torch keeps its default thread count.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import (  # noqa: E402
    ROOT,
    cpu_flags,
    load_average,
    matmul_peak_gflops,
    missing_data,
    peak_rss_mib,
    thucnews_dataset,
    training_flop_per_sample,
)

TARGET_ACCURACY = 0.84
MAX_LEN = 32
BATCH_SIZE = 128
LR = 1e-3
LR_BY_MODEL = {"transformer": 5e-4}  # Chinese-Text-Classification-Pytorch, models/Transformer.py
SEED = 42


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", nargs="+", metavar="NAME",
                        help="models to train (default: every registered model)")
    parser.add_argument("--epochs", type=int, default=3, help="Trainer epochs (default 3)")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"],
                        help="training device (default auto: CUDA, then MPS, then CPU)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    parser.add_argument("--train-rows", type=int, metavar="N",
                        help="train on the first N encoded training rows only (quick timing runs)")
    parser.add_argument("--one", metavar="NAME", help=argparse.SUPPRESS)  # child mode
    return parser.parse_args(argv)



def run_one(name: str, args: argparse.Namespace) -> dict:
    """Train and test one model in this process, as the app does; return its figures."""
    start = time.perf_counter()
    load_start = load_average()
    import torch

    from studio.core.data.dataset import DatasetConfig, load_splits
    from studio.core.data.prepare import EncodedSplit, prepare
    from studio.core.models import build_model, count_parameters, default_config
    from studio.core.report import Reporter
    from studio.core.settings import Settings
    from studio.core.text.config import TextConfig
    from studio.core.text.tokenizers import TokenizerConfig
    from studio.core.training.config import TrainingConfig
    from studio.core.training.device import describe_device
    from studio.core.training.events import EpochEnd, Event
    from studio.core.training.metrics import predict_logits
    from studio.core.training.run import setup_model
    from studio.core.training.trainer import Trainer

    lr = LR_BY_MODEL.get(name, LR)
    settings = Settings(
        dataset=DatasetConfig(**thucnews_dataset()),
        text=TextConfig(tokenizer=TokenizerConfig(type="char"), max_len=MAX_LEN),
        model=default_config(name).model_dump(),
        training=TrainingConfig(epochs=args.epochs, batch_size=BATCH_SIZE, lr=lr, patience=0,
                                seed=SEED, device=args.device),
    )
    data = prepare(load_splits(settings.dataset), settings.text)  # cached, as in the app
    if args.train_rows:
        t = data.train
        data.train = EncodedSplit(t.ids[:args.train_rows], t.lengths[:args.train_rows],
                                  t.labels[:args.train_rows])
    load_seconds = time.perf_counter() - start

    # As execute_run does: seed, build, set up (embedding options, MLP IDF), train.
    torch.manual_seed(settings.training.seed)
    model = build_model(settings.model, len(data.vocab), len(data.label_names))
    coverage = setup_model(model, data)
    trainer = Trainer(settings.training)
    print(f"[{name}] {count_parameters(model):,} parameters, lr {lr}, "
          f"{describe_device(trainer.device)}; data {load_seconds:.1f} s "
          f"({'from cache' if data.from_cache else 'tokenized'})"
          + (f"; pretrained vectors: {coverage.describe()}" if coverage is not None else ""),
          flush=True)

    epoch_events: list[EpochEnd] = []

    def record(event: Event) -> None:
        if isinstance(event, EpochEnd):
            epoch_events.append(event)
            m = event.metrics
            print(f"[{name}]   epoch {event.epoch}: train loss {m['train_loss']:.4f}, "
                  f"val acc {m.get('val_accuracy', float('nan')):.4f}, train {m['seconds']:.1f} s "
                  f"= {len(data.train) / m['seconds']:.0f} samples/s; load {load_average()}",
                  flush=True)

    fit_start, fit_cpu = time.perf_counter(), time.process_time()
    result = trainer.fit(model, data.train, data.validation, data.label_names, data.test,
                         report=Reporter(on_event=record))
    fit_seconds = time.perf_counter() - fit_start
    cpu_share = (time.process_time() - fit_cpu) / max(fit_seconds * torch.get_num_threads(), 1e-9)

    # Training-only throughput: EpochEnd 'seconds' excludes validation (see thucnews.py).
    train_seconds = sum(e.metrics["seconds"] for e in epoch_events)
    train_samples = len(data.train) * len(epoch_events)
    infer_start = time.perf_counter()  # the best-on-dev weights are loaded by now
    predict_logits(model, data.test, trainer.device)
    if trainer.device.type == "cuda":
        torch.cuda.synchronize(trainer.device)
    infer_seconds = time.perf_counter() - infer_start
    test = result.test or {}
    counted_flop, recurrent_flop = training_flop_per_sample(model, data.train, settings.training)
    flop_per_sample = counted_flop + recurrent_flop
    print(f"[{name}] test accuracy {test.get('accuracy', float('nan')):.4f}, macro-F1 "
          f"{test.get('macro_f1', float('nan')):.4f}; train {train_samples / train_seconds:.0f} "
          f"samples/s, inference {len(data.test) / infer_seconds:.0f} samples/s, peak RSS "
          f"{peak_rss_mib():.0f} MiB, CPU share {cpu_share:.0%}", flush=True)
    return {
        "model": name,
        "config": model.config.model_dump(),
        "lr": lr,
        "device": describe_device(trainer.device),
        "threads": torch.get_num_threads(),
        "num_parameters": count_parameters(model),
        "num_train": len(data.train),
        "vocab_size": len(data.vocab),
        "epochs": len(epoch_events),
        "best_epoch": result.best_epoch,
        "status": result.status,
        "test_accuracy": test.get("accuracy"),
        "test_macro_f1": test.get("macro_f1"),
        "train_seconds": train_seconds,
        "train_samples_per_s": train_samples / train_seconds if train_seconds else None,
        "flop_per_sample": flop_per_sample,
        "recurrent_flop_per_sample": recurrent_flop,
        "precision": {torch.bfloat16: "bf16", torch.float16: "fp16"}.get(trainer.autocast, "fp32"),
        "inference_samples_per_s": len(data.test) / infer_seconds,
        "fit_wall_seconds": fit_seconds,
        "read_prepare_seconds": load_seconds,
        "cpu_share_fit": cpu_share,
        "peak_rss_mib": peak_rss_mib(),
        "load_average_start": load_start,
        "load_average_end": load_average(),
        "epoch_metrics": result.epochs,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("Model zoo benchmark")
    if reason:
        print(reason)
        return 0
    sys.path.insert(0, str(ROOT))  # run as `python benchmarks/zoo.py` without installing

    if args.one:  # child: one model, figures to --json
        figures = run_one(args.one, args)
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False),
                                   encoding="utf-8")
        return 0

    import torch

    from studio.core.models import model_names

    classifiers = model_names(task="classification")  # the pair-only models (ESIM, Siamese) need pairs
    names = args.models or classifiers
    unknown = sorted(set(names) - set(classifiers))
    if unknown:
        print(f"unknown or pair-only model(s) {', '.join(unknown)}; choose from {', '.join(classifiers)}")
        return 2
    load_start = load_average()
    print(f"torch {torch.__version__}, Python {platform.python_version()}, "
          f"{torch.get_num_threads()} intra-op threads (default), "
          f"{torch.get_num_interop_threads()} inter-op, {os.cpu_count()} CPUs, "
          f"load average {load_start}")
    print(f"models: {', '.join(names)}; {args.epochs} epoch(s), batch {BATCH_SIZE}, "
          f"max_len {MAX_LEN}, char tokens, patience 0, seed {SEED}; lr "
          + ", ".join(f"{n} {LR_BY_MODEL.get(n, LR)}" for n in names), flush=True)

    script_start = time.perf_counter()
    results: list[dict] = []

    def write_json(**extra) -> None:  # after every model, so an interrupted run keeps its figures
        if not args.json:
            return
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({
            "torch": torch.__version__, "python": platform.python_version(),
            "cpu_count": os.cpu_count(), "threads": torch.get_num_threads(),
            "epochs": args.epochs, "batch_size": BATCH_SIZE, "max_len": MAX_LEN, "seed": SEED,
            "train_rows": args.train_rows, "target_accuracy": TARGET_ACCURACY,
            "load_average_start": load_start, "load_average_end": load_average(), **extra,
            "total_wall_seconds": time.perf_counter() - script_start, "models": results,
        }, indent=2, ensure_ascii=False), encoding="utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            out = Path(tmp) / f"{name}.json"
            command = [sys.executable, str(Path(__file__).resolve()), "--one", name,
                       "--json", str(out), "--epochs", str(args.epochs), "--device", args.device]
            if args.train_rows:
                command += ["--train-rows", str(args.train_rows)]
            start = time.perf_counter()
            code = subprocess.run(command, cwd=ROOT).returncode
            wall = time.perf_counter() - start
            if code == 0 and out.is_file():
                figures = json.loads(out.read_text(encoding="utf-8"))
            else:
                print(f"[{name}] FAILED with exit status {code}", flush=True)
                figures = {"model": name, "error": f"exit status {code}"}
            figures["process_wall_seconds"] = wall
            results.append(figures)
            write_json()
    peak = matmul_peak_gflops("float32") if args.device in ("auto", "cpu") and not torch.cuda.is_available() \
        else float("nan")
    total_seconds = time.perf_counter() - script_start
    load_end = load_average()

    def cell(figures: dict) -> list[str]:
        if "error" in figures:
            return [figures["model"], "", f"**failed** ({figures['error']})", "", "", "", "", "", "", "",
                    f"{figures['process_wall_seconds']:.0f} s", ""]
        acc = figures["test_accuracy"]
        below = acc < TARGET_ACCURACY
        return [
            figures["model"], f"{figures['num_parameters']:,}",
            f"**{acc:.2%}** (< {TARGET_ACCURACY:.0%})" if below else f"{acc:.2%}",
            f"{figures['test_macro_f1']:.2%}",
            f"{figures['train_samples_per_s']:,.0f}",
            f"{figures['train_samples_per_s'] * figures['flop_per_sample'] / 1e9:,.1f}",
            f"{figures['train_samples_per_s'] * figures['flop_per_sample'] / 1e9 / peak:.0%}",
            f"{figures['inference_samples_per_s']:,.0f}",
            f"{figures['peak_rss_mib']:,.0f}",
            f"{figures['epochs']} (best {figures['best_epoch']})",
            f"{figures['process_wall_seconds']:.0f} s", f"{figures['cpu_share_fit']:.0%}",
        ]

    device = next((r["device"] for r in results if "device" in r), args.device)
    print()
    print(f"THUCNews model zoo, {args.epochs} epoch(s), {device}, torch {torch.__version__}, "
          f"{os.cpu_count()} CPUs; load average {load_start} before, {load_end} after; "
          f"total {total_seconds / 60:.1f} min")
    print()
    print(f"fp32 matmul peak measured in this run: {peak:.0f} GFLOP/s (2048^3, CPU flags {cpu_flags()}); "
          "training GFLOP/s = samples/s x FLOP per sample on the Trainer's first batches: matrix products "
          "counted by torch's FlopCounterMode, recurrences by formula (common.training_flop_per_sample)")
    print()
    print("| Model | Parameters | Test accuracy | Macro-F1 | Train samples/s | Train GFLOP/s | "
          "Of fp32 peak | Inference samples/s | Peak RSS (MiB) | Epochs | Wall time | CPU share |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for figures in results:
        print("| " + " | ".join(cell(figures)) + " |")
    low = [r["model"] for r in results if "error" in r or r["test_accuracy"] < TARGET_ACCURACY]
    print()
    print(f"below the {TARGET_ACCURACY:.0%} target: {', '.join(low)}" if low
          else f"every model reached the {TARGET_ACCURACY:.0%} target")
    if any(r.get("cpu_share_fit", 1.0) < 0.85 for r in results):
        print("NOTE: CPU share (process CPU time / (fit wall time x torch threads)) below 85 % "
              "means other processes competed for the cores; those samples/s are low.")

    if args.json:
        write_json(matmul_fp32_gflops=peak)
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
