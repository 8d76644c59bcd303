"""Dataset tab: the table, column roles, class counts, text lengths, tokenizer and split."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.core.text.config import TextConfig
from studio.core.text.preview import TokenPreview, preview_tokens
from studio.core.text.tokenizers import TokenizerConfig
from studio.gui.config_texts import FIELD_CONTEXT
from studio.gui.i18n import Retranslating, translate
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.controls_scroll import ControlsScroll
from studio.gui.widgets.data_table import DataTableView
from studio.gui.widgets.file_picker import FilePicker
from studio.gui.widgets.pair_overview import LengthCharts, TaskLabel, TokenPreviewText, show_label_balance
from studio.gui.widgets.plots import BarChart
from studio.gui.widgets.table_model import TableModel
from studio.gui.wording import name_text, word
from studio.gui.workers import WorkerPool

NONE = QT_TRANSLATE_NOOP("DatasetTab", "(none)")
# FilePicker shows its filter through translate("FileDialogs", ...).
TEXT_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "Text files (*.txt *.dict *.dic);;All files (*)")
TOKENIZERS = ("char", "jieba", "whitespace")  # TokenizerConfig.type values, in the combo's order


def _tokenizer_field(name: str):
    return TokenizerConfig.model_fields[name]


class DatasetTab(Retranslating, QWidget):
    openDataRequested = Signal()
    previewReady = Signal()

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self._updating = False
        self._labels: dict[str, QLabel] = {}  # form row labels, set in retranslate()

        def row(form: QFormLayout, key: str, field: QWidget) -> None:
            self._labels[key] = QLabel()
            form.addRow(self._labels[key], field)

        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.openDataRequested)
        self.task_label = TaskLabel()  # follows the columns: classification or sentence pairs

        self.text_combo, self.pair_combo, self.label_combo = QComboBox(), QComboBox(), QComboBox()
        self.class_picker = FilePicker("", TEXT_FILTER, kind="dictionary")
        self.roles_box = QGroupBox()
        roles_form = QFormLayout(self.roles_box)
        row(roles_form, "text", self.text_combo)
        row(roles_form, "pair", self.pair_combo)
        row(roles_form, "label", self.label_combo)
        row(roles_form, "classes", self.class_picker)

        self.validation_picker = FilePicker("")
        self.test_picker = FilePicker("")
        self.val_spin, self.test_spin = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.val_spin, self.test_spin):
            spin.setRange(0.0, 50.0)
            spin.setSuffix(" %")
            spin.setDecimals(1)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2_000_000_000)
        self.split_box = QGroupBox()
        split_form = QFormLayout(self.split_box)
        row(split_form, "validation", self.validation_picker)
        row(split_form, "test", self.test_picker)
        row(split_form, "val_share", self.val_spin)
        row(split_form, "test_share", self.test_spin)
        row(split_form, "seed", self.seed_spin)

        self.tokenizer_combo = QComboBox()
        for value in TOKENIZERS:
            self.tokenizer_combo.addItem(value, value)  # shown texts are set in retranslate()
        self.user_dict_picker = FilePicker("", TEXT_FILTER, kind="dictionary")
        self.stopwords_picker = FilePicker("", TEXT_FILTER, kind="dictionary")
        self.text_form = ConfigForm()
        self.text_box = QGroupBox()
        text_form = QFormLayout(self.text_box)
        row(text_form, "type", self.tokenizer_combo)
        row(text_form, "user_dict", self.user_dict_picker)
        row(text_form, "stopwords", self.stopwords_picker)
        text_form.addRow(self.text_form)

        controls = QWidget()
        column = QVBoxLayout(controls)
        column.addWidget(self.file_label)
        column.addWidget(self.task_label)
        column.addWidget(self.open_button)
        for box in (self.roles_box, self.split_box, self.text_box):
            column.addWidget(box)
        column.addStretch(1)
        scroll = ControlsScroll(controls)

        self.table_model = TableModel(self)
        self.table_view = DataTableView()  # the text column takes the room
        self.table_view.setModel(self.table_model)
        self.preview = TokenPreviewText()  # each side of a pair apart
        self.class_chart = BarChart(horizontal=True)
        self.lengths = LengthCharts()  # per text column; clipped at the 99th percentile, max_len marked
        self.length_chart = self.lengths.side_a
        charts = QWidget()
        self.chart_row = QHBoxLayout(charts)
        self.chart_row.setContentsMargins(0, 0, 0, 0)
        self.chart_row.addWidget(self.class_chart, 1)
        self.chart_row.addWidget(self.lengths, 1)
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
        self.tokenizer_combo.currentIndexChanged.connect(self._text_edited)
        self.user_dict_picker.pathChanged.connect(self._text_edited)
        self.stopwords_picker.pathChanged.connect(self._text_edited)
        self.text_form.changed.connect(self._text_edited)
        model.projectReplaced.connect(self.refresh)
        model.settingsChanged.connect(self._settings_changed)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open data…"))
        self.open_button.setToolTip(self.tr("Open a .tsv, .txt or .csv file of texts and labels."))
        self.roles_box.setTitle(self.tr("Columns"))
        self.split_box.setTitle(self.tr("Split (stratified)"))
        self.text_box.setTitle(self.tr("Tokens"))
        texts = {
            "text": self.tr("Text"), "pair": self.tr("Second text (pairs)"), "label": self.tr("Label"),
            "classes": self.tr("Class names"), "validation": self.tr("Validation file"),
            "test": self.tr("Test file"), "val_share": self.tr("Validation share"),
            "test_share": self.tr("Test share"), "seed": self.tr("Seed"),
            **{name: translate(FIELD_CONTEXT, _tokenizer_field(name).title)
               for name in ("type", "user_dict", "stopwords")},
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.text_combo.setToolTip(self.tr("The column holding the text to classify."))
        self.pair_combo.setToolTip(self.tr("For sentence pairs: the column holding the second text; "
                                           "(none) for single texts."))
        self.label_combo.setToolTip(self.tr("The column holding each text's class label."))
        self.class_picker.setToolTip(self.tr("Optional file with one class name per line, in label-id "
                                             "order; use it when the labels in the data are numbers."))
        self.class_picker.set_placeholder(self.tr("(labels as written in the file)"))
        self.validation_picker.setToolTip(self.tr("Optional separate file of validation examples; "
                                                  "without it they are split from the data file."))
        self.test_picker.setToolTip(self.tr("Optional separate file of test examples; without it they "
                                            "are split from the data file."))
        for picker in (self.validation_picker, self.test_picker):
            picker.set_placeholder(self.tr("(split from the data file)"))
        self.val_spin.setToolTip(self.tr("Share of the data file held out for validation, with the "
                                         "same class proportions (when there is no validation file)."))
        self.test_spin.setToolTip(self.tr("Share of the data file held out for the final test, with the "
                                          "same class proportions (when there is no test file)."))
        self.seed_spin.setToolTip(self.tr("Seed of the random split: the same seed gives the same split."))
        shown = {"char": self.tr("Characters (char)"), "jieba": self.tr("Words (jieba)"),
                 "whitespace": self.tr("Split on spaces (whitespace)")}
        for index in range(self.tokenizer_combo.count()):
            self.tokenizer_combo.setItemText(index, shown[self.tokenizer_combo.itemData(index)])
        self.tokenizer_combo.setToolTip(translate(FIELD_CONTEXT, _tokenizer_field("type").description))
        self.user_dict_picker.setToolTip(translate(FIELD_CONTEXT, _tokenizer_field("user_dict").description))
        self.user_dict_picker.set_placeholder(self.tr("(jieba default dictionary)"))
        self.stopwords_picker.setToolTip(translate(FIELD_CONTEXT, _tokenizer_field("stopwords").description))
        self.stopwords_picker.set_placeholder(self.tr("(keep every token)"))
        for combo, offset in ((self.text_combo, 0), (self.pair_combo, 1), (self.label_combo, 1)):
            if offset and combo.count():
                combo.setItemText(0, translate("DatasetTab", NONE))
            for index, name in enumerate(self._column_names()[:max(0, combo.count() - offset)]):
                combo.setItemText(offset + index, name)  # "column 3" follows the language
        self.table_model.retranslate()
        self._show_file()
        self._show_stats()

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
        names = self._column_names()
        for combo, value, optional in ((self.text_combo, dataset.text_column, False),
                                       (self.pair_combo, dataset.text_pair_column, True),
                                       (self.label_combo, dataset.label_column, True)):
            combo.clear()
            combo.addItems(([translate("DatasetTab", NONE)] if optional else []) + names)
            index = -1 if value is None or not table or value >= table.num_columns else value
            combo.setCurrentIndex(index + (1 if optional else 0) if index >= 0 else (0 if optional else -1))
        self._show_file()
        self.class_picker.set_path(dataset.class_names)
        self.validation_picker.set_path(dataset.validation)
        self.test_picker.set_path(dataset.test)
        self.val_spin.setValue(dataset.val_fraction * 100)
        self.test_spin.setValue(dataset.test_fraction * 100)
        self.seed_spin.setValue(dataset.split_seed)
        self.tokenizer_combo.setCurrentIndex(self.tokenizer_combo.findData(text.tokenizer.type))
        self.user_dict_picker.set_path(text.tokenizer.user_dict)
        self.stopwords_picker.set_path(text.tokenizer.stopwords)
        self.text_form.set_model(TextConfig, text)
        self._show_roles()

    def _column_names(self) -> list[str]:
        """The data's columns as the combos list them: ``"2: label"``."""
        table = self.model.table
        return [f"{i + 1}: {name_text(n)}" for i, n in enumerate(table.names)] if table else []

    def _show_file(self) -> None:
        """Which data file is open, with its size and format."""
        table, dataset = self.model.table, self.model.settings.dataset
        if table:
            values = dict(name=table.path.name, rows=f"{table.num_rows:,}", columns=table.num_columns,
                          encoding=table.encoding)
            text = (self.tr("{name}: {rows} rows, {columns} columns, {encoding}, with a header row.")
                    if table.has_header else
                    self.tr("{name}: {rows} rows, {columns} columns, {encoding}, no header row.")).format(**values)
            warn = ("\n⚠ " + "; ".join(word(w) for w in table.warnings)) if table.warnings else ""
            self.file_label.setText(text + warn)
            self.file_label.setToolTip(str(table.path))
        elif dataset.train:
            self.file_label.setText(self.tr("{path} (not loaded)").format(path=dataset.train))
            self.file_label.setToolTip(dataset.train)
        else:
            self.file_label.setText(self.tr("No data yet. Drop a .tsv, .txt or .csv file on the window, "
                                            "or use File > Open data."))
            self.file_label.setToolTip("")

    def _show_roles(self) -> None:
        dataset = self.model.settings.dataset
        roles = ((dataset.text_column, "text"), (dataset.text_pair_column, "text 2"),
                 (dataset.label_column, "label"))
        self.table_model.set_roles({column: tag for column, tag in roles if column is not None})

    def _show_stats(self) -> None:
        """The task, the label balance and the text lengths (each side of a pair apart)."""
        table, settings = self.model.table, self.model.settings
        dataset = settings.dataset
        self.preview.set_pairs_apart(settings.pairs_apart)
        if table is None or dataset.text_column >= table.num_columns:
            self.task_label.set_task(None, 0)
            show_label_balance(self.class_chart, None, [], False, pairs=False)
            self.lengths.clear()
            return
        pairs = self._second_texts()
        self.lengths.show_texts(table.columns[dataset.text_column], pairs, settings.text.max_len)
        self.chart_row.setStretch(1, 2 if pairs is not None else 1)  # two histograms want the room
        label = dataset.label_column
        names, from_file = self.model.label_names() if label is not None and label < table.num_columns else ([], False)
        self.task_label.set_task(dataset.task, len(names))
        show_label_balance(self.class_chart, table.columns[label] if names else None, names, from_file,
                           pairs=pairs is not None)

    def _request_preview(self) -> None:
        """Tokenize the first rows on a worker; a newer request supersedes a running one."""
        key = (self, "preview")
        table, dataset = self.model.table, self.model.settings.dataset
        if table is None or dataset.text_column >= table.num_columns:
            self.pool.cancel(key)
            self.preview.show_preview(None)
            return
        self.pool.submit(preview_tokens, self.model.settings.text, table.columns[dataset.text_column],
                         self._second_texts(), key=key, on_done=self._preview_done, on_failed=self._preview_failed)

    def _second_texts(self) -> list[str] | None:
        """The loaded table's second text column; ``None`` for single texts or a column the file lacks."""
        table, pair = self.model.table, self.model.settings.dataset.text_pair_column
        return table.columns[pair] if table is not None and pair is not None and pair < table.num_columns else None

    def _preview_done(self, result: TokenPreview) -> None:
        self.lengths.set_preview(result)
        self.preview.show_preview(result)
        self.model.set_vocab_estimate(result.vocab_estimate)
        self.previewReady.emit()

    def _preview_failed(self, message: str) -> None:
        self.preview.show_preview(None, message)
        self.previewReady.emit()

    # ----- editing ----------------------------------------------------------------
    def _settings_changed(self, group: str) -> None:
        if group in ("dataset", "text") and not self._updating:
            self.refresh()
        elif group == "model":  # a pair model reads the two texts apart
            self.preview.set_pairs_apart(self.model.settings.pairs_apart)

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
        tokenizer = TokenizerConfig(type=self.tokenizer_combo.currentData(),
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
