"""The live per-step plots show the whole planned run at round ranges, and leave a view the
user has panned or zoomed alone until the auto-range button hands it back."""

from __future__ import annotations

import pytest

from studio.core.training.events import BatchEnd, RunFinished, RunStarted
from studio.core.training.history import MetricHistory
from studio.gui.widgets.live_plots import LivePlots


def history(steps: int, planned: int = 200, first_loss: float = 2.3) -> MetricHistory:
    h = MetricHistory()
    h.add(RunStarted(model_type="textcnn", device="cpu", num_train=planned * 10, num_validation=10, epochs=2,
                     steps_per_epoch=planned // 2, num_parameters=1))
    for step in range(1, steps + 1):
        h.add(BatchEnd(epoch=1, step=step, loss=first_loss / step ** 0.5, lr=1e-3, samples_per_s=100.0))
    return h


def shown(plot) -> tuple[list[float], list[float]]:
    return [list(map(float, r)) for r in plot.getViewBox().viewRange()]


@pytest.fixture
def plots(qtbot):
    widget = LivePlots()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    return widget


def test_the_per_step_plots_show_the_planned_run_at_round_ranges(plots):
    h = history(5)
    plots.draw(h)
    assert shown(plots.loss_plot) == [[0.0, 200.0], [0.0, 3.0]]  # 2.3 * 1.05 rounds up to 3
    assert shown(plots.lr_plot) == [[0.0, 200.0], [0.0, pytest.approx(1.5e-3)]]
    for step in range(6, 60):  # more steps, lower losses: the ranges stay, so the axes are not redrawn
        h.add(BatchEnd(epoch=1, step=step, loss=1.0, lr=1e-3, samples_per_s=100.0))
        plots.draw(h)
    assert shown(plots.loss_plot) == [[0.0, 200.0], [0.0, 3.0]]


def test_a_view_the_user_moved_stays_until_auto_range(plots):
    h = history(5)
    plots.draw(h)
    view = plots.loss_plot.getViewBox()
    view.setRange(xRange=(10, 20), yRange=(1, 2), padding=0)
    view.sigRangeChangedManually.emit([True, True])  # as a mouse drag or wheel does
    h.add(BatchEnd(epoch=1, step=6, loss=4.0, lr=1e-3, samples_per_s=100.0))
    plots.draw(h)
    assert shown(plots.loss_plot) == [[10.0, 20.0], [1.0, 2.0]]

    view.enableAutoRange()  # the "A" button
    plots.draw(h)
    assert shown(plots.loss_plot) == [[0.0, 200.0], [0.0, 5.0]]  # 4.0 * 1.05 rounds up to 5
    assert not any(view.autoRangeEnabled())


def test_a_new_run_is_followed_again(plots):
    first = history(5)
    plots.draw(first)
    view = plots.lr_plot.getViewBox()
    view.setRange(xRange=(1, 2), padding=0)
    view.sigRangeChangedManually.emit([True, False])
    plots.draw(first)
    assert shown(plots.lr_plot)[0] == [1.0, 2.0]
    plots.draw(history(3, planned=40))
    assert shown(plots.lr_plot)[0] == [0.0, 40.0]


def test_a_diverged_loss_does_not_break_the_range(plots):
    h = history(5)
    for step, loss in ((6, float("inf")), (7, float("nan"))):
        h.add(BatchEnd(epoch=1, step=step, loss=loss, lr=1e-3, samples_per_s=100.0))
    plots.draw(h)
    assert shown(plots.loss_plot) == [[0.0, 200.0], [0.0, 3.0]]


def test_a_run_that_stopped_early_fills_the_plot(plots):
    h = history(40)  # 200 steps planned
    h.add(RunFinished(status="completed", best_epoch=1))
    plots.draw(h)
    assert shown(plots.loss_plot)[0] == [0.0, 40.0]
