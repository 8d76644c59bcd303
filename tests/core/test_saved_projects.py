"""Projects saved by earlier versions of the studio still open, and their runs still predict.

``tests/data/projects/v1`` was saved by schema version 1: a textcnn trained one epoch on
200 rows of its own ``data.tsv``. Never regenerate it; add a new folder per version.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import torch

from studio.core.inference.predictor import Predictor
from studio.core.project import Project

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects"
RUN_ID = "20261121-160802-textcnn"


@pytest.fixture
def v1(tmp_path) -> Path:
    """A copy, so opening or saving never touches the kept files."""
    return shutil.copytree(SAVED / "v1", tmp_path / "v1")


def test_v1_opens_with_its_settings_and_run(v1):
    project = Project.open(v1)
    assert project.warnings == []
    assert project.name == "Tiny"
    settings = project.settings
    assert settings.model["type"] == "textcnn"
    assert settings.model["embedding_dim"] == 8 and settings.model["num_filters"] == 4
    assert settings.text.max_len == 16
    assert settings.training.epochs == 1
    assert Path(settings.dataset.train) == v1 / "data.tsv"
    assert Path(settings.dataset.class_names) == v1 / "classes.txt"
    assert [run.id for run in project.runs] == [RUN_ID]
    run = project.runs[0]
    assert run.label_names == ["sports", "finance"]
    assert run.summary()["status"] == "completed" and run.summary()["best_epoch"] == 1
    assert run.saved_to == v1 / "runs" / RUN_ID


def test_v1_run_predicts(v1):
    run = Project.open(v1).runs[0]
    texts = ["球队主场比赛进球", "央行利率债券汇率"]
    probabilities = Predictor(run).probabilities(texts)
    assert probabilities.shape == (2, 2)
    torch.testing.assert_close(probabilities.sum(1), torch.ones(2))
    predictions = Predictor(run).predict(texts)
    assert all(p.label in ("sports", "finance") for p in predictions)
    assert predictions[0].tokens == list(texts[0])


def test_v1_saves_again(v1, tmp_path):
    project = Project.open(v1)
    root = project.save(tmp_path / "again")
    reopened = Project.open(root)
    assert [run.id for run in reopened.runs] == [RUN_ID]
    assert reopened.settings.model == project.settings.model
