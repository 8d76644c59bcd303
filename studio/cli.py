"""Command line: ``studio`` opens the GUI; ``studio train | evaluate | predict | vectors |
retrieve`` run headless.

``studio [PATH] [--sample]`` starts the desktop app (PATH: a project folder or a data
file). The headless commands use the same core and never import Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from studio import cli_distributed, cli_explain, cli_export, cli_pairs, cli_retrieve, cli_search, cli_vectors
from studio.cli_common import ALLOW_HELP, data_settings, describe_data, parse_set

HEADLESS = ("train", "evaluate", "predict", "explain", "export", "vectors", "retrieve", "search", "bundle")




def open_project(path: str | Path, allow_outside: bool):
    """Open a project for a headless command, refusing one that refers to files outside
    its folder the user has not agreed to (unless ``allow_outside``).

    Raises:
        ProjectError: unreadable project, or outside files not agreed to (listed).
    """
    from studio.core.project import Project
    from studio.core.project_outside import OutsideFilesRefused

    project = Project.open(path)
    if project.outside_files and not allow_outside:
        raise OutsideFilesRefused(path, path, project.outside_files)
    project.allow_outside_files()
    return project


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    """DATA and the options that read, split and tokenize it (``train`` and ``search``)."""
    parser.add_argument("data", nargs="?", help="training data: .tsv/.txt/.csv, one example per line")
    parser.add_argument("--validation", help="validation file (default: split from DATA)")
    parser.add_argument("--test", help="test file (default: split from DATA)")
    parser.add_argument("--class-names", help="file with one class name per line; line i names label id i "
                        "(default: class.txt beside DATA when labels are integers)")
    parser.add_argument("--text-column", help="text column, 1-based number or header name (default: guessed)")
    parser.add_argument("--text-pair-column", help="second text column of a sentence pair (default: guessed)")
    parser.add_argument("--label-column", help="label column, 1-based number or header name (default: guessed)")
    parser.add_argument("--val-fraction", type=float, default=0.1, help="validation share when split (default 0.1)")
    parser.add_argument("--test-fraction", type=float, default=0.1, help="test share when split (default 0.1)")
    parser.add_argument("--split-seed", type=int, default=42, help="seed of the split (default 42)")
    parser.add_argument("--tokenizer", choices=["char", "jieba", "whitespace"], default="char",
                        help="char: one token per character; jieba: Chinese words; whitespace (default char)")
    parser.add_argument("--user-dict", help="jieba user dictionary file")
    parser.add_argument("--stopwords", help="stopword file, one word per line")
    parser.add_argument("--max-len", type=int, default=32, help="tokens per text (default 32)")
    parser.add_argument("--min-freq", type=int, default=1, help="minimum token count for the vocabulary (default 1)")
    parser.add_argument("--max-size", type=int, default=50000, help="largest vocabulary (default 50000)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studio", description="Text Model Studio, headless commands.",
        epilog="Desktop app: `studio` opens an empty window, `studio PATH` opens a project folder "
               "or a data file, `studio --sample` opens the sample project.")
    sub = parser.add_subparsers(dest="command", required=True)

    train = sub.add_parser("train", help="train a model on a data file and save a project",
                           description="Read DATA, train a model, report test scores and save a project.")
    _add_data_options(train)
    train.add_argument("--model", default="textcnn", help="registered model name (default textcnn); "
                       "see `studio train --list-models`")
    train.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                       help="model setting, e.g. --set num_filters=128 --set kernel_sizes=[2,3,4]")
    train.add_argument("--epochs", type=int, default=3, help="passes over the training data (default 3)")
    train.add_argument("--batch-size", type=int, default=128, help="examples per step (default 128)")
    train.add_argument("--lr", type=float, default=1e-3, help="Adam learning rate (default 1e-3)")
    train.add_argument("--patience", type=int, default=3, help="early-stopping patience in epochs, 0 = off (default 3)")
    train.add_argument("--seed", type=int, default=42, help="training seed (default 42)")
    train.add_argument("--device", choices=["auto", "cpu", "cuda", "mps"], default="auto",
                       help="auto: CUDA, then MPS, then CPU (default auto)")
    train.add_argument("--out", help="project folder to save (default: DATA's name + .studio beside it)")
    train.add_argument("--list-models", action="store_true",
                       help="list the models for DATA's task (sentence pairs when it has a second "
                            "text column; without DATA, text classification) and exit")
    train.add_argument("--resume", metavar="RUN_DIR",
                       help="continue a killed or stopped run from its checkpoint, e.g. "
                            "PROJECT.studio/runs/RUN_ID, and save its project (other options are ignored)")
    train.add_argument("--project", metavar="FOLDER",
                       help="train a new run of this project folder with its own settings and data (a bundle "
                            "from `studio bundle`, say) and save it there; DATA, model and training options "
                            "are then not given")
    train.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)
    cli_distributed.add_options(train)

    evaluate = sub.add_parser("evaluate", help="score a project's run on a labelled file",
                              description="Print accuracy, macro-F1 and per-class scores.")
    evaluate.add_argument("project", help="project folder (.studio)")
    evaluate.add_argument("data", help="labelled data file with the same columns as the training data")
    evaluate.add_argument("--run", help="run id (default: the latest run)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)

    predict = sub.add_parser(
        "predict", help="label new texts (or sentence pairs) with a project's run",
        description="Print the label and class probabilities of each text. For a sentence-pair project, "
                    "give pairs: `studio predict P \"text a\" \"text b\" [\"a2\" \"b2\" ...]` reads the "
                    "texts two at a time, and each pair's match probability (of the positive class) and "
                    "label, decided at the threshold the run chose on its validation split, are printed.")
    predict.add_argument("project", help="project folder (.studio)")
    predict.add_argument("texts", nargs="*", help="texts to label; for a sentence-pair project, text a then "
                                                  "text b of each pair (or use --file, or standard input)")
    predict.add_argument("--file", help="file with one text per line; for a sentence-pair project, one pair "
                                        "per line as text a<TAB>text b, or any data file with two text "
                                        "columns (LCQMC's a<TAB>b<TAB>label, a CSV with a header)")
    predict.add_argument("--out", help="with --file: label the whole file (any data file the studio reads; "
                                       "true labels are compared when it has them) and write the predictions "
                                       "here, as .csv, .tsv or .jsonl")
    predict.add_argument("--run", help="run id (default: the latest run)")
    predict.add_argument("--json", action="store_true", help="print one JSON object per text (or pair)")
    predict.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)
    cli_explain.add_parser(sub)
    cli_export.add_parser(sub)
    cli_vectors.add_parser(sub)
    cli_retrieve.add_parser(sub)
    cli_search.add_parser(sub, _add_data_options)
    cli_distributed.add_bundle_parser(sub, ALLOW_HELP)
    return parser


def _train(args) -> int:
    from studio.core.errors import StudioError
    from studio.core.models import check_task, get_entry, model_names, parse_config
    from studio.core.project import SUFFIX, Project
    from studio.core.project_runs import place_new_run
    from studio.core.report import Reporter
    from studio.core.training.distributed import from_environment
    from studio.core.training.run import execute_run

    place = from_environment()
    if args.nproc_per_node > 1 and place is None and not args.list_models:
        return cli_distributed.launch(args.argv, args.nproc_per_node, args.max_restarts)
    if args.resume:
        return _resume(args.resume, args.allow_outside_files)
    if args.list_models:  # the models the data's task can train (without data: one text in)
        task = data_settings(args)[1].task if args.data else "classification"
        names = model_names(task=task)
        width = max(map(len, names))
        print("\n".join(f"{name:<{width}}  {get_entry(name).title}" for name in names))
        return 0
    if args.project:
        if args.data:
            raise StudioError("cli.no_project_settings", folder=args.project)
        project = open_project(args.project, args.allow_outside_files)
        settings, tables, out = project.settings, None, Path(os.path.abspath(project.path))
    else:
        if not args.data:
            raise StudioError("cli.no_train_data")
        table, settings = data_settings(args, {
            "model": parse_config({"type": args.model, **parse_set(args.set)}),
            "training": {"epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr,
                         "patience": args.patience, "seed": args.seed, "device": args.device},
        })
        tables = {args.data: table}
        if place is None or place.is_main:
            print(describe_data(table, settings))
        out = Path(args.out or str(Path(args.data).with_suffix("")))
        if out.suffix != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        project = Project(settings, name=Path(args.data).stem)
    if args.checkpoint_every:
        settings = settings.model_copy(update={"training": settings.training.model_copy(
            update={"checkpoint_every_s": args.checkpoint_every})})
    check_task(settings.model.type, settings.task)  # before a project folder is made
    if place is not None:  # one of torchrun's processes
        run = cli_distributed.train(settings, tables, out, _report)
        if run is None:
            return 0  # process 0 reports and saves
    else:
        run_dir = place_new_run(out, settings.model.type)  # resumable with --resume
        run = execute_run(settings, tables, report=Reporter(on_event=_report), run_dir=run_dir)
    finished = run.finished
    if finished.get("test"):
        _print_report(finished["test"])
    project.runs.append(run)
    print(f"saved {project.save(out)} (run {run.id}, {finished.get('status')})")
    return 0


def _resume(run_dir: str, allow_outside: bool = False) -> int:
    """``studio train --resume RUN_DIR``: continue the run, then save the project that holds
    it (``RUN_DIR/../..`` when that is a project folder, else a new one there). The
    folder is locked meanwhile, and the run's files outside it need consent."""
    from studio.core.project import PROJECT_FILE, Project
    from studio.core.project_lock import FolderLock
    from studio.core.project_runs import resume_config
    from studio.core.report import Reporter
    from studio.core.run_files import settings_of
    from studio.core.training.device import choose_device
    from studio.core.training.distributed import from_environment, join, leave
    from studio.core.training.run import resume_run

    root = Path(os.path.abspath(run_dir)).parent.parent  # not resolved: a linked run folder is refused
    project = open_project(root, allow_outside) if (root / PROJECT_FILE).is_file() else None
    place = from_environment()
    lock = FolderLock(root) if place is None or place.is_main else None  # process 0 writes for all
    if lock is not None:
        lock.acquire()  # another studio resuming or saving the same run would break it
    try:
        config = resume_config(run_dir, allow_outside)
        if place is not None:
            join(place, choose_device(settings_of(config).training.device))
        report = Reporter(on_event=_report if place is None or place.is_main else None)
        run = resume_run(run_dir, report=report, config=config, distributed=place)
    finally:
        if lock is not None:
            lock.release()
        leave()
    if place is not None and not place.is_main:
        return 0
    finished = run.finished
    if finished.get("test"):
        _print_report(finished["test"])
    if project is not None:
        project.runs = [r for r in project.runs if r.id != run.id] + [run]
    else:
        project = Project(run.settings, name=root.stem)
        project.runs.append(run)
    print(f"saved {project.save(root)} (run {run.id}, {finished.get('status')})")
    return 0


def _report(event) -> None:
    """Print the stages, notices and training events of a headless run, in English."""
    from studio.core.report import Notice, Stage
    from studio.core.training.events import BatchEnd, EpochEnd, RunStarted

    if isinstance(event, Stage):
        print(event.message)
    elif isinstance(event, Notice):
        print(f"Warning: {event.message}" if event.level == "warning" else event.message)
    elif isinstance(event, RunStarted):
        print(f"{event.model_type}: {event.num_parameters:,} parameters on {event.device}"
              f"{f', {event.precision} mixed precision' if event.precision in ('bf16', 'fp16') else ''}; "
              f"{event.num_train} training / {event.num_validation} validation examples")
    elif isinstance(event, EpochEnd):
        m = event.metrics
        print(f"epoch {event.epoch}: train loss {m['train_loss']:.4f} acc {m['train_accuracy']:.4f}"
              + (f" | val loss {m['val_loss']:.4f} acc {m['val_accuracy']:.4f}" if "val_loss" in m else "")
              + f" | {m['seconds']:.1f}s")
    elif isinstance(event, BatchEnd) and sys.stderr.isatty():
        print(f"\rstep {event.step} loss {event.loss:.4f} {event.samples_per_s:,.0f} samples/s",
              end="", file=sys.stderr)


def _print_report(report: dict, scored: str = "test") -> None:
    print(f"{scored} accuracy {report['accuracy']:.4f}  macro-F1 {report['macro_f1']:.4f}")
    width = max(len(row["label"]) for row in report["per_class"])
    print(f"{'class':<{width}}  precision  recall  f1      support")
    for row in report["per_class"]:
        print(f"{row['label']:<{width}}  {row['precision']:.4f}     {row['recall']:.4f}  "
              f"{row['f1']:.4f}  {row['support']}")
    binary = report.get("binary")
    if binary:
        def score(value) -> str:
            return "n/a" if value is None else f"{value:.4f}"

        print(f"positive class {binary['positive']!r} at threshold {binary['threshold']:.4f}: "
              f"accuracy {binary['accuracy']:.4f}  precision {binary['precision']:.4f}  "
              f"recall {binary['recall']:.4f}  F1 {binary['f1']:.4f}")
        print(f"ROC-AUC {score(binary['roc_auc'])}  PR-AUC (average precision) {score(binary['pr_auc'])}")


def pick_run(project_path: str, run_id: str | None, allow_outside: bool = False):
    from studio.core.errors import ProjectError

    project = open_project(project_path, allow_outside)
    if not project.runs:
        raise ProjectError("cli.no_runs", project=project_path)
    if run_id is None:
        return project.runs[-1]
    for run in project.runs:
        if run.id == run_id:
            return run
    raise ProjectError("cli.no_such_run", project=project_path, run=repr(run_id),
                       runs=", ".join(r.id for r in project.runs))


def _evaluate(args) -> int:
    from studio.core.inference.evaluate import evaluate_run

    run = cli_pairs.fit_pair_columns(pick_run(args.project, args.run, args.allow_outside_files), args.data)
    report = evaluate_run(run, args.data)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(report, Path(args.data).name)
    return 0


def _predict(args) -> int:
    from studio.core.errors import StudioError
    from studio.core.inference.predictor import Predictor
    from studio.core.safe_files import os_reason

    run = pick_run(args.project, args.run, args.allow_outside_files)
    if args.out:
        if not args.file or args.texts:
            raise StudioError("cli.out_needs_file")
        from studio import cli_batch

        return cli_batch.predict_file(args, run)
    if run.settings.task == "pair":
        return cli_pairs.predict_pairs(args, Predictor(run))
    texts = list(args.texts)
    if args.file:
        try:
            texts += [line for line in Path(args.file).read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise StudioError("project.cannot_read", file=args.file, reason=os_reason(exc)) from None
    if not texts and not sys.stdin.isatty():
        texts = [line for line in sys.stdin.read().splitlines() if line.strip()]
    if not texts:
        raise StudioError("cli.no_texts")
    predictor = Predictor(run)
    for text, prediction in zip(texts, predictor.predict(texts), strict=True):
        if args.json:
            print(json.dumps({"text": text, "label": prediction.label,
                              "probabilities": prediction.probabilities}, ensure_ascii=False))
        else:
            top = sorted(prediction.probabilities.items(), key=lambda kv: -kv[1])[:3]
            shown = ", ".join(f"{name} {p:.3f}" for name, p in top)
            print(f"{prediction.label}\t{text}\t({shown})")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in HEADLESS and argv[0] not in ("-h", "--help"):
        from studio.gui.app import main as gui_main

        return gui_main(argv)
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    args.argv = argv  # `train --nproc-per-node` runs the same command again under torchrun
    if args.command == "predict":  # texts may follow options: predict P --json "text"
        args.texts += [e for e in extra if not e.startswith("-")]
        extra = [e for e in extra if e.startswith("-")]
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    from studio.core.errors import StudioError

    try:
        commands = {"train": _train, "evaluate": _evaluate, "predict": _predict, "explain": cli_explain.run,
                    "export": cli_export.run, "vectors": cli_vectors.run, "retrieve": cli_retrieve.run,
                    "search": cli_search.run, "bundle": cli_distributed.run_bundle}
        return commands[args.command](args)
    except StudioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
