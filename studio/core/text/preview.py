"""How the first rows tokenize, and how large the vocabulary will roughly be.

For a sentence pair each side is shown and measured apart (a pair model such as ESIM
reads each side up to ``max_len`` tokens), and the pair read as one sequence
``a <sep> b`` (how the classification baselines read it, cut at ``max_len`` as a whole).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from studio.core.text.config import TextConfig
from studio.core.text.tokenizers import SEP, Tokenizer

SAMPLE_ROWS = 20000


@dataclass(frozen=True)
class SidePreview:
    """One text column as the tokenizer splits it."""

    rows: list[tuple[str, list[str]]]  # (text, tokens) of the first rows
    mean_tokens: float  # tokens per text, over the sampled rows
    cut_share: float  # share of the sampled texts with more than max_len tokens (0..1)


@dataclass(frozen=True)
class TokenPreview:
    """The token preview of a data file: one side for single texts, two for pairs.

    ``joined_mean_tokens`` and ``joined_cut_share`` measure a pair read as one sequence
    ``a <sep> b`` (``None`` for single texts)."""

    sides: tuple[SidePreview, ...]  # the text column, then the second text column of a pair
    vocab_estimate: int  # vocabulary size (PAD and UNK included) from an even sample
    sampled_rows: int
    max_len: int  # the max_len the cut shares count against
    joined_mean_tokens: float | None = None
    joined_cut_share: float | None = None

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The first side's (text, tokens) rows."""
        return self.sides[0].rows

    @property
    def mean_tokens(self) -> float:
        """The first side's tokens per text."""
        return self.sides[0].mean_tokens

    @property
    def is_pair(self) -> bool:
        return len(self.sides) == 2


def preview_tokens(config: TextConfig, texts: list[str], pairs: list[str] | None = None,
                   shown: int = 20, sample_rows: int = SAMPLE_ROWS) -> TokenPreview:
    """Tokenize the first ``shown`` texts (of each side) for display, and an even sample of
    up to ``sample_rows`` rows to measure tokens per text, the share of texts longer than
    ``config.max_len`` tokens and the vocabulary size under ``min_freq``/``max_size``
    (both sides and the ``<sep>`` a joined pair adds count towards it).

    Args:
        texts: the text column (side a of a pair).
        pairs: the second text column of a pair, aligned with ``texts``; ``None`` for single texts.

    Raises:
        ConfigError: the user dictionary or stopword file cannot be read.
    """
    tokenizer = Tokenizer(config.tokenizer)
    columns = [texts] if pairs is None else [texts, pairs]
    first = range(min(shown, len(texts)))
    stride = max(1, len(texts) // sample_rows)
    sampled = range(0, len(texts), stride)
    counts: Counter = Counter()
    lengths: list[list[int]] = []
    for column in columns:
        side = []
        for i in sampled:
            tokens = tokenizer.tokenize(column[i])
            counts.update(tokens)
            side.append(len(tokens))
        lengths.append(side)
    sides = tuple(
        SidePreview(rows=[(column[i], tokenizer.tokenize(column[i])) for i in first],
                    mean_tokens=_mean(side), cut_share=_over(side, config.max_len))
        for column, side in zip(columns, lengths, strict=True))
    joined_mean = joined_cut = None
    if pairs is not None:
        joined = [a + 1 + b for a, b in zip(*lengths, strict=True)]  # a <sep> b
        joined_mean, joined_cut = _mean(joined), _over(joined, config.max_len)
        if joined:
            counts[SEP] += len(joined)
    kept = sum(1 for n in counts.values() if n >= config.min_freq)
    return TokenPreview(sides, min(config.max_size, kept + 2), len(sampled), config.max_len, joined_mean, joined_cut)


def _mean(lengths: list[int]) -> float:
    return sum(lengths) / max(1, len(lengths))


def _over(lengths: list[int], max_len: int) -> float:
    """Share of ``lengths`` above ``max_len`` (0 for no lengths)."""
    return sum(1 for n in lengths if n > max_len) / max(1, len(lengths))
