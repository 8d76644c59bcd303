"""Embedding explorer: neighbours, similarity, analogy, a 2-D word map and a heatmap.

Every question runs on a worker (a nearest-neighbour search over millions of
published vectors takes a while); only the newest answer to each question is shown.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.embeddings import explore
from studio.gui.i18n import Retranslating
from studio.gui.theme import plot_colors
from studio.gui.widgets.plots import ThemedPlot
from studio.gui.workers import WorkerPool

POINT_COLOR = (66, 133, 244)
HEATMAP_WORDS = 12
QUESTIONS = ("neighbours", "similarity", "analogy", "map", "heatmap")  # each the key of its newest job


def _result_table() -> QTableWidget:
    table = QTableWidget(0, 2)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, float]]) -> None:
    table.setRowCount(len(rows))
    for i, (word, score) in enumerate(rows):
        table.setItem(i, 0, QTableWidgetItem(word))
        item = QTableWidgetItem(f"{score:.4f}")
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(i, 1, item)


def _words(text: str) -> list[str]:
    return [w for w in text.replace("，", ",").replace(",", " ").split() if w]


class VectorExplorer(Retranslating, QTabWidget):
    """Asks the shown ``KeyedVectors`` questions; ``answered(str)`` names each answer drawn."""

    answered = Signal(str)

    def __init__(self, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.pool = pool
        self.vectors = None
        self._pages: list[QWidget] = []
        self._build_neighbours()
        self._build_similarity()
        self._build_analogy()
        self._build_map()
        self._build_heatmap()
        self.set_vectors(None)
        self.retranslate()

    def retranslate(self) -> None:
        titles = (self.tr("Neighbours"), self.tr("Similarity"), self.tr("Analogy"), self.tr("Map"), self.tr("Heatmap"))
        for page, title in zip(self._pages, titles, strict=True):
            self.setTabText(self.indexOf(page), title)
        for table in (self.neighbour_table, self.analogy_table):
            table.setHorizontalHeaderLabels([self.tr("Word"), self.tr("Cosine similarity")])

        self.word_edit.setPlaceholderText(self.tr("Type a word, e.g. 股票, and press Enter"))
        self.word_edit.setToolTip(self.tr("The word whose nearest neighbours to list; press Enter to search."))
        self.topn_label.setText(self.tr("Neighbours shown:"))
        self.topn_spin.setToolTip(self.tr("How many of the nearest words to list."))

        self.first_label.setText(self.tr("First word:"))
        self.second_label.setText(self.tr("Second word:"))
        self.first_edit.setPlaceholderText(self.tr("e.g. 足球"))
        self.second_edit.setPlaceholderText(self.tr("e.g. 篮球"))
        self.first_edit.setToolTip(self.tr("The first word to compare."))
        self.second_edit.setToolTip(self.tr("The second word to compare; press Enter to compare."))
        self.compare_button.setText(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Show the cosine similarity of the two words' vectors."))

        hints = (self.tr("a, e.g. 国王"), self.tr("b, e.g. 男人"), self.tr("c, e.g. 女人"))
        tips = (self.tr("Word a of the analogy a − b + c (e.g. king)."),
                self.tr("Word b, subtracted from a (e.g. man)."),
                self.tr("Word c, added to a − b (e.g. woman); press Enter to search."))
        for edit, hint, tip in zip(self.analogy_edits, hints, tips, strict=True):
            edit.setPlaceholderText(hint)
            edit.setToolTip(tip)
        self.analogy_button.setToolTip(self.tr("List the words nearest to a − b + c."))

        self.map_count_label.setText(self.tr("Most frequent words:"))
        self.map_count.setToolTip(self.tr("How many of the most frequent words to place on the map."))
        self.map_method_label.setText(self.tr("Projection:"))
        self.map_method.setToolTip(self.tr("How to flatten the vectors to two dimensions: PCA is quick, "
                                           "t-SNE keeps neighbours together but takes longer."))
        self.map_button.setText(self.tr("Draw"))

        self.heatmap_edit.setPlaceholderText(self.tr("Words separated by spaces or commas; empty: the "
                                                     "{count} most frequent").format(count=HEATMAP_WORDS))
        self.heatmap_edit.setToolTip(self.tr("The words whose vectors to show, one row each; press Enter to show."))
        self.heatmap_button.setText(self.tr("Show"))
        self.heatmap_plot.setLabel("bottom", self.tr("dimension"))

    # ----- pages --------------------------------------------------------------------
    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        self.addTab(page, "")
        self._pages.append(page)
        return page, QVBoxLayout(page)

    def _message_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        return label

    def _build_neighbours(self) -> None:
        _, layout = self._page()
        self.word_edit = QLineEdit()
        self.topn_label = QLabel()
        self.topn_spin = QSpinBox()
        self.topn_spin.setRange(1, 200)
        self.topn_spin.setValue(15)
        row = QHBoxLayout()
        row.addWidget(self.word_edit, 1)
        row.addWidget(self.topn_label)
        row.addWidget(self.topn_spin)
        self.neighbour_message = self._message_label()
        self.neighbour_table = _result_table()
        layout.addLayout(row)
        layout.addWidget(self.neighbour_message)
        layout.addWidget(self.neighbour_table, 1)
        self.word_edit.returnPressed.connect(self.ask_neighbours)
        self.topn_spin.valueChanged.connect(lambda _: self.word_edit.text() and self.ask_neighbours())

    def _build_similarity(self) -> None:
        _, layout = self._page()
        self.first_edit, self.second_edit = QLineEdit(), QLineEdit()
        self.first_label, self.second_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.first_label, self.first_edit)
        form.addRow(self.second_label, self.second_edit)
        self.compare_button = button = QPushButton()
        self.similarity_label = self._message_label()
        font = self.similarity_label.font()
        font.setPointSize(font.pointSize() + 3)
        self.similarity_label.setFont(font)
        layout.addLayout(form)
        layout.addWidget(button)
        layout.addWidget(self.similarity_label)
        layout.addStretch(1)
        button.clicked.connect(self.ask_similarity)
        self.second_edit.returnPressed.connect(self.ask_similarity)

    def _build_analogy(self) -> None:
        _, layout = self._page()
        self.analogy_edits = [QLineEdit() for _ in range(3)]
        row = QHBoxLayout()
        for i, edit in enumerate(self.analogy_edits):
            row.addWidget(edit, 1)
            if i < 2:
                row.addWidget(QLabel("−" if i == 0 else "+"))
        self.analogy_button = button = QPushButton("a − b + c")  # a formula: the same in every language
        row.addWidget(button)
        self.analogy_message = self._message_label()
        self.analogy_table = _result_table()
        layout.addLayout(row)
        layout.addWidget(self.analogy_message)
        layout.addWidget(self.analogy_table, 1)
        button.clicked.connect(self.ask_analogy)
        self.analogy_edits[2].returnPressed.connect(self.ask_analogy)

    def _build_map(self) -> None:
        _, layout = self._page()
        self.map_count = QSpinBox()
        self.map_count.setRange(10, 2000)
        self.map_count.setValue(300)
        self.map_method = QComboBox()
        self.map_method.addItem("PCA", "pca")
        self.map_method.addItem("t-SNE", "tsne")
        self.map_button = QPushButton()
        self.map_count_label, self.map_method_label = QLabel(), QLabel()
        row = QHBoxLayout()
        row.addWidget(self.map_count_label)
        row.addWidget(self.map_count)
        row.addWidget(self.map_method_label)
        row.addWidget(self.map_method)
        row.addWidget(self.map_button)
        row.addStretch(1)
        self.map_message = self._message_label()
        self.map_plot = ThemedPlot()  # the theme's colours (plot_colors()), also after a switch
        self.map_plot.setAspectLocked(False)
        self.map_plot.hideAxis("left")
        self.map_plot.hideAxis("bottom")
        self.scatter = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(*POINT_COLOR, 160), pen=None)
        self.map_plot.addItem(self.scatter)
        self.map_labels: list[pg.TextItem] = []
        layout.addLayout(row)
        layout.addWidget(self.map_message)
        layout.addWidget(self.map_plot, 1)
        self.map_button.clicked.connect(self.ask_map)

    def _build_heatmap(self) -> None:
        _, layout = self._page()
        self.heatmap_edit = QLineEdit()
        self.heatmap_button = button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.heatmap_edit, 1)
        row.addWidget(button)
        self.heatmap_message = self._message_label()
        self.heatmap_plot = ThemedPlot()
        self.heatmap_plot.invertY(True)
        self.heatmap_image = pg.ImageItem(axisOrder="row-major")
        self.heatmap_image.setColorMap(pg.colormap.get("CET-D1"))
        self.heatmap_plot.addItem(self.heatmap_image)
        layout.addLayout(row)
        layout.addWidget(self.heatmap_message)
        layout.addWidget(self.heatmap_plot, 1)
        button.clicked.connect(self.ask_heatmap)
        self.heatmap_edit.returnPressed.connect(self.ask_heatmap)

    # ----- state --------------------------------------------------------------------
    def set_vectors(self, vectors) -> None:
        """Explore ``vectors`` (gensim ``KeyedVectors``), or nothing."""
        self.vectors = vectors
        for question in QUESTIONS:  # answers about the vectors shown before are dropped
            self.pool.cancel((self, question))
        self.setEnabled(vectors is not None)
        for table in (self.neighbour_table, self.analogy_table):
            table.setRowCount(0)
        for label in (self.neighbour_message, self.similarity_label, self.analogy_message,
                      self.map_message, self.heatmap_message):
            self.show_text(label, (lambda: "") if vectors is not None
                      else (lambda: self.tr("Train or import word vectors first.")))
        self._clear_map()
        self.heatmap_image.clear()

    def _ask(self, question: str, fn, *args, on_done) -> None:
        """Answer ``question`` on a worker; asking it again supersedes the running one."""
        if self.vectors is None:
            return

        def done(result) -> None:
            on_done(result)
            self.answered.emit(question)

        def failed(message: str) -> None:
            self._show_failure(question, message)
            self.answered.emit(question)

        self.pool.submit(fn, self.vectors, *args, key=(self, question), on_done=done, on_failed=failed)

    def _show_failure(self, question: str, message: str) -> None:
        labels = dict(zip(QUESTIONS, (self.neighbour_message, self.similarity_label, self.analogy_message,
                                      self.map_message, self.heatmap_message), strict=True))
        self.show_text(labels[question], lambda: message)  # worded by the pool, in the language then
        if question == "neighbours":
            self.neighbour_table.setRowCount(0)
        elif question == "analogy":
            self.analogy_table.setRowCount(0)

    # ----- questions ----------------------------------------------------------------
    def ask_neighbours(self) -> None:
        word = self.word_edit.text().strip()

        def show(rows) -> None:
            self.show_text(self.neighbour_message,
                      lambda: self.tr("Nearest to {word} by cosine similarity:").format(word=repr(word)))
            _fill(self.neighbour_table, rows)

        self._ask("neighbours", explore.neighbors, self.word_edit.text(), self.topn_spin.value(), on_done=show)

    def ask_similarity(self) -> None:
        a, b = self.first_edit.text().strip(), self.second_edit.text().strip()
        self._ask("similarity", explore.similarity, a, b,
                  on_done=lambda score: self.show_text(self.similarity_label, lambda: f"cos({a}, {b}) = {score:.4f}"))

    def ask_analogy(self) -> None:
        a, b, c = (edit.text() for edit in self.analogy_edits)

        def show(rows) -> None:
            self.show_text(self.analogy_message, lambda: self.tr("Nearest to {a} − {b} + {c}:").format(
                a=a.strip(), b=b.strip(), c=c.strip()))
            _fill(self.analogy_table, rows)

        self._ask("analogy", explore.analogy, a, b, c, 15, on_done=show)

    def ask_map(self) -> None:
        method = self.map_method.currentData()
        self.show_text(self.map_message, (lambda: self.tr("Projecting… t-SNE takes a few seconds.")) if method == "tsne"
                  else (lambda: self.tr("Projecting…")))
        self._ask("map", explore.project_words, self.map_count.value(), method, on_done=self._draw_map)

    def ask_heatmap(self) -> None:
        words = _words(self.heatmap_edit.text())
        if not words and self.vectors is not None:
            words = list(self.vectors.index_to_key[:HEATMAP_WORDS])
        self._ask("heatmap", explore.vector_rows, words, on_done=self._draw_heatmap)

    # ----- drawing ------------------------------------------------------------------
    def _clear_map(self) -> None:
        self.scatter.clear()
        for label in self.map_labels:
            self.map_plot.removeItem(label)
        self.map_labels.clear()

    def _draw_map(self, word_map: explore.WordMap) -> None:
        self._clear_map()
        points = word_map.points
        _, foreground = plot_colors()
        self.scatter.setData(points[:, 0], points[:, 1], data=word_map.words)
        for word, (x, y) in zip(word_map.words, points.tolist(), strict=True):
            label = pg.TextItem(word, color=foreground, anchor=(0.5, 1.2))
            label.setPos(x, y)
            self.map_plot.addItem(label)
            self.map_labels.append(label)
        self.map_plot.getPlotItem().enableAutoRange()
        name, count = ("PCA" if word_map.method == "pca" else "t-SNE"), len(word_map.words)
        self.show_text(self.map_message, lambda: self.tr("The {count} most frequent words, {method} of their unit "
                                                    "vectors. Drag to pan, wheel to zoom.").format(
            count=count, method=name))

    def _draw_heatmap(self, result: explore.VectorRows) -> None:
        words, rows = result.words, result.rows
        if not words:
            return
        limit = float(np.abs(rows).max()) or 1.0
        self.heatmap_image.setImage(rows, levels=(-limit, limit))
        self.heatmap_plot.getAxis("left").setTicks([[(i + 0.5, w) for i, w in enumerate(words)]])
        self.heatmap_plot.getPlotItem().enableAutoRange()
        count, dimensions = len(words), rows.shape[1]
        self.show_text(self.heatmap_message, lambda: self.tr("{words} words × {dimensions} dimensions; blue is "
                                                        "negative, red positive (±{limit}).").format(
            words=count, dimensions=dimensions, limit=f"{limit:.2f}"))
