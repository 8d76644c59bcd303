"""The Search view under Training: a few one-epoch trials from the window, their table and
plots, the project's runs, "Use these settings", and the words in 中文."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.gui.preferences import choose_language
from tests.conftest import write_slice


def _project(window, qtbot, thucnews_dev, tmp_path):
    with qtbot.waitSignal(window.dataLoaded, timeout=30000):
        window.open_data(write_slice(thucnews_dev, tmp_path / "news.txt", 400))
    window.model.update("model", {"type": "textcnn", "embedding_dim": 16, "num_filters": 8})
    window.model.update("training", window.model.settings.training.model_copy(update={"batch_size": 32}))
    view = window.training_tab.search_view
    view.update_buttons()
    assert not view.start_button.isEnabled() and "Save the project first" in view.blocker_label.text()
    window.model.project.save(tmp_path / "news.studio")
    view.update_buttons()
    return view


def _tick(view, keys: set[str]) -> None:
    table = view.space_table
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in keys else Qt.Unchecked)


def test_a_search_runs_its_trials_as_runs_of_the_project(window, qtbot, thucnews_dev, tmp_path):
    view = _project(window, qtbot, thucnews_dev, tmp_path)
    assert view.start_button.isEnabled(), view.blocker_label.text()
    _tick(view, {"training.lr", "model.kernel_sizes"})
    assert [spec.key for spec in view.space()] == ["model.kernel_sizes", "training.lr"]
    view.trials_spin.setValue(3)
    view.epochs_spin.setValue(1)
    ended = []
    view.session.trialEnded.connect(ended.append)
    with qtbot.waitSignal(view.session.finished, timeout=180000) as finished:
        assert view.start()
        assert not view.start_button.isEnabled() and view.stop_button.isEnabled()
        assert not window.training_tab.start_button.isEnabled()  # one job trains at a time
    result = finished.args[0]
    assert result is not None and [r.state for r in result.records] == ["complete"] * 3
    assert [r.number for r in ended] == [0, 1, 2]
    assert {r.id for r in window.model.project.runs} == {r.run_id for r in result.records}
    assert view.trials_table.rowCount() == 3
    assert view.trials_table.item(0, 1).text() == "complete"
    assert len(view.plots.best_points.getData()[0]) == 3
    assert "3 trials finished" in view.status_label.text()
    assert view.start_button.isEnabled() and window.training_tab.start_button.isEnabled()

    best = result.best
    view.trials_table.selectRow(best.number)
    assert view.use_button.isEnabled()
    view.use_button.click()
    settings = window.model.settings
    assert settings.training.lr == best.params["training.lr"]
    assert settings.model.kernel_sizes == [int(k) for k in best.params["model.kernel_sizes"].split(",")]


def test_bad_ranges_are_refused_by_name_and_states_are_worded_in_chinese(window, qtbot, thucnews_dev, tmp_path):
    view = _project(window, qtbot, thucnews_dev, tmp_path)
    _tick(view, {"training.lr"})
    row = next(r for r in range(view.space_table.rowCount())
               if view.space_table.item(r, 0).data(Qt.UserRole) == "training.lr")
    view.space_table.item(row, 1).setText("0.1")
    view.space_table.item(row, 2).setText("0.001")
    assert not view.start()
    assert "training.lr" in view.blocker_label.text()
    _tick(view, set())
    assert not view.start() and "at least one" in view.blocker_label.text()
    choose_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: view.start_button.text() == "开始搜索", timeout=5000)
        assert view.trials_table.horizontalHeaderItem(1).text() == "状态"
        assert view.space_table.item(row, 1).toolTip() == "对数刻度"  # the learning rate's From
    finally:
        choose_language("en")


def test_the_words_drawn_inside_the_plots_follow_the_language(qtbot):
    import pyqtgraph as pg

    from studio.core.search.space import ParamSpec
    from studio.core.search.study import TrialRecord
    from studio.gui.widgets.search_plots import SearchPlots

    plots = SearchPlots()
    qtbot.addWidget(plots)
    space = [ParamSpec(group="training", name="lr", kind="float", low=1e-4, high=1e-2, log=True)]
    records = [TrialRecord(number=n, state="complete", value=v, params={"training.lr": lr}, curve=(v,))
               for n, (v, lr) in enumerate([(0.6, 1e-3), (0.7, 3e-3)])]
    plots.draw(records, space, {})  # two trials: too few for importances, so the chart says when they come

    def words(plot) -> set[str]:
        return {item.textItem.toPlainText() for item in plot.getPlotItem().items if isinstance(item, pg.TextItem)}

    assert words(plots.parallel_plot) == {"lr", "value"}
    assert words(plots.importance_chart) == {"Shown once 4 trials have finished."}
    choose_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: "结果" in words(plots.parallel_plot), timeout=5000)
        assert words(plots.parallel_plot) == {"lr", "结果"}
        assert words(plots.importance_chart) == {"完成 4 次试验后显示。"}
    finally:
        choose_language("en")
    qtbot.waitUntil(lambda: words(plots.parallel_plot) == {"lr", "value"}, timeout=5000)
