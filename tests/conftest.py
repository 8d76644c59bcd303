"""Shared test setup: headless Qt, an isolated cache and settings, the shared corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
MAX_WORKERS = 4


def pytest_xdist_auto_num_workers(config) -> int:
    """``-n auto`` (pyproject.toml): one worker per core, at most ``MAX_WORKERS``. Each worker
    loads torch and Qt and builds windows (850 MB for a GUI file and a model file), and the
    distributed tests start two more processes each, so a many-core machine gains little
    beyond four."""
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Each test gets its own encoding cache and user-data folder, never the user's."""
    base = tmp_path_factory.mktemp("studio-home")
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("STUDIO_DATA_DIR", str(base / "data"))


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or skip the test when the corpora are absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"shared corpus {path} is absent (tests read ../shared/data beside the repo)")
    return path


@pytest.fixture
def thucnews_dev() -> Path:
    return shared_file("thucnews", "dev.txt")


@pytest.fixture
def thucnews_classes() -> Path:
    return shared_file("thucnews", "class.txt")


@pytest.fixture
def atec_file() -> Path:
    return shared_file("atec", "atec_nlp_sim_train.csv")


def write_slice(source: Path, target: Path, rows: int) -> Path:
    """Write the first ``rows`` lines of a shared corpus file to ``target`` (a test's own file)."""
    lines = source.read_text(encoding="utf-8").splitlines()[:rows]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
