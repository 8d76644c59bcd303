"""Starting points a lecture needs, by name (the GUI words the names):

- ``basic``: TensorFlow Playground's opening state (circle, x1 and x2, 4 and 2 tanh neurons).
- ``xor_product``: XOR with no hidden layer but the x1·x2 feature: one good feature
  replaces a layer.
- ``spiral``: the hard set, with every feature and a deep network.
- ``overfitting``: small noisy data and a big network: the training loss falls to zero while
  the test loss turns upward after a few dozen epochs (the picture for early stopping and
  regularisation; add L2 to watch it calm down).
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.core.playground.data import DataConfig
from studio.core.playground.network import FEATURES, NetworkConfig


@dataclass(frozen=True)
class Preset:
    data: DataConfig
    network: NetworkConfig


PRESETS: dict[str, Preset] = {
    "basic": Preset(DataConfig(), NetworkConfig()),
    "xor_product": Preset(DataConfig(dataset="xor"), NetworkConfig(features=["x1", "x2", "x1_x2"], hidden_layers=[])),
    "spiral": Preset(DataConfig(dataset="spiral", count=500, noise=0.05),
                     NetworkConfig(features=list(FEATURES), hidden_layers=[8, 8, 6, 4], lr=0.03)),
    "overfitting": Preset(DataConfig(dataset="circle", count=100, noise=0.3, test_ratio=0.7),
                          NetworkConfig(hidden_layers=[8] * 6, activation="tanh", batch_size=5)),
}
