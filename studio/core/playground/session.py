"""One playground: a network training on the points, a step (an epoch) at a time, and the
frames a view draws from it: the decision boundary over the plane, every neuron's output
over the plane, the weights and the loss history.

:func:`play` is the background job: it trains and reports a :class:`Frame` as an event of
its :class:`~studio.core.report.Reporter` at most :data:`FRAME_RATE` times a second, until
stopped. A view owns the :class:`Playground` and runs one job on it at a time; the only
call it makes while a job runs is :meth:`Playground.add_point`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np
import torch
from torch.nn import functional as F  # noqa: N812 - PyTorch's own spelling

from studio.core.playground.data import DOMAIN, PlaygroundData, Points
from studio.core.playground.network import NetworkConfig, PlaygroundNet, feature_matrix
from studio.core.report import Reporter

FRAME_RATE = 20.0  # frames a second at most: smooth enough, and leaves the GUI thread idle
BOUNDARY_SIZE = 80  # grid points per side of the decision boundary image
THUMBNAIL_SIZE = 24  # grid points per side of a neuron's thumbnail
SLOWEST_FRAME_S = 0.06  # a frame's epochs stop early after this long, so frames come >= 10 a second with room to spare


@dataclass(frozen=True)
class Frame:
    """What a view draws after an epoch. Grids are (size, size) over
    ``[-DOMAIN, DOMAIN]²``: row ``i`` is x2 (bottom to top), column ``j`` is x1 (left to right).

    ``boundary``: P(class 1) on the boundary grid. ``inputs``: (F, t, t) each feature,
    ``neurons``: per hidden layer (width, t, t) activations, on the thumbnail grid.
    ``weights``: per layer (out, in), the output layer last. ``history``: (epochs + 1, 3)
    rows of epoch, training loss, test loss (binary cross-entropy, nats; no penalty)."""

    epoch: int
    train_loss: float
    test_loss: float
    train_accuracy: float
    test_accuracy: float
    boundary: np.ndarray
    inputs: np.ndarray
    neurons: list[np.ndarray]
    weights: list[np.ndarray]
    history: np.ndarray


class Playground:
    """A network (``network``) and its points (``data``), trained by plain SGD on binary
    cross-entropy plus ``regularization_rate`` × the L1 or L2 penalty.

    The same data, config and seed give the same frames, epoch by epoch."""

    def __init__(self, data: PlaygroundData, network: NetworkConfig):
        self.network = network
        generator = torch.Generator().manual_seed(network.seed)
        self.model = PlaygroundNet(network, generator)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=network.lr, foreach=True)
        self._order = torch.Generator().manual_seed(network.seed + 1)
        self.epoch = 0
        self._pending: list[tuple[tuple[float, float], int]] = []
        self._pending_lock = threading.Lock()
        self._data = data
        self._use(data)
        self._history = [(0, *self._losses())]
        self._boundary_xy = _grid(BOUNDARY_SIZE)
        self._thumbnail_xy = _grid(THUMBNAIL_SIZE)

    @property
    def data(self) -> PlaygroundData:
        return self._data

    def add_point(self, xy: tuple[float, float], label: int) -> None:
        """Add a training point (thread-safe: it joins before the next epoch or frame)."""
        with self._pending_lock:
            self._pending.append(((float(xy[0]), float(xy[1])), int(label)))

    def step(self, epochs: int = 1) -> None:
        """Train ``epochs`` epochs: each a shuffled pass over the training points in
        batches of ``batch_size``."""
        self._take_pending()
        network, count = self.network, len(self._train_y)
        self.model.train()
        for _ in range(epochs):
            order = torch.randperm(count, generator=self._order)
            for start in range(0, count, network.batch_size):
                batch = order[start:start + network.batch_size]
                logits = self.model(self._train_x[batch])
                loss = F.binary_cross_entropy_with_logits(logits, self._train_y[batch])
                if network.regularization != "none" and network.regularization_rate:
                    loss = loss + network.regularization_rate * self.model.penalty(network.regularization)
                self.optimizer.zero_grad(set_to_none=True)
                loss.backward()
                self.optimizer.step()
            self.epoch += 1
            self._history.append((self.epoch, *self._losses()))

    def frame(self) -> Frame:
        """The current state, for drawing."""
        self._take_pending()
        features = self.network.features
        with torch.no_grad():
            self.model.eval()
            boundary = torch.sigmoid(self.model(feature_matrix(self._boundary_xy, features)))
            thumbnail_inputs = feature_matrix(self._thumbnail_xy, features)
            hidden = self.model.outputs(thumbnail_inputs)[:-1]
            train_accuracy, test_accuracy = (self._accuracy(x, y) for x, y in self._splits())
        t = THUMBNAIL_SIZE
        _, train_loss, test_loss = self._history[-1]
        return Frame(
            epoch=self.epoch, train_loss=train_loss, test_loss=test_loss,
            train_accuracy=train_accuracy, test_accuracy=test_accuracy,
            boundary=boundary.reshape(BOUNDARY_SIZE, BOUNDARY_SIZE).numpy().copy(),
            inputs=thumbnail_inputs.T.reshape(len(features), t, t).numpy().copy(),
            neurons=[layer.T.reshape(-1, t, t).numpy().copy() for layer in hidden],
            weights=[layer.weight.detach().numpy().copy() for layer in self.model.layers],
            history=np.asarray(self._history, dtype=np.float64))

    def weight_norm(self) -> float:
        """The L2 norm of all weights (biases excluded)."""
        with torch.no_grad():
            return float(torch.sqrt(sum((layer.weight ** 2).sum() for layer in self.model.layers)))

    # ----- inside ------------------------------------------------------------------
    def _use(self, data: PlaygroundData) -> None:
        features = self.network.features
        self._train_x = feature_matrix(torch.from_numpy(data.train.xy), features)
        self._train_y = torch.from_numpy(data.train.label).float()
        self._test_x = feature_matrix(torch.from_numpy(data.test.xy), features)
        self._test_y = torch.from_numpy(data.test.label).float()
        self._all_x = torch.cat([self._train_x, self._test_x])  # both losses from one forward pass

    def _take_pending(self) -> None:
        with self._pending_lock:
            pending, self._pending = self._pending, []
        if not pending:
            return
        train = self._data.train
        for xy, label in pending:
            train = train.plus(xy, label)
        self._data = PlaygroundData(train, self._data.test)
        self._use(self._data)
        self._history[-1] = (self.epoch, *self._losses())

    def _splits(self):
        return ((self._train_x, self._train_y), (self._test_x, self._test_y))

    def _losses(self) -> tuple[float, float]:
        with torch.inference_mode():
            logits = self.model(self._all_x).split([len(self._train_y), len(self._test_y)])
            return tuple(float(F.binary_cross_entropy_with_logits(z, y)) if len(y) else float("nan")
                         for z, y in zip(logits, (self._train_y, self._test_y), strict=True))

    def _accuracy(self, x: torch.Tensor, y: torch.Tensor) -> float:
        return float(((self.model(x) > 0).float() == y).float().mean()) if len(y) else float("nan")


def play(playground: Playground, report: Reporter, epochs_per_frame: int = 1, frames: int | None = None,
         frame_rate: float = FRAME_RATE) -> Frame:
    """Train ``playground`` and report a :class:`Frame` after every ``epochs_per_frame``
    epochs (0: report the current state without training), at most ``frame_rate`` frames a
    second, until stopped (:class:`~studio.core.errors.Cancelled`) or ``frames`` frames have
    been reported. Returns the last frame. Playing on (``frames`` None), a frame's epochs stop
    early after :data:`SLOWEST_FRAME_S`, so that slow epochs still give 10 frames a second."""
    interval, shown, frame = 1.0 / frame_rate, 0, None
    while frames is None or shown < frames:
        report.check()
        started = time.monotonic()
        for _ in range(epochs_per_frame):  # fewer epochs where they are slow: frames keep coming
            playground.step(1)
            if frames is None and time.monotonic() - started >= SLOWEST_FRAME_S:
                break
        frame = playground.frame()
        report.event(frame)
        shown += 1
        if frames is None or shown < frames:
            report.wait(interval - (time.monotonic() - started))
    return frame


def _grid(size: int) -> torch.Tensor:
    """(size², 2) points of a size × size grid over the plane, row-major from the bottom left."""
    axis = torch.linspace(-DOMAIN, DOMAIN, size)
    x2, x1 = torch.meshgrid(axis, axis, indexing="ij")
    return torch.stack([x1.reshape(-1), x2.reshape(-1)], dim=1)


__all__ = ["FRAME_RATE", "Frame", "Playground", "Points", "play"]
