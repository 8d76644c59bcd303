#!/usr/bin/env python
"""Benchmark: what pruning saves in a hyperparameter search, and what the search finds.

Run from the repository root::

    python benchmarks/search.py [--trials 20] [--epochs 8] [--train-rows 5000]
                                [--pruners median,hyperband] [--json out.json]

Studies of TextCNN on a THUCNews slice (the first ``--train-rows`` of train.txt; dev.txt
validates, test.txt tests), through :func:`studio.core.search.study.run_search` as the
Search view and ``studio search`` run it: the same space (lr, dropout, num_filters,
kernel_sizes), the same seeded TPE sampler and the same budget of trials, once with each
pruner of ``--pruners`` and once without. Then the studio's default TextCNN settings
trained the same way, for the best found vs the defaults.

Each trial trains ``--epochs`` epochs unless pruned: a search is for settings trained to
convergence, and a pruner can save at most the epochs after its first judgement (with 4
epochs a trial pruned at epoch 1 saves 3/4 of itself; with 8, 7/8).

Prints, per study: the best validation accuracy found, that trial's test accuracy, wall
time, trials pruned, and epochs trained; then the wall time each pruner saved. Target (issue
19): pruning saves at least 30 % of the wall time, with the best validation accuracy within
0.5 points of the search without pruning.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, first_rows, load_average, missing_data, peak_rss_mib, thucnews_dataset  # noqa: E402

TARGET_SAVING = 0.30
TARGET_GAP = 0.005
SPACE = ("training.lr", "model.dropout", "model.num_filters", "model.kernel_sizes")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20, help="trials per study (default 20)")
    parser.add_argument("--epochs", type=int, default=8, help="epochs per trial (default 8)")
    parser.add_argument("--train-rows", type=int, default=5000, help="training rows (default 5000)")
    parser.add_argument("--pruners", default="median,hyperband",
                        help="comma-separated pruners to compare with no pruning (default median,hyperband)")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)


def study(settings, tables, pruner: str, trials: int, folder: Path) -> dict:
    from studio.core.project_runs import read_run
    from studio.core.search.space import propose
    from studio.core.search.study import SearchConfig, run_search

    search = SearchConfig(name=pruner, space=propose(settings, list(SPACE)), trials=trials, pruner=pruner, seed=7)
    started = time.perf_counter()
    result = run_search(settings, search, folder, tables)
    wall = time.perf_counter() - started
    best = result.best
    test = read_run(folder / "runs" / best.run_id).finished["test"]["accuracy"] if best else float("nan")
    return {"pruner": pruner, "wall_s": wall, "best_val": best.value if best else float("nan"),
            "best_test": test, "best_trial": best.number if best else None,
            "best_params": best.params if best else {},
            "pruned": sum(r.state == "pruned" for r in result.records),
            "invalid": sum(r.state == "invalid" for r in result.records),
            "epochs_trained": sum(len(r.curve) for r in result.records)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("search benchmark")
    if reason:
        print(reason)
        return 0
    sys.path.insert(0, str(ROOT))
    import torch

    from studio.core.data.reader import read_table
    from studio.core.settings import Settings
    from studio.core.training.run import execute_run

    dataset = thucnews_dataset()
    table = first_rows(read_table(dataset["train"]), args.train_rows)
    tables = {dataset["train"]: table}
    settings = Settings.from_dict({
        "dataset": dataset, "text": {"max_len": 32}, "model": {"type": "textcnn"},
        "training": {"epochs": args.epochs, "batch_size": 128, "patience": 0, "seed": 42, "device": args.device}})
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} CPUs, "
          f"load average {load_average()}")
    print(f"TextCNN on THUCNews: {table.num_rows:,} training rows, {args.epochs} epochs per trial, "
          f"{args.trials} trials per study, space {', '.join(SPACE)}, TPE seed 7")

    figures = []
    with tempfile.TemporaryDirectory(prefix="search-bench-") as temp:
        for pruner in ["none", *args.pruners.split(",")]:
            row = study(settings, tables, pruner, args.trials, Path(temp) / pruner)
            figures.append(row)
            print(f"{pruner:>6}: best val {row['best_val']:.4f} (trial {row['best_trial']}), test "
                  f"{row['best_test']:.4f}; {row['wall_s']:.0f} s; {row['pruned']} pruned, "
                  f"{row['epochs_trained']} epochs trained")
        started = time.perf_counter()
        default = execute_run(settings, tables)
        default_wall = time.perf_counter() - started
    scores = [e["metrics"]["val_accuracy"] for e in default.events if e.get("event") == "epoch_end"]
    defaults = {"best_val": max(scores), "test": default.finished["test"]["accuracy"], "wall_s": default_wall}
    full, *pruned_studies = figures
    print(f"defaults (studio's TextCNN, lr 1e-3): best val {defaults['best_val']:.4f}, test "
          f"{defaults['test']:.4f}, {default_wall:.0f} s")
    for pruned in pruned_studies:
        pruned["saving"] = saving = 1 - pruned["wall_s"] / full["wall_s"]
        pruned["gap"] = gap = full["best_val"] - pruned["best_val"]
        print(f"{pruned['pruner']}: saved {saving:.1%} of the wall time (target >= {TARGET_SAVING:.0%}: "
              f"{'met' if saving >= TARGET_SAVING else 'MISSED'}); best val {gap * 100:+.2f} points behind "
              f"the unpruned study (target <= {TARGET_GAP * 100:.1f}: {'met' if gap <= TARGET_GAP else 'MISSED'}); "
              f"vs defaults: val {pruned['best_val'] - defaults['best_val']:+.4f}, "
              f"test {pruned['best_test'] - defaults['test']:+.4f}")
    print(f"peak RSS {peak_rss_mib():,.0f} MiB")
    if args.json:
        Path(args.json).write_text(json.dumps({"studies": figures, "defaults": defaults}, indent=2),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
