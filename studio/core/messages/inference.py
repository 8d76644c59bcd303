"""Messages of using a trained run (labelling files): code → English text with {named}
parameters."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "inference.nothing_to_explain": QT_TRANSLATE_NOOP(
        "Messages", "The text has no tokens the model reads; give a text with some words or characters."),
    "inference.output_format": QT_TRANSLATE_NOOP(
        "Messages", "{file}: predictions are written as {formats}; choose a file name with one of these endings."),
    "inference.cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot write the predictions ({reason}). Choose another folder or free some space."),
}
