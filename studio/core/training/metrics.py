"""Classification metrics from scikit-learn, and a model's logits and scores on a split."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from studio.core.data.prepare import EncodedSplit
from studio.core.training.batching import batch_widths, row_lengths
from studio.core.training.pair_metrics import choose_threshold, pair_report, positive_class

EVAL_BATCH = 1024


def classification_report(y_true, y_pred, label_names: list[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-class precision / recall / F1 / support.

    Args:
        y_true, y_pred: integer class ids ``0..C-1``, same length.
        label_names: ``C`` class names, in id order.
    """
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support  # loaded at first use

    labels = list(range(len(label_names)))
    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)),
        "per_class": [
            {"label": name, "precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
            for name, p, r, f, s in zip(label_names, precision, recall, f1, support, strict=True)
        ],
    }


@torch.no_grad()
def predict_logits(model: nn.Module, split: EncodedSplit, device: torch.device,
                   batch_size: int = EVAL_BATCH) -> torch.Tensor:
    """Logits ``(N, C)`` on the CPU for every row of ``split`` (in its order), in eval mode.

    Rows are read shortest first, each batch cut to its longest row
    (:mod:`~studio.core.training.batching`: every model ignores trailing PAD), so short
    texts cost little."""
    was_training = model.training
    model.eval()
    lengths = row_lengths(split.lengths)
    order = torch.argsort(lengths, stable=True)
    widths = batch_widths(order, lengths, batch_size)
    outputs = []
    for number, start in enumerate(range(0, len(split), batch_size)):
        rows = order[start:start + batch_size]
        ids = split.ids[rows][..., :widths[number]].to(device, non_blocking=True)
        outputs.append(model(ids, split.lengths[rows].to(device, non_blocking=True)).float().cpu())
    model.train(was_training)
    if not outputs:
        return torch.empty(0, 0)
    logits = torch.empty(len(split), outputs[0].shape[1])
    logits[order] = torch.cat(outputs)
    return logits


def _report(logits: torch.Tensor, split: EncodedSplit, label_names: list[str]) -> dict:
    report = classification_report(split.labels.numpy(), logits.argmax(1).numpy(), label_names)
    report["loss"] = float(F.cross_entropy(logits, split.labels))
    return report


Predict = Callable[[EncodedSplit], torch.Tensor]  # a split's logits (N, C), on the CPU


def evaluate(model: nn.Module, split: EncodedSplit, label_names: list[str],
             device: torch.device, predict: Predict | None = None) -> dict:
    """Loss, accuracy, macro-F1 and per-class scores of ``model`` on ``split``; its logits
    from ``predict`` when given (gathered from several processes, say), else
    :func:`predict_logits`."""
    predict = predict or (lambda part: predict_logits(model, part, device))
    return _report(predict(split), split, label_names)


def evaluate_binary(model: nn.Module, split: EncodedSplit, validation: EncodedSplit,
                    label_names: list[str], device: torch.device, predict: Predict | None = None) -> dict:
    """:func:`evaluate` of a two-class task, plus ``"binary"``: the positive class's scores
    and curves on ``split`` (:func:`~studio.core.training.pair_metrics.pair_report`) at
    the threshold that maximises accuracy on ``validation`` (0.5 when it is empty)."""
    predict = predict or (lambda part: predict_logits(model, part, device))
    logits = predict(split)
    report = _report(logits, split, label_names)
    threshold = 0.5
    if len(validation):
        positive = positive_class(label_names)
        val_probs = predict(validation).softmax(1)[:, positive]
        threshold = choose_threshold((validation.labels == positive).numpy(), val_probs.numpy())
    report["binary"] = pair_report(label_names, split.labels.numpy(), logits.softmax(1).numpy(), threshold)
    return report
