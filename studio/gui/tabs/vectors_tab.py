"""Word vectors tab: train word2vec on the dataset, import published vectors, see how
well they cover the vocabulary, hand them to the model, and explore them.

Opening a project reads none of its vector sets unasked except small ones
(:data:`AUTO_READ_BYTES`) inside the project folder's ``vectors/``: an imported set is a
file from elsewhere, and a large one takes minutes and gigabytes. The others are listed
and read when the user chooses one or presses "Read vectors", with the progress bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.core.data.memory import human_size
from studio.core.embeddings.coverage import Coverage
from studio.core.embeddings.project_vectors import (
    PROJECT_FOLDER,
    AddedVectors,
    VectorSet,
    import_vectors,
    train_project_vectors,
    vocabulary_coverage,
)
from studio.core.embeddings.vectors import load_vectors
from studio.core.embeddings.word2vec import Word2VecConfig, Word2VecProgress
from studio.core.errors import StudioError
from studio.core.models import get_entry
from studio.core.safe_files import is_inside
from studio.gui.config_texts import MODEL_CONTEXT
from studio.gui.i18n import Retranslating, translate
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.widgets.controls_scroll import ControlsScroll
from studio.gui.widgets.file_picker import FilePicker
from studio.gui.widgets.vector_explorer import VectorExplorer
from studio.gui.wording import error_text, event_text, word
from studio.gui.workers import Job, WorkerPool

# The patterns of studio.core.embeddings.vectors.FILE_FILTER, with translatable names
# (FilePicker shows its filter through translate("FileDialogs", ...)).
VECTORS_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "Word vectors (*.txt *.vec *.bin *.npz *.gz *.bz2);;All files (*)")
VOCAB_FILTER = QT_TRANSLATE_NOOP("FileDialogs", "Vocabulary (*.txt *.json);;All files (*)")
COVERAGE_DELAY_MS = 400  # one measurement after a burst of text-setting edits
AUTO_READ_BYTES = 64 << 20  # larger sets, and sets outside <project>/vectors, are read only when asked


def _label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class VectorsTab(Retranslating, QWidget):
    errorOccurred = Signal(str)
    vectorsReady = Signal(str)  # the name of a vector set now shown in the explorer
    coverageShown = Signal()

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self.loaded: dict[str, object] = {}  # vectors file -> KeyedVectors in memory
        self.job: Job | None = None  # the one long job (train, import, read) running
        self._job_reads = ""  # the vectors file the running job reads, if it reads one
        self._asked: set[str] = set()  # vectors files the user chose to read in this project
        self._coverage_cache: dict[str, object] = {}  # (file, settings) -> Coverage
        self._coverage_timer = QTimer(self, singleShot=True, interval=COVERAGE_DELAY_MS)
        self._coverage_timer.timeout.connect(self._measure_coverage)

        self.sets_combo = QComboBox()
        self.set_info = _label()
        self.coverage_label = _label()
        self.use_button = QPushButton()
        self.remove_button = QPushButton()
        self.load_button = QPushButton()
        self.explorer = VectorExplorer(pool)

        self.w2v_form = ConfigForm(exclude=())
        self.w2v_form.set_model(Word2VecConfig, Word2VecConfig())
        self.w2v_source = _label()
        self.train_button = QPushButton()
        self.import_picker = FilePicker("", VECTORS_FILTER, kind="vectors")  # placeholders set in retranslate()
        self.vocab_picker = FilePicker("", VOCAB_FILTER, kind="vectors")
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, 100_000_000)
        self.limit_spin.setSingleStep(100_000)
        self.import_button = QPushButton()
        self.stop_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress_label = _label()

        self._layout()
        self.sets_combo.currentIndexChanged.connect(lambda _: self._show_set(asked=True))
        self.use_button.clicked.connect(self.use_in_model)
        self.remove_button.clicked.connect(self._remove_set)
        self.load_button.clicked.connect(lambda: self._show_set(asked=True))
        self.train_button.clicked.connect(self.start_training)
        self.import_button.clicked.connect(self.start_import)
        self.stop_button.clicked.connect(self.stop)
        self.w2v_form.validityChanged.connect(lambda _: self._update_buttons())
        model.vectorsChanged.connect(self._fill_sets)
        model.projectReplaced.connect(self._project_replaced)
        model.settingsChanged.connect(self._settings_changed)
        self._project_replaced()
        self.retranslate()

    def retranslate(self) -> None:
        self.sets_box.setTitle(self.tr("Vectors in this project"))
        self.sets_combo.setToolTip(self.tr("The vector set to describe, explore and hand to the model."))
        self.load_button.setText(self.tr("Read vectors"))
        self.load_button.setToolTip(self.tr("Read this set's file again to explore it."))
        self.use_button.setText(self.tr("Use in model"))
        self.use_button.setToolTip(self.tr("Start the model's token embedding from these vectors and set "
                                           "embedding_dim to their size."))
        self.remove_button.setText(self.tr("Remove from project"))
        self.remove_button.setToolTip(self.tr("Forget this vector set; the model stops using it."))

        self.train_box.setTitle(self.tr("Train word2vec on the training texts"))
        self.train_button.setText(self.tr("Train word2vec"))

        self.import_box.setTitle(self.tr("Import pretrained vectors"))
        self.import_file_label.setText(self.tr("Vectors file"))
        self.import_picker.edit.setPlaceholderText(self.tr("word2vec .txt / .vec / .bin (.gz) or .npz"))
        self.import_picker.setToolTip(self.tr("The published word vectors file to import (Browse…)."))
        self.vocab_label.setText(self.tr("Vocabulary"))
        self.vocab_picker.edit.setPlaceholderText(self.tr("only for .npz: found beside it by default"))
        self.vocab_picker.setToolTip(self.tr("The word list of a .npz vectors file, one word per row; "
                                             "leave empty to use the one beside it."))
        self.limit_label.setText(self.tr("Read at most"))
        self.limit_spin.setSpecialValueText(self.tr("all"))
        self.limit_spin.setToolTip(self.tr("Read only the first N vectors; published files list frequent "
                                           "words first."))
        self.import_button.setText(self.tr("Import"))

        self.job_box.setTitle(self.tr("Progress"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the running job; nothing is changed."))

    def _layout(self) -> None:
        self.sets_box = sets = QGroupBox()
        sets_layout = QVBoxLayout(sets)
        sets_layout.addWidget(self.sets_combo)
        sets_layout.addWidget(self.set_info)
        sets_layout.addWidget(self.coverage_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.remove_button)
        sets_layout.addLayout(buttons)

        self.train_box = train = QGroupBox()
        train_layout = QVBoxLayout(train)
        train_layout.addWidget(self.w2v_source)
        train_layout.addWidget(self.w2v_form)
        train_layout.addWidget(self.train_button)

        self.import_box = imported = QGroupBox()
        self.import_file_label, self.vocab_label, self.limit_label = QLabel(), QLabel(), QLabel()
        import_form = QFormLayout(imported)
        import_form.addRow(self.import_file_label, self.import_picker)
        import_form.addRow(self.vocab_label, self.vocab_picker)
        import_form.addRow(self.limit_label, self.limit_spin)
        import_form.addRow(self.import_button)

        self.job_box = job = QGroupBox()
        job_layout = QVBoxLayout(job)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        job_layout.addLayout(row)
        job_layout.addWidget(self.progress_label)

        column = QWidget()
        column_layout = QVBoxLayout(column)
        for box in (sets, train, imported, job):
            column_layout.addWidget(box)
        column_layout.addStretch(1)
        scroll = ControlsScroll(column)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.explorer)
        splitter.setStretchFactor(1, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

    # ----- the project's vector sets ------------------------------------------------
    @property
    def running(self) -> bool:
        return self.job is not None

    def current_set(self) -> VectorSet | None:
        name = self.sets_combo.currentData()
        return next((v for v in self.model.project.vectors if v.name == name), None)

    def _project_replaced(self) -> None:
        self.stop()  # a job for the old project must not land in the new one
        self.loaded.clear()
        self._asked.clear()
        self._coverage_cache.clear()
        self._fill_sets()
        self._settings_changed("dataset")

    def _fill_sets(self) -> None:
        current = self.sets_combo.currentData()
        names = [v.name for v in self.model.project.vectors]
        self.sets_combo.blockSignals(True)
        self.sets_combo.clear()
        for name in names:
            self.sets_combo.addItem(name, name)
        if names:
            self.sets_combo.setCurrentIndex(names.index(current) if current in names else len(names) - 1)
        self.sets_combo.blockSignals(False)
        self._show_set()

    def select_set(self, name: str) -> None:
        index = self.sets_combo.findData(name)
        if index >= 0:
            self.sets_combo.setCurrentIndex(index)

    def _show_set(self, asked: bool = False) -> None:
        """Describe the chosen set and show it in the explorer, reading its file first if
        the user ``asked`` for it (now or before) or :meth:`_reads_unasked` allows it."""
        entry = self.current_set()
        self._update_buttons()
        self.show_text(self.coverage_label, lambda: "")
        if entry is None:
            self.show_text(self.set_info, lambda: self.tr("None yet: train word2vec on your texts or import a "
                                                     "published set."))
            self.explorer.set_vectors(None)
            return
        info = entry.describe()  # a Message: worded in the language in force by each render
        tokenizer = self.model.settings.text.tokenizer.type
        if entry.tokenizer is not None and entry.tokenizer.type != tokenizer:
            trained = entry.tokenizer.type
            self.show_text(self.set_info, lambda: word(info) + "\n" + self.tr(
                "Trained on {trained} tokens, but the dataset now uses {tokenizer} tokens: few tokens "
                "will find a vector.").format(trained=trained, tokenizer=tokenizer))
        else:
            self.show_text(self.set_info, lambda: word(info))
        vectors = self.loaded.get(entry.path)
        self.explorer.set_vectors(vectors)
        if vectors is None:
            if asked:
                self._asked.add(entry.path)
            try:
                size = Path(entry.path).stat().st_size
            except OSError:
                size = None
            if entry.path in self._asked or size is None or self._reads_unasked(entry, size):
                self._load_set(entry)  # a missing file is only reported
            else:
                size = human_size(size)
                self.show_text(self.coverage_label, lambda: self.tr(
                    "Not read yet ({size}): large sets and sets from outside the project folder are read "
                    "when you choose them or press Read vectors.").format(size=size))
        else:
            self.schedule_coverage()
            self.vectorsReady.emit(entry.name)

    def _reads_unasked(self, entry: VectorSet, size: int) -> bool:
        """A set read as soon as it is shown: a file of ``size`` at most AUTO_READ_BYTES in
        the saved project's own ``vectors/`` folder (trained there, or saved with it)."""
        root = self.model.project.path
        return root is not None and size <= AUTO_READ_BYTES and is_inside(entry.path, Path(root) / PROJECT_FOLDER)

    def _load_set(self, entry: VectorSet) -> None:
        if self.running:
            return  # one job at a time; the set is read when the job ends
        if not Path(entry.path).is_file():
            info, path = entry.describe(), entry.path
            self.show_text(self.set_info, lambda: word(info) + "\n" + self.tr("The file {path} is missing.").format(
                path=path))
            return
        name = Path(entry.path).name
        self._start(lambda: self.tr("Reading {name}…").format(name=name), load_vectors, entry.path,
                    entry.vocab_path or None, entry.limit or None, on_done=lambda vectors: self._loaded(entry, vectors),
                    reads=entry.path)

    def _loaded(self, entry: VectorSet, vectors) -> None:
        self.loaded[entry.path] = vectors
        self._show_set()

    def _remove_set(self) -> None:
        entry = self.current_set()
        if entry is not None:
            self.loaded.pop(entry.path, None)
            self.model.remove_vectors(entry.name)

    def use_in_model(self) -> None:
        entry = self.current_set()
        if entry is None:
            return
        config = self.model.settings.model.model_dump()
        if "pretrained_vectors" not in config:
            self.errorOccurred.emit(self.tr("{model} has no token embedding to start from word vectors; choose "
                                            "another model in the Model tab.").format(
                model=translate(MODEL_CONTEXT, get_entry(config["type"]).title)))
            return
        config.update(pretrained_vectors=entry.path, pretrained_vocab=entry.vocab_path,
                      pretrained_limit=entry.limit, embedding_dim=entry.dimension)
        try:
            self.model.update("model", config)
        except StudioError as exc:  # e.g. vectors wider than the model allows
            self.errorOccurred.emit(error_text(exc))
            return
        name, dimension = entry.name, entry.dimension
        self.show_text(self.progress_label, lambda: self.tr("The model now starts from {name} (embedding_dim "
                                                       "{dimension}).").format(name=name, dimension=dimension))

    # ----- coverage -----------------------------------------------------------------
    def _settings_changed(self, group: str) -> None:
        if group in ("dataset", "text"):
            train = self.model.settings.dataset.train
            tokenizer = self.model.settings.text.tokenizer.type
            name = Path(train).name if train else ""
            self.show_text(self.w2v_source, lambda: self.tr(
                "Texts: the training split of {name}, cut into {tokenizer} tokens as set in the Dataset "
                "tab.").format(name=name, tokenizer=tokenizer) if name
                else self.tr("Open a data file first (Dataset tab)."))
            self._update_buttons()
            self.schedule_coverage()

    def schedule_coverage(self) -> None:
        """Measure the shown set's coverage after a pause in edits (tokenizing a large
        file takes a while); a measurement already made for these settings is reused, and
        one still running for other settings is dropped."""
        self.pool.cancel((self, "coverage"))
        entry = self.current_set()
        if entry is None or entry.path not in self.loaded:
            return
        if self.model.table is None:
            self.show_text(self.coverage_label, lambda: self.tr("Open a data file to see how much of its vocabulary "
                                                           "these vectors cover."))
        elif self.model.settings.dataset.label_column is None:
            self.show_text(self.coverage_label, lambda: self.tr("Choose the label column (Dataset tab) to see the "
                                                           "coverage of the vocabulary training will build."))
        elif (coverage := self._coverage_cache.get(self._coverage_key(entry))) is not None:
            self._show_coverage(coverage)
        else:
            self.show_text(self.coverage_label, lambda: self.tr("Measuring coverage of the current vocabulary…"))
            self._coverage_timer.start()

    def _coverage_key(self, entry: VectorSet) -> str:
        settings = self.model.settings
        return entry.path + settings.dataset.model_dump_json() + settings.text.model_dump_json()

    def _measure_coverage(self) -> None:
        entry = self.current_set()
        if entry is None or entry.path not in self.loaded:
            return
        key = self._coverage_key(entry)

        def done(coverage) -> None:
            self._coverage_cache[key] = coverage
            self._show_coverage(coverage)

        def failed(message: str) -> None:
            self.show_text(self.coverage_label, lambda: self.tr("Coverage unknown: {reason}").format(reason=message))
            self.coverageShown.emit()

        self.pool.submit(vocabulary_coverage, self.model.settings, dict(self.model.tables), self.loaded[entry.path],
                         key=(self, "coverage"), on_done=done, on_failed=failed)

    def _show_coverage(self, coverage: Coverage) -> None:
        missing = "、".join(coverage.missing[:12])

        def render() -> str:
            text = self.tr("Coverage of the current vocabulary: {coverage}.").format(coverage=word(coverage.describe()))
            if missing:
                text += "\n" + self.tr("Most frequent without a vector: {words}").format(words=missing)
            return text

        self.show_text(self.coverage_label, render)
        self.coverageShown.emit()

    # ----- long jobs ----------------------------------------------------------------
    def _update_buttons(self) -> None:
        idle = not self.running
        self.train_button.setEnabled(idle and self.w2v_form.valid and self.model.table is not None)
        self.import_button.setEnabled(idle)
        self.stop_button.setEnabled(not idle)
        entry = self.current_set()
        self.use_button.setEnabled(entry is not None)
        self.remove_button.setEnabled(entry is not None and idle)
        self.load_button.setVisible(entry is not None and entry.path not in self.loaded)
        self.load_button.setEnabled(idle)

    def _start(self, message: Callable[[], str], fn, *args, on_done, reads: str = "") -> None:
        """Run ``fn(*args, report=...)``, a long core job whose progress and stages show
        below; ``on_done`` gets its result unless another project was opened meanwhile."""
        self._job_reads = reads
        project = self.model.project
        self.progress.setValue(0)
        self.show_text(self.progress_label, message)

        def done(result) -> None:
            self._finished()
            if self.model.project is project:
                on_done(result)
            self._read_current_set()

        def failed(text: str) -> None:
            self._finished()
            self.show_text(self.progress_label, lambda: text)
            self.errorOccurred.emit(text)
            self._read_current_set()

        self.job = self.pool.submit(fn, *args, reports=True, on_done=done, on_failed=failed,
                                    on_progress=self._progress, on_event=self._event,
                                    on_cancelled=self._cancelled)
        self._update_buttons()

    def _progress(self, fraction: float) -> None:
        self.progress.setValue(round(1000 * fraction))

    def _event(self, event) -> None:
        """A stage (tokenizing, training) or word2vec's epoch, shown in the language in force."""
        if isinstance(event, Word2VecProgress):
            if event.epoch:
                epoch, epochs, loss = event.epoch, event.epochs, event.loss
                self.show_text(self.progress_label, lambda: self.tr(
                    "word2vec epoch {epoch} of {epochs}, loss {loss}").format(
                    epoch=epoch, epochs=epochs, loss=f"{loss:,.0f}") if loss is not None
                    else self.tr("word2vec epoch {epoch} of {epochs}").format(epoch=epoch, epochs=epochs))
        elif event_text(event) is not None:
            self.show_text(self.progress_label, lambda: event_text(event))

    def _finished(self) -> None:
        self.job = None
        self.progress.setValue(1000)
        self._update_buttons()

    def _cancelled(self) -> None:
        self.job = None
        self.progress.setValue(0)
        self.show_text(self.progress_label, lambda: self.tr("Stopped; nothing was changed."))
        self._read_current_set()

    def _read_current_set(self) -> None:
        """After a job, read the set now chosen if it is not in memory (and the user chose
        it, or it is small and in the project), unless that job was reading it (then
        "Read vectors" tries again)."""
        reads, self._job_reads = self._job_reads, ""
        entry = self.current_set()
        if entry is not None and entry.path not in self.loaded and entry.path != reads:
            self._show_set()
        else:
            self._update_buttons()

    def stop(self) -> None:
        if self.job is not None:
            self.job.stop()
            self.show_text(self.progress_label, lambda: self.tr("Stopping…"))

    def start_training(self) -> None:
        config = self.w2v_form.value()
        if config is None or self.running:
            return
        self._start(lambda: self.tr("Starting word2vec…"), train_project_vectors, self.model.settings,
                    dict(self.model.tables), config, on_done=self._added)

    def start_import(self) -> None:
        path = self.import_picker.path()
        if not path:
            self.errorOccurred.emit(self.tr("Choose a vectors file to import (Browse…)."))
            return
        name = Path(path).name
        self._start(lambda: self.tr("Reading {name}…").format(name=name), import_vectors, path,
                    self.vocab_picker.path() or None, self.limit_spin.value() or None, on_done=self._added)

    def _added(self, added: AddedVectors) -> None:
        entry = added.entry
        self.loaded[entry.path] = added.vectors
        entry = self.model.add_vectors(entry)
        name, info = entry.name, entry.describe()
        self.show_text(self.progress_label, lambda: f"{name}: {word(info)}.")
        self.select_set(entry.name)
