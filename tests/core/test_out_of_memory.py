"""Resource faults: the device running out of memory mid-training stops the run with a
TrainingError that says what to lower, keeps the last checkpoint, and frees the cache.

No GPU needed: the model's forward (or the optimizer's step) raises the same
``torch.OutOfMemoryError`` CUDA raises, at a chosen step.
"""

from __future__ import annotations

import pytest
import torch

from studio.core.errors import StudioError, TrainingError
from studio.core.project import Project
from studio.core.training import memory as memory_module
from studio.core.training import optim
from studio.core.training import run as run_module
from studio.core.training.checkpoint import has_checkpoint, read_checkpoint
from studio.core.training.device import DeviceInfo
from studio.core.training.memory import out_of_memory_message
from studio.core.training.run import execute_run, resume_run
from tests.core.test_kill_safety import check_predicts, make_settings, write_data

FAIL_AT = 20  # in epoch 2 of 15 steps
OOM = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 79.1 GiB total capacity)"


def fail_forward_at(monkeypatch, call: int) -> None:
    """The ``call``-th training forward pass of the next built model raises OOM."""
    build = run_module.build_model
    calls = 0

    def build_failing(*args, **kwargs):
        model = build(*args, **kwargs)
        forward = model.forward

        def failing(*inputs):
            nonlocal calls
            if model.training:
                calls += 1
                if calls == call:
                    raise torch.OutOfMemoryError(OOM)
            return forward(*inputs)

        model.forward = failing
        return model

    monkeypatch.setattr(run_module, "build_model", build_failing)


def fail_step_at(monkeypatch, call: int) -> None:
    """The ``call``-th optimizer step raises OOM, after updating part of the parameters
    as a foreach kernel that ran out half-way could."""
    step = optim.ModelOptimizer.step
    calls = 0

    def failing(self):
        nonlocal calls
        calls += 1
        if calls == call:
            with torch.no_grad():
                next(p for group in self.optimizers[0].param_groups for p in group["params"]).add_(1.0)
            raise torch.OutOfMemoryError(OOM)
        step(self)

    monkeypatch.setattr(optim.ModelOptimizer, "step", failing)


@pytest.fixture
def cache_calls(monkeypatch):
    """Pretend CUDA is there, to see the cache emptied."""
    calls = []
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "empty_cache", lambda: calls.append(1))
    return calls


@pytest.mark.parametrize("fail", [fail_forward_at, fail_step_at], ids=["forward", "optimizer_step"])
def test_out_of_memory_keeps_the_last_checkpoint(tmp_path, monkeypatch, fail):
    settings = make_settings(write_data(tmp_path / "data.tsv"), checkpoint_every_s=3600)
    folder = Project(settings, name="oom").save(tmp_path / "oom")
    run_dir = folder / "runs" / "run-1"
    with monkeypatch.context() as patch:
        fail(patch, FAIL_AT)
        cache = []
        patch.setattr(torch.cuda, "is_available", lambda: True)
        patch.setattr(torch.cuda, "empty_cache", lambda: cache.append(1))
        with pytest.raises(TrainingError) as caught:
            execute_run(settings, run_dir=run_dir)
    assert cache, "the CUDA cache was not emptied"
    message = str(caught.value)
    assert isinstance(caught.value, StudioError)  # the GUI shows its text as it is
    assert "ran out of memory" in message
    assert "batch_size (now 16)" in message and "max_len (now 16)" in message
    assert "last checkpoint (end of epoch 1, step 15) is kept" in message
    assert caught.value.code == "training.out_of_memory_kept"
    assert caught.value.params["checkpoint"].code == "training.checkpoint_after_epoch"

    # the folder is an interrupted run that resumes from the end of epoch 1
    assert has_checkpoint(run_dir) and not (run_dir / "weights.safetensors").exists()
    assert read_checkpoint(run_dir).meta["step"] == 15
    project = Project.open(folder)
    assert project.runs == [] and project.interrupted == [run_dir]
    resumed = resume_run(run_dir)
    assert resumed.finished["status"] == "completed"
    assert [e["epoch"] for e in resumed.events if e["event"] == "epoch_end"] == [1, 2, 3]
    check_predicts(resumed)

    # nothing of the failed step leaked into the checkpoint: resuming gives the weights
    # of a run that never failed
    straight = execute_run(settings)
    for name, tensor in straight.state_dict.items():
        assert torch.equal(resumed.state_dict[name], tensor), name


def test_out_of_memory_without_a_run_folder(tmp_path, monkeypatch, cache_calls):
    settings = make_settings(write_data(tmp_path / "data.tsv"))
    models = []
    fail_forward_at(monkeypatch, 3)
    build = run_module.build_model
    monkeypatch.setattr(run_module, "build_model", lambda *a, **k: models.append(build(*a, **k)) or models[-1])
    with pytest.raises(TrainingError, match=r"ran out of memory .*batch_size \(now 16\)") as caught:
        execute_run(settings)
    assert "checkpoint" not in str(caught.value)
    assert cache_calls
    assert all(p.device.type == "cpu" for p in models[0].parameters())


def test_out_of_memory_before_the_first_checkpoint(tmp_path, monkeypatch, cache_calls):
    settings = make_settings(write_data(tmp_path / "data.tsv"), checkpoint_every_s=3600)
    folder = Project(settings, name="oom").save(tmp_path / "early")
    fail_forward_at(monkeypatch, 1)
    with pytest.raises(TrainingError) as caught:
        execute_run(settings, run_dir=folder / "runs" / "run-1")
    assert "checkpoint" not in str(caught.value)
    project = Project.open(folder)  # a run folder with nothing to resume is left alone
    assert project.runs == [] and project.interrupted == []


def test_message_names_cuda_and_the_sizes(monkeypatch):
    monkeypatch.setattr(memory_module, "device_info", lambda device: DeviceInfo("cuda", "NVIDIA H100", 0))
    message = out_of_memory_message(torch.device("cuda"), 128, 256)
    assert message.code == "training.out_of_memory"
    assert {"kind": "cuda", "name": "NVIDIA H100", "threads": 0, "batch_size": 128, "max_len": 256}.items() \
        <= message.params.items()
    text = str(message)
    assert text.startswith("CUDA ran out of memory while training (CUDA: NVIDIA H100).")
    assert "smaller batch_size (now 128) or max_len (now 256)" in text
