"""A question bank: the stored questions a new question is matched against, each with
an optional answer."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from studio.core.data.reader import read_table
from studio.core.errors import ConfigError, DataFormatError
from studio.core.report import Reporter


@dataclass(frozen=True)
class QuestionBank:
    """``questions[i]`` and its answer ``answers[i]`` (``answers`` is ``None`` when the
    bank holds questions only). Blank questions are left out when a bank is built."""

    questions: list[str]
    answers: list[str] | None = None

    def __post_init__(self) -> None:
        if self.answers is not None and len(self.answers) != len(self.questions):
            raise ValueError(f"{len(self.questions)} questions but {len(self.answers)} answers")

    def __len__(self) -> int:
        return len(self.questions)

    @classmethod
    def from_list(cls, questions: Sequence[str], answers: Sequence[str] | None = None,
                  source: str | os.PathLike = "<list>") -> QuestionBank:
        """A bank of the non-blank ``questions`` (stripped), with their ``answers``.

        Raises:
            DataFormatError: no question is left (``source`` names where they came from).
        """
        if answers is not None and len(answers) != len(questions):
            raise ValueError(f"{len(questions)} questions but {len(answers)} answers")
        kept = [i for i, question in enumerate(questions) if question.strip()]
        if not kept:
            raise DataFormatError("retrieval.empty_bank", file=source)
        return cls([questions[i].strip() for i in kept],
                   None if answers is None else [answers[i] for i in kept])


def read_bank(path: str | os.PathLike, question_column: int = 0, answer_column: int | None = None, *,
              report: Reporter | None = None) -> QuestionBank:
    """Read a bank from a delimited file (:func:`~studio.core.data.reader.read_table`):
    the questions from ``question_column`` and, when given, the answers from
    ``answer_column`` (0-based).

    Raises:
        DataFormatError: the file cannot be read, or holds no question.
        ConfigError: a column the file does not have.
        Cancelled: ``report`` was stopped.
    """
    path = Path(path)
    table = read_table(path, report=report)
    for column in (question_column, answer_column):
        if column is not None and not 0 <= column < table.num_columns:
            raise ConfigError("retrieval.no_such_column", file=path, columns=table.num_columns, column=column + 1)
    answers = None if answer_column is None else table.columns[answer_column]
    return QuestionBank.from_list(table.columns[question_column], answers, source=path)
