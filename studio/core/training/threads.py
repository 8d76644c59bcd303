"""How many threads CPU training should use: the cores this process may really run on.

``os.cpu_count()`` counts the machine's cores, and torch's default follows the affinity
mask; neither sees a container's CPU quota (cgroup ``cpu.max`` in v2, ``cpu.cfs_quota_us``
/ ``cpu.cfs_period_us`` in v1), under which extra threads only queue and get throttled.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import torch

CGROUP = Path("/sys/fs/cgroup")
OVERRIDES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")  # the user chose: leave torch's count alone


def cgroup_quota(root: Path = CGROUP) -> float | None:
    """The CPU quota of this process's cgroup in CPUs (e.g. 1.5), or None without one.
    Reads v2 ``cpu.max`` (``"150000 100000"``; ``"max ..."`` means none), else v1
    ``cpu/cpu.cfs_quota_us`` and ``cpu/cpu.cfs_period_us`` (quota -1 means none);
    unreadable or malformed files count as no quota."""
    try:
        quota, period = (root / "cpu.max").read_text().split()[:2]
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        pass
    try:
        quota = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period = int((root / "cpu" / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return quota / period if quota > 0 and period > 0 else None


def available_cpus(root: Path = CGROUP) -> int:
    """CPUs this process may use: its affinity mask, capped by the cgroup quota rounded up
    (as the JVM and .NET count a container's CPUs); at least 1."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    quota = cgroup_quota(root)
    if quota is not None:
        count = min(count, math.ceil(quota))
    return max(1, count)


def fit_threads(root: Path = CGROUP) -> int:
    """Lower torch's intra-op threads to :func:`available_cpus` when it uses more (unless
    the user set ``OMP_NUM_THREADS`` / ``MKL_NUM_THREADS``); returns the count in force."""
    if not any(os.environ.get(name) for name in OVERRIDES):
        wanted = available_cpus(root)
        if torch.get_num_threads() > wanted:
            torch.set_num_threads(wanted)
    return torch.get_num_threads()
