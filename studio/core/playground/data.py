"""Two-class point sets on the plane for the playground: circle, XOR, two Gaussians and a
spiral as in TensorFlow Playground (Smilkov, Carter et al., 2016), and scikit-learn's moons.

Every set lies in the square ``[-DOMAIN, DOMAIN]²`` and has exactly half its points in each
class (``count`` is rounded down to even; XOR also puts a quarter in each quadrant).
``noise`` (0..0.5, the playground's 0–50 %) jitters the points, so that the classes overlap
more as it grows; labels stay those of the clean shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

DOMAIN = 6.0  # the plane shown, in both directions
DatasetName = Literal["circle", "xor", "gauss", "spiral", "moons"]
DATASETS: tuple[str, ...] = ("circle", "xor", "gauss", "spiral", "moons")
_RADIUS = 5.0


@dataclass(frozen=True)
class Points:
    """``xy``: (n, 2) float32 coordinates; ``label``: (n,) int64, 0 or 1."""

    xy: np.ndarray
    label: np.ndarray

    def __len__(self) -> int:
        return len(self.label)

    def plus(self, xy: tuple[float, float], label: int) -> Points:
        """These points and one more."""
        return Points(np.concatenate([self.xy, np.asarray([xy], dtype=np.float32)]),
                      np.concatenate([self.label, np.asarray([label], dtype=np.int64)]))


class DataConfig(BaseModel):
    """The data both playgrounds of a comparison share."""

    model_config = ConfigDict(extra="forbid")

    dataset: DatasetName = "circle"
    count: int = Field(400, ge=20, le=4000, description="points in all, both splits")
    noise: float = Field(0.0, ge=0.0, le=0.5, description="jitter, as a fraction of the shape's size")
    test_ratio: float = Field(0.5, ge=0.1, le=0.9, description="share of the points held out for testing")
    seed: int = Field(0, ge=0)


@dataclass(frozen=True)
class PlaygroundData:
    train: Points
    test: Points


def make_points(dataset: str, count: int, noise: float = 0.0, seed: int = 0) -> Points:
    """``count`` points of ``dataset`` (one of :data:`DATASETS`), drawn from ``seed``.

    Raises:
        ValueError: an unknown ``dataset``.
    """
    rng = np.random.default_rng(seed)
    half = count // 2
    if dataset == "circle":  # class 1 inside half the radius, class 0 in a ring outside 0.7 of it
        inner = _polar(rng, half, 0.0, 0.5 * _RADIUS)
        outer = _polar(rng, half, 0.7 * _RADIUS, _RADIUS)
        xy, label = np.concatenate([outer, inner]), _labels(half)
        xy += rng.uniform(-1, 1, xy.shape) * noise * _RADIUS
    elif dataset == "xor":  # class 1 where x1·x2 > 0, kept off the axes by a small margin
        quarter, margin = count // 4, 0.3
        corners = []
        for sx, sy in ((1, -1), (-1, 1), (1, 1), (-1, -1)):  # the two class-0 quadrants first
            corners.append(rng.uniform(margin, _RADIUS, (quarter, 2)) * (sx, sy))
        xy, label = np.concatenate(corners), _labels(2 * quarter)
        xy += rng.uniform(-1, 1, xy.shape) * noise * _RADIUS
    elif dataset == "gauss":  # the spread grows with the noise: 0.5 .. 4 variance
        std = math.sqrt(0.5 + 7.0 * noise)
        xy = np.concatenate([rng.normal((-2, -2), std, (half, 2)), rng.normal((2, 2), std, (half, 2))])
        label = _labels(half)
    elif dataset == "spiral":  # two arms, half a turn apart
        t = np.arange(half) / half
        arms = []
        for phase in (math.pi, 0.0):
            angle = 1.75 * 2 * math.pi * t + phase
            arms.append(np.stack([_RADIUS * t * np.sin(angle), _RADIUS * t * np.cos(angle)], axis=1))
        xy, label = np.concatenate(arms), _labels(half)
        xy += rng.uniform(-1, 1, xy.shape) * noise * _RADIUS
    elif dataset == "moons":
        from sklearn.datasets import make_moons

        raw, raw_label = make_moons(n_samples=2 * half, noise=noise, random_state=seed)
        xy, label = (raw - (0.5, 0.25)) * 3.5, 1 - raw_label  # centred and scaled to the plane
    else:
        raise ValueError(f"unknown playground dataset {dataset!r}; one of {', '.join(DATASETS)}")
    xy = np.clip(xy, -DOMAIN, DOMAIN).astype(np.float32)
    return Points(xy, np.asarray(label, dtype=np.int64))


def make_data(config: DataConfig) -> PlaygroundData:
    """``config``'s points split into training and test points, stratified by class: each
    class gives ``test_ratio`` of its points (rounded) to the test split, drawn from ``seed``.
    (numpy, not scikit-learn's splitter: the tab makes points while scikit-learn may still
    be loading on another thread at start-up.)"""
    points = make_points(config.dataset, config.count, config.noise, config.seed)
    rng = np.random.default_rng(config.seed + 1)
    test = []
    for label in (0, 1):
        members = rng.permutation(np.flatnonzero(points.label == label))
        test.append(members[:round(len(members) * config.test_ratio)])
    is_test = np.zeros(len(points), dtype=bool)
    is_test[np.concatenate(test)] = True
    return PlaygroundData(Points(points.xy[~is_test], points.label[~is_test]),
                          Points(points.xy[is_test], points.label[is_test]))


def _polar(rng: np.random.Generator, count: int, r_min: float, r_max: float) -> np.ndarray:
    radius, angle = rng.uniform(r_min, r_max, count), rng.uniform(0, 2 * math.pi, count)
    return np.stack([radius * np.sin(angle), radius * np.cos(angle)], axis=1)


def _labels(half: int) -> np.ndarray:
    return np.concatenate([np.zeros(half, dtype=np.int64), np.ones(half, dtype=np.int64)])
