"""A neural-network playground on the plane: two-class point sets, a small fully connected
network over chosen features, and frames of its decision boundary as it trains (the
playground tab draws them). Plain PyTorch and numpy; no Qt."""

from studio.core.playground.data import DATASETS, DOMAIN, DataConfig, PlaygroundData, Points, make_data, make_points
from studio.core.playground.network import FEATURES, MAX_LAYERS, MAX_NEURONS, NetworkConfig, PlaygroundNet
from studio.core.playground.session import FRAME_RATE, Frame, Playground, play

__all__ = ["DATASETS", "DOMAIN", "FEATURES", "FRAME_RATE", "MAX_LAYERS", "MAX_NEURONS", "DataConfig", "Frame",
           "NetworkConfig", "Playground", "PlaygroundData", "PlaygroundNet", "Points", "make_data", "make_points",
           "play"]
