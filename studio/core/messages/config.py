"""Settings that do not validate: one line per field (pydantic's error types, worded)."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "config.invalid": QT_TRANSLATE_NOOP("Messages", "{problems}"),
    "config.field": QT_TRANSLATE_NOOP("Messages", "{field}: {problem}"),
    "config.greater_than": QT_TRANSLATE_NOOP("Messages", "Input should be greater than {limit}"),
    "config.greater_than_equal": QT_TRANSLATE_NOOP("Messages", "Input should be greater than or equal to {limit}"),
    "config.less_than": QT_TRANSLATE_NOOP("Messages", "Input should be less than {limit}"),
    "config.less_than_equal": QT_TRANSLATE_NOOP("Messages", "Input should be less than or equal to {limit}"),
    "config.int_parsing": QT_TRANSLATE_NOOP("Messages", "Input should be a whole number"),
    "config.float_parsing": QT_TRANSLATE_NOOP("Messages", "Input should be a number"),
    "config.bool_parsing": QT_TRANSLATE_NOOP("Messages", "Input should be true or false"),
    "config.string_type": QT_TRANSLATE_NOOP("Messages", "Input should be text"),
    "config.list_type": QT_TRANSLATE_NOOP("Messages", "Input should be a list"),
    "config.dict_type": QT_TRANSLATE_NOOP("Messages", "Input should be a group of settings"),
    "config.missing": QT_TRANSLATE_NOOP("Messages", "Field required"),
    "config.extra_forbidden": QT_TRANSLATE_NOOP("Messages", "Unknown setting; remove it"),
    "config.literal_error": QT_TRANSLATE_NOOP("Messages", "Input should be one of: {expected}"),
    "config.too_short": QT_TRANSLATE_NOOP("Messages", "Should have at least {min_length} item(s)"),
    "config.too_long": QT_TRANSLATE_NOOP("Messages", "Should have at most {max_length} item(s)"),
    "config.string_too_short": QT_TRANSLATE_NOOP("Messages", "Should have at least {min_length} character(s)"),
    "config.string_too_long": QT_TRANSLATE_NOOP("Messages", "Should have at most {max_length} character(s)"),
    "config.union_tag_invalid": QT_TRANSLATE_NOOP("Messages",
                                                  "Unknown {discriminator} {tag}; choose one of: {expected}"),
    # a pydantic error type without its own wording: pydantic's English text
    "config.other": QT_TRANSLATE_NOOP("Messages", "{text}"),
}
