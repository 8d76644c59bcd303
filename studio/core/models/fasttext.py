"""fastText: the average of token and hashed n-gram embeddings, then a small MLP.

Joulin, A., Grave, E., Bojanowski, P., Mikolov, T. (2016). Bag of Tricks for Efficient
Text Classification. arXiv:1607.01759.
"""

from __future__ import annotations

from typing import Literal

import torch
from pydantic import ConfigDict, Field, field_validator
from torch import nn
from torch.nn import functional as F

from studio.core.messages import Message, message
from studio.core.models.export_mode import exporting
from studio.core.models.layers import EmbeddingOptions
from studio.core.models.registry import register_model
from studio.core.text.vocab import PAD_ID
from studio.core.validation import MessageValueError

# A large odd multiplier spreads consecutive ids over the buckets, as in fastText's
# own n-gram hash; products stay far below 2**63 because every step reduces mod buckets.
_HASH_MULTIPLIER = 116_049_371


class FastTextConfig(EmbeddingOptions):
    """fastText (Joulin et al. 2016)"""

    model_config = ConfigDict(extra="forbid", title="fastText (Joulin et al. 2016)")

    type: Literal["fasttext"] = "fasttext"
    embedding_dim: int = Field(100, ge=1, le=4096, title="Embedding size",
                               description="Length of each token and n-gram vector.")
    ngrams: list[int] = Field([2, 3], max_length=4, title="N-gram sizes",
                              description="Lengths of the token n-grams hashed into buckets "
                                          "(2 = bigrams, 3 = trigrams); empty for tokens only.")
    num_buckets: int = Field(250_000, ge=1, le=20_000_000, title="Hash buckets",
                             description="Rows of the n-gram table; n-grams sharing a bucket "
                                         "share a vector.")
    hidden_size: int = Field(256, ge=0, le=4096, title="Hidden size",
                             description="Units of the hidden layer; 0 for a plain linear classifier.")
    dropout: float = Field(0.5, ge=0.0, lt=1.0, title="Dropout")

    def problems(self, max_len: int) -> dict[str, Message]:
        too_long = [n for n in self.ngrams if n > max_len]
        if not too_long:
            return {}
        return {"ngrams": message("model.ngrams_too_long", n=max(too_long), max_len=max_len)}

    @field_validator("ngrams")
    @classmethod
    def _check_ngrams(cls, value: list[int]) -> list[int]:
        bad = [n for n in value if not 2 <= n <= 6]
        if bad:
            raise MessageValueError("model.ngram_size", size=bad[0])
        return sorted(set(value))


class NGramHasher(nn.Module):
    """Bucket ids of every token n-gram that lies within a text.

    ``forward(ids (B, L), lengths (B,)) -> (B, G)`` with ``G = sum(L - n + 1)`` over the
    n-gram sizes; ids are in ``1..num_buckets`` and 0 (= padding) marks n-grams that
    reach past the text's length, so appended PAD never adds an n-gram.
    """

    def __init__(self, ngrams: list[int], num_buckets: int):
        super().__init__()
        self.ngrams, self.num_buckets = list(ngrams), num_buckets

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        length = ids.shape[1]
        hashed = []
        for n in self.ngrams:
            if n > length:
                continue
            h = torch.full_like(ids[:, : length - n + 1], n)
            for k in range(n):
                h = (h * _HASH_MULTIPLIER + ids[:, k:length - n + 1 + k]) % self.num_buckets
            ends = torch.arange(n - 1, length, device=ids.device)[None, :]
            hashed.append(torch.where(ends < lengths[:, None], h + 1, 0))
        return torch.cat(hashed, dim=1) if hashed else ids.new_zeros((ids.shape[0], 0))


def bag_sum(table: nn.EmbeddingBag, ids: torch.Tensor) -> torch.Tensor:
    """``table(ids)``: the sum of each row's vectors ``(B, E)``, its padding index left out.
    While ``torch.export`` traces the model (ONNX export), the same sum as a masked gather:
    ONNX has no bag operator, and the translation of ``embedding_bag`` loops over the rows
    (about 0.4 ms a text in onnxruntime)."""
    if not exporting():
        return table(ids)
    vectors = F.embedding(ids, table.weight)  # (B, L, E)
    return (vectors * (ids != table.padding_idx).unsqueeze(-1).to(vectors.dtype)).sum(dim=1)


def _init_fasttext_(weight: torch.Tensor, padding_idx: int) -> None:
    """U[-1/E, 1/E], as fastText's own code initialises its input vectors: each bucket is
    updated only by the few batches that hash to it, so a small start lets what is learned
    outweigh the random start (Kim's U[-0.25, 0.25] drowns it)."""
    with torch.no_grad():
        nn.init.uniform_(weight, -1.0 / weight.shape[1], 1.0 / weight.shape[1])
        weight[padding_idx].zero_()


@register_model("fasttext", config=FastTextConfig, tasks=("classification", "pair"))
class FastText(nn.Module):
    """Mean of token and hashed n-gram vectors (Joulin et al. 2016), then an MLP.

    ``forward(ids (B, L) long, lengths (B,) long) -> logits (B, C)``. Token vectors
    (``vocab_size x E``) and n-gram vectors (``(num_buckets + 1) x E``, row 0 unused) are
    summed by ``nn.EmbeddingBag`` and divided by the number of features, giving one
    ``(B, E)`` average; then ``Linear(E, H) -> ReLU -> Linear(H, C)``. Both tables use
    sparse gradients, so a training step touches only the rows its batch uses (the
    Trainer pairs them with ``torch.optim.SparseAdam``).

    Defaults: the THUCNews setup of Chinese-Text-Classification-Pytorch (about 250,000 buckets,
    hidden 256, dropout 0.5, Adam 1e-3) with two changes that keep training under 1 GB:
    bigrams and trigrams share one bucket table, as in fastText itself, and vectors have
    fastText's default 100 dimensions rather than 300 (SparseAdam keeps two moments per
    row, so a 300-d table pair would need about 1.8 GB).
    """

    def __init__(self, config: FastTextConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        dim = config.embedding_dim
        self.embedding = nn.EmbeddingBag(vocab_size, dim, mode="sum", padding_idx=PAD_ID, sparse=True)
        self.hasher = NGramHasher(config.ngrams, config.num_buckets)
        self.ngram_embedding = (
            nn.EmbeddingBag(config.num_buckets + 1, dim, mode="sum", padding_idx=0, sparse=True)
            if config.ngrams else None
        )
        for table in (self.embedding, self.ngram_embedding):
            if table is not None:
                _init_fasttext_(table.weight, table.padding_idx)
        self.dropout = nn.Dropout(config.dropout)
        if config.hidden_size:
            self.head = nn.Sequential(nn.Linear(dim, config.hidden_size), nn.ReLU(),
                                      nn.Linear(config.hidden_size, num_classes))
        else:
            self.head = nn.Linear(dim, num_classes)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        total = bag_sum(self.embedding, ids)  # (B, E), PAD excluded
        count = (ids != PAD_ID).sum(dim=1)
        grams = self.hasher(ids, lengths) if self.ngram_embedding is not None else None
        if grams is not None and grams.shape[1]:  # texts shorter than every n have none
            total = total + bag_sum(self.ngram_embedding, grams)
            count = count + (grams != 0).sum(dim=1)
        mean = total / count.clamp(min=1).unsqueeze(1).to(total.dtype)
        return self.head(self.dropout(mean))
