"""Learning-rate schedules, warm-up, gradient clipping, weight decay, label smoothing, class
weights and R-Drop in the training loop; the defaults train as before."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from sklearn.utils.class_weight import compute_class_weight

from studio.core.data.dataset import DatasetConfig, load_splits
from studio.core.data.prepare import prepare
from studio.core.models import build_model
from studio.core.report import Reporter
from studio.core.text.config import TextConfig
from studio.core.training import trainer as trainer_module
from studio.core.training.config import TrainingConfig
from studio.core.training.events import BatchEnd
from studio.core.training.optim import ModelOptimizer
from studio.core.training.schedule import balanced_class_weights, clip_gradients, make_schedulers
from studio.core.training.trainer import Trainer

MODEL = {"type": "textcnn", "embedding_dim": 16, "num_filters": 8}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    from tests.conftest import shared_file, write_slice

    dev = shared_file("thucnews", "dev.txt")
    path = write_slice(dev, tmp_path_factory.mktemp("thucnews-slice") / "dev600.txt", 600)
    splits = load_splits(DatasetConfig(train=str(path), class_names=str(shared_file("thucnews", "class.txt"))))
    return prepare(splits, TextConfig(max_len=32), use_cache=False)


def expected_factor(s: int, schedule: str, warmup: int, total: int, per_epoch: int,
                    step_size: int = 1, gamma: float = 0.5) -> float:
    """The documented formula, written out again independently."""
    w = 1.0 if warmup == 0 else min(1.0, (s + 1) / warmup)
    if schedule == "constant":
        return w
    if schedule == "step":
        return w * gamma ** ((s // per_epoch) // step_size)
    p = min(1.0, max(0, s - warmup) / max(1, total - warmup))
    return w * 0.5 * (1 + math.cos(math.pi * p))


@pytest.mark.parametrize("schedule", ["constant", "step", "cosine"])
@pytest.mark.parametrize("warmup", [0, 7])
def test_scheduler_follows_formula(schedule, warmup):
    cfg = TrainingConfig(lr=0.1, epochs=4, lr_schedule=schedule, warmup_steps=warmup,
                         step_size=1, gamma=0.5)
    model = torch.nn.Sequential(torch.nn.Embedding(10, 4, sparse=True), torch.nn.Linear(4, 2))
    optimizer = ModelOptimizer(model, cfg.lr)
    per_epoch = 5
    schedulers = make_schedulers(optimizer.optimizers, cfg, per_epoch)
    total = cfg.epochs * per_epoch
    for s in range(total):
        want = 0.1 * expected_factor(s, schedule, warmup, total, per_epoch)
        for opt in optimizer.optimizers:  # dense Adam and sparse SparseAdam alike
            assert opt.param_groups[0]["lr"] == pytest.approx(want, rel=1e-9, abs=1e-15)
        optimizer.step()
        for scheduler in schedulers:
            scheduler.step()
    if schedule == "cosine":
        assert optimizer.optimizers[0].param_groups[0]["lr"] == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("schedule", ["step", "cosine"])
def test_batch_end_reports_the_lr_of_each_step(data, monkeypatch, schedule):
    monkeypatch.setattr(trainer_module, "EMIT_EVERY_S", 0.0)  # one BatchEnd per step
    cfg = TrainingConfig(epochs=2, batch_size=64, lr=0.01, lr_schedule=schedule, warmup_steps=3,
                         device="cpu", seed=3)
    torch.manual_seed(0)
    model = build_model(MODEL, len(data.vocab), len(data.label_names))
    events = []
    Trainer(cfg).fit(model, data.train, data.validation, data.label_names, report=Reporter(on_event=events.append))
    batches = [e for e in events if isinstance(e, BatchEnd)]
    per_epoch = -(-len(data.train) // cfg.batch_size)
    assert [b.step for b in batches] == list(range(1, 2 * per_epoch + 1))
    for b in batches:
        want = 0.01 * expected_factor(b.step - 1, schedule, 3, 2 * per_epoch, per_epoch)
        assert b.lr == pytest.approx(want, rel=1e-9)


def test_clip_gradients_bounds_global_norm():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Embedding(50, 8, sparse=True), torch.nn.Linear(8, 3))
    ids = torch.tensor([1, 2, 2, 7])
    (model(ids) * 1000).sum().backward()
    before = clip_gradients(model.parameters(), 0.5)
    assert before > 0.5
    dense = model[1].weight.grad.norm() ** 2 + model[1].bias.grad.norm() ** 2
    sparse = model[0].weight.grad.coalesce().values().norm() ** 2
    assert float((dense + sparse).sqrt()) == pytest.approx(0.5, rel=1e-4)

    dense_model = torch.nn.Linear(8, 3)
    (dense_model(torch.randn(4, 8)) * 1000).sum().backward()
    clip_gradients(dense_model.parameters(), 0.25)
    norm = torch.cat([p.grad.flatten() for p in dense_model.parameters()]).norm()
    assert float(norm) <= 0.25 + 1e-5


def test_fit_clips_every_step(data, monkeypatch):
    norms = []
    real = trainer_module.clip_gradients

    def recording(params, max_norm):
        params = list(params)
        out = real(params, max_norm)
        grads = [p.grad.coalesce().values() if p.grad.is_sparse else p.grad
                 for p in params if p.grad is not None]
        norms.append(float(torch.cat([g.flatten() for g in grads]).norm()))
        return out

    monkeypatch.setattr(trainer_module, "clip_gradients", recording)
    cfg = TrainingConfig(epochs=1, batch_size=64, lr=0.05, grad_clip=0.1, device="cpu")
    torch.manual_seed(0)
    model = build_model(MODEL, len(data.vocab), len(data.label_names))
    Trainer(cfg).fit(model, data.train, data.validation, data.label_names)
    assert len(norms) == -(-len(data.train) // 64)
    assert max(norms) <= 0.1 + 1e-5


def test_balanced_weights_equal_sklearn(data):
    y = data.train.labels.numpy()
    weights = balanced_class_weights(data.train.labels, len(data.label_names))
    present = np.unique(y)
    want = compute_class_weight("balanced", classes=present, y=y)
    assert np.allclose(weights.numpy()[present], want)
    absent = sorted(set(range(len(data.label_names))) - set(present.tolist()))
    assert all(weights[i] == 1.0 for i in absent)
    skewed = torch.tensor([0, 0, 0, 1])
    assert np.allclose(balanced_class_weights(skewed, 2).numpy(),
                       compute_class_weight("balanced", classes=np.array([0, 1]), y=skewed.numpy()))


def test_weight_decay_uses_adamw_on_dense_only():
    model = torch.nn.Sequential(torch.nn.Embedding(10, 4, sparse=True), torch.nn.Linear(4, 2))
    optimizer = ModelOptimizer(model, 1e-3, weight_decay=0.01)
    assert isinstance(optimizer.optimizers[0], torch.optim.AdamW)
    assert optimizer.optimizers[0].param_groups[0]["weight_decay"] == 0.01
    assert isinstance(optimizer.optimizers[1], torch.optim.SparseAdam)
    assert type(ModelOptimizer(model, 1e-3).optimizers[0]) is torch.optim.Adam
    assert ModelOptimizer(model, 1e-3).optimizers[0].defaults["fused"], "the fused kernel on the CPU"


def test_defaults_keep_the_old_loop(data):
    # batching by length draws another order (tests/core/test_batching.py covers it); bf16
    # mixed precision computes otherwise (tests/core/test_training.py covers it)
    cfg = TrainingConfig(epochs=1, batch_size=64, lr=1e-2, seed=5, device="cpu", length_buckets=False,
                         precision="fp32")
    assert (cfg.lr_schedule, cfg.warmup_steps, cfg.grad_clip, cfg.weight_decay,
            cfg.label_smoothing, cfg.class_weights) == ("constant", 0, 0.0, 0.0, 0.0, "none")
    torch.manual_seed(0)
    model = build_model(MODEL, len(data.vocab), len(data.label_names))
    torch.manual_seed(0)
    reference = build_model(MODEL, len(data.vocab), len(data.label_names))
    Trainer(cfg).fit(model, data.train, data.validation, data.label_names)

    # the loop as it was before schedules and regularisation: plain Adam (the fused kernel the
    # studio steps with on the CPU), plain cross-entropy
    torch.manual_seed(cfg.seed)
    generator = torch.Generator().manual_seed(cfg.seed)
    optimizer = torch.optim.Adam(reference.parameters(), lr=cfg.lr, fused=True)
    reference.train()
    order = torch.randperm(len(data.train), generator=generator)
    for start in range(0, len(data.train), cfg.batch_size):
        index = order[start:start + cfg.batch_size]
        loss = F.cross_entropy(reference(data.train.ids[index], data.train.lengths[index]),
                               data.train.labels[index])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
    for (name, a), b in zip(model.state_dict().items(), reference.state_dict().values(), strict=True):
        assert torch.equal(a, b), name


def test_smoothing_and_weights_train(data):
    cfg = TrainingConfig(epochs=1, batch_size=64, label_smoothing=0.1, class_weights="balanced",
                         weight_decay=0.01, lr_schedule="cosine", warmup_steps=2, device="cpu")
    torch.manual_seed(0)
    model = build_model(MODEL, len(data.vocab), len(data.label_names))
    result = Trainer(cfg).fit(model, data.train, data.validation, data.label_names)
    assert result.status == "completed"
    assert math.isfinite(result.epochs[0]["train_loss"])


def test_rdrop_runs_every_batch_twice(data):
    torch.manual_seed(0)
    model = build_model({**MODEL, "dropout": 0.5}, len(data.vocab), len(data.label_names))
    rows = []
    model.register_forward_hook(lambda module, inputs, output: rows.append(len(inputs[0])) if module.training else None)
    cfg = TrainingConfig(epochs=1, batch_size=64, rdrop_alpha=1.0, device="cpu", length_buckets=False)
    result = Trainer(cfg).fit(model, data.train, data.validation, data.label_names)
    assert result.status == "completed" and math.isfinite(result.epochs[0]["train_loss"])
    full, last = divmod(len(data.train), 64)
    assert rows == [128] * full + ([2 * last] if last else [])
