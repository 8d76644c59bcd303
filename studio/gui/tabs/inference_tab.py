"""Inference tab: type a text, get the predicted label and every class's probability.

For a two-class pair run: two texts, the match probability decided at the threshold the
run chose on validation; for a model with a soft alignment (ESIM) its attention matrix
as a heatmap (:class:`~studio.gui.widgets.alignment_heatmap.AlignmentHeatmap`)."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.explain import Explanation, explain
from studio.core.inference.predictor import Alignment, Match, Prediction, Predictor
from studio.core.training.run import Run
from studio.gui.i18n import Retranslating
from studio.gui.project_model import ProjectModel
from studio.gui.tabs.inference_batch import BatchPanel
from studio.gui.widgets.alignment_heatmap import AlignmentHeatmap
from studio.gui.widgets.attribution_view import ExplanationView
from studio.gui.widgets.plots import BarChart
from studio.gui.wording import run_text
from studio.gui.workers import WorkerPool

TEXT_BOX_HEIGHT, PAIR_BOX_HEIGHT = 120, 64  # pixels
THRESHOLD_COLOR = (128, 128, 128)  # readable on the light and the dark plot background


@dataclass(frozen=True)
class Predicted:
    """A prediction, and the predictor that made it (kept for the run's next one); for a
    two-class pair run its match, for a model with a soft alignment (ESIM) the alignment."""

    run_id: str
    predictor: Predictor
    prediction: Prediction
    match: Match | None = None
    alignment: Alignment | None = None


@dataclass(frozen=True)
class Explained:
    run_id: str
    predictor: Predictor
    explanation: Explanation


def _explain(predictor: Predictor | None, run: Run, text: str, pair: str | None, target: str | None) -> Explained:
    """Runs on a worker: build the run's predictor (once) and explain toward ``target``
    (``None``: the predicted class)."""
    predictor = predictor or Predictor(run)
    return Explained(run.id, predictor, explain(predictor, text, pair, target))


def _predict(predictor: Predictor | None, run: Run, text: str, pair: str | None) -> Predicted:
    """Runs on a worker: build the run's predictor (once), predict, and for a pair the
    match and the alignment."""
    predictor = predictor or Predictor(run)
    if pair is None:
        return Predicted(run.id, predictor, predictor.predict([text])[0])
    match = predictor.match([text], [pair])[0] if predictor.scores_matches else None
    prediction = match.prediction if match is not None else predictor.predict([text], [pair])[0]
    return Predicted(run.id, predictor, prediction, match, predictor.alignment(text, pair))


CLASS_ROW_PX, CHART_MARGIN_PX = 20, 70  # the probability chart's height per class, and for its title and axis


class InferenceTab(Retranslating, QWidget):
    """Ctrl+Enter is the main window's: it calls :meth:`predict` while this tab is shown."""

    predicted = Signal(object)  # the Prediction shown
    explained = Signal(object)  # the Explanation shown
    errorOccurred = Signal(str)

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self._predictors: dict[str, Predictor] = {}
        self.last_prediction: Prediction | None = None
        self.last_match: Match | None = None
        self._paired = False

        self.run_combo = QComboBox()
        self.run_combo.currentIndexChanged.connect(self._run_changed)
        self.input = QPlainTextEdit()
        self.input.setMaximumHeight(TEXT_BOX_HEIGHT)
        self.pair_input = QPlainTextEdit()
        self.pair_input.setMaximumHeight(PAIR_BOX_HEIGHT)
        self.predict_button = QPushButton()
        self.predict_button.clicked.connect(self.predict)
        self.explain_button, self.target_combo = QPushButton(), QComboBox()
        self.explain_button.clicked.connect(self.explain)
        self.explanation_view = ExplanationView()
        self.result = QLabel()
        font = self.result.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.result.setFont(font)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.match_detail = QLabel()
        self.match_detail.setWordWrap(True)
        self.match_detail.hide()
        self.tokens_label = QLabel()
        self.tokens_label.setWordWrap(True)
        self.chart = BarChart(horizontal=True)  # in the theme's colours (plot_colors()) from its creation on
        self.chart.setXRange(0, 1)
        self.threshold_line = pg.InfiniteLine(  # the match threshold, on the class probabilities' axis
            angle=90, movable=False, pen=pg.mkPen(THRESHOLD_COLOR, width=2, style=Qt.PenStyle.DashLine),
            label="", labelOpts={"position": 0.97, "color": THRESHOLD_COLOR})
        self.heatmap = AlignmentHeatmap()
        self.heatmap.hide()  # shown only for a model with an alignment
        self.views = QSplitter(Qt.Horizontal)
        self.views.addWidget(self.chart)
        self.views.addWidget(self.heatmap)
        self.views.setStretchFactor(0, 1)
        self.views.setStretchFactor(1, 3)
        self.views.setSizes([300, 900])

        self.batch = BatchPanel(pool, self.current_run, self._predictors)
        self.batch.errorOccurred.connect(self.errorOccurred)
        self.batch.rowChosen.connect(self.look_at)

        self._run_row_label, self._text_row_label, self._pair_row_label = QLabel(), QLabel(), QLabel()
        run_row = QFormLayout()
        run_row.addRow(self._run_row_label, self.run_combo)
        form = QFormLayout()
        form.addRow(self._text_row_label, self.input)
        form.addRow(self._pair_row_label, self.pair_input)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.target_combo)
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.predict_button)
        one = QWidget()
        one_layout = QVBoxLayout(one)
        one_layout.addLayout(form)
        one_layout.addLayout(buttons)
        one_layout.addWidget(self.result)
        one_layout.addWidget(self.match_detail)
        one_layout.addWidget(self.tokens_label)
        one_layout.addWidget(self.explanation_view)
        one_layout.addWidget(self.views, 1)
        self.pages = QTabWidget()  # one typed text, or every row of a file
        self.pages.addTab(one, "")
        self.pages.addTab(self.batch, "")
        layout = QVBoxLayout(self)
        layout.addLayout(run_row)
        layout.addWidget(self.pages, 1)

        model.projectReplaced.connect(self.refresh)
        model.runsChanged.connect(self.refresh)
        self.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        self.pages.setTabText(0, self.tr("One text"))
        self.pages.setTabText(1, self.tr("Label a file"))
        self._run_row_label.setText(self.tr("Model run"))
        self.run_combo.setToolTip(self.tr("The trained run whose model predicts the label."))
        if self._paired:
            self._text_row_label.setText(self.tr("First text"))
            self.input.setPlaceholderText(self.tr("Type or paste the first text of the pair."))
            self.input.setToolTip(self.tr("The first text of the pair to match."))
        else:
            self._text_row_label.setText(self.tr("Text"))
            self.input.setPlaceholderText(self.tr("Type or paste a text, then press Predict (Ctrl+Enter)."))
            self.input.setToolTip(self.tr("The text to classify."))
        self._pair_row_label.setText(self.tr("Second text"))
        self.pair_input.setPlaceholderText(self.tr("Second text of the pair, then press Predict (Ctrl+Enter)."))
        self.pair_input.setToolTip(self.tr("The second text of the pair, for a model trained on text pairs."))
        self.explain_button.setText(self.tr("Explain"))
        self.explain_button.setToolTip(self.tr("Colour each token by its share in the decision (integrated "
                                               "gradients; fastText: feature ablation)."))
        self.target_combo.setToolTip(self.tr("The class whose score is explained."))
        self._fill_targets()
        self.predict_button.setText(self.tr("Predict"))
        self.predict_button.setToolTip(self.tr("Predict the label of the text (Ctrl+Enter)."))
        self.chart.setTitle(self.tr("Class probabilities"))
        self.threshold_line.label.setFormat(self.tr("match threshold"))
        for i in range(self.run_combo.count()):
            run = next((r for r in self.model.project.runs if r.id == self.run_combo.itemData(i)), None)
            if run is not None:
                self.run_combo.setItemText(i, run_text(run))
        self._show_result()

    def _show_result(self) -> None:
        """The prediction shown, or what to do to get one."""
        prediction, match = self.last_prediction, self.last_match
        self.match_detail.setVisible(match is not None)
        if match is not None:
            verdict = self.tr("Match") if match.is_match else self.tr("No match")
            self.result.setText(self.tr("{verdict} · match probability {probability}").format(
                verdict=verdict, probability=f"{match.probability:.1%}"))
            self.match_detail.setText(self._match_text(match))
        elif prediction is not None:
            self.result.setText(f"{prediction.label}  ({prediction.probabilities[prediction.label]:.1%})")
        if prediction is not None and prediction.pair_tokens is not None:
            self.tokens_label.setText(self.tr("Tokens of the first text: {tokens}\nTokens of the second text: {pair}")
                                      .format(tokens=" | ".join(prediction.tokens),
                                              pair=" | ".join(prediction.pair_tokens)))
        elif prediction is not None:
            self.tokens_label.setText(self.tr("Tokens: {tokens}").format(tokens=" | ".join(prediction.tokens)))
        elif self.model.project.runs:
            self.result.setText(self.tr("Type two texts and press Predict.") if self._paired
                                else self.tr("Type a text and press Predict."))
        else:
            self.result.setText(self.tr("No trained model yet: train one in the Training tab."))

    def _match_text(self, match: Match) -> str:
        """What the match probability is and where the threshold comes from."""
        if match.threshold_chosen:
            where = self.tr("the threshold this run chose on its validation split")
        else:
            where = self.tr("the default threshold (this run chose none on validation)")
        return self.tr("The match probability is the probability of class “{positive}”: {probability}. The pair "
                       "matches when it is at least {threshold}, {where}. Decided label: {label}.").format(
            positive=match.positive, probability=f"{match.probability:.3f}", threshold=f"{match.threshold:.3f}",
            where=where, label=match.label)

    def current_run(self) -> Run | None:
        run_id = self.run_combo.currentData()
        return next((r for r in self.model.project.runs if r.id == run_id), None)

    def refresh(self) -> None:
        runs = self.model.project.runs
        known = {run.id for run in runs}
        self._predictors = {k: v for k, v in self._predictors.items() if k in known}
        self.batch.forget_runs_except(known)
        self.run_combo.blockSignals(True)  # one _run_changed below, not one per item
        self.run_combo.clear()
        for run in reversed(runs):  # newest first
            self.run_combo.addItem(run_text(run), run.id)
        self.run_combo.blockSignals(False)
        self.predict_button.setEnabled(bool(runs))
        self.explain_button.setEnabled(bool(runs))
        self.batch.open_button.setEnabled(bool(runs))
        self._run_changed()

    def _run_changed(self) -> None:
        """Show the second text box for a pair run's model."""
        run = self.current_run()
        self._paired = run is not None and run.settings.dataset.text_pair_column is not None
        self.pair_input.setVisible(self._paired)
        self.input.setMaximumHeight(PAIR_BOX_HEIGHT if self._paired else TEXT_BOX_HEIGHT)  # room for the heatmap
        self._pair_row_label.setVisible(self._paired)
        self.explanation_view.set_explanation(None)
        self.retranslate()

    def predict(self) -> None:
        """Predict on a worker; predicting again before the answer supersedes the question."""
        run, text = self.current_run(), self.input.toPlainText().strip()
        if run is None or not text:
            return
        pair = self.pair_input.toPlainText().strip() if self._paired else None
        if pair == "":
            self.pair_input.setFocus()
            return
        self.predict_button.setEnabled(False)
        self.pool.submit(_predict, self._predictors.get(run.id), run, text, pair, key=(self, "predict"),
                         on_done=self._show, on_failed=self._failed)

    def select_run(self, run_id: str) -> None:
        """Choose the run ``run_id`` (nothing changes when the project has no such run)."""
        index = self.run_combo.findData(run_id)
        if index >= 0:
            self.run_combo.setCurrentIndex(index)

    def look_at(self, text: str, pair: str | None) -> None:
        """Show one row of a labelled file on its own: its prediction and explanation."""
        self.input.setPlainText(text)
        if pair is not None:
            self.pair_input.setPlainText(pair)
        self.pages.setCurrentIndex(0)
        self.predict()
        self.explain()

    def _fill_targets(self) -> None:
        """The classes to explain: the predicted one (default), then each class by name."""
        run, chosen = self.current_run(), self.target_combo.currentData()
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        self.target_combo.addItem(self.tr("Predicted class"), None)
        for name in (run.label_names if run is not None else []):
            self.target_combo.addItem(name, name)
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(chosen)))
        self.target_combo.blockSignals(False)

    def explain(self) -> None:
        """Explain the texts on a worker (a newer request supersedes an older one)."""
        run, text = self.current_run(), self.input.toPlainText().strip()
        pair = self.pair_input.toPlainText().strip() if self._paired else None
        if run is None or not text or pair == "":
            return
        self.explain_button.setEnabled(False)
        self.pool.submit(_explain, self._predictors.get(run.id), run, text, pair, self.target_combo.currentData(),
                         key=(self, "explain"), on_done=self._show_explanation, on_failed=self._explain_failed)

    def _show_explanation(self, explained: Explained) -> None:
        self._predictors[explained.run_id] = explained.predictor
        self.explain_button.setEnabled(True)
        self.explanation_view.set_explanation(explained.explanation)
        self.explained.emit(explained.explanation)

    def _explain_failed(self, message: str) -> None:
        self.explain_button.setEnabled(True)
        self.errorOccurred.emit(message)

    def _show(self, predicted: Predicted) -> None:
        self._predictors[predicted.run_id] = predicted.predictor
        self.predict_button.setEnabled(True)
        self.last_prediction = prediction = predicted.prediction
        self.last_match = predicted.match
        self.heatmap.set_alignment(predicted.alignment)
        self.heatmap.setVisible(predicted.alignment is not None)
        self.tokens_label.setVisible(predicted.alignment is None)  # the heatmap's axes show them
        names = list(prediction.probabilities)
        probs = [prediction.probabilities[n] for n in names]
        self._show_result()
        shown = predicted.match.label if predicted.match is not None else prediction.label  # at the threshold
        self.chart.set_data(names, probs, highlight=names.index(shown))
        # room for every class's name: the explanation above yields (its ranked list scrolls)
        self.chart.setMinimumHeight(CHART_MARGIN_PX + CLASS_ROW_PX * len(names))
        if predicted.match is not None:  # set_data cleared the chart
            self.threshold_line.setValue(predicted.match.threshold)
            self.chart.addItem(self.threshold_line)
        self.chart.setXRange(0, 1)
        self.predicted.emit(prediction)

    def _failed(self, message: str) -> None:
        self.predict_button.setEnabled(True)
        self.errorOccurred.emit(message)
