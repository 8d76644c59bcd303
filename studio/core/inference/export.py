"""Export a trained run as a self-contained ONNX bundle that runs without PyTorch or the studio.

The bundle folder holds ``model.onnx`` (torch's ONNX exporter, dynamic batch and length
axes), ``vocab.json`` (token list: id = position), ``labels.json``, ``tokenizer.json`` (the
run's tokenizer settings and ``max_len``; a jieba user dictionary and a stopword list
are copied beside it), ``bundle.json`` (what the model reads: one text, ``a <sep> b`` or
two texts; a pair run's decision threshold), ``predict.py`` (onnxruntime, numpy and jieba
only: :mod:`studio.core.inference.bundle_predict`) and a ``README.md``.

The model goes through torch's ``torch.export``-based ONNX exporter (``dynamo=True``; the
TorchScript-based one is deprecated), the batch axis dynamic and the length axis dynamic
where ``torch.export`` keeps it so (every zoo model does; were one to specialise it,
``bundle.json``'s ``length`` would say so and predict.py pads to it: trailing PAD never
changes an output).
While exporting, recurrent layers run on the padded batch instead of packing
(:func:`studio.core.models.layers.run_padded`: same outputs, no data-dependent shapes),
each direction as one operator that becomes ONNX's LSTM/GRU/RNN
(:mod:`studio.core.models.rnn_ops`), so the length stays dynamic.
The export checks itself: onnxruntime's logits must match PyTorch's within
:data:`TOLERANCE` (max absolute difference) at two batch sizes and two text lengths
(:data:`CHECK_BATCHES`, :func:`check_lengths`), else nothing is kept.
See https://pytorch.org/docs/stable/onnx.html.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import torch

from studio.core.errors import ConfigError, StudioError
from studio.core.models.export_mode import tracing_for_export
from studio.core.models.registry import build_model, get_entry, takes_pairs
from studio.core.models.rnn_ops import onnx_translations
from studio.core.report import Reporter
from studio.core.text.tokenizers import SEP
from studio.core.text.vocab import PAD_ID
from studio.core.training.pair_metrics import positive_class
from studio.core.training.run import scored_as_binary

FORMATS = ("onnx",)
TOLERANCE = 1e-4  # max |onnxruntime - torch| of any logit
CHECK_BATCHES = (1, 7)
SHORT = 5  # a short checked length, in tokens (or max_len when that is shorter)
OPSET = 18
TOKENIZER_FILES = {"user_dict": "user_dict.txt", "stopwords": "stopwords.txt"}  # copied beside the bundle
BUNDLE_FILES = ("model.onnx", "vocab.json", "labels.json", "tokenizer.json", "bundle.json", "predict.py",
                "README.md")


@dataclass(frozen=True)
class ParityCheck:
    """One check of the exported model: ``batch`` texts of up to ``length`` tokens, the
    largest absolute logit difference between onnxruntime and PyTorch."""

    batch: int
    length: int
    max_difference: float


@dataclass(frozen=True)
class Exported:
    """A written bundle: its folder, the parity checks it passed, the files written, and
    ``length``: the model's fixed input length, or ``None`` when the length axis is dynamic."""

    folder: Path
    checks: tuple[ParityCheck, ...]
    files: tuple[str, ...]
    length: int | None = None

    @property
    def max_difference(self) -> float:
        return max(check.max_difference for check in self.checks)


def check_lengths(max_len: int) -> tuple[int, ...]:
    """The text lengths checked: one token (predict.py pads a batch only to its longest
    text), :data:`SHORT` tokens and ``max_len`` (fewer when they coincide)."""
    return tuple(sorted({1, min(SHORT, max_len), max_len}))


def export_onnx(run, folder: str | os.PathLike, report: Reporter | None = None) -> Exported:
    """Write ``run``'s bundle (see the module) into ``folder``: a new folder, an empty one,
    or one holding an earlier bundle (replaced whole). The bundle is written beside it
    first and moved into place once checked, so a failed export leaves ``folder`` as it was.

    Raises:
        ConfigError: ``folder`` is a file, or holds other files than a bundle's
            (``export.folder_in_use``); the run's tokenizer files cannot be read.
        StudioError: the exporter fails or its model does not pass the check
            (``export.not_exportable``, with the reason); the folder cannot be written
            (``export.cannot_write``).
        Cancelled: ``report`` was stopped.
    """
    report = report or Reporter()
    target = Path(folder)
    _check_target(target)
    model = build_model(run.settings.model, len(run.vocab), len(run.label_names))
    model.load_state_dict(run.state_dict)
    model.float().eval()
    staging = _beside(target, "new")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()  # the user's umask applies, as to any folder they make
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        length, checks = _export_checked(model, run, staging / "model.onnx", report, target)
        report.check()
        try:
            files = _write_bundle_files(run, staging, length)
        except OSError as exc:
            raise _cannot_write(target, exc) from None
        _replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report.progress(1.0)
    return Exported(target, checks, ("model.onnx", *files), length)


def _beside(target: Path, kind: str) -> Path:
    """A hidden, unused name beside ``target`` for the bundle being written or replaced."""
    return target.with_name(f".{target.name}-{kind}-{secrets.token_hex(6)}")


def _cannot_write(target: Path, exc: OSError) -> StudioError:
    return StudioError("export.cannot_write", folder=target, reason=exc.strerror or str(exc))


def _check_target(target: Path) -> None:
    """Refuse a file, or a folder holding anything but an earlier bundle."""
    if target.exists() and not target.is_dir():
        raise ConfigError("export.folder_in_use", folder=target)
    if not target.is_dir():
        return
    try:
        entries = list(target.iterdir())
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    if entries and not _earlier_bundle(target, entries):
        raise ConfigError("export.folder_in_use", folder=target)


def _earlier_bundle(folder: Path, entries: list[Path]) -> bool:
    """Only a bundle's regular files, its bundle.json naming the studio run it came from."""
    if not {e.name for e in entries} <= set(BUNDLE_FILES) | set(TOKENIZER_FILES.values()):
        return False
    if not all(e.is_file() and not e.is_symlink() for e in entries):
        return False
    try:
        info = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(info, dict) and "studio_run" in info


def _replace(staging: Path, target: Path) -> None:
    """Move the checked bundle into place; an earlier bundle there (checked again now) is
    set aside, put back if the move fails, and removed once the new one is in place."""
    if not target.exists():
        try:
            staging.rename(target)
        except OSError as exc:
            raise _cannot_write(target, exc) from None
        return
    _check_target(target)
    old = _beside(target, "old")
    try:
        target.rename(old)
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        staging.rename(target)
    except OSError as exc:
        old.rename(target)
        raise _cannot_write(target, exc) from None
    shutil.rmtree(old, ignore_errors=True)


# ----- the model ----------------------------------------------------------------------------
def example_inputs(pairs: bool, batch: int, length: int, vocab_size: int, generator: torch.Generator,
                   width: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Random ids of real tokens (not PAD or UNK) ``(batch, W)`` or ``(batch, 2, W)`` and
    lengths ``(batch,)`` or ``(batch, 2)`` between 1 and ``length``, the first row full,
    every position past a row's length PAD: inputs as the studio's encoder makes them.
    ``W`` is ``width`` (at least ``length``), else ``length``."""
    width = length if width is None else width
    shape = (batch, 2, width) if pairs else (batch, width)
    low = min(2, vocab_size - 1)
    ids = torch.randint(low, vocab_size, shape, generator=generator)
    lengths = torch.randint(1, length + 1, shape[:-1], generator=generator)
    lengths.view(-1)[0] = length
    ids[torch.arange(width) >= lengths.unsqueeze(-1)] = PAD_ID
    return ids, lengths


def _export_checked(model: torch.nn.Module, run, path: Path, report: Reporter, target: Path
                    ) -> tuple[int | None, tuple[ParityCheck, ...]]:
    pairs = takes_pairs(run.settings.model.type)
    max_len = run.settings.text.max_len
    generator = torch.Generator().manual_seed(0)
    report.progress(0.05)
    try:
        length = _export(model, example_inputs(pairs, 2, max_len, len(run.vocab), generator), path, pairs)
    except OSError as exc:  # writing model.onnx
        raise _cannot_write(target, exc) from None
    except Exception as exc:  # noqa: BLE001 - torch.export's and the ONNX translation's failures alike
        raise StudioError("export.not_exportable", model=run.settings.model.type,
                          reasons=f"{type(exc).__name__}: {_first_line(exc)}") from None
    report.check()
    report.progress(0.8)
    try:
        checks = _parity(model, path, pairs, max_len, len(run.vocab), generator, length)
    except Exception as exc:  # noqa: BLE001 - onnxruntime refusing the file is the export's failure
        raise StudioError("export.not_exportable", model=run.settings.model.type,
                          reasons=f"onnxruntime cannot run the exported file: {_first_line(exc)}") from None
    worst = max(check.max_difference for check in checks)
    if not worst < TOLERANCE:
        raise StudioError("export.not_exportable", model=run.settings.model.type,
                          reasons=f"onnxruntime's outputs differ from PyTorch's by {worst:.2g} (more than "
                                  f"{TOLERANCE:g})")
    return length, checks


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else ""


def _export(model, example, path: Path, pairs: bool) -> int | None:
    """Export ``model`` to ``path``; the fixed input length, or ``None`` when it is dynamic."""
    length_axis = 2 if pairs else 1
    shapes = {"ids": {0: torch.export.Dim.DYNAMIC, length_axis: torch.export.Dim.AUTO},
              "lengths": {0: torch.export.Dim.DYNAMIC}}
    with warnings.catch_warnings(), _quiet("torch.onnx", "torch.export", "torch._dynamo", "onnxscript"), \
            tracing_for_export():
        warnings.simplefilter("ignore")
        program = torch.onnx.export(model, example, dynamo=True, dynamic_shapes=shapes, opset_version=OPSET,
                                    input_names=["ids", "lengths"], output_names=["logits"], verbose=False,
                                    custom_translation_table=onnx_translations(),
                                    optimize=False)  # onnxscript's optimizer dropped a node of ESIM; ORT optimizes
        program.save(str(path), external_data=False)  # one self-contained file
    dim = program.model_proto.graph.input[0].type.tensor_type.shape.dim[length_axis]
    return int(dim.dim_value) if dim.HasField("dim_value") else None


class _quiet:
    """Lowers the named loggers to ERROR while exporting (the exporter logs each step)."""

    def __init__(self, *names: str):
        self.loggers = [logging.getLogger(name) for name in names]

    def __enter__(self):
        self.levels = [logger.level for logger in self.loggers]
        for logger in self.loggers:
            logger.setLevel(logging.ERROR)

    def __exit__(self, *exc):
        for logger, level in zip(self.loggers, self.levels, strict=True):
            logger.setLevel(level)


def _parity(model, path: Path, pairs: bool, max_len: int, vocab_size: int, generator: torch.Generator,
            width: int | None = None) -> tuple[ParityCheck, ...]:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    checks = []
    for batch in CHECK_BATCHES:
        for length in check_lengths(max_len):
            ids, lengths = example_inputs(pairs, batch, length, vocab_size, generator, width)
            with torch.inference_mode():
                expected = model(ids, lengths).float().numpy()
            got = session.run(["logits"], {"ids": ids.numpy(), "lengths": lengths.numpy()})[0]
            difference = float(np.abs(expected - got).max()) if got.shape == expected.shape else float("inf")
            checks.append(ParityCheck(batch, length, difference))
    return tuple(checks)


# ----- the other files ------------------------------------------------------------------------
def bundle_input(run) -> str:
    """What the exported model reads: ``"two texts"`` (a pair model, ESIM or Siamese),
    ``"text <sep> text"`` (a classifier on a pair run) or ``"text"``."""
    if takes_pairs(run.settings.model.type):
        return "two texts"
    return "text <sep> text" if run.settings.task == "pair" else "text"


def _write_bundle_files(run, folder: Path, length: int | None) -> tuple[str, ...]:
    from studio.core.inference.predictor import run_threshold

    settings = run.settings
    tokenizer = settings.text.tokenizer
    written = []

    def write(name: str, value) -> None:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=1)
        (folder / name).write_text(text, encoding="utf-8")
        written.append(name)

    copied = {}
    for field, name in TOKENIZER_FILES.items():
        source = getattr(tokenizer, field)
        if source:
            try:
                shutil.copyfile(source, folder / name)
            except OSError as exc:
                raise ConfigError("export.tokenizer_file", file=source, reason=exc.strerror or str(exc)) from None
            copied[field] = name
            written.append(name)
    write("vocab.json", list(run.vocab))
    write("labels.json", list(run.label_names))
    write("tokenizer.json", {"type": tokenizer.type, "lowercase": tokenizer.lowercase,
                             "user_dict": copied.get("user_dict"), "stopwords": copied.get("stopwords"),
                             "max_len": settings.text.max_len})
    info = {"studio_run": run.id, "model": settings.model.type, "task": settings.task, "input": bundle_input(run),
            "sep_token": SEP, "inputs": {"ids": "int64", "lengths": "int64"}, "outputs": {"logits": "float32"},
            "length": length,
            "threshold": None, "positive": None}
    if scored_as_binary(settings, run.label_names):
        info["threshold"] = run_threshold(run)
        info["positive"] = run.label_names[positive_class(run.label_names)]
    write("bundle.json", info)
    write("predict.py", resources.files("studio.core.inference").joinpath("bundle_predict.py")
          .read_text(encoding="utf-8"))  # a data file in the packaged app (packaging/studio.spec)
    write("README.md", readme(run, info))
    return tuple(written)


def readme(run, info: dict) -> str:
    """The bundle's README: what is in it, how to run it, what the model reads."""
    settings = run.settings
    pair = info["input"] != "text"
    example = ('python predict.py --pair "喜欢打篮球的男生喜欢什么样的女生" "爱打篮球的男生喜欢什么样的女生"' if pair
               else 'python predict.py "这部电影太好看了"')
    needs = "onnxruntime numpy jieba" if settings.text.tokenizer.type == "jieba" else "onnxruntime numpy"
    shape = "ids (B, 2, L) int64, lengths (B, 2) int64" if info["input"] == "two texts" else \
        "ids (B, L) int64, lengths (B,) int64"
    extra = "".join(note for field, note in (("user_dict", "; `user_dict.txt`: jieba's user dictionary"),
                                               ("stopwords", "; `stopwords.txt`: tokens dropped"))
                    if getattr(settings.text.tokenizer, field))
    decision = (f"\nA match is decided at probability {info['threshold']:.4f} of class {info['positive']!r} "
                "(the threshold chosen on the validation split in the studio).\n" if info["threshold"] is not None
                else "")
    title = get_entry(settings.model.type).title
    axes = ("the batch is dynamic; L is always " + str(info["length"]) + " (pad after the tokens)"
            if info["length"] else "batch and length are dynamic")
    return f"""# {title} — exported by Text Model Studio

Run `{run.id}`: {title} ({settings.model.type}) for {"sentence-pair matching" if pair else "text classification"},
classes {", ".join(map(str, run.label_names))}.

## Run it

```
pip install {needs}
{example}
python predict.py --file texts.txt --json     # one text{" (a<TAB>b)" if pair else ""} per line
```

From Python: `from predict import Model; Model(".").predict([...]{", [...]" if pair else ""})`.
{decision}
## Files

- `model.onnx`: inputs {shape} (0 = PAD after each text's tokens), output logits (B, {len(run.label_names)});
  {axes}.
- `vocab.json`: the tokens, id = position (0 = `<pad>`, 1 = `<unk>`).
- `labels.json`: the class names, in the order of the logits.
- `tokenizer.json`: how text is cut ({settings.text.tokenizer.type} tokens,{
    "" if settings.text.tokenizer.lowercase else " not"} lowercased, at most {settings.text.max_len} tokens
  per text){extra}.
- `bundle.json`: what the model reads ({info["input"]}) and the decision threshold.
- `predict.py`: tokenizes, encodes and runs the model exactly as the studio did.
"""
