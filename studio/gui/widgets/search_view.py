"""The Search view (under Training): which settings to search and over what, the budget,
Start / Pause / Stop, a live table of the trials, their plots, and "Use these settings"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.core.search.space import ParamSpec, propose, searchable
from studio.gui.i18n import Retranslating, fill_combo, translate
from studio.gui.search_session import SearchSession
from studio.gui.widgets.controls_scroll import ControlsScroll
from studio.gui.widgets.search_plots import SearchPlots
from studio.gui.wording import word

DEFAULT_KEYS = ("training.lr", "model.dropout")
REDRAW_MS = 500
STATES = {
    "complete": QT_TRANSLATE_NOOP("SearchView", "complete"),
    "pruned": QT_TRANSLATE_NOOP("SearchView", "pruned"),
    "invalid": QT_TRANSLATE_NOOP("SearchView", "invalid settings"),
    "failed": QT_TRANSLATE_NOOP("SearchView", "failed"),
    "interrupted": QT_TRANSLATE_NOOP("SearchView", "interrupted"),
    "running": QT_TRANSLATE_NOOP("SearchView", "running"),
    "waiting": QT_TRANSLATE_NOOP("SearchView", "waiting"),
}
SPACE_COLUMNS = 4  # setting, from, to, choices


def _seconds(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds < 10 else f"{seconds:,.0f} s"


def value_text(value) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


class SearchView(Retranslating, QWidget):
    """Edits a search, runs it through the :class:`SearchSession`, and shows its trials."""

    useSettings = Signal(dict)  # a trial's params: {key: value}

    def __init__(self, session: SearchSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.records: list = []
        self.importances: dict[str, float] = {}
        self.running_trial: dict | None = None
        self._specs: dict[str, ParamSpec] = {}
        self._searched: list[ParamSpec] = []
        self._dirty = False

        self.space_table = QTableWidget(0, SPACE_COLUMNS)
        self.space_table.verticalHeader().hide()
        header = self.space_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.Fixed)
            header.resizeSection(column, 64)
        header.setStretchLastSection(True)
        self.trials_spin, self.minutes_spin, self.epochs_spin = QSpinBox(), QSpinBox(), QSpinBox()
        self.trials_spin.setRange(1, 10_000)
        self.trials_spin.setValue(20)
        self.minutes_spin.setRange(0, 7 * 24 * 60)
        self.epochs_spin.setRange(1, 1000)
        self.epochs_spin.setValue(3)
        self.pruner_combo, self.sampler_combo = QComboBox(), QComboBox()
        self.name_edit = QLineEdit("search")
        self.budget_box = QGroupBox()
        self.budget_form = QFormLayout(self.budget_box)
        self.budget_labels = [QLabel() for _ in range(6)]
        for label, field in zip(self.budget_labels, (self.trials_spin, self.minutes_spin, self.epochs_spin,
                                                     self.pruner_combo, self.sampler_combo, self.name_edit),
                                strict=True):
            self.budget_form.addRow(label, field)
        self.start_button, self.pause_button, self.stop_button = QPushButton(), QPushButton(), QPushButton()
        self.pause_button.setCheckable(True)
        self.start_button.clicked.connect(self.start)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.stop_button.clicked.connect(self.session.stop)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        self.blocker_label = QLabel()
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setStyleSheet("color: #c5221f;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.space_box = QGroupBox()
        QVBoxLayout(self.space_box).addWidget(self.space_table)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.space_box, 1)
        column.addWidget(self.budget_box)
        column.addLayout(buttons)
        column.addWidget(self.blocker_label)
        column.addWidget(self.status_label)

        self.plots = SearchPlots()
        self.trials_table = QTableWidget(0, 6)
        self.trials_table.verticalHeader().hide()
        self.trials_table.setSelectionBehavior(QTableWidget.SelectRows)
        self.trials_table.setSelectionMode(QTableWidget.SingleSelection)
        self.trials_table.setEditTriggers(QTableWidget.NoEditTriggers)
        for column in range(6):
            self.trials_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.Stretch if column == 3 else QHeaderView.ResizeToContents)
        self.trials_table.itemSelectionChanged.connect(self._update_use_button)
        self.use_button = QPushButton()
        self.use_button.clicked.connect(self._use_selected)
        table_box = QWidget()
        table_column = QVBoxLayout(table_box)
        table_column.setContentsMargins(0, 0, 0, 0)
        table_column.addWidget(self.trials_table, 1)
        use_row = QHBoxLayout()
        use_row.addStretch(1)
        use_row.addWidget(self.use_button)
        table_column.addLayout(use_row)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.plots)
        right.addWidget(table_box)
        right.setSizes([420, 300])

        scroll = ControlsScroll(left)  # the controls never make the window taller than a small screen
        scroll.setFrameShape(QFrame.NoFrame)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 1)  # a narrower window narrows both: the plots keep room to be read
        split.setStretchFactor(1, 1)
        split.setSizes([470, 560])
        QHBoxLayout(self).addWidget(split)

        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self._redraw_if_dirty)
        session.started.connect(self._started)
        session.finished.connect(self._finished)
        session.trialStarted.connect(self._trial_started)
        session.trialEvent.connect(self._trial_event)
        session.trialEnded.connect(self._trial_ended)
        session.studyLoaded.connect(self._study_loaded)
        session.blockersChanged.connect(self.update_buttons)
        session.failed.connect(lambda text: self.show_text(self.status_label, lambda: text))
        session.model.projectReplaced.connect(self.refresh)
        session.model.settingsChanged.connect(lambda group: group in ("model", "dataset") and self.fill_space())
        self.retranslate()
        self.refresh()

    # ----- texts --------------------------------------------------------------------
    def retranslate(self) -> None:
        self.space_box.setTitle(self.tr("Settings to search"))
        self.space_table.setHorizontalHeaderLabels(
            [self.tr("Setting"), self.tr("From"), self.tr("To"), self.tr("Choices (A / B / C)")])
        self._mark_log_scales()
        self.space_table.setToolTip(self.tr("Tick the settings to search. Numbers are drawn between From "
                                            "and To (the learning rate and weight decay on a log scale); "
                                            "choices are separated by a slash."))
        self.budget_box.setTitle(self.tr("Budget"))
        for label, text in zip(self.budget_labels, (
                self.tr("Trials"), self.tr("Time limit (min, 0: none)"), self.tr("Epochs per trial"),
                self.tr("Pruner"), self.tr("Sampler"), self.tr("Study name")), strict=True):
            label.setText(text)
        for field, tip in (
                (self.trials_spin, self.tr("Finished trials in all, counting those of earlier sessions of "
                                           "this study; trials with settings that cannot work do not count.")),
                (self.minutes_spin, self.tr("Start no new trial after this many minutes (0: no limit).")),
                (self.epochs_spin, self.tr("Epochs each trial trains at most; the pruner may stop it "
                                           "after any epoch.")),
                (self.pruner_combo, self.tr("Median: stop a trial whose validation accuracy after an epoch "
                                            "is below the median of the earlier trials at that epoch. "
                                            "Hyperband: successive halving over several brackets.")),
                (self.sampler_combo, self.tr("TPE models which settings gave good results and draws more "
                                             "like them; Random draws uniformly (a baseline).")),
                (self.name_edit, self.tr("The study is kept in search/<name>.db in the project; the same "
                                         "name continues it, a new one starts afresh."))):
            field.setToolTip(tip)
        fill_combo(self.pruner_combo, [("median", self.tr("Median (stop trials below the median)")),
                                       ("hyperband", self.tr("Hyperband")), ("none", self.tr("None"))],
                   self.pruner_combo.currentData() or "median")
        fill_combo(self.sampler_combo, [("tpe", self.tr("TPE (Bayesian)")), ("random", self.tr("Random"))],
                   self.sampler_combo.currentData() or "tpe")
        self.start_button.setText(self.tr("Start search"))
        self.start_button.setToolTip(self.tr("Train trial after trial with settings drawn from these ranges; "
                                             "a study of the same name continues where it stopped."))
        self._label_pause_button()
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the running trial after this batch; starting again tries "
                                            "its settings again."))
        self.use_button.setText(self.tr("Use these settings"))
        self.use_button.setToolTip(self.tr("Copy the selected trial's settings into the Model and Training "
                                           "forms."))
        self.trials_table.setHorizontalHeaderLabels([self.tr("Trial"), self.tr("State"), self.tr("Validation acc."),
                                                     self.tr("Settings"), self.tr("Time"), self.tr("Pruned at")])
        self.update_buttons()
        self._fill_trials()

    def _label_pause_button(self) -> None:
        self.pause_button.setText(self.tr("Continue") if self.pause_button.isChecked() else self.tr("Pause"))

    # ----- the space ------------------------------------------------------------------
    def refresh(self) -> None:
        """A new project: its settings' space, and its study of this name as saved."""
        self.records, self.importances, self.running_trial = [], {}, None
        self.epochs_spin.setValue(self.session.model.settings.training.epochs)
        self.fill_space()
        self._redraw()
        self.session.load(self.name_edit.text().strip() or "search")

    def fill_space(self) -> None:
        """One row per searchable setting of the project's model, with its proposed range;
        what was ticked stays ticked."""
        settings = self.session.model.settings
        ticked = set(self.checked_keys()) or set(DEFAULT_KEYS)
        self._specs = {spec.key: spec for spec in propose(settings, searchable(settings))}
        table = self.space_table
        table.setRowCount(len(self._specs))
        for row, spec in enumerate(self._specs.values()):
            name = QTableWidgetItem(spec.name)
            name.setToolTip(spec.key)
            name.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
            name.setCheckState(Qt.Checked if spec.key in ticked else Qt.Unchecked)
            name.setData(Qt.UserRole, spec.key)
            table.setItem(row, 0, name)
            numeric = spec.kind != "categorical"
            for column, text in ((1, value_text(spec.low) if numeric else ""),
                                 (2, value_text(spec.high) if numeric else ""),
                                 (3, "" if numeric else " / ".join(map(str, spec.choices)))):
                item = QTableWidgetItem(text)
                editable = numeric == (column in (1, 2))
                item.setFlags(Qt.ItemIsEnabled | (Qt.ItemIsEditable if editable else Qt.NoItemFlags))
                table.setItem(row, column, item)
        self._mark_log_scales()

    def _mark_log_scales(self) -> None:
        """Tell on the From and To cells of a setting drawn on a log scale that it is."""
        for row, spec in enumerate(self._specs.values()):
            for column in (1, 2) if spec.log else ():
                item = self.space_table.item(row, column)
                if item is not None:
                    item.setToolTip(self.tr("log scale"))

    def checked_keys(self) -> list[str]:
        table = self.space_table
        return [table.item(r, 0).data(Qt.UserRole) for r in range(table.rowCount())
                if table.item(r, 0) is not None and table.item(r, 0).checkState() == Qt.Checked]

    def space(self) -> list[ParamSpec]:
        """The ticked settings with their ranges as edited.

        Raises:
            ValueError: a range or choice list that cannot be used, worded with its setting.
        """
        specs = []
        table = self.space_table
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item.checkState() != Qt.Checked:
                continue
            spec = self._specs[item.data(Qt.UserRole)]
            try:
                spec = spec.edited(table.item(row, 1).text(), table.item(row, 2).text(), table.item(row, 3).text())
            except ValueError:
                raise ValueError(self.tr("{setting}: give From <= To (numbers), or at least one choice.")
                                 .format(setting=spec.key)) from None
            specs.append(spec)
        return specs

    # ----- running ------------------------------------------------------------------------
    def update_buttons(self) -> None:
        running = self.session.running
        problems = [] if running else self.session.blockers()
        self.start_button.setEnabled(not running and not problems)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.space_table.setEnabled(not running)
        self.budget_box.setEnabled(not running)
        self.blocker_label.setText("\n".join(problems))
        self.blocker_label.setVisible(bool(problems))
        self._update_use_button()

    def start(self) -> bool:
        from studio.core.search.study import SearchConfig

        try:
            space = self.space()
            if not space:
                raise ValueError(self.tr("Tick at least one setting to search."))
            search = SearchConfig(name=self.name_edit.text().strip() or "search", space=space,
                                  trials=self.trials_spin.value(), timeout_s=self.minutes_spin.value() * 60 or None,
                                  pruner=self.pruner_combo.currentData(), sampler=self.sampler_combo.currentData())
            search.check()
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            self.blocker_label.setText(str(exc).splitlines()[0])
            self.blocker_label.setVisible(True)
            return False
        except Exception as exc:  # a ConfigError of the core, worded
            message = getattr(exc, "message", None)
            self.blocker_label.setText(word(message) if message is not None else str(exc))
            self.blocker_label.setVisible(True)
            return False
        self._searched = space
        return self.session.start(search, self.epochs_spin.value())

    def _pause_toggled(self, paused: bool) -> None:
        self.session.pause(paused)
        self._label_pause_button()

    def _started(self) -> None:
        self.pause_button.setChecked(False)
        self.show_text(self.status_label, lambda: self.tr("Starting the search…"))
        self.timer.start()
        self.update_buttons()

    def _finished(self, result) -> None:
        self.timer.stop()
        self.running_trial = None
        self.pause_button.setChecked(False)
        if result is not None:
            self.records = list(result.records)
        self._redraw()
        self.update_buttons()

    def _trial_started(self, event) -> None:
        self.running_trial = {"number": event.number, "params": event.params, "curve": []}
        self._dirty = True

    def _trial_event(self, event) -> None:
        from studio.core.training.events import EpochEnd

        if self.running_trial is not None and isinstance(event.event, EpochEnd):
            value = event.event.metrics.get("val_accuracy")
            if value is not None:
                self.running_trial["curve"].append(value)
                self._dirty = True

    def _trial_ended(self, record) -> None:
        self.records = [r for r in self.records if r.number != record.number] + [record]
        self.records.sort(key=lambda r: r.number)
        if self.running_trial is not None and self.running_trial["number"] == record.number:
            self.running_trial = None
        self._dirty = True

    def _study_loaded(self, state) -> None:
        self.records, self.importances = list(state.records), dict(state.importances)
        if not self.session.running:
            self._searched = [s for s in self._specs.values() if any(s.key in r.params for r in self.records)]
        self._redraw()

    # ----- drawing ----------------------------------------------------------------------------
    def _redraw_if_dirty(self) -> None:
        if self._dirty:
            self._redraw()

    def _redraw(self) -> None:
        self._dirty = False
        self.plots.draw(self.records, self._searched, self.importances, self.running_trial)
        self._fill_trials()
        self.show_text(self.status_label, self._status)

    def _status(self) -> str:
        done = [r for r in self.records if r.state in ("complete", "pruned", "failed")]
        complete = [r for r in self.records if r.state == "complete" and r.value is not None]
        if not self.records and self.running_trial is None:
            return self.tr("No trials yet.")
        best = max(complete, key=lambda r: r.value, default=None)
        text = self.tr("{done} trials finished ({pruned} pruned); best {best}.").format(
            done=len(done), pruned=sum(r.state == "pruned" for r in self.records),
            best=self.tr("{value} in trial {number}").format(value=f"{best.value:.4f}", number=best.number)
            if best else "—")
        if self.running_trial is not None:
            text = self.tr("Trial {number} is training. ").format(number=self.running_trial["number"]) + text
        return text

    def _fill_trials(self) -> None:
        rows = list(self.records)
        if self.running_trial is not None and all(r.number != self.running_trial["number"] for r in rows):
            rows.append(None)
        table = self.trials_table
        table.setRowCount(len(rows))
        for row, record in enumerate(rows):
            if record is None:
                trial = self.running_trial
                cells = [str(trial["number"]), translate("SearchView", STATES["running"]),
                         value_text(max(trial["curve"])) if trial["curve"] else "",
                         self._params_text(trial["params"]), "", ""]
                reason = ""
            else:
                cells = [str(record.number), translate("SearchView", STATES.get(record.state, record.state)),
                         "" if record.value is None else f"{record.value:.4f}", self._params_text(record.params),
                         "" if record.seconds is None else _seconds(record.seconds),
                         "" if record.pruned_at is None else self.tr("epoch {epoch}").format(epoch=record.pruned_at)]
                reason = word(record.reason) if record.reason is not None else ""
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1 and reason:
                    item.setToolTip(reason)
                if column == 0:
                    item.setData(Qt.UserRole, None if record is None else record.number)
                table.setItem(row, column, item)

    @staticmethod
    def _params_text(params: dict) -> str:
        return ", ".join(f"{key.partition('.')[2]}={value_text(value)}" for key, value in params.items())

    def selected_record(self):
        rows = {index.row() for index in self.trials_table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        item = self.trials_table.item(rows.pop(), 0)
        number = item.data(Qt.UserRole) if item is not None else None
        return next((r for r in self.records if r.number == number), None)

    def _update_use_button(self) -> None:
        record = self.selected_record()
        usable = record is not None and record.state in ("complete", "pruned") and bool(record.params)
        self.use_button.setEnabled(usable)

    def _use_selected(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.useSettings.emit(dict(record.params))
