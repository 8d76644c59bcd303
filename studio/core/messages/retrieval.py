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
}
