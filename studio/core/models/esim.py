"""ESIM: Enhanced Sequential Inference Model for sentence-pair matching.

Chen, Q., Zhu, X., Ling, Z., Wei, S., Jiang, H., Inkpen, D. (2017). Enhanced LSTM for
Natural Language Inference. ACL. Built as the lectures build it for question matching
(LCQMC): input encoding, local inference by soft alignment, inference composition,
pooling, an MLP.
"""

from __future__ import annotations

from typing import Literal

import torch
from pydantic import ConfigDict, Field
from torch import nn

from studio.core.models.bilstm import BiLSTM
from studio.core.models.fasttext import NGramHasher
from studio.core.models.layers import (
    Dropout,
    EmbeddingOptions,
    init_embedding_,
    masked_mean_max,
    masked_softmax,
    real_positions,
    split_pair,
    token_embedding,
)
from studio.core.models.registry import register_model
from studio.core.text.vocab import PAD_ID, UNK_ID


class ESIMConfig(EmbeddingOptions):
    """ESIM (Chen et al. 2017)"""

    model_config = ConfigDict(extra="forbid", title="ESIM (Chen et al. 2017)")

    type: Literal["esim"] = "esim"
    embedding_dim: int = Field(300, ge=1, le=4096, title="Embedding size")
    hidden_size: int = Field(
        128, ge=1, le=4096, title="Hidden size",
        description="Units per direction of both BiLSTMs; also the size of the projection "
                    "between them and of the MLP's hidden layer.")
    symmetric: bool = Field(
        False, title="Symmetric head",
        description="Score the pooled sides in both orders, [a; b] and [b; a], and average the "
                    "logits: the match no longer depends on which text comes first, as in question "
                    "matching. Costs one more pass of the small MLP (the rest of ESIM is shared).")
    exact_match: bool = Field(
        False, title="Exact-match feature",
        description="Give the input BiLSTM one more input per token: 1 where the token also occurs in "
                    "the other text, else 0 (the exact-match feature of Chen et al. 2017, DrQA). "
                    "Question pairs such as LCQMC's share most characters; the flag points the "
                    "model at the few that differ.")
    bigram_dim: int = Field(
        0, ge=0, le=1024, title="Bigram vectors",
        description="Give each token, beside its own vector, the sum of the vectors of its two "
                    "bigrams (with the token before it and with the token after it), hashed into "
                    "buckets; 0 for none. Most Chinese words have two characters, so with character "
                    "tokens the bigrams bring in the words without a segmenter, as the character + "
                    "bigram inputs of Chinese sequence labelling do (Zhang & Yang 2018).")
    bigram_buckets: int = Field(
        100_000, ge=1, le=20_000_000, title="Bigram hash buckets",
        description="Rows of the bigram table; bigrams sharing a bucket share a vector.",
        json_schema_extra={"visible_when": {"bigram_dim": {"gt": 0}}})
    dropout: float = Field(
        0.2, ge=0.0, lt=1.0, title="Dropout",
        description="On the embeddings, the projected enhancement and the MLP. The paper's 0.5 "
                    "learns LCQMC slowly: 69.0 % vs 74.7 % dev accuracy after 2 epochs on 60,000 pairs.")


def exact_match(sides: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """The exact-match flags of a pair batch's sides (Chen et al. 2017, "Reading Wikipedia
    to Answer Open-Domain Questions", DrQA): ``sides (2B, L)`` long ids as
    :func:`split_pair` lays them out (row ``2i`` side a, ``2i + 1`` side b of pair ``i``)
    and ``mask (2B, L)`` bool real positions -> ``(2B, L)`` bool, True where a real token's
    id occurs among the other side's real tokens. UNK (and the PAD an empty side keeps)
    matches nothing: two unknown characters are not known to be the same."""
    known = mask & (sides != UNK_ID) & (sides != PAD_ID)
    pairs, other = sides.view(-1, 2, sides.shape[1]), known.view(-1, 2, sides.shape[1]).flip(1)
    same = pairs.unsqueeze(-1) == pairs.flip(1).unsqueeze(-2)  # (B, 2, L, L): side s token i vs other side j
    return ((same & other.unsqueeze(-2)).any(-1) & known.view_as(other)).view_as(sides)


@register_model("esim", config=ESIMConfig, tasks=("pair",))
class ESIM(nn.Module):
    """Two texts: BiLSTM encoding, soft alignment both ways, BiLSTM composition, pooling, an MLP.

    ``forward(ids (B, 2, L) long, lengths (B, 2) long) -> logits (B, C)``: side a then side
    b of each pair, each padded with PAD = 0 to ``L``. Both sides share the embedding and
    the two BiLSTMs (one packed recurrence reads all ``2B`` sides).

    1. Input encoding: ``a = BiLSTM(embed(a))``, ``b = BiLSTM(embed(b))``, ``(B, L, 2H)``;
       with ``exact_match`` each token's vector gets one more entry, 1 where the token also
       occurs in the other text (UNK never matches), ``(B, L, E + 1)``; with ``bigram_dim``
       ``D`` each token's vector is followed by the sum of its two hashed bigram vectors
       (:meth:`bigram_vectors`), ``(B, L, E + D)``.
    2. Soft alignment: ``e = a·bᵀ`` ``(B, L, L)``; ``ã = softmax_b(e)·b`` (each token of a
       as a mix of the tokens of b) and ``b̃ = softmax_a(eᵀ)·a``, the softmax masked to
       the other side's real tokens.
    3. Enhancement ``[a; ã; a−ã; a⊙ã]`` ``(B, L, 8H)``, projected by a ReLU layer to ``H``.
    4. Composition: a second BiLSTM over each side, ``(B, L, 2H)``.
    5. Mean- and max-pooling of both sides over their real tokens, ``(B, 8H)``; an MLP
       (tanh hidden layer of ``H``) gives the logits. With ``symmetric`` the MLP scores
       ``[b; a]`` too and the two logits are averaged, so ``f(a, b) = f(b, a)``.

    PAD never changes an output: recurrences are packed, softmax and pooling are masked.
    :meth:`alignment` returns the attention weights of step 2 for a heatmap.
    """

    def __init__(self, config: ESIMConfig, vocab_size: int, num_classes: int):
        super().__init__()
        self.config = config
        hidden = config.hidden_size
        self.embedding = token_embedding(vocab_size, config.embedding_dim)
        self.dropout = Dropout(config.dropout)
        self.bigram_hasher = self.bigram_embedding = None
        if config.bigram_dim:
            self.bigram_hasher = NGramHasher([2], config.bigram_buckets)
            # sparse: a step updates only the rows its batch hashed to (SparseAdam, as fastText)
            self.bigram_embedding = nn.Embedding(config.bigram_buckets + 1, config.bigram_dim,
                                                 padding_idx=0, sparse=True)
            init_embedding_(self.bigram_embedding.weight)
        inputs = config.embedding_dim + config.bigram_dim + int(config.exact_match)
        self.encoder = BiLSTM(inputs, hidden)
        self.projection = nn.Sequential(nn.Linear(8 * hidden, hidden), nn.ReLU())
        self.composition = BiLSTM(hidden, hidden)
        self.classifier = nn.Sequential(
            Dropout(config.dropout), nn.Linear(8 * hidden, hidden), nn.Tanh(),
            Dropout(config.dropout), nn.Linear(hidden, num_classes))

    def _encode(self, ids: torch.Tensor, lengths: torch.Tensor):
        """A pair batch ``ids (B, 2, L)``, ``lengths (B, 2)`` -> encoded sides ``a, b (B, L, 2H)``,
        their masks ``(B, L)`` and the sides' lengths ``(2B,)`` (:func:`split_pair`)."""
        sides, side_lengths = split_pair(ids, lengths, "ESIM")
        length, batch = sides.shape[1], ids.shape[0]
        mask = real_positions(side_lengths, length)
        vectors = self.embedding(sides)
        if self.bigram_embedding is not None:
            vectors = torch.cat([vectors, self.bigram_vectors(sides, side_lengths)], dim=-1)
        vectors = self.dropout(vectors)
        if self.config.exact_match:
            vectors = torch.cat([vectors, exact_match(sides, mask).unsqueeze(-1).to(vectors.dtype)], dim=-1)
        encoded = self.encoder(vectors, side_lengths)
        encoded = encoded.view(batch, 2, length, -1)
        mask = mask.view(batch, 2, length)
        return encoded[:, 0], encoded[:, 1], mask[:, 0], mask[:, 1], side_lengths

    def bigram_vectors(self, sides: torch.Tensor, side_lengths: torch.Tensor) -> torch.Tensor:
        """``sides (2B, L)`` ids, ``side_lengths (2B,)`` -> ``(2B, L, D)``: at each position the
        vector of the bigram ending there plus that of the bigram starting there, each hashed
        to a bucket (:class:`~studio.core.models.fasttext.NGramHasher`). A bigram that reaches
        past the side's end is the zero row, so PAD never changes what a real token gets."""
        starting = self.bigram_embedding(self.bigram_hasher(sides, side_lengths))  # (2B, L - 1, D): (t, t + 1)
        none = starting.new_zeros((sides.shape[0], 1, starting.shape[2]))
        return torch.cat([none, starting], 1) + torch.cat([starting, none], 1)  # ending + starting at t

    @staticmethod
    def _align(a, b, mask_a, mask_b):
        """Attention weights ``(B, La, Lb)`` of a over b and ``(B, Lb, La)`` of b over a."""
        e = torch.bmm(a, b.transpose(1, 2))  # (B, L, L)
        a_to_b = masked_softmax(e, mask_b.unsqueeze(1), dim=-1)
        b_to_a = masked_softmax(e.transpose(1, 2), mask_a.unsqueeze(1), dim=-1)
        return a_to_b, b_to_a

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        a, b, mask_a, mask_b, side_lengths = self._encode(ids, lengths)
        a_to_b, b_to_a = self._align(a, b, mask_a, mask_b)
        a_tilde = torch.bmm(a_to_b, b)  # (B, L, 2H)
        b_tilde = torch.bmm(b_to_a, a)
        m_a = torch.cat([a, a_tilde, a - a_tilde, a * a_tilde], dim=-1)  # (B, L, 8H)
        m_b = torch.cat([b, b_tilde, b - b_tilde, b * b_tilde], dim=-1)
        batch, length = ids.shape[0], ids.shape[2]
        enhanced = torch.stack([m_a, m_b], dim=1).flatten(0, 1)  # (2B, L, 8H), as the sides
        composed = self.composition(self.dropout(self.projection(enhanced)), side_lengths)
        composed = composed.view(batch, 2, length, -1)
        pooled_a, pooled_b = masked_mean_max(composed[:, 0], mask_a), masked_mean_max(composed[:, 1], mask_b)
        if not self.config.symmetric:
            return self.classifier(torch.cat([pooled_a, pooled_b], dim=-1))  # (B, 8H) -> (B, C)
        both = torch.cat([torch.cat([pooled_a, pooled_b], dim=-1), torch.cat([pooled_b, pooled_a], dim=-1)])
        return self.classifier(both).view(2, batch, -1).mean(dim=0)  # (2B, C) -> (B, C)

    @torch.no_grad()
    def alignment(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """The soft alignment of side a over side b, ``(B, L, L)``: row ``i`` is how token
        ``i`` of a attends to the tokens of b (zero beyond b's length; rows beyond a's
        length are zero too). Same input as :meth:`forward`."""
        a, b, mask_a, mask_b, _ = self._encode(ids, lengths)
        a_to_b, _ = self._align(a, b, mask_a, mask_b)
        return a_to_b * mask_a.unsqueeze(-1)
