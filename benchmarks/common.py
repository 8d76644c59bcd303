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
