"""Model tab: pick a registered model, shape it with a form drawn from its config, and see
what it does to a batch (layer table, diagram, parameters, memory) before training."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.messages import Message, message
from studio.core.models import config_problems, get_entry, model_names
from studio.core.models.layers import EmbeddingOptions
from studio.core.models.summary import ModelSummary, summarize
from studio.gui.config_texts import MODEL_CONTEXT
from studio.gui.i18n import Retranslating, translate
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.controls_scroll import ControlsScroll
from studio.gui.widgets.layer_diagram import LayerDiagram
from studio.gui.widgets.vector_file_check import VectorFileCheck
from studio.gui.wording import word
from studio.gui.workers import WorkerPool

DEFAULT_VOCAB = 5000  # shown before any data is tokenized
SUMMARY_DELAY_MS = 150  # one summary after a burst of edits, not one per keystroke
_COLUMNS = (QT_TRANSLATE_NOOP("ModelTab", "Layer"), QT_TRANSLATE_NOOP("ModelTab", "Type"),
            QT_TRANSLATE_NOOP("ModelTab", "Output shape"), QT_TRANSLATE_NOOP("ModelTab", "Parameters"))


def _mib(n_bytes: int) -> str:
    return f"{n_bytes / 2 ** 20:,.0f} MiB" if n_bytes >= 2 ** 20 else f"{n_bytes / 1024:,.0f} KiB"


def _embedding_choices(current: dict, defaults: dict) -> dict:
    """The pretrained-vector choices of ``current`` that a new config with ``defaults``
    keeps: the embedding options, and ``embedding_dim`` while vectors are chosen (it
    must match them)."""
    kept = {k: current[k] for k in EmbeddingOptions.model_fields if k in current and k in defaults}
    if kept.get("pretrained_vectors") and "embedding_dim" in current and "embedding_dim" in defaults:
        kept["embedding_dim"] = current["embedding_dim"]
    return kept


class ModelTab(Retranslating, QWidget):
    """The model settings of the project; ``validityChanged`` says whether they can be
    trained (the fields, their combinations and the chosen vectors' size).

    The model list offers the models that serve the project's task
    (``model_names(task=settings.task)``: a second text column makes it a sentence-pair
    project, which adds the pair-only models such as ESIM), and follows the task when
    the dataset's columns change. A chosen model that does not serve the task stays
    listed so the choice is visible; training refuses it (``model.wrong_task``).
    """

    validityChanged = Signal(bool)

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self._updating = False
        self._summary_key = (self, "summary")  # the newest summary supersedes a running one
        self.summary: ModelSummary | None = None
        self._failure = ""  # why the newest summary could not be built

        self.combo = QComboBox()
        self.defaults_button = QPushButton()
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.form = ConfigForm()
        self.vector_check = VectorFileCheck(self.form, pool)  # reads a chosen vectors file
        self.params_label = QLabel()
        self.params_label.setObjectName("params_label")
        self.params_label.setWordWrap(True)
        font = self.params_label.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.params_label.setFont(font)
        self.memory_label = QLabel()
        self.memory_label.setWordWrap(True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.diagram = LayerDiagram()

        self.chooser_box = QGroupBox()
        chooser_form = QFormLayout(self.chooser_box)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(self.defaults_button)
        self.architecture_label = QLabel()
        chooser_form.addRow(self.architecture_label, row)
        chooser_form.addRow(self.description)
        self.settings_box = QGroupBox()
        QVBoxLayout(self.settings_box).addWidget(self.form)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.chooser_box)
        left_layout.addWidget(self.settings_box)
        left_layout.addStretch(1)
        left_scroll = ControlsScroll(left)

        self.layers_box = QGroupBox()
        layers_layout = QVBoxLayout(self.layers_box)
        layers_layout.addWidget(self.params_label)
        layers_layout.addWidget(self.memory_label)
        layers_layout.addWidget(self.table, 1)
        self.diagram_box = QGroupBox()
        diagram_scroll = QScrollArea()
        diagram_scroll.setWidgetResizable(True)
        diagram_scroll.setWidget(self.diagram)
        QVBoxLayout(self.diagram_box).addWidget(diagram_scroll)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.layers_box)
        right.addWidget(self.diagram_box)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        QVBoxLayout(self).addWidget(splitter)

        self._timer = QTimer(self, singleShot=True, interval=SUMMARY_DELAY_MS)
        self._timer.timeout.connect(self._start_summary)
        self.combo.currentIndexChanged.connect(self._model_chosen)
        self.defaults_button.clicked.connect(self.apply_paper_defaults)
        self.form.changed.connect(self._form_changed)
        self.form.validityChanged.connect(lambda _: self.schedule_summary())
        self.form.validityChanged.connect(self.validityChanged)
        model.projectReplaced.connect(self.refresh)
        model.vectorsChanged.connect(self.schedule_summary)
        model.settingsChanged.connect(self._settings_changed)
        model.vocabEstimateChanged.connect(lambda _: self.schedule_summary())
        model.runsChanged.connect(self.schedule_summary)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.chooser_box.setTitle(self.tr("Model"))
        self.architecture_label.setText(self.tr("Architecture"))
        self.combo.setToolTip(self.tr("The kind of neural network to train; each follows a published paper."))
        for index in range(self.combo.count()):
            self.combo.setItemText(index, translate(MODEL_CONTEXT, get_entry(self.combo.itemData(index)).title))
        self.defaults_button.setText(self.tr("Paper defaults"))
        self.defaults_button.setToolTip(self.tr("Reset this model's settings to the published setup it "
                                                "follows; pretrained-vector choices are kept."))
        self.settings_box.setTitle(self.tr("Settings"))
        self.layers_box.setTitle(self.tr("Layers for one batch"))
        self.diagram_box.setTitle(self.tr("Diagram"))
        self.table.setHorizontalHeaderLabels([translate("ModelTab", text) for text in _COLUMNS])
        self.params_label.setToolTip(self.tr("Weights the model learns, for the vocabulary and classes "
                                             "of the current data."))
        self.memory_label.setToolTip(self.tr("An estimate of the memory one training step needs."))
        self._show_description()
        config = self.form.value()
        if config is not None and not self._failure:  # messages written here follow the language too
            self.form.set_extra_errors(self._problems(config))
        self._render()

    def _show_description(self) -> None:
        entry = get_entry(self.model.settings.model.type)
        self.description.setText(translate(MODEL_CONTEXT, entry.description))

    @property
    def valid(self) -> bool:
        """Whether the settings shown can be trained (nothing marked in red)."""
        return self.form.valid

    @property
    def busy(self) -> bool:
        """True while a summary is pending or computing (tests wait on it)."""
        return self._timer.isActive() or self.pool.busy(self._summary_key)

    def _fill_models(self) -> None:
        """List the models of the project's task (and the chosen one, if it does not serve it)."""
        task, current = self.model.settings.task, self.model.settings.model.type
        names = model_names(task=task)
        if current not in names:
            names.append(current)
        if [self.combo.itemData(i) for i in range(self.combo.count())] == names:
            return
        was, self._updating = self._updating, True
        try:
            self.combo.clear()
            for name in names:
                self.combo.addItem(translate(MODEL_CONTEXT, get_entry(name).title), name)
            self.combo.setCurrentIndex(self.combo.findData(current))
        finally:
            self._updating = was

    def refresh(self) -> None:
        config = self.model.settings.model
        entry = get_entry(config.type)
        self._updating = True
        try:
            self._fill_models()
            self.combo.setCurrentIndex(self.combo.findData(entry.name))
            self._show_description()
            self.form.set_model(entry.config_cls, config)
        finally:
            self._updating = False
        self.schedule_summary()

    def apply_paper_defaults(self) -> None:
        """Reset the current model to its config defaults (the published setup)."""
        current = self.model.settings.model.model_dump()
        defaults = get_entry(current["type"]).config_cls().model_dump()
        kept = _embedding_choices(current, defaults)
        self._updating = True
        try:
            self.model.update("model", {**defaults, **kept})
        finally:
            self._updating = False
        self.refresh()  # also when the settings were already the defaults but the form was not

    def _settings_changed(self, group: str) -> None:
        if group == "model" and not self._updating:
            self.refresh()
        elif group in ("dataset", "text", "training"):
            if group == "dataset":
                self._fill_models()  # the task follows the columns; unchanged lists are left alone
            self.schedule_summary()

    def _model_chosen(self) -> None:
        name = self.combo.currentData()
        if self._updating or name is None:  # None: the combo was emptied or its index set to -1
            return
        current = self.model.settings.model.model_dump()
        if current["type"] != name:
            defaults = get_entry(name).config_cls().model_dump()
            self.model.update("model", {**defaults, **_embedding_choices(current, defaults)})

    def _form_changed(self, values: dict) -> None:
        self._updating = True
        try:
            self.model.update("model", values)
        finally:
            self._updating = False
        self.schedule_summary()

    def _vector_size_problem(self, config) -> dict[str, Message]:
        """The vectors of one of the project's sets must match ``embedding_dim``."""
        path = getattr(config, "pretrained_vectors", "")
        entry = next((v for v in self.model.project.vectors if path and v.path == path), None)
        if entry is None or entry.dimension == config.embedding_dim:
            return {}
        return {"embedding_dim": message("vectors.dimension_mismatch", vectors_dim=entry.dimension,
                                         dim=config.embedding_dim)}

    def _problems(self, config) -> dict[str, str]:
        """Settings impossible together or with the vectors (the core's messages, worded)."""
        problems = {**config_problems(config, self.model.settings.text.max_len), **self._vector_size_problem(config)}
        return {name: word(problem) for name, problem in problems.items()}

    def num_classes(self) -> int:
        return max(2, len(self.model.label_names()[0]))

    # ----- the summary, computed on a worker thread ----------------------------------
    def schedule_summary(self) -> None:
        """Explain impossible settings now (cheap); summarise after a short pause. A
        summary still computing for older settings is dropped."""
        self.pool.cancel(self._summary_key)
        config = self.form.value()
        problems = self._problems(config) if config is not None else {}
        self.form.set_extra_errors(problems)
        if config is None or problems:
            self._timer.stop()
            self._show(None)
            return
        self._timer.start()
        if self.summary is None:
            self._render()  # "counting", not the invalid settings' headline

    def _start_summary(self) -> None:
        config = self.form.value()
        settings = self.model.settings
        max_len = settings.text.max_len
        if config is None:
            return
        vocab = self.model.vocab_estimate or DEFAULT_VOCAB
        self.pool.submit(summarize, config, vocab, self.num_classes(), settings.training.batch_size, max_len,
                         key=self._summary_key, on_done=self._show, on_failed=self._summary_failed)

    def _summary_failed(self, message: str) -> None:
        self.form.set_extra_errors({"config": message})
        self._show(None, message)

    def _show(self, summary: ModelSummary | None, failure: str = "") -> None:
        """Show ``summary`` (``None``: the settings are invalid, or ``failure`` says why
        the model cannot be built)."""
        self.summary, self._failure = summary, failure
        self.diagram.set_summary(summary)
        self.table.setRowCount(0)
        self._render()
        if summary is None:
            return
        self.table.setRowCount(len(summary.layers))
        for i, row in enumerate(summary.layers):
            cells = ("  " * row.depth + row.name, row.kind, row.shape_text,
                     f"{row.parameters:,}" if row.parameters else "–")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, column, item)

    def _render(self) -> None:
        """The headline and the memory estimate, in the current language."""
        summary = self.summary
        if summary is None:
            if self._failure:
                text = self.tr("Cannot build this model: {message}").format(message=self._failure)
            elif self.busy:
                text = self.tr("Parameters: counting…")
            else:
                text = self.tr("Parameters: — (fix the settings marked in red)")
            self.params_label.setText(text)
            self.memory_label.setText("")
            return
        total, frozen = f"{summary.total_parameters:,}", summary.total_parameters - summary.trainable_parameters
        parameters = (self.tr("Parameters: {total} ({frozen} frozen)").format(total=total, frozen=f"{frozen:,}")
                      if frozen else self.tr("Parameters: {total}").format(total=total))
        vocab = self.model.vocab_estimate
        vocabulary = (self.tr("vocabulary {size}").format(size=f"{vocab:,}") if vocab else
                      self.tr("vocabulary ≈{size} (estimated until the data is tokenized)").format(
                          size=f"{DEFAULT_VOCAB:,}"))
        self.params_label.setText(self.tr("{parameters}  ·  {vocabulary}, {classes} classes").format(
            parameters=parameters, vocabulary=vocabulary, classes=summary.output_shape[1]))
        memory = summary.memory
        batch, max_len = summary.input_shape[0], summary.input_shape[-1]
        self.memory_label.setText(
            self.tr("Training memory ≈ {total} at batch_size {batch}, max_len {max_len}: weights {weights}, "
                    "gradients {gradients}, Adam state {optimizer}, activations {activations}.").format(
                total=_mib(memory.total), batch=batch, max_len=max_len, weights=_mib(memory.weights),
                gradients=_mib(memory.gradients), optimizer=_mib(memory.optimizer),
                activations=_mib(memory.activations)))
