"""Take a screenshot of each tab after a real training run and word2vec training.

    python -m studio.gui.screenshots OUT_DIR [--data FILE] [--epochs N] [--text TEXT]
                                             [--languages en,zh_CN] [--theme light|dark]

Without ``--data`` it uses the sample project (Chinese reviews). Each tab is taken in
each language (``<language>-<n>-<tab>.png``), switched live. Settings are kept in a
scratch file, never the user's. Works offscreen
(``QT_QPA_PLATFORM=offscreen``) or on a real display such as Xvfb.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer

import studio.gui.window_parts  # noqa: F401  (loaded first: the window builds its tabs at once)
from studio.gui import app_settings, i18n, theme
from studio.gui.app import create_app
from studio.gui.main_window import MainWindow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder for the PNG files")
    parser.add_argument("--data", help="data file to train on (default: the sample project)")
    parser.add_argument("--epochs", type=int, default=2, help="epochs to train (default 2)")
    parser.add_argument("--text", default="这本书写得很好，内容充实，值得推荐", help="text to predict")
    parser.add_argument("--languages", default="en,zh_CN", help="languages to take, comma-separated")
    parser.add_argument("--theme", default="light", choices=theme.THEMES, help="theme (default light)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = create_app()
    store = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.IniFormat)
    app_settings.use(store)
    theme.apply_theme(args.theme)
    languages = args.languages.split(",")
    i18n.apply_language(languages[0])
    window = MainWindow(store)
    window.resize(1400, 880)
    window.show()
    failures: list[str] = []

    def grab(name: str, tab) -> None:
        window.tabs.setCurrentWidget(tab)
        app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(f"wrote {path}")

    def loaded() -> None:
        window.training_tab.form.editors["epochs"].setValue(args.epochs)
        window.tabs.setCurrentWidget(window.training_tab)
        QTimer.singleShot(1500, lambda: grab(f"{languages[0]}-4-training-live", window.training_tab))
        window.training_tab.start()

    def trained(run) -> None:
        if run is None:
            failures.append(window.last_error)
            app.quit()
            return
        window.inference_tab.input.setPlainText(args.text)
        window.inference_tab.predict()

    def predicted(_prediction) -> None:
        vectors = window.vectors_tab
        vectors.w2v_form.editors["epochs"].setValue(args.epochs)
        window.tabs.setCurrentWidget(vectors)
        vectors.start_training()

    def vectors_ready(_name: str) -> None:
        explorer = window.vectors_tab.explorer
        explorer.word_edit.setText(next((w for w in explorer.vectors.index_to_key if w.isalpha()), ""))
        explorer.answered.connect(lambda _question: finish(), Qt.ConnectionType.SingleShotConnection)
        explorer.ask_neighbours()

    def finish() -> None:
        for language in languages:
            i18n.apply_language(language)
            app.processEvents()  # the language change reaches every widget
            for number, tab in enumerate(window.tab_pages(), start=1):
                grab(f"{language}-{number}-{tab.objectName() or type(tab).__name__}", tab)
        window.model.set_dirty(False)
        window.close()

    def failed(message: str) -> None:
        failures.append(message)
        window.model.set_dirty(False)
        window.close()

    window.dataLoaded.connect(loaded)
    window.projectOpened.connect(loaded)
    window.training_tab.trainingFinished.connect(trained)
    window.inference_tab.predicted.connect(predicted)
    window.vectors_tab.vectorsReady.connect(vectors_ready, Qt.ConnectionType.SingleShotConnection)
    window.errorShown.connect(failed)
    if args.data:
        window.open_data(args.data)
    else:
        window.open_sample()
    app.exec()
    for message in failures:
        print(f"error: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
