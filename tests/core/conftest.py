"""Core tests run torch on one CPU thread.

On a small, shared machine torch's default of one thread per core makes the intra-op
threads spin against other processes: a 0.4 s training run took 30 s or more while
another job was busy. One thread keeps the timings stable; the maths is the same.
"""

from __future__ import annotations

import pytest
import torch


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
