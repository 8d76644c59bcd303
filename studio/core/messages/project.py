"""Messages of the project area: code → English text with {named} parameters."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
}
