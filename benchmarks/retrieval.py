#!/usr/bin/env python
"""Benchmark: question retrieval on LCQMC through the studio core: recall (BM25 over
characters and jieba words, averaged word vectors, Siamese sentence vectors), reranking
with ESIM, and latency on a 100,000-question bank.

Run from the repository root::

    python benchmarks/retrieval.py [--train-rows 100000] [--epochs 1] [--queries 1000] [--threads 1]
                                   [--project P.studio --esim RUN --siamese RUN] [--json out.json]

It reads ``../shared/data/lcqmc/{train,dev}.txt`` beside the repository and exits with
status 0 and a message when they are absent.

Quality (LCQMC dev, :func:`studio.core.retrieval.read_retrieval_set`): each pair labelled 1
gives a query (text_a) whose answer is its text_b, in a bank of every distinct text_b of
dev.txt (8,631); the first ``--queries`` of its 4,402 queries are measured. Each recall
method recalls the top 20 per query; Recall@1/5/10/20 and MRR@10 are measured alone and
after reranking those 20 with ESIM as the studio does (:func:`studio.core.retrieval.reranked_order`:
ESIM's match log-odds plus the recall weight, default 1, times the recall score standardised
over the query's 20; :class:`studio.core.retrieval.PairScorer`, each query and candidate
tokenized once), and by ESIM's match probability alone (weight 0).
The pair runs (ESIM and a Siamese BiLSTM, character tokens, max_len 32) are trained here
with ``execute_run`` on the first ``--train-rows`` pairs of train.txt (validation = test =
the first ``--dev-rows`` pairs of dev.txt), smaller than the studio's defaults, batch 64, lr 2e-3,
or taken from ``--project``. The word vectors are word2vec skip-gram, 100 dimensions, 5
epochs, min count 2, trained here with the studio's embeddings code on jieba words of the
same train rows (both sides): no vector set outside the repository is used.

Latency: a bank of the first 100,000 distinct questions of train.txt (both sides); per
query (``--latency-queries`` dev queries, one at a time, after a warm-up) the recall of the
top 20 by BM25 (char) and by cosine (word vectors; Siamese vectors, query encoding
included), and ESIM reranking of those 20; p50 and p95 wall milliseconds, and the p50 of
the process's CPU time (what a call takes on an idle core with one thread; on a shared
machine the wall time includes waiting for a core). torch runs ``--threads`` intra-op
threads (default 1; reranking is also timed at torch's default on 50 queries). It also times
building the indexes and loading the BM25 index (rebuilt from the saved bank, the studio's
choice) against bm25s's own save/load.

To read the quality figures (:mod:`retrieval_analysis`): the MRR@10 difference between the
best reranked and the best recall, with a 95 % paired-bootstrap interval over the queries
(and the same for ESIM alone); MRR@10 across recall weights, and with the weight chosen on
one half of the queries and measured on the other (so no figure rests on a weight tuned
on the queries it is measured on); and what LCQMC's single-answer labels allow (queries
sharing their text with different answers, queries whose own text is in the bank).

Targets (issue 16): recall p50 < 20 ms on the 100,000-question bank; reranking the top 20
< 50 ms; reranking improves MRR@10 over the best recall method. The machine may be shared,
so the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from common import ROOT, first_rows, load_average, missing_data, peak_rss_mib  # noqa: E402
from retrieval_analysis import label_ceiling, paired_bootstrap, reciprocal_ranks, weight_sweep  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "lcqmc"
FILES = ("train.txt", "dev.txt")
DEPTH = 20
SCORE_BLOCK = 256  # queries whose candidates ESIM scores in one call
BANK_SIZE = 100_000
TARGET_RECALL_MS = 20.0
TARGET_RERANK_MS = 50.0
MAX_LEN = 32
BATCH_SIZE, LR = 64, 2e-3  # more, larger steps than pairs.py's 128 / 1e-3: the runs see one epoch of a slice
# smaller than the studio's defaults (300/128) to train in minutes on a shared 2-core CPU
MODELS = {"esim": {"type": "esim", "embedding_dim": 64, "hidden_size": 64},
          "siamese": {"type": "siamese", "embedding_dim": 128, "hidden_size": 128}}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train-rows", type=int, default=100_000, metavar="N",
                        help="train the pair runs and word2vec on the first N pairs of train.txt (default 100000)")
    parser.add_argument("--dev-rows", type=int, default=2000, metavar="N",
                        help="validate (and test) the pair runs on the first N pairs of dev.txt (default 2000)")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch intra-op threads (default 1: one query's 20 pairs are too small a batch "
                             "to share, and on a shared machine extra threads only wait on each other)")
    parser.add_argument("--epochs", type=int, default=1, help="epochs of the pair runs (default 1)")
    parser.add_argument("--queries", type=int, default=1000, metavar="N",
                        help="measure quality on the first N dev queries, 0 for all 4,402 (default 1000)")
    parser.add_argument("--latency-queries", type=int, default=200, metavar="N",
                        help="dev queries timed one at a time on the 100,000-question bank (default 200)")
    parser.add_argument("--bank-size", type=int, default=BANK_SIZE, help="latency bank size (default 100000)")
    parser.add_argument("--project", help="take the pair runs from this project instead of training them")
    parser.add_argument("--esim", metavar="RUN_ID", help="with --project: the ESIM run (default: its last)")
    parser.add_argument("--siamese", metavar="RUN_ID", help="with --project: the Siamese run (default: its last)")
    parser.add_argument("--save-project", metavar="PATH",
                        help="save the pair runs trained here as a project, for --project next time")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)


def timed_calls(call, items) -> dict[str, float]:
    """``call(item)`` for each item, the first a warm-up: p50/p95/mean wall milliseconds, and
    the p50 of this process's CPU time (the wall time a call would take on an idle core,
    with one torch thread: on a shared machine the wall time includes waiting for a core)."""
    import numpy as np

    wall, cpu = [], []
    for number, item in enumerate(items):
        start, start_cpu = time.perf_counter(), time.process_time()
        call(item)
        if number:
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    ms, cpu_ms = np.asarray(wall) * 1000, np.asarray(cpu) * 1000
    return {"p50_ms": float(np.percentile(ms, 50)), "p95_ms": float(np.percentile(ms, 95)),
            "mean_ms": float(ms.mean()), "cpu_p50_ms": float(np.percentile(cpu_ms, 50))}


def lcqmc_questions(limit: int) -> list[str]:
    """The first ``limit`` distinct questions of train.txt, both sides, in file order."""
    seen: dict[str, None] = {}
    with open(DATA / "train.txt", encoding="utf-8") as handle:
        for line in handle:
            for text in line.rstrip("\n").split("\t")[:2]:
                text = text.strip()
                if text:
                    seen.setdefault(text)
            if len(seen) >= limit:
                break
    return list(seen)[:limit]


def pair_runs(args, project_cls):
    """(project, esim run id, siamese run id or None, training figures)."""
    from studio.core.data.reader import read_table
    from studio.core.report import Reporter
    from studio.core.settings import Settings
    from studio.core.training.events import EpochEnd
    from studio.core.training.run import execute_run

    if args.project:
        project = project_cls.open(args.project)

        def pick(model: str, chosen: str | None) -> str | None:
            ids = [run.id for run in project.runs if run.settings.model.type == model]
            return chosen or (ids[-1] if ids else None)

        esim, siamese = pick("esim", args.esim), pick("siamese", args.siamese)
        if esim is None:
            sys.exit(f"{args.project} holds no esim run")
        if siamese is None:
            print(f"{args.project} holds no siamese run: Siamese recall is left out", flush=True)
        return project, esim, siamese, {}
    train, dev = str(DATA / "train.txt"), str(DATA / "dev.txt")
    tables = {train: first_rows(read_table(train, "\t", False, "utf-8"), args.train_rows),
              dev: first_rows(read_table(dev, "\t", False, "utf-8"), args.dev_rows)}
    project, ids, figures = None, {}, {}
    for name, model in MODELS.items():
        settings = Settings.from_dict({
            "dataset": {"train": train, "validation": dev, "test": dev, "text_column": 0, "text_pair_column": 1,
                        "label_column": 2, "has_header": False, "delimiter": "\t", "encoding": "utf-8"},
            "text": {"max_len": MAX_LEN}, "model": model,
            "training": {"epochs": args.epochs, "batch_size": BATCH_SIZE, "lr": LR, "patience": 0, "seed": 42,
                         "device": "cpu"}})
        epochs: list[EpochEnd] = []
        start = time.perf_counter()
        print(f"training {name} on {args.train_rows:,} pairs, {args.epochs} epoch(s)…", flush=True)
        run = execute_run(settings, tables, Reporter(on_event=lambda e, into=epochs: into.append(e)
                                                     if isinstance(e, EpochEnd) else None))
        test = run.finished.get("test") or {}
        figures[name] = {"dev_accuracy": test.get("accuracy"), "roc_auc": (test.get("binary") or {}).get("roc_auc"),
                         "train_seconds": sum(e.metrics["seconds"] for e in epochs),
                         "wall_seconds": time.perf_counter() - start, "model": model}
        print(f"  {name}: dev accuracy {figures[name]['dev_accuracy']:.4f}, ROC-AUC "
              f"{figures[name]['roc_auc']:.4f}, {figures[name]['wall_seconds']:.0f} s", flush=True)
        project = project or project_cls(settings, name="retrieval-benchmark")
        project.runs.append(run)
        ids[name] = run.id
    return project, ids["esim"], ids["siamese"], figures


def word_vectors(args, project):
    """word2vec on jieba words of the train rows, as a vector set of ``project``."""
    from studio.core.embeddings.project_vectors import VectorSet
    from studio.core.embeddings.word2vec import Word2VecConfig, train_word2vec
    from studio.core.report import Reporter
    from studio.core.text.tokenizers import Tokenizer, TokenizerConfig

    texts = []
    with open(DATA / "train.txt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= args.train_rows:
                break
            texts += line.rstrip("\n").split("\t")[:2]
    start = time.perf_counter()
    tokenizer = TokenizerConfig(type="jieba")
    sentences = Tokenizer(tokenizer).tokenize_many(texts)
    config = Word2VecConfig(vector_size=100, min_count=2, epochs=5, workers=2)
    vectors = train_word2vec(sentences, config, Reporter())
    seconds = time.perf_counter() - start
    entry = VectorSet(name="lcqmc-jieba-w2v", path=str(Path(tempfile.gettempdir()) / "unused.bin"),
                      source="trained", dimension=vectors.vector_size, count=len(vectors), word2vec=config,
                      tokenizer=tokenizer)
    project.vectors.append(entry)
    print(f"word2vec skip-gram on {len(sentences):,} jieba-cut texts: {len(vectors):,} words × "
          f"{vectors.vector_size}, {seconds:.0f} s", flush=True)
    return entry.name, vectors, {"texts": len(sentences), "words": len(vectors), "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("LCQMC retrieval benchmark", DATA, FILES)
    if reason:
        print(reason)
        return 0
    script_start = time.perf_counter()
    sys.path.insert(0, str(ROOT))

    import torch

    from studio.core.project import Project
    from studio.core.retrieval import (
        RECALL_WEIGHT,
        IndexSpec,
        QuestionBank,
        build_index,
        pair_scorer,
        read_retrieval_set,
        rerank_hits,
        reranked_order,
        retrieval_metrics,
    )

    default_threads = torch.get_num_threads()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, Python {platform.python_version()}, {torch.get_num_threads()} intra-op "
          f"threads, {os.cpu_count()} CPUs, load average {load_average()} (other jobs share this machine)")
    rset = read_retrieval_set(DATA / "dev.txt")
    queries, answers = rset.queries, rset.answers
    if args.queries:
        queries, answers = queries[:args.queries], answers[:args.queries]
    print(f"LCQMC dev: {len(queries):,} queries, a bank of {len(rset.bank):,} questions; top {DEPTH} recalled",
          flush=True)

    project, esim_id, siamese_id, training = pair_runs(args, Project)
    if args.save_project and not args.project:
        print(f"saved {project.save(args.save_project)}", flush=True)
    vectors_name, vectors, w2v = word_vectors(args, project)
    scorer = pair_scorer(project, esim_id)
    methods = {
        "bm25 (char)": IndexSpec(method="bm25", tokenizer="char"),
        "bm25 (jieba)": IndexSpec(method="bm25", tokenizer="jieba"),
        "word vectors (jieba w2v)": IndexSpec(method="word_vectors", vectors=vectors_name, tokenizer="jieba"),
    }
    if siamese_id is not None:
        methods["siamese vectors"] = IndexSpec(method="siamese", run=siamese_id)

    quality: dict[str, dict] = {}
    reciprocal: dict[str, dict] = {}
    probabilities: dict[str, tuple] = {}
    bank = QuestionBank(list(rset.bank))
    for label, spec in methods.items():
        start = time.perf_counter()
        index = build_index(bank, spec, project, "dev", vectors=vectors)
        built = time.perf_counter() - start
        start = time.perf_counter()
        hits = index.search(queries, DEPTH)
        recalled = time.perf_counter() - start
        start = time.perf_counter()
        row_tokens: dict = {}
        match = np.concatenate([scorer.score_hits(queries[s:s + SCORE_BLOCK], rset.bank,
                                                  hits.indices[s:s + SCORE_BLOCK], row_tokens)
                                for s in range(0, len(queries), SCORE_BLOCK)])
        rerank_s = time.perf_counter() - start
        probabilities[label] = (hits, match)
        reranked = reranked_order(hits, match, RECALL_WEIGHT)
        alone = reranked_order(hits, match, 0.0)
        quality[label] = {"recall": retrieval_metrics(hits, answers), "reranked": retrieval_metrics(reranked, answers),
                          "match_alone": retrieval_metrics(alone, answers),
                          "build_s": built, "recall_s": recalled, "rerank_s": rerank_s}
        reciprocal[label] = {"recall": reciprocal_ranks(hits.indices, answers),
                             "reranked": reciprocal_ranks(reranked.indices, answers),
                             "match_alone": reciprocal_ranks(alone.indices, answers)}
        r, e, a = quality[label]["recall"], quality[label]["reranked"], quality[label]["match_alone"]
        print(f"  {label}: MRR@10 {r['mrr@10']:.4f} -> {e['mrr@10']:.4f} reranked (ESIM alone {a['mrr@10']:.4f}); "
              f"R@1 {r['recall@1']:.4f} -> {e['recall@1']:.4f}; build {built:.1f} s, recall {recalled:.1f} s, "
              f"ESIM scoring {rerank_s:.1f} s", flush=True)

    # ----- latency on a 100,000-question bank
    big = QuestionBank(lcqmc_questions(args.bank_size))
    timed = queries[:args.latency_queries + 1]
    latency: dict[str, dict] = {}
    print(f"\nlatency bank: {len(big):,} distinct LCQMC train questions; {len(timed) - 1} dev queries, one at a time",
          flush=True)
    top_hits = None
    timed_methods = [("bm25 (char)", methods["bm25 (char)"]),
                     ("cosine: word vectors", methods["word vectors (jieba w2v)"])]
    if "siamese vectors" in methods:
        timed_methods.append(("cosine: siamese vectors", methods["siamese vectors"]))
    for label, spec in timed_methods:
        start = time.perf_counter()
        index = build_index(big, spec, project, "big", vectors=vectors)
        built = time.perf_counter() - start
        found = []
        figures = timed_calls(lambda query, index=index, into=found: into.append(index.search([query], DEPTH)), timed)
        latency[label] = {"build_s": built, "dimension": index.info.dimension, **figures}
        print(f"  recall {label}: p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms, CPU p50 "
              f"{figures['cpu_p50_ms']:.1f} ms (build {built:.1f} s)", flush=True)
        if top_hits is None:
            top_hits, bm25_index = found, index

    pairs = list(zip(timed, top_hits, strict=True))

    def rerank_one(pair) -> None:
        rerank_hits(bm25_index, [pair[0]], pair[1], scorer)

    latency["rerank top 20: esim"] = timed_calls(rerank_one, pairs)
    if default_threads != args.threads:  # the same with torch's default thread count, on 50 queries
        torch.set_num_threads(default_threads)
        latency[f"rerank top 20: esim, {default_threads} threads"] = timed_calls(rerank_one, pairs[:51])
        torch.set_num_threads(args.threads)
    print(f"  rerank top {DEPTH} with ESIM: p50 {latency['rerank top 20: esim']['p50_ms']:.1f} ms, "
          f"p95 {latency['rerank top 20: esim']['p95_ms']:.1f} ms", flush=True)

    # loading a BM25 index: rebuilt from the bank (the studio) or bm25s's own files
    import bm25s

    folder = Path(tempfile.mkdtemp(prefix="bm25s-"))
    try:
        bm25_index.recall._bm25.save(str(folder), show_progress=False)
        start = time.perf_counter()
        bm25s.BM25.load(str(folder), allow_pickle=False, show_progress=False)
        bm25s_load = time.perf_counter() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    loading = {"rebuild_from_bank_s": latency["bm25 (char)"]["build_s"], "bm25s_load_s": bm25s_load}
    print(f"  loading the BM25 index: rebuilt from the bank {loading['rebuild_from_bank_s']:.1f} s; "
          f"bm25s.load {bm25s_load:.2f} s", flush=True)

    total = time.perf_counter() - script_start
    best = max(quality, key=lambda name: quality[name]["recall"]["mrr@10"])
    best_reranked = max(quality, key=lambda name: quality[name]["reranked"]["mrr@10"])
    improves = quality[best_reranked]["reranked"]["mrr@10"] > quality[best]["recall"]["mrr@10"]
    best_alone = max(quality, key=lambda name: quality[name]["match_alone"]["mrr@10"])
    significance = {
        "reranked": paired_bootstrap(reciprocal[best_reranked]["reranked"], reciprocal[best]["recall"]),
        "match_alone": paired_bootstrap(reciprocal[best_alone]["match_alone"], reciprocal[best]["recall"])}
    sweep = weight_sweep(*probabilities[best_reranked], answers)
    labels = label_ceiling(queries, list(rset.bank))
    recall_ok = all(v["p50_ms"] < TARGET_RECALL_MS for k, v in latency.items() if not k.startswith("rerank"))
    rerank_ok = latency["rerank top 20: esim"]["p50_ms"] < TARGET_RERANK_MS  # at --threads

    def yes(ok: bool) -> str:
        return "yes" if ok else "**no**"

    runs = (f"from {args.project}" if args.project
            else f"trained on {args.train_rows:,} pairs, {args.epochs} epoch(s)")
    print(f"\nLCQMC dev retrieval ({len(queries):,} queries, bank {len(rset.bank):,}); pair runs {runs}"
          f"; load average {load_average()}; whole benchmark {total:.0f} s, peak RSS {peak_rss_mib():,.0f} MiB\n")
    names = list(next(iter(quality.values()))["recall"])
    print("| Recall | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for label, q in quality.items():
        print(f"| {label} | " + " | ".join(f"{q['recall'][n]:.4f}" for n in names) + " |")
        print(f"| {label} + ESIM rerank (recall weight {RECALL_WEIGHT:g}) | "
              + " | ".join(f"{q['reranked'][n]:.4f}" for n in names) + " |")
        print(f"| {label} + ESIM alone (recall weight 0) | " + " | ".join(f"{q['match_alone'][n]:.4f}" for n in names)
              + " |")
    for kind, row in (("reranked", f"{best_reranked} + ESIM (weight {RECALL_WEIGHT:g})"),
                      ("match_alone", f"{best_alone} + ESIM alone")):
        sig = significance[kind]
        print(f"MRR@10 of {row} minus {best}: {sig['mean']:+.4f} (95 % CI {sig['ci95'][0]:+.4f} .. "
              f"{sig['ci95'][1]:+.4f}, paired bootstrap over queries; {sig['better']} queries better, "
              f"{sig['worse']} worse)")
    print(f"Recall's weight, {best_reranked} + ESIM: MRR@10 "
          + ", ".join(f"{w:g}: {m:.4f}" for w, m in sweep["mrr@10"].items())
          + f"; chosen on one half of the queries and measured on the other (2-fold): {sweep['cross_fitted']:.4f}")
    print(f"Labels: {labels['queries_sharing_text']:,} of {labels['queries']:,} queries share their text with "
          f"another query (different answers; Recall@1 cannot pass {labels['recall@1_ceiling']:.3f}); "
          f"{labels['query_text_in_bank']:,} queries have their own text in the bank")
    print(f"\n| Latency ({len(big):,}-question bank, under load) | p50 | p95 | CPU time p50 |")
    print("|---|---:|---:|---:|")
    for label, v in latency.items():
        print(f"| {label} | {v['p50_ms']:.1f} ms | {v['p95_ms']:.1f} ms | {v['cpu_p50_ms']:.1f} ms |")
    print(f"\nTargets: recall p50 < {TARGET_RECALL_MS:.0f} ms: {yes(recall_ok)}; rerank top {DEPTH} p50 < "
          f"{TARGET_RERANK_MS:.0f} ms: {yes(rerank_ok)}; reranking improves MRR@10 over the best recall "
          f"({best}, {quality[best]['recall']['mrr@10']:.4f} -> {best_reranked} + ESIM "
          f"{quality[best_reranked]['reranked']['mrr@10']:.4f}): {yes(improves)}")

    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        figures = {"torch": torch.__version__, "threads": torch.get_num_threads(), "load_average": load_average(),
                   "queries": len(queries), "bank": len(rset.bank), "depth": DEPTH, "train_rows": args.train_rows,
                   "epochs": args.epochs, "project": args.project, "training": training, "word2vec": w2v,
                   "quality": quality, "significance": significance, "recall_weight": RECALL_WEIGHT,
                   "weight_sweep": sweep, "labels": labels,
                   "latency_bank": len(big), "latency": latency, "bm25_loading": loading,
                   "total_seconds": total, "peak_rss_mib": peak_rss_mib(),
                   "targets": {"recall_p50_ms": TARGET_RECALL_MS, "rerank_p50_ms": TARGET_RERANK_MS,
                               "met": {"recall": recall_ok, "rerank": rerank_ok, "mrr_improves": improves}}}
        path.write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=float), encoding="utf-8")
        print(f"\nfigures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
