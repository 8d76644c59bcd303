"""The Retrieval tab: a bank whose answers are known, BM25 recall, reranking by a pair
run, the "did you mean" cut-off, evaluation, and an index kept with the project."""

from __future__ import annotations

import importlib

import pytest

from studio.core.data.dataset import DatasetConfig
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run
from studio.gui import i18n
from studio.gui.widgets.retrieval_results import Ranked, verdict
from tests.conftest import shared_file, write_slice

BANK = [
    ("怎么修改支付宝密码", "在设置里选择安全中心，再修改登录密码。"),
    ("花呗怎么还款", "打开花呗，点立即还款。"),
    ("信用卡逾期了怎么办", "尽快还清欠款，并联系银行说明情况。"),
    ("如何开通网上银行", "带身份证和银行卡到柜台办理。"),
    ("手机丢了怎么冻结账户", "拨打客服电话申请临时冻结。"),
]


@pytest.fixture
def bank_file(tmp_path):
    path = tmp_path / "faq.tsv"
    path.write_text("".join(f"{q}\t{a}\n" for q, a in BANK), encoding="utf-8")
    return path


@pytest.fixture
def pair_run(tmp_path):
    """A tiny ESIM run on a slice of LCQMC: it only has to score pairs."""
    train = write_slice(shared_file("lcqmc", "train.txt"), tmp_path / "lcqmc.txt", 300)
    settings = Settings(dataset=DatasetConfig(train=str(train), text_column=0, text_pair_column=1, label_column=2),
                        text=TextConfig(max_len=24), model={"type": "esim", "embedding_dim": 16, "hidden_size": 16},
                        training=TrainingConfig(epochs=1, batch_size=64, device="cpu"))
    return execute_run(settings)


def built(qtbot, window, bank_file):
    """The Retrieval tab with the FAQ bank read and a BM25 (char) index built."""
    tab = window.retrieval_tab
    window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.bankReady, timeout=20000):
        tab.read_bank_file(str(bank_file))
    assert tab.bank.questions == [q for q, _ in BANK] and tab.bank.answers == [a for _, a in BANK]
    assert tab.bank_box.answer_combo.currentData() == 1  # a two-column file: questions, then answers
    assert tab.recall_box.method() == "bm25" and tab.recall_box.build_button.isEnabled()
    with qtbot.waitSignal(tab.indexReady, timeout=30000):
        tab.recall_box.build_button.click()
    assert tab.index is not None and len(tab.index.bank) == len(BANK)
    return tab


def ask(qtbot, tab, question: str):
    with qtbot.waitSignal(tab.answered, timeout=30000) as blocker:
        tab.results.question.setText(question)
        tab.results.question.returnPressed.emit()
    return blocker.args[0]


def cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def test_the_verdict_follows_the_cutoffs():
    ranked = Ranked([3, 1, 4], [0.7, 0.4, 0.1], "probability")
    assert verdict(ranked, 0.5, 0.2).kind == "match" and verdict(ranked, 0.5, 0.2).rows == [3]
    assert verdict(ranked, 0.8, 0.3) == verdict(ranked, 0.8, 0.3)
    assert verdict(ranked, 0.8, 0.3).kind == "suggest" and verdict(ranked, 0.8, 0.3).rows == [3, 1]
    assert verdict(ranked, 0.8, 0.75).kind == "none"
    blended = Ranked([5, 2, 8], [0.45, 0.6, 0.2], "probability")  # reranked with the recall's help
    assert verdict(blended, 0.5, 0.2).kind == "match" and verdict(blended, 0.5, 0.2).rows == [2]


def test_bm25_recall_answers_a_question_from_a_file_bank(qtbot, window, bank_file):
    tab = built(qtbot, window, bank_file)
    answered = ask(qtbot, tab, "支付宝的密码怎么改")
    assert answered.reranked is None  # no pair run: recall only
    table = tab.results.recalled_table
    assert table.rowCount() == len(BANK)  # k = 20 > the bank
    assert cell(table, 0, 1) == "怎么修改支付宝密码" and cell(table, 0, 2) == BANK[0][1]
    assert float(cell(table, 0, 3)) > float(cell(table, 1, 3))
    assert tab.results.reranked_table.rowCount() == 0 and not tab.results.reranked_box.isEnabled()
    # without reranking the cut-off is on the BM25 score
    assert "BM25" in tab.results.scale_label.text()
    top = float(cell(table, 0, 3))
    tab.results.set_cutoffs(top - 0.01, 0.0)
    assert tab.results.verdict.kind == "match"
    assert tab.results.verdict_label.text().startswith("Best match: 怎么修改支付宝密码")
    assert BANK[0][1] in tab.results.verdict_label.text()
    tab.results.set_cutoffs(top + 1, top - 0.01)
    assert tab.results.verdict.kind == "suggest"
    assert tab.results.verdict_label.text().startswith("Did you mean: 怎么修改支付宝密码?")
    tab.results.set_cutoffs(top + 2, top + 1)
    assert tab.results.verdict.kind == "none"
    assert tab.results.verdict_label.text() == "No stored question matches."
    # k bounds both lists
    with qtbot.waitSignal(tab.answered, timeout=30000):
        tab.recall_box.k_spin.setValue(2)
    assert table.rowCount() == 2
    # a switch of language keeps the choices and the answer
    i18n.apply_language("zh_CN")
    assert tab.bank_box.answer_combo.currentData() == 1 and tab.bank_box.question_combo.currentData() == 0
    assert table.rowCount() == 2 and tab.results.verdict is not None


def test_a_pair_run_reranks_and_the_cutoff_moves_to_its_probability(qtbot, window, bank_file, pair_run,
                                                                     monkeypatch):
    tab = built(qtbot, window, bank_file)
    assert tab.rerank_box.combo.count() == 1 and "No pair run yet" in tab.rerank_box.hint.text()
    window.model.add_run(pair_run)
    assert tab.rerank_box.combo.count() == 2 and tab.rerank_box.hint.text() == ""
    assert not tab.rerank_box.weight_spin.isEnabled()  # no run, nothing to weigh
    tab.rerank_box.combo.setCurrentIndex(1)
    assert tab.rerank_box.weight_spin.isEnabled() and tab.rerank_box.recall_weight() == 1.0
    tab.rerank_box.weight_spin.setValue(0.0)  # the match probability alone
    answered = ask(qtbot, tab, "花呗要怎么还款")
    assert answered.reranked is not None
    recalled, reranked = tab.results.recalled_table, tab.results.reranked_table
    assert reranked.rowCount() == recalled.rowCount() == len(BANK) and tab.results.reranked_box.isEnabled()
    probabilities = [float(cell(reranked, row, 3)) for row in range(reranked.rowCount())]
    assert probabilities == sorted(probabilities, reverse=True) and all(0 <= p <= 1 for p in probabilities)
    # the same questions, reordered
    assert {cell(reranked, r, 1) for r in range(len(BANK))} == {cell(recalled, r, 1) for r in range(len(BANK))}
    assert "match probability" in tab.results.scale_label.text()
    top = probabilities[0]
    tab.results.set_cutoffs(max(0.0, top - 0.01), 0.0)
    assert tab.results.verdict.kind == "match"
    assert tab.results.verdict_label.text().startswith(f"Best match: {cell(reranked, 0, 1)}")
    tab.results.set_cutoffs(1.0, 1.0)
    assert tab.results.verdict.kind == "none"  # the tiny run is never that sure
    # the recall score counting again: the same probabilities, asked again at once
    rerank_module = importlib.import_module("studio.core.retrieval.rerank")  # the name is shadowed by rerank()

    weights = []
    order = rerank_module.reranked_order
    monkeypatch.setattr(rerank_module, "reranked_order", lambda h, p, w: weights.append(w) or order(h, p, w))
    with qtbot.waitSignal(tab.answered, timeout=30000):
        tab.rerank_box.weight_spin.setValue(2.0)
    assert weights == [2.0]  # the spin box reaches the reranking
    again = [float(cell(reranked, row, 3)) for row in range(reranked.rowCount())]
    assert sorted(again) == pytest.approx(sorted(probabilities), abs=1e-4)


def test_evaluation_fills_the_table_for_recall_and_rerank(qtbot, window, bank_file, pair_run, tmp_path):
    dev = write_slice(shared_file("lcqmc", "dev.txt"), tmp_path / "dev.txt", 200)
    tab = built(qtbot, window, bank_file)
    window.model.add_run(pair_run)
    tab.rerank_box.combo.setCurrentIndex(1)
    evaluation = tab.evaluation
    assert not evaluation.button.isEnabled()  # no file yet
    evaluation.picker.set_path(str(dev))
    evaluation.picker.pathChanged.emit(str(dev))
    assert evaluation.button.isEnabled()
    with qtbot.waitSignal(tab.evaluated, timeout=120000) as blocker:
        evaluation.button.click()
    result = blocker.args[0]
    assert result.queries > 0 and result.reranked is not None
    table = evaluation.table
    assert table.rowCount() == 2 and table.columnCount() == 5
    assert table.verticalHeaderItem(0).text() == "BM25: recall"
    assert table.verticalHeaderItem(1).text() == f"reranked by {pair_run.id}, recall's weight 1"
    values = [[float(table.item(r, c).text()) for c in range(5)] for r in range(2)]
    for row in values:
        assert 0 <= row[0] <= row[1] <= row[2] <= row[3] <= 1  # Recall@1 ≤ @5 ≤ @10 ≤ @20
    assert values[0][3] == values[1][3]  # reranking reorders the top 20, never finds more
    assert "questions of dev.txt" in evaluation.note.text()


def test_the_kept_index_opens_with_the_project(qtbot, make_window, bank_file, tmp_path):
    window = make_window()
    tab = built(qtbot, window, bank_file)
    assert tab.index.name == "faq-bm25" and tab.index_box.name_edit.text() == "faq-bm25"
    assert tab.index_box.combo.count() == 0 and not tab.index_box.open_button.isEnabled()
    tab.index_box.name_edit.setText("faq chars")  # a space: refused
    tab.index_box.keep_button.click()
    assert tab.index_box.combo.count() == 0
    tab.index_box.name_edit.setText("faq-chars")
    tab.index_box.keep_button.click()
    assert tab.index_box.combo.currentData() == "faq-chars" and window.model.dirty
    root = window.model.save(tmp_path / "FAQ")
    assert (root / "retrieval" / "faq-chars").is_dir()
    window.close()

    again = make_window()
    tab = again.retrieval_tab
    with qtbot.waitSignal(tab.indexReady, timeout=30000):
        again.open_project(root)
    assert tab.index.name == "faq-chars" and tab.index.bank.questions == [q for q, _ in BANK]
    assert tab.index_box.combo.currentData() == "faq-chars" and tab.recall_box.method() == "bm25"
    assert "5 questions with answers" in tab.bank_box.info.text()
    answered = ask(qtbot, tab, "网上银行怎么开通")
    assert tab.index.bank.questions[int(answered.recalled.indices[0, 0])] == "如何开通网上银行"
    assert tab.results.recalled_table.item(0, 2).text() == BANK[3][1]
    # removed, and saved: its files go
    tab.index_box.remove_button.click()
    assert tab.index_box.combo.count() == 0 and again.model.dirty
    again.model.save()
    assert not (root / "retrieval" / "faq-chars").exists()


def test_the_project_questions_are_its_distinct_second_texts(qtbot, window, tmp_path):
    tab = window.retrieval_tab
    assert not tab.bank_box.project_button.isEnabled()
    assert "pair dataset" in tab.bank_box.project_button.toolTip()
    assert not tab.recall_box.build_button.isEnabled()
    assert tab.recall_box.hint.text() == "Load a question bank first."
    data = write_slice(shared_file("lcqmc", "dev.txt"), tmp_path / "pairs.txt", 120)
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        window.open_data(data)
    assert window.model.settings.dataset.text_pair_column == 1
    assert tab.bank_box.project_button.isEnabled()
    with qtbot.waitSignal(tab.bankReady, timeout=20000):
        tab.bank_box.project_button.click()
    seconds = [line.split("\t")[1].strip() for line in data.read_text(encoding="utf-8").splitlines()]
    assert tab.bank.questions == list(dict.fromkeys(seconds)) and tab.bank.answers is None
    assert "without answers" in tab.bank_box.info.text()
    tab.recall_box.method_combo.setCurrentIndex(1)  # averaged word vectors: the project has none
    assert not tab.recall_box.build_button.isEnabled()
    assert "no word vectors" in tab.recall_box.hint.text()
    tab.recall_box.method_combo.setCurrentIndex(2)  # a Siamese encoder: no such run
    assert "no Siamese run" in tab.recall_box.hint.text()


def test_a_damaged_index_is_said_quietly_when_its_project_opens(qtbot, make_window, bank_file, tmp_path):
    window = make_window()
    tab = built(qtbot, window, bank_file)
    tab.index_box.keep_button.click()
    root = window.model.save(tmp_path / "FAQ")
    window.close()
    bank = root / "retrieval" / "faq-bm25" / "bank.json"
    bank.write_text('{"questions": ["只有一个"], "answers": null}', encoding="utf-8")

    again = make_window()
    tab = again.retrieval_tab
    again.open_project(root)
    qtbot.waitUntil(lambda: again.model.project.path is not None and not tab.running, timeout=30000)
    assert tab.index is None and again.last_error == ""  # no dialog on opening the project
    assert "bank.json" in tab.progress_label.text()
    assert tab.index_box.combo.currentData() == "faq-bm25"  # still listed: Open tries again, Remove drops it
