"""``studio vectors train | import | neighbors``: word vectors from the command line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from studio.cli_common import add_tokenizer_options, data_settings, describe_data


def add_parser(sub) -> None:
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
    add_tokenizer_options(train)
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
    add_tokenizer_options(imp)
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


def _reporter(on_progress=None, on_event=None):
    """A :class:`~studio.core.report.Reporter` that prints stages and notices in English
    and calls ``on_progress`` only on a terminal."""
    from studio.core.report import Notice, Reporter, Stage

    def event(item) -> None:
        if isinstance(item, Stage):
            print(item.message, flush=True)
        elif isinstance(item, Notice):
            print(("warning: " if item.level == "warning" else "") + str(item.message), flush=True)
        elif on_event is not None:
            on_event(item)

    return Reporter(on_progress if sys.stderr.isatty() else None, event)


def _read_vectors(args):
    from studio.core.embeddings.project_vectors import import_vectors
    from studio.core.errors import ConfigError

    if args.limit is not None and args.limit < 1:
        raise ConfigError("vectors.cli_limit", limit=args.limit)
    report = _reporter(lambda fraction: print(f"\rreading {args.file}: {fraction:.0%}", end="",
                                               file=sys.stderr))
    added = import_vectors(args.file, args.vocab, args.limit, report)
    entry, vectors = added.entry, added.vectors
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return entry, vectors


def _vectors_train(args) -> int:
    from pydantic import ValidationError

    from studio.core.embeddings.project_vectors import training_sentences
    from studio.core.embeddings.vectors import save_vectors
    from studio.core.embeddings.word2vec import Word2VecConfig, Word2VecProgress, train_word2vec
    from studio.core.errors import ConfigError
    from studio.core.messages import message
    from studio.core.validation import error_field, problem_message

    out = Path(args.out) if args.out else Path(args.data).with_suffix(".vectors.bin")
    if out.suffix.lower() != ".bin":
        raise ConfigError("vectors.cli_out_not_bin", file=out)
    chosen = {name: getattr(args, name) for name in Word2VecConfig.model_fields}
    try:
        config = Word2VecConfig(**{k: v for k, v in chosen.items() if v is not None})
    except ValidationError as exc:  # name the option, not the field: --vector-size
        def option(error) -> str:
            field = error_field(error)
            return "--" + field.replace("_", "-") if field in chosen else field

        raise ConfigError("config.invalid", problems=[
            message("config.field", field=option(error), problem=problem_message(error))
            for error in exc.errors()]) from None
    table, settings = data_settings(args)
    print(describe_data(table, settings))
    sentences = training_sentences(settings, {args.data: table})
    which = ("the training split" if settings.dataset.label_column is not None
             else "every row (no label column to split by)")
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

    def on_event(progress) -> None:
        if not isinstance(progress, Word2VecProgress):
            return
        # a report in epoch k + 1 carries epoch k's loss: print each epoch as the next begins
        if progress.epoch > state["epoch"] + 1 and progress.epoch > 1:
            epoch_line(progress.epoch - 1, progress.loss)
            state["epoch"] = progress.epoch - 1
        state["last"] = progress

    report = _reporter(lambda fraction: print(f"\r{fraction:.0%}", end="", file=sys.stderr), on_event)
    vectors = train_word2vec(sentences, config, report)
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
    from studio.core.embeddings.project_vectors import vocabulary_coverage

    table, settings = data_settings(args)
    which = "training split" if settings.dataset.label_column is not None else "every row"
    return table, settings, vocabulary_coverage(settings, {args.data: table}, vectors), which


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
        print(describe_data(table, settings))
        print(f"coverage ({which}): {coverage.describe()}")
        print(f"vocabulary share {coverage.vocab_share:.1%}, token share {coverage.occurrence_share:.1%}")
        if coverage.missing:
            print(f"most frequent without a vector: {' '.join(coverage.missing)}")
    return 0


def _vectors_neighbors(args) -> int:
    from studio.core.embeddings.explore import neighbors
    from studio.core.errors import ConfigError

    if args.topn < 1:
        raise ConfigError("vectors.cli_topn", topn=args.topn)
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


def run(args) -> int:
    return {"train": _vectors_train, "import": _vectors_import,
            "neighbors": _vectors_neighbors}[args.vectors_command](args)
