"""Pad or truncate id sequences to a fixed ``max_len``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from studio.core.text.vocab import PAD_ID, UNK_ID, Vocab


def encode(token_lists: Sequence[Sequence[str]], vocab: Vocab, max_len: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Encode tokenized texts as padded ids.

    Returns:
        ids: LongTensor ``(N, max_len)``; tokens past ``max_len`` are cut, the rest is
            padded with ``PAD_ID`` on the right.
        lengths: LongTensor ``(N,)``, the number of real tokens kept, at least 1 (an
            empty text counts one PAD so that every model sees one position).
    """
    n = len(token_lists)
    ids = np.full((n, max_len), PAD_ID, dtype=np.int64)
    lengths = np.ones(n, dtype=np.int64)
    get = vocab.index.get
    for row, tokens in enumerate(token_lists):
        kept = tokens[:max_len]
        if kept:
            ids[row, : len(kept)] = [get(t, UNK_ID) for t in kept]
            lengths[row] = len(kept)
    return torch.from_numpy(ids), torch.from_numpy(lengths)


def encode_pairs(side_a: Sequence[Sequence[str]], side_b: Sequence[Sequence[str]], vocab: Vocab,
                 max_len: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Encode the two tokenized sides of ``N`` pairs apart, each as :func:`encode` does.

    Returns:
        ids: LongTensor ``(N, 2, max_len)``, side a then side b of each pair.
        lengths: LongTensor ``(N, 2)``, the real tokens kept of each side (at least 1).
    """
    ids_a, lengths_a = encode(side_a, vocab, max_len)
    ids_b, lengths_b = encode(side_b, vocab, max_len)
    return torch.stack([ids_a, ids_b], dim=1), torch.stack([lengths_a, lengths_b], dim=1)
