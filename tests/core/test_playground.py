"""The playground's core: point sets, the network, training, frames and the job."""

import numpy as np
import pytest
import torch
from pydantic import ValidationError

from studio.core.errors import Cancelled
from studio.core.playground import (
    DATASETS,
    DOMAIN,
    DataConfig,
    NetworkConfig,
    Playground,
    make_data,
    make_points,
    play,
)
from studio.core.playground.presets import PRESETS
from studio.core.report import Reporter


@pytest.mark.parametrize("dataset", DATASETS)
def test_each_data_set_is_balanced_on_the_plane_and_seeded(dataset):
    points = make_points(dataset, 301, noise=0.2, seed=3)
    assert points.xy.shape == (300, 2) and points.xy.dtype == np.float32
    assert points.label.shape == (300,) and set(np.unique(points.label)) == {0, 1}
    assert (points.label == 1).sum() == 150
    assert np.abs(points.xy).max() <= DOMAIN
    again = make_points(dataset, 301, noise=0.2, seed=3)
    assert np.array_equal(points.xy, again.xy) and np.array_equal(points.label, again.label)
    assert not np.array_equal(points.xy, make_points(dataset, 301, noise=0.2, seed=4).xy)


def test_the_shapes_are_the_ones_named():
    circle = make_points("circle", 400)
    radius = np.linalg.norm(circle.xy, axis=1)
    assert radius[circle.label == 1].max() < radius[circle.label == 0].min()
    xor = make_points("xor", 400)
    assert np.array_equal(xor.label, (xor.xy[:, 0] * xor.xy[:, 1] > 0).astype(np.int64))
    assert np.bincount(np.sign(xor.xy[:, 0]).astype(int) * 2 + np.sign(xor.xy[:, 1]).astype(int) + 3).max() == 100
    gauss = make_points("gauss", 400)
    assert gauss.xy[gauss.label == 1].mean(0) == pytest.approx([2, 2], abs=0.3)


def test_the_split_holds_out_the_test_ratio_of_each_class():
    data = make_data(DataConfig(dataset="spiral", count=200, test_ratio=0.3, seed=1))
    assert len(data.test) == 60 and len(data.train) == 140
    assert (data.test.label == 1).sum() == 30


def test_network_settings_are_checked():
    with pytest.raises(ValidationError):
        NetworkConfig(hidden_layers=[4] * 7)
    with pytest.raises(ValidationError):
        NetworkConfig(hidden_layers=[9])
    with pytest.raises(ValidationError):
        NetworkConfig(features=["x3"])
    with pytest.raises(ValidationError):
        NetworkConfig(features=[])
    assert NetworkConfig(features=["sin_x1", "x1"]).features == ["x1", "sin_x1"]


def trained(data_config: DataConfig, network: NetworkConfig, epochs: int) -> Playground:
    playground = Playground(make_data(data_config), network)
    playground.step(epochs)
    return playground


def test_xor_needs_a_hidden_layer_or_the_product_feature():
    data = DataConfig(dataset="xor", count=400, seed=0)
    linear = trained(data, NetworkConfig(hidden_layers=[]), 100).frame()
    assert linear.test_accuracy < 0.7
    hidden = trained(data, NetworkConfig(hidden_layers=[4], activation="tanh"), 300).frame()
    assert hidden.test_accuracy > 0.95
    product = trained(data, NetworkConfig(hidden_layers=[], features=["x1", "x2", "x1_x2"]), 100).frame()
    assert product.test_accuracy > 0.95


def test_l2_shrinks_the_weights():
    data = DataConfig(dataset="circle", count=200, noise=0.2)
    plain = trained(data, NetworkConfig(hidden_layers=[8, 8]), 60)
    l2 = trained(data, NetworkConfig(hidden_layers=[8, 8], regularization="l2", regularization_rate=0.03), 60)
    l1 = trained(data, NetworkConfig(hidden_layers=[8, 8], regularization="l1", regularization_rate=0.01), 60)
    assert l2.weight_norm() < 0.7 * plain.weight_norm()
    assert l1.weight_norm() < plain.weight_norm()
    small = [np.abs(w) < 1e-2 for w in l1.frame().weights]
    assert sum(s.sum() for s in small) > sum((np.abs(w) < 1e-2).sum() for w in plain.frame().weights)


def test_a_seeded_run_is_the_same_every_time():
    data = DataConfig(dataset="spiral", count=200, noise=0.1, seed=5)
    network = NetworkConfig(hidden_layers=[6, 4], activation="relu", seed=9)
    first, second = trained(data, network, 20).frame(), trained(data, network, 20).frame()
    assert np.array_equal(first.history, second.history)
    assert np.array_equal(first.boundary, second.boundary)
    other = trained(data, network.model_copy(update={"seed": 10}), 20).frame()
    assert not np.array_equal(first.boundary, other.boundary)


def test_a_frame_holds_the_plane_every_neuron_and_the_history():
    playground = trained(DataConfig(count=100), NetworkConfig(features=["x1", "x2", "x1_squared"],
                                                              hidden_layers=[3, 2]), 4)
    frame = playground.frame()
    assert frame.epoch == 4 and frame.history.shape == (5, 3)
    assert frame.history[:, 0].tolist() == [0, 1, 2, 3, 4]
    assert frame.boundary.ndim == 2 and frame.boundary.min() >= 0 and frame.boundary.max() <= 1
    size = frame.inputs.shape[1]
    assert frame.inputs.shape == (3, size, size)
    assert [n.shape for n in frame.neurons] == [(3, size, size), (2, size, size)]
    assert [w.shape for w in frame.weights] == [(3, 3), (2, 3), (1, 2)]
    # row 0 is the bottom of the plane: x2 = -DOMAIN; column 0 its left: x1 = -DOMAIN
    assert frame.inputs[0, 0, 0] == pytest.approx(-DOMAIN) and frame.inputs[0, 0, -1] == pytest.approx(DOMAIN)
    assert frame.inputs[2, 0, 0] == pytest.approx(DOMAIN ** 2)


def test_points_added_while_it_trains_join_the_training_set():
    playground = Playground(make_data(DataConfig(count=40)), NetworkConfig())
    playground.add_point((5.5, 5.5), 1)
    playground.step(1)
    assert len(playground.data.train) == 21
    assert playground.data.train.xy[-1].tolist() == [5.5, 5.5] and playground.data.train.label[-1] == 1


def test_the_overfitting_preset_overfits():
    preset = PRESETS["overfitting"]
    playground = trained(preset.data, preset.network, 600)
    history = playground.frame().history
    lowest = history[:, 2].argmin()
    assert 0 < lowest < 400
    assert history[-1, 2] > 1.5 * history[lowest, 2]  # the test loss turned upward ...
    assert history[-1, 1] < 0.5 * history[lowest, 1]  # ... while the training loss kept falling


def test_play_reports_frames_until_stopped():
    playground = Playground(make_data(DataConfig(count=60)), NetworkConfig())
    frames = []
    reporter = Reporter(on_event=frames.append)
    last = play(playground, reporter, epochs_per_frame=2, frames=3, frame_rate=1000)
    assert [f.epoch for f in frames] == [2, 4, 6] and last is frames[-1]
    still = play(playground, Reporter(on_event=frames.append), epochs_per_frame=0, frames=1)
    assert still.epoch == 6

    def stop_after_two(frame):
        frames.append(frame)
        if frame.epoch >= 8:
            reporter.stop()

    reporter = Reporter(on_event=stop_after_two)
    with pytest.raises(Cancelled):
        play(playground, reporter, frame_rate=1000)
    assert frames[-1].epoch == 8


def test_nothing_here_changes_torch_global_random_state():
    before = torch.random.get_rng_state()
    trained(DataConfig(count=40), NetworkConfig(), 2).frame()
    assert torch.equal(before, torch.random.get_rng_state())
