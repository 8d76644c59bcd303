"""`studio retrieve build | query | evaluate | list | remove` on a hand-made bank whose
answers are known, and reranking with a pair run trained by `studio train`."""

from __future__ import annotations

import importlib
import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pytest

from studio.cli import HEADLESS, build_parser, main
from tests.conftest import shared_file, write_slice

BANK = [("怎么修改银行卡密码", "在设置里修改"), ("信用卡怎么还款", "用手机银行还"),
        ("如何注销我的账号", "联系客服注销"), ("今天天气怎么样", "晴"), ("手机丢了怎么办", "先挂失")]
# query -> its answer in BANK; plus pairs labelled 0 that must not become queries
PAIRS = [("银行卡密码怎么改", BANK[0][0], "1"), ("信用卡还款", BANK[1][0], "1"), ("注销账号", BANK[2][0], "1"),
         ("明天天气怎么样", BANK[3][0], "1"), ("手机丢了", BANK[4][0], "1"), ("手机丢了", BANK[0][0], "0")]


def studio(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    bank = tmp_path / "bank.tsv"
    bank.write_text("".join(f"{q}\t{a}\n" for q, a in BANK), encoding="utf-8")
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("".join(f"{a}\t{b}\t{label}\n" for a, b, label in PAIRS), encoding="utf-8")
    return bank, pairs


@pytest.mark.parametrize("command", ["build", "query", "evaluate", "list", "remove"])
def test_help_documents_every_option(command, capsys):
    assert "retrieve" in HEADLESS
    with pytest.raises(SystemExit) as exit_info:
        main(["retrieve", command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    retrieve = build_parser()._subparsers._group_actions[0].choices["retrieve"]
    sub = retrieve._subparsers._group_actions[0].choices[command]
    for action in sub._actions:
        if action.dest != "help":
            assert action.help, f"retrieve {command} {action.option_strings or action.dest} has no help"
            if action.option_strings:
                assert action.option_strings[-1] in text


def test_build_query_list_and_remove(files, tmp_path):
    bank, _ = files
    project = tmp_path / "Faq"
    code, out, err = studio("retrieve", "build", str(project), str(bank), "--answer-column", "2", "--name", "faq")
    assert code == 0, err
    assert "index 'faq' (bm25, char tokens): 5 questions with answers" in out
    code, out, err = studio("retrieve", "query", str(project), "银行卡密码怎么改", "明天天气", "--k", "2", "--json")
    assert code == 0, err
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["recall"][0]["question"] == BANK[0][0] and first["recall"][0]["answer"] == BANK[0][1]
    assert second["recall"][0]["question"] == BANK[3][0] and len(second["recall"]) == 2
    assert first["recall"][0]["score"] > first["recall"][1]["score"]
    code, out, _ = studio("retrieve", "query", str(project) + ".studio", "注销账号", "--k", "1")
    assert code == 0 and "1" in out and f"{BANK[2][0]}  → {BANK[2][1]}" in out

    code, out, _ = studio("retrieve", "build", str(project), str(bank), "--tokenizer", "jieba", "--name", "words")
    assert code == 0
    code, out, _ = studio("retrieve", "list", str(project))
    assert [line.split("\t")[:2] for line in out.splitlines()] == [["faq", "bm25, char tokens"],
                                                                  ["words", "bm25, jieba tokens"]]
    code, out, _ = studio("retrieve", "remove", str(project), "faq")
    assert code == 0
    code, out, _ = studio("retrieve", "list", str(project), "--json")
    assert [entry["name"] for entry in json.loads(out)] == ["words"]


@pytest.mark.parametrize("args, words", [
    (["query", "{p}", "x", "--index", "nope"], "no retrieval index 'nope'"),
    (["query", "{p}", "x", "--k", "0"], "--k 0: give at least 1"),
    (["build", "{p}", "{bank}", "--name", "../out"], "cannot name an index"),
    (["build", "{p}", "{bank}", "--method", "word_vectors"], "needs a vector set"),
    (["build", "{p}", "{bank}", "--method", "siamese", "--run", "r1"], "no run 'r1'"),
    (["build", "{p}", "{bank}", "--question-column", "7"], "no column 7"),
    (["evaluate", "{p}", "{bank}"], "no column 3"),
    (["query", "{p}", "x", "--rerank", "r1"], "no run 'r1'"),
    (["query", "{p}", "x", "--recall-weight", "-1"], "--recall-weight -1.0: give a number of 0 or more"),
])
def test_errors_are_worded(files, tmp_path, args, words):
    bank, _ = files
    project = tmp_path / "Faq"
    assert studio("retrieve", "build", str(project), str(bank))[0] == 0
    code, _, err = studio("retrieve", *[a.format(p=project, bank=bank) for a in args])
    assert code == 2 and words in err, err


def test_evaluate_reports_recall_and_mrr(files, tmp_path):
    bank, pairs = files
    project = tmp_path / "Faq"
    assert studio("retrieve", "build", str(project), str(bank))[0] == 0
    code, out, err = studio("retrieve", "evaluate", str(project), str(pairs), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["queries"] == 5 and report["bank"] == 5 and report["reranked"] is None
    assert report["recall"]["recall@1"] == 1.0 and report["recall"]["mrr@10"] == 1.0  # every answer first
    assert set(report["recall"]) == {"recall@1", "recall@5", "recall@10", "recall@20", "mrr@10"}
    code, out, _ = studio("retrieve", "evaluate", str(project), str(pairs), "--index", "index", "--depth", "1")
    assert code == 0 and "5 queries, a bank of 5 questions; top 1 recalled" in out
    assert "bm25, char tokens" in out and "1.0000" in out


def test_query_and_evaluate_with_a_pair_run_reranking(files, tmp_path, monkeypatch):
    bank, pairs = files
    train = write_slice(shared_file("lcqmc", "train.txt"), tmp_path / "lcqmc.txt", 300)
    project = tmp_path / "Pairs.studio"
    code, out, err = studio("train", str(train), "--model", "esim", "--set", "embedding_dim=8",
                            "--set", "hidden_size=8", "--epochs", "1", "--max-len", "16", "--out", str(project))
    assert code == 0, err
    run_id = next(p.name for p in (project / "runs").iterdir())
    assert studio("retrieve", "build", str(project), str(bank), "--answer-column", "2")[0] == 0
    rerank_module = importlib.import_module("studio.core.retrieval.rerank")  # the name is shadowed by rerank()

    weights = []
    order = rerank_module.reranked_order
    monkeypatch.setattr(rerank_module, "reranked_order", lambda h, p, w: weights.append(w) or order(h, p, w))
    code, out, err = studio("retrieve", "query", str(project), "银行卡密码怎么改", "--k", "3", "--rerank", run_id,
                            "--recall-weight", "0", "--json")
    assert weights == [0.0]  # the option reaches the reranking
    assert code == 0, err
    result = json.loads(out)
    assert {row["row"] for row in result["rerank"]} == {row["row"] for row in result["recall"]}
    probabilities = [row["score"] for row in result["rerank"]]
    assert probabilities == sorted(probabilities, reverse=True) and all(0 <= p <= 1 for p in probabilities)
    code, out, err = studio("retrieve", "query", str(project), "银行卡密码怎么改", "--k", "3", "--rerank", run_id,
                            "--json")
    assert code == 0, err
    blended = json.loads(out)["rerank"]  # the same probabilities, ordered with the BM25 scores' help
    assert sorted(row["score"] for row in blended) == pytest.approx(sorted(probabilities))
    code, out, err = studio("retrieve", "query", str(project), "银行卡密码怎么改", "--k", "3", "--rerank", run_id)
    assert code == 0 and f"reranked by {run_id} (recall weight 1):" in out and "recall (bm25, char tokens):" in out
    code, out, err = studio("retrieve", "evaluate", str(project), str(pairs), "--rerank", run_id, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["rerank"] == run_id and report["recall_weight"] == 1.0 and set(weights[1:]) == {1.0}
    assert set(report["reranked"]) == set(report["recall"])
    assert report["reranked"]["recall@5"] == 1.0  # reranking the whole bank of 5 keeps every answer
