"""Compare runs: one summary row each, the settings that differ, metrics as CSV rows."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.core.project_runs import Run
from studio.core.run_files import settings_dict
from studio.core.training.history import MetricHistory

KEY_SETTINGS = ("text.tokenizer.type", "text.max_len", "model.embedding_dim", "training.lr",
                "training.batch_size", "training.epochs")


def flatten(config: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` -> ``{"a.b": 1}``; lists stay values."""
    flat: dict[str, Any] = {}
    for key, value in config.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def started_at(run: Run) -> datetime | None:
    """The start time encoded in the run id (``YYYYmmdd-HHMMSS-model``), or ``None``."""
    try:
        return datetime.strptime(run.id[:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def summary_row(run: Run) -> dict[str, Any]:
    """What the runs table shows for ``run``: start time, model, key settings, best
    validation accuracy (0-1), test accuracy (0-1), status and training seconds."""
    epochs = [e for e in run.events if e.get("event") == "epoch_end"]
    val = [e["metrics"]["val_accuracy"] for e in epochs if "val_accuracy" in e.get("metrics", {})]
    settings = flatten(settings_dict(run.config))
    return {
        "id": run.id,
        "started": started_at(run),
        "model": run.config["model"]["type"],
        "settings": {key: settings.get(key) for key in KEY_SETTINGS if settings.get(key) is not None},
        "best_val_accuracy": max(val) if val else None,
        "test_accuracy": (run.finished.get("test") or {}).get("accuracy"),
        "status": run.finished.get("status", "unknown"),
        "seconds": sum(e.get("metrics", {}).get("seconds", 0.0) for e in epochs),
    }


def config_diff(runs: list[Run]) -> list[tuple[str, list[Any]]]:
    """The settings whose values differ between ``runs``, as ``(dotted name, [value per
    run])`` sorted by name; a setting a run lacks shows as ``None``."""
    flats = [flatten(settings_dict(run.config)) for run in runs]
    names = sorted(set().union(*flats)) if flats else []
    rows = []
    for name in names:
        values = [flat.get(name) for flat in flats]
        if any(value != values[0] for value in values[1:]):
            rows.append((name, values))
    return rows


def metrics_rows(history: MetricHistory) -> list[dict[str, Any]]:
    """One CSV row per logged step (``step``, ``epoch``, ``loss``, ``lr``,
    ``samples_per_s``), then one per epoch (its metrics); ``kind`` tells which."""
    rows: list[dict[str, Any]] = []
    for batch in history.batches:
        rows.append({"kind": "step", "epoch": batch.epoch, "step": batch.step, "loss": batch.loss,
                     "lr": batch.lr, "samples_per_s": batch.samples_per_s})
    for epoch, metrics in zip(history.epochs, history.epoch_metrics, strict=True):
        rows.append({"kind": "epoch", "epoch": epoch, **metrics})
    return rows


def write_metrics_csv(history: MetricHistory, path: str | Path) -> Path:
    """Write :func:`metrics_rows` as UTF-8 CSV, one column per metric seen.

    Raises:
        OSError: the file cannot be written.
    """
    rows = metrics_rows(history)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return Path(path)
