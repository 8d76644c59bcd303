"""Messages of the retrieval area: code → English text with {named} parameters.

Question banks, recall and reranking, and the retrieval metrics of a labelled pair file.
``{file}`` is always the path of the file concerned.
"""

from studio.core.messages.marker import QT_TRANSLATE_NOOP

MESSAGES = {
    "retrieval.empty_bank": QT_TRANSLATE_NOOP(
        "Messages", "{file}: holds no questions; a question bank needs at least one non-empty question."),
    "retrieval.no_such_column": QT_TRANSLATE_NOOP(
        "Messages", "{file}: has {columns} columns, so there is no column {column}; choose a column from 1 "
                    "to {columns}."),
    "retrieval.no_positive_pairs": QT_TRANSLATE_NOOP(
        "Messages", "{file}: holds no pair labelled {positive}, so no question has a known answer; retrieval "
                    "is measured on a file of text_a, text_b, label rows with matching pairs labelled "
                    "{positive}."),
    "retrieval.not_an_encoder": QT_TRANSLATE_NOOP(
        "Messages", "{model} does not give sentence vectors; recall by sentence vectors needs a Siamese "
                    "encoder's run."),
    "retrieval.bad_index_name": QT_TRANSLATE_NOOP(
        "Messages", "{name!r} cannot name an index: use 1 to 64 letters, digits, _, . or -, starting with a "
                    "letter, a digit or _."),
    "retrieval.invalid_index_file": QT_TRANSLATE_NOOP(
        "Messages", "{file}: is not a valid index description: {problems}"),
    "retrieval.index_name_differs": QT_TRANSLATE_NOOP(
        "Messages", "{file}: names the index {name!r} but lies in the folder {folder!r}; an index's folder "
                    "carries its name."),
    "retrieval.too_many_indexes": QT_TRANSLATE_NOOP(
        "Messages", "{folder}: holds more than {limit} folders; only the first {limit} were looked at."),
    "retrieval.index_skipped": QT_TRANSLATE_NOOP(
        "Messages", "The retrieval index in {folder} was left out: {reason}"),
    "retrieval.bank_file_differs": QT_TRANSLATE_NOOP(
        "Messages", "{file}: does not hold the {count} questions (and answers) its index.json announces; "
                    "build the index again."),
    "retrieval.matrix_differs": QT_TRANSLATE_NOOP(
        "Messages", "{file}: holds a {dtype} array of shape {shape}, not the {count} × {dimension} float32 "
                    "vectors its index.json announces; build the index again."),
    "retrieval.matrix_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{file}: cannot be read as an array of sentence vectors ({reason}); build the index again."),
    "retrieval.index_not_saved": QT_TRANSLATE_NOOP(
        "Messages", "The index {name!r} has not been saved and is no longer in memory; build it again."),
    "retrieval.index_not_copied": QT_TRANSLATE_NOOP(
        "Messages", "The retrieval index {name!r} was not saved with the project: {reason}"),
    "retrieval.no_such_run": QT_TRANSLATE_NOOP(
        "Messages", "The project has no run {run!r}; its runs: {runs}."),
    "retrieval.no_such_vectors": QT_TRANSLATE_NOOP(
        "Messages", "The project has no vector set {name!r}; its vector sets: {names}. Train or import word "
                    "vectors in the Vectors tab (or with studio vectors) first."),
    "retrieval.vectors_not_agreed": QT_TRANSLATE_NOOP(
        "Messages", "The vector set {name!r} is the file {file}, outside the project folder, which you have not "
                    "agreed to read."),
    "retrieval.needs_vectors": QT_TRANSLATE_NOOP(
        "Messages", "Recall by averaged word vectors needs a vector set: choose one of the project's vector sets."),
    "retrieval.needs_run": QT_TRANSLATE_NOOP(
        "Messages", "Recall by Siamese sentence vectors needs a run: choose one of the project's Siamese runs."),
    "retrieval.no_such_index": QT_TRANSLATE_NOOP(
        "Messages", "The project has no retrieval index {name!r}; its indexes: {names}."),
    "retrieval.dimension_changed": QT_TRANSLATE_NOOP(
        "Messages", "The index {name!r} holds {stored}-dimensional vectors but its encoder now gives {now} "
                    "dimensions; build the index again."),
    "retrieval.not_a_pair_run": QT_TRANSLATE_NOOP(
        "Messages", "The run {run!r} was not trained on sentence pairs, so it cannot rerank; choose a pair "
                    "run (ESIM, Siamese, or a classifier of a <sep> b)."),
    "retrieval.stage_reading_vectors": QT_TRANSLATE_NOOP("Messages", "Reading the vector set {name}…"),
    "retrieval.stage_encoding": QT_TRANSLATE_NOOP("Messages", "Encoding {count:,} questions…"),
    "retrieval.stage_reading_index": QT_TRANSLATE_NOOP("Messages", "Reading the index {name}…"),
    "retrieval.cli_column": QT_TRANSLATE_NOOP(
        "Messages", "--question-column and --answer-column count from 1."),
    "retrieval.cli_no_questions": QT_TRANSLATE_NOOP(
        "Messages", "No question to look up: give questions as arguments, with --file, or on standard input."),
    "retrieval.cli_no_index": QT_TRANSLATE_NOOP(
        "Messages", "{project}: the project has no retrieval index yet; build one with studio retrieve build."),
    "retrieval.cli_k": QT_TRANSLATE_NOOP("Messages", "{option} {value}: give at least 1."),
    "retrieval.cli_recall_weight": QT_TRANSLATE_NOOP(
        "Messages", "--recall-weight {value}: give a number of 0 or more (0: the pair run's match probability alone)."),
    "retrieval.too_large_for_memory": QT_TRANSLATE_NOOP(
        "Messages", "{file}: reading it would take about {need} of memory, more than the {available} available; "
                    "it is not read."),
}
