"""Command line: ``studio`` opens the GUI; ``studio train | evaluate | predict | vectors``
run headless.

``studio [PATH] [--sample]`` starts the desktop app (PATH: a project folder or a data
file). The headless commands use the same core and never import Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HEADLESS = ("train", "evaluate", "predict", "vectors")


def _column(value: str | None, names: list[str], option: str) -> int | None:
    """A column given as a 1-based number or a header name -> 0-based index."""
    from studio.core.errors import ConfigError

    if value is None:
        return None
    if value.isdigit():
        index = int(value) - 1
        if 0 <= index < len(names):
            return index
    elif value in names:
        return names.index(value)
    raise ConfigError(f"{option}: no column {value!r}; the file has {', '.join(names)} "
                      "(give a 1-based number or a header name).")


def _parse_set(pairs: list[str]) -> dict:
    from studio.core.errors import ConfigError

    overrides = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            raise ConfigError(f"--set {pair!r}: write KEY=VALUE, e.g. --set num_filters=128.")
        try:
            overrides[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key.strip()] = raw
    return overrides


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studio", description="Text Model Studio, headless commands.",
        epilog="Desktop app: `studio` opens an empty window, `studio PATH` opens a project folder "
               "or a data file, `studio --sample` opens the sample project.")
    sub = parser.add_subparsers(dest="command", required=True)

    train = sub.add_parser("train", help="train a model on a data file and save a project",
                           description="Read DATA, train a model, report test scores and save a project.")
    train.add_argument("data", nargs="?", help="training data: .tsv/.txt/.csv, one example per line")
    train.add_argument("--validation", help="validation file (default: split from DATA)")
    train.add_argument("--test", help="test file (default: split from DATA)")
    train.add_argument("--class-names", help="file with one class name per line; line i names label id i "
                       "(default: class.txt beside DATA when labels are integers)")
    train.add_argument("--text-column", help="text column, 1-based number or header name (default: guessed)")
    train.add_argument("--text-pair-column", help="second text column of a sentence pair (default: guessed)")
    train.add_argument("--label-column", help="label column, 1-based number or header name (default: guessed)")
    train.add_argument("--val-fraction", type=float, default=0.1, help="validation share when split (default 0.1)")
    train.add_argument("--test-fraction", type=float, default=0.1, help="test share when split (default 0.1)")
    train.add_argument("--split-seed", type=int, default=42, help="seed of the split (default 42)")
    train.add_argument("--tokenizer", choices=["char", "jieba", "whitespace"], default="char",
                       help="char: one token per character; jieba: Chinese words; whitespace (default char)")
    train.add_argument("--user-dict", help="jieba user dictionary file")
    train.add_argument("--stopwords", help="stopword file, one word per line")
    train.add_argument("--max-len", type=int, default=32, help="tokens per text (default 32)")
    train.add_argument("--min-freq", type=int, default=1, help="minimum token count for the vocabulary (default 1)")
    train.add_argument("--max-size", type=int, default=50000, help="largest vocabulary (default 50000)")
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
    train.add_argument("--list-models", action="store_true", help="list registered models and exit")

    evaluate = sub.add_parser("evaluate", help="score a project's run on a labelled file",
                              description="Print accuracy, macro-F1 and per-class scores.")
    evaluate.add_argument("project", help="project folder (.studio)")
    evaluate.add_argument("data", help="labelled data file with the same columns as the training data")
    evaluate.add_argument("--run", help="run id (default: the latest run)")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")

    predict = sub.add_parser("predict", help="label new texts with a project's run",
                             description="Print the label and class probabilities of each text.")
    predict.add_argument("project", help="project folder (.studio)")
    predict.add_argument("texts", nargs="*", help="texts to label (or use --file, or standard input)")
    predict.add_argument("--file", help="file with one text per line")
    predict.add_argument("--run", help="run id (default: the latest run)")
    predict.add_argument("--json", action="store_true", help="print one JSON object per text")
    _add_vectors_parser(sub)
    return parser


def _add_tokenizer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text-column", help="text column, 1-based number or header name (default: guessed)")
    parser.add_argument("--tokenizer", choices=["char", "jieba", "whitespace"], default="char",
                        help="char: one token per character; jieba: Chinese words; whitespace (default char)")
    parser.add_argument("--user-dict", help="jieba user dictionary file")
    parser.add_argument("--stopwords", help="stopword file, one word per line")


def _add_vectors_parser(sub) -> None:
    vectors = sub.add_parser("vectors", help="train, import and query word vectors",
                             description="Word vectors: train word2vec on a data file, check a "
                                         "vectors file's coverage of a data file, list neighbours.")
    commands = vectors.add_subparsers(dest="vectors_command", required=True)
    files = "word2vec text (.txt, .vec) or binary (.bin) file, optionally .gz/.bz2, or .npz with a vocabulary"

    train = commands.add_parser(
        "train", help="train word2vec on a data file's texts",
        description="Train word2vec (Mikolov et al. 2013, gensim) on DATA's texts and write the "
                    "vectors in the word2vec binary format. With a label column the training split "
                    "is used (as `studio train` would split it: 80 % with the default shares); "
                    "without one, every row. Each text of a sentence pair is its own sentence.")
    train.add_argument("data", help="data file: .tsv/.txt/.csv, one text per line")
    _add_tokenizer_options(train)
    train.add_argument("--algorithm", choices=["skipgram", "cbow"], default=None,
                       help="skipgram predicts the context from a word (better for rare words); "
                            "cbow predicts a word from its context (faster) (default skipgram)")
    train.add_argument("--vector-size", type=int, help="dimensions per word vector, 2 to 1000 (default 100)")
    train.add_argument("--window", type=int, help="largest distance to a context word, in tokens (default 5)")
    train.add_argument("--negative", type=int, help="noise words drawn per positive pair (default 5)")
    train.add_argument("--min-count", type=int,
                       help="tokens seen fewer times get no vector (default 5)")
    train.add_argument("--epochs", type=int, help="passes over the texts (default 5)")
    train.add_argument("--workers", type=int, help="training threads (default: CPU cores, at most 8)")
    train.add_argument("--seed", type=int, help="seed of the random initial vectors (default 42)")
    train.add_argument("--out", help="vectors file to write, ending in .bin "
                                      "(default: DATA's name + .vectors.bin beside it)")

    imp = commands.add_parser(
        "import", help="read a vectors file; with --data, its coverage of that data",
        description="Read word vectors and print their count and dimensions. With --data, print "
                    "how much of the vocabulary `studio train` would build from DATA (training "
                    "split, tokenizer, --min-freq, --max-size) has vectors, how many token "
                    "occurrences (first --max-len tokens per text) they cover, and the most "
                    "frequent tokens without a vector.")
    imp.add_argument("file", help=files)
    imp.add_argument("--vocab", help="vocabulary of an .npz, one token per line or a JSON list (default: "
                                     "<stem>.vocab.txt, <stem>.vocab.json, vocab.txt or vocab.json beside it)")
    imp.add_argument("--limit", type=int, help="read only the first N vectors (default: all)")
    imp.add_argument("--data", help="data file whose vocabulary coverage to measure")
    _add_tokenizer_options(imp)
    imp.add_argument("--min-freq", type=int, default=1,
                     help="minimum token count for the vocabulary (default 1)")
    imp.add_argument("--max-size", type=int, default=50000,
                     help="largest vocabulary, counting <pad> and <unk> (default 50000)")
    imp.add_argument("--max-len", type=int, default=32, help="tokens per text (default 32)")
    imp.add_argument("--json", action="store_true", help="print one JSON object")

    near = commands.add_parser(
        "neighbors", help="the words most similar to given words",
        description="For each WORD, print the words whose vectors have the highest cosine "
                    "similarity (-1 to 1), most similar first. A word without a vector is tried "
                    "lowercased.")
    near.add_argument("file", help=files)
    near.add_argument("words", nargs="+", metavar="WORD", help="words to look up")
    near.add_argument("--topn", type=int, default=10, help="neighbours per word (default 10)")
    near.add_argument("--vocab", help="vocabulary of an .npz (default: found beside it)")
    near.add_argument("--limit", type=int, help="read only the first N vectors (default: all)")
    near.add_argument("--json", action="store_true", help="print one JSON object per word")


def _data_settings(args, sections: dict | None = None):
    """Read ``args.data`` and build :class:`Settings` from the data and text options.

    Column roles not given are guessed (``propose_config``). Options a command does not
    have (``studio vectors`` has no ``--validation`` or ``--max-len``, say) keep the
    settings' defaults. ``sections`` adds the ``model`` and ``training`` groups.

    Returns:
        The table read and the settings.

    Raises:
        StudioError: unreadable data, an unknown column, an invalid setting.
    """
    from studio.core.data.dataset import find_class_names_file, propose_config
    from studio.core.data.reader import read_table
    from studio.core.settings import Settings

    def given(*names: str) -> dict:
        return {name: getattr(args, name) for name in names if hasattr(args, name)}

    table = read_table(args.data)
    proposed = propose_config(args.data, table)
    text = _column(args.text_column, table.names, "--text-column")
    label = _column(getattr(args, "label_column", None), table.names, "--label-column")
    pair = _column(getattr(args, "text_pair_column", None), table.names, "--text-pair-column")
    class_names = getattr(args, "class_names", None)
    if class_names is None and label is None:
        class_names = proposed.class_names
    elif class_names is None:
        found = find_class_names_file(args.data, table.columns[label])
        class_names = str(found) if found else None
    settings = Settings.from_dict({
        "dataset": {
            **proposed.model_dump(),
            **given("validation", "test", "val_fraction", "test_fraction", "split_seed"),
            "class_names": class_names,
            "text_column": proposed.text_column if text is None else text,
            "text_pair_column": proposed.text_pair_column if (pair is None and text is None) else pair,
            "label_column": proposed.label_column if label is None else label,
        },
        "text": {"tokenizer": {"type": args.tokenizer, **given("user_dict", "stopwords")},
                 **given("max_len", "min_freq", "max_size")},
        **(sections or {}),
    })
    return table, settings


def _describe_data(table, settings) -> str:
    """``data: FILE (rows, encoding); text column ..., label column ...`` for the log."""
    roles = settings.dataset
    label = table.names[roles.label_column] if roles.label_column is not None else "(none found)"
    return (f"data: {roles.train} ({table.num_rows} rows, {table.encoding}); text column "
            f"{table.names[roles.text_column]!r}"
            + (f" + {table.names[roles.text_pair_column]!r}" if roles.text_pair_column is not None else "")
            + f", label column {label!r}"
            + (f", class names {roles.class_names}" if roles.class_names else ""))


def _train(args) -> int:
    from studio.core.errors import StudioError
    from studio.core.models import get_entry, model_names, parse_config
    from studio.core.project import Project
    from studio.core.training.events import BatchEnd, EpochEnd, RunStarted
    from studio.core.training.run import execute_run

    if args.list_models:
        width = max(map(len, model_names()))
        print("\n".join(f"{name:<{width}}  {get_entry(name).title}" for name in model_names()))
        return 0
    if not args.data:
        raise StudioError("train: give the training data file, e.g. `studio train train.txt`.")
    table, settings = _data_settings(args, {
        "model": parse_config({"type": args.model, **_parse_set(args.set)}).model_dump(),
        "training": {"epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr,
                     "patience": args.patience, "seed": args.seed, "device": args.device},
    })
    print(_describe_data(table, settings))

    def report(event) -> None:
        if isinstance(event, RunStarted):
            print(f"{event.model_type}: {event.num_parameters:,} parameters on {event.device}; "
                  f"{event.num_train} training / {event.num_validation} validation examples")
        elif isinstance(event, EpochEnd):
            m = event.metrics
            print(f"epoch {event.epoch}: train loss {m['train_loss']:.4f} acc {m['train_accuracy']:.4f}"
                  + (f" | val loss {m['val_loss']:.4f} acc {m['val_accuracy']:.4f}" if "val_loss" in m else "")
                  + f" | {m['seconds']:.1f}s")
        elif isinstance(event, BatchEnd) and sys.stderr.isatty():
            print(f"\rstep {event.step} loss {event.loss:.4f} {event.samples_per_s:,.0f} samples/s",
                  end="", file=sys.stderr)

    run = execute_run(settings, {args.data: table}, callbacks=[report], on_status=print)
    finished = run.finished
    if finished.get("test"):
        _print_report(finished["test"])
    project = Project(settings, name=Path(args.data).stem)
    project.runs.append(run)
    out = args.out or str(Path(args.data).with_suffix(""))
    print(f"saved {project.save(out)} (run {run.id}, {finished.get('status')})")
    return 0


def _print_report(report: dict) -> None:
    print(f"test accuracy {report['accuracy']:.4f}  macro-F1 {report['macro_f1']:.4f}")
    width = max(len(row["label"]) for row in report["per_class"])
    print(f"{'class':<{width}}  precision  recall  f1      support")
    for row in report["per_class"]:
        print(f"{row['label']:<{width}}  {row['precision']:.4f}     {row['recall']:.4f}  "
              f"{row['f1']:.4f}  {row['support']}")


def _pick_run(project_path: str, run_id: str | None):
    from studio.core.errors import ProjectError
    from studio.core.project import Project

    project = Project.open(project_path)
    if not project.runs:
        raise ProjectError(f"{project_path}: the project has no trained run yet; train one first.")
    if run_id is None:
        return project.runs[-1]
    for run in project.runs:
        if run.id == run_id:
            return run
    raise ProjectError(f"{project_path}: no run {run_id!r}; runs: {', '.join(r.id for r in project.runs)}.")


def _evaluate(args) -> int:
    from studio.core.inference.evaluate import evaluate_run

    report = evaluate_run(_pick_run(args.project, args.run), args.data)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    return 0


def _predict(args) -> int:
    from studio.core.errors import StudioError
    from studio.core.inference.predictor import Predictor

    texts = list(args.texts)
    if args.file:
        try:
            texts += [line for line in Path(args.file).read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise StudioError(f"{args.file}: cannot be read ({exc}).") from None
    if not texts and not sys.stdin.isatty():
        texts = [line for line in sys.stdin.read().splitlines() if line.strip()]
    if not texts:
        raise StudioError("predict: give texts as arguments, with --file, or on standard input.")
    for text, prediction in zip(texts, Predictor(_pick_run(args.project, args.run)).predict(texts)):
        if args.json:
            print(json.dumps({"text": text, "label": prediction.label,
                              "probabilities": prediction.probabilities}, ensure_ascii=False))
        else:
            top = sorted(prediction.probabilities.items(), key=lambda kv: -kv[1])[:3]
            shown = ", ".join(f"{name} {p:.3f}" for name, p in top)
            print(f"{prediction.label}\t{text}\t({shown})")
    return 0


def _reading_progress(label: str):
    """A stderr progress line for reading a large file, only on a terminal."""
    if not sys.stderr.isatty():
        return None
    return lambda fraction: print(f"\rreading {label}: {fraction:.0%}", end="", file=sys.stderr)


def _read_vectors(args):
    from studio.core.embeddings.project_vectors import import_vectors
    from studio.core.errors import ConfigError

    if args.limit is not None and args.limit < 1:
        raise ConfigError(f"--limit {args.limit}: give at least 1, or leave it out to read every vector.")
    entry, vectors = import_vectors(args.file, args.vocab, args.limit, _reading_progress(args.file))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return entry, vectors


def _vectors_train(args) -> int:
    from pydantic import ValidationError

    from studio.core.embeddings.project_vectors import training_sentences
    from studio.core.embeddings.vectors import save_vectors
    from studio.core.embeddings.word2vec import Word2VecConfig, train_word2vec
    from studio.core.errors import ConfigError
    from studio.core.models.registry import format_validation_error
    from studio.core.text.tokenizers import Tokenizer

    out = Path(args.out) if args.out else Path(args.data).with_suffix(".vectors.bin")
    if out.suffix.lower() != ".bin":
        raise ConfigError(f"--out {out}: the vectors are written in the word2vec binary format; "
                          "give a file name ending in .bin.")
    chosen = {name: getattr(args, name) for name in Word2VecConfig.model_fields}
    try:
        config = Word2VecConfig(**{k: v for k, v in chosen.items() if v is not None})
    except ValidationError as exc:  # name the option, not the field: --vector-size
        lines = format_validation_error(exc).splitlines()
        raise ConfigError("\n".join("--" + line.replace("_", "-", 1) if line.split(":")[0] in chosen
                                     else line for line in lines)) from None
    table, settings = _data_settings(args)
    print(_describe_data(table, settings))
    roles = settings.dataset
    if roles.label_column is not None:
        sentences = training_sentences(settings, {args.data: table})
        which = "the training split"
    else:  # no label column, so no split: every row is training text
        columns = [c for c in (roles.text_column, roles.text_pair_column) if c is not None]
        texts = [text for c in columns for text in table.columns[c]]
        sentences = Tokenizer(settings.text.tokenizer).tokenize_many(texts)
        which = "every row (no label column to split by)"
    print(f"word2vec {config.algorithm}: {len(sentences):,} texts from {which}, "
          f"{sum(map(len, sentences)):,} tokens; vector size {config.vector_size}, window "
          f"{config.window}, negative {config.negative}, min count {config.min_count}, "
          f"{config.epochs} epochs, {config.workers} workers")

    state = {"epoch": 0, "last": None, "start": time.monotonic()}

    def epoch_line(epoch: int, loss: float | None) -> None:
        now = time.monotonic()
        shown = "n/a" if loss is None else f"{loss:,.0f}"
        print(f"epoch {epoch}/{config.epochs}: loss {shown} | {now - state['start']:.1f}s", flush=True)
        state["start"] = now

    def on_progress(progress) -> None:
        # a report in epoch k + 1 carries epoch k's loss: print each epoch as the next begins
        if progress.epoch > state["epoch"] + 1 and progress.epoch > 1:
            epoch_line(progress.epoch - 1, progress.loss)
            state["epoch"] = progress.epoch - 1
        state["last"] = progress
        if sys.stderr.isatty():
            print(f"\r{progress.fraction:.0%}", end="", file=sys.stderr)

    vectors = train_word2vec(sentences, config, on_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if state["epoch"] < config.epochs:  # the final report, after training, has the last loss
        epoch_line(config.epochs, state["last"].loss if state["last"] else None)
    path = save_vectors(vectors, out)
    print(f"saved {path}: {len(vectors):,} words × {vectors.vector_size} dimensions")
    return 0


def _coverage(args, vectors):
    """Coverage of the vocabulary ``studio train`` would build from ``args.data``; without
    a label column, of the vocabulary of every row (nothing to split by)."""
    from studio.core.embeddings.coverage import measure_coverage, token_counts
    from studio.core.embeddings.project_vectors import vocabulary_coverage
    from studio.core.text.encoding import encode
    from studio.core.text.tokenizers import Tokenizer
    from studio.core.text.vocab import Vocab

    table, settings = _data_settings(args)
    roles, text = settings.dataset, settings.text
    if roles.label_column is not None:
        return table, settings, vocabulary_coverage(settings, {args.data: table}, vectors), "training split"
    pairs = table.columns[roles.text_pair_column] if roles.text_pair_column is not None else None
    tokens = Tokenizer(text.tokenizer).tokenize_many(table.columns[roles.text_column], pairs)
    vocab = Vocab.build(tokens, text.min_freq, text.max_size)
    ids, _ = encode(tokens, vocab, text.max_len)
    coverage = measure_coverage(vectors, vocab.tokens, token_counts(ids, len(vocab)))
    return table, settings, coverage, "every row"


def _vectors_import(args) -> int:
    entry, vectors = _read_vectors(args)
    result = {"path": entry.path, "count": entry.count, "dimension": entry.dimension}
    if args.data:
        table, settings, coverage, which = _coverage(args, vectors)
        result["coverage"] = {
            "data": args.data, "texts": which,
            "vocab_found": coverage.vocab_found, "vocab_total": coverage.vocab_total,
            "vocab_share": coverage.vocab_share,
            "occurrences_found": coverage.occurrences_found,
            "occurrences_total": coverage.occurrences_total,
            "occurrence_share": coverage.occurrence_share,
            "missing": list(coverage.missing),
        }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{entry.path}: {entry.count:,} vectors × {entry.dimension} dimensions")
    if args.data:
        print(_describe_data(table, settings))
        print(f"coverage ({which}): {coverage.describe()}")
        print(f"vocabulary share {coverage.vocab_share:.1%}, token share {coverage.occurrence_share:.1%}")
        if coverage.missing:
            print(f"most frequent without a vector: {' '.join(coverage.missing)}")
    return 0


def _vectors_neighbors(args) -> int:
    from studio.core.embeddings.explore import neighbors
    from studio.core.errors import ConfigError

    if args.topn < 1:
        raise ConfigError(f"--topn {args.topn}: give at least 1.")
    _, vectors = _read_vectors(args)
    found = [(word, neighbors(vectors, word, args.topn)) for word in args.words]  # all or none
    for word, near in found:
        if args.json:
            listed = [{"word": w, "cosine": round(c, 6)} for w, c in near]
            print(json.dumps({"word": word, "neighbors": listed}, ensure_ascii=False))
        else:
            print(f"{word}:")
            width = max((len(w) for w, _ in near), default=0)
            for w, c in near:
                print(f"  {w:<{width}}  {c:.4f}")
    return 0


def _vectors(args) -> int:
    return {"train": _vectors_train, "import": _vectors_import,
            "neighbors": _vectors_neighbors}[args.vectors_command](args)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in HEADLESS and argv[0] not in ("-h", "--help"):
        from studio.gui.app import main as gui_main

        return gui_main(argv)
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "predict":  # texts may follow options: predict P --json "text"
        args.texts += [e for e in extra if not e.startswith("-")]
        extra = [e for e in extra if e.startswith("-")]
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    from studio.core.errors import StudioError

    try:
        return {"train": _train, "evaluate": _evaluate, "predict": _predict,
                "vectors": _vectors}[args.command](args)
    except StudioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
