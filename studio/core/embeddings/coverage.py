"""How much of a vocabulary, and of the text, a set of word vectors covers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from studio.core.messages import Message, message
from studio.core.text.tokenizers import SEP
from studio.core.text.vocab import PAD, UNK, UNK_ID

MISSING_SHOWN = 20


@dataclass(frozen=True)
class Coverage:
    """Vocabulary entries and token occurrences that have a vector.

    ``vocab_*`` count vocabulary entries other than PAD, UNK and the pair separator.
    ``occurrences_*`` count the token positions of the encoded training texts (PAD and
    the separator excluded, UNK included as not found: a token cut from the vocabulary
    gets no vector either). ``missing`` lists the most frequent entries without a vector.
    """

    vocab_found: int
    vocab_total: int
    occurrences_found: int
    occurrences_total: int
    missing: tuple[str, ...] = ()

    @property
    def vocab_share(self) -> float:
        return self.vocab_found / self.vocab_total if self.vocab_total else 0.0

    @property
    def occurrence_share(self) -> float:
        return self.occurrences_found / self.occurrences_total if self.occurrences_total else 0.0

    def describe(self) -> Message:
        """``vectors.coverage``: "1,234 of 2,000 vocabulary entries have vectors (61.7%), …"."""
        return message("vectors.coverage", found=self.vocab_found, total=self.vocab_total,
                       vocab_share=self.vocab_share, occurrence_share=self.occurrence_share,
                       tokens=self.occurrences_total)


def token_counts(ids: torch.Tensor, vocab_size: int) -> list[int]:
    """Occurrences of each id in encoded texts ``(N, L)`` -> list of ``vocab_size`` ints."""
    return torch.bincount(ids.flatten(), minlength=vocab_size).tolist()


def measure_coverage(vectors, vocab: Sequence[str], counts: Sequence[int] | None = None) -> Coverage:
    """Coverage of ``vocab`` (PAD, UNK, then tokens) by gensim ``KeyedVectors``.

    Args:
        counts: ``len(vocab)`` ints, ``counts[i]`` the occurrences of id ``i`` (see
            :func:`token_counts`); without counts each entry counts once.

    Raises:
        ValueError: ``counts`` and ``vocab`` differ in length.
    """
    counts = list(counts) if counts is not None else [1] * len(vocab)
    if len(counts) != len(vocab):
        raise ValueError(f"counts has {len(counts)} entries for a vocabulary of {len(vocab)}")
    keys = vectors.key_to_index
    entries = [i for i, token in enumerate(vocab) if token not in (PAD, UNK, SEP)]
    found = {i for i in entries if vocab[i] in keys}
    missing = sorted((i for i in entries if i not in found), key=lambda i: -counts[i])[:MISSING_SHOWN]
    return Coverage(
        vocab_found=len(found),
        vocab_total=len(entries),
        occurrences_found=sum(counts[i] for i in found),
        occurrences_total=counts[UNK_ID] + sum(counts[i] for i in entries),
        missing=tuple(vocab[i] for i in missing),
    )
