"""Playground tab: watch a small network bend its decision boundary around two classes of
points on the plane, as TensorFlow Playground shows it (Smilkov, Carter et al., 2016).

The points (data set, noise, test share, seed, and points the user clicks in) are shared;
each network panel (one, or two side by side to compare settings) trains on them with its
own job. Play / Pause / Step / Reset drive both; presets set up a lecture's example (the
overfitting one among them); the picture saves as PNG, and recording saves every frame.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.playground import DATASETS, DataConfig, PlaygroundData, make_data
from studio.core.playground.presets import PRESETS
from studio.gui import file_dialogs
from studio.gui.i18n import Retranslating
from studio.gui.widgets.playground_panel import PlaygroundPanel
from studio.gui.workers import WorkerPool

EPOCHS_PER_FRAME = (1, 5, 20)
PNG_FAST = 90  # QImage.save quality for PNG: little compression, so recording keeps up with the frames


class PlaygroundTab(Retranslating, QWidget):
    errorOccurred = Signal(str)
    frameSaved = Signal(str)  # a recorded frame's path

    def __init__(self, pool: WorkerPool, parent=None):
        super().__init__(parent)
        self.pool = pool
        self.data_config = DataConfig()
        self.data: PlaygroundData | None = None  # made when the tab is first shown (scikit-learn splits it)
        self.recording: Path | None = None
        self.recorded = 0

        self.reset_button, self.play_button, self.step_button = QPushButton(), QPushButton(), QPushButton()
        self.play_button.setCheckable(True)
        self.epoch_label = QLabel()
        font = self.epoch_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.epoch_label.setFont(font)
        self.epoch_label.setMinimumWidth(QFontMetrics(font).horizontalAdvance("Epoch 000,000,000"))
        self.speed, self.preset = QComboBox(), QComboBox()
        self.speed.addItems([""] * len(EPOCHS_PER_FRAME))
        self.preset.addItems([""] * (len(PRESETS) + 1))
        for combo, length in ((self.speed, 12), (self.preset, 16)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
        self.compare = QCheckBox()
        self.save_button, self.record_button = QPushButton(), QPushButton()
        self.record_button.setCheckable(True)
        self.record_label = QLabel()
        self.record_label.setWordWrap(True)

        self.dataset = QComboBox()
        self.dataset.addItems([""] * len(DATASETS))
        self.count = QSpinBox()
        self.count.setRange(20, 4000)
        self.count.setSingleStep(50)
        self.noise, self.test_ratio = QSlider(Qt.Orientation.Horizontal), QSlider(Qt.Orientation.Horizontal)
        self.noise.setRange(0, 50)
        self.test_ratio.setRange(10, 90)
        self.noise_value, self.test_value = QLabel(), QLabel()
        self.seed = QSpinBox()
        self.seed.setRange(0, 99999)
        self.new_points = QPushButton()
        self.click_class = QComboBox()
        self.click_class.addItems(["", ""])
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.data_box = QGroupBox()
        self.data_form = QFormLayout()
        self.data_labels = [QLabel() for _ in range(6)]

        self.panels = [PlaygroundPanel(pool, "A"), PlaygroundPanel(pool, "B")]
        self.panels[1].hide()
        self.canvas = QWidget()  # what pictures and recordings show: the panels
        self._layout()
        self._show_data_config()

        self.reset_button.clicked.connect(self.reset)
        self.play_button.toggled.connect(self._play_toggled)
        self.step_button.clicked.connect(self.step)
        self.speed.currentIndexChanged.connect(self._speed_changed)
        self.preset.activated.connect(self._preset_chosen)
        self.compare.toggled.connect(self.set_comparing)
        self.save_button.clicked.connect(self.save_picture_dialog)
        self.record_button.toggled.connect(self._record_toggled)
        self.dataset.currentIndexChanged.connect(self._data_edited)
        self.count.editingFinished.connect(self._data_edited)
        self.seed.valueChanged.connect(self._data_edited)
        for slider in (self.noise, self.test_ratio):
            slider.valueChanged.connect(self._show_slider_values)
            slider.sliderReleased.connect(self._data_edited)
            slider.valueChanged.connect(lambda _=0, s=slider: s.isSliderDown() or self._data_edited())
        self.new_points.clicked.connect(lambda: self.seed.setValue(self.seed.value() + 1))
        for panel in self.panels:
            panel.pointClicked.connect(self.add_point)
            panel.frameShown.connect(self._frame_shown)
            panel.failed.connect(self._failed)
        self.retranslate()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.reset_button, self.play_button, self.step_button, self.epoch_label):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.speed)
        bar.addStretch(1)

        noise, ratio = QHBoxLayout(), QHBoxLayout()
        noise.addWidget(self.noise, 1)
        noise.addWidget(self.noise_value)
        ratio.addWidget(self.test_ratio, 1)
        ratio.addWidget(self.test_value)
        for label, field in zip(self.data_labels, (self.dataset, self.count, noise, ratio, self.seed,
                                                   self.click_class), strict=True):
            self.data_form.addRow(label, field)
        data_layout = QVBoxLayout(self.data_box)
        data_layout.addLayout(self.data_form)
        data_layout.addWidget(self.new_points)
        data_layout.addWidget(self.hint)
        data_layout.addStretch(1)

        panels = QHBoxLayout(self.canvas)
        panels.setContentsMargins(0, 0, 0, 0)
        for panel in self.panels:
            panels.addWidget(panel, 1)
        side = QVBoxLayout()
        side.addWidget(self.preset)
        side.addWidget(self.data_box, 1)
        for widget in (self.compare, self.save_button, self.record_button, self.record_label):
            side.addWidget(widget)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(260)
        side.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(side_widget)
        body_layout.addWidget(self.canvas, 1)
        scroll = QScrollArea()  # a small screen scrolls the playground rather than growing the window
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def retranslate(self) -> None:
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Start the networks over from new random weights"))
        self.play_button.setText(self.tr("Pause") if self.play_button.isChecked() else self.tr("Play"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Train one frame's epochs, then stop"))
        for index, epochs in enumerate(EPOCHS_PER_FRAME):
            self.speed.setItemText(index, self.tr("1 epoch a frame") if epochs == 1
                                   else self.tr("{count} epochs a frame").format(count=epochs))
        names = {"basic": self.tr("Circle, two hidden layers"), "xor_product": self.tr("XOR from the x₁x₂ feature"),
                 "spiral": self.tr("Spiral, every feature, deep"),
                 "overfitting": self.tr("Overfitting: small data, big network")}
        self.preset.setItemText(0, self.tr("Presets…"))
        for index, key in enumerate(PRESETS, start=1):
            self.preset.setItemText(index, names[key])
        tips = {self.speed: self.tr("Epochs trained between two pictures"),
                self.preset: self.tr("Set up data and network for a lesson"),
                self.dataset: self.tr("The shape the two classes of points make"),
                self.count: self.tr("Points in all, training and test"),
                self.noise: self.tr("How far points stray from their shape: more makes the classes overlap"),
                self.test_ratio: self.tr("Share of the points kept out of training to test the networks"),
                self.seed: self.tr("Draws the points: the same seed gives the same points"),
                self.click_class: self.tr("The class a click on the plane adds")}
        for widget, tip in tips.items():
            widget.setToolTip(tip)
        self.compare.setText(self.tr("Compare two networks"))
        self.compare.setToolTip(self.tr("Train a second network on the same points, side by side"))
        self.save_button.setText(self.tr("Save picture…"))
        self.record_button.setText(self.tr("Stop recording") if self.record_button.isChecked()
                                   else self.tr("Record frames…"))
        self.record_button.setToolTip(self.tr("Save every frame as a numbered PNG in a folder you choose"))
        self.data_box.setTitle(self.tr("Data"))
        dataset_names = {"circle": self.tr("Circle"), "xor": self.tr("XOR"), "gauss": self.tr("Two Gaussians"),
                         "spiral": self.tr("Spiral"), "moons": self.tr("Moons")}
        for index, key in enumerate(DATASETS):
            self.dataset.setItemText(index, dataset_names[key])
        labels = (self.tr("Data set"), self.tr("Points"), self.tr("Noise"), self.tr("Test share"), self.tr("Seed"),
                  self.tr("Click adds"))
        for label, text in zip(self.data_labels, labels, strict=True):
            label.setText(text)
        self.new_points.setText(self.tr("New points"))
        self.click_class.setItemText(0, self.tr("Class 0 (orange)"))
        self.click_class.setItemText(1, self.tr("Class 1 (blue)"))
        self.hint.setText(self.tr("Click on a plane to add a training point; Shift+click adds the other class. "
                                  "Filled points train the networks, ringed points test them."))
        self._show_slider_values()
        self._show_epoch()
        self._show_recording()

    # ----- the points ------------------------------------------------------------------
    def _show_data_config(self) -> None:
        config = self.data_config
        blockers = [QSignalBlocker(w) for w in (self.dataset, self.count, self.noise, self.test_ratio, self.seed)]
        self.dataset.setCurrentIndex(DATASETS.index(config.dataset))
        self.count.setValue(config.count)
        self.noise.setValue(round(config.noise * 100))
        self.test_ratio.setValue(round(config.test_ratio * 100))
        self.seed.setValue(config.seed)
        for blocker in blockers:
            blocker.unblock()
        self._show_slider_values()

    def _show_slider_values(self) -> None:
        self.noise_value.setText(f"{self.noise.value()}%")
        self.test_value.setText(f"{self.test_ratio.value()}%")

    def _data_edited(self) -> None:
        config = DataConfig(dataset=DATASETS[self.dataset.currentIndex()], count=self.count.value(),
                            noise=self.noise.value() / 100, test_ratio=self.test_ratio.value() / 100,
                            seed=self.seed.value())
        if config != self.data_config:
            self.set_data(config)

    def set_data(self, config: DataConfig) -> None:
        """New points from ``config``; the networks start over on them."""
        self.data_config, self.data = config, make_data(config)
        self._show_data_config()
        for panel in self.active_panels():
            panel.use_data(self.data)

    def add_point(self, x1: float, x2: float, other: bool) -> None:
        if self.data is None:
            return
        label = self.click_class.currentIndex() ^ int(other)
        self.data = PlaygroundData(self.data.train.plus((x1, x2), label), self.data.test)
        for panel in self.active_panels():
            panel.add_point((x1, x2), label, self.data)

    # ----- the networks -----------------------------------------------------------------
    def active_panels(self) -> list[PlaygroundPanel]:
        return self.panels if self.compare.isChecked() else self.panels[:1]

    def set_comparing(self, comparing: bool) -> None:
        """Show a second network beside the first (starting from the first's settings)."""
        if self.compare.isChecked() != comparing:
            self.compare.setChecked(comparing)  # comes back here through toggled
            return
        second = self.panels[1]
        if comparing:
            second.set_network(self.panels[0].network)
            second.use_data(self.data)
            if self.play_button.isChecked():
                second.play(self.epochs_per_frame())
        else:
            second.pause()
        second.setVisible(comparing)

    def epochs_per_frame(self) -> int:
        return EPOCHS_PER_FRAME[self.speed.currentIndex()]

    def play(self) -> None:
        self.play_button.setChecked(True)

    def pause(self) -> None:
        self.play_button.setChecked(False)

    def _play_toggled(self, playing: bool) -> None:
        for panel in self.active_panels():
            panel.play(self.epochs_per_frame()) if playing else panel.pause()
        self.retranslate()

    def step(self) -> None:
        self.pause()
        for panel in self.active_panels():
            panel.step(self.epochs_per_frame())

    def reset(self) -> None:
        for panel in self.active_panels():
            panel.reset()

    def _speed_changed(self) -> None:
        if self.play_button.isChecked():
            for panel in self.active_panels():
                panel.play(self.epochs_per_frame())

    def apply_preset(self, key: str) -> None:
        preset = PRESETS[key]
        for panel in self.active_panels():
            panel.set_network(preset.network)
        self.set_data(preset.data)

    def _preset_chosen(self, index: int) -> None:
        if index > 0:
            self.apply_preset(list(PRESETS)[index - 1])
        self.preset.setCurrentIndex(0)

    def _frame_shown(self, frame) -> None:
        self._show_epoch()
        if self.recording is not None and self.sender() is self.panels[0]:
            self.recorded += 1
            path = self.recording / f"frame_{self.recorded:05d}.png"
            if self.picture().save(str(path), "PNG", PNG_FAST):
                self.frameSaved.emit(str(path))
            else:
                self.record_button.setChecked(False)
                self._cannot_write(path)
            self._show_recording()

    def _show_epoch(self) -> None:
        epochs = [panel.frame.epoch for panel in self.active_panels() if panel.frame is not None]
        self.epoch_label.setText(self.tr("Epoch {epoch}").format(epoch=f"{max(epochs, default=0):,}"))

    def _failed(self, message: str) -> None:
        self.pause()
        self.errorOccurred.emit(message)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.data is None:  # not while the window builds its tabs at start-up
            self.set_data(self.data_config)

    def _cannot_write(self, path: str | Path) -> None:
        self._failed(self.tr("Could not write {path}. Choose a folder you may write to.").format(path=path))

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.pause()  # nothing trains out of sight, beside a text model's training
        super().hideEvent(event)

    # ----- pictures ----------------------------------------------------------------------
    def picture(self) -> QImage:
        """The networks as they are drawn now."""
        return self.canvas.grab().toImage()

    def save_picture(self, path: str | Path) -> bool:
        return self.picture().save(str(path), "PNG")

    def save_picture_dialog(self) -> None:
        path = file_dialogs.save_file(self, self.tr("Save the picture"), "playground", "playground.png",
                                      self.tr("PNG images (*.png)"))
        if path and not self.save_picture(path):
            self._cannot_write(path)

    def start_recording(self, folder: str | Path) -> Path:
        """Save every frame from now on in a new folder inside ``folder`` (never over files
        already there); returns it."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = Path(folder) / f"playground-{stamp}"
        number = 1
        while target.exists():
            number += 1
            target = Path(folder) / f"playground-{stamp}-{number}"
        try:
            target.mkdir(parents=True)
        except OSError as exc:
            self._failed(self.tr("Could not create {path}: {error}. Choose a folder you may write to.").format(
                path=target, error=exc.strerror or exc))
            self.stop_recording()
            return target
        self.recording, self.recorded = target, 0
        self._show_record_button()
        return target

    def stop_recording(self) -> None:
        self.recording = None
        self._show_record_button()

    def _show_record_button(self) -> None:
        with QSignalBlocker(self.record_button):
            self.record_button.setChecked(self.recording is not None)
        self.retranslate()

    def _record_toggled(self, on: bool) -> None:
        if not on:
            self.stop_recording()
            return
        folder = file_dialogs.open_folder(self, self.tr("Choose a folder for the frames"), "playground_frames")
        if folder:
            self.start_recording(folder)
        else:
            self.stop_recording()

    def _show_recording(self) -> None:
        self.record_label.setText(self.tr("{count} frames saved to {folder}").format(
            count=f"{self.recorded:,}", folder=self.recording.name) if self.recording is not None else "")
