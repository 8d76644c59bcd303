"""Study a finished run: scores, per-class table, a clickable confusion-matrix heatmap
and a browser over the examples behind each cell.

The evaluation (reading the data, predicting a split) runs on a worker; only the
newest request's answer is shown.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.evaluation import Evaluation, evaluate_run_split
from studio.gui.i18n import Retranslating, translate
from studio.gui.widgets.plots import ThemedPlot
from studio.gui.workers import WorkerPool

_TOP = QModelIndex()  # the parent of every cell
HEAT_COLORS = pg.ColorMap([0.0, 1.0], [(247, 251, 255), (8, 48, 107)])  # white -> dark blue
SPLIT_NAMES = {"test": QT_TRANSLATE_NOOP("EvaluationView", "Test set"),
               "validation": QT_TRANSLATE_NOOP("EvaluationView", "Validation set"),
               "train": QT_TRANSLATE_NOOP("EvaluationView", "Training set")}
CLASS_COLUMNS = (QT_TRANSLATE_NOOP("EvaluationView", "Class"), QT_TRANSLATE_NOOP("EvaluationView", "Precision"),
                 QT_TRANSLATE_NOOP("EvaluationView", "Recall"), QT_TRANSLATE_NOOP("EvaluationView", "F1"),
                 QT_TRANSLATE_NOOP("EvaluationView", "Support"))


def split_name(split: str) -> str:
    """A split's name (``test``, ``validation``, ``train``) in the language in force."""
    return translate("EvaluationView", SPLIT_NAMES[split]) if split in SPLIT_NAMES else split


class ExamplesModel(QAbstractTableModel):
    """Every example of an :class:`Evaluation`: text, [second text,] true label, predicted
    label, confidence. ``Qt.UserRole`` gives sortable values (confidence as a float).

    ``columns`` names the columns (``text``, ``pair``, ``true``, ``pred``, ``confidence``);
    ``headers`` are their titles in the language in force."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.evaluation: Evaluation | None = None
        self.columns: list[str] = []

    @property
    def headers(self) -> list[str]:
        return [self.header(column) for column in self.columns]

    def header(self, column: str) -> str:
        return {"text": self.tr("Text"), "pair": self.tr("Second text"), "true": self.tr("True label"),
                "pred": self.tr("Predicted"), "confidence": self.tr("Confidence")}[column]

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        self.beginResetModel()
        self.evaluation = evaluation
        pairs = evaluation is not None and evaluation.pairs is not None
        self.columns = ["text", *(["pair"] if pairs else []), "true", "pred", "confidence"]
        self.endResetModel()

    def rowCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self.evaluation is None else len(self.evaluation)

    def columnCount(self, parent=_TOP) -> int:
        return 0 if parent.isValid() or self.evaluation is None else len(self.columns)

    def _value(self, row: int, column: int):
        ev = self.evaluation
        name = self.columns[column]
        if name == "text":
            return ev.texts[row]
        if name == "pair":
            return ev.pairs[row]
        if name == "true":
            return ev.label_names[ev.y_true[row]]
        if name == "pred":
            return ev.label_names[ev.y_pred[row]]
        return float(ev.confidence[row])

    def data(self, index, role=Qt.DisplayRole):
        if self.evaluation is None or not index.isValid():
            return None
        value = self._value(index.row(), index.column())
        if role == Qt.UserRole:
            return value
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return f"{value:.3f}" if isinstance(value, float) else value
        if role == Qt.ForegroundRole and self.columns[index.column()] == "pred":
            ev = self.evaluation
            if ev.y_true[index.row()] != ev.y_pred[index.row()]:
                return QColor(200, 40, 30)
        if role == Qt.TextAlignmentRole and isinstance(value, float):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return self.header(self.columns[section]) if 0 <= section < len(self.columns) else None
        return str(section + 1)


class ExamplesFilter(QSortFilterProxyModel):
    """Keeps the examples that match a text (case-insensitive substring), a true and a
    predicted class (``None``: any) and, optionally, only the misclassified ones."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Qt.UserRole)
        self._keep: np.ndarray | None = None
        self._lowered: list[str] = []

    def source_changed(self) -> None:
        ev = self.sourceModel().evaluation
        self._lowered = [] if ev is None else [
            t.lower() + ("\n" + ev.pairs[i].lower() if ev.pairs is not None else "")
            for i, t in enumerate(ev.texts)]

    def set_filter(self, text: str = "", true: int | None = None, pred: int | None = None,
                   errors_only: bool = False) -> None:
        ev = self.sourceModel().evaluation
        keep = None
        if ev is not None:
            keep = np.ones(len(ev), dtype=bool)
            if true is not None:
                keep &= ev.y_true == true
            if pred is not None:
                keep &= ev.y_pred == pred
            if errors_only:
                keep &= ev.y_true != ev.y_pred
            needle = text.strip().lower()
            if needle:
                keep &= np.fromiter((needle in t for t in self._lowered), bool, len(ev))
        self.beginFilterChange()
        self._keep = keep
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        return self._keep is None or bool(self._keep[source_row])


class EvaluationView(Retranslating, QWidget):
    """A finished run's evaluation on one of its splits.

    Signals:
        evaluated(): an evaluation was computed and shown.
        failed(str): the evaluation failed (say, the run's data files are missing); the
            message is shown in the view.
        cellChosen(int, int): a confusion-matrix cell (true id, predicted id) was chosen.
    """

    evaluated = Signal()
    failed = Signal(str)
    cellChosen = Signal(int, int)

    def __init__(self, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.pool = pool
        self.evaluation: Evaluation | None = None
        self._run = self._tables = None
        self._cell_texts: list[pg.TextItem] = []
        self._build()
        self.retranslate()
        self._say(lambda: self.tr("Choose a finished run to evaluate it."))

    def retranslate(self) -> None:
        for i, key in enumerate(SPLIT_NAMES):
            self.split_combo.setItemText(i, split_name(key))
        self.split_combo.setToolTip(self.tr("The split of the run's data to evaluate the model on."))
        self.split_label.setText(self.tr("Split:"))
        self.class_table.setHorizontalHeaderLabels([translate("EvaluationView", name) for name in CLASS_COLUMNS])
        self.counts_button.setText(self.tr("Counts"))
        self.counts_button.setToolTip(self.tr("Show how many examples fall in each cell of the confusion matrix."))
        self.normalised_button.setText(self.tr("Normalised by row"))
        self.normalised_button.setToolTip(self.tr("Show each cell as a share of its true class, "
                                                  "so every row adds up to 1."))
        self.matrix_label.setText(self.tr("Confusion matrix (click a cell to see its examples):"))
        self.plot.setLabel("bottom", self.tr("Predicted"))
        self.plot.setLabel("left", self.tr("True"))
        self.filter_edit.setPlaceholderText(self.tr("Filter texts…"))
        self.filter_edit.setToolTip(self.tr("Show only the examples whose text contains this (ignoring case)."))
        self.true_label.setText(self.tr("True:"))
        self.true_combo.setToolTip(self.tr("Show only the examples of this true class."))
        self.pred_label.setText(self.tr("Predicted:"))
        self.pred_combo.setToolTip(self.tr("Show only the examples predicted as this class."))
        for combo in (self.true_combo, self.pred_combo):
            if combo.count():
                combo.setItemText(0, self.tr("Any"))
        self.errors_check.setText(self.tr("Errors only"))
        self.errors_check.setToolTip(self.tr("Show only the misclassified examples."))
        columns = self.examples_model.columns
        if columns:  # the header asks for the titles again; told by the view itself, since
            # a headerDataChanged passed through the filter proxy crashed Qt (6.11) here
            self.examples_table.horizontalHeader().headerDataChanged(Qt.Horizontal, 0, len(columns) - 1)
        self._show_count()

    def _say(self, text: Callable[[], str], error: bool = False) -> None:
        """Show the message ``text()`` renders (again after a switch of language)."""
        self.message.setStyleSheet("color: #c0392b;" if error else "")
        self.show_text(self.message, text)

    # ----- layout -------------------------------------------------------------------
    def _build(self) -> None:
        self.split_combo = QComboBox()
        for key in SPLIT_NAMES:
            self.split_combo.addItem("", key)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.split_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.split_label)
        top.addWidget(self.split_combo)
        top.addWidget(self.message, 1)

        self.class_table = QTableWidget(0, len(CLASS_COLUMNS))
        self.class_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.class_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.class_table.verticalHeader().setVisible(False)
        self.class_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.class_table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # class-id order

        self.counts_button = QRadioButton()
        self.normalised_button = QRadioButton()
        self.counts_button.setChecked(True)
        self._mode_group = QButtonGroup(self)
        for button in (self.counts_button, self.normalised_button):
            self._mode_group.addButton(button)
        self.normalised_button.toggled.connect(lambda _: self._draw_matrix())
        modes = QHBoxLayout()
        self.matrix_label = QLabel()
        modes.addWidget(self.matrix_label)
        modes.addStretch(1)
        modes.addWidget(self.counts_button)
        modes.addWidget(self.normalised_button)

        self.plot = ThemedPlot()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.invertY(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(HEAT_COLORS)
        self.plot.addItem(self.image)
        self.highlight = pg.PlotDataItem(pen=pg.mkPen((234, 67, 53), width=3))
        self.plot.addItem(self.highlight)
        self.plot.scene().sigMouseClicked.connect(self._scene_clicked)
        matrix_box = QWidget()
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_layout.addLayout(modes)
        matrix_layout.addWidget(self.plot, 1)

        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.true_combo, self.pred_combo = QComboBox(), QComboBox()
        self.errors_check = QCheckBox()
        self.errors_check.setChecked(True)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        for combo in (self.true_combo, self.pred_combo):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        filters.addWidget(self.filter_edit, 1)
        self.true_label, self.pred_label = QLabel(), QLabel()
        filters.addWidget(self.true_label)
        filters.addWidget(self.true_combo)
        filters.addWidget(self.pred_label)
        filters.addWidget(self.pred_combo)
        filters.addWidget(self.errors_check)
        filters.addWidget(self.count_label)

        self.examples_model = ExamplesModel(self)
        self.examples_proxy = ExamplesFilter(self)
        self.examples_proxy.setSourceModel(self.examples_model)
        self.examples_table = QTableView()
        self.examples_table.setModel(self.examples_proxy)
        self.examples_table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)  # split order
        self.examples_table.setSortingEnabled(True)
        self.examples_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.examples_table.setWordWrap(False)
        self.examples_table.verticalHeader().setVisible(False)
        browser = QWidget()
        browser_layout = QVBoxLayout(browser)
        browser_layout.setContentsMargins(0, 0, 0, 0)
        browser_layout.addLayout(filters)
        browser_layout.addWidget(self.examples_table, 1)

        upper = QSplitter(Qt.Horizontal)
        upper.addWidget(self.class_table)
        upper.addWidget(matrix_box)
        upper.setStretchFactor(1, 1)
        upper.setSizes([380, 620])
        main = QSplitter(Qt.Vertical)
        main.addWidget(upper)
        main.addWidget(browser)
        main.setSizes([500, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(main, 1)

        self.split_combo.currentIndexChanged.connect(self._split_changed)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.true_combo.currentIndexChanged.connect(self._apply_filter)
        self.pred_combo.currentIndexChanged.connect(self._apply_filter)
        self.errors_check.toggled.connect(self._apply_filter)

    # ----- evaluating ---------------------------------------------------------------
    @property
    def split(self) -> str:
        return self.split_combo.currentData()

    def show_run(self, run, tables: dict | None = None, split: str | None = None) -> None:
        """Evaluate ``run`` (a :class:`studio.core.training.run.Run`) on a worker and show
        it; ``tables`` are data tables already read, keyed by path. Ends with
        ``evaluated`` or ``failed``."""
        if split is not None:
            self.split_combo.blockSignals(True)
            self.split_combo.setCurrentIndex(self.split_combo.findData(split))
            self.split_combo.blockSignals(False)
        self._run, self._tables = run, tables
        split = self.split
        self._say(lambda: self.tr("Evaluating run {run} ({split})…").format(run=run.id, split=split_name(split)))

        def failed(message: str) -> None:
            self.set_evaluation(None)
            self._say(lambda: self.tr("Cannot evaluate run {run}: {error}").format(run=run.id, error=message),
                      error=True)
            self.failed.emit(message)

        self.pool.submit(evaluate_run_split, run, split, tables, key=(self, "evaluate"),
                         on_done=self.set_evaluation, on_failed=failed)

    def _split_changed(self) -> None:
        if self._run is not None:
            self.show_run(self._run, self._tables)

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        """Show ``evaluation`` (or clear the view) and emit ``evaluated`` for one."""
        self.evaluation = evaluation
        self._fill_summary()
        self._fill_class_table()
        for combo in (self.true_combo, self.pred_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Any"), None)
            for i, name in enumerate(evaluation.label_names if evaluation else []):
                combo.addItem(name, i)
            combo.blockSignals(False)
        self.examples_model.set_evaluation(evaluation)
        self.examples_proxy.source_changed()
        header = self.examples_table.horizontalHeader()
        if evaluation is not None:
            for column, name in enumerate(self.examples_model.columns):
                header.setSectionResizeMode(column, QHeaderView.Stretch if name in ("text", "pair")
                                            else QHeaderView.ResizeToContents)
        self._apply_filter()
        self._draw_matrix()
        if evaluation is not None:
            self.evaluated.emit()

    def _fill_summary(self) -> None:
        self._say(self._summary if self.evaluation is not None else str)

    def _summary(self) -> str:
        ev = self.evaluation
        if ev is None:
            return ""
        m, w = ev.macro, ev.weighted
        return self.tr(
            "<b>{split}</b>: {examples} examples, {errors} errors — <b>accuracy {accuracy}</b> · "
            "macro P {macro_p} R {macro_r} F1 {macro_f1} · weighted P {weighted_p} R {weighted_r} "
            "F1 {weighted_f1}").format(
            split=split_name(ev.split), examples=len(ev), errors=ev.num_errors, accuracy=f"{ev.accuracy:.3f}",
            macro_p=f"{m['precision']:.3f}", macro_r=f"{m['recall']:.3f}", macro_f1=f"{m['f1']:.3f}",
            weighted_p=f"{w['precision']:.3f}", weighted_r=f"{w['recall']:.3f}", weighted_f1=f"{w['f1']:.3f}")

    def _fill_class_table(self) -> None:
        table = self.class_table
        table.setSortingEnabled(False)
        rows = self.evaluation.per_class if self.evaluation else []
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [row["label"], row["precision"], row["recall"], row["f1"], row["support"]]
            for c, value in enumerate(values):
                item = QTableWidgetItem()
                if isinstance(value, str):
                    item.setText(value)
                else:  # numbers sort as numbers
                    item.setData(Qt.DisplayRole, round(value, 3) if isinstance(value, float) else value)
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)

    # ----- confusion matrix ---------------------------------------------------------
    @property
    def normalised(self) -> bool:
        return self.normalised_button.isChecked()

    def displayed_matrix(self) -> np.ndarray | None:
        """The ``(C, C)`` matrix the heatmap shows: counts, or shares of each true class."""
        if self.evaluation is None:
            return None
        ev = self.evaluation
        return ev.normalized_confusion() if self.normalised else ev.confusion.astype(float)

    def cell_texts(self) -> list[list[str]]:
        """The numbers drawn in the cells, row by row (true class by true class)."""
        C = self.evaluation.num_classes if self.evaluation else 0
        return [[self._cell_texts[i * C + j].toPlainText() for j in range(C)] for i in range(C)]

    def _draw_matrix(self) -> None:
        for item in self._cell_texts:
            self.plot.removeItem(item)
        self._cell_texts.clear()
        self.highlight.setData([], [])
        matrix = self.displayed_matrix()
        if matrix is None:
            self.image.clear()
            for side in ("bottom", "left"):
                self.plot.getAxis(side).setTicks(None)
            return
        C = len(matrix)
        top = 1.0 if self.normalised else max(float(matrix.max()), 1.0)
        self.image.setImage(matrix, levels=(0.0, top))
        self.image.setRect(0, 0, C, C)
        names = self.evaluation.label_names
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, min(10.0, 90.0 / C)))
        for i in range(C):
            for j in range(C):
                value = matrix[i, j]
                text = f"{value:.2f}" if self.normalised else str(int(value))
                color = (255, 255, 255) if value / top > 0.5 else (30, 30, 30)
                item = pg.TextItem(text, color=color, anchor=(0.5, 0.5))
                item.setFont(font)
                item.setPos(j + 0.5, i + 0.5)
                self.plot.addItem(item)
                self._cell_texts.append(item)
        self._set_axis_names(names)
        self.plot.setRange(xRange=(0, C), yRange=(0, C), padding=0)
        self._draw_highlight()

    def _set_axis_names(self, names: list[str]) -> None:
        left, bottom = self.plot.getAxis("left"), self.plot.getAxis("bottom")
        ticks = [(i + 0.5, name) for i, name in enumerate(names)]
        left.setTicks([ticks])
        metrics = QFontMetrics(left.style.get("tickFont") or self.font())
        # the fixed width holds the tick names and the axis label ("True") beside them
        left.setWidth(max((metrics.horizontalAdvance(n) for n in names), default=0) + 40)
        # Many long names do not fit side by side under the columns: shorten them there
        # (the left axis keeps them whole, in the same order).
        width = max(self.plot.width() - left.width() - 40, 100) / max(len(names), 1)
        bottom.setTicks([[(i + 0.5, metrics.elidedText(name, Qt.ElideRight, int(width) - 4))
                          for i, name in enumerate(names)]])

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.evaluation is not None:
            self._set_axis_names(self.evaluation.label_names)

    def _draw_highlight(self) -> None:
        true, pred = self.true_combo.currentData(), self.pred_combo.currentData()
        if self.evaluation is None or true is None or pred is None:
            self.highlight.setData([], [])
            return
        x, y = pred, true
        self.highlight.setData([x, x + 1, x + 1, x, x], [y, y, y + 1, y + 1, y])

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        """The (true id, predicted id) cell under a scene position, or ``None``."""
        if self.evaluation is None:
            return None
        point = self.plot.getPlotItem().vb.mapSceneToView(scene_pos)
        pred, true = int(np.floor(point.x())), int(np.floor(point.y()))
        C = self.evaluation.num_classes
        return (true, pred) if 0 <= true < C and 0 <= pred < C else None

    def _scene_clicked(self, event) -> None:
        if event.button() != Qt.LeftButton:
            return
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            event.accept()
            self.choose_cell(*cell)

    def choose_cell(self, true: int, pred: int) -> None:
        """Filter the examples to true class ``true`` predicted as ``pred``; a diagonal
        cell shows the correct ones (so "Errors only" is turned off)."""
        if self.evaluation is None:
            return
        for combo, value in ((self.true_combo, true), (self.pred_combo, pred)):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        if true == pred:
            self.errors_check.blockSignals(True)
            self.errors_check.setChecked(False)
            self.errors_check.blockSignals(False)
        self._apply_filter()
        self.cellChosen.emit(true, pred)

    # ----- examples -----------------------------------------------------------------
    def _apply_filter(self) -> None:
        self.examples_proxy.set_filter(self.filter_edit.text(), self.true_combo.currentData(),
                                       self.pred_combo.currentData(), self.errors_check.isChecked())
        self._show_count()
        self._draw_highlight()

    def _show_count(self) -> None:
        total = self.examples_model.rowCount()
        shown = self.examples_proxy.rowCount()
        self.count_label.setText(self.tr("{shown} of {total} shown").format(shown=shown, total=total)
                                 if self.evaluation else "")
