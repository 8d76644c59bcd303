"""Study a finished run: scores, per-class table, a clickable confusion-matrix heatmap
and a browser over the examples behind each cell; for a two-class pair run also the ROC
and PR curves and a movable decision threshold (:class:`ThresholdView`) that everything
else here follows.

The evaluation (reading the data, predicting a split) and every re-scoring at a moved
threshold run on a worker; only the newest request's answer is shown.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.evaluation import Evaluation, evaluate_run_split
from studio.core.training.pair_metrics import ThresholdSweep
from studio.gui.i18n import Retranslating, translate
from studio.gui.widgets.examples_browser import ExamplesBrowser
from studio.gui.widgets.plots import HEAT_COLORS, ThemedPlot
from studio.gui.widgets.threshold_view import ThresholdView
from studio.gui.workers import WorkerPool

SPLIT_NAMES = {"test": QT_TRANSLATE_NOOP("EvaluationView", "Test set"),
               "validation": QT_TRANSLATE_NOOP("EvaluationView", "Validation set"),
               "train": QT_TRANSLATE_NOOP("EvaluationView", "Training set")}
CLASS_COLUMNS = (QT_TRANSLATE_NOOP("EvaluationView", "Class"), QT_TRANSLATE_NOOP("EvaluationView", "Precision"),
                 QT_TRANSLATE_NOOP("EvaluationView", "Recall"), QT_TRANSLATE_NOOP("EvaluationView", "F1"),
                 QT_TRANSLATE_NOOP("EvaluationView", "Support"))


def split_name(split: str) -> str:
    """A split's name (``test``, ``validation``, ``train``) in the language in force."""
    return translate("EvaluationView", SPLIT_NAMES[split]) if split in SPLIT_NAMES else split


def evaluate_with_sweep(run, split: str, tables: dict | None) -> tuple[Evaluation, ThresholdSweep | None]:
    """:func:`evaluate_run_split`, and the threshold sweep of a thresholded (two-class
    pair) evaluation, both made on the worker."""
    evaluation = evaluate_run_split(run, split, tables)
    return evaluation, evaluation.threshold_sweep() if evaluation.binary else None


class EvaluationView(Retranslating, QWidget):
    """A finished run's evaluation on one of its splits.

    Signals:
        evaluated(): an evaluation was computed and shown.
        failed(str): the evaluation failed (say, the run's data files are missing); the
            message is shown in the view.
        cellChosen(int, int): a confusion-matrix cell (true id, predicted id) was chosen.
        rescored(float): the evaluation was scored again at a moved threshold and shown.
    """

    evaluated = Signal()
    failed = Signal(str)
    cellChosen = Signal(int, int)
    rescored = Signal(float)
    exampleChosen = Signal(str, str, object)  # the run's id, an example's text and second text (or None)

    def __init__(self, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.pool = pool
        self.evaluation: Evaluation | None = None  # as shown: at the threshold in force
        self.evaluated_at_choice: Evaluation | None = None  # as evaluated: at the run's own threshold
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

        self.browser = ExamplesBrowser()
        self.browser.filterChanged.connect(self._draw_highlight)
        self.browser.exampleChosen.connect(
            lambda text, pair: self._run is not None and self.exampleChosen.emit(self._run.id, text, pair))
        # the browser's parts, by the names they had here
        b = self.browser
        self.filter_edit, self.true_combo, self.pred_combo = b.filter_edit, b.true_combo, b.pred_combo
        self.errors_check, self.count_label = b.errors_check, b.count_label
        self.examples_model, self.examples_proxy, self.examples_table = b.model, b.proxy, b.table
        self.threshold_view = ThresholdView()
        self.threshold_view.thresholdChanged.connect(self._threshold_moved)
        self.threshold_view.hide()

        upper = QSplitter(Qt.Horizontal)
        upper.addWidget(self.class_table)
        upper.addWidget(matrix_box)
        upper.setStretchFactor(1, 1)
        upper.setSizes([380, 620])
        self.splitter = main = QSplitter(Qt.Vertical)
        main.addWidget(self.threshold_view)
        main.addWidget(upper)
        main.addWidget(self.browser)
        main.setSizes([0, 500, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(main, 1)

        self.split_combo.currentIndexChanged.connect(self._split_changed)

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

        self.pool.cancel((self, "threshold"))
        self.pool.submit(evaluate_with_sweep, run, split, tables, key=(self, "evaluate"),
                         on_done=lambda done: self.set_evaluation(*done), on_failed=failed)

    def _split_changed(self) -> None:
        if self._run is not None:
            self.show_run(self._run, self._tables)

    def set_evaluation(self, evaluation: Evaluation | None, sweep: ThresholdSweep | None = None) -> None:
        """Show ``evaluation`` (or clear the view) and emit ``evaluated`` for one. A
        thresholded evaluation (:attr:`Evaluation.binary`) shows its threshold view too, on
        ``sweep`` (made here when not given)."""
        self.pool.cancel((self, "threshold"))
        self.evaluated_at_choice = self.evaluation = evaluation
        binary = evaluation is not None and evaluation.binary
        if binary:
            sweep = evaluation.threshold_sweep() if sweep is None else sweep
            names = evaluation.label_names
            self.threshold_view.set_sweep(sweep, evaluation.threshold, names[evaluation.positive],
                                          names[1 - evaluation.positive])
        else:
            self.threshold_view.set_sweep(None)
        was_hidden = self.threshold_view.isHidden()
        self.threshold_view.setVisible(binary)
        if binary and was_hidden:
            self.splitter.setSizes([340, 180, 300])
        self._show_evaluation()
        self.browser.set_evaluation(evaluation)
        if evaluation is not None:
            self.evaluated.emit()

    def _show_evaluation(self) -> None:
        self._fill_summary()
        self._fill_class_table()
        self._draw_matrix()

    def _threshold_moved(self, threshold: float) -> None:
        """Score the evaluation again at ``threshold`` on a worker (the newest wins)."""
        base = self.evaluated_at_choice
        if base is None or not base.binary:
            return

        def done(evaluation: Evaluation) -> None:
            if base is self.evaluated_at_choice:
                self.evaluation = evaluation
                self._show_evaluation()
                self.browser.update_predictions(evaluation)
                self.rescored.emit(threshold)

        self.pool.submit(base.at_threshold, threshold, key=(self, "threshold"), on_done=done,
                         on_failed=lambda message: self._say(lambda: message, error=True))

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
        self.browser.choose_cell(true, pred)
        self.cellChosen.emit(true, pred)
