"""Embedding explorer: neighbours, similarity, analogy, a 2-D word map and a heatmap.

Every question runs on a worker (a nearest-neighbour search over millions of
published vectors takes a while); only the newest answer to each question is shown.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from studio.core.embeddings import explore
from studio.gui.workers import WorkerPool

POINT_COLOR = (66, 133, 244)
HEATMAP_WORDS = 12


def _result_table() -> QTableWidget:
    table = QTableWidget(0, 2)
    table.setHorizontalHeaderLabels(["Word", "Cosine"])
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


class VectorExplorer(QTabWidget):
    """Asks the shown ``KeyedVectors`` questions; ``answered(str)`` names each answer drawn."""

    answered = Signal(str)

    def __init__(self, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.pool = pool
        self.vectors = None
        self._asked: dict[str, int] = {}  # question -> newest request number
        self._build_neighbours()
        self._build_similarity()
        self._build_analogy()
        self._build_map()
        self._build_heatmap()
        self.set_vectors(None)

    # ----- pages --------------------------------------------------------------------
    def _page(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        self.addTab(page, title)
        return page, QVBoxLayout(page)

    def _message_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        return label

    def _build_neighbours(self) -> None:
        _, layout = self._page("Neighbours")
        self.word_edit = QLineEdit()
        self.word_edit.setPlaceholderText("Type a word, e.g. 股票, and press Enter")
        self.topn_spin = QSpinBox()
        self.topn_spin.setRange(1, 200)
        self.topn_spin.setValue(15)
        row = QHBoxLayout()
        row.addWidget(self.word_edit, 1)
        row.addWidget(QLabel("Show"))
        row.addWidget(self.topn_spin)
        self.neighbour_message = self._message_label()
        self.neighbour_table = _result_table()
        layout.addLayout(row)
        layout.addWidget(self.neighbour_message)
        layout.addWidget(self.neighbour_table, 1)
        self.word_edit.returnPressed.connect(self.ask_neighbours)
        self.topn_spin.valueChanged.connect(lambda _: self.word_edit.text() and self.ask_neighbours())

    def _build_similarity(self) -> None:
        _, layout = self._page("Similarity")
        self.first_edit, self.second_edit = QLineEdit(), QLineEdit()
        self.first_edit.setPlaceholderText("e.g. 足球")
        self.second_edit.setPlaceholderText("e.g. 篮球")
        form = QFormLayout()
        form.addRow("Word", self.first_edit)
        form.addRow("Word", self.second_edit)
        button = QPushButton("Compare")
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
        _, layout = self._page("Analogy")
        self.analogy_edits = [QLineEdit() for _ in range(3)]
        for edit, hint in zip(self.analogy_edits, ("a, e.g. 国王", "b, e.g. 男人", "c, e.g. 女人")):
            edit.setPlaceholderText(hint)
        row = QHBoxLayout()
        for i, edit in enumerate(self.analogy_edits):
            row.addWidget(edit, 1)
            if i < 2:
                row.addWidget(QLabel("−" if i == 0 else "+"))
        button = QPushButton("a − b + c")
        row.addWidget(button)
        self.analogy_message = self._message_label()
        self.analogy_table = _result_table()
        layout.addLayout(row)
        layout.addWidget(self.analogy_message)
        layout.addWidget(self.analogy_table, 1)
        button.clicked.connect(self.ask_analogy)
        self.analogy_edits[2].returnPressed.connect(self.ask_analogy)

    def _build_map(self) -> None:
        _, layout = self._page("Map")
        self.map_count = QSpinBox()
        self.map_count.setRange(10, 2000)
        self.map_count.setValue(300)
        self.map_method = QComboBox()
        self.map_method.addItem("PCA", "pca")
        self.map_method.addItem("t-SNE", "tsne")
        self.map_button = QPushButton("Draw")
        row = QHBoxLayout()
        row.addWidget(QLabel("Most frequent"))
        row.addWidget(self.map_count)
        row.addWidget(QLabel("words by"))
        row.addWidget(self.map_method)
        row.addWidget(self.map_button)
        row.addStretch(1)
        self.map_message = self._message_label()
        self.map_plot = pg.PlotWidget()
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
        _, layout = self._page("Heatmap")
        self.heatmap_edit = QLineEdit()
        self.heatmap_edit.setPlaceholderText("Words separated by spaces or commas; empty: the "
                                             f"{HEATMAP_WORDS} most frequent")
        button = QPushButton("Show")
        row = QHBoxLayout()
        row.addWidget(self.heatmap_edit, 1)
        row.addWidget(button)
        self.heatmap_message = self._message_label()
        self.heatmap_plot = pg.PlotWidget()
        self.heatmap_plot.setLabel("bottom", "dimension")
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
        self._asked.clear()
        self.setEnabled(vectors is not None)
        for table in (self.neighbour_table, self.analogy_table):
            table.setRowCount(0)
        for label in (self.neighbour_message, self.similarity_label, self.analogy_message,
                      self.map_message, self.heatmap_message):
            label.setText("" if vectors is not None else "Train or import word vectors first.")
        self._clear_map()
        self.heatmap_image.clear()

    def _ask(self, question: str, fn, *args, on_done) -> None:
        if self.vectors is None:
            return
        number = self._asked.get(question, 0) + 1
        self._asked[question] = number
        vectors = self.vectors

        def done(result) -> None:
            if self._asked.get(question) == number and self.vectors is vectors:
                on_done(result)
                self.answered.emit(question)

        def failed(message: str) -> None:
            if self._asked.get(question) == number and self.vectors is vectors:
                self._show_failure(question, message)
                self.answered.emit(question)

        self.pool.run_task(fn, vectors, *args, on_done=done, on_failed=failed)

    def _show_failure(self, question: str, message: str) -> None:
        labels = {"neighbours": self.neighbour_message, "similarity": self.similarity_label,
                  "analogy": self.analogy_message, "map": self.map_message,
                  "heatmap": self.heatmap_message}
        labels[question].setText(message)
        if question == "neighbours":
            self.neighbour_table.setRowCount(0)
        elif question == "analogy":
            self.analogy_table.setRowCount(0)

    # ----- questions ----------------------------------------------------------------
    def ask_neighbours(self) -> None:
        def show(rows) -> None:
            self.neighbour_message.setText(f"Nearest to {self.word_edit.text().strip()!r} by cosine similarity:")
            _fill(self.neighbour_table, rows)

        self._ask("neighbours", explore.neighbors, self.word_edit.text(), self.topn_spin.value(), on_done=show)

    def ask_similarity(self) -> None:
        a, b = self.first_edit.text().strip(), self.second_edit.text().strip()
        self._ask("similarity", explore.similarity, a, b,
                  on_done=lambda score: self.similarity_label.setText(f"cos({a}, {b}) = {score:.4f}"))

    def ask_analogy(self) -> None:
        a, b, c = (edit.text() for edit in self.analogy_edits)

        def show(rows) -> None:
            self.analogy_message.setText(f"Nearest to {a.strip()} − {b.strip()} + {c.strip()}:")
            _fill(self.analogy_table, rows)

        self._ask("analogy", explore.analogy, a, b, c, 15, on_done=show)

    def ask_map(self) -> None:
        method = self.map_method.currentData()
        self.map_message.setText("Projecting…" + (" t-SNE takes a few seconds." if method == "tsne" else ""))
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
        self.scatter.setData(points[:, 0], points[:, 1], data=word_map.words)
        for word, (x, y) in zip(word_map.words, points.tolist()):
            label = pg.TextItem(word, color=(60, 60, 60), anchor=(0.5, 1.2))
            label.setPos(x, y)
            self.map_plot.addItem(label)
            self.map_labels.append(label)
        self.map_plot.getPlotItem().enableAutoRange()
        name = "PCA" if word_map.method == "pca" else "t-SNE"
        self.map_message.setText(f"The {len(word_map.words)} most frequent words, {name} of their "
                                 "unit vectors. Drag to pan, wheel to zoom.")

    def _draw_heatmap(self, result) -> None:
        words, rows = result
        if not words:
            return
        limit = float(np.abs(rows).max()) or 1.0
        self.heatmap_image.setImage(rows, levels=(-limit, limit))
        self.heatmap_plot.getAxis("left").setTicks([[(i + 0.5, w) for i, w in enumerate(words)]])
        self.heatmap_plot.getPlotItem().enableAutoRange()
        self.heatmap_message.setText(f"{len(words)} words × {rows.shape[1]} dimensions; blue is "
                                     f"negative, red positive (±{limit:.2f}).")
