"""Reading a data file into the open project, on a worker, with progress and Cancel."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from studio.core.data.dataset import DatasetConfig, propose_config
from studio.core.data.reader import Table, read_table
from studio.core.report import Reporter
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.task_progress import TaskProgress
from studio.gui.workers import WorkerPool

JOB_KEY = "data"  # reading a second file supersedes the first


@dataclass(frozen=True)
class LoadedData:
    """A data file read, with the dataset settings proposed for it."""

    path: str
    table: Table
    dataset: DatasetConfig


def load_data(path: str, report: Reporter | None = None) -> LoadedData:
    """Read ``path`` and propose its dataset settings (on a worker: it may take seconds).

    Raises:
        DataFormatError: the file cannot be read as a table.
        Cancelled: ``report`` was stopped.
    """
    table = read_table(path, report=report)
    return LoadedData(path, table, propose_config(path, table))


class DataLoader(QObject):
    """Reads one data file at a time; the table replaces the project's training data."""

    loaded = Signal(object)  # the LoadedData, once the model has it
    failed = Signal(str)
    cancelled = Signal(str)  # the file's name: the user stopped reading it

    def __init__(self, model: ProjectModel, pool: WorkerPool, progress: TaskProgress,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.pool, self.progress = model, pool, progress

    def load(self, path: str | Path) -> None:
        name = Path(path).name
        job = self.pool.submit(load_data, str(path), key=JOB_KEY, reports=True, on_done=self._loaded,
                               on_failed=self.failed.emit, on_cancelled=lambda: self.cancelled.emit(name))
        self.progress.track(job, self.tr("Reading {name}").format(name=name))

    def _loaded(self, data: LoadedData) -> None:
        self.model.set_table(data.path, data.table, data.dataset)
        self.loaded.emit(data)
