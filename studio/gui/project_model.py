"""The open project as a Qt object: tabs read it and listen to its change signals.

Tabs never hold each other; each edits the project through this model and redraws
when a signal says its part changed.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel
from PySide6.QtCore import QObject, Signal

from studio.core.data.dataset import DatasetConfig, label_names_for
from studio.core.data.reader import Table, read_class_names, read_table
from studio.core.embeddings.project_vectors import VectorSet
from studio.core.errors import ProjectError, StudioError
from studio.core.project import Project
from studio.core.project_runs import Run
from studio.core.retrieval import store
from studio.core.settings import Settings

GROUPS = ("dataset", "text", "model", "training")
UNTITLED = "Untitled"  # studio.core.project.Project's name until it is saved


def read_data_tables(dataset: DatasetConfig) -> dict[str, Table]:
    """The training file's table, read as the settings say; {} when there is no such file.
    It may take seconds: call it on a worker.

    Raises:
        DataFormatError: the file cannot be read as a table.
    """
    train = dataset.train
    if not train or not Path(train).is_file():
        return {}
    return {train: read_table(train, dataset.delimiter, dataset.has_header, dataset.encoding)}


class ProjectModel(QObject):
    projectReplaced = Signal()  # a new or opened project: every view redraws
    settingsChanged = Signal(str)  # the name of the settings group that changed
    runsChanged = Signal()
    dirtyChanged = Signal(bool)
    vocabEstimateChanged = Signal(int)
    vectorsChanged = Signal()
    embedDataChanged = Signal(bool)  # whether saving copies the data files into the project
    locationChanged = Signal()  # the project's folder or its read-only state changed (saved, relocked)
    indexesChanged = Signal()  # a retrieval index was kept in the project or dropped from it

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.project = Project()
        self.tables: dict[str, Table] = {}
        self.dirty = False
        self.vocab_estimate = 0
        self._labels_table: Table | None = None
        self._labels_key: tuple | None = None
        self._labels: tuple[list[str], bool] = ([], False)

    # ----- reading ----------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.project.settings

    @property
    def table(self) -> Table | None:
        """The table of the training file, once read."""
        train = self.settings.dataset.train
        return self.tables.get(train) if train else None

    def label_names(self) -> tuple[list[str], bool]:
        """The class names training will use for the current table and settings, and
        whether they come from the class-names file; the latest run's when no labels are
        loaded. Computed once per table, label column and class file."""
        table, dataset = self.table, self.settings.dataset
        column = dataset.label_column
        if table is None or column is None or column >= table.num_columns:
            runs = self.project.runs
            return (list(runs[-1].label_names) if runs else [], False)
        key = (column, dataset.class_names)
        if table is not self._labels_table or key != self._labels_key:
            class_names = None
            if dataset.class_names:
                try:
                    class_names = read_class_names(dataset.class_names)
                except StudioError:
                    class_names = None  # the dataset tab still charts the raw labels
            self._labels = (label_names_for(list(set(table.columns[column])), class_names),
                            class_names is not None)
            self._labels_table, self._labels_key = table, key
        return self._labels

    def display_name(self) -> str:
        """The project's name; a new project not saved yet is "Untitled" in the
        language in force."""
        project = self.project
        return self.tr("Untitled") if project.path is None and project.name == UNTITLED else project.name

    # ----- changing ---------------------------------------------------------------
    def replace(self, project: Project, tables: dict[str, Table] | None = None) -> None:
        if project is not self.project:
            self.project.close()  # its folder's lock: another window may open it now
        self.project = project
        self.tables = dict(tables or {})
        self.vocab_estimate = len(project.runs[-1].vocab) if project.runs else 0
        self.projectReplaced.emit()
        self.set_dirty(False)

    def new_project(self) -> None:
        """Replace the open project with an empty one."""
        self.replace(Project())

    def set_table(self, path: str, table: Table, dataset: BaseModel | None = None) -> None:
        """Use ``table`` (read from ``path``) as the training data, with ``dataset`` settings."""
        self.tables = {path: table}
        if dataset is not None:
            self.project.settings = self.settings.model_copy(update={"dataset": dataset})
        self.settingsChanged.emit("dataset")  # the table follows dataset.train
        self.set_dirty(True)

    def update(self, group: str, value: BaseModel | dict) -> None:
        """Replace one settings group (``dataset``, ``text``, ``model`` or ``training``)."""
        if group not in GROUPS:
            raise ValueError(f"unknown settings group {group!r}")
        current = getattr(self.settings, group)
        if (current.model_dump() if isinstance(value, dict) else current) == value:
            return
        data = self.settings.model_dump()
        data[group] = value.model_dump() if isinstance(value, BaseModel) else value
        self.project.settings = Settings.from_dict(data)
        self.settingsChanged.emit(group)
        self.set_dirty(True)

    def add_run(self, run: Run) -> None:
        """Add a finished run; a resumed run replaces its earlier, stopped self."""
        self.project.runs = [r for r in self.project.runs if r.id != run.id] + [run]
        self.project.interrupted = [p for p in self.project.interrupted if p.name != run.id]
        self.vocab_estimate = len(run.vocab)
        self.vocabEstimateChanged.emit(self.vocab_estimate)
        self.runsChanged.emit()
        self.set_dirty(True)

    def add_vectors(self, entry: VectorSet) -> VectorSet:
        """List a vector set in the project; one with the same file is replaced, and a
        different file with the same name gets a numbered name. Returns the entry listed."""
        kept = [v for v in self.project.vectors if v.path != entry.path]
        names, name, number = {v.name for v in kept}, entry.name, 1
        while name in names:
            number += 1
            name = f"{entry.name} ({number})"
        entry = entry.model_copy(update={"name": name})
        self.project.vectors = kept + [entry]
        self.vectorsChanged.emit()
        self.set_dirty(True)
        return entry

    def remove_vectors(self, name: str) -> None:
        self.project.vectors = [v for v in self.project.vectors if v.name != name]
        self.vectorsChanged.emit()
        self.set_dirty(True)

    def add_index(self, index: store.RetrievalIndex) -> None:
        """Keep a built retrieval index (:class:`~studio.core.retrieval.store.RetrievalIndex`)
        in the project, replacing one of the same name; saving writes it."""
        store.add_index(self.project, index)
        self.indexesChanged.emit()
        self.set_dirty(True)

    def remove_index(self, name: str) -> None:
        """Drop the retrieval index ``name``; saving deletes its files."""
        store.remove_index(self.project, name)
        self.indexesChanged.emit()
        self.set_dirty(True)

    def set_vocab_estimate(self, size: int) -> None:
        if size != self.vocab_estimate:
            self.vocab_estimate = size
            self.vocabEstimateChanged.emit(size)

    def set_embed_data(self, embed: bool) -> None:
        """Whether saving copies the data files into the project folder."""
        if embed != self.project.embed_data:
            self.project.embed_data = embed
            self.embedDataChanged.emit(embed)
            self.set_dirty(True)

    def relock(self) -> None:
        """Take the open project's folder lock again (opening its own folder anew took
        it); when another studio took it meanwhile, keep the work read-only, to be saved
        elsewhere."""
        try:
            self.project.lock()
        except ProjectError:
            self.project.read_only = self.project.path is not None
            self.locationChanged.emit()

    def close(self) -> None:
        """The window closes: let go of the project's folder (another window may edit it)."""
        self.project.close()

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirtyChanged.emit(dirty)

    def save(self, path: str | Path | None = None) -> Path:
        """Save the project; trained vectors move into it, so the vector list and the
        model settings that point at them change too."""
        before = (self.settings.model, [v.path for v in self.project.vectors])
        saved = self.project.save(path)
        try:
            self.project.lock()  # a first save, or a read-only project saved elsewhere: edit it here
        except ProjectError:
            pass  # held by another studio after all, or a read-only folder: saving says so next time
        if before[1] != [v.path for v in self.project.vectors]:
            self.vectorsChanged.emit()
        if before[0] != self.settings.model:
            self.settingsChanged.emit("model")
        self.locationChanged.emit()
        self.set_dirty(False)
        return saved
