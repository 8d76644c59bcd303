#!/usr/bin/env python
"""Benchmark: sentence-pair matching on LCQMC (ESIM, Siamese BiLSTM, `a <sep> b` TextCNN)
through the studio core.

Run from the repository root::

    python benchmarks/pairs.py [--models esim,siamese,textcnn] [--epochs 3] [--train-rows N]
                               [--device auto|cpu|cuda] [--json out.json]

It reads ``../shared/data/lcqmc/{train,dev}.txt`` (``text_a<TAB>text_b<TAB>label``, no
header) beside the repository and exits with status 0 and a message when they are absent.

Each model goes the app's own path, headless: ``Settings`` -> ``execute_run`` (read, encode
with character tokens and max_len 32 per side, build, ``Trainer.fit``, test), batch 128,
Adam lr 1e-3, patience 0, seed 42 (``--seed``). The dataset is a pair task (second text column 1,
label column 2) with ``train.txt`` as the training file and ``dev.txt`` as both the
validation and the test file: LCQMC's test split is kept outside the repository, so the
figures are dev figures, as published LCQMC dev results are (the best epoch and the
binary decision threshold are chosen on dev too; ROC-AUC and the accuracy at argmax do not
depend on the threshold).

Per model it prints dev accuracy (argmax), positive-class F1 (argmax, and at the threshold
the run chose), ROC-AUC and PR-AUC (the test report's ``binary`` section, from
:mod:`studio.core.training.pair_metrics`), training pairs/s (EpochEnd ``seconds``, training
only; BatchEnd-weighted as a cross-check), wall time and the peak resident set. On the CPU
it also measures the matrix-multiply peak and prints each model's training FLOP per pair
(:func:`common.training_flop_per_sample`), the share of that peak the training reached and
the time an LCQMC epoch would take at the peak: the floor no implementation of the model
goes below on this machine.

Targets (issue 16): ESIM dev accuracy >= 86 %; an epoch of LCQMC train (238,766 pairs)
in under 3 minutes on the 2-core CPU, i.e. >= ~1,500 pairs/s. Siamese and the baseline are
reported without targets. torch keeps its default thread count.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from common import (  # noqa: E402
    ROOT,
    cpu_flags,
    first_rows,
    load_average,
    matmul_peak_gflops,
    missing_data,
    peak_rss_mib,
    training_flop_per_sample,
)

DATA = ROOT.parent / "shared" / "data" / "lcqmc"
FILES = ("train.txt", "dev.txt")
LCQMC_TRAIN_PAIRS = 238_766

TARGET_ESIM_ACCURACY = 0.86
TARGET_EPOCH_SECONDS = 180.0
TARGET_PAIRS_PER_S = LCQMC_TRAIN_PAIRS / TARGET_EPOCH_SECONDS  # ~1,326; the issue rounds to 1,500

MODELS = ("esim", "siamese", "textcnn")
MAX_LEN = 32
BATCH_SIZE = 128
LR = 1e-3
SEED = 42


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", default=",".join(MODELS),
                        help=f"comma-separated models to train (default {','.join(MODELS)})")
    parser.add_argument("--epochs", type=int, default=3, help="Trainer epochs (default 3)")
    parser.add_argument("--train-rows", type=int, default=0, metavar="N",
                        help="train on the first N training rows only, for a quick check (default: all)")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"],
                        help="training device (default auto: CUDA when present, else CPU)")
    parser.add_argument("--no-length-buckets", dest="length_buckets", action="store_false",
                        help="train on plain random batches padded to max_len (TrainingConfig.length_buckets "
                             "off), to measure what batching by length gives")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"batch size (default {BATCH_SIZE})")
    parser.add_argument("--lr", type=float, default=LR, help=f"Adam learning rate (default {LR})")
    parser.add_argument("--lr-schedule", default="constant", choices=["constant", "step", "cosine"],
                        help="TrainingConfig.lr_schedule (default constant)")
    parser.add_argument("--grad-clip", type=float, default=0.0, help="gradient clip norm (default 0: off)")
    parser.add_argument("--label-smoothing", type=float, default=0.0,
                        help="TrainingConfig.label_smoothing (default 0: off)")
    parser.add_argument("--ema-decay", type=float, default=0.0,
                        help="TrainingConfig.ema_decay: validate and keep an exponential moving average of "
                             "the weights (e.g. 0.999; default 0: off)")
    parser.add_argument("--rdrop-alpha", type=float, default=0.0,
                        help="TrainingConfig.rdrop_alpha: each batch runs twice and the symmetric KL between "
                             "the two predictions, times this, joins the loss (R-Drop; default 0: off)")
    parser.add_argument("--swap-pairs", action="store_true",
                        help="TrainingConfig.swap_pairs: each epoch shows a random half of the training pairs "
                             "as (b, a)")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="a model setting for every model, e.g. --set dropout=0.3 (repeatable)")
    parser.add_argument("--char-vectors", action="store_true",
                        help="initialise each model's embedding with word2vec (skip-gram, 300 dimensions) "
                             "trained here on the characters of the training texts, as the Vectors tab does")
    parser.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16", "fp16"],
                        help="TrainingConfig.precision (default auto: bf16 mixed precision where the "
                             "hardware has native bf16, else fp32)")
    parser.add_argument("--save-project", metavar="PATH",
                        help="save the runs trained here as a project (for benchmarks/retrieval.py --project, "
                             "or to open in the studio)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"TrainingConfig.seed (default {SEED})")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    args.model_options = {}
    for item in args.set:
        field, _, value = item.partition("=")
        if not value:
            parser.error(f"--set: expected FIELD=VALUE, got {item!r}")
        args.model_options[field.strip()] = json.loads(value) if value[:1] in "0123456789-[{tf" else value
    args.models = [m.strip() for m in args.models.split(",") if m.strip()]
    unknown = [m for m in args.models if m not in MODELS]
    if unknown or not args.models:
        parser.error(f"--models: choose from {', '.join(MODELS)} (got {args.models})")
    return args


def char_vectors(train_path: str, rows: int) -> str:
    """word2vec on the characters of both sides of the (first ``rows``) training pairs,
    through the studio's embeddings code, saved as a word2vec binary file; its path."""
    import tempfile

    from studio.core.embeddings.vectors import save_vectors
    from studio.core.embeddings.word2vec import Word2VecConfig, train_word2vec
    from studio.core.report import Reporter
    from studio.core.text.tokenizers import Tokenizer, TokenizerConfig

    texts: list[str] = []
    with open(train_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if rows and number >= rows:
                break
            texts += line.rstrip("\n").split("\t")[:2]
    start = time.perf_counter()
    sentences = Tokenizer(TokenizerConfig(type="char")).tokenize_many(texts)
    vectors = train_word2vec(sentences, Word2VecConfig(vector_size=300, min_count=2, epochs=5, workers=2), Reporter())
    path = save_vectors(vectors, Path(tempfile.mkdtemp(prefix="pairs-char-w2v-")) / "lcqmc-char.bin")
    print(f"char word2vec: {len(sentences):,} texts, {len(vectors):,} characters x {vectors.vector_size}, "
          f"{time.perf_counter() - start:.0f} s -> {path}", flush=True)
    return str(path)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("LCQMC pair benchmark", DATA, FILES)
    if reason:
        print(reason)
        return 0

    script_start = time.perf_counter()
    sys.path.insert(0, str(ROOT))  # run as `python benchmarks/pairs.py` without installing

    import torch

    from studio.core.data.dataset import DatasetConfig
    from studio.core.data.reader import read_table
    from studio.core.inference.predictor import Predictor
    from studio.core.models import count_parameters
    from studio.core.project import Project
    from studio.core.report import Reporter
    from studio.core.settings import Settings
    from studio.core.text.config import TextConfig
    from studio.core.text.tokenizers import TokenizerConfig
    from studio.core.training.config import TrainingConfig
    from studio.core.training.events import BatchEnd, EpochEnd, Event
    from studio.core.training.run import execute_run, prepare_run

    train_path, dev_path = str(DATA / "train.txt"), str(DATA / "dev.txt")
    dataset = DatasetConfig(train=train_path, validation=dev_path, test=dev_path,
                            text_column=0, text_pair_column=1, label_column=2,
                            has_header=False, delimiter="\t", encoding="utf-8")
    tables = None
    if args.train_rows:
        table = read_table(train_path, dataset.delimiter, dataset.has_header, dataset.encoding)
        tables = {train_path: first_rows(table, args.train_rows)}

    print(f"torch {torch.__version__}, Python {platform.python_version()}, "
          f"{torch.get_num_threads()} intra-op threads (default), {os.cpu_count()} CPUs, "
          f"load average {load_average()}")
    print(f"data: {DATA} (train {'first ' + str(args.train_rows) + ' rows of ' if args.train_rows else ''}"
          f"train.txt; validation = test = dev.txt); char tokens, max_len {MAX_LEN} per side; "
          f"{args.epochs} epoch(s), batch {args.batch_size}, lr {args.lr} ({args.lr_schedule}), "
          f"grad clip {args.grad_clip}, label smoothing {args.label_smoothing}, EMA decay {args.ema_decay}, "
          f"R-Drop alpha {args.rdrop_alpha}, swap pairs {args.swap_pairs}, "
          f"model settings {args.model_options or 'default'}, patience 0, seed {args.seed}, "
          f"batches by length {'on' if args.length_buckets else 'off'}")

    if args.char_vectors:
        args.model_options.setdefault("pretrained_vectors", char_vectors(train_path, args.train_rows))
    results: dict[str, dict] = {}
    project = None
    device_names: set[str] = set()
    for name in args.models:
        settings = Settings(
            dataset=dataset,
            text=TextConfig(tokenizer=TokenizerConfig(type="char"), max_len=MAX_LEN),
            model={"type": name, **args.model_options},
            training=TrainingConfig(epochs=args.epochs, batch_size=args.batch_size, lr=args.lr,
                                    lr_schedule=args.lr_schedule, grad_clip=args.grad_clip, patience=0,
                                    ema_decay=args.ema_decay, swap_pairs=args.swap_pairs,
                                    label_smoothing=args.label_smoothing, rdrop_alpha=args.rdrop_alpha,
                                    seed=args.seed, device=args.device, length_buckets=args.length_buckets,
                                    precision=args.precision),
        )
        batch_events: list[BatchEnd] = []
        epoch_events: list[EpochEnd] = []

        def record(event: Event, batch_events=batch_events, epoch_events=epoch_events) -> None:
            if isinstance(event, BatchEnd):
                batch_events.append(event)
            elif isinstance(event, EpochEnd):
                epoch_events.append(event)
                m = event.metrics
                print(f"    epoch {event.epoch}: train loss {m['train_loss']:.4f}, "
                      f"val acc {m.get('val_accuracy', float('nan')):.4f}, train {m['seconds']:.1f} s",
                      flush=True)

        print(f"\n== {name}", flush=True)
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        run = execute_run(settings, tables, Reporter(on_event=record))
        wall = time.perf_counter() - wall_start
        cpu = time.process_time() - cpu_start
        finished = next(e for e in reversed(run.events) if e.get("event") == "run_finished")
        started = next((e for e in run.events if e.get("event") == "run_started"), {})
        test = finished.get("test") or {}
        binary = test.get("binary") or {}
        positive = binary.get("positive", "1")
        f1_argmax = next((c["f1"] for c in test.get("per_class", []) if str(c["label"]) == positive),
                         float("nan"))

        steps = max((e.step for e in batch_events), default=0)
        num_train = int(started["num_train"])  # training pairs per epoch (RunStarted)
        device_names.add(f"{started.get('device', args.device)} {started.get('precision') or 'fp32'}")
        train_seconds = sum(e.metrics["seconds"] for e in epoch_events)
        pairs = num_train * len(epoch_events)
        pairs_per_s = pairs / train_seconds if train_seconds else float("nan")
        # BatchEnd windows tile each epoch; each holds samples_per_s * duration pairs
        window_time, window_pairs, last_step = 0.0, 0, 0
        batch_size = args.batch_size
        steps_per_epoch = -(-num_train // batch_size)
        for event in batch_events:
            n = 0
            for step in range(last_step + 1, event.step + 1):
                in_epoch = (step - 1) % steps_per_epoch
                n += min(batch_size, num_train - in_epoch * batch_size)
            last_step = event.step
            window_pairs += n
            window_time += n / event.samples_per_s if event.samples_per_s else 0.0
        batchend_pps = window_pairs / window_time if window_time else float("nan")
        results[name] = {
            "status": finished.get("status"),
            "best_epoch": finished.get("best_epoch"),
            "epochs": len(epoch_events),
            "num_train": num_train,
            "steps": steps,
            "dev_accuracy": test.get("accuracy"),
            "dev_macro_f1": test.get("macro_f1"),
            "dev_f1_positive_argmax": f1_argmax,
            "threshold": binary.get("threshold"),
            "dev_accuracy_at_threshold": binary.get("accuracy"),
            "dev_f1_positive_at_threshold": binary.get("f1"),
            "dev_precision_at_threshold": binary.get("precision"),
            "dev_recall_at_threshold": binary.get("recall"),
            "roc_auc": binary.get("roc_auc"),
            "pr_auc": binary.get("pr_auc"),
            "train_seconds": train_seconds,
            "train_pairs_per_s": pairs_per_s,
            "train_pairs_per_s_batchend": batchend_pps,
            "epoch_seconds_full_lcqmc_estimate": LCQMC_TRAIN_PAIRS / pairs_per_s if pairs_per_s else None,
            "wall_seconds": wall,
            "cpu_share": cpu / max(wall * torch.get_num_threads(), 1e-9),
            "peak_rss_mib_after": peak_rss_mib(),
            "num_parameters": count_parameters(Predictor(run).model),
            "model_config": run.config.get("model"),
            "precision": started.get("precision") or "fp32",
            "device_kind": started.get("device_kind") or "cpu",
        }
        # the same model and batches, freshly built: what a training step has to compute
        prepared = prepare_run(settings, tables, Reporter())
        counted, recurrent = training_flop_per_sample(prepared.model, prepared.data.train, settings.training)
        del prepared
        results[name].update(flop_per_pair=counted + recurrent, recurrent_flop_per_pair=recurrent)
        r = results[name]
        print(f"  dev accuracy {r['dev_accuracy']:.4f} (argmax), F1+ {f1_argmax:.4f}; at threshold "
              f"{r['threshold']}: accuracy {r['dev_accuracy_at_threshold']:.4f}, F1+ "
              f"{r['dev_f1_positive_at_threshold']:.4f}; ROC-AUC {r['roc_auc']:.4f}, PR-AUC {r['pr_auc']:.4f}")
        print(f"  training FLOP per pair {r['flop_per_pair'] / 1e6:,.1f} M (recurrences "
              f"{recurrent / (counted + recurrent):.0%}), {pairs_per_s * r['flop_per_pair'] / 1e9:,.1f} GFLOP/s")
        print(f"  training {pairs_per_s:,.0f} pairs/s ({pairs} pairs / {train_seconds:.1f} s, EpochEnd); "
              f"BatchEnd-weighted {batchend_pps:,.0f}; wall {wall:.1f} s; CPU share {r['cpu_share']:.0%}; "
              f"peak RSS so far {r['peak_rss_mib_after']:,.0f} MiB", flush=True)
        if args.save_project:
            project = project or Project(settings, name="pairs-benchmark")
            project.runs.append(run)
        del run

    if project is not None:
        print(f"saved {project.save(args.save_project)}", flush=True)

    # measured after the training, in the same process, so both see the same machine and load;
    # the CPU's peak says nothing of a run on a GPU
    peaks = {p: matmul_peak_gflops(dtype) for p, dtype in (("fp32", "float32"), ("bf16", "bfloat16"))
             if any(r["precision"] == p and r["device_kind"] == "cpu" for r in results.values())}
    for r in results.values():
        peak = peaks.get(r["precision"]) if r["device_kind"] == "cpu" else None
        r["matmul_peak_gflops"] = peak
        r["share_of_peak"] = r["train_pairs_per_s"] * r["flop_per_pair"] / 1e9 / peak if peak else None
        r["epoch_seconds_at_peak"] = LCQMC_TRAIN_PAIRS * r["flop_per_pair"] / 1e9 / peak if peak else None
    total = time.perf_counter() - script_start
    device = ", ".join(sorted(device_names)) or args.device

    def verdict(ok: bool) -> str:
        return "yes" if ok else "**no**"

    def pct(v) -> str:
        return "n/a" if v is None or v != v else f"{v:.2%}"

    def num(v, fmt="{:.4f}") -> str:
        return "n/a" if v is None or v != v else fmt.format(v)

    print()
    print(f"LCQMC dev, {args.epochs} epoch(s), train "
          f"{args.train_rows or 'all'} rows, device {device}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads; whole benchmark {total:.1f} s, peak RSS {peak_rss_mib():,.0f} MiB")
    print()
    print("| Model | Dev acc | F1+ (argmax) | F1+ (thr) | ROC-AUC | Train pairs/s | "
          "Est. full epoch | Of matmul peak | Epoch at peak | Wall | Peak RSS | Targets met |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, r in results.items():
        speed_ok = r["train_pairs_per_s"] >= TARGET_PAIRS_PER_S
        if name == "esim":
            met = (f"acc >= {TARGET_ESIM_ACCURACY:.0%}: {verdict((r['dev_accuracy'] or 0) >= TARGET_ESIM_ACCURACY)}; "
                   f"epoch < 3 min: {verdict(speed_ok)}")
        else:
            met = f"epoch < 3 min: {verdict(speed_ok)} (reported, no target)"
        est = r["epoch_seconds_full_lcqmc_estimate"]
        print(f"| {name} | {pct(r['dev_accuracy'])} | {pct(r['dev_f1_positive_argmax'])} | "
              f"{pct(r['dev_f1_positive_at_threshold'])} (t={num(r['threshold'], '{:.3f}')}) | "
              f"{num(r['roc_auc'])} | {r['train_pairs_per_s']:,.0f} | "
              f"{num(est, '{:.0f} s')} | {pct(r['share_of_peak'])} | {num(r['epoch_seconds_at_peak'], '{:.0f} s')} | "
              f"{r['wall_seconds']:.1f} s | {r['peak_rss_mib_after']:,.0f} MiB | {met} |")
    print()
    print(f"Targets: ESIM dev accuracy >= {TARGET_ESIM_ACCURACY:.0%}; an LCQMC train epoch "
          f"({LCQMC_TRAIN_PAIRS:,} pairs) < {TARGET_EPOCH_SECONDS:.0f} s, i.e. >= {TARGET_PAIRS_PER_S:,.0f} "
          "pairs/s (the issue rounds it to ~1,500). Peak RSS is the process's, cumulative over the models run "
          "before. Threshold chosen on dev (validation = test = dev).")
    if peaks:
        print(f"Matrix-multiply peak of this CPU in this run (2048^3, {torch.get_num_threads()} threads, flags "
              f"{cpu_flags()}): " + ", ".join(f"{p} {g:,.0f} GFLOP/s" for p, g in peaks.items()) + ". "
              "Training FLOP per pair: matrix products counted by torch's FlopCounterMode on the Trainer's first "
              "batches, recurrences by formula (common.training_flop_per_sample). 'Epoch at peak' is an LCQMC "
              "epoch's FLOP at that rate: no implementation of the same model on this CPU trains an epoch faster.")

    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        figures = {"torch": torch.__version__, "device": str(device), "threads": torch.get_num_threads(),
                   "epochs": args.epochs, "train_rows": args.train_rows or None, "max_len": MAX_LEN,
                   "batch_size": args.batch_size, "lr": args.lr, "lr_schedule": args.lr_schedule,
                   "grad_clip": args.grad_clip, "label_smoothing": args.label_smoothing,
                   "ema_decay": args.ema_decay, "swap_pairs": args.swap_pairs,
                   "rdrop_alpha": args.rdrop_alpha, "model_options": args.model_options, "seed": args.seed,
                   "total_wall_seconds": total,
                   "peak_rss_mib": peak_rss_mib(), "models": results, "cpu_flags": cpu_flags(),
                   "targets": {"esim_dev_accuracy": TARGET_ESIM_ACCURACY,
                               "epoch_seconds": TARGET_EPOCH_SECONDS,
                               "train_pairs_per_s": TARGET_PAIRS_PER_S}}
        path.write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        print(f"\nfigures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
