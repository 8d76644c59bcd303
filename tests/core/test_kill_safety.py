"""Crash safety: a process killed with SIGKILL while it saves a project or trains a run
leaves a project that opens, whose runs load and predict, and whose interrupted run
resumes having lost at most its last epoch.

The children (:mod:`tests.core.kill_child`) are forked from one forkserver that has
imported torch already; each is killed at a random moment after it says it started.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import time
from collections import Counter
from pathlib import Path

import pytest
import torch

from studio.core.data.dataset import DatasetConfig
from studio.core.inference.predictor import Predictor
from studio.core.project import Project
from studio.core.project_runs import read_run
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.text.tokenizers import TokenizerConfig
from studio.core.training import trainer as trainer_module
from studio.core.training.checkpoint import read_checkpoint
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run, resume_run
from tests.core import kill_child

KILLS = 20
LABELS = ["sport", "money", "games"]
SAMPLES = ["ball goal team", "bank rate loan", "", "level player quest ball"]
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the children are forked (POSIX only)")


def write_data(path: Path, rows: int = 300, seed: int = 0) -> Path:
    """Three classes of whitespace-separated words: each class its own 150 words plus
    50 shared ones, so a tiny model learns something and the vocabulary has ~500 words."""
    rng = random.Random(seed)
    shared = [f"w{i}" for i in range(50)]
    lines = []
    for row in range(rows):
        label = LABELS[row % len(LABELS)]
        own = [f"{label}{i}" for i in range(150)]
        words = rng.choices(own, k=rng.randint(3, 10)) + rng.choices(shared, k=rng.randint(0, 5))
        rng.shuffle(words)
        lines.append(" ".join(words) + "\t" + label)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_settings(data: Path, **training) -> Settings:
    return Settings(
        dataset=DatasetConfig(train=str(data), has_header=False, delimiter="\t"),
        text=TextConfig(tokenizer=TokenizerConfig(type="whitespace"), max_len=16),
        model={"type": "textcnn", "embedding_dim": 32, "num_filters": 8},
        training=TrainingConfig(**{"epochs": 3, "batch_size": 16, "lr": 1e-2, "seed": 1,
                                   "device": "cpu", "patience": 0, **training}),
    )


@pytest.fixture(scope="module")
def forkserver():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(kill_child.PRELOAD)
    return context


def kill_at_random(context, target, args, delay: float):
    """Start ``target(*args, conn)``, wait for its first message, kill it ``delay``
    seconds later. Returns every message it sent."""
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(*args, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(60):
            pytest.fail(f"the child never started (exit code {child.exitcode})")
        time.sleep(delay)
        assert child.is_alive(), f"the child died by itself (exit code {child.exitcode})"
        child.kill()
        child.join(10)
        assert child.exitcode == -9
        messages = []
        while True:
            try:
                messages.append(receiver.recv())
            except EOFError:
                return messages
    finally:
        if child.is_alive():
            child.kill()
            child.join(10)
        receiver.close()


def studio_env() -> dict[str, str]:
    """The test's own cache and data folders, for the children to use too."""
    return {k: v for k, v in os.environ.items() if k.startswith("STUDIO_")}


def temp_files(folder: Path) -> set[Path]:
    """Temporary files of unfinished atomic writes (``.<name>.<random>.tmp``)."""
    return set(folder.rglob(".*.tmp"))


def check_predicts(run) -> None:
    probabilities = Predictor(run).probabilities(SAMPLES)
    assert probabilities.shape == (len(SAMPLES), len(LABELS))
    torch.testing.assert_close(probabilities.sum(1), torch.ones(len(SAMPLES)))


def read_events(path: Path) -> list[dict]:
    """The lines of ``metrics.jsonl`` up to one a kill cut short."""
    events = []
    for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else []:
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            break
    return events


def test_kill_while_saving(tmp_path, forkserver):
    data = write_data(tmp_path / "data.tsv")
    settings = make_settings(data)
    project = Project(settings, name="start")
    project.runs.append(execute_run(settings))
    folder = project.save(tmp_path / "saving")
    env = studio_env()
    rng = random.Random(20)
    phases: Counter[str] = Counter()
    names = ["start"]
    for kill in range(KILLS):
        before = temp_files(folder)
        messages = kill_at_random(forkserver, kill_child.save_loop, (str(folder), env),
                                  rng.uniform(0.0, 0.4))
        saves = max(messages)
        names = names[-1:] + [f"save-{i}" for i in range(1, saves + 1)]
        left = temp_files(folder) - before
        phases[", ".join(sorted(p.name.split(".")[1] for p in left)) or "between writes"] += 1

        reopened = Project.open(folder)
        # the save under way when killed happened wholly or not at all
        assert reopened.name in names[-2:], (kill, reopened.name, names[-2:])
        names = [reopened.name]  # what the next child starts from (the save cut short may not have happened)
        assert reopened.settings.training.seed == (int(reopened.name.split("-")[1])
                                                   if reopened.name != "start" else 1)
        assert reopened.runs and reopened.runs[0].id == project.runs[0].id
        assert reopened.interrupted == []
        for run in reopened.runs:
            assert read_run(folder / "runs" / run.id).state_dict.keys() == run.state_dict.keys()
            check_predicts(run)
    print(f"\nkills while saving, by the file being written: {dict(phases)}")
    assert sum(phases.values()) == KILLS


def test_kill_while_training(tmp_path, forkserver, monkeypatch):
    monkeypatch.setattr(trainer_module, "EMIT_EVERY_S", 0.0)  # every step logged, as in the child
    data = write_data(tmp_path / "data.tsv")
    settings = make_settings(data, checkpoint_every_s=0.1)
    folder = Project(settings, name="training").save(tmp_path / "training")
    env = studio_env()
    execute_run(settings)  # fills the encoding cache the children share
    rng = random.Random(6)
    phases: Counter[str] = Counter()
    for kill in range(KILLS):
        run_id = f"run-{kill:02d}"
        run_dir = folder / "runs" / run_id
        messages = kill_at_random(forkserver, kill_child.train_and_save,
                                  (str(folder), run_id, env, 0.015), rng.uniform(0.0, 1.3))
        logged = read_events(run_dir / "metrics.jsonl")
        steps_per_epoch = next((e["steps_per_epoch"] for e in logged if e["event"] == "run_started"), None)
        last_step = max((e["step"] for e in logged if e["event"] == "batch_end"), default=0)

        project = Project.open(folder)
        listed = {run.id: run for run in project.runs}
        interrupted = {path.name for path in project.interrupted}
        assert run_id not in listed or run_id not in interrupted
        if run_id in listed and any(run_id in str(w) and "listed again" in str(w) for w in project.warnings):
            # finished and its checkpoint removed, but the project not saved yet: the run
            # is whole on disk, so opening lists it again and asks for a save (the kill may
            # also land in the moment between the checkpoint going and the child saying so)
            assert messages[-1] in ("training", "trained")
            phases["finished, project not yet saved"] += 1
            assert listed[run_id].finished["status"] == "completed"
            project.save()
        elif run_id in listed:
            assert messages[-1] in ("trained", "saved")
            phases["after the project was saved"] += 1
            assert listed[run_id].finished["status"] == "completed"
        elif run_id in interrupted:
            checkpoint = read_checkpoint(run_dir)
            lost = last_step - checkpoint.meta["step"]
            assert 0 <= lost <= steps_per_epoch, (kill, last_step, checkpoint.meta["step"])
            phases["finishing the run" if checkpoint.meta["finished_as"]
                   else f"training epoch {checkpoint.meta['epoch']}"] += 1
            resumed = resume_run(run_dir)
            assert resumed.finished["status"] == "completed"
            steps = [e["step"] for e in resumed.events if e["event"] == "batch_end"]
            assert steps == list(range(1, settings.training.epochs * steps_per_epoch + 1))
            assert [e["epoch"] for e in resumed.events if e["event"] == "epoch_end"] == [1, 2, 3]
            assert [e["event"] for e in resumed.events].count("run_finished") == 1
            project.runs.append(resumed)
            project.interrupted.remove(run_dir)
            project.save()
        else:
            # killed before the first checkpoint: less than one epoch was lost
            assert last_step < steps_per_epoch if steps_per_epoch else not logged
            phases["before the first checkpoint"] += 1
        project = Project.open(folder)
        assert project.interrupted == []
        for run in project.runs:
            check_predicts(run)
    print(f"\nkills while training, by phase: {dict(phases)}")
