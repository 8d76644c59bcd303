"""Messages of the data area (reading tables, datasets, tokenizers, vocabulary):
code → English text with {named} parameters."""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    # ----- reading a file ------------------------------------------------------------
    "data.file_not_found": QT_TRANSLATE_NOOP("Messages", "{file}: file not found. Check the path and try again."),
    "data.is_folder": QT_TRANSLATE_NOOP("Messages", "{file}: this is a folder, not a data file."),
    "data.not_regular_file": QT_TRANSLATE_NOOP(
        "Messages", "{file}: not a regular file (a pipe or a device); choose a data file."),
    "data.cannot_read": QT_TRANSLATE_NOOP("Messages", "{file}: cannot be read ({reason})."),
    "data.empty_file": QT_TRANSLATE_NOOP(
        "Messages", "{file}: the file is empty. Choose a file with one example per line."),
    "data.too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: the file is {size}; reading it needs about {need} of memory but only {available} is "
        "available. Use a slice or a random sample of the file (for example the first lines: "
        "head -n 1000000 {name} > sample{suffix}), or close other programs."),
    "data.too_large_at_least": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: the file is {size}; reading it needs at least {need} of memory but only {available} is "
        "available. Use a slice or a random sample of the file (for example the first lines: "
        "head -n 1000000 {name} > sample{suffix}), or close other programs."),
    # ----- not text --------------------------------------------------------------------
    "data.unknown_encoding": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: this does not look like a text file in any known encoding. "
        "Save it as UTF-8 text (tab- or comma-separated) and try again."),
    "data.binary_renamed": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: this does not look like a text file in any known encoding (it may be binary data "
        "renamed). Save it as UTF-8 text (tab- or comma-separated) and try again."),
    "data.binary_kind": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: this is {kind}, not a text table, whatever its name says. Export the data as UTF-8 "
        "text (tab- or comma-separated) and open that file."),
    "data.invalid_utf8": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: invalid UTF-8 bytes ({bytes}) at byte {offset}. The file is damaged or "
        "mixes encodings: fix or delete that line, or save the whole file again as UTF-8."),
    "data.invalid_bytes": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: bytes invalid in {encoding} at byte {offset} ({reason}). Fix or delete "
        "that line, or save the whole file again as UTF-8."),
    "data.unknown_codec": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be decoded as {encoding} ({reason}). Save it as UTF-8 and try again."),
    "data.nul_bytes": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: the file holds NUL bytes, so it is binary data or a UTF-16/32 file with "
        "damaged bytes, not a text table. Save it as UTF-8 text (tab- or comma-separated) and try again."),
    "data.control_codes": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: {controls} of the first {characters} characters are control codes, so this is binary "
        "data, not a text table. Save the data as UTF-8 text (tab- or comma-separated) and try again."),
    # what a binary file is, from its first bytes ({kind} above)
    "data.kind_png": QT_TRANSLATE_NOOP("Messages", "a PNG image"),
    "data.kind_jpeg": QT_TRANSLATE_NOOP("Messages", "a JPEG image"),
    "data.kind_gif": QT_TRANSLATE_NOOP("Messages", "a GIF image"),
    "data.kind_pdf": QT_TRANSLATE_NOOP("Messages", "a PDF document"),
    "data.kind_zip": QT_TRANSLATE_NOOP(
        "Messages", "a ZIP archive (or an Excel .xlsx / Word .docx file, which are ZIP archives)"),
    "data.kind_empty_zip": QT_TRANSLATE_NOOP("Messages", "an empty ZIP archive"),
    "data.kind_gzip": QT_TRANSLATE_NOOP("Messages", "a gzip-compressed file"),
    "data.kind_bzip2": QT_TRANSLATE_NOOP("Messages", "a bzip2-compressed file"),
    "data.kind_xz": QT_TRANSLATE_NOOP("Messages", "an xz-compressed file"),
    "data.kind_7z": QT_TRANSLATE_NOOP("Messages", "a 7-Zip archive"),
    "data.kind_rar": QT_TRANSLATE_NOOP("Messages", "a RAR archive"),
    "data.kind_old_office": QT_TRANSLATE_NOOP("Messages", "an old Excel .xls / Word .doc file"),
    "data.kind_sqlite": QT_TRANSLATE_NOOP("Messages", "an SQLite database"),
    "data.kind_elf": QT_TRANSLATE_NOOP("Messages", "a program (ELF executable)"),
    "data.kind_windows_program": QT_TRANSLATE_NOOP("Messages", "a Windows program"),
    "data.kind_parquet": QT_TRANSLATE_NOOP("Messages", "a Parquet file"),
    "data.kind_numpy": QT_TRANSLATE_NOOP("Messages", "a NumPy array file"),
    # ----- splitting into fields -------------------------------------------------------
    "data.delimiter_tab": QT_TRANSLATE_NOOP("Messages", "tab"),
    "data.delimiter_comma": QT_TRANSLATE_NOOP("Messages", "comma"),
    "data.delimiter_semicolon": QT_TRANSLATE_NOOP("Messages", "semicolon"),
    "data.delimiter_pipe": QT_TRANSLATE_NOOP("Messages", "pipe"),
    "data.cannot_split": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: cannot be split into {delimiter}-separated fields ({reason}). Check for "
        "an unclosed quote (\") on or before that line, or choose another delimiter."),
    "data.runaway_quote": QT_TRANSLATE_NOOP("Messages", "a quoted field runs over many lines"),
    "data.no_rows": QT_TRANSLATE_NOOP("Messages", "{file}: the file holds no rows of data."),
    "data.header_only": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: the file holds only a header line ({header}) and no examples. Add one example per "
        "line below the header."),
    "data.header_width": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: the header has {fields} fields but the rows have {width}. Fix the header "
        "line or remove it."),
    "data.bad_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: {bad} of {rows} rows do not have {width} {delimiter}-separated fields (lines {lines}). "
        "{hint}"),
    "data.check_delimiter": QT_TRANSLATE_NOOP("Messages", "Check the delimiter or fix those lines."),
    "data.mixed_delimiters": QT_TRANSLATE_NOOP(
        "Messages",
        "Lines {lines} use {delimiter}s instead: the file mixes delimiters. Use one delimiter on every line."),
    "data.skipped_malformed": QT_TRANSLATE_NOOP("Messages", "skipped {count} malformed line(s): {lines}"),
    # ----- columns and labels ----------------------------------------------------------
    "data.column_name": QT_TRANSLATE_NOOP("Messages", "column {number}"),
    "data.column_named": QT_TRANSLATE_NOOP("Messages", "column {number} ({name!r})"),
    "data.duplicate_class": QT_TRANSLATE_NOOP("Messages", "{file}: class name {name!r} appears more than once."),
    "data.no_text_column": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: no column holds text (every column is numbers or labels). Choose the text column by hand."),
    "data.no_such_column": QT_TRANSLATE_NOOP(
        "Messages",
        "{field}: column {number} does not exist; {file} has {columns} columns. Pick another column."),
    "data.choose_label_column": QT_TRANSLATE_NOOP(
        "Messages", "label_column: choose the column that holds the labels."),
    "data.blank_label": QT_TRANSLATE_NOOP(
        "Messages", "{file}, line {line}: the label is blank. Fill in the label or remove the line."),
    "data.unknown_label": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: label {label!r} is not one of the {count} classes ({classes}). Fix the "
        "label, or choose the right class-names file or label column."),
    "data.too_many_blank_labels": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: {blank} of {rows} rows have a blank label in {column} (lines {lines}). Fill in the "
        "labels or remove those lines, or choose the column that holds the labels."),
    "data.skipped_blank_labels": QT_TRANSLATE_NOOP(
        "Messages", "{file}: skipped {count} line(s) with a blank label in {column}: {lines}"),
    "data.no_label_column": QT_TRANSLATE_NOOP(
        "Messages",
        "label_column: {file} has no column of labels. Choose the column that holds the labels."),
    "data.all_labels_blank": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: the label column, {column}, is blank on every row. Fill in the labels, or choose the "
        "column that holds them."),
    "data.one_class": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: the label column, {column}, holds only one class ({value!r}) in all {rows} rows; "
        "training needs at least two classes. Add examples of other classes, or choose the column "
        "that holds the labels."),
    "data.no_train_file": QT_TRANSLATE_NOOP("Messages", "train: open a data file first."),
    "data.too_few_to_train": QT_TRANSLATE_NOOP(
        "Messages",
        "val_fraction/test_fraction: {file} has {rows} rows, and holding out {validation} + {test} "
        "leaves too few to train on. Lower the shares."),
    # ----- tokenizers and vocabulary ---------------------------------------------------
    "text.user_dict_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "user_dict: {file} is missing or not a regular file. Use a UTF-8 file with one "
        "'word [freq] [tag]' per line."),
    "text.user_dict_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "user_dict: cannot read {file} ({reason}). Use a UTF-8 file with one 'word [freq] [tag]' per line."),
    "text.stopwords_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "stopwords: cannot read {file} ({reason}). Choose a UTF-8 text file."),
    "text.not_regular_file": QT_TRANSLATE_NOOP("Messages", "{file} is missing or not a regular file"),
    "text.vocab_bad_start": QT_TRANSLATE_NOOP(
        "Messages", "vocab: must start with {pad!r} and {unk!r}, got {start!r}."),
    "text.vocab_duplicate": QT_TRANSLATE_NOOP("Messages", "vocab: a token appears twice."),
}
