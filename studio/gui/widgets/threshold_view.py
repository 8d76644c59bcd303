"""The decision threshold of a two-class pair run: its ROC and PR curves and the spread
of the positive class's probability per true class, the threshold the run chose on its
validation split marked on each, and a threshold the user moves (slider, spin box, or
the line on the scores' plot) with the scores at it updating as it moves.

The curves and the scores come from the core's
:class:`~studio.core.training.pair_metrics.ThresholdSweep`: moving the threshold costs
two binary searches, never a prediction.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from studio.core.training.pair_metrics import ThresholdScores, ThresholdSweep
from studio.gui.i18n import Retranslating
from studio.gui.widgets.plots import BAR_COLOR, HIGHLIGHT_COLOR, ThemedPlot

SLIDER_STEPS = 1000  # the slider moves the threshold in steps of 0.001
CHOSEN_COLOR = (52, 168, 83)  # green: the validation choice
NEGATIVE_COLOR = (251, 140, 0)  # orange: the negative examples' scores
GUIDE_PEN = pg.mkPen((150, 150, 150), width=1, style=Qt.DashLine)


def _fixed_plot() -> ThemedPlot:
    """A plot over 0..1 on both axes that the mouse does not pan or zoom."""
    plot = ThemedPlot()
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.setXRange(0.0, 1.0, padding=0.02)
    plot.setYRange(0.0, 1.0, padding=0.02)
    return plot


def _marker(color, symbol: str, filled: bool, size: int = 13, z: int = 1) -> pg.ScatterPlotItem:
    brush = pg.mkBrush(color) if filled else pg.mkBrush(255, 255, 255, 0)
    marker = pg.ScatterPlotItem(size=size, symbol=symbol, pen=pg.mkPen(color, width=2.5), brush=brush)
    marker.setZValue(z)
    return marker


class ThresholdView(Retranslating, QWidget):
    """ROC, PR and score plots of a :class:`ThresholdSweep` with a movable threshold.

    Signals:
        thresholdChanged(float): the threshold moved (by the user or :meth:`set_threshold`).
    """

    thresholdChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sweep: ThresholdSweep | None = None
        self.chosen = 0.5  # the validation choice
        self.threshold = 0.5
        self.positive_label = self.negative_label = ""
        self._moving = False  # while the controls are set to the threshold
        self._build()
        self.retranslate()

    # ----- layout -------------------------------------------------------------------
    def _build(self) -> None:
        self.roc_plot, self.pr_plot = _fixed_plot(), _fixed_plot()
        self.roc_curve = self.roc_plot.plot(pen=pg.mkPen(BAR_COLOR, width=2))
        self.roc_plot.addItem(pg.PlotDataItem([0, 1], [0, 1], pen=GUIDE_PEN))  # chance
        self.pr_curve = self.pr_plot.plot(pen=pg.mkPen(BAR_COLOR, width=2))
        self.pr_base = pg.InfiniteLine(angle=0, pen=GUIDE_PEN)  # the positive share: chance
        self.pr_plot.addItem(self.pr_base)
        # the choice's hollow diamond is bigger and above the point: both show where they meet
        self.roc_chosen, self.pr_chosen = (_marker(CHOSEN_COLOR, "d", False, size=19, z=2) for _ in range(2))
        self.roc_point, self.pr_point = (_marker(HIGHLIGHT_COLOR, "o", True) for _ in range(2))
        self.roc_legend = self.roc_plot.addLegend(offset=(-10, -10))  # bottom right
        for plot, chosen, point in ((self.roc_plot, self.roc_chosen, self.roc_point),
                                    (self.pr_plot, self.pr_chosen, self.pr_point)):
            plot.addItem(chosen)
            plot.addItem(point)
        self.roc_legend.addItem(self.roc_chosen, "")
        self.roc_legend.addItem(self.roc_point, "")

        self.score_plot = ThemedPlot()
        self.score_plot.setMouseEnabled(x=False, y=False)
        self.score_plot.hideButtons()
        self.score_plot.setMenuEnabled(False)
        self.score_legend = self.score_plot.addLegend(offset=(10, 10))
        self.positive_scores = self.score_plot.plot(stepMode="center", fillLevel=0, brush=(*BAR_COLOR, 90),
                                                    pen=pg.mkPen(BAR_COLOR))
        self.negative_scores = self.score_plot.plot(stepMode="center", fillLevel=0, brush=(*NEGATIVE_COLOR, 90),
                                                    pen=pg.mkPen(NEGATIVE_COLOR))
        self.chosen_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(CHOSEN_COLOR, width=2, style=Qt.DashLine))
        self.line = pg.InfiniteLine(angle=90, movable=True, bounds=(0.0, 1.0),
                                    pen=pg.mkPen(HIGHLIGHT_COLOR, width=3), hoverPen=pg.mkPen(HIGHLIGHT_COLOR, width=5))
        self.chosen_line.setZValue(2)  # dashed over the threshold's line where they meet
        self.score_plot.addItem(self.chosen_line)
        self.score_plot.addItem(self.line)
        self.score_plot.setXRange(0.0, 1.0, padding=0.02)
        self.line.sigPositionChanged.connect(lambda line: self.set_threshold(line.value()))

        plots = QHBoxLayout()
        for plot in (self.roc_plot, self.pr_plot, self.score_plot):
            plot.setMinimumSize(220, 200)
            plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)  # keep the 1.0 at the end
            plots.addWidget(plot, 1)

        self.threshold_label = QLabel()
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setPageStep(SLIDER_STEPS // 20)
        self.slider.valueChanged.connect(lambda value: self.set_threshold(value / SLIDER_STEPS))
        self.spin = QDoubleSpinBox()
        self.spin.setRange(0.0, 1.0)
        self.spin.setDecimals(4)
        self.spin.setSingleStep(0.01)
        self.spin.valueChanged.connect(self.set_threshold)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset)
        self.chosen_label = QLabel()
        controls = QHBoxLayout()
        controls.addWidget(self.threshold_label)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.spin)
        controls.addWidget(self.reset_button)
        controls.addWidget(self.chosen_label)
        self.scores_label = QLabel()
        self.scores_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.scores_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(plots, 1)
        layout.addLayout(controls)
        layout.addWidget(self.scores_label)

    def retranslate(self) -> None:
        self.roc_plot.setLabel("bottom", self.tr("False-positive rate"))
        self.roc_plot.setLabel("left", self.tr("True-positive rate (recall)"))
        self.pr_plot.setLabel("bottom", self.tr("Recall"))
        self.pr_plot.setLabel("left", self.tr("Precision"))
        self.score_plot.setLabel("left", self.tr("Examples"))
        self.threshold_label.setText(self.tr("Threshold:"))
        tip = self.tr("A pair is predicted to match when the probability of its positive class is at least "
                      "this. Drag the red line on the scores' plot, the slider, or type a value.")
        for widget in (self.threshold_label, self.slider, self.spin):
            widget.setToolTip(tip)
        self.reset_button.setText(self.tr("Reset to the validation choice"))
        self.reset_button.setToolTip(self.tr("Go back to the threshold the run chose on its validation split "
                                             "(the one with the best validation accuracy)."))
        self._show_texts()

    def _show_texts(self) -> None:
        """The texts that hold numbers: titles, legends, the scores at the threshold."""
        sweep = self.sweep
        auc = {key: "–" if value is None else f"{value:.3f}"
               for key, value in (("roc", sweep and sweep.roc_auc), ("pr", sweep and sweep.pr_auc))}
        self.roc_plot.setTitle(self.tr("ROC curve — ROC-AUC {auc}").format(auc=auc["roc"]))
        self.pr_plot.setTitle(self.tr("Precision–recall curve — PR-AUC {auc}").format(auc=auc["pr"]))
        self.score_plot.setTitle(self.tr("P({label}) by true class").format(label=self.positive_label))
        self.score_plot.setLabel("bottom", self.tr("Probability of class {label}").format(label=self.positive_label))
        self.chosen_label.setText(self.tr("Validation choice: {threshold}").format(threshold=f"{self.chosen:.4f}"))
        self._show_scores()
        # the labels keep the theme's colour: ThemedPlot recolours them on a theme switch
        for legend, item, text in (
                (self.roc_legend, self.roc_chosen, self.tr("validation choice")),
                (self.roc_legend, self.roc_point, self.tr("threshold")),
                (self.score_legend, self.positive_scores, self.tr("true {label}").format(label=self.positive_label)),
                (self.score_legend, self.negative_scores, self.tr("true {label}").format(label=self.negative_label))):
            label = legend.getLabel(item)
            if label is not None:
                label.setText(text)

    def _show_scores(self) -> None:
        """The one text a move of the threshold changes."""
        self.scores_label.setText(self.scores_text() if self.sweep is not None else "")

    def scores_text(self) -> str:
        """The scores at the threshold, as shown under the controls."""
        s = self.scores
        return self.tr(
            "At threshold <b>{threshold}</b> (positive class {label}): accuracy <b>{accuracy}</b> · "
            "precision <b>{precision}</b> · recall <b>{recall}</b> · F1 <b>{f1}</b> — "
            "TP {tp} · FP {fp} · TN {tn} · FN {fn}").format(
            threshold=f"{s.threshold:.4f}", label=self.positive_label, accuracy=f"{s.accuracy:.3f}",
            precision=f"{s.precision:.3f}", recall=f"{s.recall:.3f}", f1=f"{s.f1:.3f}",
            tp=s.tp, fp=s.fp, tn=s.tn, fn=s.fn)

    # ----- the data and the threshold ------------------------------------------------
    @property
    def scores(self) -> ThresholdScores | None:
        """The scores at the threshold in force, or ``None`` without a sweep."""
        return None if self.sweep is None else self.sweep.at(self.threshold)

    def set_sweep(self, sweep: ThresholdSweep | None, chosen: float = 0.5, positive_label: str = "1",
                  negative_label: str = "0") -> None:
        """Show ``sweep``'s curves with the validation choice ``chosen`` marked and the
        threshold set to it (without ``thresholdChanged``); the labels name the classes."""
        self.sweep, self.chosen = sweep, float(chosen)
        self.positive_label, self.negative_label = positive_label, negative_label
        self.roc_curve.setData([], [])
        self.pr_curve.setData([], [])
        for item in (self.positive_scores, self.negative_scores):
            item.setData([], [])
        self.score_legend.clear()
        if sweep is not None:
            self.roc_curve.setData(sweep.fpr, sweep.tpr)
            self.pr_curve.setData(sweep.recall, sweep.precision)
            self.pr_base.setValue(sweep.positives / len(sweep) if len(sweep) else 0.0)
            edges, positives, negatives = sweep.score_histograms()
            self.positive_scores.setData(edges, positives)
            self.negative_scores.setData(edges, negatives)
            for item in (self.positive_scores, self.negative_scores):
                self.score_legend.addItem(item, "")
            scores = sweep.at(self.chosen)
            self.roc_chosen.setData(*[[v] for v in scores.roc_point])
            self.pr_chosen.setData(*[[v] for v in scores.pr_point])
            self.chosen_line.setValue(self.chosen)
        self._move_to(self.chosen)
        self._show_texts()

    def set_threshold(self, threshold: float) -> None:
        """Move the threshold to ``threshold`` (clipped to 0..1): the controls, the
        points on the curves and the scores follow; emits ``thresholdChanged``."""
        if self._moving:
            return
        threshold = min(max(float(threshold), 0.0), 1.0)
        if threshold == self.threshold:
            return
        self._move_to(threshold)
        self.thresholdChanged.emit(threshold)

    def reset(self) -> None:
        """Back to the threshold the run chose on its validation split."""
        self.set_threshold(self.chosen)

    def _move_to(self, threshold: float) -> None:
        self.threshold = threshold
        self._moving = True
        try:
            self.slider.setValue(round(threshold * SLIDER_STEPS))
            self.spin.setValue(threshold)
            self.line.setValue(threshold)
        finally:
            self._moving = False
        scores = self.scores
        if scores is not None:
            self.roc_point.setData(*[[v] for v in scores.roc_point])
            self.pr_point.setData(*[[v] for v in scores.pr_point])
        self.reset_button.setEnabled(threshold != self.chosen)
        self._show_scores()
