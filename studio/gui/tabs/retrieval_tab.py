"""Retrieval tab: given a new question, which stored question is it?

Load a question bank (a data file, or the second texts of the project's pair data),
build a recall index over it (BM25, averaged word vectors of a vector set, or a Siamese
run's sentence vectors), ask a question: the recalled top-k and the same rows reranked by
a pair run show side by side, with a "did you mean" verdict. Every read, build, question
and evaluation runs on the worker pool. An index kept in the project is saved with it and
opens again with it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.core.data.reader import read_table
from studio.core.retrieval import PairScorer, QuestionBank
from studio.core.retrieval.store import RetrievalIndex, build_index, index_names, load_index
from studio.gui.i18n import Retranslating
from studio.gui.project_model import ProjectModel
from studio.gui.tabs import retrieval_work as work
from studio.gui.widgets.controls_scroll import ControlsScroll
from studio.gui.widgets.retrieval_choices import BankBox, IndexBox, RecallBox, RerankBox, wrapped_label
from studio.gui.widgets.retrieval_evaluation import RetrievalEvaluation
from studio.gui.widgets.retrieval_results import Ranked, RetrievalResults
from studio.gui.wording import event_text
from studio.gui.workers import Job, WorkerPool


def index_name(file: str, method: str) -> str:
    """A default index name: the bank file's stem and the method (``dev-bm25``)."""
    stem = re.sub(r"[^\w.-]+", "-", Path(file).stem).strip(".-")[:40] if file else "questions"
    return f"{stem or 'questions'}-{method}"


class RetrievalTab(Retranslating, QWidget):
    errorOccurred = Signal(str)
    bankReady = Signal()
    indexReady = Signal()
    answered = Signal(object)  # retrieval_work.Answered
    evaluated = Signal(object)  # retrieval_work.Evaluated

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self.bank: QuestionBank | None = None
        self.bank_file = ""  # where the bank was read from (recorded in the index's spec)
        self.index: RetrievalIndex | None = None
        self.job: Job | None = None  # the one long job (read, build, open, evaluate) running
        self.last: work.Answered | None = None
        self._scorers: dict[str, PairScorer] = {}  # the reranking run's scorer, kept between questions
        self._bank_text: Callable[[], str] = lambda: ""

        self.bank_box, self.recall_box = BankBox(), RecallBox()
        self.rerank_box, self.index_box = RerankBox(), IndexBox()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress_label = wrapped_label()
        self.stop_button = QPushButton()
        self.results = RetrievalResults()
        self.evaluation = RetrievalEvaluation()
        self._layout()

        self.bank_box.fileChosen.connect(self.read_bank_file)
        self.bank_box.projectRequested.connect(self.use_project_questions)
        self.bank_box.columnsChanged.connect(self._columns_changed)
        self.recall_box.changed.connect(self._update)
        self.recall_box.kChanged.connect(lambda _: self._ask_again())
        self.recall_box.buildRequested.connect(self.build)
        self.rerank_box.changed.connect(self._rerank_changed)
        self.index_box.keepRequested.connect(self.keep)
        self.index_box.openRequested.connect(self.open_index)
        self.index_box.removeRequested.connect(self.model.remove_index)
        self.stop_button.clicked.connect(self.stop)
        self.results.asked.connect(self.ask)
        self.evaluation.evaluateRequested.connect(self.evaluate)
        model.projectReplaced.connect(self._project_replaced)
        model.runsChanged.connect(self._fill_runs)
        model.vectorsChanged.connect(self._fill_runs)
        model.indexesChanged.connect(self._fill_indexes)
        model.settingsChanged.connect(lambda group: group == "dataset" and self._update())
        self._project_replaced()
        self.retranslate()

    def retranslate(self) -> None:
        self.job_box.setTitle(self.tr("Progress"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the running job; nothing is changed."))
        self._update()

    def _layout(self) -> None:
        self.job_box = QGroupBox()
        job = QVBoxLayout(self.job_box)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        job.addLayout(row)
        job.addWidget(self.progress_label)
        column = QWidget()
        column_layout = QVBoxLayout(column)
        for box in (self.bank_box, self.recall_box, self.rerank_box, self.index_box, self.job_box):
            column_layout.addWidget(box)
        column_layout.addStretch(1)
        scroll = ControlsScroll(column)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.results)
        right.addWidget(self.evaluation)
        right.setStretchFactor(0, 1)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(splitter)

    # ----- the project ----------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def _project_replaced(self) -> None:
        for job in ("job", "ask", "bank"):  # their outcome belongs to the project before
            self.pool.cancel((self, job))
        self.job = None
        self.progress.setValue(0)
        self.show_text(self.progress_label, lambda: "")
        self._scorers = {}  # a new cache: a job of the project before fills the old one
        self.bank_box.set_table(None)
        self._set_bank(None, "", lambda: "")
        self._fill_runs()
        self._fill_indexes()
        self.evaluation.show_metrics([])
        self.show_text(self.evaluation.note, lambda: "")
        names = index_names(self.model.project)
        if names:
            self.open_index(names[-1], quiet=True)  # the project's index opens with it

    def _fill_runs(self) -> None:
        self.recall_box.fill(self.model.project)
        self.rerank_box.fill(self.model.project)
        self._rerank_changed()

    def _fill_indexes(self) -> None:
        self.index_box.fill(index_names(self.model.project), self.index.name if self.index else None)
        self._update()

    def _update(self) -> None:
        """Buttons, and the hints saying why something cannot be done yet."""
        idle = not self.running
        pair_data = self.model.table is not None and self.model.settings.dataset.text_pair_column is not None
        self.bank_box.set_enabled(idle, pair_data)
        blocker = self.tr("Load a question bank first.") if self.bank is None else self.recall_box.missing()
        self.recall_box.build_button.setEnabled(idle and not blocker)
        self.recall_box.hint.setText(blocker or self._index_text())
        self.index_box.set_enabled(idle, self.index is not None)
        self.stop_button.setEnabled(not idle)
        self.evaluation.set_ready(idle and self.index is not None)
        self.show_text(self.bank_box.info, self._bank_text)

    def _index_text(self) -> str:
        if self.index is None:
            return self.tr("No index yet: press Build index.")
        return self.tr("Index {name} ready: {count} questions.").format(name=self.index.name,
                                                                        count=f"{len(self.index.bank):,}")

    # ----- the bank -------------------------------------------------------------------
    def read_bank_file(self, path: str) -> None:
        """Read a bank file on a worker; its columns are chosen next."""
        name = Path(path).name
        self._start(lambda: self.tr("Reading {name}…").format(name=name), read_table, path,
                    on_done=self._table_read)

    def _table_read(self, table) -> None:
        self.bank_box.set_table(table)
        self.bank_box.picker.set_path(str(table.path))
        self._columns_changed()

    def _columns_changed(self) -> None:
        table, columns = self.bank_box.table, self.bank_box.columns()
        if table is None or columns is None:
            return
        file = str(table.path)
        self.pool.submit(work.bank_of_columns, table, *columns, key=(self, "bank"), on_failed=self.errorOccurred.emit,
                         on_done=lambda bank: self._set_bank(bank, file, self._source_text(bank, file)))

    def use_project_questions(self) -> None:
        """The bank of the project's pair data: its distinct second texts."""
        table, column = self.model.table, self.model.settings.dataset.text_pair_column
        if table is None or column is None:
            return
        self.bank_box.set_table(None)
        file = str(table.path)
        self.pool.submit(work.unique_questions, table, column, key=(self, "bank"), on_failed=self.errorOccurred.emit,
                         on_done=lambda bank: self._set_bank(bank, file, self._source_text(bank, file)))

    def _source_text(self, bank: QuestionBank, file: str) -> Callable[[], str]:
        count, name = f"{len(bank):,}", Path(file).name
        if bank.answers is None:
            return lambda: self.tr("{count} questions from {name}, without answers.").format(count=count, name=name)
        return lambda: self.tr("{count} questions with answers from {name}.").format(count=count, name=name)

    def _set_bank(self, bank: QuestionBank | None, file: str, text: Callable[[], str]) -> None:
        """A new bank: an index over the old one no longer answers."""
        self.bank, self.bank_file, self.index, self.last = bank, file, None, None
        self._bank_text = text
        self.results.set_bank(bank.questions if bank else [], bank.answers if bank else None)
        self._update()
        if bank is not None:
            self.bankReady.emit()

    # ----- the index ------------------------------------------------------------------
    def build(self) -> None:
        if self.bank is None or self.running:
            return
        columns = self.bank_box.columns() or (0, None)
        spec = self.recall_box.spec(question_column=columns[0], answer_column=columns[1], bank_file=self.bank_file)
        self._start(lambda: self.tr("Building the index…"), build_index, self.bank, spec, self.model.project,
                    index_name(self.bank_file, spec.method), on_done=self._opened)

    def open_index(self, name: str, quiet: bool = False) -> None:
        """Load the project's index ``name`` (and its bank) on a worker; ``quiet``: a
        failure (its vector set or run gone) is said below the progress bar, not in a
        dialog (the index opening with its project)."""
        if self.running:
            return
        self._start(lambda: self.tr("Opening the index {name}…").format(name=name), load_index, self.model.project,
                    name, on_done=self._opened, quiet=quiet)

    def _opened(self, index: RetrievalIndex) -> None:
        """Show a built or opened index: its bank, its choices, its name."""
        spec = index.spec
        if index.bank is not self.bank:
            file = spec.bank_file or index.name
            self._set_bank(index.bank, file, self._source_text(index.bank, file))
        self.index = index
        self.recall_box.show_spec(spec)
        self.index_box.name_edit.setText(index.name)
        self._fill_indexes()
        self.indexReady.emit()
        self._ask_again()

    def keep(self, name: str) -> None:
        """Keep the built index in the project under ``name``; saving writes it."""
        index = self.index
        if index is None:
            return
        if name != index.name:
            index = RetrievalIndex(index.info.model_copy(update={"name": name}), index.bank, index.recall)
            self.index = index
        self.model.add_index(index)
        self.show_text(self.index_box.info, lambda: self.tr("{name} is kept in the project; saving the project "
                                                            "writes it.").format(name=name))

    # ----- questions ------------------------------------------------------------------
    def ask(self, question: str) -> None:
        """Answer ``question`` on a worker; a newer question supersedes it."""
        question = question.strip()
        if not question:
            return
        if self.index is None:
            self.results.show_message(self.tr("Build an index first (First stage: recall, on the left)."))
            return
        self.pool.submit(work.answer, self.index, question, self.recall_box.k_spin.value(), self.model.project,
                         self.rerank_box.run_id(), self._scorers, self.rerank_box.recall_weight(), key=(self, "ask"),
                         on_done=self._answered,
                         on_failed=self.errorOccurred.emit)

    def _ask_again(self) -> None:
        if self.last is not None and self.index is not None:
            self.ask(self.last.question)

    def _rerank_changed(self) -> None:
        self._update()
        self._ask_again()

    def _answered(self, answered: work.Answered) -> None:
        if answered.index is not self.index:
            return  # a question to an index since replaced
        self.last = answered
        scale = "bm25" if self.index.spec.method == "bm25" else "cosine"
        recalled = Ranked(answered.recalled.indices[0].tolist(), answered.recalled.scores[0].tolist(), scale)
        reranked = None if answered.reranked is None else Ranked(
            answered.reranked.indices[0].tolist(), answered.reranked.scores[0].tolist(), "probability")
        self.results.show_answer(recalled, reranked)
        self.answered.emit(answered)

    # ----- evaluation -----------------------------------------------------------------
    def evaluate(self, path: str) -> None:
        if self.index is None or self.running:
            return
        name = Path(path).name
        self._start(lambda: self.tr("Evaluating on {name}…").format(name=name), work.evaluate, path,
                    self.index, self.model.project, self.rerank_box.run_id(), self._scorers,
                    self.rerank_box.recall_weight(), on_done=self._evaluated)

    def _evaluated(self, result: work.Evaluated) -> None:
        rows = [(lambda: self.tr("{method}: recall").format(method=self._method_name(result.spec.method)),
                 result.recall)]
        if result.reranked is not None:
            run_id, weight = result.run_id, f"{result.recall_weight:g}"
            rows.append((lambda: self.tr("reranked by {run}, recall's weight {weight}").format(
                run=run_id, weight=weight), result.reranked))
        self.evaluation.show_metrics(rows)
        queries, bank, name = f"{result.queries:,}", f"{result.bank:,}", Path(result.file).name
        self.show_text(self.evaluation.note, lambda: self.tr(
            "{queries} questions of {name} against a bank of its {bank} second texts.").format(
            queries=queries, name=name, bank=bank))
        self.evaluated.emit(result)

    def _method_name(self, method: str) -> str:
        return {"bm25": self.tr("BM25"), "word_vectors": self.tr("Averaged word vectors"),
                "siamese": self.tr("Siamese encoder")}[method]

    # ----- long jobs ------------------------------------------------------------------
    def _start(self, message: Callable[[], str], fn, *args, on_done, quiet: bool = False) -> None:
        """Run ``fn(*args, report=...)`` with progress and Stop; ``on_done`` gets its
        result unless another project was opened meanwhile. A failure shows in a dialog
        too, unless ``quiet``."""
        project = self.model.project
        self.progress.setValue(0)
        self.show_text(self.progress_label, message)

        def done(result) -> None:
            self._ended(1000, lambda: self.tr("Done."))
            if self.model.project is project:
                on_done(result)

        def failed(text: str) -> None:
            self._ended(0, lambda: text)
            if not quiet:
                self.errorOccurred.emit(text)

        def cancelled() -> None:
            self._ended(0, lambda: self.tr("Stopped; nothing was changed."))

        self.job = self.pool.submit(fn, *args, key=(self, "job"), reports=True, on_done=done, on_failed=failed,
                                    on_cancelled=cancelled, on_event=self._event,
                                    on_progress=lambda f: self.progress.setValue(round(1000 * f)))
        self._update()

    def _event(self, event) -> None:
        if event_text(event) is not None:
            self.show_text(self.progress_label, lambda: event_text(event))

    def _ended(self, value: int, text: Callable[[], str]) -> None:
        self.job = None
        self.progress.setValue(value)
        self.show_text(self.progress_label, text)
        self._update()

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()
            self.show_text(self.progress_label, lambda: self.tr("Stopping…"))
