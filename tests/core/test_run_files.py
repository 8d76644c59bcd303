"""The run folder's one owner: where a new run goes, its files as it trains, and reading
them back validated."""

from __future__ import annotations

import json
import os

import pytest
import torch

from studio.core.errors import ProjectError
from studio.core.project_runs import RUNS_FOLDER, new_run_id, place_new_run
from studio.core.run_files import (
    EventLog,
    read_events,
    read_run_files,
    run_config,
    settings_dict,
    settings_of,
    start_run_folder,
    write_weights,
)
from studio.core.settings import Settings
from studio.core.training.events import RunFinished, RunStarted


def test_new_run_ids_avoid_the_taken_ones():
    first = new_run_id("textcnn")
    assert first.endswith("-textcnn") and len(first) == len("20260101-120000-textcnn")
    assert new_run_id("textcnn", [first]) in (f"{first}-2", new_run_id("textcnn"))


def test_place_new_run_in_a_project_or_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    project = tmp_path / "p.studio"
    placed = place_new_run(project, "textrnn")
    assert placed.parent == project / RUNS_FOLDER and placed.name.endswith("-textrnn")
    placed.mkdir(parents=True)  # a folder already there (an interrupted run) is taken too
    again = place_new_run(project, "textrnn", taken=[])
    assert again != placed and again.parent == placed.parent
    assert place_new_run(project, "textrnn", taken=[again.name]) not in (placed, again)
    cached = place_new_run(None, "mlp")
    assert cached.parent == tmp_path / "cache" / RUNS_FOLDER


def test_settings_of_a_run_config():
    config = run_config(Settings(model={"type": "fasttext"}))
    assert set(config["versions"]) == {"studio", "torch", "python"}
    assert "versions" not in settings_dict(config)
    assert settings_of(config).model.type == "fasttext"


def test_a_started_folder_reads_back(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    config = run_config(Settings())
    run_dir = start_run_folder(tmp_path / "cache" / "runs" / "r1", config, ["<pad>", "<unk>", "a"], ["x", "y"])
    read, vocab, labels = read_run_files(run_dir)
    assert read == config and vocab == ["<pad>", "<unk>", "a"] and labels == ["x", "y"]
    write_weights(run_dir, {"w": torch.ones(2)})
    assert (run_dir / "weights.safetensors").is_file()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_run_folder_leading_elsewhere_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(tmp_path / "cache"))
    runs = tmp_path / "cache" / "runs"
    runs.mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (runs / "r1").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ProjectError, match="leads outside") as caught:
        start_run_folder(runs / "r1", run_config(Settings()), [], [])
    assert caught.value.code == "run.leads_outside"
    assert not any((tmp_path / "elsewhere").iterdir())


def test_the_event_log_keeps_the_checkpointed_lines(tmp_path):
    started = RunStarted("textcnn", "CPU (1 threads)", 10, 2, 1, 1, 100)
    log = EventLog(tmp_path)
    log.write(started)
    log.write(RunFinished("stopped", 0))
    log.close()
    assert log.lines == 2 and [e["event"] for e in read_events(tmp_path)] == ["run_started", "run_finished"]
    log = EventLog(tmp_path, keep=1)  # a resume cuts the stream back to its checkpoint
    log.close()
    assert [e["event"] for e in read_events(tmp_path)] == ["run_started"]
    with pytest.raises(ProjectError, match="fewer than the 5 lines") as caught:
        EventLog(tmp_path, keep=5)
    assert caught.value.code == "run.metrics_short"


def test_a_line_that_is_not_an_event_is_named(tmp_path):
    first = '{"event": "epoch_end", "epoch": 1, "metrics": {"val_accuracy": 0.5}}\n'
    for second in ('[1, 2]', '{"event": "bogus"}', '{"oops": 1}', '{"event": "run_started"}',
                   '{"event": "batch_end", "epoch": 1, "step": 2, "loss": "high", "lr": 0.1, "samples_per_s": 1}'):
        (tmp_path / "metrics.jsonl").write_text(first + second + "\n", encoding="utf-8")
        with pytest.raises(ProjectError, match=r"metrics.jsonl, line 2: not a training event") as caught:
            read_events(tmp_path)
        assert caught.value.code == "run.not_an_event"


def test_files_of_the_wrong_kind_are_named(tmp_path):
    config = run_config(Settings())
    for name, value in (("config.json", config), ("vocab.json", ["a"]), ("labels.json", ["x", "y"])):
        (tmp_path / name).write_text(json.dumps(value), encoding="utf-8")
    (tmp_path / "labels.json").write_text('["x", 2]', encoding="utf-8")
    with pytest.raises(ProjectError, match="labels.json: must be a JSON list of strings"):
        read_run_files(tmp_path)
    (tmp_path / "config.json").write_text('{"model": {"type": "nonsense"}}', encoding="utf-8")
    with pytest.raises(ProjectError, match="config.json: invalid settings:\nmodel: model type: unknown"):
        read_run_files(tmp_path)
