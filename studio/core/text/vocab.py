"""Vocabulary: token <-> id, with PAD = 0 and UNK = 1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from studio.core.errors import ConfigError

PAD, UNK = "<pad>", "<unk>"
PAD_ID, UNK_ID = 0, 1


class Vocab:
    """A fixed token list; ``tokens[i]`` has id ``i``. Ids 0 and 1 are PAD and UNK."""

    def __init__(self, tokens: list[str]):
        if tokens[:2] != [PAD, UNK]:
            raise ConfigError("text.vocab_bad_start", pad=PAD, unk=UNK, start=list(tokens[:2]))
        self.tokens = list(tokens)
        self.index = {token: i for i, token in enumerate(self.tokens)}
        if len(self.index) != len(self.tokens):
            raise ConfigError("text.vocab_duplicate")

    @classmethod
    def build(cls, token_lists: Iterable[list[str]], min_freq: int = 1,
              max_size: int | None = None) -> Vocab:
        """Count tokens (use the training split only) and keep the frequent ones.

        Tokens are ordered by falling count, ties by first appearance. ``max_size``
        counts PAD and UNK.
        """
        counts = Counter()
        for tokens in token_lists:
            counts.update(tokens)
        counts.pop(PAD, None)
        counts.pop(UNK, None)
        limit = None if max_size is None else max(0, max_size - 2)
        kept = [t for t, n in counts.most_common(limit) if n >= min_freq]
        return cls([PAD, UNK, *kept])

    def __len__(self) -> int:
        return len(self.tokens)

    def __contains__(self, token: str) -> bool:
        return token in self.index

    def encode(self, tokens: list[str]) -> list[int]:
        """Token list -> id list; unknown tokens become UNK_ID."""
        get = self.index.get
        return [get(t, UNK_ID) for t in tokens]

    def decode(self, ids: Iterable[int]) -> list[str]:
        return [self.tokens[i] for i in ids]
