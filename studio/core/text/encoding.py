"""Pad or truncate id sequences to a fixed ``max_len``."""

from __future__ import annotations

import numpy as np
import torch

from studio.core.text.vocab import PAD_ID, UNK_ID, Vocab


def encode(token_lists: list[list[str]], vocab: Vocab, max_len: int) -> tuple[torch.Tensor, torch.Tensor]:
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
