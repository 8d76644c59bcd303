"""Hyperparameter search (studio.core.search): the space proposed from every model's schema,
trials as real runs, pruning, a stop and a killed process continued, and ``studio search``."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import optuna
import pytest
import torch

from studio.cli import main as cli_main
from studio.core.errors import ConfigError, StudioError
from studio.core.models import model_names
from studio.core.project_runs import read_run
from studio.core.report import Reporter
from studio.core.search.space import apply, propose, searchable
from studio.core.search.study import (
    SearchConfig,
    TrialEnded,
    TrialEvent,
    TrialStarted,
    importances,
    open_study,
    run_search,
    study_file,
    trial_records,
)
from studio.core.settings import Settings
from studio.core.training.events import EpochEnd
from tests.conftest import shared_file

ROOT = Path(__file__).resolve().parents[2]
# two THUCNews classes a character model tells apart within an epoch: finance (0), sports (7)
LABELS = {"0", "7"}


@pytest.fixture(scope="module")
def two_classes(tmp_path_factory) -> Path:
    source = shared_file("thucnews", "dev.txt")
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.rsplit("\t", 1)[-1] in LABELS]
    target = tmp_path_factory.mktemp("search-data") / "news.txt"
    target.write_text("\n".join(lines[:600]) + "\n", encoding="utf-8")
    return target


def settings_for(data: Path, **training) -> Settings:
    return Settings.from_dict({
        "dataset": {"train": str(data)}, "text": {"max_len": 24},
        "model": {"type": "textcnn", "embedding_dim": 16, "num_filters": 8},
        "training": {"epochs": 3, "batch_size": 32, "patience": 0, "device": "cpu", "seed": 1, **training}})


# ----- the space ------------------------------------------------------------------------------
@pytest.mark.parametrize("model", model_names())
def test_every_model_gets_a_space_whose_draws_are_valid_settings_or_refused_by_name(model):
    settings = Settings.from_dict({"model": {"type": model}})
    specs = propose(settings)
    keys = [spec.key for spec in specs]
    assert keys == searchable(settings) and len(keys) == len(set(keys))
    assert {"training.lr", "training.batch_size", "text.max_len"} <= set(keys)
    assert any(key.startswith("model.") for key in keys)
    lr = next(spec for spec in specs if spec.key == "training.lr")
    assert lr.kind == "float" and lr.log and 0 < lr.low < settings.training.lr < lr.high
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))
    for _ in range(10):
        trial = study.ask()
        values = {spec.key: spec.suggest(trial) for spec in specs}
        try:
            drawn = apply(settings, values)
        except ConfigError as exc:  # a combination the model refuses (heads that do not divide a size)
            assert exc.message.code.startswith("config.") or "model" in str(exc)
            continue
        for key, value in values.items():
            group, _, name = key.partition(".")
            got = getattr(getattr(drawn, group), name)
            assert got == value or list(got) == [int(v) for v in str(value).split(",")], key


def test_kinds_follow_the_fields():
    settings = Settings.from_dict({"model": {"type": "textrnn"}})
    specs = {spec.key: spec for spec in propose(settings)}
    assert specs["model.bidirectional"].choices == [False, True]
    assert specs["model.cell"].choices == ["rnn", "lstm", "gru"]
    assert specs["model.dropout"].kind == "float" and specs["model.dropout"].high <= 0.7
    assert specs["model.hidden_size"].kind == "int" and specs["model.hidden_size"].low >= 1
    assert specs["training.weight_decay"].log
    assert 128 in specs["training.batch_size"].choices
    textcnn = {spec.key: spec for spec in propose(Settings.from_dict({"model": {"type": "textcnn"}}))}
    assert "2,3,4" in textcnn["model.kernel_sizes"].choices and "3,4,5" in textcnn["model.kernel_sizes"].choices
    assert apply(Settings(), {"model.kernel_sizes": "3,4,5"}).model.kernel_sizes == [3, 4, 5]


def test_unknown_settings_are_refused_naming_the_choices():
    with pytest.raises(ConfigError) as info:
        propose(Settings(), ["training.seed"])
    assert info.value.message.code == "search.unknown_setting" and "training.lr" in str(info.value)
    with pytest.raises(ConfigError):
        apply(Settings(), {"model.nonsense": 1})
    with pytest.raises(ConfigError, match="file name"):
        SearchConfig(name="../escape", space=propose(Settings(), ["training.lr"])).check()
    with pytest.raises(ConfigError, match="at least one"):
        SearchConfig(space=[]).check()


# ----- trials ----------------------------------------------------------------------------------
def test_trials_are_runs_of_the_project_and_hopeless_ones_are_pruned(tmp_path, two_classes):
    settings = settings_for(two_classes)
    space = propose(settings, ["training.lr", "model.kernel_sizes"])
    space[0] = space[0].model_copy(update={"low": 1e-6})
    search = SearchConfig(space=space, trials=5, pruner="median")
    path = study_file(tmp_path, "search")
    path.parent.mkdir(parents=True)
    study = open_study(path, search, "textcnn")
    for _ in range(3):  # three trials that learn, then one that cannot (lr 1e-6), then a refused one
        study.enqueue_trial({"training.lr": 1e-2, "model.kernel_sizes": "2,3,4"})
    study.enqueue_trial({"training.lr": 1e-6, "model.kernel_sizes": "2,3,4"})
    study.enqueue_trial({"training.lr": 1e-2, "model.kernel_sizes": "2,3,4,5"})
    events = []
    result = run_search(settings.model_copy(update={"text": settings.text.model_copy(update={"max_len": 4})}),
                        search, tmp_path, report=Reporter(on_event=events.append))
    states = [r.state for r in result.records]
    assert states[:5] == ["complete", "complete", "complete", "pruned", "invalid"], states
    assert len([s for s in states if s in ("complete", "pruned", "failed")]) == 5  # invalid ones are free
    pruned = result.records[3]
    assert pruned.pruned_at == 1 and len(pruned.curve) == 1 and pruned.curve[0] < result.records[0].curve[0]
    assert pruned.reason.code == "search.trial_pruned"
    invalid = result.records[4]
    assert invalid.run_id is None and invalid.reason.params["problems"][0].code == "model.kernel_too_wide"
    assert result.best.value == max(r.value for r in result.records if r.state == "complete")
    # each trial that trained is a run in runs/, the pruned one stopped after its first epoch
    for record in result.records:
        if record.run_id:
            run = read_run(tmp_path / "runs" / record.run_id)
            assert run.finished["status"] == ("stopped" if record.state == "pruned" else "completed")
            assert run.config["training"]["lr"] == pytest.approx(record.params["training.lr"])
    started = [e for e in events if isinstance(e, TrialStarted)]
    ended = [e.record for e in events if isinstance(e, TrialEnded)]
    assert [e.number for e in started] == [r.number for r in result.records if r.run_id]
    assert [r.state for r in ended] == states
    assert any(isinstance(e, TrialEvent) and isinstance(e.event, EpochEnd) for e in events)
    # the stored records say the same as the events
    again = trial_records(open_study(study_file(tmp_path, "search")))
    assert [(r.state, r.curve, r.run_id) for r in again] == [(r.state, r.curve, r.run_id) for r in ended]
    assert set(importances(open_study(study_file(tmp_path, "search")))) <= {s.key for s in space}


def test_a_stop_interrupts_the_trial_and_the_search_continues_it(tmp_path, two_classes):
    settings = settings_for(two_classes)
    search = SearchConfig(space=propose(settings, ["training.lr"]), trials=3, pruner="none")

    def stop_in_second_trial(event):
        if isinstance(event, TrialEvent) and event.number == 1 and isinstance(event.event, EpochEnd):
            report.stop()
    report = Reporter(on_event=stop_in_second_trial)
    first = run_search(settings, search, tmp_path, report=report)
    assert [r.state for r in first.records] == ["complete", "interrupted"]
    interrupted = first.records[1]
    second = run_search(settings, search, tmp_path)
    assert [r.state for r in second.records] == ["complete", "interrupted", "complete", "complete"]
    assert second.records[2].params == interrupted.params  # tried again first, same settings
    assert second.records[2].run_id != interrupted.run_id


CHILD = textwrap.dedent("""
    import json, sys, time
    import torch
    torch.set_num_threads(1)
    from studio.core.report import Reporter
    from studio.core.search.space import ParamSpec
    from studio.core.search.study import SearchConfig, TrialEvent, run_search
    from studio.core.settings import Settings
    from studio.core.training.events import EpochEnd

    def hang_in_second_trial(event):
        if isinstance(event, TrialEvent) and event.number == 1 and isinstance(event.event, EpochEnd):
            print("HANGING", flush=True)
            time.sleep(120)  # the test kills the process here, mid-trial
    settings = Settings.model_validate_json(sys.argv[1])
    search = SearchConfig.model_validate_json(sys.argv[2])
    run_search(settings, search, sys.argv[3], report=Reporter(on_event=hang_in_second_trial))
""")


def test_a_killed_search_continues_where_it_stopped(tmp_path, two_classes):
    settings = settings_for(two_classes)
    search = SearchConfig(space=propose(settings, ["training.lr", "model.dropout"]), trials=3, pruner="none")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, settings.model_dump_json(), search.model_dump_json(),
                              str(tmp_path)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = child.stdout.readline()  # blocks until the child hangs mid-trial (or dies)
        assert line.strip() == b"HANGING", child.stderr.read().decode()
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(10)
        child.stdout.close()
        child.stderr.close()
    killed = trial_records(open_study(study_file(tmp_path, "search")))
    assert [r.state for r in killed] == ["complete", "running"]
    result = run_search(settings, search, tmp_path)
    states = [r.state for r in result.records]
    assert states == ["complete", "interrupted", "complete", "complete"], states
    assert result.records[2].params == killed[1].params
    # the killed trial's run is left in the project as an interrupted run, not lost
    assert (tmp_path / "runs" / killed[1].run_id / "metrics.jsonl").is_file()
    assert not (tmp_path / "runs" / killed[1].run_id / "weights.safetensors").exists()
    assert math.isfinite(result.best.value)


def test_reporter_child_stops_alone_and_with_its_parent():
    parent = Reporter()
    first, second = parent.child(), parent.child()
    first.stop()
    assert first.stopped and not parent.stopped and not second.stopped
    parent.pause(True)
    assert second.paused
    parent.stop()
    assert second.stopped and parent.child().stopped


def test_cli_search_saves_a_project_with_the_trials_and_prints_the_best(tmp_path, two_classes, capsys):
    out = tmp_path / "news"
    torch.manual_seed(0)
    code = cli_main(["search", str(two_classes), "--model", "textcnn", "--set", "embedding_dim=16",
                     "--set", "num_filters=8", "--space", "lr,kernel_sizes", "--range", "lr=1e-3:3e-2",
                     "--trials", "3", "--epochs", "2", "--batch-size", "32", "--max-len", "24",
                     "--device", "cpu", "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "training.lr: 0.001 .. 0.03 (log)" in printed and "best: trial" in printed
    assert printed.count("\rtrial ") == 3
    project = json.loads((tmp_path / "news.studio" / "project.json").read_text(encoding="utf-8"))
    assert len(project["runs"]) == 3
    assert (tmp_path / "news.studio" / "search" / "search.db").is_file()
    # the same command again: the budget is spent, nothing more is trained
    assert cli_main(["search", str(two_classes), "--model", "textcnn", "--set", "embedding_dim=16",
                     "--set", "num_filters=8", "--space", "lr,kernel_sizes", "--range", "lr=1e-3:3e-2",
                     "--trials", "3", "--epochs", "2", "--batch-size", "32", "--max-len", "24",
                     "--device", "cpu", "--out", str(out)]) == 0
    assert capsys.readouterr().out.count("\rtrial ") == 0
    assert cli_main(["search", str(two_classes), "--timeout", "soon", "--out", str(out)]) == 2
    assert "--timeout: 'soon' is not a duration" in capsys.readouterr().err


def test_timeouts_and_ranges_are_parsed_or_refused_by_name():
    from studio.cli_search import edit_ranges, parse_duration, resolve_keys

    assert parse_duration("90s") == 90 and parse_duration("30m") == 1800 and parse_duration("1.5h") == 5400
    with pytest.raises(ConfigError, match="--timeout"):
        parse_duration("soon")
    settings = Settings()
    assert resolve_keys(settings, "lr, dropout,text.max_len") == ["training.lr", "model.dropout", "text.max_len"]
    space = edit_ranges(propose(settings, ["training.lr", "model.kernel_sizes"]),
                        ["lr=1e-4:1e-3", "kernel_sizes=3,4,5/2,3"])
    assert (space[0].low, space[0].high) == (1e-4, 1e-3) and space[1].choices == ["3,4,5", "2,3"]
    with pytest.raises(ConfigError, match="--range"):
        edit_ranges(space, ["lr=high:low"])
    with pytest.raises(ConfigError, match="--range"):
        edit_ranges(space, ["seed=1:2"])
    with pytest.raises(ConfigError):
        resolve_keys(settings, "seed")


def test_a_study_of_another_model_is_refused(tmp_path):
    path = study_file(tmp_path, "search")
    path.parent.mkdir(parents=True)
    open_study(path, SearchConfig(space=propose(Settings(), ["training.lr"])), "textcnn")
    with pytest.raises(ConfigError, match="textcnn"):
        open_study(path, None, "esim")
    (tmp_path / "search" / "broken.db").write_bytes(b"not a database at all" * 10)
    with pytest.raises(ConfigError, match="broken.db"):
        open_study(tmp_path / "search" / "broken.db")


def test_a_search_where_nothing_can_train_stops_at_the_first_failure(tmp_path):
    data = tmp_path / "one-class.tsv"
    data.write_text("这部电影很好看\t正面\n" * 40, encoding="utf-8")
    settings = Settings.from_dict({"dataset": {"train": str(data), "label_column": 1},
                                   "model": {"type": "textcnn", "embedding_dim": 8, "num_filters": 4},
                                   "training": {"epochs": 1, "device": "cpu"}})
    search = SearchConfig(space=propose(settings, ["training.lr"]), trials=5)
    with pytest.raises(StudioError, match="only one class"):
        run_search(settings, search, tmp_path)
    records = trial_records(open_study(study_file(tmp_path, "search")))
    assert [r.state for r in records] == ["failed"]
    assert records[0].reason.code == "search.trial_failed" and "only one class" in str(records[0].reason)
