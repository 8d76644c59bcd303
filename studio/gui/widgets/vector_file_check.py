"""Checks the word-vector file a model form names as soon as the user chooses it.

The file is read on a worker thread (the same reading training does, so a file that
passes here also passes at the start of training); what it holds, or why it cannot be
used, is shown under the field. A newer choice supersedes a check still running.
Opening a project or switching models does not read anything: a result already known
for the same file is shown again, and a missing file is said at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal

from studio.core.embeddings.vectors import load_vectors
from studio.core.report import Reporter
from studio.gui.widgets.config_form import ConfigForm
from studio.gui.workers import WorkerPool

VECTORS, VOCAB, LIMIT = "pretrained_vectors", "pretrained_vocab", "pretrained_limit"


@dataclass(frozen=True)
class VectorFileFacts:
    """What a vectors file holds (as many vectors as the limit lets be read)."""

    count: int
    dimension: int


def read_vector_facts(path: str, vocab_path: str, limit: int, report: Reporter | None = None) -> VectorFileFacts:
    """Read the vectors as training would and say what they hold.

    Raises:
        DataFormatError: the file (or its vocabulary) cannot be read, naming why.
        Cancelled: the check was superseded.
    """
    vectors = load_vectors(path, vocab_path or None, limit or None, report=report)
    return VectorFileFacts(len(vectors), int(vectors.vector_size))


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class VectorFileCheck(QObject):
    """Watches ``form``'s ``pretrained_vectors`` field (forms without it are left alone)."""

    checked = Signal()  # a note was shown for the newest choice (tests wait on it)

    def __init__(self, form: ConfigForm, pool: WorkerPool):
        super().__init__(form)
        self.form, self.pool = form, pool
        self._key = ("vector-file-check", id(self))
        self._known: dict[tuple, VectorFileFacts | str] = {}  # request -> facts, or the worded error
        self._shown: tuple | None = None  # the request whose outcome is shown
        form.rebuilt.connect(lambda: self._update(read=False))
        form.fieldEdited.connect(self._edited)
        form.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.form and event.type() == QEvent.Type.LanguageChange:
            self._render()
        return False

    def _edited(self, name: str) -> None:
        if name in (VECTORS, VOCAB, LIMIT):
            self._update(read=True)
        elif name == "embedding_dim":
            self._render()

    def _request(self) -> tuple | None:
        if VECTORS not in self.form.editors:
            return None
        values = self.form.raw_values()
        path = values.get(VECTORS) or ""
        if not path:
            return None
        vocab = values.get(VOCAB) or ""
        return path, vocab, values.get(LIMIT) or 0, _stamp(path), _stamp(vocab) if vocab else None

    def _update(self, read: bool) -> None:
        request = self._request()
        self._shown = request
        if request is None or request in self._known:
            self.pool.cancel(self._key)
            self._render()
            return
        path, vocab, limit, stamp, _ = request
        if stamp is None or not read:
            self.pool.cancel(self._key)
            self._render()
            return
        self.form.set_note(VECTORS, self.tr("Checking the file…"))
        self.pool.submit(read_vector_facts, path, vocab, limit, key=self._key, reports=True,
                         on_done=lambda facts: self._found(request, facts),
                         on_failed=lambda message: self._found(request, message))

    def _found(self, request: tuple, outcome: VectorFileFacts | str) -> None:
        self._known[request] = outcome
        if request == self._shown:
            self._render()

    def _render(self) -> None:
        """The note for the shown request, in the current language."""
        request = self._shown
        if request is None or VECTORS not in self.form.note_labels:
            if VECTORS in self.form.note_labels:
                self.form.set_note(VECTORS, "")
            self.checked.emit()
            return
        outcome = self._known.get(request)
        if outcome is None:
            missing = request[3] is None
            self.form.set_note(VECTORS, self.tr("No such file: {name}").format(name=Path(request[0]).name)
                               if missing else "", error=missing)
        elif isinstance(outcome, str):
            self.form.set_note(VECTORS, outcome, error=True)
        else:
            self._show_facts(outcome)
        self.checked.emit()

    def _show_facts(self, facts: VectorFileFacts) -> None:
        count, dimension = f"{facts.count:,}", facts.dimension
        wanted = self.form.raw_values().get("embedding_dim")
        if isinstance(wanted, int) and wanted != dimension:
            self.form.set_note(VECTORS, self.tr("{count} vectors of {dimension} dimensions, but embedding_dim "
                                                "is {wanted}: set it to {dimension}.").format(
                count=count, dimension=dimension, wanted=wanted), error=True)
        else:
            self.form.set_note(VECTORS, self.tr("{count} vectors of {dimension} dimensions.").format(
                count=count, dimension=dimension))
