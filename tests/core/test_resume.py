"""Resuming a run from its checkpoint: after SIGKILL in another process, and after Stop.

The resumed run must continue at the checkpoint's step with the same batch order,
and ``metrics.jsonl`` must hold every step once, each epoch's end once and one finish.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import torch

from studio.core.project_runs import read_run
from studio.core.report import Reporter, Stage
from studio.core.settings import Settings
from studio.core.training import trainer as trainer_module
from studio.core.training.checkpoint import read_checkpoint
from studio.core.training.events import BatchEnd
from studio.core.training.run import execute_run, resume_run

ROOT = Path(__file__).resolve().parents[2]
MODEL = {"type": "textcnn", "embedding_dim": 16, "num_filters": 8}


@pytest.fixture
def settings_dict(tmp_path, thucnews_dev, thucnews_classes):
    from tests.conftest import write_slice

    data = write_slice(thucnews_dev, tmp_path / "dev2000.txt", 2000)
    return {"dataset": {"train": str(data), "class_names": str(thucnews_classes)},
            "model": MODEL,
            "training": {"epochs": 2, "batch_size": 32, "lr": 1e-2, "seed": 3, "device": "cpu",
                         "checkpoint_every_s": 0.2, "lr_schedule": "cosine", "warmup_steps": 5}}


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_stream(events: list[dict], epochs: int) -> None:
    """Every step once and in order, each epoch's end once, one start and one finish."""
    started = [e for e in events if e["event"] == "run_started"]
    assert len(started) == 1
    total = epochs * started[0]["steps_per_epoch"]
    steps = [e["step"] for e in events if e["event"] == "batch_end"]
    assert steps == list(range(1, total + 1))
    assert [e["epoch"] for e in events if e["event"] == "epoch_end"] == list(range(1, epochs + 1))
    finished = [e for e in events if e["event"] == "run_finished"]
    assert len(finished) == 1 and finished[0]["status"] == "completed"
    assert events[-1]["event"] == "run_finished"


CHILD = textwrap.dedent("""
    import json, sys, time
    import torch
    torch.set_num_threads(1)
    from studio.core.report import Reporter
    from studio.core.settings import Settings
    from studio.core.training import trainer
    from studio.core.training.run import execute_run
    trainer.EMIT_EVERY_S = 0.0  # one batch_end per step
    slow = Reporter(on_event=lambda event: time.sleep(0.02))  # slow enough to be killed mid-epoch
    execute_run(Settings.from_dict(json.loads(sys.argv[1])), report=slow, run_dir=sys.argv[2])
""")


def test_resume_after_kill(tmp_path, settings_dict, monkeypatch):
    run_dir = tmp_path / "project.studio" / "runs" / "20260101-000000-textcnn"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(settings_dict), str(run_dir)],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    metrics = run_dir / "metrics.jsonl"
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            checkpoint = read_checkpoint(run_dir) if (run_dir / "checkpoint" / "checkpoint.json").is_file() else None
            if checkpoint is not None and 0 < checkpoint.meta["batches_done"] \
                    and checkpoint.meta["epoch"] == 1 and metrics.is_file():
                lines = read_lines(metrics)
                if sum(e["event"] == "batch_end" for e in lines) >= checkpoint.meta["step"] + 3:
                    break
            assert child.poll() is None, child.stderr.read().decode()
            time.sleep(0.02)
        else:
            pytest.fail("the child never reached a mid-epoch checkpoint")
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)
        child.stderr.close()

    checkpoint = read_checkpoint(run_dir)
    saved_step, saved_lines = checkpoint.meta["step"], checkpoint.meta["lines"]
    assert len(read_lines(metrics)) > saved_lines  # the child ran past its checkpoint
    assert not (run_dir / "weights.safetensors").exists()

    monkeypatch.setattr(trainer_module, "EMIT_EVERY_S", 0.0)
    torch.set_num_threads(1)
    seen = []
    run = resume_run(run_dir, report=Reporter(on_event=seen.append))
    new_steps = [e.step for e in seen if isinstance(e, BatchEnd)]
    assert new_steps[0] == saved_step + 1
    events = read_lines(metrics)
    assert [e["step"] for e in events[:saved_lines] if e["event"] == "batch_end"][-1] == saved_step
    check_stream(events, 2)
    assert run.events == events
    assert not (run_dir / "checkpoint").exists()  # finished runs drop their checkpoint

    loaded = read_run(run_dir)
    assert loaded.id == run_dir.name and loaded.finished["status"] == "completed"
    for name, tensor in run.state_dict.items():
        assert torch.equal(loaded.state_dict[name], tensor)

    # the same run without the kill ends with the same weights, bit for bit
    settings_dict["training"]["checkpoint_every_s"] = 3600
    straight = execute_run(Settings.from_dict(settings_dict))
    for name, tensor in straight.state_dict.items():
        assert torch.equal(run.state_dict[name], tensor), name


@pytest.mark.parametrize("ema_decay, precision", [(0.0, "auto"), (0.99, "auto"), (0.0, "fp16")])
def test_resume_after_stop(tmp_path, settings_dict, monkeypatch, ema_decay, precision):
    monkeypatch.setattr(trainer_module, "EMIT_EVERY_S", 0.0)
    settings_dict["training"]["checkpoint_every_s"] = 3600  # only the stop writes one mid-epoch
    settings_dict["training"]["ema_decay"] = ema_decay  # the weight average is resumed too
    settings_dict["training"]["precision"] = precision  # and fp16's loss scale
    settings = Settings.from_dict(settings_dict)
    run_dir = tmp_path / "stopped.studio" / "runs" / "run-1"

    def stop_at(event) -> None:
        if isinstance(event, BatchEnd) and event.step == 60:  # in epoch 2
            report.stop()

    report = Reporter(on_event=stop_at)
    stopped = execute_run(settings, report=report, run_dir=run_dir)
    assert stopped.finished["status"] == "stopped" and stopped.id == "run-1"
    checkpoint = read_checkpoint(run_dir)
    assert checkpoint.meta["step"] == 60 and checkpoint.meta["epoch"] == 2
    assert read_run(run_dir).finished["status"] == "stopped"  # a stopped run is a usable run

    seen = []
    run = resume_run(run_dir, report=Reporter(on_event=seen.append))
    check_stream(read_lines(run_dir / "metrics.jsonl"), 2)
    assert run.finished["status"] == "completed"
    stages = [e.message.code for e in seen if isinstance(e, Stage)]
    assert stages == ["stage.reading_data", "stage.tokenizing", "stage.resuming"]

    straight = execute_run(settings)
    for name, tensor in straight.state_dict.items():
        assert torch.equal(run.state_dict[name], tensor), name
    assert [e for e in straight.events if e["event"] == "epoch_end"][0]["metrics"]["train_loss"] == \
        [e for e in run.events if e["event"] == "epoch_end"][0]["metrics"]["train_loss"]


def test_resume_needs_a_checkpoint(tmp_path, settings_dict):
    from studio.core.errors import ProjectError

    settings_dict["training"]["epochs"] = 1
    run_dir = tmp_path / "done" / "runs" / "r"
    execute_run(Settings.from_dict(settings_dict), run_dir=run_dir)
    with pytest.raises(ProjectError, match="no checkpoint"):
        resume_run(run_dir)


def test_cli_resume_saves_the_project(tmp_path, settings_dict, capsys):
    from studio.cli import main
    from studio.core.project import Project

    settings_dict["training"]["checkpoint_every_s"] = 3600
    run_dir = tmp_path / "cli.studio" / "runs" / "run-7"
    report = Reporter(on_event=lambda e: isinstance(e, BatchEnd) and e.step >= 10 and report.stop())
    execute_run(Settings.from_dict(settings_dict), run_dir=run_dir, report=report)
    assert main(["train", "--resume", str(run_dir)]) == 0
    assert "(run run-7, completed)" in capsys.readouterr().out
    project = Project.open(tmp_path / "cli.studio")
    assert [r.id for r in project.runs] == ["run-7"]
    assert project.runs[0].finished["status"] == "completed"
    epochs = [e["epoch"] for e in project.runs[0].events if e["event"] == "epoch_end"]
    assert epochs == [1, 2]


def test_resume_validates_the_run_and_its_data(tmp_path, settings_dict):
    """resume_run reads the run folder as a project does (validated), and refuses data
    that no longer gives the run's vocabulary or labels."""
    from studio.core.errors import ProjectError

    settings_dict["training"]["checkpoint_every_s"] = 3600
    run_dir = tmp_path / "checked.studio" / "runs" / "run-2"
    report = Reporter(on_event=lambda e: isinstance(e, BatchEnd) and e.step >= 5 and report.stop())
    execute_run(Settings.from_dict(settings_dict), run_dir=run_dir, report=report)

    config = json.loads((run_dir / "config.json").read_text(encoding="utf-8"))
    (run_dir / "config.json").write_text(json.dumps({**config, "unknown": 1}), encoding="utf-8")
    with pytest.raises(ProjectError, match="config.json: invalid settings"):
        resume_run(run_dir)
    (run_dir / "config.json").write_text(json.dumps(config), encoding="utf-8")

    labels = json.loads((run_dir / "labels.json").read_text(encoding="utf-8"))
    (run_dir / "labels.json").write_text(json.dumps(labels[::-1]), encoding="utf-8")
    with pytest.raises(ProjectError, match="another vocabulary or other labels") as caught:
        resume_run(run_dir)
    assert caught.value.code == "run.data_changed"
