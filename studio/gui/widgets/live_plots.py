"""The live training curves: loss per step, loss and accuracy per epoch (best epoch
marked), learning rate per step. Every plot pans and zooms with the mouse and exports
as PNG or SVG."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGridLayout, QWidget

from studio.core.training.history import MetricHistory

BLUE, RED, LIGHT = (25, 90, 200), (219, 68, 55), (160, 190, 240)
BEST_PEN = pg.mkPen((15, 157, 88), width=2, style=pg.QtCore.Qt.PenStyle.DashLine)


def _plot(title: str, x_label: str) -> pg.PlotWidget:
    plot = pg.PlotWidget(title=title)
    plot.setLabel("bottom", x_label)
    plot.addLegend()
    plot.showGrid(x=True, y=True, alpha=0.2)
    return plot


class LivePlots(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss_plot = _plot("Loss (per step)", "step")
        # per-step curves grow all run long: drawn without antialiasing, thinned to the
        # pixels on screen, so a redraw stays cheap while training shares the CPU
        self.loss_raw = self.loss_plot.plot(pen=pg.mkPen(LIGHT, width=1), name="loss", antialias=False)
        self.loss_smooth = self.loss_plot.plot(pen=pg.mkPen(BLUE, width=2), name="smoothed", antialias=False)
        self.epoch_loss_plot = _plot("Loss (per epoch)", "epoch")
        self.train_loss = self.epoch_loss_plot.plot(pen=pg.mkPen(BLUE, width=2), symbol="o",
                                                    symbolBrush=BLUE, name="train")
        self.val_loss = self.epoch_loss_plot.plot(pen=pg.mkPen(RED, width=2), symbol="s",
                                                  symbolBrush=RED, name="validation")
        self.acc_plot = _plot("Accuracy (per epoch)", "epoch")
        self.acc_train = self.acc_plot.plot(pen=pg.mkPen(BLUE, width=2), symbol="o",
                                            symbolBrush=BLUE, name="train")
        self.acc_val = self.acc_plot.plot(pen=pg.mkPen(RED, width=2), symbol="s",
                                          symbolBrush=RED, name="validation")
        self.lr_plot = _plot("Learning rate (per step)", "step")
        self.lr_curve = self.lr_plot.plot(pen=pg.mkPen(BLUE, width=2), name="lr", antialias=False)
        for plot in (self.loss_plot, self.lr_plot):
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
        self.lr_plot.enableAutoRange(axis="y", enable=False)  # set from the rates in draw()
        self._drawn_history: MetricHistory | None = None
        self._drawn_epochs = -1
        self.best_lines = [pg.InfiniteLine(angle=90, pen=BEST_PEN, label="best",
                                           labelOpts={"position": 0.1, "color": (15, 157, 88)})
                           for _ in range(2)]
        for plot, line in zip((self.acc_plot, self.epoch_loss_plot), self.best_lines):
            plot.addItem(line)
            line.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, plot in enumerate(self.plots):
            grid.addWidget(plot, i // 2, i % 2)

    @property
    def plots(self) -> list[pg.PlotWidget]:
        return [self.loss_plot, self.acc_plot, self.epoch_loss_plot, self.lr_plot]

    def draw(self, history: MetricHistory) -> None:
        """Show ``history``; the per-epoch plots are only touched when an epoch ended."""
        self.loss_raw.setData(history.steps, history.losses)
        self.loss_smooth.setData(history.steps, history.smoothed_losses())
        self.lr_curve.setData(history.steps, history.lrs)
        if history.lrs:  # from 0, so a constant rate reads as its value, not a flat line mid-plot
            self.lr_plot.setYRange(0, max(history.lrs) * 1.1, padding=0)
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
        best = history.best_epoch
        for line in self.best_lines:
            line.setVisible(best is not None)
            if best is not None:
                line.setValue(best)
                line.label.setFormat(f"best: epoch {best}")

    def export_images(self, path: str | Path) -> list[Path]:
        """Write each plot as ``<stem>-<plot>.png`` (or ``.svg``, from ``path``'s suffix).

        Raises:
            OSError: the folder cannot be written.
        """
        path = Path(path)
        suffix = path.suffix.lower() if path.suffix.lower() in (".png", ".svg") else ".png"
        written = []
        for name, plot in zip(("loss-steps", "accuracy", "loss-epochs", "lr"), self.plots):
            target = path.with_name(f"{path.stem}-{name}{suffix}")
            if suffix == ".svg":
                _render_svg(plot, target)
            else:
                ImageExporter(plot.getPlotItem()).export(str(target))
            if not target.is_file():
                raise OSError(f"{target}: could not be written")
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
