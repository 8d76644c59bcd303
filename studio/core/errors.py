"""Errors a user can cause. Each message says what was wrong, where, and what to do."""


class StudioError(Exception):
    """Base class for every error meant to be shown to a user as a plain message."""


class DataFormatError(StudioError):
    """A data file could not be read as a table of texts and labels."""


class ConfigError(StudioError):
    """A setting is invalid; the message names the field."""


class ProjectError(StudioError):
    """A project folder could not be saved or opened."""


class Cancelled(StudioError):
    """The user stopped a long task (training word vectors, reading a large file)."""


class TrainingError(StudioError):
    """Training could not go on (the device ran out of memory); the message says what to change."""
