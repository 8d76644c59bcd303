"""The marker that lets Qt's ``lupdate`` find the core's English texts.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged. The core never imports
Qt; ``lupdate`` reads source text, so a plain function of this name is enough for it to
list every catalogue entry for translation (context ``"Messages"``), and the GUI
translates them at run time with ``QCoreApplication.translate("Messages", text)``.
This is gettext's ``N_()`` habit under the name Qt's tools look for.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate recognises
    return text
