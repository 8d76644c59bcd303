"""Preferences: the language and the theme, applied at once and kept in QSettings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from studio.gui import app_settings, i18n, theme
from studio.gui.i18n import Retranslating


class PreferencesDialog(Retranslating, QDialog):
    """Choosing a language or a theme applies it to every open window right away and
    saves it for the next start; Close just closes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = QComboBox()
        self.theme = QComboBox()
        self.language_label, self.theme_label = QLabel(), QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.theme_label, self.theme)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.retranslate()
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("&Language"))
        self.language_label.setBuddy(self.language)
        self.theme_label.setText(self.tr("&Theme"))
        self.theme_label.setBuddy(self.theme)
        self.language.setToolTip(self.tr("The language of the studio's menus, buttons and messages. "
                                         "\"System\" follows the computer's language."))
        self.theme.setToolTip(self.tr("Light or dark colours for the windows and plots. "
                                      "\"System\" follows the computer's setting."))
        i18n.fill_combo(self.language, [(i18n.SYSTEM, self.tr("System ({language})").format(
            language=i18n.LANGUAGES[i18n.system_language()]))] + list(i18n.LANGUAGES.items()),
            app_settings.text(app_settings.LANGUAGE, i18n.SYSTEM))
        i18n.fill_combo(self.theme, [(theme.SYSTEM, self.tr("System")), (theme.LIGHT, self.tr("Light")),
                                     (theme.DARK, self.tr("Dark"))],
                        app_settings.text(app_settings.THEME, theme.SYSTEM))

    def _language_chosen(self) -> None:
        choose_language(self.language.currentData())

    def _theme_chosen(self) -> None:
        choose_theme(self.theme.currentData())


def choose_language(choice: str) -> str:
    """Save ``choice`` (``system``, ``en`` or ``zh_CN``) and switch every window to it."""
    app_settings.settings().setValue(app_settings.LANGUAGE, choice)
    return i18n.apply_language(choice)


def choose_theme(choice: str) -> str:
    """Save ``choice`` (``system``, ``light`` or ``dark``) and restyle every window."""
    app_settings.settings().setValue(app_settings.THEME, choice)
    return theme.apply_theme(choice)
