"""A run saved in a project folder and opened again: same settings, weights, predictions."""

from __future__ import annotations

import json
import shutil

import pytest
import torch

from studio.core.data.dataset import DatasetConfig
from studio.core.errors import ProjectError
from studio.core.fileio import file_sha256
from studio.core.inference.predictor import Predictor
from studio.core.project import PROJECT_FILE, Project
from studio.core.project_lock import LOCK_FILE
from studio.core.project_schema import SCHEMA_VERSION
from studio.core.report import Reporter, Stage
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run
from tests.conftest import write_slice

RUN_FILES = {"config.json", "vocab.json", "labels.json", "weights.safetensors", "metrics.jsonl"}
SAMPLES = ["央行宣布下调存款准备金率", "湖人队主场大胜勇士", "新款手机游戏今日公测",
           "高考志愿填报指南发布", "", "某明星新电影票房破十亿"]


def make_settings(train, classes) -> Settings:
    return Settings(
        dataset=DatasetConfig(train=str(train), class_names=str(classes)),
        text=TextConfig(max_len=24),
        model={"type": "textcnn", "embedding_dim": 16, "num_filters": 16},
        training=TrainingConfig(epochs=1, batch_size=64, lr=5e-3, device="cpu"),
    )


@pytest.fixture
def trained_project(tmp_path, thucnews_dev, thucnews_classes):
    train = write_slice(thucnews_dev, tmp_path / "slice.tsv", 1500)
    settings = make_settings(train, thucnews_classes)
    stages = []
    run = execute_run(settings, report=Reporter(on_event=lambda e: stages.append(e) if isinstance(e, Stage) else None))
    assert stages and stages[-1].message.code == "stage.training"
    project = Project(settings, name="News")
    project.runs.append(run)
    return project, run, train


def files_under(root):
    """The project's files, without the lock file every save leaves (empty, kept on purpose)."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name != LOCK_FILE}


def test_run_contents(trained_project):
    project, run, _ = trained_project
    assert run.label_names[0] == "finance" and len(run.label_names) == 10
    assert run.vocab[:2] == ["<pad>", "<unk>"]
    assert set(run.config) == {"dataset", "text", "model", "training", "versions"}
    assert set(run.config["versions"]) == {"studio", "torch", "python"}
    assert run.settings == project.settings
    summary = run.summary()
    assert summary["id"] == run.id and summary["model"] == "textcnn"
    assert summary["status"] == "completed" and summary["best_epoch"] == 1
    assert 0.0 <= summary["test_accuracy"] <= 1.0
    assert [e["event"] for e in run.events][0] == "run_started"
    assert run.events[-1]["event"] == "run_finished"
    assert all(t.device.type == "cpu" for t in run.state_dict.values())


def test_save_and_reopen(tmp_path, trained_project, thucnews_classes):
    project, run, train = trained_project
    predictor = Predictor(run)
    before = predictor.probabilities(SAMPLES)
    assert before.shape == (len(SAMPLES), 10)
    torch.testing.assert_close(before.sum(1), torch.ones(len(SAMPLES)))

    root = project.save(tmp_path / "News")
    assert root == tmp_path / "News.studio" and root.is_dir()
    assert project.path == root

    reopened = Project.open(root)
    assert reopened.warnings == []
    assert reopened.name == "News"
    assert reopened.path == root
    # the saved settings equal the live ones, plus the data files' hashes
    exclude = {"dataset": {"hashes"}}
    assert reopened.settings.model_dump(exclude=exclude) == project.settings.model_dump(exclude=exclude)
    assert reopened.settings.dataset.hashes == {
        "train": file_sha256(train), "class_names": file_sha256(thucnews_classes)}

    assert len(reopened.runs) == 1
    again = reopened.runs[0]
    assert again.id == run.id
    assert again.summary() == run.summary()
    assert again.config == run.config
    assert again.vocab == run.vocab
    assert again.label_names == run.label_names
    assert again.events == run.events
    assert again.saved_to == root / "runs" / run.id
    assert set(again.state_dict) == set(run.state_dict)
    assert all(torch.equal(again.state_dict[k], v) for k, v in run.state_dict.items())

    after = Predictor(again).probabilities(SAMPLES)
    assert torch.equal(before, after)
    predictions = Predictor(again).predict(SAMPLES[:2])
    assert predictions[0].label in run.label_names
    assert list(predictions[0].probabilities) == run.label_names
    assert predictions[0].probabilities[predictions[0].label] == max(predictions[0].probabilities.values())
    assert predictions[0].tokens == list(SAMPLES[0])


def test_files_on_disk(tmp_path, trained_project):
    project, run, _ = trained_project
    root = project.save(tmp_path / "News")
    expected = {PROJECT_FILE} | {f"runs/{run.id}/{name}" for name in RUN_FILES}
    assert files_under(root) == expected
    for path in root.rglob("*"):
        if path.is_file():
            assert not path.read_bytes().startswith(b"\x80"), f"{path} looks like a pickle"

    data = json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["name"] == "News"
    assert data["runs"] == [run.summary()]
    events = [json.loads(line) for line in
              (root / "runs" / run.id / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events == run.events

    # saving again does not rewrite the runs already there
    weights = root / "runs" / run.id / "weights.safetensors"
    stamp = weights.stat().st_mtime_ns
    assert project.save() == root
    assert weights.stat().st_mtime_ns == stamp
    assert files_under(root) == expected


def test_changed_data_file_warns_on_open(tmp_path, trained_project):
    project, _, train = trained_project
    root = project.save(tmp_path / "News")
    with open(train, "a", encoding="utf-8") as handle:
        handle.write("新增的一条新闻标题\t3\n")
    warnings = [str(w) for w in Project.open(root).warnings]
    assert len(warnings) == 1
    assert "data file" in warnings[0] and "changed" in warnings[0]
    assert str(train) in warnings[0]


def test_missing_data_file_warns_on_open(tmp_path, trained_project):
    project, run, train = trained_project
    root = project.save(tmp_path / "News")
    train.unlink()
    reopened = Project.open(root)
    assert len(reopened.warnings) == 1 and "missing" in str(reopened.warnings[0])
    # the run still works without its data
    assert torch.equal(Predictor(reopened.runs[0]).probabilities(SAMPLES),
                       Predictor(run).probabilities(SAMPLES))


def test_data_inside_the_project_moves_with_it(tmp_path, thucnews_dev, thucnews_classes):
    root = tmp_path / "Inside.studio"
    (root / "data").mkdir(parents=True)
    train = write_slice(thucnews_dev, root / "data" / "train.tsv", 200)
    project = Project(make_settings(train, thucnews_classes))
    project.save(root)
    saved = json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))
    assert saved["settings"]["dataset"]["train"] == "data/train.tsv"
    assert project.name == "Inside"

    moved = shutil.copytree(root, tmp_path / "elsewhere" / "Inside.studio")
    reopened = Project.open(moved / PROJECT_FILE)
    assert reopened.warnings == []
    assert reopened.settings.dataset.train == str((moved / "data" / "train.tsv").resolve())


def test_opening_a_folder_without_project_json(tmp_path):
    (tmp_path / "runs").mkdir()
    with pytest.raises(ProjectError, match="project.json"):
        Project.open(tmp_path)
    with pytest.raises(ProjectError):
        Project.open(tmp_path / "does-not-exist.studio")


def test_broken_project_files(tmp_path, trained_project):
    project, run, _ = trained_project
    root = project.save(tmp_path / "News")
    project_file = root / PROJECT_FILE
    good = project_file.read_text(encoding="utf-8")

    newer = good.replace(f'"schema_version": {SCHEMA_VERSION}', '"schema_version": 99')
    project_file.write_text(newer, encoding="utf-8")
    with pytest.raises(ProjectError, match="schema_version"):
        Project.open(root)

    project_file.write_text(good[: len(good) // 2], encoding="utf-8")
    with pytest.raises(ProjectError, match="project.json"):
        Project.open(root)

    project_file.write_text(good, encoding="utf-8")
    (root / "runs" / run.id / "weights.safetensors").write_bytes(b"garbage")
    opened = Project.open(root)  # the project opens; the damaged run is left out and marked
    assert opened.runs == [] and "weights.safetensors" in str(opened.unreadable_runs[0].message)
    opened.save()  # saving in place keeps it listed
    assert [entry["id"] for entry in json.loads(project_file.read_text(encoding="utf-8"))["runs"]] == [run.id]


def test_new_project_needs_a_path():
    with pytest.raises(ProjectError):
        Project().save()


def test_a_new_project_is_saved_under_its_folder_name(tmp_path):
    root = Project().save(tmp_path / "News")
    assert json.loads((root / PROJECT_FILE).read_text(encoding="utf-8"))["name"] == "News"
    assert Project.open(root).name == "News"
