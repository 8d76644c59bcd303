"""Dataset tab: the table, column roles, class counts, text lengths, tokenizer and split."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QSplitter, QTableView, QVBoxLayout,
    QWidget,
)

from studio.core.data.dataset import label_lookup
from studio.core.text.config import TextConfig
from studio.core.text.preview import TokenPreview, preview_tokens
from studio.core.text.tokenizers import TokenizerConfig
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.file_picker import FilePicker
from studio.gui.widgets.plots import BarChart, Histogram
from studio.gui.widgets.table_model import TableModel
from studio.gui.workers import WorkerPool

NONE = "(none)"
TEXT_FILTER = "Text files (*.txt *.dict *.dic);;All files (*)"


class DatasetTab(QWidget):
    openDataRequested = Signal()
    previewReady = Signal()

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self._updating = False
        self._preview_busy = self._preview_again = False

        self.file_label = QLabel("No data yet. Drop a .tsv, .txt or .csv file on the window, "
                                 "or use File > Open data.")
        self.file_label.setWordWrap(True)
        open_button = QPushButton("Open data…")
        open_button.clicked.connect(self.openDataRequested)

        self.text_combo, self.pair_combo, self.label_combo = QComboBox(), QComboBox(), QComboBox()
        self.class_picker = FilePicker("(labels as written in the file)", TEXT_FILTER)
        roles = QGroupBox("Columns")
        roles_form = QFormLayout(roles)
        roles_form.addRow("Text", self.text_combo)
        roles_form.addRow("Second text (pairs)", self.pair_combo)
        roles_form.addRow("Label", self.label_combo)
        roles_form.addRow("Class names", self.class_picker)

        self.validation_picker = FilePicker("(split from the data file)")
        self.test_picker = FilePicker("(split from the data file)")
        self.val_spin, self.test_spin = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.val_spin, self.test_spin):
            spin.setRange(0.0, 50.0)
            spin.setSuffix(" %")
            spin.setDecimals(1)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2_000_000_000)
        split = QGroupBox("Split (stratified)")
        split_form = QFormLayout(split)
        split_form.addRow("Validation file", self.validation_picker)
        split_form.addRow("Test file", self.test_picker)
        split_form.addRow("Validation share", self.val_spin)
        split_form.addRow("Test share", self.test_spin)
        split_form.addRow("Seed", self.seed_spin)

        self.tokenizer_combo = QComboBox()
        self.tokenizer_combo.addItems(["char", "jieba", "whitespace"])
        self.tokenizer_combo.setToolTip(TokenizerConfig.model_fields["type"].description)
        self.user_dict_picker = FilePicker("(jieba default dictionary)", TEXT_FILTER)
        self.stopwords_picker = FilePicker("(keep every token)", TEXT_FILTER)
        self.text_form = ConfigForm()
        text_box = QGroupBox("Tokens")
        text_form = QFormLayout(text_box)
        text_form.addRow("Tokenizer", self.tokenizer_combo)
        text_form.addRow("User dictionary", self.user_dict_picker)
        text_form.addRow("Stopwords", self.stopwords_picker)
        text_form.addRow(self.text_form)

        controls = QWidget()
        column = QVBoxLayout(controls)
        column.addWidget(self.file_label)
        column.addWidget(open_button)
        for box in (roles, split, text_box):
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(380)

        self.table_model = TableModel(self)
        self.table_view = QTableView()
        self.table_view.setModel(self.table_model)
        self.table_view.setWordWrap(False)
        self.table_view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table_view.verticalHeader().setDefaultSectionSize(22)
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText("How the first rows tokenize appears here.")
        self.class_chart = BarChart("Examples per class", horizontal=True)
        self.length_chart = Histogram("Text length", "characters")
        charts = QWidget()
        chart_row = QHBoxLayout(charts)
        chart_row.setContentsMargins(0, 0, 0, 0)
        chart_row.addWidget(self.class_chart)
        chart_row.addWidget(self.length_chart)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.table_view)
        right.addWidget(self.preview)
        right.addWidget(charts)
        right.setSizes([420, 160, 260])

        layout = QHBoxLayout(self)
        main = QSplitter(Qt.Horizontal)
        main.addWidget(scroll)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        layout.addWidget(main)

        for combo in (self.text_combo, self.pair_combo, self.label_combo):
            combo.currentIndexChanged.connect(self._dataset_edited)
        for picker in (self.class_picker, self.validation_picker, self.test_picker):
            picker.pathChanged.connect(self._dataset_edited)
        for spin in (self.val_spin, self.test_spin, self.seed_spin):
            spin.valueChanged.connect(self._dataset_edited)
        self.tokenizer_combo.currentTextChanged.connect(self._text_edited)
        self.user_dict_picker.pathChanged.connect(self._text_edited)
        self.stopwords_picker.pathChanged.connect(self._text_edited)
        self.text_form.changed.connect(self._text_edited)
        model.projectReplaced.connect(self.refresh)
        model.settingsChanged.connect(self._settings_changed)
        self.refresh()

    # ----- showing ----------------------------------------------------------------
    def refresh(self) -> None:
        self._updating = True
        try:
            self._show_settings()
        finally:
            self._updating = False
        self._show_stats()
        self._request_preview()

    def _show_settings(self) -> None:
        table, dataset, text = self.model.table, self.model.settings.dataset, self.model.settings.text
        self.table_model.set_table(table)
        names = [f"{i + 1}: {n}" for i, n in enumerate(table.names)] if table else []
        for combo, value, optional in ((self.text_combo, dataset.text_column, False),
                                       (self.pair_combo, dataset.text_pair_column, True),
                                       (self.label_combo, dataset.label_column, True)):
            combo.clear()
            combo.addItems(([NONE] if optional else []) + names)
            index = -1 if value is None or not table or value >= table.num_columns else value
            combo.setCurrentIndex(index + (1 if optional else 0) if index >= 0 else (0 if optional else -1))
        if table:
            header = "with a header row" if table.has_header else "no header row"
            warn = ("\n⚠ " + "; ".join(table.warnings)) if table.warnings else ""
            self.file_label.setText(f"{table.path.name}: {table.num_rows:,} rows, {table.num_columns} "
                                    f"columns, {table.encoding}, {header}.{warn}")
            self.file_label.setToolTip(str(table.path))
        elif dataset.train:
            self.file_label.setText(f"{dataset.train} (not loaded)")
        self.class_picker.set_path(dataset.class_names)
        self.validation_picker.set_path(dataset.validation)
        self.test_picker.set_path(dataset.test)
        self.val_spin.setValue(dataset.val_fraction * 100)
        self.test_spin.setValue(dataset.test_fraction * 100)
        self.seed_spin.setValue(dataset.split_seed)
        self.tokenizer_combo.setCurrentText(text.tokenizer.type)
        self.user_dict_picker.set_path(text.tokenizer.user_dict)
        self.stopwords_picker.set_path(text.tokenizer.stopwords)
        self.text_form.set_model(TextConfig, text)
        self._show_roles()

    def _show_roles(self) -> None:
        dataset = self.model.settings.dataset
        roles = ((dataset.text_column, "text"), (dataset.text_pair_column, "text 2"),
                 (dataset.label_column, "label"))
        self.table_model.set_roles({column: tag for column, tag in roles if column is not None})

    def _show_stats(self) -> None:
        table, dataset = self.model.table, self.model.settings.dataset
        if table is None or dataset.text_column >= table.num_columns:
            self.class_chart.clear()
            self.length_chart.clear()
            return
        self.length_chart.set_values([len(t) for t in table.columns[dataset.text_column]])
        if dataset.label_column is None or dataset.label_column >= table.num_columns:
            self.class_chart.clear()
            return
        names, from_file = self.model.label_names()
        lookup = label_lookup(names, from_file)
        shown = [0] * len(names)
        for value, count in Counter(table.columns[dataset.label_column]).items():
            label = lookup(value)
            if label is not None:
                shown[label] += count
        if len(names) <= 60:
            self.class_chart.set_data(names, shown)
        else:
            self.class_chart.clear()
            self.class_chart.setTitle(f"{len(names)} classes: too many to chart")

    def _request_preview(self) -> None:
        table, dataset = self.model.table, self.model.settings.dataset
        if table is None or dataset.text_column >= table.num_columns:
            self.preview.setPlainText("")
            return
        if self._preview_busy:
            self._preview_again = True
            return
        self._preview_busy = True
        pairs = table.columns[dataset.text_pair_column] if dataset.text_pair_column is not None else None
        self.pool.run_task(preview_tokens, self.model.settings.text, table.columns[dataset.text_column],
                           pairs, on_done=self._preview_done, on_failed=self._preview_failed)

    def _preview_done(self, result: TokenPreview) -> None:
        lines = [f"{text[:60]}\n    → {' | '.join(tokens[:60])}" for text, tokens in result.rows]
        summary = (f"≈ {result.vocab_estimate:,} vocabulary entries and {result.mean_tokens:.1f} "
                   f"tokens per text (from {result.sampled_rows:,} rows)\n\n")
        self.preview.setPlainText(summary + "\n".join(lines))
        self.model.set_vocab_estimate(result.vocab_estimate)
        self._preview_finished()

    def _preview_failed(self, message: str) -> None:
        self.preview.setPlainText(f"Cannot tokenize: {message}")
        self._preview_finished()

    def _preview_finished(self) -> None:
        self._preview_busy = False
        if self._preview_again:
            self._preview_again = False
            self._request_preview()
        else:
            self.previewReady.emit()

    # ----- editing ----------------------------------------------------------------
    def _settings_changed(self, group: str) -> None:
        if group in ("dataset", "text") and not self._updating:
            self.refresh()

    def _dataset_edited(self, *_) -> None:
        if self._updating:
            return
        optional = lambda combo: combo.currentIndex() - 1 if combo.currentIndex() > 0 else None  # noqa: E731
        update = {
            "text_column": max(0, self.text_combo.currentIndex()),
            "text_pair_column": optional(self.pair_combo),
            "label_column": optional(self.label_combo),
            "class_names": self.class_picker.path() or None,
            "validation": self.validation_picker.path() or None,
            "test": self.test_picker.path() or None,
            "val_fraction": round(self.val_spin.value() / 100, 4),
            "test_fraction": round(self.test_spin.value() / 100, 4),
            "split_seed": self.seed_spin.value(),
        }
        dataset = self.model.settings.dataset.model_copy(update=update)
        self._apply("dataset", dataset)

    def _text_edited(self, *_) -> None:
        if self._updating:
            return
        values = self.text_form.value()
        if values is None:
            return
        tokenizer = TokenizerConfig(type=self.tokenizer_combo.currentText(),
                                    lowercase=self.model.settings.text.tokenizer.lowercase,
                                    user_dict=self.user_dict_picker.path() or None,
                                    stopwords=self.stopwords_picker.path() or None)
        self._apply("text", values.model_copy(update={"tokenizer": tokenizer}))

    def _apply(self, group: str, value) -> None:
        self._updating = True
        try:
            self.model.update(group, value)
        finally:
            self._updating = False
        self._show_roles()
        self._show_stats()
        self._request_preview()
