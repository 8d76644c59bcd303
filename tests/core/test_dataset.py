"""Cutting tables into train / validation / test, and encoding them once (cached)."""

from __future__ import annotations

from collections import Counter

import pytest
import torch

from studio.core.data.dataset import DatasetConfig, load_splits
from studio.core.data.prepare import prepare
from studio.core.errors import ConfigError, DataFormatError
from studio.core.text.config import TextConfig
from studio.core.text.vocab import UNK_ID

THUCNEWS_CLASSES = ["finance", "realty", "stocks", "education", "science",
                    "society", "politics", "sports", "game", "entertainment"]


def _signature(dataset):
    return list(zip(dataset.texts, dataset.labels, strict=True))


@pytest.fixture
def dev_splits(thucnews_dev, thucnews_classes):
    config = DatasetConfig(train=str(thucnews_dev), class_names=str(thucnews_classes))
    return config, load_splits(config)


def test_single_file_is_split_80_10_10_stratified(dev_splits):
    _, splits = dev_splits
    assert len(splits.test) == 1000
    # within one row: see test_split_sizes_are_exact for the rounding off-by-one
    assert abs(len(splits.validation) - 1000) <= 1
    assert len(splits.train) + len(splits.validation) == 9000
    assert splits.label_names == THUCNEWS_CLASSES
    for split in (splits.train, splits.validation, splits.test):
        assert split.label_names == THUCNEWS_CLASSES
        counts = Counter(split.labels)
        assert sorted(counts) == list(range(10))  # every class in every split
        share = len(split) / 10  # dev.txt holds 1,000 rows per class
        assert all(abs(n - share) <= 0.02 * share + 1 for n in counts.values()), counts

    # the three splits partition the file
    all_rows = Counter(_signature(splits.train) + _signature(splits.validation)
                       + _signature(splits.test))
    assert sum(all_rows.values()) == 10_000


def test_split_sizes_are_exact(dev_splits):
    _, splits = dev_splits
    assert (len(splits.train), len(splits.validation), len(splits.test)) == (8000, 1000, 1000)


def test_labels_are_mapped_through_the_class_file(dev_splits, thucnews_dev):
    _, splits = dev_splits
    first_lines = thucnews_dev.read_text(encoding="utf-8").splitlines()[:200]
    label_of = {text: int(label) for text, label in (line.split("\t") for line in first_lines)}
    checked = 0
    for split in (splits.train, splits.validation, splits.test):
        for text, label in zip(split.texts, split.labels, strict=True):
            if text in label_of:
                assert label == label_of[text], text
                checked += 1
    assert checked >= 190  # (a few headlines may repeat with another label)


def test_split_is_seeded(dev_splits):
    config, splits = dev_splits
    again = load_splits(config)
    for name in ("train", "validation", "test"):
        assert _signature(getattr(splits, name)) == _signature(getattr(again, name))

    other = load_splits(config.model_copy(update={"split_seed": config.split_seed + 1}))
    assert _signature(other.test) != _signature(splits.test)
    assert set(other.test.texts) != set(splits.test.texts)


def test_separate_validation_and_test_files_are_used_as_given(tmp_path, thucnews_dev, thucnews_classes):
    lines = thucnews_dev.read_text(encoding="utf-8").splitlines()
    train, val, test = tmp_path / "train.txt", tmp_path / "val.txt", tmp_path / "test.txt"
    train.write_text("\n".join(lines[:600]) + "\n", encoding="utf-8")
    val.write_text("\n".join(lines[600:750]) + "\n", encoding="utf-8")
    test.write_text("\n".join(lines[750:1000]) + "\n", encoding="utf-8")
    config = DatasetConfig(train=str(train), validation=str(val), test=str(test),
                           class_names=str(thucnews_classes))
    splits = load_splits(config)
    assert splits.train.texts == [line.split("\t")[0] for line in lines[:600]]
    assert splits.validation.texts == [line.split("\t")[0] for line in lines[600:750]]
    assert splits.test.texts == [line.split("\t")[0] for line in lines[750:1000]]
    assert splits.test.labels == [int(line.split("\t")[1]) for line in lines[750:1000]]

    # only a test file: validation is cut from train by val_fraction alone
    only_test = load_splits(DatasetConfig(train=str(train), test=str(test),
                                          class_names=str(thucnews_classes)))
    assert len(only_test.test) == 250
    assert (len(only_test.train), len(only_test.validation)) == (540, 60)


def test_label_not_in_class_list_names_file_and_line(tmp_path, thucnews_classes):
    path = tmp_path / "bad_labels.txt"
    rows = [f"新闻标题第{i}条\t{i % 10}" for i in range(30)]
    rows[16] = "这条新闻的标签不存在\tweather"  # line 17
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    config = DatasetConfig(train=str(path), class_names=str(thucnews_classes))
    with pytest.raises(DataFormatError) as info:
        load_splits(config)
    message = str(info.value)
    assert "bad_labels.txt" in message
    assert "line 17" in message
    assert "weather" in message


def test_text_labels_without_a_class_file(tmp_path):
    path = tmp_path / "sentiment.csv"
    rows = ["text,label"] + [f"评论{i},{'正面' if i % 2 else '负面'}" for i in range(40)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    splits = load_splits(DatasetConfig(train=str(path)))
    assert splits.label_names == sorted(["正面", "负面"])
    assert len(splits.train) + len(splits.validation) + len(splits.test) == 40


def test_missing_column_and_missing_train_are_config_errors(thucnews_dev):
    with pytest.raises(ConfigError, match="train"):
        load_splits(DatasetConfig())
    with pytest.raises(ConfigError, match="label_column"):
        load_splits(DatasetConfig(train=str(thucnews_dev), label_column=5))


# ----- prepare (tokenize, vocabulary, encode, cache) ---------------------------------
def _small_splits(tmp_path, thucnews_dev, thucnews_classes, test_extra: str | None = None):
    lines = thucnews_dev.read_text(encoding="utf-8").splitlines()
    train, val, test = tmp_path / "train.txt", tmp_path / "val.txt", tmp_path / "test.txt"
    train.write_text("\n".join(lines[:400]) + "\n", encoding="utf-8")
    val.write_text("\n".join(lines[400:500]) + "\n", encoding="utf-8")
    test_lines = lines[500:600] + ([test_extra] if test_extra else [])
    test.write_text("\n".join(test_lines) + "\n", encoding="utf-8")
    return load_splits(DatasetConfig(train=str(train), validation=str(val), test=str(test),
                                     class_names=str(thucnews_classes)))


def test_prepare_builds_the_vocab_from_train_only(tmp_path, thucnews_dev, thucnews_classes):
    rare = "龘"  # a character no headline holds
    splits = _small_splits(tmp_path, thucnews_dev, thucnews_classes, test_extra=f"{rare}{rare}\t3")
    assert not any(rare in text for text in splits.train.texts)
    data = prepare(splits, TextConfig(max_len=20))
    assert rare not in data.vocab
    assert data.from_cache is False
    assert data.label_names == THUCNEWS_CLASSES

    train_chars = {ch for text in splits.train.texts for ch in text.lower() if not ch.isspace()}
    assert set(data.vocab.tokens[2:]) == train_chars

    last = len(data.test) - 1
    assert data.test.ids[last, :2].tolist() == [UNK_ID, UNK_ID]
    assert data.test.lengths[last] == 2
    assert data.test.labels[last] == 3
    for name, size in (("train", 400), ("validation", 100), ("test", 101)):
        split = getattr(data, name)
        assert split.ids.shape == (size, 20)
        assert split.lengths.shape == split.labels.shape == (size,)
        assert int(split.lengths.max()) <= 20 and int(split.lengths.min()) >= 1
    assert data.train.labels.tolist() == splits.train.labels


def test_prepare_second_call_hits_the_cache(tmp_path, thucnews_dev, thucnews_classes):
    splits = _small_splits(tmp_path, thucnews_dev, thucnews_classes)
    first = prepare(splits, TextConfig(max_len=24))
    second = prepare(splits, TextConfig(max_len=24))
    assert first.from_cache is False
    assert second.from_cache is True
    assert second.vocab.tokens == first.vocab.tokens
    assert second.label_names == first.label_names
    for name in ("train", "validation", "test"):
        a, b = getattr(first, name), getattr(second, name)
        assert torch.equal(a.ids, b.ids)
        assert torch.equal(a.lengths, b.lengths)
        assert torch.equal(a.labels, b.labels)

    changed = prepare(splits, TextConfig(max_len=16))
    assert changed.from_cache is False
    assert changed.train.ids.shape[1] == 16

    tokenizer_changed = prepare(splits, TextConfig(max_len=24, min_freq=2))
    assert tokenizer_changed.from_cache is False
    assert len(tokenizer_changed.vocab) < len(first.vocab)


def test_prepare_without_cache_writes_nothing(tmp_path, thucnews_dev, thucnews_classes):
    from studio.core.data.prepare import cache_dir

    splits = _small_splits(tmp_path, thucnews_dev, thucnews_classes)
    data = prepare(splits, TextConfig(), use_cache=False)
    assert data.from_cache is False
    assert not cache_dir().exists() or not any(cache_dir().iterdir())
    assert prepare(splits, TextConfig()).from_cache is False


def test_damaged_cache_entry_is_rebuilt(tmp_path, thucnews_dev, thucnews_classes):
    from studio.core.data.prepare import cache_dir

    splits = _small_splits(tmp_path, thucnews_dev, thucnews_classes)
    first = prepare(splits, TextConfig())
    (entry,) = cache_dir().glob("*.safetensors")
    entry.write_bytes(b"not a safetensors file")
    rebuilt = prepare(splits, TextConfig())
    assert rebuilt.from_cache is False
    assert torch.equal(rebuilt.train.ids, first.train.ids)


def test_text_pairs_are_joined_with_sep(tmp_path):
    path = tmp_path / "pairs.tsv"
    rows = [f"{i}\t问题{i}怎么办\t如何解决问题{i}\t{i % 2}" for i in range(60)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    config = DatasetConfig(train=str(path), text_column=1, text_pair_column=2, label_column=3)
    splits = load_splits(config)
    assert splits.train.pairs is not None and len(splits.train.pairs) == len(splits.train)
    data = prepare(splits, TextConfig(max_len=40))
    assert "<sep>" in data.vocab
    sep = data.vocab.index["<sep>"]
    assert all(sep in row.tolist() for row in data.train.ids)


def test_editing_the_stopword_file_is_a_cache_miss(tmp_path, thucnews_dev, thucnews_classes):
    from studio.core.text.tokenizers import TokenizerConfig

    splits = _small_splits(tmp_path, thucnews_dev, thucnews_classes)
    stopwords = tmp_path / "stopwords.txt"
    stopwords.write_text("的\n", encoding="utf-8")
    config = TextConfig(tokenizer=TokenizerConfig(stopwords=str(stopwords)))
    first = prepare(splits, config)
    assert "的" not in first.vocab
    stopwords.write_text("是\n", encoding="utf-8")
    second = prepare(splits, config)
    assert second.from_cache is False
    assert "的" in second.vocab and "是" not in second.vocab


def test_superscript_digit_labels_beside_a_class_file_are_names_not_ids(tmp_path):
    from studio.core.data.dataset import propose_config
    from studio.core.data.reader import read_table

    data = tmp_path / "train.txt"
    data.write_text("第一条\t¹\n第二条\t²\n第三条\t¹\n", encoding="utf-8")
    (tmp_path / "class.txt").write_text("a\nb\nc\n", encoding="utf-8")
    proposed = propose_config(str(data), read_table(data))  # found by fuzzing: int("¹") raised
    assert proposed.class_names is None
