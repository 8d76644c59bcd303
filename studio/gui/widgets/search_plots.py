"""The Search view's four plots: the best value so far, each trial's validation curve (pruned
ones cut short, marked ×), parallel coordinates of the settings against the value, and the
settings' importances."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QWidget

from studio.core.search import MIN_FOR_IMPORTANCE
from studio.gui.i18n import Retranslating
from studio.gui.widgets.plots import BarChart, ThemedPlot

BLUE, RED, GREEN, GREY = (66, 133, 244), (234, 67, 53), (52, 168, 83), (150, 150, 150)
VALUE_COLORS = pg.ColorMap([0.0, 0.5, 1.0], [(234, 67, 53), (251, 188, 5), (52, 168, 83)])  # worst -> best


def _plot() -> ThemedPlot:
    plot = ThemedPlot()
    plot.showGrid(x=True, y=True, alpha=0.2)
    return plot


def position(value, spec) -> float:
    """Where ``value`` of the setting ``spec`` lies on its axis, 0..1 (log settings on a log
    scale; choices spread evenly in their order)."""
    if spec.kind == "categorical":
        choices = list(spec.choices)
        index = choices.index(value) if value in choices else 0
        return index / max(1, len(choices) - 1)
    low, high = float(spec.low), float(spec.high)
    if high <= low:
        return 0.5
    if spec.log:
        return (math.log(float(value)) - math.log(low)) / (math.log(high) - math.log(low))
    return (float(value) - low) / (high - low)


class SearchPlots(Retranslating, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.best_plot = _plot()
        self.best_points = self.best_plot.plot(pen=None, symbol="o", symbolBrush=BLUE, symbolSize=7)
        self.best_line = self.best_plot.plot(pen=pg.mkPen(GREEN, width=2), stepMode="right")
        self.best_plot.getAxis("left").enableAutoSIPrefix(False)  # accuracies, not "x0.001" thousands
        self.curves_plot = _plot()
        self.parallel_plot = _plot()
        self.parallel_plot.getPlotItem().hideAxis("bottom")
        self.parallel_plot.getPlotItem().hideAxis("left")
        self.parallel_plot.setMouseEnabled(x=False, y=False)
        self.importance_chart = BarChart(horizontal=True)
        self._drawn: tuple | None = None  # draw()'s arguments: drawn again in a new language
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, plot in enumerate(self.plots):
            grid.addWidget(plot, i // 2, i % 2)
        self.retranslate()

    @property
    def plots(self) -> list[pg.PlotWidget]:
        return [self.best_plot, self.curves_plot, self.parallel_plot, self.importance_chart]

    def retranslate(self) -> None:
        self.best_plot.setTitle(self.tr("Best so far"))
        self.best_plot.setLabel("bottom", self.tr("trial"))
        self.best_plot.setLabel("left", self.tr("val. accuracy"))
        self.curves_plot.setTitle(self.tr("Each trial (× pruned)"))
        self.curves_plot.setLabel("bottom", self.tr("epoch"))
        self.parallel_plot.setTitle(self.tr("Settings → value"))
        self.importance_chart.setTitle(self.tr("Importance"))
        for plot in self.plots:
            plot.restyle()
        if self._drawn is not None:  # the axis names and the hint drawn inside the plots
            self.draw(*self._drawn)

    def draw(self, records: list, space: list, importances: dict[str, float], running: dict | None = None) -> None:
        """``records``: the study's TrialRecords; ``space``: the ParamSpecs searched;
        ``running``: the running trial's number and curve so far (``{"number", "curve"}``)."""
        self._drawn = (records, space, importances, running)
        self._draw_best(records)
        self._draw_curves(records, running)
        self._draw_parallel(records, space)
        self._draw_importances(importances)

    def _draw_best(self, records: list) -> None:
        done = [r for r in records if r.state == "complete" and r.value is not None]
        xs = [r.number for r in done]
        self.best_points.setData(xs, [r.value for r in done])
        best = list(np.maximum.accumulate([r.value for r in done])) if done else []
        self.best_line.setData(xs, best)

    def _draw_curves(self, records: list, running: dict | None) -> None:
        self.curves_plot.clear()
        best = max((r.value for r in records if r.state == "complete" and r.value is not None), default=None)
        curves = [(r.number, r.curve, r.state, r.value) for r in records if r.curve]
        if running and running.get("curve"):
            curves.append((running["number"], tuple(running["curve"]), "running", None))
        for _number, curve, state, value in curves:
            epochs = list(range(1, len(curve) + 1))
            is_best = best is not None and value == best
            color = GREEN if is_best else RED if state == "pruned" else BLUE if state == "running" else GREY
            self.curves_plot.plot(epochs, list(curve), pen=pg.mkPen(color, width=3 if is_best else 1.5))
            if state == "pruned":
                self.curves_plot.plot([epochs[-1]], [curve[-1]], pen=None, symbol="x", symbolSize=11,
                                      symbolPen=pg.mkPen(RED, width=2), symbolBrush=RED)

    def _draw_parallel(self, records: list, space: list) -> None:
        self.parallel_plot.clear()
        done = [r for r in records if r.state == "complete" and r.value is not None
                and all(s.key in r.params for s in space)]
        keys = [s.key for s in space]
        if not keys:
            return
        values = [r.value for r in done]
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        for r in sorted(done, key=lambda r: r.value):
            ys = [position(r.params[s.key], s) for s in space] + [(r.value - low) / (high - low) if high > low else 1.0]
            color = VALUE_COLORS.map((r.value - low) / (high - low) if high > low else 1.0, mode="qcolor")
            self.parallel_plot.plot(list(range(len(ys))), ys, pen=pg.mkPen(color, width=2))
        for i, name in enumerate([k.partition(".")[2] for k in keys] + [self.tr("value")]):
            self.parallel_plot.addItem(pg.InfiniteLine(pos=i, angle=90, pen=pg.mkPen(GREY, width=1)))
            label = pg.TextItem(name, anchor=(0.5, 0.0), color=GREY)
            label.setPos(i, -0.04 if i % 2 == 0 else -0.11)  # staggered: long names side by side overlap
            self.parallel_plot.addItem(label)
        self.parallel_plot.setYRange(-0.24, 1.04, padding=0)
        self.parallel_plot.setXRange(-0.5, len(keys) + 0.5, padding=0)

    def _draw_importances(self, importances: dict[str, float]) -> None:
        names = [key.partition(".")[2] for key in importances]
        self.importance_chart.set_data(names, list(importances.values()))
        if not importances:
            hint = pg.TextItem(self.tr("Shown once {count} trials have finished.").format(count=MIN_FOR_IMPORTANCE),
                               anchor=(0.5, 0.5), color=GREY)
            hint.setPos(0.5, 0.5)
            self.importance_chart.addItem(hint)
            self.importance_chart.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
