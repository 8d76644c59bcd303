"""The Retrieval view's choices, one box each: the question bank, the recall method, the
reranking run and the indexes kept in the project. They show and emit; the tab runs the
work (:mod:`studio.gui.tabs.retrieval_tab`)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from studio.core.data.reader import Table
from studio.core.retrieval.rerank import RECALL_WEIGHT
from studio.core.retrieval.store import RECALL_METHODS, IndexSpec, encoder_runs, pair_runs
from studio.core.retrieval.stored import INDEX_NAME
from studio.gui.i18n import Retranslating
from studio.gui.widgets.file_picker import FilePicker
from studio.gui.wording import name_text

TOKENIZERS = ("char", "jieba")
DEFAULT_K = 20
SAMPLE_CHARS = 24  # of a column's first value, shown beside its name


def wrapped_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace ``combo``'s rows by ``(text, data)`` without signals, keeping the chosen
    data when it is still there (else the first row)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    found = combo.findData(current)
    combo.setCurrentIndex(found if found >= 0 else 0)
    combo.blockSignals(False)


class BankBox(Retranslating, QGroupBox):
    """A bank file and its question and answer columns, or the project's own questions."""

    fileChosen = Signal(str)
    projectRequested = Signal()
    columnsChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.picker = FilePicker("")
        self.picker.pathChanged.connect(lambda path: self.fileChosen.emit(path) if path else None)
        self.project_button = QPushButton()
        self.project_button.clicked.connect(self.projectRequested)
        self.question_combo, self.answer_combo = QComboBox(), QComboBox()
        for combo in (self.question_combo, self.answer_combo):
            combo.currentIndexChanged.connect(lambda _: self.columnsChanged.emit())
        self.info = wrapped_label()
        self._file_label, self._question_label, self._answer_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout(self)
        form.addRow(self._file_label, self.picker)
        form.addRow(self.project_button)
        form.addRow(self._question_label, self.question_combo)
        form.addRow(self._answer_label, self.answer_combo)
        form.addRow(self.info)
        self.table: Table | None = None  # the bank file whose columns are offered
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Question bank"))
        self._file_label.setText(self.tr("File"))
        self.picker.edit.setPlaceholderText(self.tr("a file of questions, with answers or not"))
        self.picker.setToolTip(self.tr("A .tsv, .txt or .csv file, read as the Dataset tab reads one."))
        self.project_button.setText(self.tr("Use this project's questions"))
        self._question_label.setText(self.tr("Question column"))
        self._answer_label.setText(self.tr("Answer column"))
        self.question_combo.setToolTip(self.tr("The column of the stored questions a new question is matched "
                                               "against."))
        self.answer_combo.setToolTip(self.tr("The column of each question's answer, shown with the best match; "
                                             "(none): a bank of questions only."))
        self._fill_columns()  # a column without a header is named in the language in force

    def set_table(self, table: Table | None) -> None:
        """Offer ``table``'s columns (``None``: no file); a two-column file's second
        column is taken as the answers."""
        self.table = table
        for combo in (self.question_combo, self.answer_combo):
            combo.clear()
        self._fill_columns()
        if table is not None and table.num_columns == 2:
            self.answer_combo.blockSignals(True)
            self.answer_combo.setCurrentIndex(2)
            self.answer_combo.blockSignals(False)
        if table is None:
            self.picker.set_path("")

    def _fill_columns(self) -> None:
        table = self.table
        names = [] if table is None else [name_text(n) for n in table.names]
        columns = [(f"{name} · {table.columns[c][0][:SAMPLE_CHARS] if table.num_rows else ''}", c)
                   for c, name in enumerate(names)]
        _refill(self.question_combo, columns)
        _refill(self.answer_combo, ([(self.tr("(none)"), None)] + columns) if table is not None else [])

    def columns(self) -> tuple[int, int | None] | None:
        """The chosen (question, answer) columns of the file, 0-based; ``None`` without a file."""
        if self.table is None or self.question_combo.currentIndex() < 0:
            return None
        return self.question_combo.currentData(), self.answer_combo.currentData()

    def set_enabled(self, idle: bool, pair_data: bool) -> None:
        self.picker.setEnabled(idle)
        for combo in (self.question_combo, self.answer_combo):
            combo.setEnabled(idle and self.table is not None)
        self.project_button.setEnabled(idle and pair_data)
        self.project_button.setToolTip(self.tr("The distinct second texts of the project's pair data.") if pair_data
                                       else self.tr("Open a pair dataset (two text columns) in the Dataset tab to "
                                                    "use its questions."))


class RecallBox(Retranslating, QGroupBox):
    """The recall method, what it needs, k, and Build."""

    changed = Signal()
    kChanged = Signal(int)
    buildRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.method_combo, self.tokenizer_combo = QComboBox(), QComboBox()
        self.method_combo.addItems([""] * len(RECALL_METHODS))
        self.tokenizer_combo.addItems([""] * len(TOKENIZERS))
        self.vectors_combo, self.encoder_combo = QComboBox(), QComboBox()
        self.k_spin = QSpinBox()
        self.k_spin.setRange(1, 200)
        self.k_spin.setValue(DEFAULT_K)
        self.build_button = QPushButton()
        self.hint = wrapped_label()
        self._labels = [QLabel() for _ in range(5)]
        self.form = form = QFormLayout(self)
        for label, widget in zip(self._labels, (self.method_combo, self.tokenizer_combo, self.vectors_combo,
                                                self.encoder_combo, self.k_spin), strict=True):
            form.addRow(label, widget)
        form.addRow(self.build_button)
        form.addRow(self.hint)
        self._vector_tokenizers: dict[str, str] = {}
        self.method_combo.currentIndexChanged.connect(lambda _: self._method_changed())
        self.vectors_combo.currentIndexChanged.connect(lambda _: self._vectors_changed())
        for combo in (self.tokenizer_combo, self.encoder_combo):
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.k_spin.valueChanged.connect(self.kChanged)
        self.build_button.clicked.connect(self.buildRequested)
        self._method_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("First stage: recall"))
        for label, text in zip(self._labels, (self.tr("Method"), self.tr("Tokens"), self.tr("Vector set"),
                                              self.tr("Siamese run"), self.tr("Top k")), strict=True):
            label.setText(text)
        for i, text in enumerate((self.tr("BM25 (lexical)"), self.tr("Averaged word vectors"),
                                  self.tr("Siamese encoder"))):
            self.method_combo.setItemText(i, text)
        self.method_combo.setToolTip(self.tr("How the bank's questions closest to a new question are found: BM25 "
                                             "over tokens, or cosine over sentence vectors."))
        self.tokenizer_combo.setItemText(0, self.tr("single characters"))
        self.tokenizer_combo.setItemText(1, self.tr("jieba words"))
        self.tokenizer_combo.setToolTip(self.tr("How questions are cut into tokens; word vectors cut as their set "
                                                "was trained."))
        self.vectors_combo.setToolTip(self.tr("The project's vector set (Word vectors tab) whose averaged vectors "
                                              "represent a question."))
        self.encoder_combo.setToolTip(self.tr("The Siamese run whose sentence vectors represent a question."))
        self.k_spin.setToolTip(self.tr("How many questions are recalled, and reranked."))
        self.build_button.setText(self.tr("Build index"))
        self.build_button.setToolTip(self.tr("Index the bank's questions with this method."))

    def fill(self, project) -> None:
        """The project's vector sets and Siamese runs (newest first)."""
        self._vector_tokenizers = {v.name: v.tokenizer.type for v in project.vectors if v.tokenizer is not None}
        _refill(self.vectors_combo, [(v.name, v.name) for v in reversed(project.vectors)])
        _refill(self.encoder_combo, [(run.id, run.id) for run in reversed(encoder_runs(project))])
        self._vectors_changed()

    def method(self) -> str:
        return RECALL_METHODS[max(0, self.method_combo.currentIndex())]

    def spec(self, **bank) -> IndexSpec:
        """The spec these choices describe, with the bank's ``question_column``,
        ``answer_column`` and ``bank_file``."""
        method = self.method()
        return IndexSpec(method=method, tokenizer=None if method == "siamese" else
                         TOKENIZERS[self.tokenizer_combo.currentIndex()],
                         vectors=(self.vectors_combo.currentData() or "") if method == "word_vectors" else "",
                         run=(self.encoder_combo.currentData() or "") if method == "siamese" else "", **bank)

    def show_spec(self, spec: IndexSpec) -> None:
        """Show the choices an index was built with (one opened from the project)."""
        for combo, value in ((self.method_combo, RECALL_METHODS.index(spec.method)),
                             (self.tokenizer_combo, TOKENIZERS.index(spec.tokenizer) if spec.tokenizer in TOKENIZERS
                              else self.tokenizer_combo.currentIndex())):
            combo.setCurrentIndex(value)
        for combo, data in ((self.vectors_combo, spec.vectors), (self.encoder_combo, spec.run)):
            if data and combo.findData(data) >= 0:
                combo.setCurrentIndex(combo.findData(data))

    def missing(self) -> str:
        """Why the chosen method cannot build here ("" when it can)."""
        if self.method() == "word_vectors" and self.vectors_combo.count() == 0:
            return self.tr("This project has no word vectors: train or import a set in the Word vectors tab.")
        if self.method() == "siamese" and self.encoder_combo.count() == 0:
            return self.tr("This project has no Siamese run: train the Siamese model on a pair dataset.")
        return ""

    def _method_changed(self) -> None:
        method = self.method()
        self.form.setRowVisible(self.tokenizer_combo, method != "siamese")
        self.form.setRowVisible(self.vectors_combo, method == "word_vectors")
        self.form.setRowVisible(self.encoder_combo, method == "siamese")
        self._vectors_changed()

    def _vectors_changed(self) -> None:
        """Averaged word vectors cut text as their set was trained, where the set says."""
        kind = self._vector_tokenizers.get(self.vectors_combo.currentData())
        if self.method() == "word_vectors" and kind in TOKENIZERS:
            self.tokenizer_combo.blockSignals(True)
            self.tokenizer_combo.setCurrentIndex(TOKENIZERS.index(kind))
            self.tokenizer_combo.blockSignals(False)
        self.changed.emit()


class RerankBox(Retranslating, QGroupBox):
    """The pair run that reranks the recalled questions, or none, and how much the recall
    score still counts (:func:`~studio.core.retrieval.rerank.reranked_order`)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.currentIndexChanged.connect(lambda _: self._chosen())
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setRange(0.0, 10.0)
        self.weight_spin.setSingleStep(0.5)
        self.weight_spin.setDecimals(1)
        self.weight_spin.setValue(RECALL_WEIGHT)
        self.weight_spin.setKeyboardTracking(False)
        self.weight_spin.valueChanged.connect(lambda _: self.changed.emit())
        self.hint = wrapped_label()
        self._weight_label = QLabel()
        form = QFormLayout(self)
        form.addRow(self.combo)
        form.addRow(self._weight_label, self.weight_spin)
        form.addRow(self.hint)
        self._chosen(emit=False)
        self.retranslate()

    def _chosen(self, emit: bool = True) -> None:
        self.weight_spin.setEnabled(self.run_id() is not None)
        if emit:
            self.changed.emit()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Second stage: rerank"))
        self.combo.setToolTip(self.tr("The pair run whose match probability reorders the recalled questions."))
        self._weight_label.setText(self.tr("Recall's weight:"))
        self.weight_spin.setToolTip(self.tr(
            "How much the recall score still counts: the reranked order is the pair run's match log-odds plus "
            "this weight times the recall score, standardised over the question's candidates. It decides "
            "between candidates the pair run is equally sure of. 0: the match probability alone."))
        if self.combo.count():
            self.combo.setItemText(0, self.tr("None: recall only"))
        self.hint.setText("" if self.combo.count() > 1 else self.tr(
            "No pair run yet: train ESIM, the Siamese encoder or another model on a pair dataset to rerank."))

    def fill(self, project) -> None:
        _refill(self.combo, [(self.tr("None: recall only"), None)]
                + [(run.id, run.id) for run in reversed(pair_runs(project))])
        self._chosen(emit=False)
        self.retranslate()

    def run_id(self) -> str | None:
        return self.combo.currentData() or None

    def recall_weight(self) -> float:
        return self.weight_spin.value()


class IndexBox(Retranslating, QGroupBox):
    """The indexes kept in the project: keep the one built under a name, or open one."""

    keepRequested = Signal(str)
    openRequested = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setValidator(QRegularExpressionValidator(QRegularExpression(INDEX_NAME.pattern), self))
        self.keep_button, self.open_button, self.remove_button = QPushButton(), QPushButton(), QPushButton()
        self.combo = QComboBox()
        self.info = wrapped_label()
        self.keep_button.clicked.connect(self._keep)
        self.open_button.clicked.connect(lambda: self._chosen(self.openRequested))
        self.remove_button.clicked.connect(lambda: self._chosen(self.removeRequested))
        self._name_label, self._saved_label = QLabel(), QLabel()
        keep, chosen = QHBoxLayout(), QHBoxLayout()
        keep.addWidget(self.name_edit, 1)
        keep.addWidget(self.keep_button)
        chosen.addWidget(self.combo, 1)
        chosen.addWidget(self.open_button)
        chosen.addWidget(self.remove_button)
        form = QFormLayout(self)
        form.addRow(self._name_label, keep)
        form.addRow(self._saved_label, chosen)
        form.addRow(self.info)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Indexes in this project"))
        self._name_label.setText(self.tr("Name"))
        self.name_edit.setToolTip(self.tr("Letters, digits, _ . and -, up to 64."))
        self.keep_button.setText(self.tr("Keep in project"))
        self.keep_button.setToolTip(self.tr("Keep the built index in the project; saving the project writes it."))
        self._saved_label.setText(self.tr("Kept"))
        self.combo.setToolTip(self.tr("The indexes kept in the project; the last one opens with the project."))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Load this index and its question bank."))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Drop this index from the project; saving the project deletes its "
                                              "files."))

    def _keep(self) -> None:
        if self.name_edit.hasAcceptableInput():
            self.keepRequested.emit(self.name_edit.text())

    def _chosen(self, signal) -> None:
        if self.combo.currentData():
            signal.emit(self.combo.currentData())

    def fill(self, names: list[str], current: str | None = None) -> None:
        _refill(self.combo, [(name, name) for name in names])
        if current in names:
            self.combo.setCurrentIndex(names.index(current))

    def set_enabled(self, idle: bool, built: bool) -> None:
        self.keep_button.setEnabled(idle and built)
        self.open_button.setEnabled(idle and self.combo.count() > 0)
        self.remove_button.setEnabled(idle and self.combo.count() > 0)
