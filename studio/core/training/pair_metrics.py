"""Scores of a binary task (sentence-pair matching) from the positive class's probability,
all from scikit-learn: accuracy, precision / recall / F1 of the positive class at a
decision threshold, ROC-AUC, PR-AUC (average precision), and the ROC and PR curves.

An example is predicted positive when its probability is ``>= threshold``. The positive
class is the label ``"1"`` when the labels hold one, else the second class in label-id
order (:func:`positive_class`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

CURVE_POINTS = 200
DIGITS = 4  # curves are rounded: they go into metrics.jsonl
SWEEP_POINTS = 2000  # the most points a ThresholdSweep's curves keep (for drawing)


def positive_class(label_names: Sequence[str]) -> int:
    """The id of the positive class of two: the label ``"1"`` when present, else id 1.

    Raises:
        ValueError: not exactly two classes.
    """
    names = [str(name).strip() for name in label_names]
    if len(names) != 2:
        raise ValueError(f"a binary task has 2 classes, not {len(names)}")
    return names.index("1") if "1" in names else 1


def _both_classes(y_true: np.ndarray) -> bool:
    return len(y_true) > 0 and 0 < int(y_true.sum()) < len(y_true)


def choose_threshold(val_labels, val_probs) -> float:
    """The decision threshold that maximises accuracy on the validation split.

    Every threshold between two neighbouring distinct probabilities makes the same
    decisions; of each such interval the representative is 0.5 when the interval holds
    it, else its midpoint (its ends clipped to 0..1). Of the intervals with the highest
    validation accuracy, the one whose representative is closest to 0.5 wins. Without
    both classes in ``val_labels`` the threshold stays 0.5.

    Args:
        val_labels: ``(N,)`` 1 for the positive class, 0 for the other.
        val_probs: ``(N,)`` the positive class's probability.
    """
    from sklearn.metrics import roc_curve  # loaded at first use (start-up does without it)

    y_true = np.asarray(val_labels, dtype=np.int64)
    probs = np.asarray(val_probs, dtype=float)
    if not _both_classes(y_true):
        return 0.5
    # roc_curve without dropping: one point per distinct probability s_k (descending),
    # the rule "positive when p >= s_k"; the first point predicts nothing positive
    fpr, tpr, scores = roc_curve(y_true, probs, drop_intermediate=False)
    positives = int(y_true.sum())
    negatives = len(y_true) - positives
    accuracy = (tpr * positives + (1.0 - fpr) * negatives) / len(y_true)
    upper = np.minimum(scores, 1.0)  # threshold s_k itself: the interval's top
    lower = np.append(scores[1:], 0.0)  # exclusive: the next lower probability
    lower = np.clip(lower, 0.0, 1.0)
    representative = np.where((lower < 0.5) & (0.5 <= upper), 0.5, (lower + upper) / 2)
    best = np.flatnonzero(np.isclose(accuracy, accuracy.max(), rtol=0, atol=1e-12))
    winner = best[np.argmin(np.abs(representative[best] - 0.5))]
    return float(representative[winner])


def _kept_rows(n: int, points: int) -> np.ndarray:
    """The indices of at most ``points`` evenly spaced rows of ``n``, both ends kept."""
    return np.unique(np.linspace(0, n - 1, min(n, points)).round().astype(int)) if n else np.zeros(0, int)


def _downsample(*columns: np.ndarray, points: int = CURVE_POINTS) -> list[list[float]]:
    """At most ``points`` evenly spaced rows of the columns, both ends kept, rounded."""
    keep = _kept_rows(len(columns[0]), points)
    return [[round(float(v), DIGITS) for v in column[keep]] for column in columns]


def binary_report(y_true, probs, threshold: float = 0.5, positive_label: str = "1") -> dict[str, Any]:
    """The scores of the positive class at ``threshold``, and the curves.

    Args:
        y_true: ``(N,)`` 1 for the positive class, 0 for the other.
        probs: ``(N,)`` the positive class's probability.
        threshold: positive when ``probs >= threshold``.
        positive_label: the positive class's name, recorded in the report.

    Returns:
        A JSON-serialisable dict: ``positive``, ``threshold``, ``accuracy``,
        ``precision``, ``recall``, ``f1``, ``confusion`` (``[[tn, fp], [fn, tp]]``),
        ``roc_auc`` and ``pr_auc`` (``None`` without both classes in ``y_true``),
        ``roc`` (``fpr``, ``tpr``, ``threshold``) and ``pr`` (``precision``, ``recall``,
        ``threshold``), each at most :data:`CURVE_POINTS` points (empty without both
        classes). A curve's thresholds are clipped to 0..1 (scikit-learn starts the ROC
        curve at an infinite one).
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    y_true = np.asarray(y_true, dtype=np.int64)
    probs = np.asarray(probs, dtype=float)
    y_pred = (probs >= threshold).astype(np.int64)
    precision, recall, f1, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=[0, 1], pos_label=1, average="binary", zero_division=0)
    report: dict[str, Any] = {
        "positive": positive_label,
        "threshold": round(float(threshold), 6),
        "accuracy": float(accuracy_score(y_true, y_pred)) if len(y_true) else 0.0,
        "precision": float(precision), "recall": float(recall), "f1": float(f1),
        "confusion": confusion_matrix(y_true, y_pred, labels=[0, 1]).tolist(),
        "roc_auc": None, "pr_auc": None,
        "roc": {"fpr": [], "tpr": [], "threshold": []},
        "pr": {"precision": [], "recall": [], "threshold": []},
    }
    if _both_classes(y_true):
        report["roc_auc"], report["pr_auc"], roc, pr = _areas_and_curves(y_true, probs)
        report["roc"] = dict(zip(("fpr", "tpr", "threshold"), _downsample(*roc), strict=True))
        report["pr"] = dict(zip(("precision", "recall", "threshold"), _downsample(*pr), strict=True))
    return report


def _areas_and_curves(y_true: np.ndarray, probs: np.ndarray):
    """ROC-AUC, PR-AUC and the full curves of ``y_true`` (both classes present) scored by
    ``probs``: ``(fpr, tpr, thresholds)`` and ``(precision, recall, thresholds)``, the
    thresholds clipped to 0..1 (scikit-learn starts the ROC curve at an infinite one)."""
    from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve

    fpr, tpr, roc_thresholds = roc_curve(y_true, probs)
    # precision_recall_curve has one threshold fewer than points: the last point
    # (recall 0, precision 1) has none; it is given threshold 1
    precision, recall, pr_thresholds = precision_recall_curve(y_true, probs)
    return (float(roc_auc_score(y_true, probs)), float(average_precision_score(y_true, probs)),
            (fpr, tpr, np.clip(roc_thresholds, 0.0, 1.0)),
            (precision, recall, np.append(np.clip(pr_thresholds, 0.0, 1.0), 1.0)))


def pair_report(label_names: Sequence[str], y_true, probabilities, threshold: float = 0.5) -> dict[str, Any]:
    """:func:`binary_report` from class ids ``(N,)`` and ``(N, 2)`` class probabilities of
    a two-class task, the positive class chosen by :func:`positive_class`."""
    positive = positive_class(label_names)
    probs = np.asarray(probabilities, dtype=float).reshape(-1, 2)[:, positive]
    return binary_report(np.asarray(y_true) == positive, probs, threshold, str(label_names[positive]))


@dataclass(frozen=True)
class ThresholdScores:
    """The positive class's scores at one decision threshold (positive when the
    probability is ``>= threshold``), from the four confusion counts.

    Precision, recall and F1 are 0 where they would divide by zero, as scikit-learn's
    ``zero_division=0`` makes them; accuracy is 0 without examples.
    """

    threshold: float
    tp: int
    fp: int
    tn: int
    fn: int

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Also the ROC curve's true-positive rate."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    @property
    def roc_point(self) -> tuple[float, float]:
        """``(false-positive rate, true-positive rate)``: where the threshold sits on the ROC curve."""
        return self.false_positive_rate, self.recall

    @property
    def pr_point(self) -> tuple[float, float]:
        """``(recall, precision)``: where the threshold sits on the PR curve; with nothing
        predicted positive, precision 1 (where scikit-learn ends the curve)."""
        return self.recall, self.precision if self.tp + self.fp else 1.0

    def confusion(self) -> list[list[int]]:
        """``[[tn, fp], [fn, tp]]``: row = true class (negative, positive), as in :func:`binary_report`."""
        return [[self.tn, self.fp], [self.fn, self.tp]]


def scores_at_threshold(y_true, probs, threshold: float) -> ThresholdScores:
    """The positive class's scores when ``probs >= threshold`` is predicted positive.

    Args:
        y_true: ``(N,)`` 1 (or True) for the positive class, 0 for the other.
        probs: ``(N,)`` the positive class's probability.

    Raises:
        ValueError: ``y_true`` and ``probs`` differ in length.
    """
    y_true = np.asarray(y_true).astype(bool).ravel()
    y_pred = np.asarray(probs, dtype=float).ravel() >= threshold
    if y_true.shape != y_pred.shape:
        raise ValueError(f"{len(y_true)} labels but {len(y_pred)} probabilities")
    tp = int(np.count_nonzero(y_true & y_pred))
    fp = int(np.count_nonzero(y_pred)) - tp
    fn = int(np.count_nonzero(y_true)) - tp
    return ThresholdScores(float(threshold), tp, fp, len(y_true) - tp - fp - fn, fn)


class ThresholdSweep:
    """A binary task's ROC and PR curves (scikit-learn), their areas, and its scores at
    any decision threshold, each in ``O(log N)`` from the probabilities sorted once: what
    moving a threshold over an evaluated split needs, without predicting again.

    Attributes:
        positives: how many examples are of the positive class.
        roc_auc, pr_auc: ROC-AUC and PR-AUC (average precision), ``None`` without both
            classes.
        fpr, tpr, roc_thresholds: the ROC curve (``roc_curve``), at most
            :data:`SWEEP_POINTS` points, thresholds clipped to 0..1; empty without both
            classes.
        precision, recall, pr_thresholds: the PR curve (``precision_recall_curve``; its last
            point, recall 0 and precision 1, given threshold 1), as many points at most.

    Args:
        y_true: ``(N,)`` 1 (or True) for the positive class, 0 for the other.
        probs: ``(N,)`` the positive class's probability.

    Raises:
        ValueError: ``y_true`` and ``probs`` differ in length.
    """

    def __init__(self, y_true, probs):
        y_true = np.asarray(y_true).astype(bool).ravel()
        probs = np.asarray(probs, dtype=float).ravel()
        if y_true.shape != probs.shape:
            raise ValueError(f"{len(y_true)} labels but {len(probs)} probabilities")
        self._positive_probs = np.sort(probs[y_true])
        self._negative_probs = np.sort(probs[~y_true])
        self.positives = len(self._positive_probs)
        self.negatives = len(self._negative_probs)
        self.roc_auc = self.pr_auc = None
        empty = np.zeros(0)
        self.fpr = self.tpr = self.roc_thresholds = empty
        self.precision = self.recall = self.pr_thresholds = empty
        if _both_classes(y_true.astype(np.int64)):
            self.roc_auc, self.pr_auc, roc, pr = _areas_and_curves(y_true, probs)
            keep = _kept_rows(len(roc[0]), SWEEP_POINTS)
            self.fpr, self.tpr, self.roc_thresholds = (column[keep] for column in roc)
            keep = _kept_rows(len(pr[0]), SWEEP_POINTS)
            self.precision, self.recall, self.pr_thresholds = (column[keep] for column in pr)

    def __len__(self) -> int:
        return self.positives + self.negatives

    @property
    def has_curves(self) -> bool:
        """Whether both classes are present, so the curves and areas exist."""
        return self.roc_auc is not None

    def at(self, threshold: float) -> ThresholdScores:
        """The scores when a probability ``>= threshold`` is predicted positive."""
        tp = self.positives - int(np.searchsorted(self._positive_probs, threshold, side="left"))
        fp = self.negatives - int(np.searchsorted(self._negative_probs, threshold, side="left"))
        return ThresholdScores(float(threshold), tp, fp, self.negatives - fp, self.positives - tp)

    def score_histograms(self, bins: int = 40) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """How the positive class's probability spreads over 0..1 for each true class.

        Returns:
            ``edges`` ``(bins + 1,)`` and the counts ``(bins,)`` of the positive examples
            and of the negative ones.
        """
        edges = np.linspace(0.0, 1.0, bins + 1)
        return (edges, np.histogram(self._positive_probs, edges)[0],
                np.histogram(self._negative_probs, edges)[0])
