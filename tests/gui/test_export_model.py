"""File > Export model…: the dialog exports the chosen run on a worker, shows what was
checked, refuses a folder with other files without touching it, and says what to do when
the project has no run."""

from __future__ import annotations

import json

import pytest

from studio.gui import i18n
from tests.core.test_export import random_run

pytest.importorskip("onnxruntime", reason="onnxruntime is installed with the studio (pyproject)")


def test_export_model_writes_the_chosen_run(qtbot, window, tmp_path):
    window.model.add_run(random_run("textcnn"))
    window.model.add_run(random_run("esim"))
    dialog = window.show_export_model()
    assert dialog.run_combo.count() == 2 and dialog.run_combo.currentData() in ("run-esim", "run-textcnn")
    dialog.run_combo.setCurrentIndex(dialog.run_combo.findData("run-textcnn"))
    assert dialog.folder_edit.text().endswith("run-textcnn-onnx")
    dialog.folder_edit.setText(str(tmp_path / "bundle"))
    with qtbot.waitSignal(dialog.exported, timeout=120000) as blocker:
        dialog.export_button.click()
    result = blocker.args[0]
    assert result.folder == tmp_path / "bundle" and result.max_difference < 1e-4
    info = json.loads((tmp_path / "bundle" / "bundle.json").read_text(encoding="utf-8"))
    assert info["model"] == "textcnn"
    text = dialog.status.text()
    assert f"Exported to {tmp_path / 'bundle'}" in text and "batch sizes 1 / 7 and lengths 1 / 5 / 16" in text
    assert dialog.export_button.isEnabled() and dialog.open_button.isEnabled()
    i18n.apply_language("zh_CN")  # the result is worded again in the new language
    qtbot.waitUntil(lambda: dialog.status.text().startswith("已导出到"))
    assert str(tmp_path / "bundle") in dialog.status.text() and dialog.export_button.text() == "导出"
    i18n.apply_language("en_US")
    dialog.close()


def test_a_folder_with_other_files_is_refused_in_words(qtbot, window, tmp_path):
    window.model.add_run(random_run("textcnn"))
    (tmp_path / "notes.txt").write_text("keep", encoding="utf-8")
    dialog = window.show_export_model()
    dialog.folder_edit.setText(str(tmp_path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert "holds other files" in dialog.status.text() and dialog.result is None
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    dialog.close()


def test_without_a_run_the_menu_says_to_train_first(window):
    assert window.show_export_model() is None
    assert "Train a model first" in window.last_error


def test_export_run_for_a_cluster_writes_a_bundle_with_its_launch_script(qtbot, window, tmp_path):
    data = tmp_path / "data.tsv"
    data.write_text("好看的电影\t1\n难看的电影\t0\n", encoding="utf-8")
    run = random_run("textcnn")
    run.config["dataset"]["train"] = str(data)
    window.model.add_run(run)
    dialog = window.show_export_model("cluster")
    assert dialog.windowTitle() == "Export run for a cluster" and dialog.processes_spin.isVisibleTo(dialog)
    assert dialog.folder_edit.text().endswith("run-textcnn-cluster.studio")
    dialog.processes_spin.setValue(4)
    dialog.folder_edit.setText(str(tmp_path / "bundle"))
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        dialog.export_button.click()
    folder = tmp_path / "bundle.studio"
    assert "NPROC_PER_NODE:-4" in (folder / "launch.sh").read_text(encoding="utf-8")
    assert (folder / "data" / "data.tsv").read_text(encoding="utf-8") == data.read_text(encoding="utf-8")
    assert "NPROC_PER_NODE=4 ./launch.sh" in dialog.status.text()
    dialog.format_combo.setCurrentIndex(0)  # back to ONNX: its own title and no process count
    assert dialog.windowTitle() == "Export model" and not dialog.processes_spin.isVisibleTo(dialog)
    dialog.close()
