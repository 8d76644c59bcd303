"""``studio retrieve build | query | evaluate | list | remove``: question retrieval headless.

Build an index of a question bank into a project (BM25, averaged word vectors of one of
the project's vector sets, or a Siamese run's sentence vectors), ask it questions with
an optional rerank by a pair run, and measure recall and reranking on a labelled pair
file (Recall@1/5/10/20, MRR@10).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from studio.cli_common import ALLOW_HELP

METHOD_HELP = ("bm25: lexical BM25 over the tokens (bm25s); word_vectors: cosine over averaged word "
               "vectors of one of the project's vector sets (--vectors); siamese: cosine over a "
               "Siamese run's sentence vectors (--run) (default bm25)")
PROJECT_HELP = "project folder (.studio)"
RECALL_WEIGHT_HELP = ("how much the recall score counts when reranking: the order is the pair run's match "
                      "log-odds plus W times the recall score standardised over the question's candidates "
                      "(default 1; 0: the match probability alone)")


def _spec_options(parser, default_method: str | None = "bm25") -> None:
    parser.add_argument("--method", choices=["bm25", "word_vectors", "siamese"], default=default_method,
                        help=METHOD_HELP)
    parser.add_argument("--vectors", metavar="NAME", help="word_vectors: the name of one of the project's "
                        "vector sets (see the Vectors tab)")
    parser.add_argument("--run", metavar="RUN_ID", help="siamese: the id of one of the project's Siamese runs")
    parser.add_argument("--tokenizer", choices=["char", "jieba", "whitespace"],
                        help="how bm25 and word_vectors cut text: char, one token per character; jieba, "
                             "Chinese words; whitespace (default: char for bm25, the vector set's own for "
                             "word_vectors)")


def _command(commands, name: str, help: str, description: str, project_help: str = PROJECT_HELP):
    """The sub-command ``name``, its first argument the project folder."""
    command = commands.add_parser(name, help=help, description=description)
    command.add_argument("project", help=project_help)
    return command


def add_parser(sub) -> None:
    retrieve = sub.add_parser(
        "retrieve", help="build, query and evaluate question-retrieval indexes",
        description="Question retrieval: given a new question, which stored question is it? Recall "
                    "the top k of a question bank (BM25, averaged word vectors or Siamese sentence "
                    "vectors), then rerank them with a sentence-pair run (ESIM, Siamese, or a "
                    "classifier of a <sep> b).")
    commands = retrieve.add_subparsers(dest="retrieve_command", required=True)

    build = _command(
        commands, "build", help="index a question bank into a project",
        description="Read BANK (one question per line, or a column of a .tsv/.csv, with an optional "
                    "answer column), index it, and save the index in PROJECT under --name (a new "
                    "project folder is made when PROJECT does not exist).")
    build.add_argument("bank", help="question bank file: .txt/.tsv/.csv")
    build.add_argument("--name", default="index", help="name of the index: letters, digits, _, . and - "
                       "(default index; an index of that name is replaced)")
    _spec_options(build)
    build.add_argument("--question-column", type=int, default=1, help="1-based column of the questions (default 1)")
    build.add_argument("--answer-column", type=int, help="1-based column of the answers (default: none)")
    build.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)

    query = _command(
        commands, "query", help="the stored questions closest to new questions",
        description="Print the top --k of the index for each QUESTION with its score (BM25 score or "
                    "cosine), and with --rerank the same candidates reordered by a pair run's match "
                    "probability together with the recall score (see --recall-weight).")
    query.add_argument("questions", nargs="*", metavar="QUESTION",
                       help="questions to look up (or use --file, or standard input)")
    query.add_argument("--file", help="file with one question per line")
    query.add_argument("--index", help="index name (default: the only or last index)")
    query.add_argument("--k", type=int, default=10, help="candidates per question (default 10)")
    query.add_argument("--rerank", metavar="RUN_ID", help="rerank the candidates with this pair run")
    query.add_argument("--recall-weight", type=float, metavar="W", help=RECALL_WEIGHT_HELP)
    query.add_argument("--json", action="store_true", help="print one JSON object per question")
    query.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)

    evaluate = _command(
        commands, "evaluate", help="Recall@k and MRR@10 on a labelled pair file",
        description="From a labelled pair file (text_a, text_b, label, e.g. LCQMC dev): each matching "
                    "pair's text_a is a query whose answer is its text_b, in a bank of every text_b of "
                    "the file. Recall the top --depth with the method of --index (or --method) and "
                    "print Recall@1/5/10/20 and MRR@10, and with --rerank the same after reranking.",
        project_help="project folder (.studio): its vector sets and runs")
    evaluate.add_argument("data", help="labelled pair file")
    evaluate.add_argument("--index", help="take the method and its settings from this stored index")
    _spec_options(evaluate, default_method=None)
    evaluate.add_argument("--rerank", metavar="RUN_ID", help="also measure after reranking with this pair run")
    evaluate.add_argument("--recall-weight", type=float, metavar="W", help=RECALL_WEIGHT_HELP)
    evaluate.add_argument("--depth", type=int, default=20, help="candidates recalled (and reranked) per query "
                          "(default 20)")
    evaluate.add_argument("--positive", default="1", help="the label of a matching pair (default 1)")
    evaluate.add_argument("--json", action="store_true", help="print the figures as JSON")
    evaluate.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)

    listing = _command(commands, "list", help="list a project's indexes",
                       description="Print each index's name, method, size and settings.")
    listing.add_argument("--json", action="store_true", help="print a JSON list")

    remove = _command(commands, "remove", help="delete an index from a project",
                      description="Delete the index NAME and save the project.")
    remove.add_argument("name", help="index name")


def _reporter():
    from studio.core.report import Notice, Reporter, Stage

    def event(item) -> None:
        if isinstance(item, (Stage, Notice)):
            print(item.message, file=sys.stderr, flush=True)

    return Reporter(on_event=event)


def _spec(args, base=None):
    from studio.core.retrieval import IndexSpec

    fields = {"method": args.method, "vectors": args.vectors, "run": args.run, "tokenizer": args.tokenizer}
    chosen = {key: value for key, value in fields.items() if value is not None}
    if base is not None:
        return base.model_copy(update=chosen)
    return IndexSpec(**chosen)


def _folder(path: str) -> Path:
    """``path``, or ``path.studio`` when only that is a project (as ``studio train --out`` names it)."""
    from studio.core.project import PROJECT_FILE, SUFFIX

    folder = Path(path)
    suffixed = folder.with_name(folder.name + SUFFIX)
    if not (folder / PROJECT_FILE).exists() and folder.suffix != SUFFIX and (suffixed / PROJECT_FILE).exists():
        return suffixed
    return folder


def _open(path: str, allow_outside: bool, create: bool = False):
    """The project at ``path`` (outside files refused unless ``allow_outside``); with
    ``create``, a new one when nothing is there yet."""
    from studio.cli import open_project
    from studio.core.project import Project

    folder = _folder(path)
    if create and not folder.exists():
        return Project(name=folder.stem)
    return open_project(folder, allow_outside)


def _build(args) -> int:
    from studio.core.errors import ConfigError
    from studio.core.retrieval import add_index, build_index, read_bank

    if args.question_column < 1 or (args.answer_column is not None and args.answer_column < 1):
        raise ConfigError("retrieval.cli_column")
    project = _open(args.project, args.allow_outside_files, create=True)
    spec = _spec(args).model_copy(update={
        "question_column": args.question_column - 1, "bank_file": str(Path(args.bank).absolute()),
        "answer_column": None if args.answer_column is None else args.answer_column - 1})
    report = _reporter()
    bank = read_bank(args.bank, spec.question_column, spec.answer_column, report=report)
    index = build_index(bank, spec, project, args.name, report)
    add_index(project, index)
    saved = project.save(project.path or args.project)
    info = index.info
    shape = f", {info.dimension} dimensions" if info.dimension else ""
    print(f"index {info.name!r} ({_describe(info.spec)}): {info.count:,} questions"
          f"{' with answers' if info.has_answers else ''}{shape}; saved {saved}")
    return 0


def _describe(spec) -> str:
    if spec.method == "bm25":
        return f"bm25, {spec.tokenizer or 'char'} tokens"
    if spec.method == "word_vectors":
        return f"averaged word vectors {spec.vectors}, {spec.tokenizer} tokens"
    return f"siamese run {spec.run}"


def _questions(args) -> list[str]:
    from studio.core.errors import StudioError
    from studio.core.safe_files import os_reason

    questions = list(args.questions)
    if args.file:
        try:
            questions += [line.strip() for line in Path(args.file).read_text(encoding="utf-8-sig").splitlines()
                          if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            raise StudioError("project.cannot_read", file=args.file, reason=os_reason(exc)) from None
    if not questions and not sys.stdin.isatty():
        questions = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if not questions:
        raise StudioError("retrieval.cli_no_questions")
    return questions


def _pick_index(project, name: str | None, where: str) -> str:
    from studio.core.errors import ConfigError
    from studio.core.retrieval import index_names

    if name is not None:
        return name
    names = index_names(project)
    if not names:
        raise ConfigError("retrieval.cli_no_index", project=where)
    return names[-1]


def _check_k(value: int, option: str) -> None:
    from studio.core.errors import ConfigError

    if value < 1:
        raise ConfigError("retrieval.cli_k", option=option, value=value)


def _recall_weight(args) -> float:
    """``--recall-weight``, or the studio's default when it is not given."""
    from studio.core.errors import ConfigError
    from studio.core.retrieval import RECALL_WEIGHT

    if args.recall_weight is None:
        return RECALL_WEIGHT
    if not math.isfinite(args.recall_weight) or args.recall_weight < 0:
        raise ConfigError("retrieval.cli_recall_weight", value=args.recall_weight)
    return args.recall_weight


def _query(args) -> int:
    from studio.core.retrieval import load_index, pair_scorer, rerank_hits

    _check_k(args.k, "--k")
    args.recall_weight = _recall_weight(args)
    questions = _questions(args)
    project = _open(args.project, args.allow_outside_files)
    index = load_index(project, _pick_index(project, args.index, args.project), _reporter())
    scorer = pair_scorer(project, args.rerank) if args.rerank else None
    hits = index.search(questions, args.k)
    reranked = rerank_hits(index, questions, hits, scorer, args.recall_weight) if scorer is not None else None
    bank = index.bank
    for q, question in enumerate(questions):
        lists = {"recall": _rows(bank, hits, q)}
        if reranked is not None:
            lists["rerank"] = _rows(bank, reranked, q)
        if args.json:
            print(json.dumps({"question": question, "index": index.name, **lists}, ensure_ascii=False))
            continue
        print(question)
        titles = {"recall": f"recall ({_describe(index.spec)})",
                  "rerank": f"reranked by {args.rerank} (recall weight {args.recall_weight:g})"}
        for key, rows in lists.items():
            print(f"  {titles[key]}:")
            for row in rows:
                answer = f"  → {row['answer']}" if row["answer"] is not None else ""
                print(f"  {row['rank']:>3}  {row['score']:8.4f}  {row['question']}{answer}")
    return 0


def _rows(bank, hits, q: int) -> list[dict]:
    return [{"rank": rank, "row": int(i), "score": round(float(score), 6), "question": bank.questions[i],
             "answer": None if bank.answers is None else bank.answers[i]}
            for rank, (i, score) in enumerate(zip(hits.indices[q], hits.scores[q], strict=True), 1)]


def _evaluate(args) -> int:
    from studio.core.retrieval import evaluate_retrieval, index_info, pair_scorer, read_retrieval_set

    _check_k(args.depth, "--depth")
    args.recall_weight = _recall_weight(args)
    project = _open(args.project, args.allow_outside_files)
    base = index_info(project, args.index).spec if args.index else None
    if base is None and args.method is None:
        args.method = "bm25"
    spec = _spec(args, base)
    report = _reporter()
    rset = read_retrieval_set(args.data, args.positive, report=report)
    scorer = pair_scorer(project, args.rerank) if args.rerank else None
    result = evaluate_retrieval(rset, spec, project, scorer, args.depth, report, recall_weight=args.recall_weight)
    if args.json:
        print(json.dumps({"data": args.data, "queries": result.queries, "bank": result.bank,
                          "method": spec.model_dump(exclude={"bank_file", "question_column", "answer_column"}),
                          "rerank": args.rerank, "recall_weight": args.recall_weight if args.rerank else None,
                          "recall": result.recall, "reranked": result.reranked},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"{args.data}: {result.queries:,} queries, a bank of {result.bank:,} questions; top {args.depth} "
          f"recalled")
    rows = [(_describe(spec), result.recall)]
    if result.reranked is not None:
        rows.append((f"+ rerank {args.rerank} (recall weight {args.recall_weight:g})", result.reranked))
    names = list(result.recall)
    width = max(len(label) for label, _ in rows)
    print(f"{'':<{width}}  " + "  ".join(f"{name:>9}" for name in names))
    for label, figures in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{figures[name]:>9.4f}" for name in names))
    return 0


def _list(args) -> int:
    from studio.core.project import Project

    project = Project.open(_folder(args.project))  # only index.json files are read
    infos = [entry.info for entry in project.indexes]
    if args.json:
        print(json.dumps([info.model_dump() for info in infos], ensure_ascii=False, indent=2))
        return 0
    for note in project.warnings:
        print(f"warning: {note}", file=sys.stderr)
    for info in infos:
        answers = " with answers" if info.has_answers else ""
        print(f"{info.name}\t{_describe(info.spec)}\t{info.count:,} questions{answers}\t{info.built_at}")
    return 0


def _remove(args) -> int:
    from studio.core.project import Project
    from studio.core.retrieval import remove_index

    project = Project.open(_folder(args.project))  # outside files are neither read nor agreed to
    remove_index(project, args.name)
    print(f"removed {args.name!r}; saved {project.save()}")
    return 0


def run(args) -> int:
    return {"build": _build, "query": _query, "evaluate": _evaluate, "list": _list,
            "remove": _remove}[args.retrieve_command](args)
