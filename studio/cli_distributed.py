"""``studio train`` on several processes (DistributedDataParallel).

``studio train ... --nproc-per-node N`` starts PyTorch's own launcher, ``torchrun``, for this
machine with the same command; on a cluster, ``torchrun --nnodes ... --rdzv-backend c10d
--rdzv-endpoint HOST:PORT -m studio train ...`` starts it on every node. Under torchrun every
process trains its share of each global batch (:mod:`studio.core.training.distributed`) and
process 0 alone writes the run and the project.

After a failure, ``--max-restarts`` makes torchrun start the processes again; process 0 then
finds the run whose checkpoint this launch wrote (its ``TORCHELASTIC_RUN_ID``) and every
process continues it from that checkpoint.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

TORCHRUN_OPTIONS = ("--nproc-per-node", "--max-restarts")  # torchrun's, not the training's


def add_options(train: argparse.ArgumentParser) -> None:
    train.add_argument("--nproc-per-node", type=int, default=1, metavar="N",
                       help="train on N processes of this machine with DistributedDataParallel, started "
                            "by torchrun (one per GPU on CUDA; on a CPU they share its cores); "
                            "--batch-size stays the global batch (default 1: no torchrun)")
    train.add_argument("--max-restarts", type=int, default=0, metavar="K",
                       help="with --nproc-per-node: restart the processes up to K times after a failure, "
                            "continuing from the last checkpoint (default 0)")
    train.add_argument("--checkpoint-every", type=float, metavar="SECONDS",
                       help="seconds between checkpoints within an epoch (default 30; one is always "
                            "written at each epoch's end)")


def add_bundle_parser(sub, allow_help: str) -> None:
    bundle = sub.add_parser(
        "bundle", help="pack a run's settings and data to train on another machine with torchrun",
        description="Write FOLDER: a project with the run's settings, the files they read copied into "
                    "data/, and launch.sh, which trains it there with torchrun (one or several machines, "
                    "Slurm). Open the folder in the studio afterwards to see the new run.")
    bundle.add_argument("project", help="project folder (.studio)")
    bundle.add_argument("folder", help="the bundle's folder: new or empty (.studio is added)")
    bundle.add_argument("--run", help="run id whose settings to take (default: the latest run; a project "
                                      "without runs gives its current settings)")
    bundle.add_argument("--nproc-per-node", type=int, default=1, metavar="N",
                        help="launch.sh's default processes per machine, e.g. its GPUs (default 1)")
    bundle.add_argument("--allow-outside-files", action="store_true", help=allow_help)


def run_bundle(args) -> int:
    """``studio bundle PROJECT FOLDER``."""
    from studio.cli import open_project, pick_run
    from studio.core.bundle import LAUNCH_FILE, write_bundle

    project = open_project(args.project, args.allow_outside_files)
    settings = pick_run(args.project, args.run, args.allow_outside_files).settings if project.runs or args.run \
        else project.settings
    folder = write_bundle(settings, args.folder, project.name, args.nproc_per_node)
    print(f"wrote {folder}: run `{folder / LAUNCH_FILE}` on the machine that trains it")
    return 0


def launch(argv: list[str], processes: int, max_restarts: int) -> int:
    """Run ``torchrun --standalone`` for this machine on the same ``studio`` command
    (``argv`` without the launcher's options) and return its exit status."""
    from studio.core.training.threads import available_cpus

    command = [sys.executable, "-m", "torch.distributed.run", "--standalone",
               f"--nproc-per-node={processes}", f"--max-restarts={max_restarts}",
               "-m", "studio", *without_launcher_options(argv)]
    env = dict(os.environ)
    # torchrun would give each process 1 thread; share the cores out instead
    env.setdefault("OMP_NUM_THREADS", str(max(1, available_cpus() // processes)))
    print(" ".join(command[1:]), flush=True)
    return subprocess.call(command, env=env)


def without_launcher_options(argv: list[str]) -> list[str]:
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg in TORCHRUN_OPTIONS:
            skip = True
        elif not arg.startswith(tuple(f"{option}=" for option in TORCHRUN_OPTIONS)):
            kept.append(arg)
    return kept


def launched_run(project: Path, launch: str | None) -> Path | None:
    """The run folder in ``project`` whose checkpoint this launch wrote, if any."""
    from studio.core.errors import ProjectError
    from studio.core.training.checkpoint import read_meta

    if launch is None:
        return None
    for checkpoint in sorted((project / "runs").glob("*/checkpoint/checkpoint.json")):
        run_dir = checkpoint.parent.parent
        try:
            if read_meta(run_dir).get("launch") == launch:
                return run_dir
        except ProjectError:  # a damaged checkpoint is some other run's business
            continue
    return None


def train(settings, tables: dict, out: Path, on_event) -> object | None:
    """Train under torchrun as one of its processes: a new run in ``out`` (process 0 places
    it, the others learn where), or the one this launch was training before a restart.
    Returns the run on process 0, else None."""
    from studio.core.project_runs import place_new_run
    from studio.core.report import Reporter
    from studio.core.training.device import choose_device
    from studio.core.training.distributed import broadcast_object, from_environment, join, launch_id, leave
    from studio.core.training.run import execute_run, resume_run

    place = from_environment()
    join(place, choose_device(settings.training.device))
    chosen = None
    if place.is_main:
        found = launched_run(out, launch_id())
        chosen = (str(found), True) if found else (str(place_new_run(out, settings.model.type)), False)
    folder, resuming = broadcast_object(chosen, place)
    report = Reporter(on_event=on_event if place.is_main else None)
    try:
        if resuming:
            if place.is_main:
                print(f"continuing run {Path(folder).name} from its checkpoint", flush=True)
            run = resume_run(folder, tables, report, distributed=place)
        else:
            run = execute_run(settings, tables, report, run_dir=folder, distributed=place)
    finally:
        leave()
    return run if place.is_main else None
