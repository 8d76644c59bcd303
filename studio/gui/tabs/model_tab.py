"""Model tab: pick a registered model and shape it with a form drawn from its config."""

from __future__ import annotations

import torch
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from studio.core.errors import StudioError
from studio.core.models import build_model, count_parameters, get_entry, model_names
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.config_form import ConfigForm

DEFAULT_VOCAB = 5000  # shown before any data is tokenized


def parameter_count(config: dict, vocab_size: int, num_classes: int) -> int:
    """Parameters of the model ``config`` describes; built on the meta device, so no
    memory is allocated however large the model is."""
    with torch.device("meta"):
        return count_parameters(build_model(config, vocab_size, num_classes))


class ModelTab(QWidget):
    def __init__(self, model: ProjectModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._updating = False
        self.combo = QComboBox()
        for name in model_names():
            self.combo.addItem(get_entry(name).title, name)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.form = ConfigForm()
        self.params_label = QLabel()
        self.params_label.setObjectName("params_label")
        font = self.params_label.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.params_label.setFont(font)

        chooser = QGroupBox("Model")
        chooser_form = QFormLayout(chooser)
        chooser_form.addRow("Architecture", self.combo)
        chooser_form.addRow(self.description)
        settings = QGroupBox("Settings")
        QVBoxLayout(settings).addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(chooser)
        layout.addWidget(settings)
        layout.addWidget(self.params_label)
        layout.addStretch(1)

        self.combo.currentIndexChanged.connect(self._model_chosen)
        self.form.changed.connect(self._form_changed)
        self.form.validityChanged.connect(lambda _: self._show_count())
        model.projectReplaced.connect(self.refresh)
        model.settingsChanged.connect(self._settings_changed)
        model.vocabEstimateChanged.connect(lambda _: self._show_count())
        model.runsChanged.connect(self._show_count)
        self.refresh()

    @property
    def valid(self) -> bool:
        return self.form.valid

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
        self._show_count()

    def _settings_changed(self, group: str) -> None:
        if group == "model" and not self._updating:
            self.refresh()
        elif group in ("dataset", "text"):
            self._show_count()

    def _model_chosen(self) -> None:
        if self._updating:
            return
        name = self.combo.currentData()
        current = self.model.settings.model
        if current["type"] != name:
            self.model.update("model", get_entry(name).config_cls().model_dump())

    def _form_changed(self, values: dict) -> None:
        self._updating = True
        try:
            self.model.update("model", values)
        finally:
            self._updating = False
        self._show_count()

    def num_classes(self) -> int:
        return max(2, len(self.model.label_names()[0]))

    def _show_count(self) -> None:
        if not self.form.valid:
            self.params_label.setText("Parameters: — (fix the settings marked in red)")
            return
        vocab = self.model.vocab_estimate or DEFAULT_VOCAB
        classes = self.num_classes()
        try:
            count = parameter_count(self.model.settings.model, vocab, classes)
        except (StudioError, RuntimeError, ValueError) as exc:
            self.params_label.setText(f"Cannot build this model: {exc}")
            return
        source = "" if self.model.vocab_estimate else " (estimated)"
        self.params_label.setText(f"Parameters: {count:,}  ·  vocabulary {vocab:,}{source}, "
                                  f"{classes} classes")
