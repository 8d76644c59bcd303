"""Messages of training on several processes and of bundles for another machine."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "bundle.not_empty": QT_TRANSLATE_NOOP(
        "Messages", "{folder} already holds files. Choose a new or empty folder for the bundle."),
    "bundle.missing_file": QT_TRANSLATE_NOOP(
        "Messages", "{field} names {file}, which cannot be read, so it cannot go into the bundle. "
                    "Choose the file again in the settings, or clear the field."),
    "cli.no_project_settings": QT_TRANSLATE_NOOP(
        "Messages", "--project {folder}: give either a project folder or DATA, not both."),
}
