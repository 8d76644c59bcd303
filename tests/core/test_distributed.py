"""Training on two processes (torchrun, DistributedDataParallel, gloo) on a THUCNews slice:
the same model as one process, only process 0 writes, and a killed worker's run goes on
from its checkpoint, on two processes or on one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.cli_distributed import without_launcher_options
from studio.core.training.distributed import Distributed, from_environment, share
from tests.conftest import shared_file, write_slice

ROOT = Path(__file__).resolve().parents[2]
AUDIT = Path(__file__).with_name("audit_writes.py")
TIMEOUT_S = 300


@pytest.fixture
def news(tmp_path):
    """A THUCNews slice as three files: 4,000 training, 1,000 validation, 2,000 test rows."""
    folder = tmp_path / "news"
    return {"train": write_slice(shared_file("thucnews", "train.txt"), folder / "train.txt", 4000),
            "--validation": write_slice(shared_file("thucnews", "dev.txt"), folder / "dev.txt", 1000),
            "--test": write_slice(shared_file("thucnews", "test.txt"), folder / "test.txt", 2000),
            "--class-names": shared_file("thucnews", "class.txt")}


def train_args(news: dict, out: Path, epochs: int = 2, *extra: str) -> list[str]:
    files = [str(news["train"])] + [str(v) for k, v in news.items() if k.startswith("--") for v in (k, v)]
    # no dropout: one process and two then differ only in float rounding
    return ["train", *files, "--model", "textcnn", "--set", "dropout=0", "--set", "num_filters=64",
            "--epochs", str(epochs), "--batch-size", "64", "--patience", "0", "--out", str(out), *extra]


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S, **kwargs)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def events(project: Path) -> list[dict]:
    (run_dir,) = (project / "runs").iterdir()
    return [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]


def test_the_place_comes_from_torchrun_and_a_batch_is_dealt_out():
    assert from_environment({}) is None
    assert from_environment({"RANK": "0", "WORLD_SIZE": "1", "LOCAL_RANK": "0"}) is None
    place = from_environment({"RANK": "3", "WORLD_SIZE": "4", "LOCAL_RANK": "1", "LOCAL_WORLD_SIZE": "2"})
    assert place == Distributed(3, 4, 1, 2) and not place.is_main
    import torch

    batch = torch.arange(10)
    shares = [share(batch, Distributed(rank, 4)) for rank in range(4)]
    assert sorted(torch.cat(shares).tolist()) == list(range(10))
    assert [len(s) for s in shares] == [3, 3, 2, 2]
    assert without_launcher_options(["train", "d.txt", "--nproc-per-node", "2", "--max-restarts=1", "--lr", "1"]) \
        == ["train", "d.txt", "--lr", "1"]


def test_two_processes_train_the_model_one_does_and_only_process_0_writes(news, tmp_path):
    one = run([sys.executable, "-m", "studio", *train_args(news, tmp_path / "one")])
    audit = tmp_path / "audit"
    audit.mkdir()
    env = dict(os.environ, STUDIO_AUDIT_DIR=str(audit), OMP_NUM_THREADS="1")
    two = run([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node=2", str(AUDIT),
               *train_args(news, tmp_path / "two")], env=env)
    finished = {name: [e for e in events(tmp_path / f"{name}.studio") if e["event"] == "run_finished"][0]
                for name in ("one", "two")}
    accuracy = {name: e["test"]["accuracy"] for name, e in finished.items()}
    assert accuracy["one"] > 0.5, one.stdout  # it learned
    assert abs(accuracy["one"] - accuracy["two"]) <= 0.01, (accuracy, two.stdout)
    log = events(tmp_path / "two.studio")  # one writer: every event once
    assert [e["event"] for e in log].count("run_started") == 1
    assert [e["epoch"] for e in log if e["event"] == "epoch_end"] == [1, 2]
    started = next(e for e in log if e["event"] == "run_started")
    assert started["num_train"] == 4000
    watched = [str(tmp_path / "two.studio"), os.environ["STUDIO_CACHE_DIR"], os.environ["STUDIO_DATA_DIR"]]
    writes = {rank: (audit / f"writes-{rank}.txt").read_text(encoding="utf-8").splitlines() for rank in (0, 1)}
    assert any(path.endswith("weights.safetensors") for path in writes[0])  # the audit sees the writes
    assert [path for path in writes[1] if path.startswith(tuple(watched))] == []


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc)."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found += map(int, children)
        queue += map(int, children)
    return found


def wait_for_checkpoint(project: Path, process: subprocess.Popen) -> dict:
    """The checkpoint once one within an epoch after its first batches is on disk."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        for meta in project.glob("runs/*/checkpoint/checkpoint.json"):
            try:
                found = json.loads(meta.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if found.get("batches_done", 0) > 0:
                return found
        time.sleep(0.1)
    out, err = process.communicate(timeout=30)
    pytest.fail(f"no checkpoint came: {out[-2000:]} {err[-2000:]}")


def check_whole(project: Path, epochs: int) -> None:
    log = events(project)
    steps = [e["step"] for e in log if e["event"] == "batch_end"]
    assert steps == sorted(set(steps))  # cut back to the checkpoint: no step twice
    assert steps[-1] == epochs * -(-4000 // 64)  # every step of every epoch, none lost
    assert [e["epoch"] for e in log if e["event"] == "epoch_end"] == list(range(1, epochs + 1))
    assert log[-1]["event"] == "run_finished" and log[-1]["status"] == "completed"
    (run_dir,) = (project / "runs").iterdir()
    assert (run_dir / "weights.safetensors").is_file() and not (run_dir / "checkpoint").exists()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the worker processes through /proc")
def test_a_killed_worker_is_restarted_and_the_run_goes_on_from_its_checkpoint(news, tmp_path):
    project = tmp_path / "elastic.studio"
    command = [sys.executable, "-m", "studio", *train_args(news, project, 3, "--nproc-per-node", "2",
                                                           "--max-restarts", "1", "--checkpoint-every", "0.2")]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    checkpoint = wait_for_checkpoint(project, process)
    (agent,) = [pid for pid in descendants(process.pid)
                if b"torch.distributed.run" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    workers = descendants(agent)
    assert len(workers) == 2, workers
    os.kill(workers[-1], signal.SIGKILL)
    out, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 0, out[-3000:] + err[-3000:]
    assert "continuing run" in out and checkpoint["launch"]
    check_whole(project, 3)


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the worker processes through /proc")
def test_a_distributed_run_resumes_on_one_process(news, tmp_path):
    project = tmp_path / "moved.studio"
    command = [sys.executable, "-m", "studio", *train_args(news, project, 2, "--nproc-per-node", "2",
                                                           "--checkpoint-every", "0.2")]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_checkpoint(project, process)
    for pid in [process.pid, *descendants(process.pid)]:  # the launcher, torchrun and both workers
        os.kill(pid, signal.SIGKILL)
    process.communicate(timeout=30)
    (run_dir,) = (project / "runs").iterdir()
    run([sys.executable, "-m", "studio", "train", "--resume", str(run_dir)])
    check_whole(project, 2)
