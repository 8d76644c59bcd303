"""The Inference tab's "Label a file": open or drop a data file, watch every row's
prediction stream into a table (text, label, confidence, each class's probability; the
true label and ✓/✗ when the file has labels), sort and filter it, export it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.batch import BatchPredictions
from studio.core.inference.predictor import Predictor
from studio.core.project_runs import Run
from studio.gui import file_dialogs
from studio.gui.i18n import Retranslating
from studio.gui.tabs.inference_batch_work import Labelled, Started, export_predictions, label_file
from studio.gui.widgets.batch_table import BatchFilter, BatchTableModel
from studio.gui.widgets.task_progress import TaskProgress
from studio.gui.workers import WorkerPool

TEXT_COLUMN_WIDTH = 360  # pixels


class BatchPanel(Retranslating, QWidget):
    """Labels a file with the run ``current_run()`` gives, on ``pool``; ``predictors``
    (run id -> :class:`Predictor`) is shared with the rest of the tab so a run loads once.
    Files dropped on it are labelled (the window's drop router defers to
    :meth:`drop_files`)."""

    labelled = Signal(object)  # the Labelled file, once every row is done
    rowChosen = Signal(str, object)  # a double-clicked row's text and second text (or None)
    errorOccurred = Signal(str)

    def __init__(self, pool: WorkerPool, current_run: Callable[[], Run | None],
                 predictors: dict[str, Predictor], parent=None):
        super().__init__(parent)
        self.pool, self.current_run, self.predictors = pool, current_run, predictors
        self.result: Labelled | None = None
        self._path = self._run_id = ""  # the file shown and the run labelling it

        self.open_button, self.export_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        self.progress = TaskProgress()
        self.file_label, self.summary, self.hint = QLabel(), QLabel(), QLabel()
        self.hint.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.label_combo, self.which_combo = QComboBox(), QComboBox()
        self.table_model = BatchTableModel(self)
        self.proxy = BatchFilter(self.table_model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # the file's order until a click
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.doubleClicked.connect(self._row_chosen)
        for signal in (self.filter_edit.textChanged, self.label_combo.currentIndexChanged,
                       self.which_combo.currentIndexChanged):
            signal.connect(self._filter)

        top = QHBoxLayout()
        for widget in (self.open_button, self.file_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.export_button)
        filters = QHBoxLayout()
        for widget in (self.filter_edit, self.label_combo, self.which_combo):
            filters.addWidget(widget)
        filters.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Label a file…"))
        self.open_button.setToolTip(self.tr("Label every row of a data file with the chosen run; a labelled "
                                            "file also shows which predictions are right."))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write every row's prediction to a CSV, TSV or JSON Lines file."))
        self.hint.setText(self.tr("Drop a data file here, or choose one: any file the Dataset tab reads (for a "
                                  "sentence-pair run, one with two text columns). Double-click a row to see "
                                  "it on its own, with its explanation."))
        self.filter_edit.setPlaceholderText(self.tr("Filter by text"))
        self.filter_edit.setToolTip(self.tr("Show only the rows whose text (or second text) contains this."))
        self.label_combo.setToolTip(self.tr("Show only the rows predicted as this label."))
        self.which_combo.setToolTip(self.tr("With a labelled file: show every row, or only the wrong or right "
                                            "predictions."))
        self._fill_label_combo()
        current = self.which_combo.currentIndex()
        self.which_combo.blockSignals(True)
        self.which_combo.clear()
        for text, which in ((self.tr("All rows"), "all"), (self.tr("Wrong only"), "wrong"),
                            (self.tr("Right only"), "right")):
            self.which_combo.addItem(text, which)
        self.which_combo.setCurrentIndex(max(0, current))
        self.which_combo.blockSignals(False)
        self._set_headers()
        self._show_summary()

    def forget_runs_except(self, known: set[str]) -> None:
        """Clear a labelled file whose run is no longer in the project (another project
        opened, the run removed); a file being labelled with it is cancelled."""
        if self._run_id and self._run_id not in known:
            self.pool.cancel((self, "label"))
            self.progress.cancel()
            self.result, self._path, self._run_id = None, "", ""
            self.show_text(self.file_label, lambda: "")
            self.export_button.setEnabled(False)
            self.table_model.clear()
            self._show_summary()

    # ----- choosing and labelling --------------------------------------------------
    def choose_file(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Label a file"), "data", file_dialogs.data_filter())
        if path:
            self.label_path(path)

    def drop_files(self, paths: list[str]) -> None:
        self.label_path(paths[0])

    def label_path(self, path: str) -> None:
        """Label ``path`` with the current run on a worker (a file being labelled is
        superseded)."""
        run = self.current_run()
        if run is None:
            return
        self._path, self.result, self._run_id = path, None, run.id
        self.show_text(self.file_label, lambda: Path(path).name)
        self.export_button.setEnabled(False)
        self.table_model.clear()
        job = self.pool.submit(label_file, path, run, self.predictors.get(run.id), key=(self, "label"),
                               reports=True, on_event=self._event, on_done=self._done,
                               on_failed=self._failed, on_cancelled=self._show_summary)
        self.progress.track(job, self.tr("Labelling {name}…").format(name=Path(path).name))

    def _event(self, event) -> None:
        if isinstance(event, Started):
            self.table_model.start(event.rows, event.label_names)
            self._fill_label_combo()
            self._set_headers()
            self.table.setColumnWidth(self.table_model.column_kinds().index("text"), TEXT_COLUMN_WIDTH)
            if self.table_model.paired:
                self.table.setColumnWidth(self.table_model.column_kinds().index("text_b"), TEXT_COLUMN_WIDTH)
        elif isinstance(event, BatchPredictions):
            self.table_model.append(event)
            self._show_summary()

    def _done(self, labelled: Labelled) -> None:
        self.result = labelled
        self.predictors[labelled.run_id] = labelled.predictor
        self.export_button.setEnabled(True)
        self.proxy.invalidate()  # filters and the chosen sort now cover every row
        self._show_summary()
        self.labelled.emit(labelled)

    def _failed(self, message: str) -> None:
        self.show_text(self.file_label, lambda: "")
        self.errorOccurred.emit(message)

    # ----- looking at it -----------------------------------------------------------
    def _row_chosen(self, index) -> None:
        model = self.table_model
        row = self.proxy.mapToSource(index).row()
        if model.rows is not None and 0 <= row < len(model.labels):
            self.rowChosen.emit(model.rows.texts[row], model.rows.pairs[row] if model.paired else None)

    def _filter(self) -> None:
        self.proxy.set_filters(self.filter_edit.text(), self.label_combo.currentData() or "",
                               self.which_combo.currentData() or "all")
        self._show_summary()

    def _fill_label_combo(self) -> None:
        chosen = self.label_combo.currentData()
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        self.label_combo.addItem(self.tr("Any predicted label"), "")
        for name in self.table_model.label_names:
            self.label_combo.addItem(name, name)
        index = self.label_combo.findData(chosen)
        self.label_combo.setCurrentIndex(max(0, index))
        self.label_combo.blockSignals(False)

    def _set_headers(self) -> None:
        names = self.table_model.label_names
        words = {"line": self.tr("Line"), "text": self.tr("Text"), "text_b": self.tr("Second text"),
                 "label": self.tr("Predicted"), "confidence": self.tr("Confidence"),
                 "truth": self.tr("True label"), "correct": self.tr("Right")}
        self.table_model.set_headers([words.get(kind) or self.tr("P({label})").format(label=names[int(kind[2:])])
                                      for kind in self.table_model.column_kinds()])

    def _show_summary(self) -> None:
        model = self.table_model
        self.which_combo.setEnabled(model.labelled)
        if model.rows is None:
            self.summary.setText("")
            return
        done, total, shown = len(model.labels), len(model.rows), self.proxy.rowCount()
        text = self.tr("{done} of {total} rows labelled; {shown} shown").format(
            done=f"{done:,}", total=f"{total:,}", shown=f"{shown:,}")
        accuracy = model.accuracy()
        if accuracy is not None:
            text += self.tr("; accuracy {accuracy} against the file's labels").format(accuracy=f"{accuracy:.2%}")
        self.summary.setText(text)

    # ----- export ----------------------------------------------------------------------
    def export(self) -> None:
        if self.result is None:
            return
        suggested = str(Path(self._path).with_suffix("")) + "-predictions.csv"
        path = file_dialogs.save_file(self, self.tr("Export predictions"), "data", suggested,
                                      self.tr("CSV (*.csv);;TSV (*.tsv);;JSON Lines (*.jsonl)"))
        if path:
            self.pool.submit(export_predictions, path, self.result, key=(self, "export"),
                             on_done=self._exported, on_failed=self.errorOccurred.emit)

    def _exported(self, path: Path) -> None:
        name = Path(self._path).name
        self.show_text(self.file_label, lambda: self.tr("{name} → exported to {path}").format(name=name, path=path))
