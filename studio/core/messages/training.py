"""Messages of training: stages of a run, notices, and errors."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "cancelled": QT_TRANSLATE_NOOP("Messages", "Stopped."),
    "stage.reading_data": QT_TRANSLATE_NOOP("Messages", "Reading data…"),
    "stage.tokenizing": QT_TRANSLATE_NOOP("Messages", "Tokenizing…"),
    "stage.reading_vectors": QT_TRANSLATE_NOOP("Messages", "Reading word vectors…"),
    "stage.training": QT_TRANSLATE_NOOP("Messages", "Training…"),
    "stage.resuming": QT_TRANSLATE_NOOP("Messages", "Resuming training…"),
}
