"""What a model does to a batch, before any training: per-layer output shapes, parameter
counts and a training-memory estimate (the studio's answer to ``torchinfo.summary``).

Shapes come from forward hooks on a probe: the model is built on the meta device, given
zero-filled CPU storage (``Module.to_empty``, so nothing is randomly initialised) and run twice
on tiny random batches of two different sizes; the dimensions that follow the batch size
are reported as ``batch_size``. Sequences are ``max_len`` tokens long, as after padding.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from pydantic import BaseModel
from torch import nn
from torch.nn.utils.rnn import PackedSequence

from studio.core.errors import ConfigError
from studio.core.models.registry import build_model, parse_config, takes_pairs
from studio.core.training.optim import sparse_parameters

_PROBES = (2, 3)  # two batch sizes: a dimension that changes between them is the batch
_FLOAT_BYTES = 4


@dataclass(frozen=True)
class LayerRow:
    """One call of one submodule. ``output_shape`` is for the real ``batch_size``;
    ``parameters`` counts the module's own weights (its children have their rows)."""

    name: str
    kind: str
    output_shape: tuple[int, ...]
    parameters: int
    depth: int

    @property
    def shape_text(self) -> str:
        return "(" + ", ".join(f"{d:,}" for d in self.output_shape) + ")"


@dataclass(frozen=True)
class Block:
    """One of the model's top-level parts (``embedding``, ``convs``, ``fc``...), for a
    diagram: ``kind`` is its class, or ``"3 × Conv1d"`` for a list of alike layers."""

    name: str
    kind: str
    output_shape: tuple[int, ...]
    parameters: int


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes needed to train with float32 weights: weights, gradients, Adam's two moments
    (SparseAdam's for sparse tables too) and the activations kept for the backward pass
    (every layer output, counted twice for its gradient). A rough guide, not a promise:
    framework workspace and the data are not included."""

    weights: int
    gradients: int
    optimizer: int
    activations: int

    @property
    def total(self) -> int:
        return self.weights + self.gradients + self.optimizer + self.activations


@dataclass(frozen=True)
class ModelSummary:
    layers: list[LayerRow]
    blocks: list[Block]
    input_shape: tuple[int, ...]  # (batch_size, max_len); (batch_size, 2, max_len) for a pair model
    output_shape: tuple[int, ...]
    total_parameters: int
    trainable_parameters: int
    memory: MemoryEstimate


def summarize(config: dict | BaseModel, vocab_size: int, num_classes: int, batch_size: int,
              max_len: int) -> ModelSummary:
    """Summarise the model ``config`` describes for batches of ``batch_size`` x ``max_len`` ids.

    Raises:
        ConfigError: the config is invalid, or the model cannot run on ``max_len`` tokens
            (the message says why).
    """
    config = parse_config(config)
    with torch.device("meta"):
        model = build_model(config, vocab_size, num_classes)
    model = model.to_empty(device="cpu").train()  # train mode: no fused fast paths, hooks fire
    with torch.no_grad():
        for tensor in (*model.parameters(), *model.buffers()):
            tensor.zero_()  # garbage memory can hold denormals, which make the maths crawl
    if getattr(config, "freeze_embedding", False) and hasattr(model, "embedding"):
        model.embedding.weight.requires_grad_(False)
    names = {module: name for name, module in model.named_modules()}
    pairs = takes_pairs(config.type)
    input_shape = (batch_size, 2, max_len) if pairs else (batch_size, max_len)
    try:
        with torch.random.fork_rng(devices=[]):  # train-mode dropout must not move the user's seed
            calls = [_probe(model, vocab_size, size, max_len, pairs) for size in _PROBES]
    except (RuntimeError, ValueError, IndexError) as exc:
        raise ConfigError("model.cannot_run", max_len=max_len, error=str(exc)) from None

    owned = _owned_parameters(model, {module for module, _ in calls[0]})
    seen: set[nn.Module] = set()
    rows, activation_numel = [], 0
    for (module, small), (_, large) in zip(*calls, strict=True):
        # a dimension that grows with the batch is k x batch (k = 2: a pair model's 2B sides)
        shape = tuple(batch_size * (b - a) // (_PROBES[1] - _PROBES[0]) if a != b else a
                      for a, b in zip(small, large, strict=True))
        own = 0 if module in seen else owned.get(module, 0)
        seen.add(module)
        name = names[module]
        rows.append(LayerRow(name, type(module).__name__, shape, own, name.count(".")))
        activation_numel += _numel(shape)
    total = sum(p.numel() for p in model.parameters())
    trainable = [p for p in model.parameters() if p.requires_grad]
    sparse = {id(p) for p in sparse_parameters(model)}
    dense_trainable = sum(p.numel() for p in trainable if id(p) not in sparse)
    memory = MemoryEstimate(
        weights=total * _FLOAT_BYTES,
        gradients=dense_trainable * _FLOAT_BYTES,  # sparse tables: only the rows a batch uses
        optimizer=2 * sum(p.numel() for p in trainable) * _FLOAT_BYTES,
        activations=2 * activation_numel * _FLOAT_BYTES,
    )
    return ModelSummary(rows, _blocks(model, rows), input_shape, (batch_size, num_classes), total,
                        sum(p.numel() for p in trainable), memory)


def _owned_parameters(model: nn.Module, called: set[nn.Module]) -> dict[nn.Module, int]:
    """Parameters per called module: its own, plus those of submodules that never ran
    as modules (``MultiheadAttention`` uses its ``out_proj`` weights functionally)."""
    owner: dict[str, nn.Module] = {}
    counts: dict[nn.Module, int] = {}
    for name, module in model.named_modules():
        parent = owner.get(name.rpartition(".")[0]) if name else None
        owner[name] = module if module in called else parent
        if owner[name] is not None:
            own = sum(p.numel() for p in module.parameters(recurse=False))
            counts[owner[name]] = counts.get(owner[name], 0) + own
    return counts


def _blocks(model: nn.Module, rows: list[LayerRow]) -> list[Block]:
    """Top-level children in the order they first ran, each with its last output shape."""
    children = dict(model.named_children())
    order: dict[str, tuple[int, ...]] = {}
    for row in rows:
        order[row.name.split(".")[0]] = row.output_shape
    blocks = []
    for name, shape in sorted(order.items(), key=lambda item: _first_call(rows, item[0])):
        child = children[name]
        kind = type(child).__name__
        if isinstance(child, (nn.ModuleList, nn.Sequential)) and len(child):
            kinds = {type(m).__name__ for m in child}
            kind = f"{len(child)} × {kinds.pop()}" if len(kinds) == 1 else " → ".join(
                type(m).__name__ for m in child)
        blocks.append(Block(name, kind, shape, sum(p.numel() for p in child.parameters())))
    return blocks


def _first_call(rows: list[LayerRow], top: str) -> int:
    return next(i for i, row in enumerate(rows) if row.name.split(".")[0] == top)


def _probe(model: nn.Module, vocab_size: int, batch: int, max_len: int, pairs: bool = False):
    calls: list[tuple[nn.Module, tuple[int, ...]]] = []

    def hook(module, _inputs, output):
        shape = _shape_of(output)
        if shape is not None:
            calls.append((module, shape))

    handles = [m.register_forward_hook(hook) for m in model.modules()
               if m is not model and _is_layer(m)]
    generator = torch.Generator().manual_seed(0)
    rows = (batch, 2) if pairs else (batch,)  # a pair model reads both sides: ids (B, 2, L)
    ids = torch.randint(min(2, vocab_size - 1), vocab_size, (*rows, max_len), generator=generator)
    lengths = torch.full(rows, max_len, dtype=torch.long)
    try:
        with torch.no_grad():
            model(ids, lengths)
    finally:
        for handle in handles:
            handle.remove()
    return calls


def _is_layer(module: nn.Module) -> bool:
    """A row of the table: a module without children, or one with weights of its own."""
    return not any(True for _ in module.children()) or any(True for _ in module.parameters(recurse=False))


def _shape_of(output) -> tuple[int, ...] | None:
    if isinstance(output, (tuple, list)) and output:
        output = output[0]
    if isinstance(output, PackedSequence):
        # the packed (sum of lengths, features) data, shown padded: (batch, max_len, features)
        batch = int(output.batch_sizes[0])
        return (batch, output.data.shape[0] // batch, *output.data.shape[1:])
    if isinstance(output, torch.Tensor):
        return tuple(output.shape)
    return None


def _numel(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n
