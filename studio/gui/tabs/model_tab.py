"""Model tab: pick a registered model, shape it with a form drawn from its config, and see
what it does to a batch (layer table, diagram, parameters, memory) before training."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from studio.core.errors import StudioError
from studio.core.models import config_problems, get_entry, model_names
from studio.core.models.layers import EmbeddingOptions
from studio.core.models.summary import ModelSummary, summarize
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.layer_diagram import LayerDiagram
from studio.gui.workers import WorkerPool

DEFAULT_VOCAB = 5000  # shown before any data is tokenized
SUMMARY_DELAY_MS = 150  # one summary after a burst of edits, not one per keystroke
_COLUMNS = ("Layer", "Type", "Output shape", "Parameters")


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


class ModelTab(QWidget):
    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self._updating = False
        self._generation = 0  # only the newest summary is shown
        self._running = False
        self.summary: ModelSummary | None = None

        self.combo = QComboBox()
        for name in model_names():
            self.combo.addItem(get_entry(name).title, name)
        self.defaults_button = QPushButton("Paper defaults")
        self.defaults_button.setToolTip("Reset this model's settings to the published setup it "
                                        "follows; pretrained-vector choices are kept.")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.form = ConfigForm()
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
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.diagram = LayerDiagram()

        chooser = QGroupBox("Model")
        chooser_form = QFormLayout(chooser)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        row.addWidget(self.defaults_button)
        chooser_form.addRow("Architecture", row)
        chooser_form.addRow(self.description)
        settings = QGroupBox("Settings")
        QVBoxLayout(settings).addWidget(self.form)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(chooser)
        left_layout.addWidget(settings)
        left_layout.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setWidget(left)

        layers = QGroupBox("Layers for one batch")
        layers_layout = QVBoxLayout(layers)
        layers_layout.addWidget(self.params_label)
        layers_layout.addWidget(self.memory_label)
        layers_layout.addWidget(self.table, 1)
        diagram_box = QGroupBox("Diagram")
        diagram_scroll = QScrollArea()
        diagram_scroll.setWidgetResizable(True)
        diagram_scroll.setWidget(self.diagram)
        QVBoxLayout(diagram_box).addWidget(diagram_scroll)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(layers)
        right.addWidget(diagram_box)
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
        model.projectReplaced.connect(self.refresh)
        model.vectorsChanged.connect(self.schedule_summary)
        model.settingsChanged.connect(self._settings_changed)
        model.vocabEstimateChanged.connect(lambda _: self.schedule_summary())
        model.runsChanged.connect(self.schedule_summary)
        self.refresh()

    @property
    def valid(self) -> bool:
        return self.form.valid

    @property
    def busy(self) -> bool:
        """True while a summary is pending or computing (tests wait on it)."""
        return self._timer.isActive() or self._running

    def refresh(self) -> None:
        config = self.model.settings.model
        entry = get_entry(config["type"])
        self._updating = True
        try:
            self.combo.setCurrentIndex(self.combo.findData(entry.name))
            self.description.setText(entry.description)
            self.form.set_model(entry.config_cls, config)
        finally:
            self._updating = False
        self.schedule_summary()

    def apply_paper_defaults(self) -> None:
        """Reset the current model to its config defaults (the published setup)."""
        current = self.model.settings.model
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
            self.schedule_summary()

    def _model_chosen(self) -> None:
        if self._updating:
            return
        name = self.combo.currentData()
        current = self.model.settings.model
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

    def _vector_size_problem(self, config) -> dict[str, str]:
        """The vectors of one of the project's sets must match ``embedding_dim``."""
        path = getattr(config, "pretrained_vectors", "")
        entry = next((v for v in self.model.project.vectors if path and v.path == path), None)
        if entry is None or entry.dimension == config.embedding_dim:
            return {}
        return {"embedding_dim": f"The word vectors {entry.name} have {entry.dimension} dimensions; "
                                 f"set embedding_dim to {entry.dimension}."}

    def num_classes(self) -> int:
        return max(2, len(self.model.label_names()[0]))

    # ----- the summary, computed on a worker thread ----------------------------------
    def schedule_summary(self) -> None:
        """Explain impossible settings now (cheap); summarise after a short pause."""
        self._generation += 1
        config = self.form.value()
        problems = config_problems(config, self.model.settings.text.max_len) if config is not None else {}
        if config is not None:
            problems.update(self._vector_size_problem(config))
        self.form.set_extra_errors(problems)
        if config is None or problems:
            self._timer.stop()
            self._show(None, "Parameters: — (fix the settings marked in red)")
            return
        self._timer.start()

    def _start_summary(self) -> None:
        config = self.form.value()
        settings = self.model.settings
        max_len = settings.text.max_len
        if config is None:
            return
        if self._running:
            self._timer.start()  # one at a time; the newest settings run next
            return
        self._running = True
        generation = self._generation
        vocab = self.model.vocab_estimate or DEFAULT_VOCAB
        args = (config, vocab, self.num_classes(), settings.training.batch_size, max_len)
        self.pool.run_task(summarize, *args,
                           on_done=lambda summary: self._summary_done(generation, summary),
                           on_failed=lambda message: self._summary_failed(generation, message))

    def _summary_done(self, generation: int, summary: ModelSummary) -> None:
        self._running = False
        if generation != self._generation:
            return
        vocab = self.model.vocab_estimate
        source = f"vocabulary {vocab:,}" if vocab else f"vocabulary ≈{DEFAULT_VOCAB:,} (estimated until the data is tokenized)"
        frozen = summary.total_parameters - summary.trainable_parameters
        trainable = f" ({frozen:,} frozen)" if frozen else ""
        self._show(summary, f"Parameters: {summary.total_parameters:,}{trainable}  ·  {source}, "
                            f"{summary.output_shape[1]} classes")

    def _summary_failed(self, generation: int, message: str) -> None:
        self._running = False
        if generation == self._generation:
            self.form.set_extra_errors({"config": message})
            self._show(None, f"Cannot build this model: {message}")

    def _show(self, summary: ModelSummary | None, headline: str) -> None:
        self.summary = summary
        self.params_label.setText(headline)
        self.diagram.set_summary(summary)
        self.table.setRowCount(0)
        if summary is None:
            self.memory_label.setText("")
            return
        memory = summary.memory
        batch, max_len = summary.input_shape
        self.memory_label.setText(
            f"Training memory ≈ {_mib(memory.total)} at batch_size {batch}, max_len {max_len}: "
            f"weights {_mib(memory.weights)}, gradients {_mib(memory.gradients)}, "
            f"Adam state {_mib(memory.optimizer)}, activations {_mib(memory.activations)}.")
        self.table.setRowCount(len(summary.layers))
        for i, row in enumerate(summary.layers):
            cells = ("  " * row.depth + row.name, row.kind, row.shape_text,
                     f"{row.parameters:,}" if row.parameters else "–")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, column, item)
