"""How the first rows tokenize, and how large the vocabulary will roughly be."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from studio.core.text.config import TextConfig
from studio.core.text.tokenizers import Tokenizer

SAMPLE_ROWS = 20000


@dataclass(frozen=True)
class TokenPreview:
    rows: list[tuple[str, list[str]]]  # (text, tokens) of the first rows
    vocab_estimate: int  # vocabulary size (PAD and UNK included) from an even sample
    sampled_rows: int
    mean_tokens: float


def preview_tokens(config: TextConfig, texts: list[str], pairs: list[str] | None = None,
                   shown: int = 20, sample_rows: int = SAMPLE_ROWS) -> TokenPreview:
    """Tokenize the first ``shown`` texts for display, and an even sample of up to
    ``sample_rows`` texts to estimate the vocabulary size under ``min_freq``/``max_size``.

    Raises:
        ConfigError: the user dictionary or stopword file cannot be read.
    """
    tokenizer = Tokenizer(config.tokenizer)
    pair = (lambda i: pairs[i]) if pairs is not None else (lambda i: None)  # noqa: E731
    rows = [(texts[i], tokenizer.tokenize_pair(texts[i], pair(i))) for i in range(min(shown, len(texts)))]
    stride = max(1, len(texts) // sample_rows)
    counts: Counter = Counter()
    total, sampled = 0, 0
    for i in range(0, len(texts), stride):
        tokens = tokenizer.tokenize_pair(texts[i], pair(i))
        counts.update(tokens)
        total += len(tokens)
        sampled += 1
    kept = sum(1 for n in counts.values() if n >= config.min_freq)
    return TokenPreview(rows, min(config.max_size, kept + 2), sampled, total / max(1, sampled))
