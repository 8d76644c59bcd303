"""Tokenize, build the vocabulary and encode once per dataset; cache by content hash.

The cache key is the SHA-256 of the text settings, the layout (one sequence, or the two
sides of a pair apart) and every text and label, so a second run on the same data and
settings loads tensors and skips tokenization.
Cached files are safetensors (no pickle).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save

from studio.core.data.dataset import DatasetSplits, TextDataset
from studio.core.fileio import atomic_write_bytes, atomic_write_json, cache_root, file_sha256
from studio.core.text.config import TextConfig
from studio.core.text.encoding import encode, encode_pairs
from studio.core.text.tokenizers import Tokenizer
from studio.core.text.vocab import Vocab

SPLITS = ("train", "validation", "test")


@dataclass
class EncodedSplit:
    """Model-ready tensors: ``ids`` (N, L) long, ``lengths`` (N,) long, ``labels`` (N,) long;
    with the sides of a pair apart (:func:`prepare` with ``pairs_apart``), ``ids``
    (N, 2, L) and ``lengths`` (N, 2), side a then side b."""

    ids: torch.Tensor
    lengths: torch.Tensor
    labels: torch.Tensor

    def __len__(self) -> int:
        return self.ids.shape[0]


@dataclass
class PreparedData:
    train: EncodedSplit
    validation: EncodedSplit
    test: EncodedSplit
    vocab: Vocab
    label_names: list[str]
    from_cache: bool = False


def cache_dir() -> Path:
    """Where encoded tensors are cached: ``encoded/`` in :func:`~studio.core.fileio.cache_root`."""
    return cache_root() / "encoded"


def content_key(splits: DatasetSplits, config: TextConfig, pairs_apart: bool = False) -> str:
    """SHA-256 of the text settings, the layout, the user dictionary and stopword files'
    bytes, and every text and label of every split."""
    digest = hashlib.sha256(config.model_dump_json().encode())
    if pairs_apart:  # the one-sequence layout keeps the key it had before pairs came apart
        digest.update(b"\x00layout=pairs_apart\x00")
    for extra in (config.tokenizer.user_dict, config.tokenizer.stopwords):
        if extra and Path(extra).is_file():
            digest.update(file_sha256(extra).encode())
    for name in SPLITS:
        data: TextDataset = getattr(splits, name)
        digest.update(f"\x00{name}\x00{len(data)}\x00".encode())
        digest.update("\x1f".join(data.texts).encode())
        digest.update("\x1f".join(data.pairs or []).encode())
        digest.update(",".join(map(str, data.labels)).encode())
    digest.update(json.dumps(splits.label_names, ensure_ascii=False).encode())
    return digest.hexdigest()


def _load_cached(path: Path, label_names: list[str]) -> PreparedData | None:
    try:
        tensors = load_file(str(path))
        with open(path.with_suffix(".vocab.json"), encoding="utf-8") as handle:
            vocab = Vocab(json.load(handle))
    except (OSError, ValueError, KeyError, SafetensorError):
        return None  # a damaged cache entry is rebuilt, not trusted
    parts = {
        name: EncodedSplit(tensors[f"{name}.ids"], tensors[f"{name}.lengths"], tensors[f"{name}.labels"])
        for name in SPLITS
    }
    return PreparedData(**parts, vocab=vocab, label_names=label_names, from_cache=True)


def prepare(splits: DatasetSplits, config: TextConfig, use_cache: bool = True,
            pairs_apart: bool = False, write_cache: bool = True) -> PreparedData:
    """Tokenize every split, build the vocabulary from the training split only, encode.

    A text pair is encoded as one sequence ``a <sep> b`` (``ids (N, L)``), or with
    ``pairs_apart`` (for a model that takes pairs, see
    :func:`studio.core.models.registry.takes_pairs`) as its two sides apart, each cut or
    padded to ``max_len``: ``ids (N, 2, L)``, ``lengths (N, 2)``; the vocabulary then
    counts the tokens of both sides.

    With ``use_cache`` the encoding is read from the studio's cache when there, else
    stored there unless ``write_cache`` is false (the other processes of a distributed run
    leave the writing to process 0).

    Raises:
        ConfigError: the tokenizer's user dictionary or stopword file cannot be read.
        ValueError: ``pairs_apart`` for data without a second text (a programming error:
            the task check refuses a pair model on such data first).
    """
    if pairs_apart and any(getattr(splits, name).pairs is None for name in SPLITS):
        raise ValueError("pairs_apart needs a second text column in every split")
    key = content_key(splits, config, pairs_apart)
    path = cache_dir() / f"{key}.safetensors"
    if use_cache and path.exists():
        cached = _load_cached(path, splits.label_names)
        if cached is not None:
            return cached
    tokenizer = Tokenizer(config.tokenizer)
    if pairs_apart:
        sides = {name: (_tokens(tokenizer, getattr(splits, name).texts),
                        _tokens(tokenizer, getattr(splits, name).pairs)) for name in SPLITS}
        vocab = Vocab.build(itertools.chain(*sides["train"]), config.min_freq, config.max_size)
    else:
        tokens = {name: _tokens(tokenizer, getattr(splits, name).texts, getattr(splits, name).pairs)
                  for name in SPLITS}
        vocab = Vocab.build(tokens["train"], config.min_freq, config.max_size)
    parts = {}
    for name in SPLITS:
        if pairs_apart:
            ids, lengths = encode_pairs(*sides[name], vocab, config.max_len)
        else:
            ids, lengths = encode(tokens[name], vocab, config.max_len)
        labels = torch.tensor(getattr(splits, name).labels, dtype=torch.long)
        parts[name] = EncodedSplit(ids, lengths, labels)
    if use_cache and write_cache:
        _store(path, parts, vocab)
    return PreparedData(**parts, vocab=vocab, label_names=splits.label_names)


def _tokens(tokenizer: Tokenizer, texts: list[str], pairs: list[str] | None = None) -> list[tuple[str, ...]]:
    """Each text's tokens as a tuple. Tuples of strings leave the garbage collector's lists
    at its first pass; tens of thousands of token lists kept until encoding would set off a
    full collection, which holds the GIL for a third of a second while the window waits."""
    return [tuple(tokens) for tokens in tokenizer.iter_tokens(texts, pairs)]


def _store(path: Path, parts: dict[str, EncodedSplit], vocab: Vocab) -> None:
    tensors = {}
    for name, split in parts.items():
        tensors.update({f"{name}.ids": split.ids.contiguous(), f"{name}.lengths": split.lengths,
                        f"{name}.labels": split.labels})
    try:
        atomic_write_json(path.with_suffix(".vocab.json"), vocab.tokens)
        atomic_write_bytes(path, save(tensors))
    except OSError:
        pass  # the cache only saves time; a read-only or full disk must not stop training
