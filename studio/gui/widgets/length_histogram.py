"""The Dataset tab's text-length histogram.

A few very long texts would squash every other bar into the first one, so when the
longest text is far beyond the 99th percentile the axis ends there and a note under
the chart says how many texts lie beyond it. A dashed line shows where ``max_len``
cuts (the axis reaches out to it when it cuts any text): it counts tokens, the chart
counts characters, so the line sits at ``max_len`` times the characters per token
(measured by the token preview; one per token until then).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.gui.i18n import Retranslating
from studio.gui.widgets.plots import HIGHLIGHT_COLOR, Histogram

CLIP_PERCENTILE = 99.0
CLIP_MARGIN = 2.0  # clip only when the longest text is this many times the percentile
CUT_MARGIN = 1.1  # the axis goes this far beyond a max_len line past the percentile


def clip_point(lengths: np.ndarray) -> float | None:
    """Where the axis ends: the 99th percentile, or ``None`` when every text fits well."""
    if lengths.size == 0:
        return None
    clip = math.ceil(float(np.percentile(lengths, CLIP_PERCENTILE)))
    return clip if lengths.max() > clip * CLIP_MARGIN and clip > 0 else None


def share_text(count: float, total: float = 1.0) -> str:
    """``count / total`` as a percentage; a few texts of many are "<0.1%", not "0.0%"."""
    share = count / total if total else 0.0
    return "<0.1%" if 0 < share < 0.001 else f"{share:.1%}"


class LengthHistogram(Retranslating, QWidget):
    """Histogram of text lengths (characters) with the 99th-percentile clip and the
    ``max_len`` cut; speaks like a plot for its owner (``setTitle``, ``setLabel``,
    ``clear``, ``set_values``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = Histogram()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.cut_line = pg.InfiniteLine(angle=90, movable=False,
                                        pen=pg.mkPen(HIGHLIGHT_COLOR, width=2, style=Qt.PenStyle.DashLine),
                                        label="max_len", labelOpts={"position": 0.9, "color": HIGHLIGHT_COLOR})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        self._lengths = np.zeros(0)
        self._clip: float | None = None
        self._max_len: int | None = None
        self._tokens_per_text: float | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self._show_note()

    # ----- a plot's interface, for the owner ---------------------------------------
    def setTitle(self, title: str) -> None:  # noqa: N802 - pyqtgraph API
        self.plot.setTitle(title)

    def setLabel(self, *args, **kwargs) -> None:  # noqa: N802 - pyqtgraph API
        self.plot.setLabel(*args, **kwargs)

    def clear(self) -> None:
        self.set_values([])

    def set_values(self, lengths) -> None:
        """Show the texts' lengths in characters."""
        self._lengths = np.asarray(lengths, dtype=float)
        self._clip = clip_point(self._lengths)
        self._draw()

    # ----- the cut --------------------------------------------------------------------
    def set_max_len(self, max_len: int | None) -> None:
        """Where training cuts the texts, in tokens (``None``: no line)."""
        if max_len != self._max_len:
            self._max_len = max_len
            self._draw()

    def set_tokens_per_text(self, tokens: float | None) -> None:
        """The tokenizer's mean tokens per text (from the preview); ``None``: unknown."""
        tokens = tokens if tokens and tokens > 0 else None
        if tokens != self._tokens_per_text:
            self._tokens_per_text = tokens
            self._draw()

    def chars_per_token(self) -> float:
        if self._tokens_per_text is None or self._lengths.size == 0:
            return 1.0
        return max(float(self._lengths.mean()), 1.0) / self._tokens_per_text

    def cut_position(self) -> float | None:
        """Where ``max_len`` cuts, in characters (``None``: no max_len or no texts)."""
        if self._max_len is None or self._lengths.size == 0:
            return None
        return self._max_len * self.chars_per_token()

    def cut_count(self) -> int:
        cut = self.cut_position()
        return 0 if cut is None else int((self._lengths > cut).sum())

    def upper(self) -> float | None:
        """Where the axis ends (``None``: every text is drawn): the clip, or a little
        beyond the ``max_len`` line when that lies past the clip and cuts a text."""
        if self._clip is None:
            return None
        cut, longest = self.cut_position(), float(self._lengths.max())
        if cut is None or cut <= self._clip or cut >= longest:
            return self._clip
        upper = math.ceil(round(cut * CUT_MARGIN, 6))
        return None if upper >= longest else upper

    def beyond_count(self) -> int:
        """Texts longer than the axis shows."""
        upper = self.upper()
        return 0 if upper is None else int((self._lengths > upper).sum())

    # ----- drawing ----------------------------------------------------------------------
    def _draw(self) -> None:
        upper = self.upper()
        self.plot.set_values(self._lengths, upper=upper)
        cut = self.cut_position()
        shown_up_to = upper if upper is not None else (self._lengths.max() if self._lengths.size else 0)
        if cut is not None and cut <= shown_up_to:
            self.cut_line.setValue(cut)
            self.plot.addItem(self.cut_line)
        self._show_note()

    def _show_note(self) -> None:
        lines = []
        total = self._lengths.size
        upper = self.upper()
        if upper is not None:
            lines.append(self.tr("{count} of {total} texts are longer than {clip} characters (up to {longest}): "
                                 "beyond the chart.").format(count=f"{self.beyond_count():,}", total=f"{total:,}",
                                                             clip=f"{int(upper):,}",
                                                             longest=f"{int(self._lengths.max()):,}"))
        cut = self.cut_position()
        if cut is not None:
            count = self.cut_count()
            values = dict(max_len=self._max_len, chars=f"{round(cut):,}", count=f"{count:,}",
                          share=share_text(count, total))
            if abs(self.chars_per_token() - 1.0) > 0.05:
                lines.append(self.tr("max_len {max_len} tokens ≈ {chars} characters: {count} texts ({share}) "
                                     "are cut.").format(**values) if count else
                             self.tr("max_len {max_len} tokens ≈ {chars} characters: no text is cut.").format(**values))
            else:
                lines.append(self.tr("max_len {max_len}: {count} texts ({share}) are cut.").format(**values)
                             if count else self.tr("max_len {max_len}: no text is cut.").format(**values))
        self.note.setText("\n".join(lines))
        self.note.setVisible(bool(lines))
