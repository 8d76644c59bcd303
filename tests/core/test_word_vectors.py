"""Word vectors: word2vec on THUCNews, import round trips, coverage, initialisation, explorer."""

from __future__ import annotations

import gzip
import shutil

import numpy as np
import pytest
import torch

from studio.core.embeddings.coverage import measure_coverage, token_counts
from studio.core.embeddings.explore import UnknownWord, analogy, neighbors, project_words, similarity, vector_rows
from studio.core.embeddings.vectors import load_vectors, save_vectors
from studio.core.embeddings.word2vec import Word2VecConfig, Word2VecProgress, train_word2vec
from studio.core.errors import Cancelled, ConfigError, DataFormatError
from studio.core.models import build_model
from studio.core.models.pretrained import fill_embedding_
from studio.core.report import Reporter
from studio.core.text.tokenizers import Tokenizer, TokenizerConfig
from studio.core.text.vocab import Vocab

SMALL = Word2VecConfig(vector_size=24, epochs=2, min_count=2, workers=2)


@pytest.fixture(scope="module")
def news_tokens(request) -> list[list[str]]:
    from tests.conftest import shared_file

    path = shared_file("thucnews", "dev.txt")
    titles = [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()[:3000]]
    return Tokenizer(TokenizerConfig(type="jieba")).tokenize_many(titles)


@pytest.fixture(scope="module")
def news_vectors(news_tokens):
    return train_word2vec(news_tokens, SMALL)


def keyed(words: list[str], matrix) -> object:
    from gensim.models import KeyedVectors

    vectors = KeyedVectors(len(matrix[0]))
    vectors.add_vectors(words, np.asarray(matrix, dtype=np.float32))
    return vectors


def test_word2vec_trains_vectors_of_the_requested_size(news_vectors, news_tokens):
    assert news_vectors.vector_size == 24
    assert news_vectors.vectors.shape == (len(news_vectors), 24)
    assert 1000 < len(news_vectors) < len({t for tokens in news_tokens for t in tokens})
    assert np.isfinite(news_vectors.vectors).all()
    counts = [news_vectors.get_vecattr(w, "count") for w in news_vectors.index_to_key[:50]]
    assert counts == sorted(counts, reverse=True)  # frequent words first
    assert min(news_vectors.get_vecattr(w, "count") for w in news_vectors.index_to_key) >= 2


def test_word2vec_reports_progress_and_stops(news_tokens):
    seen, fractions = [], []

    def event(update):
        seen.append(update)
        if update.epoch == 2:
            report.stop()

    report = Reporter(fractions.append, event)
    with pytest.raises(Cancelled):
        train_word2vec(news_tokens, SMALL.model_copy(update={"epochs": 50}), report)
    assert all(isinstance(update, Word2VecProgress) for update in seen)
    assert [p.fraction for p in seen] == sorted(p.fraction for p in seen) and seen[-1].fraction < 0.2
    assert seen[-1].epoch == 2 and seen[-1].loss is not None
    assert fractions and fractions == sorted(fractions) and fractions[-1] < 0.2


def test_word2vec_progress_ends_at_one(news_tokens):
    fractions = []
    train_word2vec(news_tokens[:300], SMALL.model_copy(update={"epochs": 1}), Reporter(fractions.append))
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_min_count_above_every_token_is_a_clear_error():
    with pytest.raises(ConfigError, match="min_count: no token occurs 5 times") as info:
        train_word2vec([["只", "一次"]], Word2VecConfig(min_count=5, workers=1))
    assert info.value.code == "config.field" and info.value.params["field"] == "min_count"
    assert info.value.params["problem"].code == "vectors.min_count_too_high"


def test_neighbours_come_in_descending_cosine_order(news_vectors):
    word = news_vectors.index_to_key[20]
    found = neighbors(news_vectors, word, topn=10)
    scores = [score for _, score in found]
    assert len(found) == 10 and word not in [w for w, _ in found]
    assert scores == sorted(scores, reverse=True)
    first, score = found[0]
    a, b = news_vectors[word], news_vectors[first]
    assert score == pytest.approx(float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)), abs=1e-5)
    assert similarity(news_vectors, word, first) == pytest.approx(score, abs=1e-5)


def test_analogy_and_unknown_words():
    vectors = keyed(["国王", "男人", "女人", "女王", "苹果"],
                    [[1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [-1, -1, -1]])
    assert analogy(vectors, "国王", "男人", "女人", topn=1)[0][0] == "女王"
    with pytest.raises(UnknownWord, match="'皇帝' has no vector") as info:
        neighbors(vectors, "皇帝")
    assert info.value.code == "vectors.unknown_word"
    with pytest.raises(UnknownWord, match="Words that start alike: 国王") as info:
        neighbors(vectors, "国")
    assert info.value.code == "vectors.unknown_word_alike"
    with pytest.raises(UnknownWord, match="Type a word"):
        neighbors(vectors, " ")
    heat = vector_rows(vectors, ["女王", "苹果"])
    keys, rows = heat.words, heat.rows
    assert keys == ["女王", "苹果"] and rows.tolist() == [[1, 0, 1], [-1, -1, -1]]


@pytest.mark.parametrize("method", ["pca", "tsne"])
def test_word_map_places_the_most_frequent_words(news_vectors, method):
    word_map = project_words(news_vectors, count=60, method=method)
    assert word_map.words == news_vectors.index_to_key[:60]
    assert word_map.points.shape == (60, 2) and np.isfinite(word_map.points).all()


@pytest.mark.parametrize("name, write", [
    ("vectors.txt", lambda kv, path: kv.save_word2vec_format(str(path), binary=False)),
    ("vectors.bin", lambda kv, path: kv.save_word2vec_format(str(path), binary=True)),
    ("glove.txt", lambda kv, path: kv.save_word2vec_format(str(path), write_header=False)),
    ("studio.bin", lambda kv, path: save_vectors(kv, path)),
], ids=["text", "binary", "no-header", "studio"])
def test_files_gensim_wrote_round_trip(news_vectors, tmp_path, name, write):
    path = tmp_path / name
    write(news_vectors, path)
    loaded = load_vectors(path)
    assert loaded.index_to_key == news_vectors.index_to_key
    np.testing.assert_allclose(loaded.vectors, news_vectors.vectors, rtol=1e-5, atol=1e-6)


def test_gzipped_files_load_with_progress(news_vectors, tmp_path):
    plain = tmp_path / "vectors.txt"
    news_vectors.save_word2vec_format(str(plain))
    packed = tmp_path / "vectors.txt.gz"
    with plain.open("rb") as source, gzip.open(packed, "wb") as target:
        shutil.copyfileobj(source, target)
    fractions = []
    loaded = load_vectors(packed, report=Reporter(fractions.append))
    assert loaded.index_to_key == news_vectors.index_to_key
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)


def test_reading_can_be_cancelled(news_vectors, tmp_path):
    path = tmp_path / "vectors.txt"
    news_vectors.save_word2vec_format(str(path))
    report = Reporter()
    report.stop()
    with pytest.raises(Cancelled):
        load_vectors(path, report=report)


def test_npz_with_a_vocabulary_file(tmp_path):
    words = ["新闻", "股票", "足球"]
    matrix = np.arange(12, dtype=np.float32).reshape(3, 4)
    np.savez(tmp_path / "news.npz", embeddings=matrix)
    (tmp_path / "vocab.txt").write_text("新闻 10\n股票 7\n足球 3\n", encoding="utf-8")
    loaded = load_vectors(tmp_path / "news.npz")
    assert loaded.index_to_key == words and loaded["股票"].tolist() == [4, 5, 6, 7]
    (tmp_path / "short.txt").write_text("新闻\n股票\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match="3 rows but .*short.txt lists 2 tokens") as info:
        load_vectors(tmp_path / "news.npz", vocab_path=tmp_path / "short.txt")
    assert info.value.code == "vectors.npz_vocab_mismatch" and info.value.params["rows"] == 3


@pytest.mark.parametrize("content, message", [
    (b"2 3\nword 1 2\n", "cannot be read as word2vec text"),
    (b"\xff\xfe\x00garbage", "cannot be read as word2vec text"),
])
def test_broken_files_name_the_file(tmp_path, content, message):
    path = tmp_path / "broken.txt"
    path.write_bytes(content)
    with pytest.raises(DataFormatError, match=message) as info:
        load_vectors(path)
    assert "broken.txt" in str(info.value)
    assert info.value.params["expected"].code == "vectors.expected_text"


def test_coverage_figures_on_a_hand_checked_example():
    # training texts: 新闻 x5, 股票 x3, 足球 x1, 篮球 x1 (below min_freq -> UNK), PAD padding
    vocab = Vocab(["<pad>", "<unk>", "新闻", "股票", "足球"])
    ids = torch.tensor([[2, 2, 3, 0], [2, 4, 1, 0], [2, 2, 3, 3]])
    counts = token_counts(ids, len(vocab))
    assert counts == [2, 1, 5, 3, 1]
    vectors = keyed(["新闻", "足球", "篮球"], [[1, 0], [0, 1], [1, 1]])
    coverage = measure_coverage(vectors, vocab.tokens, counts)
    # entries: 新闻 and 足球 of 新闻, 股票, 足球 -> 2/3; occurrences: 5 + 1 of 5 + 3 + 1 + 1 (UNK) = 6/10
    assert (coverage.vocab_found, coverage.vocab_total) == (2, 3)
    assert (coverage.occurrences_found, coverage.occurrences_total) == (6, 10)
    assert coverage.vocab_share == pytest.approx(2 / 3) and coverage.occurrence_share == 0.6
    assert coverage.missing == ("股票",)
    described = coverage.describe()
    assert described.code == "vectors.coverage"
    assert "2 of 3 vocabulary entries" in str(described) and "60.0%" in str(described)


def test_a_model_started_from_vectors_holds_exactly_those_rows(news_vectors):
    vocab = ["<pad>", "<unk>", *news_vectors.index_to_key[:40], "不在词表里的词"]
    torch.manual_seed(0)
    model = build_model({"type": "textcnn", "embedding_dim": 24, "num_filters": 4,
                         "kernel_sizes": [2]}, len(vocab), 3)
    assert fill_embedding_(model.embedding.weight, news_vectors, vocab) == 40
    weight = model.embedding.weight.detach()
    for i, word in enumerate(vocab[2:42], start=2):
        assert torch.equal(weight[i], torch.tensor(news_vectors[word]))
    assert not weight[0].any()


def test_a_dimension_mismatch_names_both_sizes(news_vectors):
    model = build_model({"type": "textrnn", "embedding_dim": 32}, 10, 2)
    with pytest.raises(ConfigError, match="^embedding_dim: the word vectors have 24 dimensions but "
                                          "embedding_dim is 32") as info:
        fill_embedding_(model.embedding.weight, news_vectors, ["<pad>", "<unk>"] + ["x"] * 8)
    assert info.value.params["problem"].params == {"vectors_dim": 24, "dim": 32}


def test_npz_reads_in_blocks_with_progress_limit_and_stop(tmp_path):
    matrix = np.random.default_rng(0).random((3000, 1000), dtype=np.float32)  # 12 MB: two blocks
    np.savez(tmp_path / "big.npz", embeddings=matrix)
    (tmp_path / "big.vocab.txt").write_text("".join(f"w{i}\n" for i in range(3000)), encoding="utf-8")
    fractions = []
    loaded = load_vectors(tmp_path / "big.npz", report=Reporter(fractions.append))
    np.testing.assert_array_equal(loaded.vectors, matrix)
    assert len(fractions) == 2 and fractions[-1] == 1.0
    first = load_vectors(tmp_path / "big.npz", limit=10)
    assert first.index_to_key == [f"w{i}" for i in range(10)] and first.vectors.shape == (10, 1000)
    stopped = Reporter()
    stopped.stop()
    with pytest.raises(Cancelled):
        load_vectors(tmp_path / "big.npz", report=stopped)


@pytest.mark.parametrize("name, content, message", [
    ("vectors.npz.gz", b"whatever", "compressed .npz cannot be read"),
    ("vectors.npz", b"\x80\x04pickled", "not an .npz archive"),
])
def test_unreadable_npz_files_are_explained(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "vocab.txt").write_text("a\n", encoding="utf-8")
    with pytest.raises(DataFormatError, match=message):
        load_vectors(tmp_path / name)


def test_coverage_leaves_out_the_pair_separator():
    vocab = ["<pad>", "<unk>", "<sep>", "新闻", "股票"]
    coverage = measure_coverage(keyed(["新闻"], [[1.0, 0.0]]), vocab, [0, 2, 4, 3, 1])
    assert (coverage.vocab_found, coverage.vocab_total) == (1, 2)
    assert (coverage.occurrences_found, coverage.occurrences_total) == (3, 6)
    assert coverage.missing == ("股票",)


def test_pretrained_limit_reads_only_the_first_vectors(news_vectors, tmp_path):
    path = tmp_path / "vectors.bin"
    save_vectors(news_vectors, path)
    model = build_model({"type": "textcnn", "embedding_dim": 24, "pretrained_vectors": str(path),
                         "pretrained_limit": 5}, 8, 2)
    from studio.core.models.pretrained import apply_embedding_options

    coverage = apply_embedding_options(model, ["<pad>", "<unk>", *news_vectors.index_to_key[:6]])
    assert (coverage.vocab_found, coverage.vocab_total) == (5, 6)
