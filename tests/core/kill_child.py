"""Work for the processes that ``test_kill_safety.py`` kills with SIGKILL.

Each child is forked from a multiprocessing forkserver that imported torch and the
studio once (``PRELOAD``), so that twenty children cost twenty forks rather than
twenty torch imports. A child reports how far it got through a one-way pipe; every
message is one small ``write``, so a kill never leaves half of one.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import replace
from multiprocessing.connection import Connection

import torch
import torch._dynamo  # noqa: F401  the first optimizer step imports it (1-2 s); the forkserver pays once

from studio.core.project import Project
from studio.core.report import Reporter
from studio.core.training import trainer
from studio.core.training.events import BatchEnd
from studio.core.training.run import execute_run

PRELOAD = ["tests.core.kill_child"]
COPIES_KEPT = 4  # listed copies of the first run; older ones are dropped from the list


def _enter(env: dict[str, str]) -> None:
    # the forkserver kept the environment of the test that started it, not this one's
    os.environ.update(env)
    torch.set_num_threads(1)


def save_loop(folder: str, env: dict[str, str], conn: Connection) -> None:
    """Save the project in ``folder`` again and again until killed, changing its name
    and seed each time and adding a run (so new weights are written) every third time.
    Sends ``i`` just before save ``i`` starts."""
    _enter(env)
    project = Project.open(folder)
    first = project.runs[0]
    conn.send(0)
    i = 0
    while True:
        i += 1
        project.name = f"save-{i}"
        training = project.settings.training.model_copy(update={"seed": i})
        project.settings = project.settings.model_copy(update={"training": training})
        if i % 3 == 1:
            state = {k: v + i if v.is_floating_point() else v for k, v in first.state_dict.items()}
            project.runs.append(replace(first, id=f"copy-{i}", state_dict=state, saved_to=None))
            if len(project.runs) > 1 + COPIES_KEPT:
                del project.runs[1]
        conn.send(i)
        project.save()


def train_and_save(folder: str, run_id: str, env: dict[str, str], batch_sleep: float,
                   conn: Connection) -> None:
    """Train a run into ``folder/runs/run_id`` as the studio does, then list it in the
    project and save that. Sends ``"training"``, ``"trained"`` and ``"saved"``."""
    _enter(env)
    trainer.EMIT_EVERY_S = 0.0  # one batch_end line per step, to count the steps lost

    def slow(event) -> None:
        if isinstance(event, BatchEnd):
            time.sleep(batch_sleep * random.uniform(0.5, 1.5))

    project = Project.open(folder)
    conn.send("training")
    run = execute_run(project.settings, report=Reporter(on_event=slow), run_dir=project.path / "runs" / run_id)
    conn.send("trained")
    project.runs.append(run)
    project.save()
    conn.send("saved")
    time.sleep(600)  # the parent kills it
