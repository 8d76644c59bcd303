"""Retrieval indexes kept in a project: built, saved, reopened (Save, Save As, the archive)
and searched with the same results, for BM25, averaged word vectors and a Siamese run;
reranking that tokenizes each query and candidate once, in the same order as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from gensim.models import KeyedVectors

from studio.core.embeddings.project_vectors import VectorSet, scratch_dir
from studio.core.embeddings.vectors import save_vectors
from studio.core.errors import ConfigError
from studio.core.project import Project
from studio.core.project_archive import export_project, import_project
from studio.core.retrieval import (
    Hits,
    IndexSpec,
    PairScorer,
    QuestionBank,
    add_index,
    build_index,
    encoder_runs,
    index_names,
    load_index,
    pair_runs,
    pair_scorer,
    remove_index,
    rerank,
)
from studio.core.retrieval.stored import INDEX_FOLDER
from studio.core.settings import Settings
from studio.core.text.tokenizers import TokenizerConfig
from tests.conftest import shared_file, write_slice

BANK = QuestionBank.from_list(
    ["怎么修改银行卡密码", "信用卡怎么还款", "如何注销我的账号", "今天天气怎么样", "手机丢了怎么办"],
    ["在设置里修改", "用手机银行还", "联系客服注销", "晴", "先挂失"])
QUERIES = ["银行卡密码怎么改", "信用卡还款", "明天天气", "注销账号"]
TINY = {"training": {"epochs": 1, "batch_size": 64, "lr": 2e-3, "device": "cpu"}, "text": {"max_len": 20}}


def same_hits(a, b) -> None:
    assert a.indices.tolist() == b.indices.tolist()
    np.testing.assert_allclose(a.scores, b.scores, rtol=1e-5, atol=1e-6)


@pytest.fixture(scope="module")
def pair_project(tmp_path_factory):
    """A saved project with three tiny runs on 400 LCQMC pairs: a Siamese encoder, ESIM, and
    a TextCNN reading ``a <sep> b``."""
    from studio.core.training.run import execute_run

    folder = tmp_path_factory.mktemp("pairs")
    train = write_slice(shared_file("lcqmc", "train.txt"), folder / "lcqmc.txt", 400)
    models = [{"type": "siamese", "embedding_dim": 16, "hidden_size": 16},
              {"type": "esim", "embedding_dim": 16, "hidden_size": 16},
              {"type": "textcnn", "embedding_dim": 16, "num_filters": 8}]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STUDIO_CACHE_DIR", str(folder / "cache"))
        torch.set_num_threads(1)
        project = None
        for model in models:
            settings = Settings.from_dict({
                "dataset": {"train": str(train), "text_column": 0, "text_pair_column": 1, "label_column": 2},
                "model": model, **TINY})
            project = project or Project(settings, name="Pairs")
            project.runs.append(execute_run(settings))
        return project.save(folder / "Pairs")


def run_of(project: Project, model: str) -> str:
    return next(run.id for run in project.runs if run.settings.model.type == model)


# ----- BM25 ----------------------------------------------------------------------------
def test_a_bm25_index_survives_save_reopen_save_as_and_the_archive(tmp_path):
    project = Project(name="Faq")
    index = build_index(BANK, IndexSpec(method="bm25"), project, name="faq")
    assert index.spec.tokenizer == "char" and index.matrix is None and index.info.count == 5
    expected = index.search(QUERIES, 3)
    assert expected.indices[:, 0].tolist() == [0, 1, 3, 2]  # the answers are known
    add_index(project, index)
    root = project.save(tmp_path / "Faq")
    assert sorted(p.name for p in (root / INDEX_FOLDER / "faq").iterdir()) == ["bank.json", "index.json"]

    reopened = Project.open(root)
    assert reopened.warnings == [] and index_names(reopened) == ["faq"]
    loaded = load_index(reopened, "faq")
    assert loaded.bank == BANK and loaded.info == index.info
    same_hits(loaded.search(QUERIES, 3), expected)

    elsewhere = Project.open(root).save(tmp_path / "Copy")  # Save As copies the files
    same_hits(load_index(Project.open(elsewhere), "faq").search(QUERIES, 3), expected)

    archive = export_project(elsewhere, tmp_path / "faq.zip")
    unpacked = import_project(archive, tmp_path / "Unpacked.studio")
    same_hits(load_index(Project.open(unpacked), "faq").search(QUERIES, 3), expected)


def test_an_index_removed_is_deleted_on_save_and_names_are_checked(tmp_path):
    project = Project()
    add_index(project, build_index(BANK, IndexSpec(), project, name="a"))
    add_index(project, build_index(BANK, IndexSpec(tokenizer="jieba"), project, name="b"))
    root = project.save(tmp_path / "P")
    reopened = Project.open(root)
    remove_index(reopened, "a")
    reopened.save()
    assert sorted(p.name for p in (root / INDEX_FOLDER).iterdir()) == ["b"]
    assert index_names(Project.open(root)) == ["b"]
    with pytest.raises(ConfigError) as info:
        remove_index(reopened, "a")
    assert info.value.code == "retrieval.no_such_index"
    for bad in ("../out", ".hidden", "a/b", "", "x" * 65):
        with pytest.raises(ConfigError) as info:
            build_index(BANK, IndexSpec(), project, name=bad)
        assert info.value.code == "retrieval.bad_index_name"


def test_a_project_saved_before_indexes_existed_opens_without_any(tmp_path):
    saved = Path(__file__).resolve().parents[1] / "data" / "projects" / "v2"
    project = Project.open(shutil.copytree(saved, tmp_path / "v2"))
    assert project.indexes == [] and index_names(project) == []
    with pytest.raises(ConfigError) as info:
        pair_scorer(project, project.runs[0].id)  # a classification run cannot rerank
    assert info.value.code == "retrieval.not_a_pair_run"


# ----- vectors --------------------------------------------------------------------------
def char_vectors() -> tuple[VectorSet, KeyedVectors]:
    chars = sorted({ch for text in BANK.questions + QUERIES for ch in text})
    vectors = KeyedVectors(vector_size=8)
    vectors.add_vectors(chars, np.random.default_rng(0).normal(size=(len(chars), 8)).astype(np.float32))
    path = save_vectors(vectors, scratch_dir() / "chars.bin")
    entry = VectorSet(name="chars", path=str(path), source="trained", dimension=8, count=len(chars),
                      tokenizer=TokenizerConfig(type="char"))
    return entry, vectors


def test_a_word_vector_index_survives_save_and_reopen(tmp_path):
    entry, vectors = char_vectors()
    project = Project(name="Vec")
    project.vectors.append(entry)
    with pytest.raises(ConfigError) as info:
        build_index(BANK, IndexSpec(method="word_vectors", vectors="nope"), project)
    assert info.value.code == "retrieval.no_such_vectors"
    index = build_index(BANK, IndexSpec(method="word_vectors", vectors="chars"), project, name="vec")
    assert index.spec.tokenizer == "char"  # the vector set's own
    assert index.matrix.shape == (5, 8) and index.matrix.dtype == np.float32
    expected = index.search(QUERIES, 5)
    add_index(project, index)
    root = project.save(tmp_path / "Vec")
    reopened = Project.open(root)
    loaded = load_index(reopened, "vec")  # the vectors are read again from the project's copy
    np.testing.assert_array_equal(loaded.matrix, index.matrix)
    same_hits(loaded.search(QUERIES, 5), expected)
    again = load_index(Project.open(root), "vec", vectors=vectors)  # or taken from memory
    same_hits(again.search(QUERIES, 5), expected)


def test_a_siamese_index_survives_save_and_reopen(pair_project, tmp_path):
    project = Project.open(shutil.copytree(pair_project, tmp_path / "P.studio"))
    siamese = run_of(project, "siamese")
    assert [run.id for run in encoder_runs(project)] == [siamese]
    assert len(pair_runs(project)) == 3
    with pytest.raises(ConfigError) as info:
        build_index(BANK, IndexSpec(method="siamese", run=run_of(project, "esim")), project)
    assert info.value.code == "retrieval.not_an_encoder"
    index = build_index(BANK, IndexSpec(method="siamese", run=siamese), project, name="siamese")
    assert index.matrix.shape == (5, 64)  # mean and max of a 16-unit BiLSTM both ways
    expected = index.search(QUERIES, 5)
    add_index(project, index)
    project.save()
    same_hits(load_index(Project.open(project.path), "siamese").search(QUERIES, 5), expected)


# ----- reranking, each query tokenized once ------------------------------------------------
@pytest.mark.parametrize("model", ["esim", "textcnn"])
def test_reranking_tokenizes_once_and_keeps_the_order(pair_project, model):
    project = Project.open(pair_project)
    scorer = pair_scorer(project, run_of(project, model))
    index = build_index(BANK, IndexSpec(), project)
    hits = index.search(QUERIES, 5)
    pairwise = rerank(QUERIES, BANK.questions, hits, lambda a, b: PairScorer.__call__(scorer, a, b))

    tokenizer = scorer.predictor.tokenizer
    cut, calls = tokenizer.tokenize, []
    tokenizer.tokenize = lambda text: calls.append(text) or cut(text)
    try:
        once = rerank(QUERIES, BANK.questions, hits, scorer)
    finally:
        del tokenizer.tokenize
    assert sorted(calls) == sorted(QUERIES + BANK.questions)  # 4 queries + 5 candidates, not 4 × 5 pairs
    assert once.indices.tolist() == pairwise.indices.tolist()
    np.testing.assert_allclose(once.scores, pairwise.scores, rtol=1e-5, atol=1e-6)
    # the tokens are those Predictor.tokenize gives the pairs spelled out
    left = [q for q in QUERIES for _ in range(5)]
    right = [BANK.questions[i] for i in hits.indices.reshape(-1)]
    direct = scorer.predictor.probabilities(left, right)[:, scorer.column].numpy().reshape(4, 5)
    np.testing.assert_allclose(scorer.score_hits(QUERIES, BANK.questions, hits.indices), direct, rtol=1e-5,
                               atol=1e-6)
    # in blocks (as evaluate_retrieval reranks) sharing row_tokens, a bank row is still cut once
    calls.clear()
    tokenizer.tokenize = lambda text: calls.append(text) or cut(text)
    row_tokens: dict[int, list[str]] = {}
    try:
        blocks = [rerank(QUERIES[s:s + 2], BANK.questions, Hits(hits.indices[s:s + 2], hits.scores[s:s + 2]), scorer,
                         row_tokens) for s in (0, 2)]
    finally:
        del tokenizer.tokenize
    assert sorted(calls) == sorted(QUERIES + BANK.questions)  # each block recalls all 5 rows
    assert np.concatenate([b.indices for b in blocks]).tolist() == once.indices.tolist()


# ----- one question on a large bank -------------------------------------------------------
def test_one_query_through_the_float16_copy_finds_what_the_float32_search_finds():
    from studio.core.retrieval.search import HALF_FROM, cosine_top_k, cosine_top_k_one, half_copy, normalised

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(50, 32))
    bank = normalised(centres[rng.integers(0, 50, HALF_FROM)] + 0.3 * rng.normal(size=(HALF_FROM, 32)))
    bank[7] = bank[3]  # a tie: the lower row comes first, as in top_k
    queries = np.vstack([bank[3], centres[:20] + 0.3 * rng.normal(size=(20, 32))])
    half = half_copy(bank)
    exact = cosine_top_k(queries, bank, 20)
    for row, query in enumerate(queries):
        one = cosine_top_k_one(query, bank, half, 20)
        assert one.indices[0].tolist() == exact.indices[row].tolist()
        np.testing.assert_allclose(one.scores[0], exact.scores[row], rtol=1e-6, atol=1e-6)
    assert exact.indices[0, :2].tolist() == [3, 7]
    recall = recall_over(bank)
    assert recall.search(["q"], 5).indices.tolist() == cosine_top_k(bank[:1], bank, 5).indices.tolist()
    assert recall._half is not None  # the single query went through the float16 copy


def recall_over(bank):
    """A vector recall over ``bank`` whose encoder gives every text the bank's first row."""
    from studio.core.retrieval.vectors import VectorRecall

    return VectorRecall.from_matrix(bank, lambda texts: np.repeat(bank[:1], len(texts), axis=0))


def test_evaluation_reranks_in_blocks_as_one_call_would(monkeypatch):
    from studio.core.report import Reporter
    from studio.core.retrieval import evaluate_retrieval, retrieval_metrics, retrieval_set, store

    rset = retrieval_set(QUERIES, [BANK.questions[i] for i in (0, 1, 3, 2)], ["1"] * 4)
    seen = []

    def by_length(left, right):  # a scorer that prefers short candidates
        seen.append(len(left))
        return np.array([1.0 / len(b) for b in right])

    progress = []
    monkeypatch.setattr(store, "RERANK_BLOCK", 3)
    result = evaluate_retrieval(rset, IndexSpec(), Project(), by_length, depth=4,
                                report=Reporter(on_progress=progress.append))
    assert seen == [3 * 4, 1 * 4] and progress[-1] == 1.0
    index = build_index(QuestionBank(rset.bank), IndexSpec(), Project())
    hits = index.search(rset.queries, 4)
    assert result.recall == retrieval_metrics(hits, rset.answers)
    assert result.reranked == retrieval_metrics(rerank(rset.queries, rset.bank, hits, by_length), rset.answers)
    assert (result.queries, result.bank) == (4, 4)
