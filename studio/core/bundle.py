"""A run's settings packed to train on another machine (a multi-GPU box, a cluster).

A bundle is an ordinary project folder with no runs: ``project.json`` holding the run's
settings, every file those settings read (data, class names, the jieba user dictionary,
stopwords, pretrained vectors) copied into ``data/`` and named relative to the folder, and
``launch.sh``, which runs ``torchrun ... -m studio train --project <folder>`` there. Training
adds its run to the folder; copied back (or opened over a shared disk), the studio shows it
like any other run.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from studio.core.errors import ProjectError
from studio.core.fileio import atomic_copy, atomic_write_bytes
from studio.core.project import SUFFIX, Project
from studio.core.project_data import DATA_FOLDER
from studio.core.project_outside import settings_paths
from studio.core.settings import Settings

LAUNCH_FILE = "launch.sh"

LAUNCH_SCRIPT = """#!/bin/sh
# Train this project with PyTorch's torchrun ({title}). Needs Python with the studio
# installed (pip install text-model-studio, or the repository's README).
#
# One machine, one process per GPU (or per CPU share):
#   NPROC_PER_NODE=4 ./launch.sh
# Several machines: run the same line on each, with the same rendezvous endpoint:
#   NNODES=2 RDZV_ENDPOINT=node0.example:29400 NPROC_PER_NODE=8 ./launch.sh
# Under Slurm, one task per node:
#   srun --nodes=2 --ntasks-per-node=1 env NNODES=2 RDZV_ENDPOINT=$(hostname):29400 ./launch.sh
#
# The run is written to runs/ in this folder (by process 0 only); open the folder in the
# studio afterwards to see its curves, evaluation and predictions.
set -eu
cd "$(dirname "$0")"
NPROC_PER_NODE="${{NPROC_PER_NODE:-{processes}}}"
NNODES="${{NNODES:-1}}"
MAX_RESTARTS="${{MAX_RESTARTS:-3}}"
if [ "$NNODES" = 1 ]; then
  RENDEZVOUS="--standalone"
else
  ENDPOINT="${{RDZV_ENDPOINT:?set RDZV_ENDPOINT=host:port}}"
  RENDEZVOUS="--rdzv-backend=c10d --rdzv-endpoint=$ENDPOINT --rdzv-id=${{RDZV_ID:-{name}}}"
fi
exec "${{PYTHON:-python}}" -m torch.distributed.run --nnodes="$NNODES" --nproc-per-node="$NPROC_PER_NODE" \\
  --max-restarts="$MAX_RESTARTS" $RENDEZVOUS -m studio train --project . "$@"
"""


def write_bundle(settings: Settings, folder: str | os.PathLike, name: str, processes: int = 1) -> Path:
    """Write the bundle of ``settings`` to ``folder`` (``.studio`` appended if missing),
    which must not exist yet or be empty; ``processes``: ``launch.sh``'s default number of
    processes per machine. Returns the folder.

    Raises:
        ProjectError: ``folder`` is not empty (``bundle.not_empty``), or a file the settings
            name cannot be read (``bundle.missing_file``, naming the field and file).
        OSError: the folder cannot be written.
    """
    target = Path(folder)
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ProjectError("bundle.not_empty", folder=target)
    document = settings.model_dump()
    used: set[str] = set()
    for keys, value in settings_paths(document):
        source = Path(value)
        if not source.is_file():
            raise ProjectError("bundle.missing_file", field=".".join(keys), file=source)
        copy_name = source.name if source.name not in used else f"{keys[-1]}-{source.name}"
        used.add(copy_name)
        copy = target / DATA_FOLDER / copy_name
        atomic_copy(source, copy)
        parent = document
        for key in keys[:-1]:
            parent = parent[key]
        parent[keys[-1]] = str(copy.resolve())
    project = Project(Settings.from_dict(document), name=name)
    project.save(target)
    script = target / LAUNCH_FILE
    atomic_write_bytes(script, LAUNCH_SCRIPT.format(title=f"{name}: {settings.model.type}", processes=processes,
                                                    name=re.sub(r"[^A-Za-z0-9_.-]", "-", name) or "studio")
                       .encode("utf-8"))
    script.chmod(0o755)
    return target
