"""``studio explain PROJECT TEXT [TEXT_B]``: which tokens made the run decide, headless.

Prints the class explained and its probability, each token with its attribution (in the
text's order; a pair model: side a, then side b), and the tokens ranked by attribution
(:func:`~studio.core.inference.explain.explain`: integrated gradients on the token
embeddings, feature ablation for fastText).
"""

from __future__ import annotations

import json

from studio.cli_common import ALLOW_HELP

TOP = 10


def add_parser(sub) -> None:
    explain = sub.add_parser(
        "explain", help="each token's share in a run's decision",
        description="Explain a run's prediction for TEXT (and TEXT_B, the second text of a sentence-pair "
                    "run): each token's attribution toward the predicted class (or --target), by "
                    "integrated gradients on the token embeddings from an all-PAD baseline (Captum); "
                    "fastText by feature ablation. Positive scores push toward the class.")
    explain.add_argument("project", help="project folder (.studio)")
    explain.add_argument("text", help="the text to explain (the first text of a pair)")
    explain.add_argument("text_b", nargs="?", help="the second text, for a sentence-pair run")
    explain.add_argument("--target", help="the class to explain (default: the predicted one)")
    explain.add_argument("--run", help="run id (default: the latest run)")
    explain.add_argument("--top", type=int, default=TOP, help=f"tokens in the ranked list (default {TOP})")
    explain.add_argument("--json", action="store_true", help="print one JSON object")
    explain.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)


def run(args) -> int:
    """Raises: StudioError: no such project or run, a pair run without TEXT_B, an unknown --target."""
    from studio.cli import pick_run
    from studio.core.errors import StudioError
    from studio.core.inference.explain import explain
    from studio.core.inference.predictor import Predictor

    chosen = pick_run(args.project, args.run, args.allow_outside_files)
    predictor = Predictor(chosen)
    pair_run = chosen.settings.task == "pair"
    if pair_run != (args.text_b is not None):
        raise StudioError("cli.explain_pair" if pair_run else "cli.explain_single", project=args.project)
    if args.target is not None and args.target not in predictor.label_names:
        raise StudioError("cli.explain_target", target=repr(args.target), labels=", ".join(predictor.label_names))
    found = explain(predictor, args.text, args.text_b, args.target)
    if args.json:
        print(json.dumps({"target": found.target, "probability": found.probability, "method": found.method,
                          "delta": found.delta,
                          "tokens": [[t, round(float(s), 6)] for t, s in zip(found.tokens, found.scores, strict=True)],
                          "pair_tokens": None if found.pair_tokens is None else
                          [[t, round(float(s), 6)] for t, s in zip(found.pair_tokens, found.pair_scores, strict=True)]},
                         ensure_ascii=False))
        return 0
    method = "integrated gradients" if found.method == "integrated_gradients" else "feature ablation"
    delta = f", convergence delta {found.delta:+.4f}" if found.delta is not None else ""
    print(f"class {found.target} (probability {found.probability:.4f}); {method}{delta}")
    sides = [("text", found.tokens, found.scores)]
    if found.pair_tokens is not None:
        sides = [("text a", found.tokens, found.scores), ("text b", found.pair_tokens, found.pair_scores)]
    for name, tokens, scores in sides:
        print(f"{name}: " + " ".join(f"{t}({s:+.3f})" for t, s in zip(tokens, scores, strict=True)))
    print("most toward the class: " + ", ".join(
        f"{t} {s:+.3f}" + (f" ({side})" if found.pair_tokens is not None else "")
        for t, s, side in found.ranked()[: max(args.top, 1)]))
    return 0
