#!/usr/bin/env python
"""Benchmark: TextCNN on THUCNews word tokens, random embeddings against word2vec trained in the studio.

Run from the repository root::

    python benchmarks/word_vectors.py [--epochs 3] [--w2v-epochs 10] [--vector-size 300]
                                      [--frozen] [--device auto|cpu|cuda|mps] [--json out.json]

It reads ``../shared/data/thucnews/{train,dev,test,class}.txt`` (``headline<TAB>label_id``)
beside the repository and exits with status 0 and a message when they are absent.

What it does, all in this process and through the studio core, headless:

1. word2vec, as the Word vectors tab does it:
   ``studio.core.embeddings.project_vectors.train_project_vectors`` on the training
   split cut by the jieba tokenizer (skip-gram, 300 dimensions, window 5, 5 negative
   samples, min_count 1, 10 epochs, one worker per CPU, seed 42). It reports the wall
   time (jieba tokenizing and gensim training apart) and the coverage of the run's
   vocabulary by the vectors. The vectors file (word2vec binary) is written to the
   studio's scratch folder and deleted at the end unless ``--keep-vectors``.
2. TextCNN (registry defaults: embedding 300, kernels 2/3/4, 256 filters, dropout 0.5),
   trained with ``studio.core.training.run.execute_run`` on the same settings and seed
   for every arm: jieba tokens, max_len 20 (the longest THUCNews headline is 20 jieba
   words, the median 10; the character benchmarks use 32 characters), min_freq 1,
   max_size 50,000 (the 49,870 distinct training words all fit), batch 128, Adam lr
   1e-3, 3 epochs, patience 0 (best-on-dev weights), seed 42. The arms differ only in
   the embedding:

   - ``random``: U[-0.25, 0.25] (Kim 2014), trained;
   - ``word2vec``: ``pretrained_vectors`` = the file from step 1, fine-tuned
     (``freeze_embedding`` False);
   - ``word2vec-frozen`` (only with ``--frozen``): the same vectors, kept fixed.

   The seed is set before each model is built, so the convolution and output weights
   start equal in every arm, and the batch order is the same.

It prints a markdown table: per arm test accuracy and macro-F1 (best-on-dev weights),
training seconds (the Trainer's EpochEnd 'seconds', validation excluded), the wall time
of the whole ``execute_run`` (reading, encoding from the cache, building, training,
validation, test) and the vectors' coverage (vocabulary entries / token occurrences of the training
texts that have a vector). ``--vector-size`` sets both the word2vec size and TextCNN's
``embedding_dim`` (the random arm too), so the arms have the same shapes.
``--train-rows N`` keeps the first N training rows for word2vec and TextCNN alike (the
vocabulary is built from them; dev and test stay whole) for a quick check.

gensim with more than one worker is not bit-for-bit repeatable, so the word2vec arm's
figures move a little between runs; torch keeps its default thread count (no
``set_num_threads``), as in the other benchmarks.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from common import ROOT, first_rows, load_average, missing_data, peak_rss_mib, thucnews_dataset  # noqa: E402

MAX_LEN = 20
MIN_FREQ = 1
MAX_SIZE = 50_000
BATCH_SIZE = 128
LR = 1e-3
SEED = 42
EMBEDDING_DIM = 300  # TextCNNConfig.embedding_dim's default


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=3, help="TextCNN epochs, every arm (default 3)")
    parser.add_argument("--w2v-epochs", type=int, default=10, help="word2vec epochs (default 10)")
    parser.add_argument("--vector-size", type=int, default=EMBEDDING_DIM,
                        help=f"word2vec vector_size and TextCNN embedding_dim (default {EMBEDDING_DIM})")
    parser.add_argument("--algorithm", default="skipgram", choices=["skipgram", "cbow"],
                        help="word2vec algorithm (default skipgram)")
    parser.add_argument("--window", type=int, default=5, help="word2vec window (default 5)")
    parser.add_argument("--min-count", type=int, default=1,
                        help="word2vec min_count (default 1: every training word gets a vector)")
    parser.add_argument("--workers", type=int, default=min(64, os.cpu_count() or 1),
                        help="word2vec threads (default: one per CPU)")
    parser.add_argument("--frozen", action="store_true",
                        help="also train a third arm with the word2vec embedding frozen")
    parser.add_argument("--train-rows", type=int, metavar="N",
                        help="use only the first N training rows (quick checks)")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"],
                        help="training device (default auto: CUDA, then MPS, then CPU)")
    parser.add_argument("--keep-vectors", action="store_true",
                        help="keep the word2vec file in the studio's scratch folder")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("Word vectors benchmark")
    if reason:
        print(reason)
        return 0

    script_start = time.perf_counter()
    sys.path.insert(0, str(ROOT))  # run as `python benchmarks/word_vectors.py` without installing

    import gensim
    import torch

    from studio.core.data.reader import read_table
    from studio.core.embeddings.project_vectors import train_project_vectors, vocabulary_coverage
    from studio.core.embeddings.word2vec import Word2VecConfig, Word2VecProgress
    from studio.core.report import Notice, Reporter, Stage
    from studio.core.settings import Settings
    from studio.core.training.device import choose_device, describe_device
    from studio.core.training.events import EpochEnd, Event
    from studio.core.training.run import execute_run

    def settings_for(pretrained: str = "", frozen: bool = False) -> Settings:
        return Settings.from_dict({
            "dataset": thucnews_dataset(),
            "text": {"tokenizer": {"type": "jieba"}, "max_len": MAX_LEN, "min_freq": MIN_FREQ,
                     "max_size": MAX_SIZE},
            "model": {"type": "textcnn", "embedding_dim": args.vector_size,
                      "pretrained_vectors": pretrained, "freeze_embedding": frozen},
            "training": {"epochs": args.epochs, "batch_size": BATCH_SIZE, "lr": LR, "patience": 0,
                         "seed": SEED, "device": args.device},
        })

    base = settings_for()
    load_start = load_average()
    print(f"torch {torch.__version__}, gensim {gensim.__version__}, Python "
          f"{platform.python_version()}, {torch.get_num_threads()} intra-op threads (default), "
          f"{os.cpu_count()} CPUs, load average {load_start}")

    # ---------------------------------------------------------------- the training rows
    tables = None
    if args.train_rows:  # a shortened training table, used by word2vec and every arm
        d = base.dataset
        table = read_table(d.train, d.delimiter, d.has_header, d.encoding)
        n = args.train_rows
        tables = {d.train: first_rows(table, n)}
        print(f"training rows: first {min(n, table.num_rows):,} of {table.num_rows:,}")

    # ---------------------------------------------------------------- word2vec
    w2v_config = Word2VecConfig(algorithm=args.algorithm, vector_size=args.vector_size,
                                window=args.window, min_count=args.min_count,
                                epochs=args.w2v_epochs, workers=args.workers, seed=SEED)
    print(f"word2vec: {w2v_config.model_dump()}", flush=True)
    marks: dict[str, float] = {}

    shown = {"epochs": 0, "loss": None}

    def w2v_event(progress) -> None:
        if isinstance(progress, Stage):
            if progress.message.code == "vectors.stage_training":
                marks["trained_from"] = time.perf_counter()
            print(f"[word2vec] {progress.message}", flush=True)
            return
        # Called from gensim's corpus thread. ``loss`` is the last finished epoch's and
        # changes exactly when an epoch ends, so print each finished epoch once.
        if isinstance(progress, Word2VecProgress) and progress.loss is not None and progress.loss != shown["loss"]:
            shown["epochs"] += 1
            shown["loss"] = progress.loss
            print(f"[word2vec]   epoch {shown['epochs']}/{progress.epochs} done, loss "
                  f"{progress.loss:,.0f}, {time.perf_counter() - w2v_start:.1f} s", flush=True)

    w2v_start = time.perf_counter()
    added = train_project_vectors(base, tables, w2v_config, Reporter(on_event=w2v_event))
    vector_set, vectors = added.entry, added.vectors
    w2v_seconds = time.perf_counter() - w2v_start
    w2v_tokenize_seconds = marks.get("trained_from", w2v_start) - w2v_start
    w2v_train_seconds = w2v_seconds - w2v_tokenize_seconds
    vectors_path = Path(vector_set.path)
    print(f"[word2vec] {vector_set.describe()}; {w2v_seconds:.1f} s (jieba "
          f"{w2v_tokenize_seconds:.1f} s + gensim {w2v_train_seconds:.1f} s); file {vectors_path} "
          f"({vectors_path.stat().st_size / 2**20:.1f} MiB)", flush=True)
    coverage = vocabulary_coverage(base, tables, vectors)
    print(f"[word2vec] coverage of the TextCNN vocabulary: {coverage.describe()}"
          + (f"; most frequent without a vector: {' '.join(coverage.missing[:10])}"
             if coverage.missing else ""), flush=True)
    del vectors

    # ---------------------------------------------------------------- TextCNN arms
    arms = [("random", settings_for()),
            ("word2vec", settings_for(str(vectors_path)))]
    if args.frozen:
        arms.append(("word2vec-frozen", settings_for(str(vectors_path), frozen=True)))
    device = choose_device(args.device)
    print(f"TextCNN: {args.epochs} epoch(s), jieba tokens, max_len {MAX_LEN}, min_freq {MIN_FREQ}, "
          f"embedding_dim {args.vector_size}, batch {BATCH_SIZE}, lr {LR}, patience 0, seed {SEED}, "
          f"{describe_device(device)}", flush=True)

    results: list[dict] = []
    for name, settings in arms:
        epoch_events: list[EpochEnd] = []
        notes: list[str] = []
        fit_marks: dict[str, float] = {}

        def record(event: Event, name: str = name, epoch_events: list[EpochEnd] = epoch_events,
                   notes: list[str] = notes, fit_marks: dict[str, float] = fit_marks) -> None:
            if isinstance(event, (Stage, Notice)):
                notes.append(str(event.message))
                if isinstance(event, Stage) and event.message.code == "stage.training":
                    # execute_run says so just before Trainer.fit
                    fit_marks["wall"], fit_marks["cpu"] = time.perf_counter(), time.process_time()
                print(f"[{name}] {event.message}", flush=True)
            elif isinstance(event, EpochEnd):
                epoch_events.append(event)
                m = event.metrics
                print(f"[{name}]   epoch {event.epoch}: train loss {m['train_loss']:.4f}, "
                      f"val acc {m.get('val_accuracy', float('nan')):.4f}, train {m['seconds']:.1f} s; "
                      f"load {load_average()}", flush=True)

        start = time.perf_counter()
        run = execute_run(settings, tables, report=Reporter(on_event=record))
        end, end_cpu = time.perf_counter(), time.process_time()
        wall = end - start
        # CPU share of the training (Trainer.fit) only: reading and encoding use one thread
        fit_wall = end - fit_marks.get("wall", start)
        cpu_share = (end_cpu - fit_marks.get("cpu", end_cpu)) / max(fit_wall * torch.get_num_threads(), 1e-9)
        finished = run.finished
        test = finished.get("test") or {}
        train_seconds = sum(e.metrics["seconds"] for e in epoch_events)
        pretrained_note = next((n for n in notes if "vocabulary entries have vectors" in n), None)
        model = settings.model_dump()["model"]
        figures = {
            "arm": name,
            "pretrained_vectors": bool(model["pretrained_vectors"]),
            "freeze_embedding": model["freeze_embedding"],
            "status": finished.get("status"),
            "best_epoch": finished.get("best_epoch"),
            "epochs": len(epoch_events),
            "vocab_size": len(run.vocab),
            "test_accuracy": test.get("accuracy"),
            "test_macro_f1": test.get("macro_f1"),
            "train_seconds": train_seconds,
            "run_wall_seconds": wall,
            "fit_wall_seconds": fit_wall,
            "cpu_share": cpu_share,
            "pretrained_note": pretrained_note,
            "epoch_metrics": [e.metrics for e in epoch_events],
        }
        results.append(figures)
        print(f"[{name}] test accuracy {figures['test_accuracy']:.4f}, macro-F1 "
              f"{figures['test_macro_f1']:.4f} (best epoch {figures['best_epoch']}, "
              f"{figures['status']}); train {train_seconds:.1f} s, run {wall:.1f} s, CPU share "
              f"{cpu_share:.0%}", flush=True)
        if pretrained_note is None and model["pretrained_vectors"]:
            print(f"[{name}] WARNING: the run reported no pretrained-vectors coverage notice")
        del run

    if not args.keep_vectors:
        vectors_path.unlink(missing_ok=True)
    total_seconds = time.perf_counter() - script_start
    load_end = load_average()

    figures = {
        "torch": torch.__version__, "gensim": gensim.__version__, "python": platform.python_version(),
        "cpu_count": os.cpu_count(), "threads": torch.get_num_threads(),
        "device": describe_device(device), "train_rows": args.train_rows,
        "epochs": args.epochs, "batch_size": BATCH_SIZE, "lr": LR, "seed": SEED,
        "max_len": MAX_LEN, "min_freq": MIN_FREQ, "max_size": MAX_SIZE,
        "embedding_dim": args.vector_size,
        "word2vec": {
            "config": w2v_config.model_dump(), "words": vector_set.count,
            "wall_seconds": w2v_seconds, "tokenize_seconds": w2v_tokenize_seconds,
            "train_seconds": w2v_train_seconds,
            "path": str(vectors_path) if args.keep_vectors else None,
        },
        "coverage": {
            "vocab_found": coverage.vocab_found, "vocab_total": coverage.vocab_total,
            "vocab_share": coverage.vocab_share,
            "occurrences_found": coverage.occurrences_found,
            "occurrences_total": coverage.occurrences_total,
            "occurrence_share": coverage.occurrence_share, "missing": list(coverage.missing),
        },
        "arms": results,
        "peak_rss_mib": peak_rss_mib(),
        "load_average_start": load_start, "load_average_end": load_end,
        "total_wall_seconds": total_seconds,
    }

    def coverage_cell(arm: dict) -> str:
        if not arm["pretrained_vectors"]:
            return "–"
        return f"{coverage.vocab_share:.1%} / {coverage.occurrence_share:.1%}"

    rows_note = f", first {args.train_rows:,} training rows" if args.train_rows else ""
    print()
    print(f"THUCNews TextCNN on jieba words{rows_note}, {args.epochs} epoch(s), "
          f"{describe_device(device)}, torch {torch.__version__}, {os.cpu_count()} CPUs; "
          f"load average {load_start} before, {load_end} after; total {total_seconds / 60:.1f} min")
    print(f"word2vec: {args.algorithm}, {args.vector_size} dimensions, window {args.window}, "
          f"min_count {args.min_count}, {args.w2v_epochs} epochs, {args.workers} workers: "
          f"{vector_set.count:,} words in {w2v_seconds:.1f} s (jieba {w2v_tokenize_seconds:.1f} s "
          f"+ gensim {w2v_train_seconds:.1f} s)")
    print()
    print("| Embedding | Test accuracy | Macro-F1 | Train seconds | Run wall time | "
          "Coverage (vocab / tokens) |")
    print("|---|---:|---:|---:|---:|---:|")
    for arm in results:
        print(f"| {arm['arm']} | {arm['test_accuracy']:.2%} | {arm['test_macro_f1']:.2%} | "
              f"{arm['train_seconds']:.1f} s | {arm['run_wall_seconds']:.1f} s | {coverage_cell(arm)} |")
    print()
    baseline = results[0]
    for arm in results[1:]:
        print(f"{arm['arm']} - random: {100 * (arm['test_accuracy'] - baseline['test_accuracy']):+.2f} "
              f"points of test accuracy, {100 * (arm['test_macro_f1'] - baseline['test_macro_f1']):+.2f} "
              "of macro-F1")
    print(f"peak RSS {peak_rss_mib():,.0f} MiB")
    if device.type == "cpu" and any(r["cpu_share"] < 0.85 for r in results):
        print("NOTE: CPU share (process CPU time / (Trainer.fit wall time x torch threads)) below "
              "85 % in an arm: other processes competed for the cores, so its seconds are high.")

    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"\nfigures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
