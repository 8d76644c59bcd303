"""Question retrieval: a hand-made bank whose answers are known (BM25, averaged word
vectors, a Siamese encoder's vectors), metrics computed by hand, reranking with a fake
pair scorer, and BM25 on a slice of LCQMC dev."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
import torch
from gensim.models import KeyedVectors

from studio.core.errors import ConfigError, DataFormatError
from studio.core.models import build_model, default_config
from studio.core.retrieval import (
    AveragedWordVectors,
    BM25Recall,
    Hits,
    PairScorer,
    QuestionBank,
    SentenceEncoder,
    VectorRecall,
    answer_ranks,
    read_bank,
    read_retrieval_set,
    rerank,
    reranked_order,
    retrieval_metrics,
    retrieval_set,
    top_k,
)
from studio.core.text.tokenizers import Tokenizer, TokenizerConfig
from studio.core.text.vocab import Vocab
from tests.conftest import shared_file, write_slice

BANK = [
    "怎么修改银行卡密码",
    "信用卡怎么还款",
    "如何注销我的账号",
    "今天天气怎么样",
    "手机丢了怎么办",
]


# ----- top-k


def test_top_k_orders_best_first_and_keeps_lower_index_on_ties():
    hits = top_k(np.array([[1.0, 3.0, 3.0, 0.0, 2.0], [5.0, 4.0, 3.0, 2.0, 1.0]]), 3)
    assert hits.indices.tolist() == [[1, 2, 4], [0, 1, 2]]
    assert hits.scores.tolist() == [[3.0, 3.0, 2.0], [5.0, 4.0, 3.0]]
    assert top_k(np.array([[0.1, 0.3]]), 5).indices.tolist() == [[1, 0]]
    with pytest.raises(ValueError):
        top_k(np.zeros((1, 3)), 0)


# ----- the bank


def test_bank_from_list_drops_blank_questions_and_keeps_answers():
    bank = QuestionBank.from_list([" 问题一 ", "", "问题二"], ["答一", "空", "答二"])
    assert bank.questions == ["问题一", "问题二"]
    assert bank.answers == ["答一", "答二"]
    with pytest.raises(DataFormatError) as caught:
        QuestionBank.from_list(["  ", ""])
    assert caught.value.code == "retrieval.empty_bank"


def test_read_bank_reads_questions_and_answers_from_a_file(tmp_path):
    path = tmp_path / "bank.tsv"
    path.write_text("".join(f"{q}\t答案{i}\n" for i, q in enumerate(BANK)), encoding="utf-8")
    bank = read_bank(path, answer_column=1)
    assert bank.questions == BANK
    assert bank.answers == [f"答案{i}" for i in range(len(BANK))]
    assert read_bank(path).answers is None
    with pytest.raises(ConfigError) as caught:
        read_bank(path, answer_column=5)
    assert caught.value.code == "retrieval.no_such_column"


# ----- BM25


@pytest.mark.parametrize("kind", ["char", "jieba"])
def test_bm25_finds_exact_and_near_duplicate_questions(kind):
    recall = BM25Recall(BANK, Tokenizer(TokenizerConfig(type=kind)))
    hits = recall.search(["如何注销我的账号", "银行卡的密码怎么修改", "信用卡如何还款", "手机丢了"], k=3)
    assert hits.indices[:, 0].tolist() == [2, 0, 1, 4]
    assert hits.indices.shape == (4, 3)
    assert np.all(np.diff(hits.scores, axis=1) <= 0)


def test_bm25_query_sharing_no_token_scores_zero():
    recall = BM25Recall(BANK)
    hits = recall.search(["xyz"], k=2)
    assert hits.scores.tolist() == [[0.0, 0.0]]
    assert recall.search([], k=2).indices.shape == (0, 2)


# ----- vectors


def tiny_vectors() -> KeyedVectors:
    kv = KeyedVectors(3)
    kv.add_vectors(["cat", "dog", "car", "truck", "sky", "blue"],
                   np.array([[1, 0, 0], [0.9, 0.1, 0], [0, 1, 0], [0.1, 0.9, 0.1], [0, 0, 1], [0, 0.1, 1]],
                            dtype=np.float32))
    return kv


WHITESPACE = Tokenizer(TokenizerConfig(type="whitespace"))


def test_averaged_word_vectors_skip_unknown_tokens():
    vectors = AveragedWordVectors(tiny_vectors(), WHITESPACE)(["cat car unknown", "unknown", ""])
    np.testing.assert_allclose(vectors[0], [0.5, 0.5, 0.0])
    assert not vectors[1].any() and not vectors[2].any()


def test_vector_recall_finds_the_nearest_question():
    recall = VectorRecall(["cat", "car", "blue sky"], AveragedWordVectors(tiny_vectors(), WHITESPACE))
    hits = recall.search(["dog", "truck", "sky", "cat"], k=2)
    assert hits.indices[:, 0].tolist() == [0, 1, 2, 0]
    assert hits.scores[3, 0] == pytest.approx(1.0)
    assert hits.scores[0, 0] > hits.scores[0, 1]
    unknown = recall.search(["unknown"], k=3)
    assert unknown.scores.tolist() == [[0.0, 0.0, 0.0]]


def siamese_predictor(name: str = "siamese") -> SimpleNamespace:
    """What :class:`SentenceEncoder` reads of a Predictor, around an untrained model."""
    torch.manual_seed(0)
    tokens = sorted({ch for text in BANK for ch in text})
    vocab = Vocab(["<pad>", "<unk>", *tokens])
    config = {**default_config(name).model_dump(), "embedding_dim": 12}
    if name == "siamese":
        config["hidden_size"] = 10
    return SimpleNamespace(model=build_model(config, len(vocab), 2), tokenizer=Tokenizer(), vocab=vocab,
                           max_len=16, device=torch.device("cpu"))


def test_siamese_sentence_vectors_recall_each_question_itself():
    encoder = SentenceEncoder(siamese_predictor())
    assert encoder(BANK[:2]).shape == (2, 40)  # mean and max of a 2 x 10 BiLSTM
    hits = VectorRecall(BANK, encoder).search(BANK, k=1)
    assert hits.indices[:, 0].tolist() == list(range(len(BANK)))
    np.testing.assert_allclose(hits.scores[:, 0], 1.0, rtol=1e-5)


def test_a_model_without_sentence_vectors_is_refused():
    with pytest.raises(ConfigError) as caught:
        SentenceEncoder(siamese_predictor("esim"))
    assert caught.value.code == "retrieval.not_an_encoder"


# ----- metrics


def test_metrics_as_computed_by_hand():
    hits = Hits(np.array([[2, 0, 1, 3], [1, 2, 0, 3], [3, 2, 1, 0], [0, 1, 2, 3]]), np.zeros((4, 4)))
    answers = np.array([0, 1, 0, 4])  # ranks 2, 1, 4, not recalled
    assert answer_ranks(hits, answers).tolist() == [2, 1, 4, 0]
    metrics = retrieval_metrics(hits, answers, recall_at=(1, 2, 5), mrr_at=3)
    assert metrics == pytest.approx({"recall@1": 1 / 4, "recall@2": 2 / 4, "recall@5": 3 / 4,
                                     "mrr@3": (1 / 2 + 1 + 0 + 0) / 4})


def test_retrieval_set_of_pairs_uses_positive_pairs_over_every_text_b():
    found = retrieval_set(["q1", "q2", "q3", "q4"], ["b1", "b2", "b1", "b3"], ["1", "0", "1", "1"])
    assert found.queries == ["q1", "q3", "q4"]
    assert found.bank == ["b1", "b2", "b3"]
    assert found.answers.tolist() == [0, 0, 2]
    with pytest.raises(DataFormatError) as caught:
        retrieval_set(["q"], ["b"], ["0"])
    assert caught.value.code == "retrieval.no_positive_pairs"


# ----- reranking


def test_reranking_with_a_fake_scorer_reorders_and_improves_mrr():
    queries = ["银行卡密码忘了", "信用卡还款"]
    answers = np.array([0, 1])
    recalled = Hits(np.array([[3, 0, 1], [0, 2, 1]]), np.array([[0.9, 0.8, 0.1], [0.7, 0.6, 0.5]]))
    truth = {("银行卡密码忘了", BANK[0]), ("信用卡还款", BANK[1])}
    calls = []

    def scorer(left, right):
        calls.append(len(left))
        return np.array([0.95 if (a, b) in truth else 0.2 for a, b in zip(left, right, strict=True)])

    reranked = rerank(queries, BANK, recalled, scorer, recall_weight=0.0)
    assert calls == [6]  # every pair in one call
    assert reranked.indices.tolist() == [[0, 3, 1], [1, 0, 2]]  # ties keep the recall order
    assert reranked.scores[:, 0] == pytest.approx([0.95, 0.95])
    before, after = retrieval_metrics(recalled, answers), retrieval_metrics(reranked, answers)
    assert before["mrr@10"] == pytest.approx((1 / 2 + 1 / 3) / 2)
    assert after["mrr@10"] == 1.0 > before["mrr@10"]


def test_reranked_order_lets_the_recall_score_decide_between_sure_matches():
    recalled = Hits(np.array([[5, 7, 9]]), np.array([[12.0, 6.0, 3.0]]))  # BM25 scores, best first
    sure = np.array([[0.985, 0.99, 0.10]])  # the model is sure of both 5 and 7
    assert reranked_order(recalled, sure, 0.0).indices.tolist() == [[7, 5, 9]]
    both = reranked_order(recalled, sure, 1.0)
    assert both.indices.tolist() == [[5, 7, 9]]  # 0.4 nats of log-odds lose to 1.6 standard deviations of BM25
    assert both.scores[0].tolist() == pytest.approx([0.985, 0.99, 0.10])  # shown: the probabilities
    unsure = np.array([[0.10, 0.95, 0.05]])
    assert reranked_order(recalled, unsure, 1.0).indices.tolist() == [[7, 5, 9]]  # a clear match still wins
    flat = Hits(np.array([[1, 2]]), np.array([[4.0, 4.0]]))
    assert reranked_order(flat, np.array([[0.3, 0.6]]), 5.0).indices.tolist() == [[2, 1]]  # equal recall: no say
    for weight in (-1.0, float("nan")):
        with pytest.raises(ValueError, match="recall_weight"):
            reranked_order(recalled, sure, weight)
    with pytest.raises(ValueError, match="do not match"):
        reranked_order(recalled, sure[:, :2], 1.0)


def test_pair_scorer_reads_the_positive_labels_probability():
    predictor = SimpleNamespace(label_names=["0", "1"], probabilities=lambda texts, pairs: torch.tensor(
        [[0.8, 0.2], [0.3, 0.7]]))
    assert PairScorer(predictor)(["a", "b"], ["c", "d"]) == pytest.approx([0.2, 0.7])
    assert PairScorer(predictor, positive="0")(["a", "b"], ["c", "d"]) == pytest.approx([0.8, 0.3])


# ----- LCQMC


def test_bm25_recall_on_an_lcqmc_dev_slice_is_far_above_chance(tmp_path):
    path = write_slice(shared_file("lcqmc", "dev.txt"), tmp_path / "dev.txt", 300)
    found = read_retrieval_set(path)
    assert 100 < len(found.queries) <= 300 and len(found.bank) > 200
    hits = BM25Recall(found.bank).search(found.queries, k=20)
    metrics = retrieval_metrics(hits, found.answers)
    chance = 10 / len(found.bank)
    assert metrics["recall@10"] > 0.8 > 10 * chance
    assert metrics["recall@1"] <= metrics["recall@5"] <= metrics["recall@10"] <= metrics["recall@20"]
    assert 0 < metrics["mrr@10"] <= metrics["recall@10"]
