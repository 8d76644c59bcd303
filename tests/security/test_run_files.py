"""Issue 14, item 5: a run folder's files crafted to hang, exhaust memory or break opening.

The attacks, as files on disk: ``config.json``, ``vocab.json``, ``labels.json`` and
``metrics.jsonl`` far larger than the studio writes (read whole, with no cap); a JSON
integer longer than 4,300 digits (a bare ``ValueError`` that escaped); one crafted run
folder, even one ``project.json`` does not list, that made the whole project impossible
to open; a ``config.json`` that is a FIFO (the read blocks for ever) or a symlink to
``/dev/zero`` (the read never ends); and ``runs`` or ``runs/<id>`` as symlinks to folders
outside the project. Now a bad listed run is kept in ``unreadable_runs``, a bad unlisted
one is ignored, and the project opens.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from studio.core.errors import ProjectError
from studio.core.project import Project
from tests.security.test_checkpoint_escape import RUN_ID, saved_project

try:
    from studio.core.safe_files import MAX_METRICS_BYTES, MAX_RUN_JSON_BYTES
except ImportError:  # the code before issue 14 had no caps; the sizes it then added
    MAX_RUN_JSON_BYTES, MAX_METRICS_BYTES = 64 << 20, 256 << 20

UNLISTED = "20990101-000000-textcnn"
HUGE = "9" * 5000  # Python refuses to convert integers longer than 4,300 digits
DEEP = "[" * 100_000 + "]" * 100_000

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs need POSIX")


@pytest.fixture
def project_dir(fake_home) -> Path:
    return saved_project(fake_home / "Downloads" / "crafted.studio")


def run_folder(project_dir: Path, run_id: str = RUN_ID) -> Path:
    """The run ``run_id`` of the project; an unlisted one is made as a copy of the listed one."""
    folder = project_dir / "runs" / run_id
    if not folder.exists():
        shutil.copytree(project_dir / "runs" / RUN_ID, folder)
    return folder


def assert_run_unreadable(project: Project) -> None:
    """The project opened, its one listed run kept aside as unreadable."""
    assert [run.id for run in project.runs] == []
    assert [entry.id for entry in project.unreadable_runs] == [RUN_ID]


def assert_only_the_listed_run(project: Project) -> None:
    assert [run.id for run in project.runs] == [RUN_ID]
    assert project.interrupted == [] and project.unreadable_runs == []


# ----- too large ------------------------------------------------------------------
def bytes_read() -> int:
    """Bytes this process has read through read() calls so far (Linux)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts bytes read through /proc/self/io")
@pytest.mark.parametrize("name, cap", [("config.json", MAX_RUN_JSON_BYTES), ("vocab.json", MAX_RUN_JSON_BYTES),
                                       ("labels.json", MAX_RUN_JSON_BYTES), ("metrics.jsonl", MAX_METRICS_BYTES)])
def test_a_run_file_over_its_cap_is_not_read(project_dir, name, cap):
    with open(run_folder(project_dir) / name, "r+b") as handle:
        handle.truncate(cap + 1)  # sparse: no disk used, but reading it reads every byte
    before = bytes_read()
    try:
        opened = Project.open(project_dir)
    except ProjectError as exc:  # the old code: the whole project refused, after reading it all
        opened = exc
    read = bytes_read() - before
    assert read < cap // 4, f"Project.open read {read:,} bytes of a {cap + 1:,}-byte {name}"
    assert isinstance(opened, Project), opened
    assert_run_unreadable(opened)
    assert "bytes" in str(opened.unreadable_runs[0].message)


def test_reading_a_small_project_allocates_about_its_size(project_dir):
    Project.open(project_dir)  # imports and caches warmed up
    tracemalloc.start()
    try:
        Project.open(project_dir)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, f"opening a 50 kB project allocated {peak:,} bytes at its peak"


# ----- numbers and nesting JSON cannot hold ---------------------------------------
CRAFTED = {
    "config.json": lambda text: '{"versions": {"studio": ' + text + "}}",
    "vocab.json": lambda text: '["<pad>", "<unk>", ' + text + "]",
    "labels.json": lambda text: '["sports", ' + text + "]",
    "metrics.jsonl": lambda text: '{"event": "run_started", "num_train": ' + text + "}\n",
}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_huge_integer_in_a_listed_run_leaves_that_run_out(project_dir, name):
    (run_folder(project_dir) / name).write_text(CRAFTED[name](HUGE), encoding="utf-8")
    assert_run_unreadable(Project.open(project_dir))


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_deep_nesting_in_a_listed_run_leaves_that_run_out(project_dir, name):
    (run_folder(project_dir) / name).write_text(CRAFTED[name](DEEP), encoding="utf-8")
    assert_run_unreadable(Project.open(project_dir))


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_crafted_unlisted_run_does_not_stop_the_project_opening(project_dir, name):
    (run_folder(project_dir, UNLISTED) / name).write_text(CRAFTED[name](HUGE), encoding="utf-8")
    assert_only_the_listed_run(Project.open(project_dir))


def test_a_huge_integer_in_project_json_is_a_project_error(project_dir):
    file = project_dir / "project.json"
    file.write_text(file.read_text(encoding="utf-8").replace('"name": "Tiny"', f'"name": {HUGE}'),
                    encoding="utf-8")
    with pytest.raises(ProjectError, match="project.json"):
        Project.open(project_dir)


def test_a_huge_integer_in_a_run_entry_of_project_json_is_a_project_error(project_dir):
    file = project_dir / "project.json"
    text = file.read_text(encoding="utf-8")
    assert '"best_epoch": 1' in text
    file.write_text(text.replace('"best_epoch": 1', f'"best_epoch": {HUGE}'), encoding="utf-8")
    with pytest.raises(ProjectError, match="project.json"):
        Project.open(project_dir)


# ----- files that are not files ---------------------------------------------------
def _unblock(fifo: Path, reader: threading.Thread) -> None:
    """Let a reader blocked on ``fifo`` go: open it for writing, then close it (end of file)."""
    deadline = time.monotonic() + 5
    while reader.is_alive() and time.monotonic() < deadline:
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:  # no reader has it open yet
            pass
        reader.join(0.1)


@posix_only
@pytest.mark.parametrize("name", ["config.json", "vocab.json", "labels.json"])
def test_a_fifo_in_a_run_does_not_hang_opening(project_dir, name):
    fifo = run_folder(project_dir) / name
    fifo.unlink()
    os.mkfifo(fifo)
    result: dict[str, object] = {}

    def open_it():
        try:
            result["project"] = Project.open(project_dir)
        except BaseException as exc:  # reported below, on the test's thread
            result["error"] = exc

    reader = threading.Thread(target=open_it, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():
        _unblock(fifo, reader)
        pytest.fail(f"Project.open blocked for 5 s reading the FIFO {name}")
    assert "error" not in result, result.get("error")
    assert_run_unreadable(result["project"])


OPEN_IN_A_CHILD = textwrap.dedent("""
    import json, resource, sys
    from studio.core.project import Project
    size = int(open("/proc/self/status").read().split("VmSize:")[1].split()[0]) * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size + (2 << 30), size + (2 << 30)))  # 2 GiB more, at most
    project = Project.open(sys.argv[1])
    print(json.dumps({"runs": [r.id for r in project.runs], "unreadable": [u.id for u in project.unreadable_runs]}))
""")


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_config_json_linked_to_dev_zero_does_not_exhaust_memory(project_dir):
    config = run_folder(project_dir) / "config.json"
    config.unlink()
    os.symlink("/dev/zero", config)
    # in a child process with a memory limit: the old code read until memory ran out
    child = subprocess.run([sys.executable, "-c", OPEN_IN_A_CHILD, str(project_dir)],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr[-2000:]
    assert json.loads(child.stdout.splitlines()[-1]) == {"runs": [], "unreadable": [RUN_ID]}


@posix_only
@pytest.mark.parametrize("name", ["config.json", "weights.safetensors"])
def test_a_run_file_linked_to_a_file_outside_is_not_read(project_dir, fake_home, name):
    outside = fake_home / "elsewhere" / name
    outside.parent.mkdir()
    shutil.move(run_folder(project_dir) / name, outside)  # a valid file, but not the project's
    os.symlink(outside, run_folder(project_dir) / name)
    assert_run_unreadable(Project.open(project_dir))


# ----- run folders that lead outside ----------------------------------------------
@pytest.fixture
def runs_elsewhere(fake_home, project_dir) -> Path:
    """A folder outside the project holding a copy of its runs."""
    outside = fake_home / "elsewhere" / "runs"
    shutil.copytree(project_dir / "runs", outside)
    return outside


@posix_only
def test_a_runs_folder_linked_outside_is_a_project_error(project_dir, runs_elsewhere):
    shutil.rmtree(project_dir / "runs")
    os.symlink(runs_elsewhere, project_dir / "runs")
    with pytest.raises(ProjectError, match="runs"):
        Project.open(project_dir)


@posix_only
def test_a_listed_run_folder_linked_outside_is_not_read(project_dir, runs_elsewhere):
    shutil.rmtree(run_folder(project_dir))
    os.symlink(runs_elsewhere / RUN_ID, project_dir / "runs" / RUN_ID)
    assert_run_unreadable(Project.open(project_dir))


@posix_only
def test_an_unlisted_run_folder_linked_outside_is_ignored(project_dir, runs_elsewhere):
    os.symlink(runs_elsewhere / RUN_ID, project_dir / "runs" / UNLISTED)
    (runs_elsewhere / "interrupted").mkdir()
    shutil.copytree(runs_elsewhere / RUN_ID, runs_elsewhere / "interrupted" / "r")
    (runs_elsewhere / "interrupted" / "r" / "checkpoint").mkdir()
    (runs_elsewhere / "interrupted" / "r" / "checkpoint" / "checkpoint.json").write_text(
        json.dumps({"format": 1, "lines": 0, "tensors": "state-1.safetensors"}), encoding="utf-8")
    os.symlink(runs_elsewhere / "interrupted" / "r", project_dir / "runs" / "20990101-000001-textcnn")
    assert_only_the_listed_run(Project.open(project_dir))
