#!/usr/bin/env python
"""Benchmark: TextCNN on THUCNews headlines through the studio core, against bare PyTorch.

Run from the repository root::

    python benchmarks/thucnews.py [--epochs 3] [--device auto|cpu|cuda|mps] [--json out.json]

It reads ``../shared/data/thucnews/{train,dev,test,class}.txt`` (``headline<TAB>label_id``)
beside the repository and exits with status 0 and a message when they are absent.

What it measures:

1. The app's own path, headless: ``Settings`` -> ``load_splits`` -> ``prepare`` ->
   ``build_model`` -> ``Trainer.fit`` (the steps of ``studio.core.training.run.execute_run``),
   with character tokens, TextCNN (embedding 300, kernels 2/3/4, 256 filters), max_len 32,
   batch 128, Adam lr 1e-3, 3 epochs, patience 0, seed 42. It prints test accuracy,
   macro-F1, wall times, the Trainer's training-only samples/s and the peak resident set.
2. A bare PyTorch loop (randperm, index, forward, cross_entropy, zero_grad, backward, Adam
   step; nothing else) over the same encoded tensors, with the same model class and
   config, for one epoch: its samples/s and the ratio Trainer / bare.
3. For reference only, the same bare loop with the tutorial-style
   ``Conv2d(1, F, (k, E))`` TextCNN defined below (not a studio model).

4. The fp32 and bf16 matrix-multiply rates of this machine, measured in the same run
   (CPU), and the Trainer's compute rate: samples/s x 123.5 MFLOP per training sample
   (the convolutions' multiply-adds over the windows of max_len 32, forward and backward).

Targets: test accuracy >= 86 %, training >= 1,000 samples/s, Trainer >= 90 % of bare loop;
issue 18: the Trainer >= 2x the tutorial model's samples/s and >= 70 % of the fp32 matmul
peak. torch keeps its default thread count (no ``set_num_threads`` here).
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
    load_average,
    matmul_peak_gflops,
    missing_data,
    peak_rss_mib,
    thucnews_dataset,
)

TARGET_ACCURACY = 0.86
TARGET_SAMPLES_PER_S = 1000.0
TARGET_RATIO = 0.90
TARGET_PEAK_SHARE = 0.70  # of the fp32 matmul rate measured in the same run (issue 18)
TARGET_OVER_TUTORIAL = 2.0  # samples/s against the tutorial-style Conv2d model's bare loop

EMBEDDING_DIM = 300
KERNEL_SIZES = [2, 3, 4]
NUM_FILTERS = 256
MAX_LEN = 32
BATCH_SIZE = 128
LR = 1e-3
SEED = 42
# multiply-adds of the convolutions (the model's cost; the embedding, pooling and the
# linear layer are < 1 %): each kernel k has max_len - k + 1 windows of k x E inputs per
# filter; x2 FLOP per multiply-add, x3 for the forward and the two backward products
FLOP_PER_SAMPLE = 3 * 2 * EMBEDDING_DIM * NUM_FILTERS * sum(k * (MAX_LEN - k + 1) for k in KERNEL_SIZES)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=3, help="Trainer epochs (default 3)")
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda", "mps"],
                        help="training device (default auto: CUDA, then MPS, then CPU)")
    parser.add_argument("--train-rows", type=int, default=0, metavar="N",
                        help="train on the first N training rows only, for a quick check (default: all)")
    parser.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16", "fp16"],
                        help="TrainingConfig.precision (default auto: bf16 where the CPU computes it natively)")
    parser.add_argument("--no-length-buckets", dest="length_buckets", action="store_false",
                        help="plain random batches padded to max_len, to measure what batching by length gives")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON here")
    return parser.parse_args(argv)



def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    reason = missing_data("THUCNews benchmark")
    if reason:
        print(reason)
        return 0

    script_start = time.perf_counter()
    sys.path.insert(0, str(ROOT))  # run as `python benchmarks/thucnews.py` without installing

    import torch
    import torch.nn.functional as F
    from torch import nn

    from studio.core.data.dataset import DatasetConfig, load_splits
    from studio.core.data.prepare import EncodedSplit, prepare
    from studio.core.models import build_model, count_parameters
    from studio.core.report import Reporter
    from studio.core.settings import Settings
    from studio.core.text.config import TextConfig
    from studio.core.text.tokenizers import TokenizerConfig
    from studio.core.training.config import TrainingConfig
    from studio.core.training.device import describe_device
    from studio.core.training.events import BatchEnd, EpochEnd, Event, event_to_dict
    from studio.core.training.trainer import Trainer

    # ------------------------------------------------------------------ reference model
    class TutorialTextCNN(nn.Module):
        """REFERENCE ONLY, not a studio model: the tutorial-style TextCNN with
        ``Conv2d(1, F, (k, E))`` over ``(B, 1, L, E)`` and max-pool over all windows
        (no length mask). Same maths as studio's Conv1d form, slower layout."""

        def __init__(self, vocab_size: int, num_classes: int, embedding_dim: int,
                     kernel_sizes: list[int], num_filters: int, dropout: float):
            super().__init__()
            self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
            self.convs = nn.ModuleList(
                nn.Conv2d(1, num_filters, (k, embedding_dim)) for k in kernel_sizes)
            self.dropout = nn.Dropout(dropout)
            self.fc = nn.Linear(num_filters * len(kernel_sizes), num_classes)

        def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
            x = self.embedding(ids).unsqueeze(1)  # (B, 1, L, E)
            pooled = [F.relu(conv(x)).squeeze(3).amax(dim=2) for conv in self.convs]
            return self.fc(self.dropout(torch.cat(pooled, dim=1)))

    def cpu_share(cpu_seconds: float, wall_seconds: float) -> float:
        """Process CPU time over wall time x torch threads: near 1 when the torch threads
        had the cores to themselves, well below 1 when other processes took turns on them.
        (Only meaningful for CPU training.)"""
        return cpu_seconds / max(wall_seconds * torch.get_num_threads(), 1e-9)

    def sync(device: torch.device) -> None:
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        elif device.type == "mps":
            torch.mps.synchronize()

    def computed_flop_per_sample(split, epochs: int, training) -> float:
        """The convolutions' FLOP per training sample as the Trainer computed them: each
        batch is cut to its longest text (length buckets), and the model computes a
        window at every position of that width for every kernel. Replays the Trainer's
        batch order (same seed, same generator calls) to get each batch's width."""
        from studio.core.training.batching import epoch_order, row_lengths

        widths = [MAX_LEN]
        if training.length_buckets:
            generator, lengths, widths = torch.Generator().manual_seed(training.seed), row_lengths(split.lengths), []
            for _ in range(epochs):
                widths += epoch_order(len(split), lengths, BATCH_SIZE, generator)[1]
        mean_width = sum(widths) / len(widths)
        return 3 * 2 * EMBEDDING_DIM * NUM_FILTERS * sum(KERNEL_SIZES) * mean_width

    def bare_epoch(model: nn.Module, split, device: torch.device) -> dict:
        """One epoch of the plainest loop: randperm, index, forward, cross_entropy,
        zero_grad, backward, Adam step. Nothing else is timed."""
        model.to(device).train()
        optimizer = torch.optim.Adam(model.parameters(), lr=LR)
        ids, lengths, labels = (t.to(device) for t in (split.ids, split.lengths, split.labels))
        n = len(labels)
        generator = torch.Generator().manual_seed(SEED)
        sync(device)
        start_time, start_cpu = time.perf_counter(), time.process_time()
        order = torch.randperm(n, generator=generator).to(device)
        for start in range(0, n, BATCH_SIZE):
            index = order[start:start + BATCH_SIZE]
            logits = model(ids[index], lengths[index])
            loss = F.cross_entropy(logits, labels[index])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
        sync(device)
        seconds = time.perf_counter() - start_time
        return {"samples": n, "seconds": seconds, "samples_per_s": n / seconds,
                "cpu_share": cpu_share(time.process_time() - start_cpu, seconds)}

    # ------------------------------------------------------------------ app path
    settings = Settings(
        dataset=DatasetConfig(**thucnews_dataset()),
        text=TextConfig(tokenizer=TokenizerConfig(type="char"), max_len=MAX_LEN),
        model={"type": "textcnn", "embedding_dim": EMBEDDING_DIM,
               "kernel_sizes": KERNEL_SIZES, "num_filters": NUM_FILTERS},
        training=TrainingConfig(epochs=args.epochs, batch_size=BATCH_SIZE, lr=LR, patience=0,
                                seed=SEED, device=args.device, precision=args.precision,
                                length_buckets=args.length_buckets),
    )

    print(f"torch {torch.__version__}, Python {platform.python_version()}, "
          f"{torch.get_num_threads()} intra-op threads (default), "
          f"{torch.get_num_interop_threads()} inter-op, {os.cpu_count()} CPUs, "
          f"load average {load_average()}")
    load_start = time.perf_counter()
    splits = load_splits(settings.dataset)
    data = prepare(splits, settings.text)  # cached by content hash, as in the app
    if args.train_rows:
        t, rows = data.train, args.train_rows
        data.train = EncodedSplit(t.ids[:rows], t.lengths[:rows], t.labels[:rows])
    load_seconds = time.perf_counter() - load_start
    print(f"data: train {len(data.train)}, validation {len(data.validation)}, "
          f"test {len(data.test)}, {len(data.label_names)} classes, vocab {len(data.vocab)}; "
          f"read+prepare {load_seconds:.1f} s ({'from cache' if data.from_cache else 'tokenized'})")

    # As execute_run does: seed torch before build_model so that the initial weights
    # follow TrainingConfig.seed too (Trainer.fit seeds again for dropout and batch order).
    torch.manual_seed(settings.training.seed)
    model = build_model(settings.model, len(data.vocab), len(data.label_names))
    trainer = Trainer(settings.training)
    device = trainer.device
    print(f"model: {model.config.model_dump()}, {count_parameters(model):,} parameters; "
          f"device {describe_device(device)}")

    events: list[dict] = []
    batch_events: list[BatchEnd] = []
    epoch_events: list[EpochEnd] = []

    def record(event: Event) -> None:  # the trainer's events, as a run's report sees them
        events.append(event_to_dict(event))
        if isinstance(event, BatchEnd):
            batch_events.append(event)
        elif isinstance(event, EpochEnd):
            epoch_events.append(event)
            m = event.metrics
            print(f"  epoch {event.epoch}: train loss {m['train_loss']:.4f}, "
                  f"val acc {m.get('val_accuracy', float('nan')):.4f}, "
                  f"train {m['seconds']:.1f} s = {len(data.train) / m['seconds']:.0f} samples/s",
                  flush=True)

    print(f"Trainer.fit: {args.epochs} epoch(s), batch {BATCH_SIZE}, lr {LR}, patience 0, "
          f"seed {SEED}")
    fit_start, fit_cpu = time.perf_counter(), time.process_time()
    result = trainer.fit(model, data.train, data.validation, data.label_names, data.test,
                         report=Reporter(on_event=record))
    fit_seconds = time.perf_counter() - fit_start
    fit_cpu_share = cpu_share(time.process_time() - fit_cpu, fit_seconds)
    rss_after_fit = peak_rss_mib()
    test = result.test or {}

    # Training-only throughput. EpochEnd 'seconds' runs from just after the epoch's
    # randperm to just after the loop and the float() reads of the epoch loss/accuracy,
    # and is taken before validation starts, so it is pure training time; on CUDA those
    # float() reads synchronise, so queued kernels are counted too. The BatchEnd
    # samples_per_s windows cover the same span (they tile the epoch from epoch_start),
    # but the last window ends *before* that final synchronisation, so on an accelerator
    # it can under-count; on the CPU the two agree. We report EpochEnd 'seconds' and show
    # the BatchEnd-weighted figure beside it as a cross-check.
    epochs_run = len(epoch_events)
    train_samples = len(data.train) * epochs_run
    train_seconds = sum(e.metrics["seconds"] for e in epoch_events)
    trainer_sps = train_samples / train_seconds if train_seconds else float("nan")
    # Each BatchEnd window holds samples_per_s * duration samples; weighting by samples
    # means total samples / total window time. Recover each window's sample count from
    # the step numbers (all batches are full except the last of an epoch).
    window_time, window_samples, last_step = 0.0, 0, 0
    steps_per_epoch = -(-len(data.train) // BATCH_SIZE)
    for event in batch_events:
        samples = 0
        for step in range(last_step + 1, event.step + 1):
            in_epoch = (step - 1) % steps_per_epoch
            samples += min(BATCH_SIZE, len(data.train) - in_epoch * BATCH_SIZE)
        last_step = event.step
        window_samples += samples
        window_time += samples / event.samples_per_s
    batchend_sps = window_samples / window_time if window_time else float("nan")
    per_epoch_sps = [len(data.train) / e.metrics["seconds"] for e in epoch_events]

    # ------------------------------------------------------------------ bare loops
    print("bare PyTorch loop, 1 epoch, same TextCNN class/config, same tensors ...", flush=True)
    torch.manual_seed(SEED)
    bare_model = build_model(settings.model, len(data.vocab), len(data.label_names))
    bare = bare_epoch(bare_model, data.train, device)
    print(f"  {bare['seconds']:.1f} s = {bare['samples_per_s']:.0f} samples/s, "
          f"CPU share {bare['cpu_share']:.0%}", flush=True)
    del bare_model

    print("bare PyTorch loop, 1 epoch, REFERENCE tutorial Conv2d(1, F, (k, E)) TextCNN ...",
          flush=True)
    torch.manual_seed(SEED)
    tutorial_model = TutorialTextCNN(len(data.vocab), len(data.label_names), EMBEDDING_DIM,
                                     KERNEL_SIZES, NUM_FILTERS, model.config.dropout)
    tutorial = bare_epoch(tutorial_model, data.train, device)
    print(f"  {tutorial['seconds']:.1f} s = {tutorial['samples_per_s']:.0f} samples/s, "
          f"CPU share {tutorial['cpu_share']:.0%}", flush=True)
    del tutorial_model

    ratio = trainer_sps / bare["samples_per_s"]
    peaks = {name: matmul_peak_gflops(name) for name in ("float32", "bfloat16")} if device.type == "cpu" else {}
    fp32_peak = peaks.get("float32", float("nan"))
    trainer_gflops = trainer_sps * FLOP_PER_SAMPLE / 1e9
    computed_flop = computed_flop_per_sample(data.train, epochs_run, settings.training)
    peak_share = trainer_gflops / fp32_peak
    over_tutorial = trainer_sps / tutorial["samples_per_s"]
    total_seconds = time.perf_counter() - script_start
    rss_end = peak_rss_mib()
    load_end = load_average()

    figures = {
        "torch": torch.__version__,
        "device": describe_device(device),
        "threads": torch.get_num_threads(),
        "epochs": epochs_run,
        "status": result.status,
        "best_epoch": result.best_epoch,
        "num_train": len(data.train),
        "vocab_size": len(data.vocab),
        "num_parameters": count_parameters(model),
        "data_from_cache": data.from_cache,
        "test_accuracy": test.get("accuracy"),
        "test_macro_f1": test.get("macro_f1"),
        "read_prepare_seconds": load_seconds,
        "fit_wall_seconds": fit_seconds,
        "train_seconds": train_seconds,
        "trainer_samples_per_s": trainer_sps,
        "trainer_samples_per_s_batchend": batchend_sps,
        "trainer_samples_per_s_per_epoch": per_epoch_sps,
        "bare_samples_per_s": bare["samples_per_s"],
        "trainer_over_bare": ratio,
        "tutorial_conv2d_bare_samples_per_s": tutorial["samples_per_s"],
        "trainer_over_tutorial": over_tutorial,
        "precision": next((e.get("precision") for e in events if e.get("event") == "run_started"), ""),
        "cpu_flags": cpu_flags(),
        "flop_per_sample": FLOP_PER_SAMPLE,
        "trainer_gflops": trainer_gflops,
        "matmul_gflops": peaks,
        "trainer_share_of_fp32_peak": peak_share,
        "computed_flop_per_sample": computed_flop,
        "trainer_computed_gflops": trainer_sps * computed_flop / 1e9,
        "peak_rss_mib_after_fit": rss_after_fit,
        "peak_rss_mib": rss_end,
        "total_wall_seconds": total_seconds,
        "load_average_end": load_end,
        "cpu_share_fit": fit_cpu_share,
        "cpu_share_bare": bare["cpu_share"],
        "cpu_share_tutorial": tutorial["cpu_share"],
        "epoch_metrics": result.epochs,
        "targets": {"test_accuracy": TARGET_ACCURACY, "trainer_samples_per_s": TARGET_SAMPLES_PER_S,
                    "trainer_over_bare": TARGET_RATIO, "share_of_fp32_peak": TARGET_PEAK_SHARE,
                    "trainer_over_tutorial": TARGET_OVER_TUTORIAL},
    }

    print()
    print(f"test accuracy      {figures['test_accuracy']:.4f}   (best epoch {result.best_epoch}, "
          f"status {result.status})")
    print(f"test macro-F1      {figures['test_macro_f1']:.4f}")
    print(f"wall time          fit {fit_seconds:.1f} s (training {train_seconds:.1f} s + "
          f"validation/test/bookkeeping {fit_seconds - train_seconds:.1f} s); read+prepare "
          f"{load_seconds:.1f} s; whole benchmark {total_seconds:.1f} s")
    print(f"Trainer training   {trainer_sps:.0f} samples/s ({train_samples} samples / "
          f"{train_seconds:.1f} s, EpochEnd 'seconds'); BatchEnd-weighted {batchend_sps:.0f}; "
          f"per epoch {', '.join(f'{v:.0f}' for v in per_epoch_sps)}")
    print(f"bare loop          {bare['samples_per_s']:.0f} samples/s (1 epoch, same model)")
    print(f"Trainer / bare     {ratio:.1%}")
    print(f"tutorial Conv2d    {tutorial['samples_per_s']:.0f} samples/s (bare loop, reference only); "
          f"Trainer / tutorial {over_tutorial:.2f}x")
    if peaks:
        print(f"matmul peak        fp32 {fp32_peak:.0f} GFLOP/s, bf16 {peaks['bfloat16']:.0f} GFLOP/s "
              f"(2048^3, best of 7, this run; CPU flags {figures['cpu_flags']})")
        print(f"Trainer compute    {trainer_gflops:.0f} GFLOP/s ({FLOP_PER_SAMPLE / 1e6:.0f} MFLOP per sample, "
              f"{figures['precision'] or 'fp32'}) = {peak_share:.0%} of the fp32 matmul peak; "
              f"as computed (batches cut to their longest text: {computed_flop / 1e6:.0f} MFLOP per sample) "
              f"{figures['trainer_computed_gflops']:.0f} GFLOP/s = "
              f"{figures['trainer_computed_gflops'] / fp32_peak:.0%}")
    print(f"peak RSS           {rss_after_fit:.0f} MiB after Trainer.fit, {rss_end:.0f} MiB at end")
    # Throughput on a CPU is only meaningful when nothing else competes for the cores:
    # the CPU share (process CPU time / (wall time x threads)) drops when others do.
    if device.type == "cpu":
        shares = {"Trainer.fit": fit_cpu_share, "bare loop": bare["cpu_share"],
                  "tutorial loop": tutorial["cpu_share"]}
        print("CPU share          " + ", ".join(f"{k} {v:.0%}" for k, v in shares.items())
              + f"; 1-min load average at end {load_end}")
        if min(shares.values()) < 0.85:
            print("WARNING: another process competed for the CPU during a timed phase (CPU share "
                  "< 85 %), so its samples/s are low and the Trainer / bare ratio is unreliable. "
                  "Re-run on an idle machine.")

    def verdict(ok: bool) -> str:
        return "yes" if ok else "**no**"

    rows = [
        ("Test accuracy", f"{figures['test_accuracy']:.2%}", f">= {TARGET_ACCURACY:.0%}",
         verdict(figures["test_accuracy"] >= TARGET_ACCURACY)),
        ("Test macro-F1", f"{figures['test_macro_f1']:.2%}", "", ""),
        ("Trainer training samples/s", f"{trainer_sps:,.0f}", f">= {TARGET_SAMPLES_PER_S:,.0f}",
         verdict(trainer_sps >= TARGET_SAMPLES_PER_S)),
        ("Bare loop samples/s", f"{bare['samples_per_s']:,.0f}", "", ""),
        ("Trainer / bare loop", f"{ratio:.1%}", f">= {TARGET_RATIO:.0%}",
         verdict(ratio >= TARGET_RATIO)),
        ("Tutorial Conv2d bare samples/s (reference)", f"{tutorial['samples_per_s']:,.0f}", "", ""),
        ("Trainer / tutorial Conv2d", f"{over_tutorial:.2f}x", f">= {TARGET_OVER_TUTORIAL:.0f}x",
         verdict(over_tutorial >= TARGET_OVER_TUTORIAL)),
        ("Trainer GFLOP/s / fp32 matmul peak", f"{trainer_gflops:.0f} / {fp32_peak:.0f} = {peak_share:.0%}",
         f">= {TARGET_PEAK_SHARE:.0%}", verdict(peak_share >= TARGET_PEAK_SHARE)),
        ("Trainer.fit wall time", f"{fit_seconds:.1f} s", "", ""),
        ("Whole benchmark wall time", f"{total_seconds:.1f} s", "", ""),
        ("Peak RSS", f"{rss_end:,.0f} MiB", "", ""),
    ]
    print()
    print(f"THUCNews TextCNN, {epochs_run} epoch(s), {describe_device(device)}, torch {torch.__version__}")
    print()
    print("| Figure | Value | Target | Met |")
    print("|---|---:|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")

    if args.json:
        path = Path(args.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"\nfigures written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
