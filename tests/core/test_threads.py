"""Training threads follow the CPUs a container really grants (cgroup quota), not the machine's count."""

from __future__ import annotations

import os

import pytest
import torch

from studio.core.training import threads


def write(root, name, text):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_cgroup_v2_and_v1_quotas(tmp_path):
    assert threads.cgroup_quota(tmp_path) is None
    write(tmp_path / "v2", "cpu.max", "150000 100000\n")
    assert threads.cgroup_quota(tmp_path / "v2") == 1.5
    write(tmp_path / "unlimited", "cpu.max", "max 100000\n")
    assert threads.cgroup_quota(tmp_path / "unlimited") is None
    write(tmp_path / "v1", "cpu/cpu.cfs_quota_us", "300000\n")
    write(tmp_path / "v1", "cpu/cpu.cfs_period_us", "100000\n")
    assert threads.cgroup_quota(tmp_path / "v1") == 3.0
    write(tmp_path / "v1none", "cpu/cpu.cfs_quota_us", "-1\n")
    write(tmp_path / "v1none", "cpu/cpu.cfs_period_us", "100000\n")
    assert threads.cgroup_quota(tmp_path / "v1none") is None
    write(tmp_path / "junk", "cpu.max", "lots\n")
    assert threads.cgroup_quota(tmp_path / "junk") is None


def test_available_cpus_is_capped_by_the_quota_rounded_up(tmp_path):
    machine = len(os.sched_getaffinity(0))
    assert threads.available_cpus(tmp_path) == machine
    write(tmp_path, "cpu.max", "50000 100000\n")
    assert threads.available_cpus(tmp_path) == 1  # half a CPU still runs one thread
    write(tmp_path, "cpu.max", f"{(machine + 8) * 100000} 100000\n")
    assert threads.available_cpus(tmp_path) == machine  # a quota above the machine changes nothing


@pytest.fixture
def restore_threads():
    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


def test_fit_threads_lowers_torch_to_the_quota_unless_the_user_chose(tmp_path, monkeypatch, restore_threads):
    for name in threads.OVERRIDES:
        monkeypatch.delenv(name, raising=False)
    torch.set_num_threads(2)
    write(tmp_path, "cpu.max", "100000 100000\n")
    assert threads.fit_threads(tmp_path) == 1
    torch.set_num_threads(2)
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    assert threads.fit_threads(tmp_path) == 2
