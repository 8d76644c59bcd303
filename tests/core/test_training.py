"""The training loop on a slice of THUCNews: events, metrics, stopping, seeding, devices."""

from __future__ import annotations

import json
import time

import pytest
import torch

from studio.core.data.dataset import DatasetConfig, load_splits
from studio.core.data.prepare import prepare
from studio.core.errors import ConfigError
from studio.core.models import build_model
from studio.core.report import Notice, Reporter, Stage
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.device import available_devices, choose_device
from studio.core.training.events import (
    BatchEnd,
    EpochEnd,
    RunFinished,
    RunStarted,
    event_from_dict,
    event_to_dict,
)
from studio.core.training.metrics import classification_report, evaluate
from studio.core.training.run import execute_run
from studio.core.training.trainer import Trainer

MODEL = {"type": "textcnn", "embedding_dim": 32, "num_filters": 32}
TRAINING = dict(epochs=2, batch_size=32, lr=1e-2, seed=7, device="cpu")


@pytest.fixture(scope="module")
def slice_file(tmp_path_factory):
    from tests.conftest import shared_file, write_slice

    dev = shared_file("thucnews", "dev.txt")
    return write_slice(dev, tmp_path_factory.mktemp("thucnews-slice") / "dev2000.txt", 2000)


@pytest.fixture(scope="module")
def data(slice_file):
    from tests.conftest import shared_file

    classes = shared_file("thucnews", "class.txt")
    splits = load_splits(DatasetConfig(train=str(slice_file), class_names=str(classes)))
    return prepare(splits, TextConfig(max_len=32), use_cache=False)


def fit(data, model_seed: int = 0, report=None, **overrides):
    """Train; ``report`` (default: one that records) sees the events."""
    torch.manual_seed(model_seed)
    model = build_model(MODEL, len(data.vocab), len(data.label_names))
    events = []
    if report is None:
        report = Reporter(on_event=events.append)
    trainer = Trainer(TrainingConfig(**{**TRAINING, **overrides}))
    result = trainer.fit(model, data.train, data.validation, data.label_names, data.test, report=report)
    return model, result, events or result.events


@pytest.fixture(scope="module")
def trained(data):
    return fit(data)


def test_events_arrive_in_order(trained, data):
    _, result, events = trained
    kinds = [type(e) for e in events]
    assert kinds[0] is RunStarted
    assert kinds[-1] is RunFinished
    assert kinds.count(RunStarted) == 1 and kinds.count(RunFinished) == 1

    started = events[0]
    assert started.model_type == "textcnn"
    assert started.epochs == 2
    assert started.num_train == len(data.train) == 1600
    assert started.num_validation == len(data.validation)
    assert started.steps_per_epoch == 50  # ceil(1600 / 32)
    assert started.num_parameters > 0

    epoch_ends = [e for e in events if isinstance(e, EpochEnd)]
    assert [e.epoch for e in epoch_ends] == [1, 2]
    # each epoch: one or more BatchEnd of that epoch, then its EpochEnd
    current, seen_batch = 1, False
    for event in events[1:-1]:
        if isinstance(event, BatchEnd):
            assert event.epoch == current
            seen_batch = True
        else:
            assert isinstance(event, EpochEnd) and event.epoch == current and seen_batch
            current, seen_batch = current + 1, False
    steps = [e.step for e in events if isinstance(e, BatchEnd)]
    assert steps == sorted(steps) and len(set(steps)) == len(steps)
    assert steps[-1] == 100  # the last batch of the last epoch is always reported
    assert all(e.loss > 0 and e.lr == pytest.approx(1e-2) and e.samples_per_s > 0
               for e in events if isinstance(e, BatchEnd))


def test_epoch_metrics(trained):
    _, result, events = trained
    for event in (e for e in events if isinstance(e, EpochEnd)):
        metrics = event.metrics
        assert {"train_loss", "train_accuracy", "seconds", "val_loss", "val_accuracy",
                "val_macro_f1"} <= set(metrics)
        assert 0.0 <= metrics["val_accuracy"] <= 1.0
        assert metrics["train_loss"] > 0
    assert [e.metrics for e in events if isinstance(e, EpochEnd)] == result.epochs
    assert result.epochs[1]["train_loss"] < result.epochs[0]["train_loss"]


def test_run_finished_reports_the_test_split(trained, data):
    model, result, events = trained
    finished = events[-1]
    assert finished.status == "completed" == result.status
    assert finished.best_epoch in (1, 2) and finished.best_epoch == result.best_epoch
    report = finished.test
    assert report == result.test
    assert {"accuracy", "macro_f1", "per_class", "loss"} <= set(report)
    assert len(report["per_class"]) == 10
    assert [c["label"] for c in report["per_class"]] == data.label_names
    assert sum(c["support"] for c in report["per_class"]) == len(data.test)
    assert report["accuracy"] > 0.3  # chance is 0.1
    assert 0.0 < report["macro_f1"] <= 1.0

    # the model ends with the best epoch's weights
    best_val = max(e.metrics["val_accuracy"] for e in events if isinstance(e, EpochEnd))
    state = model.state_dict()
    assert all(torch.equal(state[k].cpu(), v) for k, v in result.best_state.items())
    chosen = [e for e in events if isinstance(e, EpochEnd) and e.epoch == result.best_epoch][0]
    assert chosen.metrics["val_accuracy"] == best_val


def test_a_report_already_stopped_stops_at_once(data):
    report = Reporter()
    report.stop()
    start = time.perf_counter()
    _, result, events = fit(data, report=report, epochs=50)
    assert time.perf_counter() - start < 5
    assert result.status == "stopped"
    assert events[-1].status == "stopped"
    assert not any(isinstance(e, (BatchEnd, EpochEnd)) for e in events)


def test_stopping_during_the_first_epoch(data):
    events = []

    def stop_on_first_batch(event):
        events.append(event)
        if isinstance(event, BatchEnd):
            report.stop()

    report = Reporter(on_event=stop_on_first_batch)
    _, result, _ = fit(data, report=report, epochs=50)
    assert result.status == "stopped"
    assert [e.epoch for e in events if isinstance(e, EpochEnd)] == [1]
    assert events[-1].status == "stopped"
    assert sum(isinstance(e, BatchEnd) for e in events) == 1


def test_pausing_waits_and_is_not_counted(data):
    """Paused at the first batch for 0.5 s: the run waits, then completes; the pause
    counts in neither the epoch's seconds nor its samples/s."""
    import threading

    def pause_once(event):
        if isinstance(event, BatchEnd) and not paused:
            paused.append(time.perf_counter())
            report.pause(True)
            threading.Timer(0.5, report.pause, (False,)).start()

    paused: list[float] = []
    report = Reporter(on_event=pause_once)
    start = time.perf_counter()
    _, result, _ = fit(data, report=report, epochs=1)
    wall = time.perf_counter() - start
    assert result.status == "completed" and paused
    assert wall >= 0.5
    assert result.epochs[0]["seconds"] < wall - 0.45


def test_the_report_gets_progress_device_and_every_event(data):
    fractions, events = [], []
    report = Reporter(on_progress=fractions.append, on_event=events.append)
    _, result, _ = fit(data, report=report, epochs=1)
    assert events == result.events
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    started = events[0]
    assert (started.device_kind, started.device_name) == ("cpu", "")
    threads = started.threads
    assert threads == torch.get_num_threads()
    assert started.device == ("CPU (1 thread)" if threads == 1 else f"CPU ({threads} threads)")


@pytest.mark.parametrize("threads, english", [(1, "CPU (1 thread)"), (2, "CPU (2 threads)")])
def test_a_cpu_is_named_with_its_threads(threads, english):
    from studio.core.training.device_info import DeviceInfo

    assert DeviceInfo("cpu", "", threads).message().english() == english


def test_execute_run_reports_its_stages(slice_file):
    from tests.conftest import shared_file

    settings = Settings(
        dataset=DatasetConfig(train=str(slice_file), class_names=str(shared_file("thucnews", "class.txt"))),
        model={**MODEL, "embedding_dim": 8, "num_filters": 8},
        training=TrainingConfig(**{**TRAINING, "epochs": 1}),
    )
    seen = []
    run = execute_run(settings, report=Reporter(on_event=seen.append))
    stages = [e.message.code for e in seen if isinstance(e, Stage)]
    assert stages == ["stage.reading_data", "stage.tokenizing", "stage.training"]
    assert not [e for e in seen if isinstance(e, Notice)]  # clean data, no vectors
    assert [e for e in seen if not isinstance(e, (Stage, Notice))] == [event_from_dict(e) for e in run.events]


def test_execute_run_stops_before_training(slice_file):
    """A stop while the data is read ends the job with Cancelled, before any run exists."""
    from studio.core.errors import Cancelled
    from tests.conftest import shared_file

    settings = Settings(dataset=DatasetConfig(train=str(slice_file),
                                              class_names=str(shared_file("thucnews", "class.txt"))),
                        model=MODEL, training=TrainingConfig(**TRAINING))

    def stop_at_first_stage(event):
        if isinstance(event, Stage):
            report.stop()

    report = Reporter(on_event=stop_at_first_stage)
    with pytest.raises(Cancelled):
        execute_run(settings, report=report)


def test_same_seed_same_first_epoch(data):
    _, first, _ = fit(data, model_seed=3, epochs=1)
    _, second, _ = fit(data, model_seed=3, epochs=1)
    assert first.epochs[0]["train_loss"] == second.epochs[0]["train_loss"]
    _, other, _ = fit(data, model_seed=3, epochs=1, seed=8)  # another batch order
    assert other.epochs[0]["train_loss"] != first.epochs[0]["train_loss"]


def test_execute_run_is_reproducible(slice_file):
    from tests.conftest import shared_file

    settings = Settings(
        dataset=DatasetConfig(train=str(slice_file),
                              class_names=str(shared_file("thucnews", "class.txt"))),
        model={**MODEL, "embedding_dim": 8, "num_filters": 8},
        training=TrainingConfig(**{**TRAINING, "epochs": 1}),
    )
    torch.manual_seed(100)
    first = execute_run(settings)
    torch.manual_seed(200)  # whatever the global RNG holds, the run's seed decides
    second = execute_run(settings)
    assert first.events[-2]["metrics"]["train_loss"] == second.events[-2]["metrics"]["train_loss"]


def test_events_round_trip_through_json(trained):
    _, _, events = trained
    for event in events:
        data = event_to_dict(event)
        assert data["event"] == event.kind
        text = json.dumps(data)
        again = event_from_dict(json.loads(text))
        assert again == event
        assert type(again) is type(event)
    # unknown keys are ignored; an unknown kind is an error
    extra = {**event_to_dict(events[-1]), "added_in_a_later_version": 1}
    assert event_from_dict(extra) == events[-1]
    with pytest.raises(ValueError, match="nonsense"):
        event_from_dict({"event": "nonsense"})


def test_classification_report():
    report = classification_report([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], ["a", "b", "c"])
    assert report["accuracy"] == pytest.approx(3 / 5)
    by_label = {c["label"]: c for c in report["per_class"]}
    assert by_label["a"]["precision"] == pytest.approx(0.5)
    assert by_label["b"]["recall"] == pytest.approx(1.0)
    assert by_label["c"] == {"label": "c", "precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    f1 = [2 * 0.5 * 0.5 / 1.0, 2 * (2 / 3) * 1 / (2 / 3 + 1), 0.0]
    assert report["macro_f1"] == pytest.approx(sum(f1) / 3)


def test_choose_device():
    assert "cpu" in available_devices()
    assert choose_device("cpu") == torch.device("cpu")
    if torch.cuda.is_available() or "mps" in available_devices():
        pytest.skip("an accelerator is present")
    assert choose_device("auto") == torch.device("cpu")
    with pytest.raises(ConfigError, match="device"):
        choose_device("cuda")
    with pytest.raises(ConfigError, match="cuda"):
        Trainer(TrainingConfig(device="cuda"))


@pytest.mark.parametrize("precision", ["fp32", "bf16", "fp16"])
def test_precision_is_applied_and_reported(data, precision):
    _, result, events = fit(data, precision=precision, epochs=1)
    started = next(e for e in events if isinstance(e, RunStarted))
    assert started.precision == precision
    epoch = next(e for e in events if isinstance(e, EpochEnd))
    assert 0.0 < epoch.metrics["train_loss"] < 10.0
    assert epoch.metrics["val_accuracy"] > 0.3, f"{precision} mixed precision still learns the 10 classes"
    assert result.status == "completed"


def test_fp16_scales_the_loss_and_skips_a_step_whose_gradients_overflow(data, monkeypatch):
    """fp16 (CUDA before Ampere; forced here on the CPU) goes through torch.amp.GradScaler:
    the loss is scaled, gradients are unscaled before clipping, and a step with inf
    gradients is skipped and the scale lowered instead of the weights turned to NaN."""
    scalers = []
    real = torch.amp.GradScaler

    class Recording(real):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, init_scale=2.0 ** 24, **kwargs)  # overflows fp16 at once
            scalers.append(self)

    monkeypatch.setattr(torch.amp, "GradScaler", Recording)
    model, result, _ = fit(data, precision="fp16", epochs=1, grad_clip=1.0)
    assert len(scalers) == 1
    assert scalers[0].get_scale() < 2.0 ** 24  # lowered after overflowing steps
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert result.epochs[0]["val_accuracy"] > 0.2  # still learns (10 classes), the skipped steps aside


def test_auto_precision_is_bf16_only_with_native_bf16(monkeypatch):
    from studio.core.training import device as device_module

    cpu = torch.device("cpu")
    assert not device_module.native_bf16(torch.device("meta"))
    assert device_module.autocast_dtype(cpu, "fp32") is None
    assert device_module.autocast_dtype(cpu, "bf16") == torch.bfloat16
    monkeypatch.setattr(device_module, "native_bf16", lambda device: False)
    assert device_module.autocast_dtype(cpu, "auto") is None
    monkeypatch.setattr(device_module, "native_bf16", lambda device: True)
    assert device_module.autocast_dtype(cpu, "auto") == torch.bfloat16
    assert device_module.autocast_dtype(torch.device("cuda"), "auto") == torch.bfloat16  # Ampere on
    monkeypatch.setattr(device_module, "native_bf16", lambda device: False)
    assert device_module.autocast_dtype(torch.device("cuda"), "auto") == torch.float16  # before: loss scaling
    assert device_module.autocast_dtype(cpu, "fp16") == torch.float16


def test_weight_averaging_keeps_the_ema_of_every_step(data, monkeypatch):
    from torch.optim.swa_utils import AveragedModel

    seen = []
    update = AveragedModel.update_parameters

    def record(self, model):
        seen.append({k: v.detach().clone() for k, v in model.state_dict().items()})
        update(self, model)

    monkeypatch.setattr(AveragedModel, "update_parameters", record)
    decay = 0.9
    _, result, events = fit(data, ema_decay=decay, epochs=1, patience=0)
    steps = next(e for e in events if isinstance(e, RunStarted)).steps_per_epoch
    assert len(seen) == steps  # one update after every optimizer step
    expected = dict(seen[0])  # the first update copies, then each step moves it by 1 - decay
    for state in seen[1:]:
        expected = {k: decay * expected[k] + (1 - decay) * v for k, v in state.items()}
    for name, tensor in expected.items():
        torch.testing.assert_close(result.best_state[name], tensor, rtol=1e-5, atol=1e-6)
    assert not torch.equal(result.best_state["fc.weight"], seen[-1]["fc.weight"])  # not the raw last step
    epoch = next(e for e in events if isinstance(e, EpochEnd))
    averaged = build_model(MODEL, len(data.vocab), len(data.label_names))
    averaged.load_state_dict(result.best_state)
    validated = evaluate(averaged, data.validation, data.label_names, torch.device("cpu"))
    assert epoch.metrics["val_accuracy"] == pytest.approx(validated["accuracy"])  # the averaged weights
