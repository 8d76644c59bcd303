"""Scores of a binary task (sentence-pair matching) from the positive class's probability,
all from scikit-learn: accuracy, precision / recall / F1 of the positive class at a
decision threshold, ROC-AUC, PR-AUC (average precision), and the ROC and PR curves.

An example is predicted positive when its probability is ``>= threshold``. The positive
class is the label ``"1"`` when the labels hold one, else the second class in label-id
order (:func:`positive_class`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    confusion_matrix,
    precision_recall_curve,
    precision_recall_fscore_support,
    roc_auc_score,
    roc_curve,
)

CURVE_POINTS = 200
DIGITS = 4  # curves are rounded: they go into metrics.jsonl


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


def _downsample(*columns: np.ndarray, points: int = CURVE_POINTS) -> list[list[float]]:
    """At most ``points`` evenly spaced rows of the columns, both ends kept, rounded."""
    n = len(columns[0])
    keep = np.unique(np.linspace(0, n - 1, min(n, points)).round().astype(int)) if n else np.zeros(0, int)
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
        report["roc_auc"] = float(roc_auc_score(y_true, probs))
        report["pr_auc"] = float(average_precision_score(y_true, probs))
        fpr, tpr, roc_thresholds = roc_curve(y_true, probs)
        fpr, tpr, roc_thresholds = _downsample(fpr, tpr, np.clip(roc_thresholds, 0.0, 1.0))
        report["roc"] = {"fpr": fpr, "tpr": tpr, "threshold": roc_thresholds}
        # precision_recall_curve has one threshold fewer than points: the last point
        # (recall 0, precision 1) has none; it is given threshold 1
        pr_precision, pr_recall, pr_thresholds = precision_recall_curve(y_true, probs)
        pr_thresholds = np.append(np.clip(pr_thresholds, 0.0, 1.0), 1.0)
        pr_precision, pr_recall, pr_thresholds = _downsample(pr_precision, pr_recall, pr_thresholds)
        report["pr"] = {"precision": pr_precision, "recall": pr_recall, "threshold": pr_thresholds}
    return report


def pair_report(label_names: Sequence[str], y_true, probabilities, threshold: float = 0.5) -> dict[str, Any]:
    """:func:`binary_report` from class ids ``(N,)`` and ``(N, 2)`` class probabilities of
    a two-class task, the positive class chosen by :func:`positive_class`."""
    positive = positive_class(label_names)
    probs = np.asarray(probabilities, dtype=float).reshape(-1, 2)[:, positive]
    return binary_report(np.asarray(y_true) == positive, probs, threshold, str(label_names[positive]))
