"""What the benchmark scripts share: where the THUCNews data lives and how a run is measured."""

from __future__ import annotations

import dataclasses
import os
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "thucnews"
FILES = ("train.txt", "dev.txt", "test.txt", "class.txt")


def missing_data(benchmark: str, data: Path = DATA, files: tuple[str, ...] = FILES) -> str | None:
    """Why ``benchmark`` cannot run (the corpus files, THUCNews by default, are absent), or ``None``."""
    missing = [name for name in files if not (data / name).is_file()]
    if not missing:
        return None
    return (f"{benchmark} skipped: {data} is absent or incomplete (missing {', '.join(missing)}). "
            f"Put the corpus at ../shared/data/{data.name} beside the repository to run it.")


def thucnews_dataset() -> dict:
    """The THUCNews files and column roles as ``DatasetConfig`` fields: headline in
    column 1, label id in column 2, ``class.txt`` naming the ids."""
    return {"train": str(DATA / "train.txt"), "validation": str(DATA / "dev.txt"),
            "test": str(DATA / "test.txt"), "class_names": str(DATA / "class.txt"),
            "text_column": 0, "label_column": 1}


def first_rows(table, n: int):
    """A studio ``Table`` cut to its first ``n`` rows (quick checks on a slice)."""
    return dataclasses.replace(table, columns=[c[:n] for c in table.columns],
                               line_numbers=table.line_numbers[:n])


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` by nearest rank; NaN when there are none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


def peak_rss_mib() -> float:
    """Peak resident set of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def load_average() -> str:
    """The 1-minute load average, or "n/a" where the OS has none (Windows)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "n/a"


def matmul_peak_gflops(dtype_name: str = "float32", size: int = 2048, repeats: int = 7) -> float:
    """The machine's matrix-multiply rate now, GFLOP/s: the best of ``repeats`` products of
    two ``size`` x ``size`` matrices of ``dtype_name`` (torch's default threads). What a
    model's own rate is compared with: measured in the same run, because machines and the
    load on them differ from one session to the next."""
    import time

    import torch

    dtype = getattr(torch, dtype_name)
    a, b = torch.randn(size, size).to(dtype), torch.randn(size, size).to(dtype)
    a @ b  # warm-up: thread pool and kernel selection
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * size ** 3 / best / 1e9


def cpu_flags() -> str:
    """The vector instruction sets of this CPU that decide its speed (Linux), e.g.
    ``"avx2 avx512_bf16 avx512f"``; "n/a" elsewhere."""
    try:
        words = set(Path("/proc/cpuinfo").read_text().split())
    except OSError:
        return "n/a"
    return " ".join(sorted(words & {"avx2", "fma", "avx512f", "avx512_bf16", "avx512_vnni", "amx_tile",
                                    "amx_bf16"})) or "none"


RECURRENT_GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def recurrent_macs_per_token(rnn) -> int:
    """Multiply-adds of the gate products of an ``nn.LSTM``/``GRU``/``RNN`` for one token,
    all layers and directions: ``gates * H * (input + H)`` per layer and direction, the
    input of a layer above the first being the ``H * directions`` outputs below it (the
    elementwise gate arithmetic, ``O(H)`` a token, is left out)."""
    directions = 2 if rnn.bidirectional else 1
    gates, hidden = RECURRENT_GATES[rnn.mode], rnn.hidden_size
    return sum(gates * hidden * ((rnn.input_size if layer == 0 else hidden * directions) + hidden) * directions
               for layer in range(rnn.num_layers))


def _recurrent_tokens(inputs) -> int:
    """The tokens a recurrent module's call reads: a ``PackedSequence``'s rows, the real
    tokens of ``(x (B, L, I), lengths (B,))`` (the studio's ``BiLSTM``, each text at least
    one step), or every position of a padded batch-first ``x``."""
    import torch
    from torch.nn.utils.rnn import PackedSequence

    x = inputs[0]
    if isinstance(x, PackedSequence):
        return int(x.data.shape[0])
    if len(inputs) > 1 and isinstance(inputs[1], torch.Tensor) and inputs[1].dim() == 1:
        return int(inputs[1].clamp(min=1).sum())
    return int(x.shape[0] * x.shape[1])


def training_flop_per_sample(model, split, training, batches: int = 8) -> tuple[float, float]:
    """FLOP of one training step per sample, forward and backward, as the Trainer computes
    them: the first ``batches`` batches of its first epoch (same seed and batch order,
    length buckets included). Returns ``(other, recurrent)``.

    ``other``: matrix products and convolutions outside the recurrent modules, counted by
    ``torch.utils.flop_counter.FlopCounterMode``. ``recurrent``: the recurrences, by formula,
    because the counter sees them only sometimes (a packed batch of unequal lengths runs
    as per-step matrix products it counts; a fused kernel such as ``aten.lstm`` on equal
    lengths has no formula there and counts 0): 2 FLOP a multiply-add
    (:func:`recurrent_macs_per_token`) for each real token a recurrent module reads, times
    3 for forward and backward (gradients of the inputs and of the weights, each a product
    of the forward's size), as the counter does for a matrix product. The loss is the
    Trainer's own (:func:`~studio.core.training.losses.training_loss`), so R-Drop's doubled
    batches count twice. The model's weights are left as they were; its gradients are
    cleared."""
    import torch
    from torch import nn
    from torch.utils.flop_counter import FlopCounterMode

    from studio.core.training.batching import epoch_order, row_lengths
    from studio.core.training.losses import training_loss

    rnns = {name: m for name, m in model.named_modules() if isinstance(m, nn.RNNBase)}
    recurrent = 0.0

    def count(module, inputs) -> None:
        nonlocal recurrent
        recurrent += 3 * 2 * recurrent_macs_per_token(module) * _recurrent_tokens(inputs)

    hooks = [m.register_forward_pre_hook(count) for m in rnns.values()]
    lengths = row_lengths(split.lengths) if training.length_buckets else None
    order, widths = epoch_order(len(split), lengths, training.batch_size,
                                torch.Generator().manual_seed(training.seed))
    device = next(model.parameters()).device
    model.train()
    counter, rows = FlopCounterMode(display=False), 0
    try:
        with counter:
            for number in range(min(batches, -(-len(split) // training.batch_size))):
                index = order[number * training.batch_size:(number + 1) * training.batch_size]
                ids = split.ids[index] if widths is None else split.ids[index][..., :widths[number]]
                loss, _ = training_loss(model, ids.to(device), split.lengths[index].to(device),
                                        split.labels[index].to(device), rdrop_alpha=training.rdrop_alpha)
                loss.backward()
                rows += len(index)
    finally:
        for hook in hooks:
            hook.remove()
    model.zero_grad(set_to_none=True)
    per_module = counter.get_flop_counts()
    seen_in_rnns = sum(sum(per_module.get(f"{type(model).__name__}.{name}", {}).values()) for name in rnns)
    return (counter.get_total_flops() - seen_in_rnns) / rows, recurrent / rows
