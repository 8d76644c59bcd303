"""A run's settings bundled for another machine: the files they read copied in, paths
inside the folder, launch.sh training it with torchrun, the new run opened like any other;
a folder in use and a missing file refused in words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studio.core.bundle import LAUNCH_FILE, write_bundle
from studio.core.errors import ProjectError
from studio.core.project import Project
from studio.core.settings import Settings
from tests.conftest import shared_file, write_slice

ROOT = Path(__file__).resolve().parents[2]


def news_settings(tmp_path: Path, rows: int = 1500) -> Settings:
    data = write_slice(shared_file("thucnews", "train.txt"), tmp_path / "mine" / "news.txt", rows)
    stopwords = tmp_path / "mine" / "stop.txt"
    stopwords.write_text("的\n了\n", encoding="utf-8")
    return Settings.from_dict({
        "dataset": {"train": str(data), "class_names": str(shared_file("thucnews", "class.txt")),
                    "text_column": 0, "label_column": 1},
        "text": {"max_len": 24, "tokenizer": {"type": "char", "stopwords": str(stopwords)}},
        "model": {"type": "textcnn", "num_filters": 16},
        "training": {"epochs": 1, "batch_size": 64, "patience": 0}})


def test_a_bundle_trains_elsewhere_and_opens_with_its_run(tmp_path):
    folder = write_bundle(news_settings(tmp_path), tmp_path / "out" / "news", "news", processes=2)
    assert folder == tmp_path / "out" / "news.studio"
    assert sorted(p.name for p in (folder / "data").iterdir()) == ["class.txt", "news.txt", "stop.txt"]
    script = (folder / LAUNCH_FILE).read_text(encoding="utf-8")
    assert os.access(folder / LAUNCH_FILE, os.X_OK) and 'NPROC_PER_NODE:-2' in script
    moved = tmp_path / "cluster" / "news.studio"  # another machine: the original files are gone
    shutil.copytree(folder, moved)
    shutil.rmtree(tmp_path / "mine")
    shutil.rmtree(folder)
    env = dict(os.environ, PYTHON=sys.executable, NPROC_PER_NODE="1", MAX_RESTARTS="0",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(["sh", str(moved / LAUNCH_FILE)], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    project = Project.open(moved)
    assert project.outside_files == [] and len(project.runs) == 1
    run = project.runs[0]
    assert run.finished["status"] == "completed" and run.finished["test"]["accuracy"] > 0
    assert Path(run.settings.dataset.train).parent == moved / "data"


def test_a_folder_in_use_and_a_missing_file_are_refused(tmp_path):
    settings = news_settings(tmp_path)
    (tmp_path / "busy.studio").mkdir()
    (tmp_path / "busy.studio" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ProjectError) as refused:
        write_bundle(settings, tmp_path / "busy", "news")
    assert refused.value.message.code == "bundle.not_empty"
    assert [p.name for p in (tmp_path / "busy.studio").iterdir()] == ["notes.txt"]
    (tmp_path / "mine" / "stop.txt").unlink()
    with pytest.raises(ProjectError) as missing:
        write_bundle(settings, tmp_path / "new", "news")
    assert missing.value.message.code == "bundle.missing_file"
    assert "text.tokenizer.stopwords" in str(missing.value) and "stop.txt" in str(missing.value)
