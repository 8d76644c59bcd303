"""The Playground tab, driven through its real widgets."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from studio.core.playground import DATASETS
from studio.gui import file_dialogs


def playground(window, qtbot):
    tab = window.playground_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.panels[0].frame is not None, timeout=10000)
    return tab


def settle(window, qtbot, panel):
    """Wait until the panel's jobs have ended and their last frame is drawn."""
    qtbot.waitUntil(lambda: not window.pool.busy(panel._key) and panel._latest is None, timeout=10000)


def test_play_draws_frames_and_pause_step_reset_do_what_they_say(window, qtbot):
    tab = playground(window, qtbot)
    panel = tab.panels[0]
    assert panel.frame.epoch == 0 and tab.epoch_label.text() == "Epoch 0"
    assert panel.plane.image.image is not None  # the untrained network's boundary is drawn at once
    tab.play_button.click()
    assert tab.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: panel.frame.epoch >= 5, timeout=10000)
    tab.play_button.click()
    assert not panel.playing and tab.play_button.text() == "Play"
    settle(window, qtbot, panel)
    paused_at = panel.frame.epoch
    assert paused_at == panel.playground.epoch  # what shows is where the network is
    qtbot.wait(300)
    assert panel.frame.epoch == paused_at  # paused means paused
    tab.speed.setCurrentIndex(1)  # 5 epochs a frame
    tab.step_button.click()
    qtbot.waitUntil(lambda: panel.frame.epoch == paused_at + 5, timeout=10000)
    history = panel.frame.history
    assert len(history) == paused_at + 6
    x, y = panel.test_curve.getData()
    assert len(x) == len(history) and np.allclose(y, history[:, 2])
    assert tab.epoch_label.text() == f"Epoch {paused_at + 5}"
    assert "test accuracy" in panel.stats.text()
    tab.reset_button.click()
    qtbot.waitUntil(lambda: panel.frame is not None and panel.frame.epoch == 0, timeout=10000)


def test_the_network_is_shaped_with_its_buttons_and_controls(window, qtbot):
    tab = playground(window, qtbot)
    panel = tab.panels[0]
    assert panel.network.hidden_layers == [4, 2]
    panel.add_layer.click()
    assert panel.network.hidden_layers == [4, 2, 2]
    more, fewer = panel.diagram._buttons[0]
    more.click()
    assert panel.network.hidden_layers == [5, 2, 2]
    for _ in range(5):
        panel.diagram._buttons[2][1].click()
    assert panel.network.hidden_layers == [5, 2, 1]  # never fewer than one neuron
    assert not panel.diagram._buttons[2][1].isEnabled()
    panel.remove_layer.click()
    panel.features["x1_x2"].setChecked(True)
    panel.activation.setCurrentIndex(0)  # ReLU
    panel.regularization.setCurrentIndex(2)  # L2
    panel.regularization_rate.setCurrentIndex(panel.regularization_rate.findData(0.01))
    network = panel.network
    assert network.hidden_layers == [5, 2] and network.features == ["x1", "x2", "x1_x2"]
    assert network.activation == "relu" and network.regularization == "l2"
    assert network.regularization_rate == 0.01
    for name in ("x1", "x2", "x1_x2"):
        panel.features[name].setChecked(False)
    assert panel.network.features == ["x1_x2"] and panel.features["x1_x2"].isChecked()  # one stays
    qtbot.waitUntil(lambda: panel.frame is not None and len(panel.frame.inputs) == 1, timeout=10000)
    assert [len(w) for w in panel.frame.weights] == [5, 2, 1]
    assert len(panel.diagram._images) == 4  # inputs, two hidden layers, the output


def test_the_data_controls_make_new_points_and_clicks_add_them(window, qtbot):
    tab = playground(window, qtbot)
    panel = tab.panels[0]
    tab.dataset.setCurrentIndex(DATASETS.index("xor"))
    assert tab.data_config.dataset == "xor"
    tab.test_ratio.setValue(20)
    assert tab.data_config.test_ratio == 0.2 and len(tab.data.test) == 80
    qtbot.waitUntil(lambda: len(panel.playground.data.test) == 80, timeout=10000)
    before = len(tab.data.train)
    plot = panel.plane
    plot.resize(400, 400)
    view = plot.getPlotItem().vb
    scene_point = view.mapViewToScene(QPointF(2.0, -3.0))
    widget_point = plot.mapFromScene(scene_point)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    qtbot.waitUntil(lambda: len(tab.data.train) == before + 1, timeout=5000)
    assert np.allclose(tab.data.train.xy[-1], [2.0, -3.0], atol=0.2)  # where the click was, to a pixel
    assert tab.data.train.label[-1] == 0  # the class chosen under "Click adds"
    tab.click_class.setCurrentIndex(1)
    tab.add_point(-1.0, 1.0, other=True)  # Shift: the other class
    assert tab.data.train.label[-1] == 0
    qtbot.waitUntil(lambda: len(panel.playground.data.train) == before + 2, timeout=10000)


def test_compare_trains_a_second_network_on_the_same_points(window, qtbot):
    tab = playground(window, qtbot)
    tab.apply_preset("overfitting")
    assert tab.data_config.count == 100 and tab.panels[0].network.hidden_layers == [8] * 6
    tab.compare.setChecked(True)
    second = tab.panels[1]
    assert second.isVisible() and second.network == tab.panels[0].network
    second.regularization.setCurrentIndex(2)
    second.regularization_rate.setCurrentIndex(second.regularization_rate.findData(0.03))
    tab.play()
    qtbot.waitUntil(lambda: all(p.frame is not None and p.frame.epoch >= 3 for p in tab.panels), timeout=15000)
    tab.pause()
    assert second.data is tab.panels[0].data is tab.data
    assert second.network.regularization == "l2" and tab.panels[0].network.regularization == "none"
    tab.compare.setChecked(False)
    assert not second.isVisible() and not second.playing


def test_leaving_the_tab_pauses_it(window, qtbot):
    tab = playground(window, qtbot)
    tab.play()
    window.tabs.setCurrentWidget(window.dataset_tab)
    assert not tab.play_button.isChecked() and not tab.panels[0].playing


def test_the_picture_and_the_frames_save_as_png(window, qtbot, tmp_path, monkeypatch):
    tab = playground(window, qtbot)
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(tmp_path / "picture.png"))
    tab.save_button.click()
    picture = QImage(str(tmp_path / "picture.png"))
    assert not picture.isNull() and picture.width() > 300
    monkeypatch.setattr(file_dialogs, "open_folder", lambda *a, **k: str(tmp_path))
    (tmp_path / "frame_00001.png").write_bytes(b"mine")  # never written over
    tab.record_button.click()
    assert tab.recording is not None and tab.recording.parent == tmp_path
    tab.play()
    qtbot.waitUntil(lambda: tab.recorded >= 3, timeout=10000)
    tab.pause()
    tab.record_button.click()
    assert tab.recording is None and tab.record_button.text() == "Record frames…"
    frames = sorted(p.name for p in next(tmp_path.glob("playground-*")).iterdir())
    assert frames[:3] == ["frame_00001.png", "frame_00002.png", "frame_00003.png"]
    assert not QImage(str(next(tmp_path.glob("playground-*")) / "frame_00001.png")).isNull()
    assert (tmp_path / "frame_00001.png").read_bytes() == b"mine"


def test_a_frame_folder_that_cannot_be_made_is_reported(window, qtbot, tmp_path, monkeypatch):
    tab = playground(window, qtbot)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "open_folder", lambda *a, **k: str(blocker))
    errors = []
    tab.errorOccurred.connect(errors.append)
    tab.record_button.click()
    assert tab.recording is None and not tab.record_button.isChecked()
    assert errors and "Choose a folder you may write to" in errors[0]
