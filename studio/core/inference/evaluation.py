"""Evaluate a finished run on one of its own data splits: scores, a confusion matrix and
the examples behind each of its cells.

The split is rebuilt from the run's settings with :func:`load_splits`, which cuts the
same seeded, stratified train / validation / test split the run trained and tested on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from studio.core.data.dataset import load_splits
from studio.core.data.reader import Table
from studio.core.errors import ConfigError
from studio.core.inference.predictor import Predictor, run_threshold
from studio.core.project_runs import Run
from studio.core.report import Reporter
from studio.core.training.metrics import classification_report
from studio.core.training.pair_metrics import ThresholdSweep, positive_class
from studio.core.training.run import scored_as_binary

SPLITS = ("train", "validation", "test")


@dataclass(frozen=True)
class Example:
    """One evaluated example: its position in the split, text, labels and confidence
    (the predicted class's probability, 0..1)."""

    index: int
    text: str
    true_label: str
    pred_label: str
    confidence: float


@dataclass(frozen=True)
class Evaluation:
    """A run's predictions on ``N`` examples of ``C`` classes, and their scores.

    The predicted class is the most probable one, or, with a decision ``threshold``
    (a two-class task), the positive class (:func:`positive_class`) when its probability
    is ``>= threshold``, else the other.

    Attributes:
        split: which split was evaluated (``"train"``, ``"validation"`` or ``"test"``).
        label_names: ``C`` class names, in label-id order.
        y_true, y_pred: ``(N,)`` int64 class ids.
        confidence: ``(N,)`` float, the predicted class's probability of each example.
        texts: ``N`` texts; ``pairs``: ``N`` second texts, or ``None``.
        accuracy: share of correct predictions, 0..1 (0 when ``N == 0``).
        macro, weighted: ``{"precision", "recall", "f1"}`` averaged over classes, plainly
            or weighted by support (scikit-learn, ``zero_division=0``).
        per_class: ``C`` rows ``{"label", "precision", "recall", "f1", "support"}``.
        confusion: ``(C, C)`` int64 counts; row = true class, column = predicted class.
        probabilities: ``(N, C)`` float, every class's probability of each example.
        threshold: the positive class's decision threshold, 0..1, or ``None`` (argmax).
    """

    split: str
    label_names: list[str]
    y_true: np.ndarray
    y_pred: np.ndarray
    confidence: np.ndarray
    texts: list[str]
    pairs: list[str] | None
    accuracy: float
    macro: dict[str, float]
    weighted: dict[str, float]
    per_class: list[dict]
    confusion: np.ndarray = field(repr=False)
    probabilities: np.ndarray = field(repr=False, default_factory=lambda: np.zeros((0, 0)))
    threshold: float | None = None

    def __len__(self) -> int:
        return len(self.y_true)

    @property
    def num_classes(self) -> int:
        return len(self.label_names)

    @property
    def binary(self) -> bool:
        """Whether predictions come from a decision threshold on the positive class."""
        return self.threshold is not None

    @property
    def positive(self) -> int:
        """The positive class's id (:func:`positive_class`).

        Raises:
            ValueError: not two classes.
        """
        return positive_class(self.label_names)

    def positive_probability(self) -> np.ndarray:
        """``(N,)`` the positive class's probability of each example.

        Raises:
            ValueError: not two classes.
        """
        return self.probabilities[:, self.positive] if len(self) else np.zeros(0)

    def threshold_sweep(self) -> ThresholdSweep:
        """The ROC and PR curves of the positive class, and its scores at any threshold.

        Raises:
            ValueError: not two classes.
        """
        return ThresholdSweep(self.y_true == self.positive, self.positive_probability())

    def at_threshold(self, threshold: float) -> Evaluation:
        """This evaluation predicted again (from the kept probabilities, without the
        model) with the positive class's decision ``threshold``, and scored again.

        Raises:
            ValueError: not two classes.
        """
        return evaluation_from_predictions(self.label_names, self.y_true, self.probabilities, self.texts,
                                           self.pairs, self.split, threshold)

    @property
    def num_errors(self) -> int:
        return int((self.y_true != self.y_pred).sum())

    def normalized_confusion(self) -> np.ndarray:
        """``(C, C)`` float: each row of :attr:`confusion` divided by its sum (the share of
        a true class predicted as each class); a row with no examples stays all 0."""
        counts = self.confusion.astype(float)
        totals = counts.sum(axis=1, keepdims=True)
        return np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)

    def examples(self, true: int | None = None, pred: int | None = None,
                 errors_only: bool = True) -> list[Example]:
        """The examples whose true class is ``true`` and predicted class is ``pred``
        (``None``: any), in split order; with ``errors_only`` only misclassified ones
        (so a diagonal cell ``true == pred`` needs ``errors_only=False``).

        Raises:
            IndexError: ``true`` or ``pred`` is not a class id ``0..C-1``.
        """
        for value in (true, pred):
            if value is not None and not 0 <= value < self.num_classes:
                raise IndexError(f"class id {value} is out of range 0..{self.num_classes - 1}")
        mask = np.ones(len(self), dtype=bool)
        if true is not None:
            mask &= self.y_true == true
        if pred is not None:
            mask &= self.y_pred == pred
        if errors_only:
            mask &= self.y_true != self.y_pred
        names = self.label_names
        return [Example(int(i), self.texts[i], names[self.y_true[i]], names[self.y_pred[i]],
                        float(self.confidence[i])) for i in np.flatnonzero(mask)]


def evaluation_from_predictions(label_names: list[str], y_true, probabilities, texts: list[str],
                                pairs: list[str] | None = None, split: str = "test",
                                threshold: float | None = None) -> Evaluation:
    """Score ``(N, C)`` class ``probabilities`` against ``N`` true class ids; with a
    ``threshold`` (two classes only), the positive class is predicted when its
    probability is ``>= threshold``, else the most probable class is.

    Raises:
        ValueError: the lengths or the number of classes do not agree, or a
            ``threshold`` is given for other than two classes.
    """
    probs = np.asarray(probabilities, dtype=float)
    if probs.size == 0:
        probs = probs.reshape(0, len(label_names))
    y_true = np.asarray(y_true, dtype=np.int64)
    if probs.shape != (len(y_true), len(label_names)):
        raise ValueError(f"probabilities {probs.shape} do not fit {len(y_true)} examples of "
                         f"{len(label_names)} classes")
    if threshold is None:
        y_pred = probs.argmax(axis=1).astype(np.int64)
    else:
        positive = positive_class(label_names)
        y_pred = np.where(probs[:, positive] >= threshold, positive, 1 - positive).astype(np.int64)
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support  # loaded at first use

    confidence = np.take_along_axis(probs, y_pred[:, None], axis=1)[:, 0]
    labels = list(range(len(label_names)))
    if len(y_true):
        report = classification_report(y_true, y_pred, label_names)
        averages = {}
        for average in ("macro", "weighted"):
            p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=labels,
                                                         average=average, zero_division=0)
            averages[average] = {"precision": float(p), "recall": float(r), "f1": float(f)}
        accuracy, per_class = report["accuracy"], report["per_class"]
    else:
        zero = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
        averages = {"macro": zero, "weighted": dict(zero)}
        accuracy = 0.0
        per_class = [{"label": n, **zero, "support": 0} for n in label_names]
    confusion = confusion_matrix(y_true, y_pred, labels=labels).astype(np.int64) if len(y_true) \
        else np.zeros((len(labels), len(labels)), dtype=np.int64)
    return Evaluation(split, list(label_names), y_true, y_pred, confidence, list(texts),
                      list(pairs) if pairs is not None else None, accuracy,
                      averages["macro"], averages["weighted"], per_class, confusion, probs,
                      None if threshold is None else float(threshold))


def evaluate_run_split(run: Run, split: str = "test", tables: dict[str, Table] | None = None,
                       report: Reporter | None = None) -> Evaluation:
    """Predict ``split`` of the run's own data (rebuilt from ``run.settings.dataset`` with
    the same seeded split) and score it; a two-class pair run predicts with the decision
    threshold it chose on its validation split (:func:`run_threshold`). Slow for big
    splits: call it off the GUI thread.

    Args:
        run: a finished run.
        split: ``"train"``, ``"validation"`` or ``"test"``.
        tables: tables already read, keyed by path (see :func:`load_splits`).
        report: the stages (reading the data, evaluating) and stop.

    Raises:
        ConfigError: an unknown ``split``, or the data's classes differ from the run's.
        DataFormatError: a data file is missing or cannot be read, or holds an unknown label.
        Cancelled: ``report`` was stopped.
    """
    report = report or Reporter()
    if split not in SPLITS:
        raise ConfigError("evaluation.unknown_split", split=repr(split), splits=", ".join(SPLITS))
    report.stage("stage.reading_data")
    splits = load_splits(run.settings.dataset, tables)
    if list(splits.label_names) != list(run.label_names):
        raise ConfigError("evaluation.classes_changed", classes=", ".join(splits.label_names), run=run.id,
                          trained=", ".join(run.label_names))
    report.check()
    report.stage("stage.evaluating")
    data = getattr(splits, split)
    if len(data):
        probs = Predictor(run).probabilities(data.texts, data.pairs).numpy()
    else:
        probs = np.zeros((0, len(run.label_names)))
    threshold = run_threshold(run) if scored_as_binary(run.settings, run.label_names) else None
    return evaluation_from_predictions(run.label_names, data.labels, probs, data.texts,
                                       data.pairs, split, threshold)
