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
