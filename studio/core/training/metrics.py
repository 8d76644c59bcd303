"""Classification metrics from scikit-learn."""

from __future__ import annotations

from typing import Any

from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support


def classification_report(y_true, y_pred, label_names: list[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-class precision / recall / F1 / support.

    Args:
        y_true, y_pred: integer class ids ``0..C-1``, same length.
        label_names: ``C`` class names, in id order.
    """
    labels = list(range(len(label_names)))
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)),
        "per_class": [
            {"label": name, "precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
            for name, p, r, f, s in zip(label_names, precision, recall, f1, support)
        ],
    }
