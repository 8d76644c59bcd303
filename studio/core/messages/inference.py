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
    "export.folder_in_use": QT_TRANSLATE_NOOP(
        "Messages", "{folder} holds other files: export into a new or empty folder (or one holding an earlier "
        "export, which is replaced)."),
    "export.cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "Cannot write the export to {folder} ({reason}). Choose another folder or free some space."),
    "export.not_exportable": QT_TRANSLATE_NOOP(
        "Messages", "The {model} model cannot be exported to ONNX: {reasons}. The run is unchanged; use it in "
        "the studio or with studio predict."),
    "export.tokenizer_file": QT_TRANSLATE_NOOP(
        "Messages", "{file}: the run's tokenizer file cannot be copied into the export ({reason}). Put it back "
        "where the run found it, then export again."),
}
