"""``studio export PROJECT --format onnx OUT_DIR``: the bundle of a headless-trained run,
what the command prints, and its worded errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from studio.cli import main
from tests.core.test_export import NO_TORCH
from tests.test_cli_batch import latest_predictor, news  # noqa: F401 - the fixture is shared

pytest.importorskip("onnxruntime", reason="onnxruntime is installed with the studio (pyproject)")


def test_export_writes_a_bundle_that_labels_like_the_studio(news, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "bundle"
    assert main(["export", str(news["project"]), str(out), "--format", "onnx", "--allow-outside-files"]) == 0
    printed = capsys.readouterr().out
    assert f"to {out}" in printed and "checked against PyTorch: batch 1 × length 1" in printed
    assert "model.onnx, vocab.json, labels.json, tokenizer.json, bundle.json, predict.py, README.md" in printed
    text = "中国男篮今晚迎战美国队，姚明到场观战"
    done = subprocess.run([sys.executable, "-c", NO_TORCH, str(out / "predict.py"), text, "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    expected = latest_predictor(news["project"]).predict([text])[0]
    assert got["label"] == expected.label
    assert got["probabilities"] == pytest.approx(expected.probabilities, abs=1e-4)
    assert main(["export", str(news["project"]), str(out), "--json", "--allow-outside-files"]) == 0  # replaced
    report = json.loads(capsys.readouterr().out)
    assert report["length"] is None and len(report["checks"]) == 6
    assert all(check["max_difference"] < report["tolerance"] for check in report["checks"])


@pytest.mark.parametrize("args, words", [
    (["--run", "nope"], "no run 'nope'"),
    (["--format", "tflite"], None),
])
def test_export_errors_are_worded(news, tmp_path, capsys, args, words):  # noqa: F811
    if words is None:
        with pytest.raises(SystemExit):
            main(["export", str(news["project"]), str(tmp_path / "b"), *args])
        assert "invalid choice: 'tflite'" in capsys.readouterr().err
        return
    assert main(["export", str(news["project"]), str(tmp_path / "b"), *args, "--allow-outside-files"]) == 2
    assert words in capsys.readouterr().err


def test_export_refuses_a_folder_with_other_files(news, tmp_path, capsys):  # noqa: F811
    (tmp_path / "mine.txt").write_text("keep", encoding="utf-8")
    assert main(["export", str(news["project"]), str(tmp_path), "--allow-outside-files"]) == 2
    assert "holds other files" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]
