"""The Retrieval view's background work: plain functions the tab runs on the worker pool
(reading a bank, building an index, answering a question, evaluating). Nothing here
touches a widget."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.core.data.reader import Table
from studio.core.report import Reporter
from studio.core.retrieval import (
    RECALL_WEIGHT,
    Hits,
    PairScorer,
    QuestionBank,
    read_retrieval_set,
)
from studio.core.retrieval.metrics import RECALL_AT
from studio.core.retrieval.store import (
    IndexSpec,
    RetrievalIndex,
    evaluate_retrieval,
    pair_scorer,
    rerank_hits,
)


def bank_of_columns(table: Table, question: int, answer: int | None) -> QuestionBank:
    """The bank of ``table``'s ``question`` column (0-based) with the answers of
    ``answer``; without answers, each distinct question once (:func:`unique_questions`)."""
    if answer is None:
        return unique_questions(table, question)
    return QuestionBank.from_list(table.columns[question], table.columns[answer], source=table.path)


def unique_questions(table: Table, column: int) -> QuestionBank:
    """The distinct questions of one column (a pair dataset's second texts), no answers."""
    return QuestionBank.from_list(list(dict.fromkeys(text.strip() for text in table.columns[column])),
                                  source=table.path)


def scorer_for(project, run_id: str | None, scorers: dict[str, PairScorer]) -> PairScorer | None:
    """The scorer of the pair run ``run_id`` of ``project`` (``None``: no reranking),
    taken from ``scorers`` (the owner's cache, one run at a time) or made and kept there,
    so a run's model is loaded once, not once per question.

    Raises:
        ConfigError: no such run, or not a pair run.
    """
    if not run_id:
        return None
    scorer = scorers.get(run_id)
    if scorer is None:
        scorer = pair_scorer(project, run_id)
        scorers.clear()
        scorers[run_id] = scorer
    return scorer


@dataclass(frozen=True)
class Answered:
    """A question's recalled hits ``(1, k)`` and, with a reranking run, its reranked hits."""

    question: str
    index: RetrievalIndex
    recalled: Hits
    reranked: Hits | None


def answer(index: RetrievalIndex, question: str, k: int, project, run_id: str | None,
           scorers: dict[str, PairScorer], recall_weight: float = RECALL_WEIGHT) -> Answered:
    """Recall the top ``k`` of ``index`` for ``question``, then rerank them with the pair
    run ``run_id`` of ``project`` (none: recall only; its scorer from ``scorers``), the
    recall score counting ``recall_weight`` (:func:`~studio.core.retrieval.reranked_order`)."""
    recalled = index.search([question], k)
    scorer = scorer_for(project, run_id, scorers)
    reranked = None if scorer is None else rerank_hits(index, [question], recalled, scorer, recall_weight)
    return Answered(question, index, recalled, reranked)


@dataclass(frozen=True)
class Evaluated:
    """Retrieval figures of a pair file: ``recall`` for the recall method alone,
    ``reranked`` after reranking (``None`` without a run)."""

    file: str
    queries: int
    bank: int
    spec: IndexSpec
    run_id: str | None
    recall: dict[str, float]
    reranked: dict[str, float] | None
    recall_weight: float = RECALL_WEIGHT


def evaluate(path: str, index: RetrievalIndex, project, run_id: str | None, scorers: dict[str, PairScorer],
             recall_weight: float = RECALL_WEIGHT, *, report: Reporter) -> Evaluated:
    """Recall@1/5/10/20 and MRR@10 of ``index``'s recall method on the pair file ``path``
    (its own bank: every text_b), and after reranking the top 20 with the pair run
    ``run_id`` (its scorer from ``scorers``; the recall score counting ``recall_weight``).
    Averaged word vectors are those ``index`` already holds: the vectors file is not read again.

    Raises:
        DataFormatError, ConfigError: the file is not a labelled pair file.
        Cancelled: ``report`` was stopped.
    """
    scorer = scorer_for(project, run_id, scorers)
    found = read_retrieval_set(path, report=report.part(0.0, 0.1))
    vectors = getattr(getattr(index.recall, "encoder", None), "vectors", None)  # word vectors only
    figures = evaluate_retrieval(found, index.spec, project, scorer, max(RECALL_AT), report.part(0.1, 1.0),
                                 vectors=vectors, recall_weight=recall_weight)
    return Evaluated(str(Path(path)), figures.queries, figures.bank, index.spec, run_id or None,
                     figures.recall, figures.reranked, recall_weight)
