"""``studio search DATA --model M --space lr,dropout --trials 30 --timeout 1h --out P`` runs a
hyperparameter search headless (:mod:`studio.core.search`): the same study the Search view
runs, in ``P/search/<name>.db``; the same command again continues it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from studio.cli_common import ALLOW_HELP

DURATION = re.compile(r"(\d+(?:\.\d+)?)([smh]?)")


def add_parser(sub, add_data_options) -> None:
    search = sub.add_parser(
        "search", help="search for better settings: many short runs, pruned early (Optuna)",
        description="Train DATA many times with settings drawn by Optuna's TPE sampler from the ranges "
                    "proposed for --space, stop hopeless trials after an epoch (median pruner), and "
                    "print the best. Each trial is a run of the project --out; the study is kept in "
                    "OUT/search/NAME.db, so the same command again continues it.")
    add_data_options(search)
    search.add_argument("--model", default="textcnn", help="registered model name (default textcnn)")
    search.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a fixed model setting, e.g. --set num_filters=128")
    search.add_argument("--space", default="lr,dropout",
                        help="settings to search, comma-separated: lr, dropout, kernel_sizes, max_len, "
                             "batch_size… or group.field (training.lr, model.hidden_size, text.max_len); "
                             "default lr,dropout")
    search.add_argument("--range", action="append", default=[], metavar="KEY=LOW:HIGH|A/B/C",
                        help="replace a proposed range: --range lr=1e-4:3e-3, --range kernel_sizes=2,3,4/3,4,5")
    search.add_argument("--trials", type=int, default=20, help="finished trials in all (default 20; 0: no limit)")
    search.add_argument("--timeout", help="stop starting trials after this long: 90s, 30m, 1h (default: none)")
    search.add_argument("--epochs", type=int, default=3, help="epochs per trial (default 3)")
    search.add_argument("--pruner", choices=["median", "hyperband", "none"], default="median",
                        help="how trials are stopped early (default median)")
    search.add_argument("--sampler", choices=["tpe", "random"], default="tpe", help="default tpe")
    search.add_argument("--search-seed", type=int, default=42, help="the sampler's seed (default 42)")
    search.add_argument("--name", default="search", help="the study's name (default search)")
    search.add_argument("--batch-size", type=int, default=128, help="examples per step, when not searched")
    search.add_argument("--lr", type=float, default=1e-3, help="learning rate, when not searched")
    search.add_argument("--seed", type=int, default=42, help="training seed of every trial (default 42)")
    search.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default="auto")
    search.add_argument("--out", help="project folder (default: DATA's name + .studio beside it)")
    search.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)


def parse_duration(text: str | None) -> float | None:
    """``"90s"``, ``"30m"``, ``"1.5h"``, ``"600"`` -> seconds; None for None.

    Raises:
        ConfigError: anything else (``cli.bad_duration``).
    """
    from studio.core.errors import ConfigError

    if text is None:
        return None
    match = DURATION.fullmatch(text.strip())
    if not match or float(match.group(1)) <= 0:
        raise ConfigError("cli.bad_duration", option="--timeout", value=text)
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


def resolve_keys(settings, names: str) -> list[str]:
    """``"lr,dropout,text.max_len"`` -> full keys of :func:`~studio.core.search.space.searchable`;
    a short name must name exactly one.

    Raises:
        ConfigError: a name that is no searchable setting (``search.unknown_setting``).
    """
    from studio.core.errors import ConfigError
    from studio.core.search.space import searchable

    keys = searchable(settings)
    resolved = []
    for name in (n.strip() for n in names.split(",") if n.strip()):
        found = [k for k in keys if k == name or k.partition(".")[2] == name]
        if len(found) != 1:
            raise ConfigError("search.unknown_setting", key=name, choices=", ".join(keys))
        resolved.append(found[0])
    return resolved


def edit_ranges(space: list, edits: list[str]) -> list:
    """``space`` with ``--range`` edits: ``KEY=LOW:HIGH`` for numbers, ``KEY=A/B/C`` for choices.

    Raises:
        ConfigError: an edit of a setting not searched, or a value it cannot take.
    """
    from studio.core.errors import ConfigError

    space = list(space)
    for edit in edits:
        name, _, value = edit.partition("=")
        index = next((i for i, s in enumerate(space) if name.strip() in (s.key, s.name)), None)
        if index is None or not value:
            raise ConfigError("cli.bad_range", value=edit, keys=", ".join(s.key for s in space))
        spec = space[index]
        low, _, high = value.partition(":")
        try:
            space[index] = spec.edited(low, high, choices=value)
        except ValueError:
            raise ConfigError("cli.bad_range", value=edit, keys=", ".join(s.key for s in space)) from None
    return space


def run(args) -> int:
    from studio.cli import open_project
    from studio.cli_common import data_settings, describe_data, parse_set
    from studio.core.errors import StudioError
    from studio.core.models import check_task, parse_config
    from studio.core.project import PROJECT_FILE, SUFFIX, Project
    from studio.core.project_lock import FolderLock
    from studio.core.project_runs import RUNS_FOLDER, read_run
    from studio.core.report import Reporter
    from studio.core.search.space import propose
    from studio.core.search.study import SearchConfig, importances, open_study, run_search, study_file

    if not args.data:
        raise StudioError("cli.no_train_data")
    table, settings = data_settings(args, {
        "model": parse_config({"type": args.model, **parse_set(args.set)}),
        "training": {"epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr, "patience": 0,
                     "seed": args.seed, "device": args.device},
    })
    check_task(settings.model.type, settings.task)
    space = edit_ranges(propose(settings, resolve_keys(settings, args.space)), args.range)
    search = SearchConfig(name=args.name, space=space, trials=args.trials or None,
                          timeout_s=parse_duration(args.timeout), sampler=args.sampler, pruner=args.pruner,
                          seed=args.search_seed)
    search.check()
    print(describe_data(table, settings))
    for spec in space:
        print(f"  {spec.key}: " + (" / ".join(map(str, spec.choices)) if spec.kind == "categorical"
                                   else f"{spec.low:g} .. {spec.high:g}{' (log)' if spec.log else ''}"))
    out = Path(args.out or str(Path(args.data).with_suffix("")))
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    if (out / PROJECT_FILE).is_file():
        project = open_project(out, args.allow_outside_files)
    else:
        project = Project(settings, name=Path(args.data).stem)
        project.save(out)
    lock = FolderLock(out)
    lock.acquire()  # a studio saving this project meanwhile would list half-written runs
    try:
        result = run_search(settings, search, out, {args.data: table}, Reporter(on_event=_report))
    finally:
        lock.release()
    listed = {run.id for run in project.runs}
    for record in result.records:
        if record.run_id and record.run_id not in listed and (out / RUNS_FOLDER / record.run_id).is_dir():
            try:
                project.runs.append(read_run(out / RUNS_FOLDER / record.run_id, out))
            except Exception:  # an interrupted run: the project lists it when opened, to resume
                continue
    project.save(out)
    best = result.best
    counts = {state: sum(r.state == state for r in result.records) for state in
              ("complete", "pruned", "invalid", "failed", "interrupted")}
    print("trials: " + ", ".join(f"{n} {state}" for state, n in counts.items() if n))
    if best is None:
        print(f"no trial finished; the study is {study_file(out, search.name)}")
        return 1
    print(f"best: trial {best.number}, validation accuracy {best.value:.4f}, run {best.run_id}")
    for key, value in best.params.items():
        print(f"  {key} = {value}")
    shares = importances(open_study(study_file(out, search.name)))
    if shares:
        print("importance: " + ", ".join(f"{key} {share:.2f}" for key, share in shares.items()))
    print(f"saved {out} (study {study_file(out, search.name)})")
    return 0


def _report(event) -> None:
    """One line per trial as it ends; the running trial's epochs on a terminal."""
    from studio.core.search.study import TrialEnded, TrialEvent
    from studio.core.training.events import EpochEnd

    if isinstance(event, TrialEnded):
        r = event.record
        settings = ", ".join(f"{k.partition('.')[2]}={_short(v)}" for k, v in r.params.items())
        score = f"val acc {r.value:.4f}" if r.value is not None else str(r.reason)
        took = f" {r.seconds:.0f}s" if r.seconds else ""
        print(f"\rtrial {r.number} {r.state}: {score} ({settings}){took}", flush=True)
    elif isinstance(event, TrialEvent) and isinstance(event.event, EpochEnd) and sys.stderr.isatty():
        m = event.event.metrics
        print(f"\rtrial {event.number} epoch {event.event.epoch}: val acc {m.get('val_accuracy', 0):.4f}",
              end="", file=sys.stderr)


def _short(value) -> str:
    return f"{value:.3g}" if isinstance(value, float) else str(value)
