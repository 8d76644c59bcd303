"""One direction of one recurrent layer as a single operator, for ONNX export.

``torch.export`` decomposes ``aten.lstm`` (and ``gru``, ``rnn_tanh``) into a Python loop over
time steps, which fixes the length of every exported text. :func:`rnn_direction` is a custom
operator (``torch.library.custom_op``) whose shape function keeps the length symbolic, and
:func:`onnx_translations` maps it onto ONNX's own ``LSTM``, ``GRU`` and ``RNN`` operators
(https://onnx.ai/onnx/operators/onnx__LSTM.html), reordering the gates: PyTorch stacks them
``i, f, g, o`` (LSTM) and ``r, z, n`` (GRU), ONNX ``i, o, f, c`` and ``z, r, h``; PyTorch's
GRU is ONNX's with ``linear_before_reset = 1``. Only :func:`studio.core.models.layers.run_padded`
calls it, and only while exporting (:mod:`studio.core.models.export_mode`); otherwise it
calls :func:`direction` (the BiLSTM's fused bf16 path in training, :mod:`studio.core.models.bilstm`).
"""

from __future__ import annotations

import torch

MODES = ("LSTM", "GRU", "RNN_TANH", "RNN_RELU")
_GATES = {"LSTM": (0, 3, 1, 2), "GRU": (1, 0, 2), "RNN_TANH": (0,), "RNN_RELU": (0,)}  # ONNX order, as PyTorch's


def direction(x: torch.Tensor, w_ih: torch.Tensor, w_hh: torch.Tensor, b_ih: torch.Tensor,
              b_hh: torch.Tensor, mode: str, train: bool = False) -> torch.Tensor:
    """One layer and direction of an ``nn.LSTM``/``GRU``/``RNN`` (``mode``, one of
    :data:`MODES`) over the batch-first ``x (B, L, E)`` from a zero state: ``(B, L, H)``,
    ``H = w_hh.shape[1]``; the weights are the module's ``weight_ih_l{k}`` etc. (zeros for
    a module without biases). Differentiable; ``train`` as the module's ``training`` (the
    fused CPU kernel keeps what its backward needs only then). :func:`rnn_direction` is the
    same, for inference, as one operator for ``torch.export``.

    Raises:
        ValueError: an unknown ``mode``.
    """
    h0 = x.new_zeros(1, x.shape[0], w_hh.shape[1])
    weights = [w_ih, w_hh, b_ih, b_hh]
    if mode == "LSTM":
        return torch.lstm(x, (h0, h0), weights, True, 1, 0.0, train, False, True)[0]
    if mode == "GRU":
        return torch.gru(x, h0, weights, True, 1, 0.0, train, False, True)[0]
    if mode in ("RNN_TANH", "RNN_RELU"):
        step = torch.rnn_tanh if mode == "RNN_TANH" else torch.rnn_relu
        return step(x, h0, weights, True, 1, 0.0, train, False, True)[0]
    raise ValueError(f"mode must be one of {MODES}, not {mode!r}")


@torch.library.custom_op("studio::rnn_direction", mutates_args=())
def rnn_direction(x: torch.Tensor, w_ih: torch.Tensor, w_hh: torch.Tensor, b_ih: torch.Tensor,
                  b_hh: torch.Tensor, mode: str) -> torch.Tensor:
    """:func:`direction` as one operator (no gradient): what ``torch.export`` records."""
    return direction(x, w_ih, w_hh, b_ih, b_hh, mode)


@rnn_direction.register_fake
def _(x, w_ih, w_hh, b_ih, b_hh, mode):
    return x.new_empty(x.shape[0], x.shape[1], w_hh.shape[1])


def _onnx_rnn_direction(x, w_ih, w_hh, b_ih, b_hh, mode: str):
    """:func:`rnn_direction` in ONNX operators (traced by onnxscript)."""
    from onnxscript import opset18 as op

    hidden = int(w_hh.shape[1])
    gates = _GATES[mode]
    order = [g * hidden + i for g in gates for i in range(hidden)]

    def onnx_order(w):
        return op.Unsqueeze(op.Gather(w, op.Constant(value_ints=order), axis=0), [0])

    bias = op.Concat(onnx_order(b_ih), onnx_order(b_hh), axis=1)
    steps = op.Transpose(x, perm=[1, 0, 2])  # ONNX's default layout: (L, B, E)
    args = (steps, onnx_order(w_ih), onnx_order(w_hh), bias)
    if mode == "LSTM":
        outputs = op.LSTM(*args, hidden_size=hidden)
    elif mode == "GRU":
        outputs = op.GRU(*args, hidden_size=hidden, linear_before_reset=1)
    else:
        outputs = op.RNN(*args, hidden_size=hidden, activations=["Tanh" if mode == "RNN_TANH" else "Relu"])
    y = outputs[0] if isinstance(outputs, tuple | list) else outputs  # (L, 1, B, H)
    return op.Transpose(op.Squeeze(y, [1]), perm=[1, 0, 2])


def onnx_translations() -> dict:
    """``custom_translation_table`` for ``torch.onnx.export(..., dynamo=True)``."""
    return {torch.ops.studio.rnn_direction.default: _onnx_rnn_direction}
