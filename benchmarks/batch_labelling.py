#!/usr/bin/env python
"""Benchmark: labelling a whole file in the window against headless (issue 17: a 10,000-line
file labels in the GUI within 1.2x the headless time).

Run from the repository root::

    python benchmarks/batch_labelling.py --project P.studio [--run RUN] [--file F] [--rows 10000] [--repeats 3]

It labels the first ``--rows`` lines of ``--file`` (default: THUCNews test.txt for a
single-text project, LCQMC dev.txt for a pair project, beside the repository) with the
project's run, three ways, each ``--repeats`` times after one warm-up, and prints the
median seconds and rows/s:

- headless: :func:`studio.core.inference.batch.predict_all` (read, columns, predict);
- the CLI path: the same plus writing the CSV;
- the window: the Inference tab's "Label a file" (offscreen Qt), from ``label_path`` to its
  ``labelled`` signal, rows streaming into the table as they come.

The ratio window / headless is the figure of the target (<= 1.2).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, load_average  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
TARGET_RATIO = 1.2


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", required=True, help="project folder (.studio) with a trained run")
    parser.add_argument("--run", help="run id (default: the latest)")
    parser.add_argument("--file", help="file to label (default: THUCNews test.txt or LCQMC dev.txt)")
    parser.add_argument("--rows", type=int, default=10_000, help="lines of the file to label (default 10000)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats of each way (default 3)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    import torch
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from studio.core.data.reader import read_table
    from studio.core.inference.batch import predict_all, run_batch_input, write_predictions
    from studio.core.inference.predictor import Predictor
    from studio.core.project import Project
    from studio.gui.project_model import ProjectModel
    from studio.gui.tabs.inference_tab import InferenceTab
    from studio.gui.workers import WorkerPool

    project = Project.open(args.project, trust_outside=True)
    run = next((r for r in project.runs if r.id == args.run), None) if args.run else project.runs[-1]
    if run is None:
        sys.exit(f"{args.project} has no run {args.run!r}")
    pair = run.settings.task == "pair"
    source = Path(args.file) if args.file else SHARED / ("lcqmc/dev.txt" if pair else "thucnews/test.txt")
    if not source.is_file():
        print(f"{source} is missing: nothing to measure")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="batch-labelling-"))
    data = folder / f"first{args.rows}{source.suffix}"
    with open(source, encoding="utf-8") as handle:
        data.write_text("".join(line for _, line in zip(range(args.rows), handle, strict=False)), encoding="utf-8")
    predictor = Predictor(run)

    def headless() -> int:
        rows = run_batch_input(read_table(data), predictor)
        predict_all(predictor, rows)
        return len(rows)

    def cli_path() -> int:
        rows = run_batch_input(read_table(data), predictor)
        write_predictions(folder / "out.csv", rows, predict_all(predictor, rows), predictor.label_names)
        return len(rows)

    app = QApplication.instance() or QApplication([])
    pool, model = WorkerPool(), ProjectModel()
    tab = InferenceTab(model, pool)
    tab.resize(1300, 800)
    tab.show()
    model.replace(project)
    tab.select_run(run.id)
    tab.pages.setCurrentWidget(tab.batch)
    tab._predictors[run.id] = predictor  # the run is loaded once, as in a session

    def window() -> int:
        loop = QEventLoop()
        tab.batch.labelled.connect(loop.quit)
        QTimer.singleShot(600_000, loop.quit)
        tab.batch.label_path(str(data))
        loop.exec()
        tab.batch.labelled.disconnect(loop.quit)
        return len(tab.batch.table_model.labels)

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, load average {load_average()}; "
          f"run {run.id} ({run.settings.model.type}); {data.name} from {source}")
    figures = {}
    for name, way in (("headless", headless), ("headless + CSV", cli_path), ("window", window)):
        way()  # warm-up
        seconds, count = [], 0
        for _ in range(args.repeats):
            start = time.perf_counter()
            count = way()
            seconds.append(time.perf_counter() - start)
        figures[name] = statistics.median(seconds)
        print(f"  {name}: {figures[name]:.2f} s median of {args.repeats} ({count:,} rows, "
              f"{count / figures[name]:,.0f} rows/s)", flush=True)
    ratio = figures["window"] / figures["headless"]
    verdict = "yes" if ratio <= TARGET_RATIO else "**no**"
    print(f"\nwindow / headless: {ratio:.2f} (target <= {TARGET_RATIO}: {verdict})")
    pool.shutdown()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
