"""The playground's network: chosen input features of a point, 0–6 fully connected hidden
layers of 1–8 neurons, one output neuron whose sigmoid is P(class 1); as in TensorFlow
Playground (Smilkov, Carter et al., 2016), trained with binary cross-entropy and SGD.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import torch
from pydantic import BaseModel, ConfigDict, Field, field_validator
from torch import nn
from torch.nn import functional as F  # noqa: N812 - PyTorch's own spelling

FEATURES: dict[str, Callable[[torch.Tensor, torch.Tensor], torch.Tensor]] = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1_squared": lambda x1, x2: x1 * x1,
    "x2_squared": lambda x1, x2: x2 * x2,
    "x1_x2": lambda x1, x2: x1 * x2,
    "sin_x1": lambda x1, x2: torch.sin(x1),
    "sin_x2": lambda x1, x2: torch.sin(x2),
}
# plain functions, not modules: a module call's hooks cost more than a small layer's math
ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "linear": lambda x: x,
}
MAX_LAYERS, MAX_NEURONS = 6, 8


class NetworkConfig(BaseModel):
    """One playground's network and how it trains. ``hidden_layers``: neurons per hidden
    layer, input side first (``[]``: the output neuron reads the features directly)."""

    model_config = ConfigDict(extra="forbid")

    features: list[str] = Field(default_factory=lambda: ["x1", "x2"], min_length=1)
    hidden_layers: list[int] = Field(default_factory=lambda: [4, 2], max_length=MAX_LAYERS)
    activation: Literal["relu", "tanh", "sigmoid", "linear"] = "tanh"
    lr: float = Field(0.03, gt=0.0, le=10.0)
    batch_size: int = Field(10, ge=1, le=1000)
    regularization: Literal["none", "l1", "l2"] = "none"
    regularization_rate: float = Field(0.0, ge=0.0, le=10.0)
    seed: int = Field(0, ge=0, description="initial weights and the order of the points")

    @field_validator("features")
    @classmethod
    def _known_features(cls, value: list[str]) -> list[str]:
        unknown = [name for name in value if name not in FEATURES]
        if unknown:
            raise ValueError(f"unknown features {unknown}; choose from {', '.join(FEATURES)}")
        return [name for name in FEATURES if name in value]  # one order, whatever was ticked first

    @field_validator("hidden_layers")
    @classmethod
    def _layer_sizes(cls, value: list[int]) -> list[int]:
        if any(not 1 <= size <= MAX_NEURONS for size in value):
            raise ValueError(f"a hidden layer has 1 to {MAX_NEURONS} neurons")
        return value


def feature_matrix(xy: torch.Tensor, features: list[str]) -> torch.Tensor:
    """(n, 2) points -> (n, len(features)) inputs."""
    x1, x2 = xy[:, 0], xy[:, 1]
    return torch.stack([FEATURES[name](x1, x2) for name in features], dim=1)


class PlaygroundNet(nn.Module):
    """Features (n, F) -> logit (n,). Weights start Glorot-uniform (Glorot & Bengio, 2010)
    from ``generator``, biases at zero, so a seed gives the same network every time."""

    def __init__(self, config: NetworkConfig, generator: torch.Generator):
        super().__init__()
        sizes = [len(config.features), *config.hidden_layers, 1]
        with torch.random.fork_rng(devices=[]):  # nn.Linear draws its own start; ours replaces it
            self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:], strict=False))
        self.activation = ACTIVATIONS[config.activation]
        for layer in self.layers:
            nn.init.xavier_uniform_(layer.weight, generator=generator)
            nn.init.zeros_(layer.bias)

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        return self.outputs(features)[-1].squeeze(1)

    def outputs(self, features: torch.Tensor) -> list[torch.Tensor]:
        """Every layer's output for (n, F) features: each hidden layer's activations
        (n, width), then the output logit (n, 1)."""
        result, x = [], features
        for index, layer in enumerate(self.layers):
            x = F.linear(x, layer.weight, layer.bias)
            if index < len(self.layers) - 1:
                x = self.activation(x)
            result.append(x)
        return result

    def penalty(self, kind: str) -> torch.Tensor:
        """L1 (sum |w|) or L2 (sum w²/2) of the weights, biases excluded; 0 for ``"none"``."""
        weights = [layer.weight for layer in self.layers]
        if kind == "l1":
            return sum(w.abs().sum() for w in weights)
        if kind == "l2":
            return sum((w * w).sum() for w in weights) / 2
        return torch.zeros(())
