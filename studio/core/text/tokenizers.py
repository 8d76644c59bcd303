"""Tokenizers: character, jieba word, whitespace.

All tokenizers map ``str -> list[str]`` and drop whitespace-only tokens. jieba follows
its default dictionary, optionally extended with a user dictionary (jieba's
``word [freq] [tag]`` format) and filtered by a stopword list (one word per line).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from studio.core.errors import ConfigError
from studio.core.messages import message
from studio.core.safe_files import is_regular_file

TokenizerType = Literal["char", "jieba", "whitespace"]
SEP = "<sep>"  # joins the two texts of a pair


class TokenizerConfig(BaseModel):
    """How raw text is cut into tokens."""

    model_config = ConfigDict(extra="forbid")

    type: TokenizerType = Field("char", title="Tokenizer", description=(
        "char: one token per character (best for short Chinese text); jieba: Chinese "
        "words; whitespace: split on spaces (English and pre-segmented text)."))
    lowercase: bool = Field(True, title="Lowercase", description="Lowercase Latin letters.")
    user_dict: str | None = Field(None, title="User dictionary",
                                  description="jieba user dictionary file (word [freq] [tag] per line).")
    stopwords: str | None = Field(None, title="Stopwords",
                                  description="File with one stopword per line; those tokens are dropped.")


def _mtime(path: str | None) -> float:
    try:
        return Path(path).stat().st_mtime if path else 0.0
    except OSError:
        return 0.0


@lru_cache(maxsize=8)
def _jieba_segmenter(user_dict: str | None, mtime: float):
    """A jieba segmenter with the default dictionary (+ ``user_dict``), built once per
    dictionary file version: loading jieba's dictionary takes about a second."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    if user_dict:
        if not is_regular_file(user_dict):
            raise ConfigError("text.user_dict_missing", file=user_dict)
        try:
            segmenter.load_userdict(user_dict)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ConfigError("text.user_dict_unreadable", file=user_dict, reason=str(exc)) from None
    return segmenter


class Tokenizer:
    """Turns text into tokens as its :class:`TokenizerConfig` says.

    Raises:
        ConfigError: a user dictionary or stopword file cannot be read.
    """

    def __init__(self, config: TokenizerConfig | None = None):
        self.config = config or TokenizerConfig()
        self._stopwords = self._read_stopwords(self.config.stopwords)

    @staticmethod
    def _read_stopwords(path: str | None) -> frozenset[str]:
        if not path:
            return frozenset()
        if not is_regular_file(path):  # a FIFO would block the read forever
            raise ConfigError("text.stopwords_unreadable", file=path,
                              reason=message("text.not_regular_file", file=path))
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError("text.stopwords_unreadable", file=path, reason=str(exc)) from None
        return frozenset(line.strip() for line in text.splitlines() if line.strip())

    @cached_property
    def _jieba(self):
        return _jieba_segmenter(self.config.user_dict, _mtime(self.config.user_dict))

    def tokenize(self, text: str) -> list[str]:
        """Cut one text into tokens; whitespace and stopwords are dropped."""
        if self.config.lowercase:
            text = text.lower()
        kind = self.config.type
        if kind == "char":
            tokens = [ch for ch in text if not ch.isspace()]
        elif kind == "whitespace":
            tokens = text.split()
        else:
            tokens = [t for t in self._jieba.lcut(text) if not t.isspace()]
        if self._stopwords:
            tokens = [t for t in tokens if t not in self._stopwords]
        return tokens

    def tokenize_pair(self, text: str, pair: str | None = None) -> list[str]:
        """Tokens of one example; a text pair becomes ``tokens(a) + [<sep>] + tokens(b)``."""
        tokens = self.tokenize(text)
        return tokens if pair is None else tokens + [SEP] + self.tokenize(pair)

    def tokenize_many(self, texts: list[str], pairs: list[str] | None = None) -> list[list[str]]:
        """``tokenize_pair`` over aligned lists; ``pairs`` may be ``None``."""
        return list(self.iter_tokens(texts, pairs))

    def iter_tokens(self, texts: list[str], pairs: list[str] | None = None) -> Iterator[list[str]]:
        """:meth:`tokenize_many` one text at a time."""
        if pairs is None:
            return map(self.tokenize, texts)
        if len(pairs) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(pairs)} second texts")
        return map(self.tokenize_pair, texts, pairs)
