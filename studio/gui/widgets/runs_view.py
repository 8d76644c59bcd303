"""Every run of the project in a table; select several to overlay their curves and see
which settings differ."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.project import UnreadableRun
from studio.core.training.compare import config_diff, summary_row
from studio.core.training.history import MetricHistory
from studio.core.training.run import Run
from studio.gui.i18n import Retranslating, translate
from studio.gui.widgets.plots import ThemedPlot
from studio.gui.wording import word

# mid-tone colours: each reads on the light theme's white and the dark theme's near-black
COLORS = [(66, 133, 244), (234, 67, 53), (52, 168, 83), (244, 160, 0), (171, 71, 188), (0, 172, 193),
          (255, 112, 67), (158, 158, 158)]
SHORT_NAMES = {"text.tokenizer.type": "tokenizer"}
COLUMNS = (QT_TRANSLATE_NOOP("RunsView", "Started"), QT_TRANSLATE_NOOP("RunsView", "Model"),
           QT_TRANSLATE_NOOP("RunsView", "Key settings"), QT_TRANSLATE_NOOP("RunsView", "Best val acc"),
           QT_TRANSLATE_NOOP("RunsView", "Test acc"), QT_TRANSLATE_NOOP("RunsView", "Status"),
           QT_TRANSLATE_NOOP("RunsView", "Duration"))
STATUS_COLUMN = 5
STATUS_NAMES = {  # a run's finished status, as shown
    "completed": QT_TRANSLATE_NOOP("RunsView", "completed"),
    "early_stopped": QT_TRANSLATE_NOOP("RunsView", "stopped early"),
    "stopped": QT_TRANSLATE_NOOP("RunsView", "stopped"),
    "failed": QT_TRANSLATE_NOOP("RunsView", "failed"),
    "unknown": QT_TRANSLATE_NOOP("RunsView", "unknown"),
    "unreadable": QT_TRANSLATE_NOOP("RunsView", "unreadable"),  # listed, but its files cannot be read
}


def status_text(status: str) -> str:
    """A run's status (``completed``, ``early_stopped``...) in the language in force."""
    return translate("RunsView", STATUS_NAMES[status]) if status in STATUS_NAMES else status.replace("_", " ")


def _percent(value) -> str:
    return "—" if value is None else f"{value:.2%}"


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 3600:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class SortItem(QTableWidgetItem):
    """A cell shown as text but sorted by a value."""

    def __init__(self, text: str, value):
        super().__init__(text)
        self.value = value

    def __lt__(self, other) -> bool:
        mine, theirs = self.value, getattr(other, "value", None)
        if mine is None or theirs is None:
            return mine is None and theirs is not None
        return mine < theirs


class RunsView(Retranslating, QWidget):
    """``selectionChanged(list[str])`` carries the selected run ids."""

    selectionChanged = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs: list[Run] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        self.val_plot = ThemedPlot()
        self.loss_plot = ThemedPlot()
        for plot in (self.val_plot, self.loss_plot):
            plot.addLegend()
        self.diff = QTableWidget(0, 1)
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.verticalHeader().hide()
        self.diff.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.val_plot)
        plots.addWidget(self.loss_plot)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addWidget(self.hint)
        split.addWidget(top)
        split.addWidget(plots)
        split.addWidget(self.diff)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([translate("RunsView", name) for name in COLUMNS])
        self.hint.setText(self.tr("Select several runs (Ctrl or Shift + click) to overlay their curves "
                                  "and compare their settings."))
        self.val_plot.setTitle(self.tr("Validation accuracy (per epoch)"))
        self.val_plot.setLabel("bottom", self.tr("epoch"))
        self.loss_plot.setTitle(self.tr("Loss (per step, smoothed)"))
        self.loss_plot.setLabel("bottom", self.tr("step"))
        for r in range(self.table.rowCount()):
            item = self.table.item(r, STATUS_COLUMN)
            if isinstance(item, SortItem):
                item.setText(status_text(item.value))
        self._show_diff(self.selected_runs())

    def set_runs(self, runs: list[Run], unreadable: Sequence[UnreadableRun] = ()) -> None:
        """Show ``runs``; the newest is selected. ``unreadable`` runs are listed greyed
        out, not selectable, with why in their tooltip."""
        self.runs = list(runs)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(runs) + len(unreadable))
        for r, entry in enumerate(unreadable, start=len(runs)):
            for c in range(len(COLUMNS)):
                cell = (SortItem(entry.id, entry.id) if c == 0 else
                        SortItem(status_text("unreadable"), "unreadable") if c == STATUS_COLUMN
                        else SortItem("—", None))
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable: there is nothing to show
                cell.setForeground(self.palette().placeholderText())
                cell.setToolTip(word(entry.message))
                self.table.setItem(r, c, cell)
        for r, run in enumerate(runs):
            row = summary_row(run)
            started = row["started"]
            settings = ", ".join(f"{SHORT_NAMES.get(k, k.split('.')[-1])}={v}" for k, v in row["settings"].items())
            cells = [
                SortItem(started.strftime("%Y-%m-%d %H:%M:%S") if started else run.id, run.id),
                SortItem(row["model"], row["model"]),
                SortItem(settings, settings),
                SortItem(_percent(row["best_val_accuracy"]), row["best_val_accuracy"]),
                SortItem(_percent(row["test_accuracy"]), row["test_accuracy"]),
                SortItem(status_text(row["status"]), row["status"]),
                SortItem(_duration(row["seconds"]), row["seconds"]),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, run.id)
            cells[0].setToolTip(run.id)
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        self.table.setSortingEnabled(True)
        self.select([runs[-1].id] if runs else [])

    def select(self, run_ids: list[str]) -> None:
        """Select exactly these runs; one ``selectionChanged`` follows."""
        self.table.blockSignals(True)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) in run_ids:
                self.table.selectRow(r)
        self.table.setSelectionMode(mode)
        self.table.blockSignals(False)
        self._selection_changed()

    def selected_runs(self) -> list[Run]:
        ids = {self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
               for index in self.table.selectionModel().selectedRows()}
        return [run for run in self.runs if run.id in ids]

    def _selection_changed(self) -> None:
        runs = self.selected_runs()
        self._overlay(runs)
        self._show_diff(runs)
        self.selectionChanged.emit([run.id for run in runs])

    def _overlay(self, runs: list[Run]) -> None:
        for plot in (self.val_plot, self.loss_plot):
            plot.clear()
            plot.getPlotItem().legend.clear()
        for i, run in enumerate(runs):
            history = MetricHistory.replay(run.events)
            pen = pg.mkPen(COLORS[i % len(COLORS)], width=2)
            name = run.id
            self.val_plot.plot(history.epochs, history.val_accuracy, pen=pen, symbol="o",
                               symbolBrush=COLORS[i % len(COLORS)], name=name)
            self.loss_plot.plot(history.steps, history.smoothed_losses(), pen=pen, name=name)

    def _show_diff(self, runs: list[Run]) -> None:
        rows = config_diff(runs) if len(runs) > 1 else []
        self.diff.clear()
        self.diff.setColumnCount(1 + len(runs) if len(runs) > 1 else 1)
        self.diff.setHorizontalHeaderLabels(
            [self.tr("Setting"), *(run.id for run in runs)] if len(runs) > 1
            else [self.tr("Select two or more runs to see the settings that differ")])
        self.diff.setRowCount(len(rows))
        for r, (name, values) in enumerate(rows):
            self.diff.setItem(r, 0, QTableWidgetItem(name))
            for c, value in enumerate(values, start=1):
                self.diff.setItem(r, c, QTableWidgetItem("—" if value is None else str(value)))
