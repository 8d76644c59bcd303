"""Languages: which one to show, loading its translations, and live re-translation.

Texts are marked with Qt's ``tr()`` (``self.tr`` in QObject classes,
``QCoreApplication.translate(context, text)`` elsewhere) and translated by the
``.qm`` files under ``resources/translations`` (``studio_<code>.qm``), made from the
``.ts`` sources by ``pyside6-lrelease`` (see resources/translations/README.md).
Qt's own texts (dialog buttons, context menus) come from Qt's ``qtbase_<code>.qm``.

A widget whose texts must follow a switch of language mixes in :class:`Retranslating`
and sets every text in ``retranslate()``; Qt sends ``QEvent.LanguageChange`` to every
widget when a translator is installed or removed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from studio.gui.resources import translations_dir

SYSTEM = "system"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # code → the language's own name
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def system_language() -> str:
    """The shipped language closest to the system locale: Chinese locales get
    Simplified Chinese, every other locale English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Chinese else "en"


def resolve(choice: str | None) -> str:
    """A language code from a Preferences choice (``"system"``, a code, or junk)."""
    return choice if choice in LANGUAGES else system_language()


def current_language() -> str:
    return _current


def apply_language(choice: str | None) -> str:
    """Install the translations for ``choice`` (replacing any earlier ones) and return
    the code in force. Missing ``.qm`` files leave the English source texts."""
    global _current
    app = QCoreApplication.instance()
    code = resolve(choice)
    if code == _current and _installed:
        return code  # already in force: no needless re-translation of every widget
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # studio_en.qm holds the English plural forms; Qt's own texts are English already.
    candidates = [(f"studio_{code}", translations_dir())]
    if code != SOURCE_LANGUAGE:
        candidates += [(f"qtbase_{code}", translations_dir()),
                       (f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath))]
    loaded: set[str] = set()
    for name, folder in candidates:
        translator = QTranslator(app)
        if name not in loaded and translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.add(name)
    QLocale.setDefault(QLocale(code))
    _current = code
    return code


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``: for module-level texts and non-QObject classes."""
    return QCoreApplication.translate(context, text)


class Retranslating:
    """Mixin for QWidget subclasses (put it first): calls ``self.retranslate()`` when
    the language changes. Call ``self.retranslate()`` once at the end of ``__init__``.

    Texts that depend on state ("Read 1,234 rows") are shown with :meth:`show_text`,
    which renders them again after ``retranslate()`` on every change of language."""

    def retranslate(self) -> None:  # pragma: no cover - every user overrides it
        raise NotImplementedError

    def show_text(self, label, render: Callable[[], str]) -> None:
        """Set ``label``'s text to ``render()`` now and after every change of language
        (``render`` calls ``tr()``; the newest render per label wins)."""
        if not hasattr(self, "_live_texts"):
            self._live_texts: dict = {}
        self._live_texts[label] = render
        label.setText(render())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
            for label, render in getattr(self, "_live_texts", {}).items():
                label.setText(render())
        super().changeEvent(event)


def fill_combo(combo, items: list[tuple[str, str]], current: str) -> None:
    """Fill ``combo`` with ``(value, text)`` items (the texts worded in the current
    language) and select ``current``, without emitting a change: a refill on a switch of
    language is not the user's choice."""
    combo.blockSignals(True)
    combo.clear()
    for value, shown in items:
        combo.addItem(shown, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
