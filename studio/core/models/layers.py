"""Pieces shared by the models."""

from __future__ import annotations

import torch
from pydantic import BaseModel, Field
from torch import nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

from studio.core.errors import ConfigError
from studio.core.models import rnn_ops
from studio.core.models.export_mode import exporting
from studio.core.text.vocab import PAD_ID

EMBEDDING_INIT_RANGE = 0.25


class EmbeddingOptions(BaseModel):
    """Token-embedding options shared by every model with a token embedding.

    The model keeps its token table in ``self.embedding``; after building, the run
    fills it from ``pretrained_vectors`` (see :mod:`studio.core.models.pretrained`)
    and freezes it if asked.
    """

    pretrained_vectors: str = Field(
        "", title="Pretrained vectors",
        description="Word vectors (word2vec .txt/.vec/.bin, optionally .gz, or .npz); tokens "
                    "found there start from those vectors. Empty: random initialisation.",
        json_schema_extra={"file": "vectors"})
    pretrained_vocab: str = Field(
        "", title="Vectors vocabulary",
        description="Only for .npz vectors: the file listing one token per row. Empty: "
                    "vocab.txt or <name>.vocab.txt beside the .npz.",
        json_schema_extra={"file": "vectors_vocab", "visible_when": {"pretrained_vectors": {"suffix": [".npz"]}}})
    pretrained_limit: int = Field(
        0, ge=0, title="Vectors read (0 = all)",
        description="Read only the first N vectors of the file (published files list frequent "
                    "words first); 0 reads them all.",
        json_schema_extra={"visible_when": {"pretrained_vectors": {"ne": ""}}})
    freeze_embedding: bool = Field(
        False, title="Freeze embeddings",
        description="Keep the token vectors fixed during training (useful with pretrained ones).")


def init_embedding_(weight: torch.Tensor) -> torch.Tensor:
    """Initialise token vectors uniformly in [-0.25, 0.25] with the PAD row at zero.

    Kim (2014) draws randomly initialised word vectors from U[-a, a] with a = 0.25 so
    they have about the variance of pretrained ones; PyTorch's default N(0, 1) is four
    times wider at 300 dimensions and trains measurably slower (THUCNews TextCNN,
    3 epochs: 85.2 % vs 86.6 % test accuracy).
    """
    with torch.no_grad():
        nn.init.uniform_(weight, -EMBEDDING_INIT_RANGE, EMBEDDING_INIT_RANGE)
        weight[PAD_ID].zero_()
    return weight


def token_embedding(vocab_size: int, embedding_dim: int) -> nn.Embedding:
    """``nn.Embedding`` with PAD = 0 kept at zero: ids ``(B, L)`` -> vectors ``(B, L, E)``."""
    embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=PAD_ID)
    init_embedding_(embedding.weight)
    return embedding


def real_positions(lengths: torch.Tensor, length: int) -> torch.Tensor:
    """``(B,)`` lengths -> ``(B, length)`` bool, True at positions before each text's end.

    Every model masks with it, so trailing PAD never reaches a pooling, an attention or a
    convolution window.
    """
    return torch.arange(length, device=lengths.device)[None, :] < lengths[:, None]


RNN_CELLS = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


def recurrent_layer(config, input_size: int) -> nn.RNNBase:
    """The batch-first ``config.cell`` RNN a recurrent model's config describes
    (``hidden_size``, ``num_layers``, ``bidirectional``), with ``dropout`` between
    stacked layers: ``(B, L, input_size) -> (B, L, D*H)``."""
    return RNN_CELLS[config.cell](
        input_size, config.hidden_size, num_layers=config.num_layers,
        bidirectional=config.bidirectional, batch_first=True,
        dropout=config.dropout if config.num_layers > 1 else 0.0,
    )


def pack_by_length(x: torch.Tensor, lengths: torch.Tensor) -> PackedSequence:
    """Pack ``x (B, L, E)`` to each text's length so PAD never enters a recurrence; an
    empty text keeps one (PAD) step."""
    return pack_padded_sequence(x, lengths.clamp(min=1).cpu(), batch_first=True, enforce_sorted=False)


def unpack(packed: PackedSequence, length: int) -> torch.Tensor:
    """The packed outputs padded with zeros back to ``(B, length, D*H)``."""
    return pad_packed_sequence(packed, batch_first=True, total_length=length)[0]


def run_packed(rnn: nn.RNNBase, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """``rnn`` over ``x (B, L, E)`` packed to ``lengths (B,)``, its outputs padded with zeros
    back to ``(B, L, D*H)``: PAD never enters the recurrence. While ``torch.export`` traces
    the model (ONNX export), :func:`run_padded`, which gives the same outputs without
    packing's data-dependent shapes."""
    if exporting():
        return run_padded(rnn, x, lengths)
    return unpack(rnn(pack_by_length(x, lengths))[0], x.shape[1])


def run_padded(rnn: nn.RNNBase, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """:func:`run_packed`'s outputs ``(B, L, D*H)`` from the padded batch, layer by layer
    and direction by direction: PAD after a text only follows its real steps in the forward
    direction, and the backward direction reads each text reversed within its own length,
    so PAD never precedes a real step (the same outputs as packing, gradients included; no
    dropout between stacked layers). ``rnn``: a batch-first ``nn.RNN``/``nn.GRU``/``nn.LSTM``
    without projections; ``lengths`` raised to 1, as packing does."""
    length = x.shape[1]
    lengths = lengths.clamp(min=1)
    real = real_positions(lengths, length)
    positions = torch.arange(length, device=x.device)
    flip = torch.where(real, lengths[:, None] - 1 - positions, positions).unsqueeze(-1)
    for layer in range(rnn.num_layers):
        outputs = [_one_direction(rnn, x, layer, "")]
        if rnn.bidirectional:
            backward = _one_direction(rnn, reverse_within(x, flip), layer, "_reverse")
            outputs.append(reverse_within(backward, flip))
        x = torch.cat(outputs, dim=-1) * real.unsqueeze(-1)
    return x


class _ReverseWithin(torch.autograd.Function):
    """``x.gather(1, index)`` for an ``index`` that reverses each row within its length.
    That permutation is its own inverse, so the gradient is the same gather, not the
    general gather's ``scatter_add`` (single-threaded on the CPU: 2 ms of a 100 ms ESIM
    training step)."""

    @staticmethod
    def forward(ctx, x: torch.Tensor, index: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(index)
        return x.gather(1, index)

    @staticmethod
    def backward(ctx, grad: torch.Tensor):
        (index,) = ctx.saved_tensors
        return grad.gather(1, index), None


def reverse_within(x: torch.Tensor, flip: torch.Tensor) -> torch.Tensor:
    """``x (B, L, D)`` with each row's first ``length`` steps reversed, by ``flip (B, L, 1)``:
    position ``t`` reads ``length - 1 - t`` before the length and ``t`` after it."""
    index = flip.expand(-1, -1, x.shape[2])
    if exporting():  # torch.export records the plain gather
        return x.gather(1, index)
    return _ReverseWithin.apply(x, index)


def _one_direction(rnn: nn.RNNBase, x: torch.Tensor, layer: int, suffix: str) -> torch.Tensor:
    """One layer and direction of ``rnn`` over padded ``x``: ``(B, L, H)``; while exporting,
    as the one operator :func:`~studio.core.models.rnn_ops.rnn_direction`, which keeps the
    length dynamic in the ONNX graph."""
    w_ih, w_hh = getattr(rnn, f"weight_ih_l{layer}{suffix}"), getattr(rnn, f"weight_hh_l{layer}{suffix}")
    if rnn.bias:
        b_ih, b_hh = getattr(rnn, f"bias_ih_l{layer}{suffix}"), getattr(rnn, f"bias_hh_l{layer}{suffix}")
    else:
        b_ih = b_hh = w_hh.new_zeros(w_hh.shape[0])
    if exporting():
        return rnn_ops.rnn_direction(x, w_ih, w_hh, b_ih, b_hh, rnn.mode)
    return rnn_ops.direction(x, w_ih, w_hh, b_ih, b_hh, rnn.mode, rnn.training)


def last_states(rnn: nn.RNNBase, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """The top layer's final hidden state of each direction, ``(D, B, H)``: the state after
    each text's last real step forward (and after its first step, read backward), as the
    packed ``rnn``'s ``h_n`` gives it."""
    if not exporting():
        _, state = rnn(pack_by_length(x, lengths))
        h = state[0] if isinstance(state, tuple) else state  # (layers*D, B, H)
        return h[-(2 if rnn.bidirectional else 1):]
    out = run_padded(rnn, x, lengths)  # (B, L, D*H)
    last = (lengths.clamp(min=1) - 1).view(-1, 1, 1).expand(-1, 1, rnn.hidden_size)
    states = [out[:, :, : rnn.hidden_size].gather(1, last).squeeze(1)]
    if rnn.bidirectional:
        states.append(out[:, 0, rnn.hidden_size:])
    return torch.stack(states)


class Dropout(nn.Dropout):
    """``nn.Dropout`` (Srivastava et al. 2014) whose mask, on the CPU, is drawn 16 bits per
    element from 64-bit random words (:func:`keep_mask`): the same Bernoulli(1 - p) keep-mask
    scaled by ``1 / (1 - p)``, with ``p`` resolved to 1/65536, in one multiply. The
    ``bernoulli_`` kernel ``nn.Dropout`` uses there takes 4.5x as long forward and backward
    (a (256, 12, 300) input: 9.7 vs 2.1 ms on 2 cores; ``rand_like(x) >= p`` 5.1 ms), which
    cost ESIM 17 % of a training step. Other devices keep the fused kernel. Any shape; no
    parameters.
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0.0 or x.device.type != "cpu":
            return super().forward(x)
        return x * keep_mask(x, self.p)


def keep_mask(x: torch.Tensor, p: float) -> torch.Tensor:
    """A dropout mask for ``x``: its shape and dtype, ``1 / (1 - p')`` with probability
    ``1 - p'`` and 0 otherwise, where ``p' = round(65536 p) / 65536``. The CPU generator
    draws serially, 32 bits a call; a float from ``rand_like`` takes a call per element, a
    64-bit word (two calls) gives four 16-bit lanes, so this draws half as often. Uses the
    global generator, so ``torch.manual_seed`` replays it."""
    dropped = round(p * 65536)
    if dropped >= 65536:
        return torch.zeros_like(x)
    n = x.numel()
    words = torch.empty((n + 3) // 4, dtype=torch.int64, device=x.device).random_(-2**63, None)
    lanes = words.view(torch.int16)[:n].view(x.shape)  # uniform over [-32768, 32767]
    return (lanes >= dropped - 32768).to(x.dtype).mul_(65536 / (65536 - dropped))


def masked_softmax(scores: torch.Tensor, mask: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Softmax of ``scores`` along ``dim`` over the positions where ``mask`` (broadcast to
    ``scores``) is True; masked positions get exactly 0. Each slice needs one True."""
    return scores.masked_fill(~mask, float("-inf")).softmax(dim)


def masked_mean_max(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean- and max-pool ``x (B, L, D)`` over the real positions of ``mask (B, L)`` (at
    least one per row): ``(B, 2*D)``, the mean then the max."""
    keep = mask.unsqueeze(-1)
    mean = x.masked_fill(~keep, 0.0).sum(1) / keep.sum(1).clamp(min=1)
    top = x.masked_fill(~keep, float("-inf")).amax(1)
    return torch.cat([mean, top], dim=-1)


def split_pair(ids: torch.Tensor, lengths: torch.Tensor, model: str) -> tuple[torch.Tensor, torch.Tensor]:
    """A pair batch, ``ids (B, 2, L)`` and ``lengths (B, 2)``, as one batch of its ``2B``
    sides, ``(2B, L)`` and ``(2B,)``, row ``2i`` side a and ``2i + 1`` side b of pair ``i``
    (so one recurrence reads both sides). Lengths are raised to 1: an empty side keeps one
    (PAD) position, as :func:`pack_by_length` does.

    Raises:
        ConfigError: the batch is not a pair batch (``model`` is named in the message).
    """
    if ids.dim() != 3 or ids.shape[1] != 2 or tuple(lengths.shape) != tuple(ids.shape[:2]):
        raise ConfigError("model.needs_pairs", model=model)
    return ids.flatten(0, 1), lengths.flatten().clamp(min=1)
