"""Inference tab: type a text, get the predicted label and every class's probability."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.inference.predictor import Prediction, Predictor
from studio.core.training.run import Run
from studio.gui.i18n import Retranslating
from studio.gui.project_model import ProjectModel
from studio.gui.widgets.plots import BarChart
from studio.gui.workers import WorkerPool


@dataclass(frozen=True)
class Predicted:
    """A prediction, and the predictor that made it (kept for the run's next one)."""

    run_id: str
    predictor: Predictor
    prediction: Prediction


def _predict(predictor: Predictor | None, run: Run, text: str, pair: str | None) -> Predicted:
    predictor = predictor or Predictor(run)
    return Predicted(run.id, predictor, predictor.predict([text], [pair] if pair is not None else None)[0])


class InferenceTab(Retranslating, QWidget):
    """Ctrl+Enter is the main window's: it calls :meth:`predict` while this tab is shown."""

    predicted = Signal(object)  # the Prediction shown
    errorOccurred = Signal(str)

    def __init__(self, model: ProjectModel, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.model, self.pool = model, pool
        self._predictors: dict[str, Predictor] = {}
        self.last_prediction: Prediction | None = None

        self.run_combo = QComboBox()
        self.input = QPlainTextEdit()
        self.input.setMaximumHeight(120)
        self.pair_input = QPlainTextEdit()
        self.pair_input.setMaximumHeight(80)
        self.predict_button = QPushButton()
        self.predict_button.clicked.connect(self.predict)
        self.result = QLabel()
        font = self.result.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.result.setFont(font)
        self.tokens_label = QLabel()
        self.tokens_label.setWordWrap(True)
        self.chart = BarChart(horizontal=True)  # in the theme's colours (plot_colors()) from its creation on
        self.chart.setXRange(0, 1)

        self._run_row_label, self._text_row_label, self._pair_row_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self._run_row_label, self.run_combo)
        form.addRow(self._text_row_label, self.input)
        form.addRow(self._pair_row_label, self.pair_input)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.predict_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.tokens_label)
        layout.addWidget(self.chart, 1)

        model.projectReplaced.connect(self.refresh)
        model.runsChanged.connect(self.refresh)
        self.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        self._run_row_label.setText(self.tr("Model run"))
        self.run_combo.setToolTip(self.tr("The trained run whose model predicts the label."))
        self._text_row_label.setText(self.tr("Text"))
        self.input.setPlaceholderText(self.tr("Type or paste a text, then press Predict (Ctrl+Enter)."))
        self.input.setToolTip(self.tr("The text to classify."))
        self._pair_row_label.setText(self.tr("Second text"))
        self.pair_input.setPlaceholderText(self.tr("Second text of the pair"))
        self.pair_input.setToolTip(self.tr("The second text of the pair, for a model trained on text pairs."))
        self.predict_button.setText(self.tr("Predict"))
        self.predict_button.setToolTip(self.tr("Predict the label of the text (Ctrl+Enter)."))
        self.chart.setTitle(self.tr("Class probabilities"))
        for i in range(self.run_combo.count()):
            run = next((r for r in self.model.project.runs if r.id == self.run_combo.itemData(i)), None)
            if run is not None:
                self.run_combo.setItemText(i, self._run_text(run))
        self._show_result()

    def _run_text(self, run: Run) -> str:
        accuracy = run.summary()["test_accuracy"]
        if accuracy is None:
            return run.id
        return self.tr("{run} · test accuracy {accuracy}").format(run=run.id, accuracy=f"{accuracy:.2%}")

    def _show_result(self) -> None:
        """The prediction shown, or what to do to get one."""
        prediction = self.last_prediction
        if prediction is not None:
            self.result.setText(f"{prediction.label}  ({prediction.probabilities[prediction.label]:.1%})")
            self.tokens_label.setText(self.tr("Tokens: {tokens}").format(tokens=" | ".join(prediction.tokens)))
        elif self.model.project.runs:
            self.result.setText(self.tr("Type a text and press Predict."))
        else:
            self.result.setText(self.tr("No trained model yet: train one in the Training tab."))

    def current_run(self) -> Run | None:
        run_id = self.run_combo.currentData()
        return next((r for r in self.model.project.runs if r.id == run_id), None)

    def refresh(self) -> None:
        runs = self.model.project.runs
        known = {run.id for run in runs}
        self._predictors = {k: v for k, v in self._predictors.items() if k in known}
        self.run_combo.clear()
        for run in reversed(runs):  # newest first
            self.run_combo.addItem(self._run_text(run), run.id)
        self.predict_button.setEnabled(bool(runs))
        run = self.current_run()
        paired = run is not None and run.settings.dataset.text_pair_column is not None
        self.pair_input.setVisible(paired)
        self._pair_row_label.setVisible(paired)
        self._show_result()

    def predict(self) -> None:
        """Predict on a worker; predicting again before the answer supersedes the question."""
        run, text = self.current_run(), self.input.toPlainText().strip()
        if run is None or not text:
            return
        pair = self.pair_input.toPlainText().strip() if self.pair_input.isVisible() else None
        self.predict_button.setEnabled(False)
        self.pool.submit(_predict, self._predictors.get(run.id), run, text, pair, key=(self, "predict"),
                         on_done=self._show, on_failed=self._failed)

    def _show(self, predicted: Predicted) -> None:
        self._predictors[predicted.run_id] = predicted.predictor
        self.predict_button.setEnabled(True)
        self.last_prediction = prediction = predicted.prediction
        names = list(prediction.probabilities)
        probs = [prediction.probabilities[n] for n in names]
        self._show_result()
        self.chart.set_data(names, probs, highlight=names.index(prediction.label))
        self.chart.setXRange(0, 1)
        self.predicted.emit(prediction)

    def _failed(self, message: str) -> None:
        self.predict_button.setEnabled(True)
        self.errorOccurred.emit(message)
