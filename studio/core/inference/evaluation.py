"""Evaluate a finished run on one of its own data splits: scores, a confusion matrix and
the examples behind each of its cells.

The split is rebuilt from the run's settings with :func:`load_splits`, which cuts the
same seeded, stratified train / validation / test split the run trained and tested on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from studio.core.data.dataset import load_splits
from studio.core.data.reader import Table
from studio.core.errors import ConfigError
from studio.core.inference.predictor import Predictor
from studio.core.project_runs import Run
from studio.core.report import Reporter
from studio.core.training.metrics import classification_report

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

    Attributes:
        split: which split was evaluated (``"train"``, ``"validation"`` or ``"test"``).
        label_names: ``C`` class names, in label-id order.
        y_true, y_pred: ``(N,)`` int64 class ids.
        confidence: ``(N,)`` float, the highest class probability of each example.
        texts: ``N`` texts; ``pairs``: ``N`` second texts, or ``None``.
        accuracy: share of correct predictions, 0..1 (0 when ``N == 0``).
        macro, weighted: ``{"precision", "recall", "f1"}`` averaged over classes, plainly
            or weighted by support (scikit-learn, ``zero_division=0``).
        per_class: ``C`` rows ``{"label", "precision", "recall", "f1", "support"}``.
        confusion: ``(C, C)`` int64 counts; row = true class, column = predicted class.
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

    def __len__(self) -> int:
        return len(self.y_true)

    @property
    def num_classes(self) -> int:
        return len(self.label_names)

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
                                pairs: list[str] | None = None, split: str = "test") -> Evaluation:
    """Score ``(N, C)`` class ``probabilities`` against ``N`` true class ids.

    Raises:
        ValueError: the lengths or the number of classes do not agree.
    """
    probs = np.asarray(probabilities, dtype=float)
    if probs.size == 0:
        probs = probs.reshape(0, len(label_names))
    y_true = np.asarray(y_true, dtype=np.int64)
    if probs.shape != (len(y_true), len(label_names)):
        raise ValueError(f"probabilities {probs.shape} do not fit {len(y_true)} examples of "
                         f"{len(label_names)} classes")
    y_pred = probs.argmax(axis=1).astype(np.int64)
    confidence = probs.max(axis=1) if len(probs) else np.zeros(0)
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
                      averages["macro"], averages["weighted"], per_class, confusion)


def evaluate_run_split(run: Run, split: str = "test", tables: dict[str, Table] | None = None,
                       report: Reporter | None = None) -> Evaluation:
    """Predict ``split`` of the run's own data (rebuilt from ``run.settings.dataset`` with
    the same seeded split) and score it. Slow for big splits: call it off the GUI thread.

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
    return evaluation_from_predictions(run.label_names, data.labels, probs, data.texts,
                                       data.pairs, split)
