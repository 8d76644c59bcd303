"""``studio export PROJECT --format onnx OUT_DIR``: a run as a bundle that runs without the studio.

Writes model.onnx, vocab.json, labels.json, tokenizer.json, bundle.json, predict.py and a
README (:func:`~studio.core.inference.export.export_onnx`), after checking that onnxruntime
gives PyTorch's outputs, and prints what it checked.
"""

from __future__ import annotations

import json

from studio.cli_common import ALLOW_HELP


def add_parser(sub) -> None:
    export = sub.add_parser(
        "export", help="export a run as an ONNX bundle that needs no PyTorch",
        description="Export a run of PROJECT into OUT_DIR: model.onnx (dynamic batch and length), "
                    "vocab.json, labels.json, the tokenizer settings (and jieba user dictionary), a "
                    "predict.py that needs only onnxruntime, numpy and jieba, and a README. The export "
                    "is checked against PyTorch at two batch sizes and two lengths before it is kept.")
    export.add_argument("project", help="project folder (.studio)")
    export.add_argument("out_dir", help="the bundle's folder: new, empty, or an earlier export (replaced)")
    export.add_argument("--format", choices=["onnx"], default="onnx", help="bundle format (default onnx)")
    export.add_argument("--run", help="run id (default: the latest run)")
    export.add_argument("--json", action="store_true", help="print the result as JSON")
    export.add_argument("--allow-outside-files", action="store_true", help=ALLOW_HELP)


def run(args) -> int:
    """Raises: StudioError: no such project or run, a refused folder, a model that cannot be exported."""
    from studio.cli import pick_run
    from studio.core.inference.export import TOLERANCE, export_onnx

    chosen = pick_run(args.project, args.run, args.allow_outside_files)
    exported = export_onnx(chosen, args.out_dir)
    checks = [{"batch": c.batch, "length": c.length, "max_difference": c.max_difference} for c in exported.checks]
    if args.json:
        print(json.dumps({"run": chosen.id, "folder": str(exported.folder), "length": exported.length,
                          "files": list(exported.files), "checks": checks, "tolerance": TOLERANCE},
                         ensure_ascii=False, indent=2))
        return 0
    axes = ("dynamic batch and length" if exported.length is None
            else f"dynamic batch, length fixed at {exported.length}")
    print(f"exported run {chosen.id} ({chosen.settings.model.type}) to {exported.folder} (torch.onnx, {axes})")
    print("checked against PyTorch: " + ", ".join(
        f"batch {c.batch} × length {c.length}: {c.max_difference:.1e}" for c in exported.checks)
          + f" (max abs. difference; under {TOLERANCE:g})")
    print("files: " + ", ".join(exported.files))
    print(f"try it: python {exported.folder / 'predict.py'} --help")
    return 0
