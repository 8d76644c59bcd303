"""The Dataset tab's views that follow the task: the task line, the label balance, a
length histogram per text column and the token preview of each side.

For single texts (text classification) there is one histogram and one column of tokens;
for sentence pairs (a second text column set) the two texts are shown and measured apart,
text a beside text b, each with the ``max_len`` line, with the tokens per text and the
share ``max_len`` cuts of each side, and of the pair joined as ``a <sep> b``.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QWidget

from studio.core.data.dataset import label_lookup
from studio.core.messages import message
from studio.core.text.preview import TokenPreview
from studio.gui.i18n import Retranslating, translate
from studio.gui.widgets.length_histogram import LengthHistogram, share_text
from studio.gui.widgets.plots import BarChart
from studio.gui.wording import word

SHOWN_CHARACTERS = 60  # of each previewed text
SHOWN_TOKENS = 60  # of each previewed text's tokens
MAX_CHARTED_CLASSES = 60
# the label chart's titles, in the Dataset tab's context
PER_CLASS = QT_TRANSLATE_NOOP("DatasetTab", "Examples per class")
PER_LABEL = QT_TRANSLATE_NOOP("DatasetTab", "Pairs per label")
TOO_MANY = QT_TRANSLATE_NOOP("DatasetTab", "{count} classes: too many to chart")


class TaskLabel(Retranslating, QLabel):
    """"Task: sentence-pair matching (2 classes)": the project's task, which follows the
    columns (a second text column makes it sentence-pair matching), and its classes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self._task: str | None = None
        self._classes = 0
        self.retranslate()

    def set_task(self, task: str | None, classes: int) -> None:
        """``task``: ``"classification"``, ``"pair"`` or ``None`` (no data: hidden);
        ``classes``: the number of labels, 0 without a label column."""
        self._task, self._classes = task, classes
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("The task follows the columns: a second text column makes the project "
                                "sentence-pair matching, (none) makes it text classification. The Model tab "
                                "offers the models of the task."))
        self.setText(self._text())
        self.setVisible(self._task is not None)

    def _text(self) -> str:
        count = self._classes
        task = word(message("model.task_pair" if self._task == "pair" else "model.task_classification"))
        if not count:
            return self.tr("Task: {task} (no label column chosen)").format(task=task)
        if self._task == "pair" and count > 2:
            return self.tr("Task: {task} with graded labels ({count} classes)").format(task=task, count=count)
        return self.tr("Task: {task} ({count} classes)").format(task=task, count=f"{count:,}")


def show_label_balance(chart: BarChart, values: list[str] | None, names: list[str], from_file: bool,
                       pairs: bool) -> None:
    """Chart how many examples (pairs) each label has, with its share of the file.

    Args:
        values: the label column's raw cells; ``None`` without a label column (an empty chart).
        names, from_file: the class names training uses (``ProjectModel.label_names()``).
        pairs: whether the examples are sentence pairs (the title says so).
    """
    chart.setTitle(translate("DatasetTab", PER_LABEL if pairs else PER_CLASS))
    if values is None:
        chart.clear()
        return
    lookup = label_lookup(names, from_file)
    shown = [0] * len(names)
    for value, count in Counter(values).items():
        label = lookup(value)
        if label is not None:
            shown[label] += count
    total = sum(shown)
    if len(names) <= MAX_CHARTED_CLASSES:
        chart.set_data([f"{name} ({share_text(n, total)})" for name, n in zip(names, shown, strict=True)], shown)
    else:
        chart.clear()
        chart.setTitle(translate("DatasetTab", TOO_MANY).format(count=len(names)))


class LengthCharts(Retranslating, QWidget):
    """One :class:`LengthHistogram` per text column: ``side_a`` (the text), and ``side_b``
    (the second text of a pair, hidden for single texts), each with its ``max_len`` line."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.side_a, self.side_b = LengthHistogram(), LengthHistogram()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.side_a)
        layout.addWidget(self.side_b)
        self.side_b.hide()
        self.retranslate()

    @property
    def pairs(self) -> bool:
        return not self.side_b.isHidden()

    def retranslate(self) -> None:
        if self.pairs:
            self.side_a.setTitle(self.tr("Text a length"))
            self.side_b.setTitle(self.tr("Text b length"))
        else:
            self.side_a.setTitle(self.tr("Text length"))
        for chart in (self.side_a, self.side_b):
            chart.setLabel("bottom", self.tr("characters"))

    def show_texts(self, texts: list[str], pairs: list[str] | None, max_len: int) -> None:
        """Chart the lengths of ``texts`` and, for a pair, of ``pairs`` beside them."""
        self.side_b.setVisible(pairs is not None)
        for chart, column in ((self.side_a, texts), (self.side_b, pairs or [])):
            chart.set_max_len(max_len)
            chart.set_values([len(t) for t in column])
        self.retranslate()

    def set_preview(self, preview: TokenPreview) -> None:
        """Place each side's ``max_len`` line with its measured tokens per text."""
        for chart, side in zip((self.side_a, self.side_b), preview.sides, strict=False):
            chart.set_tokens_per_text(side.mean_tokens)

    def clear(self) -> None:
        self.side_b.hide()
        self.side_a.clear()
        self.side_b.clear()
        self.retranslate()


class TokenPreviewText(Retranslating, QPlainTextEdit):
    """The first rows split into tokens with the current settings; for a pair, text a and
    text b of each row. Above them: the vocabulary estimate, and per side the tokens per
    text and the share of texts longer than ``max_len``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self._preview: TokenPreview | None = None
        self._error = ""
        self._apart = False
        self.retranslate()

    @property
    def result(self) -> TokenPreview | None:
        """The preview shown (``None``: none yet, or the rows could not be tokenized)."""
        return self._preview

    def show_preview(self, preview: TokenPreview | None, error: str = "") -> None:
        """Show ``preview``, or why the rows cannot be tokenized (``error``, worded)."""
        self._preview, self._error = preview, error
        self._render()

    def set_pairs_apart(self, apart: bool) -> None:
        """Whether the chosen model reads the two texts of a pair apart (ESIM, Siamese)."""
        if apart != self._apart:
            self._apart = apart
            self._render()

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("How the first rows tokenize appears here."))
        self.setToolTip(self.tr("The first rows of the data file split into tokens with the current settings, "
                                "and the vocabulary they would give."))
        self._render()

    def _render(self) -> None:
        preview = self._preview
        if self._error:
            self.setPlainText(self.tr("Cannot tokenize: {message}").format(message=self._error))
        elif preview is None:
            self.setPlainText("")
        elif preview.is_pair:
            self.setPlainText(self._pair_summary(preview) + "\n\n" + "\n\n".join(
                f"a: {_row(*a)}\nb: {_row(*b)}" for a, b in zip(*(s.rows for s in preview.sides), strict=True)))
        else:
            self.setPlainText(self._summary(preview) + "\n\n" + "\n".join(_row(*row) for row in preview.rows))

    def _summary(self, preview: TokenPreview) -> str:
        values = self._values(preview)
        return "\n".join([
            self.tr("≈ {entries} vocabulary entries and {tokens} tokens per text (from {rows} rows)").format(
                **values, tokens=f"{preview.mean_tokens:.1f}"),
            self.tr("{share} of the texts are longer than max_len ({max_len} tokens): training cuts "
                    "them.").format(**values, share=share_text(preview.sides[0].cut_share))])

    def _pair_summary(self, preview: TokenPreview) -> str:
        values = self._values(preview)
        side = self.tr("Text {side}: {tokens} tokens per text; {share} longer than max_len ({max_len})")
        lines = [self.tr("≈ {entries} vocabulary entries from both texts (from {rows} pairs)").format(**values)]
        lines += [side.format(**values, side=name, tokens=f"{s.mean_tokens:.1f}", share=share_text(s.cut_share))
                  for name, s in zip("ab", preview.sides, strict=True)]
        lines.append(self.tr("Joined as a <sep> b: {tokens} tokens per pair; {share} longer than max_len "
                             "({max_len})").format(**values, tokens=f"{preview.joined_mean_tokens:.1f}",
                                                   share=share_text(preview.joined_cut_share or 0.0)))
        lines.append(self.tr("The chosen model reads the two texts apart: max_len cuts each text.") if self._apart
                     else self.tr("The chosen model reads the pair joined as one text: max_len cuts the pair."))
        return "\n".join(lines)

    @staticmethod
    def _values(preview: TokenPreview) -> dict[str, str]:
        return dict(entries=f"{preview.vocab_estimate:,}", rows=f"{preview.sampled_rows:,}",
                    max_len=f"{preview.max_len:,}")


def _row(text: str, tokens: list[str]) -> str:
    return f"{text[:SHOWN_CHARACTERS]}\n    → {' | '.join(tokens[:SHOWN_TOKENS])}"
