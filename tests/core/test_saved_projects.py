"""Projects saved by earlier versions of the studio still open, and their runs still predict.

``tests/data/projects/v1`` was saved by schema version 1: a textcnn trained one epoch on
200 rows of its own ``data.tsv``. ``v2`` is the same project saved by schema version 2
with its data embedded: its settings name data files outside it that no longer exist,
and ``data/`` holds their copies. Never regenerate them; add a new folder per version.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch

from studio import __version__
from studio.core.inference.predictor import Predictor
from studio.core.project import PROJECT_FILE, Project
from studio.core.project_schema import SCHEMA_VERSION

SAVED = Path(__file__).resolve().parents[1] / "data" / "projects"
RUN_ID = "20261121-160802-textcnn"


@pytest.fixture
def v1(tmp_path) -> Path:
    """A copy, so opening or saving never touches the kept files."""
    return shutil.copytree(SAVED / "v1", tmp_path / "v1")


@pytest.fixture
def v2(tmp_path) -> Path:
    return shutil.copytree(SAVED / "v2", tmp_path / "v2")


def test_v1_opens_with_its_settings_and_run(v1):
    project = Project.open(v1)
    assert project.warnings == []
    assert project.name == "Tiny"
    settings = project.settings
    assert settings.model.type == "textcnn"
    assert settings.model.embedding_dim == 8 and settings.model.num_filters == 4
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


def test_v1_is_migrated_and_saved_as_the_current_version(v1, tmp_path):
    root = Project.open(v1).save(tmp_path / "again")
    data = json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["saved_by"]["studio"] == __version__ and data["saved_by"]["saved_at"]
    assert data["data_copies"] == {}


def test_v2_offers_its_data_copies_when_the_files_are_gone(v2):
    project = Project.open(v2)
    assert [run.id for run in project.runs] == [RUN_ID]
    problems = project.data_problems()
    assert [(p.role, p.kind) for p in problems] == [("train", "missing"), ("class_names", "missing")]
    assert [p.copy for p in problems] == [v2 / "data" / "data.tsv", v2 / "data" / "classes.txt"]
    assert all("use the copy kept in the project" in str(p.message) for p in problems)
    for problem in problems:
        project.use_data_copy(problem.role)
    assert project.data_problems() == []
    assert Path(project.settings.dataset.train) == v2 / "data" / "data.tsv"
    assert project.embed_data  # the choice to embed is kept for the next save
    probabilities = Predictor(project.runs[0]).probabilities(["球队主场比赛进球"])
    assert probabilities.shape == (1, 2)
