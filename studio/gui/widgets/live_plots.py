"""The live training curves: loss per step, loss and accuracy per epoch (best epoch
marked), learning rate per step. Every plot pans and zooms with the mouse and exports
as PNG or SVG."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGridLayout, QWidget

from studio.core.training.history import MetricHistory
from studio.gui.i18n import Retranslating
from studio.gui.widgets.plots import ThemedPlot, show_from_zero

# mid-tone colours that read on the light theme's white and the dark theme's near-black
BLUE, RED, GREEN = (66, 133, 244), (234, 67, 53), (52, 168, 83)
LIGHT = (66, 133, 244, 90)  # the raw per-step loss: a faint trace behind its smoothed curve
BEST_PEN = pg.mkPen(GREEN, width=2, style=pg.QtCore.Qt.PenStyle.DashLine)


def _plot() -> ThemedPlot:
    plot = ThemedPlot()
    plot.addLegend()
    plot.showGrid(x=True, y=True, alpha=0.2)
    return plot


class LivePlots(Retranslating, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss_plot = _plot()
        # per-step curves grow all run long: drawn without antialiasing, thinned to the
        # pixels on screen, so a redraw stays cheap while training shares the CPU
        self.loss_raw = self.loss_plot.plot(pen=pg.mkPen(LIGHT, width=1), name="loss", antialias=False)
        self.loss_smooth = self.loss_plot.plot(pen=pg.mkPen(BLUE, width=2), name="smoothed", antialias=False)
        self.epoch_loss_plot = _plot()
        self.train_loss = self.epoch_loss_plot.plot(pen=pg.mkPen(BLUE, width=2), symbol="o",
                                                    symbolBrush=BLUE, name="train")
        self.val_loss = self.epoch_loss_plot.plot(pen=pg.mkPen(RED, width=2), symbol="s",
                                                  symbolBrush=RED, name="validation")
        self.acc_plot = _plot()
        self.acc_train = self.acc_plot.plot(pen=pg.mkPen(BLUE, width=2), symbol="o",
                                            symbolBrush=BLUE, name="train")
        self.acc_val = self.acc_plot.plot(pen=pg.mkPen(RED, width=2), symbol="s",
                                          symbolBrush=RED, name="validation")
        self.lr_plot = _plot()
        self.lr_curve = self.lr_plot.plot(pen=pg.mkPen(BLUE, width=2), name="lr", antialias=False)
        # the per-step plots' ranges are set in draw(), from the run's planned steps and
        # round numbers, rather than fitted to the data at every redraw: each change of range
        # redraws the axes, which made a redraw 11 ms of the GUI thread instead of 2 ms.
        # _ranges holds the plots that follow the run, each with the range it shows (None:
        # none set yet); a plot the user has panned or zoomed is not in it.
        self._ranges: dict[ThemedPlot, tuple[float, float] | None] = {}
        for plot in (self.loss_plot, self.lr_plot):
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.enableAutoRange(enable=False)
            self._ranges[plot] = None
            plot.getViewBox().sigRangeChangedManually.connect(partial(self._stop_following, plot))
        self._drawn_history: MetricHistory | None = None
        self._drawn_epochs = -1
        self._best: int | None = None
        self.best_lines = [pg.InfiniteLine(angle=90, pen=BEST_PEN, label="",
                                           labelOpts={"position": 0.1, "color": GREEN})
                           for _ in range(2)]
        for plot, line in zip((self.acc_plot, self.epoch_loss_plot), self.best_lines, strict=True):
            plot.addItem(line)
            line.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, plot in enumerate(self.plots):
            grid.addWidget(plot, i // 2, i % 2)
        self.retranslate()

    def retranslate(self) -> None:
        step, epoch = self.tr("step"), self.tr("epoch")
        for plot, title, x_label in (
                (self.loss_plot, self.tr("Loss (per step)"), step),
                (self.epoch_loss_plot, self.tr("Loss (per epoch)"), epoch),
                (self.acc_plot, self.tr("Accuracy (per epoch)"), epoch),
                (self.lr_plot, self.tr("Learning rate (per step)"), step)):
            plot.setTitle(title)
            plot.setLabel("bottom", x_label)
        train, validation = self.tr("train"), self.tr("validation")
        for plot, curve, name in (
                (self.loss_plot, self.loss_raw, self.tr("loss")),
                (self.loss_plot, self.loss_smooth, self.tr("smoothed")),
                (self.epoch_loss_plot, self.train_loss, train),
                (self.epoch_loss_plot, self.val_loss, validation),
                (self.acc_plot, self.acc_train, train),
                (self.acc_plot, self.acc_val, validation),
                (self.lr_plot, self.lr_curve, self.tr("learning rate"))):
            curve.opts["name"] = name
            label = plot.getPlotItem().legend.getLabel(curve)
            if label is not None:
                label.setText(name)
        self._label_best()

    def _label_best(self) -> None:
        text = self.tr("best: epoch {epoch}").format(epoch=self._best) if self._best is not None else ""
        for line in self.best_lines:
            line.label.setFormat(text)

    @property
    def plots(self) -> list[pg.PlotWidget]:
        return [self.loss_plot, self.acc_plot, self.epoch_loss_plot, self.lr_plot]

    def draw(self, history: MetricHistory) -> None:
        """Show ``history``; the per-epoch plots are only touched when an epoch ended."""
        if history is not self._drawn_history:  # a new run: the plots follow it again
            self._ranges = dict.fromkeys((self.loss_plot, self.lr_plot))
        self.loss_raw.setData(history.steps, history.losses)
        self.loss_smooth.setData(history.steps, history.smoothed_losses())
        self.lr_curve.setData(history.steps, history.lrs)
        reached = history.steps[-1] if history.steps else 0
        # a running run's plan; an ended one's steps (one stopped early fills the plot)
        steps = reached if history.finished is not None else history.total_steps or reached
        losses = np.asarray(history.losses, dtype=float)
        losses = losses[np.isfinite(losses)]  # a diverged run's inf or nan is drawn off the top
        self._follow(self.loss_plot, steps, float(losses.max()) if losses.size else 0.0)
        self._follow(self.lr_plot, steps, max(history.lrs, default=0.0))  # from 0: a constant rate reads as its value
        if history is self._drawn_history and len(history.epochs) == self._drawn_epochs \
                and history.finished is None:
            return
        self._drawn_history, self._drawn_epochs = history, len(history.epochs)
        self.train_loss.setData(history.epochs, history.epoch_values("train_loss"))
        self.val_loss.setData(history.epochs, history.epoch_values("val_loss"))
        self.acc_train.setData(history.epochs, history.train_accuracy)
        self.acc_val.setData(history.epochs, history.val_accuracy)
        for plot in (self.acc_plot, self.epoch_loss_plot):
            plot.getAxis("bottom").setTickSpacing(max(1, len(history.epochs) // 10), 1)
        best = self._best = history.best_epoch
        for line in self.best_lines:
            line.setVisible(best is not None)
            if best is not None:
                line.setValue(best)
        self._label_best()

    def _follow(self, plot: ThemedPlot, steps: int, highest: float) -> None:
        """Show steps 0 to ``steps`` and values 0 to a round number above ``highest`` on a
        per-step plot, unless the user has panned or zoomed it since; the "A" button (auto
        range) hands it back."""
        view = plot.getViewBox()
        if any(view.autoRangeEnabled()):
            view.enableAutoRange(enable=False)
            self._ranges[plot] = None
        elif plot not in self._ranges:
            return
        self._ranges[plot] = show_from_zero(plot, self._ranges[plot], max(1, steps), highest)

    def _stop_following(self, plot: ThemedPlot, *_changed) -> None:
        self._ranges.pop(plot, None)

    def export_images(self, path: str | Path) -> list[Path]:
        """Write each plot as ``<stem>-<plot>.png`` (or ``.svg``, from ``path``'s suffix).

        Raises:
            OSError: the folder cannot be written.
        """
        path = Path(path)
        suffix = path.suffix.lower() if path.suffix.lower() in (".png", ".svg") else ".png"
        written = []
        for name, plot in zip(("loss-steps", "accuracy", "loss-epochs", "lr"), self.plots, strict=True):
            target = path.with_name(f"{path.stem}-{name}{suffix}")
            if suffix == ".svg":
                _render_svg(plot, target)
            else:
                ImageExporter(plot.getPlotItem()).export(str(target))
            if not target.is_file():
                raise OSError(self.tr("{path}: could not be written").format(path=target))
            written.append(target)
        return written



def _render_svg(plot: pg.PlotWidget, target: Path) -> None:
    """Paint ``plot`` into an SVG with Qt's generator (pyqtgraph 0.14's SVGExporter fails
    on PySide6 6.12's path data)."""
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(plot.size())
    generator.setViewBox(plot.rect())
    generator.setTitle(plot.getPlotItem().titleLabel.text)
    painter = QPainter(generator)
    try:
        plot.render(painter)
    finally:
        painter.end()
