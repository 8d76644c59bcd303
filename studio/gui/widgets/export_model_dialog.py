"""File > Export model… and Export run for a cluster…: write one of the project's runs as an
ONNX bundle that runs without PyTorch or the studio
(:func:`studio.core.inference.export.export_onnx`, on a worker), and say what was checked;
or its settings and data as a project that trains on another machine with torchrun
(:func:`studio.core.bundle.write_bundle`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.bundle import LAUNCH_FILE, write_bundle
from studio.core.inference.export import TOLERANCE, Exported, export_onnx
from studio.gui import file_dialogs
from studio.gui.i18n import Retranslating
from studio.gui.wording import run_text
from studio.gui.workers import WorkerPool

FORMATS = ("onnx", "cluster")


def suggested_folder(project_path: Path | None, run, kind: str = "onnx") -> Path:
    """Beside the project folder (or in the home folder for an unsaved project):
    ``<project>-<run id>-onnx`` (a cluster bundle: ``-cluster.studio``)."""
    name = f"{run.id}-onnx" if kind == "onnx" else f"{run.id}-cluster.studio"
    if project_path is None:
        return Path.home() / name
    return project_path.parent / f"{project_path.stem}-{name}"


class ExportModelDialog(Retranslating, QDialog):
    """Choose a run and a folder, export, see the checks. ``exported`` carries the result."""

    exported = Signal(object)

    def __init__(self, runs: list, project_path: Path | None, pool: WorkerPool, parent: QWidget | None = None,
                 chosen: str | None = None, kind: str = "onnx"):
        super().__init__(parent)
        self.pool, self.project_path = pool, project_path
        self.runs = list(reversed(runs))  # newest first
        self.result: Exported | None = None
        self.running = False
        self.run_combo = QComboBox()
        for run in self.runs:
            self.run_combo.addItem(run_text(run), run.id)
        if chosen is not None and self.run_combo.findData(chosen) >= 0:
            self.run_combo.setCurrentIndex(self.run_combo.findData(chosen))
        self.format_combo = QComboBox()
        for _ in FORMATS:
            self.format_combo.addItem("")
        self.format_combo.setCurrentIndex(FORMATS.index(kind))
        self.format_label = QLabel()
        self.format_label.setWordWrap(True)
        self.processes_spin = QSpinBox()
        self.processes_spin.setRange(1, 1024)
        self.folder_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.setDefault(True)
        self.open_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self.reject)
        self.run_combo.currentIndexChanged.connect(lambda _: self._suggest())
        self.format_combo.currentIndexChanged.connect(lambda _: self._format_changed())
        self._form = QFormLayout()
        self._run_label, self._format_label, self._folder_label = QLabel(), QLabel(), QLabel()
        self._processes_label = QLabel()
        self._form.addRow(self._run_label, self.run_combo)
        self._form.addRow(self._format_label, self.format_combo)
        self._form.addRow(self._processes_label, self.processes_spin)
        self._form.addRow(self._folder_label, folder_row)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.format_label)  # outside the form: a wrapped label there gets too little height
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.retranslate()
        self._format_changed()

    @property
    def kind(self) -> str:
        return FORMATS[self.format_combo.currentIndex()]

    def _format_changed(self) -> None:
        cluster = self.kind == "cluster"
        self._form.setRowVisible(self.processes_spin, cluster)
        self._suggest()
        self.retranslate()
        if cluster:
            self.show_text(self.status, lambda: self.tr(
                "The bundle is a project folder: the run's settings, every file they read copied into data/, "
                "and {launch}, which trains it with torchrun on one machine or several."
                ).format(launch=LAUNCH_FILE))
        else:
            self.show_text(self.status, lambda: self.tr(
                "The export is checked before it is kept: onnxruntime must give the run's outputs within "
                "{tolerance:g}.").format(tolerance=TOLERANCE))

    def retranslate(self) -> None:
        cluster = self.kind == "cluster"
        self.setWindowTitle(self.tr("Export run for a cluster") if cluster else self.tr("Export model"))
        self.format_combo.setItemText(0, self.tr("ONNX bundle"))
        self.format_combo.setItemText(1, self.tr("Cluster bundle (torchrun)"))
        self._processes_label.setText(self.tr("Processes per machine:"))
        self.processes_spin.setToolTip(self.tr("launch.sh's default: one per GPU (NPROC_PER_NODE overrides it)."))
        for index, run in enumerate(self.runs):
            self.run_combo.setItemText(index, run_text(run))
        self._run_label.setText(self.tr("Run:"))
        self._format_label.setText(self.tr("Format:"))
        self._folder_label.setText(self.tr("Folder:"))
        self.format_label.setText(
            self.tr("The settings and data of the run, and launch.sh: trains a new run with torchrun elsewhere; "
                    "open the folder here afterwards to see it") if cluster else
            self.tr("model.onnx, vocabulary, labels, tokenizer settings and a predict.py that needs no PyTorch "
                    "and no studio"))
        self.browse_button.setText(self.tr("Browse…"))
        self.export_button.setText(self.tr("Export"))
        self.open_button.setText(self.tr("Open folder"))
        self.folder_edit.setToolTip(self.tr("A new or empty folder, or one holding an earlier export (replaced)."))

    def _run(self):
        return self.runs[self.run_combo.currentIndex()] if self.runs else None

    def _suggest(self) -> None:
        run = self._run()
        if run is not None:
            self.folder_edit.setText(str(suggested_folder(self.project_path, run, self.kind)))

    def _browse(self) -> None:
        folder = file_dialogs.open_folder(self, self.tr("Folder to export into"), "export")
        if folder:
            self.folder_edit.setText(folder)

    def export(self) -> None:
        """Export the chosen run into the folder, on a worker."""
        run, folder = self._run(), self.folder_edit.text().strip()
        if run is None or not folder or self.running:
            return
        self.running, self.result = True, None
        self.export_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        if self.kind == "cluster":
            name = self.project_path.stem if self.project_path is not None else run.id
            self.show_text(self.status, lambda: self.tr("Copying the settings and data of {run}…").format(run=run.id))
            self.pool.submit(write_bundle, run.settings, folder, name, self.processes_spin.value(),
                             key=(self, "export"), on_done=self._bundled, on_failed=self._failed,
                             on_cancelled=lambda: self._failed(""))
            return
        self.show_text(self.status, lambda: self.tr("Exporting {run} and checking it against PyTorch…").format(
            run=run.id))
        self.pool.submit(export_onnx, run, folder, reports=True, key=(self, "export"), on_done=self._done,
                         on_failed=self._failed, on_progress=lambda p: self.progress.setValue(round(100 * p)),
                         on_cancelled=lambda: self._failed(""))

    def _done(self, result: Exported) -> None:
        self.running, self.result = False, result
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self._show_result(result)
        self.exported.emit(result)

    def _bundled(self, folder: Path) -> None:
        self.running, self.result = False, Exported(Path(folder), (), ())
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.open_button.setEnabled(True)
        processes = self.processes_spin.value()
        self.show_text(self.status, lambda: self.tr(
            "Wrote {folder}.\nCopy it to the machine that trains (or put it on a disk the nodes share) and run "
            "there:\n  NPROC_PER_NODE={processes} ./{launch}\nSeveral machines: NNODES=2 RDZV_ENDPOINT=host:29400 "
            "./{launch} on each. Then open the folder in the studio to see the run.").format(
            folder=folder, processes=processes, launch=LAUNCH_FILE))
        self.exported.emit(self.result)

    def _show_result(self, result: Exported) -> None:
        batches = " / ".join(str(b) for b in sorted({c.batch for c in result.checks}))
        lengths = " / ".join(str(n) for n in sorted({c.length for c in result.checks}))
        self.show_text(self.status, lambda: self.tr(
            "Exported to {folder}.\nChecked against PyTorch at batch sizes {batches} and lengths {lengths}: the "
            "largest difference is {difference:.1e} (allowed: {tolerance:g}).\nFiles: {files}.\nTry it: "
            "python predict.py --help (needs onnxruntime and numpy, and jieba for a jieba tokenizer).").format(
            folder=result.folder, batches=batches, lengths=lengths, difference=result.max_difference,
            tolerance=TOLERANCE, files=", ".join(result.files)))

    def _failed(self, message: str) -> None:
        self.running = False
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.show_text(self.status, lambda: message or self.tr("The export was stopped; nothing was written."))

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))

    def reject(self) -> None:
        if self.running:
            self.pool.cancel((self, "export"))
            self.running = False
        super().reject()

