"""One network of the playground: its settings, its diagram, the plane with its decision
boundary, and its training and test loss curves. The panel owns its
:class:`~studio.core.playground.Playground` and trains it with one job at a time on the
worker pool (:func:`~studio.core.playground.play`); frames come back as the job's events."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.playground import (
    FEATURES,
    MAX_LAYERS,
    MAX_NEURONS,
    Frame,
    NetworkConfig,
    Playground,
    PlaygroundData,
    play,
)
from studio.gui.i18n import Retranslating
from studio.gui.widgets.boundary_plot import BoundaryPlot
from studio.gui.widgets.network_diagram import FEATURE_LABELS, NetworkDiagram
from studio.gui.widgets.plots import BAR_COLOR, HIGHLIGHT_COLOR, ThemedPlot, round_up, show_from_zero
from studio.gui.workers import WorkerPool

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REGULARIZATION_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
NARROW_PX = 1000  # a panel narrower than this stacks its diagram above the plane
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
REGULARIZATIONS = ("none", "l1", "l2")


class PlaygroundPanel(Retranslating, QGroupBox):
    """``changed``: the user edited the network (the panel has reset itself);
    ``pointClicked``: a click on the plane (x1, x2, Shift held); ``frameShown``: a frame
    was drawn; ``failed``: a job failed, worded."""

    changed = Signal()
    pointClicked = Signal(float, float, bool)
    frameShown = Signal(object)
    failed = Signal(str)

    def __init__(self, pool: WorkerPool, name: str, parent=None):
        super().__init__(parent)
        self.pool, self.name = pool, name
        self._key = ("playground", name)
        self.network = NetworkConfig()
        self.data: PlaygroundData | None = None
        self.playground: Playground | None = None
        self.frame: Frame | None = None
        self.playing = False
        self._latest: Frame | None = None
        self._epochs_per_frame = 1

        self.features = {name: QCheckBox(FEATURE_LABELS[name]) for name in FEATURES}
        self.layers_label = QLabel()
        self.add_layer, self.remove_layer = QToolButton(), QToolButton()
        self.add_layer.setText("+")
        self.remove_layer.setText("−")
        self.activation, self.lr = QComboBox(), QComboBox()
        self.regularization, self.regularization_rate = QComboBox(), QComboBox()
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 100)
        for value in LEARNING_RATES:
            self.lr.addItem(f"{value:g}", value)
        for value in REGULARIZATION_RATES:
            self.regularization_rate.addItem(f"{value:g}", value)
        self.activation.addItems([""] * len(ACTIVATIONS))
        self.regularization.addItems([""] * len(REGULARIZATIONS))
        self.labels = {key: QLabel()
                       for key in ("activation", "lr", "batch_size", "regularization", "rate", "features")}
        self.diagram = NetworkDiagram()
        self.plane = BoundaryPlot()
        self.losses = ThemedPlot()
        self.losses.setMinimumHeight(110)
        self.losses.setMaximumHeight(170)
        self.losses.setMouseEnabled(False, False)
        self.losses.hideButtons()
        self.losses.disableAutoRange()  # ranges move in steps (_fit_loss_range): axes redraw rarely, not each frame
        self._loss_range: tuple[float, float] | None = None
        self.legend = self.losses.addLegend(offset=(-4, 4))
        self.train_curve = self.losses.plot(pen={"color": BAR_COLOR, "width": 2})
        self.test_curve = self.losses.plot(pen={"color": HIGHLIGHT_COLOR, "width": 2})
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        # two lines, whatever the text: a new frame's figures must not lay the panel out again
        self.stats.setFixedHeight(2 * self.stats.fontMetrics().lineSpacing() + 4)
        self.stats.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._layout()
        self._show_network(self.network)

        for box in self.features.values():
            box.toggled.connect(self._edited)
        for combo in (self.activation, self.lr, self.regularization, self.regularization_rate):
            combo.currentIndexChanged.connect(self._edited)
        self.batch_size.valueChanged.connect(self._edited)
        self.add_layer.clicked.connect(lambda: self._resize_layers(+1))
        self.remove_layer.clicked.connect(lambda: self._resize_layers(-1))
        self.diagram.neuronsChanged.connect(self._resize_layer)
        self.plane.pointClicked.connect(self.pointClicked)
        self.retranslate()

    def _layout(self) -> None:
        controls = QGridLayout()
        layers = QHBoxLayout()
        layers.addWidget(self.remove_layer)
        layers.addWidget(self.add_layer)
        layers.addWidget(self.layers_label, 1)
        controls.addLayout(layers, 0, 0, 1, 2)
        places = {"activation": (0, 2), "lr": (0, 4), "batch_size": (1, 0), "regularization": (1, 2), "rate": (1, 4)}
        fields = {"activation": self.activation, "lr": self.lr, "batch_size": self.batch_size,
                  "regularization": self.regularization, "rate": self.regularization_rate}
        for key, (row, column) in places.items():
            controls.addWidget(self.labels[key], row, column)
            controls.addWidget(fields[key], row, column + 1)
        controls.setColumnStretch(6, 1)  # the fields keep their own width; the room is left over on the right
        features = QGridLayout()
        features.addWidget(self.labels["features"], 0, 0)
        for index, box in enumerate(self.features.values()):
            features.addWidget(box, index // 4, 1 + index % 4)
        features.setColumnStretch(5, 1)

        curves = QWidget()
        curves_layout = QVBoxLayout(curves)
        curves_layout.setContentsMargins(0, 0, 0, 0)
        curves_layout.addWidget(self.losses, 1)
        results = QWidget()
        self.results_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, results)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_layout.addWidget(self.plane, 3)
        self.results_layout.addWidget(curves, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.diagram)
        self.split.addWidget(results)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(features)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.stats)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Narrow (two networks side by side): the diagram above the plane and curves;
        wide: beside them."""
        super().resizeEvent(event)
        narrow = self.width() < NARROW_PX
        self.split.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        self.results_layout.setDirection(QBoxLayout.Direction.LeftToRight if narrow
                                         else QBoxLayout.Direction.TopToBottom)
        self.losses.setMaximumHeight(16777215 if narrow else 170)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Network {name}").format(name=self.name))
        texts = {"activation": self.tr("Activation"), "lr": self.tr("Learning rate"),
                 "batch_size": self.tr("Batch size"), "regularization": self.tr("Regularization"),
                 "rate": self.tr("Rate"), "features": self.tr("Features:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        for index, text in enumerate((self.tr("ReLU"), self.tr("Tanh"), self.tr("Sigmoid"), self.tr("Linear"))):
            self.activation.setItemText(index, text)
        for index, text in enumerate((self.tr("None"), self.tr("L1"), self.tr("L2"))):
            self.regularization.setItemText(index, text)
        tips = {self.activation: self.tr("What each hidden neuron applies to its weighted sum"),
                self.lr: self.tr("How far each SGD step moves the weights"),
                self.batch_size: self.tr("Training points per SGD step"),
                self.regularization: self.tr("A penalty on large weights: L1 drives some to zero, L2 shrinks them all"),
                self.regularization_rate: self.tr("How much the penalty counts against the loss")}
        for widget, tip in tips.items():
            widget.setToolTip(tip)
        for box in self.features.values():
            box.setToolTip(self.tr("Feed this function of the point (x₁, x₂) to the network"))
        self.add_layer.setToolTip(self.tr("Add a hidden layer"))
        self.remove_layer.setToolTip(self.tr("Remove the last hidden layer"))
        self.plane.setToolTip(self.tr("Click to add a training point of the chosen class; Shift+click: the other "
                                      "class. Filled points train; ringed points test."))
        self.legend.clear()
        self.legend.addItem(self.train_curve, self.tr("Training loss"))
        self.legend.addItem(self.test_curve, self.tr("Test loss"))
        self.losses.setLabel("bottom", self.tr("Epoch"))
        self._show_layers()
        self._show_stats()

    # ----- the network's settings -----------------------------------------------------
    def set_network(self, network: NetworkConfig) -> None:
        """Show ``network`` in the controls and start over with it."""
        self._show_network(network)
        self._start_over()

    def _show_network(self, network: NetworkConfig) -> None:
        self.network = network
        blockers = [QSignalBlocker(widget) for widget in self._inputs()]
        for name, box in self.features.items():
            box.setChecked(name in network.features)
        self.activation.setCurrentIndex(ACTIVATIONS.index(network.activation))
        self.lr.setCurrentIndex(_nearest(LEARNING_RATES, network.lr))
        self.batch_size.setValue(network.batch_size)
        self.regularization.setCurrentIndex(REGULARIZATIONS.index(network.regularization))
        self.regularization_rate.setCurrentIndex(_nearest(REGULARIZATION_RATES, network.regularization_rate))
        for blocker in blockers:
            blocker.unblock()
        self._show_layers()

    def _inputs(self) -> list[QWidget]:
        return [*self.features.values(), self.activation, self.lr, self.batch_size, self.regularization,
                self.regularization_rate]

    def _show_layers(self) -> None:
        self.layers_label.setText(self.tr("Hidden layers: {count}").format(count=len(self.network.hidden_layers)))
        self.add_layer.setEnabled(len(self.network.hidden_layers) < MAX_LAYERS)
        self.remove_layer.setEnabled(bool(self.network.hidden_layers))
        self.diagram.set_structure(self.network.features, self.network.hidden_layers)

    def _edited(self) -> None:
        chosen = [name for name, box in self.features.items() if box.isChecked()]
        if not chosen:  # a network needs an input: keep the last one ticked
            sender = self.sender()
            if isinstance(sender, QCheckBox):
                with QSignalBlocker(sender):
                    sender.setChecked(True)
            return
        self._change(features=chosen, activation=ACTIVATIONS[self.activation.currentIndex()],
                     lr=self.lr.currentData(), batch_size=self.batch_size.value(),
                     regularization=REGULARIZATIONS[self.regularization.currentIndex()],
                     regularization_rate=self.regularization_rate.currentData())

    def _resize_layers(self, delta: int) -> None:
        layers = list(self.network.hidden_layers)
        if delta > 0 and len(layers) < MAX_LAYERS:
            layers.append(layers[-1] if layers else 4)
        elif delta < 0 and layers:
            layers.pop()
        self._change(hidden_layers=layers)

    def _resize_layer(self, index: int, delta: int) -> None:
        layers = list(self.network.hidden_layers)
        layers[index] = min(MAX_NEURONS, max(1, layers[index] + delta))
        self._change(hidden_layers=layers)

    def _change(self, **update) -> None:
        network = NetworkConfig.model_validate({**self.network.model_dump(), **update})
        if network == self.network:
            return
        self._show_network(network)
        self._start_over()
        self.changed.emit()

    # ----- training -------------------------------------------------------------------
    def use_data(self, data: PlaygroundData) -> None:
        """Train on ``data`` from the start (the tab's points changed)."""
        self.data = data
        self._start_over()

    def add_point(self, xy: tuple[float, float], label: int, data: PlaygroundData) -> None:
        self.data = data
        if self.playground is not None:
            self.playground.add_point(xy, label)
        self.plane.show_points(data.train, data.test)
        if not self.playing:
            self._submit(0, 1)

    def play(self, epochs_per_frame: int) -> None:
        self.playing, self._epochs_per_frame = True, epochs_per_frame
        self._submit(epochs_per_frame, None)

    def pause(self) -> None:
        """Stop training; the frame shown is then the network's state (the stopped job's
        last epoch may have ended after its last frame)."""
        if self.playing:
            self.playing = False
            self._submit(0, 1)  # supersedes the playing job, and runs once it has stopped

    def step(self, epochs: int) -> None:
        self.playing = False
        self._submit(epochs, 1)

    def reset(self) -> None:
        self._start_over()

    def _start_over(self) -> None:
        if self.data is None:
            return
        self.pool.cancel(self._key)
        self.playground = Playground(self.data, self.network)
        self.frame = self._latest = None
        self.train_curve.setData([], [])
        self.test_curve.setData([], [])
        self._loss_range = None
        self.plane.clear_boundary()
        self.plane.show_points(self.data.train, self.data.test)
        self._submit(0, 1)
        if self.playing:
            self._submit(self._epochs_per_frame, None)

    def _submit(self, epochs_per_frame: int, frames: int | None) -> None:
        if self.playground is None:
            return
        self.pool.submit(play, self.playground, key=self._key, reports=True, epochs_per_frame=epochs_per_frame,
                         frames=frames, on_event=self._frame_arrived, on_failed=self._failed)

    def _failed(self, message: str) -> None:
        self.playing = False
        self.failed.emit(message)

    def _frame_arrived(self, frame: object) -> None:
        if not isinstance(frame, Frame):
            return
        if self._latest is None:  # draw once the queued frames are in: only the newest counts
            QTimer.singleShot(0, self._draw)
        self._latest = frame

    def _draw(self) -> None:
        frame, self._latest = self._latest, None
        if frame is None:
            return
        self.frame = frame
        self.plane.show_boundary(frame.boundary)
        self.diagram.show_frame(frame)
        history = frame.history
        self.train_curve.setData(history[:, 0], history[:, 1])
        self.test_curve.setData(history[:, 0], history[:, 2])
        self._fit_loss_range(history)
        self._show_stats()
        self.frameShown.emit(frame)

    def _fit_loss_range(self, history: np.ndarray) -> None:
        """Epochs 0 to a round number past the last; losses 0 to a round number above the
        highest: the range changes a few times a run, and each change redraws the axes."""
        losses = history[:, 1:][np.isfinite(history[:, 1:])]
        self._loss_range = show_from_zero(self.losses, self._loss_range, round_up(max(10.0, history[-1, 0])),
                                          float(losses.max()) if losses.size else 0.0)

    def _show_stats(self) -> None:
        frame = self.frame
        if frame is None:
            self.stats.setText("")
            return
        self.stats.setText(self.tr("Epoch {epoch} · training loss {train} · test loss {test} · "
                                   "test accuracy {accuracy}").format(
            epoch=f"{frame.epoch:,}", train=_loss(frame.train_loss), test=_loss(frame.test_loss),
            accuracy=_percent(frame.test_accuracy)))


def _nearest(values: tuple[float, ...], value: float) -> int:
    return min(range(len(values)), key=lambda i: abs(math.log10(values[i] + 1e-9) - math.log10(value + 1e-9)))


def _loss(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.3f}"


def _percent(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.1%}"
