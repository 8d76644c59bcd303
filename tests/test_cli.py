"""The headless command line: train, predict, evaluate, and --help for each."""

from __future__ import annotations

import json

import pytest

from studio.cli import build_parser, main
from tests.conftest import write_slice


@pytest.mark.parametrize("command", ["train", "evaluate", "predict", "explain"])
def test_help_documents_every_option(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    sub = build_parser()._subparsers._group_actions[0].choices[command]
    for action in sub._actions:
        if action.option_strings and action.dest != "help":
            assert action.help, f"{command} {action.option_strings} has no help"
            assert action.option_strings[-1] in text


def test_train_predict_evaluate(tmp_path, thucnews_dev, thucnews_classes, capsys):
    data = write_slice(thucnews_dev, tmp_path / "news.txt", 2000)
    (tmp_path / "class.txt").write_bytes(thucnews_classes.read_bytes())
    code = main(["train", str(data), "--epochs", "1", "--set", "embedding_dim=32",
                 "--set", "num_filters=32", "--out", str(tmp_path / "news")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "class names" in out and "test accuracy" in out
    assert "Reading data…" in out and "Training…" in out  # the stages, in English
    project = tmp_path / "news.studio"
    assert (project / "project.json").is_file()

    assert main(["predict", str(project), "--json", "詹姆斯砍下40分湖人险胜凯尔特人"]) == 0
    line = json.loads(capsys.readouterr().out.strip())
    assert line["label"] in line["probabilities"] and len(line["probabilities"]) == 10

    assert main(["evaluate", str(project), str(data), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["num_examples"] == 2000 and 0.0 <= report["accuracy"] <= 1.0


def test_errors_are_plain_messages(tmp_path, capsys):
    assert main(["predict", str(tmp_path / "missing.studio"), "text"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "missing.studio" in err and "Traceback" not in err
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    assert main(["train", str(bad)]) == 2
    assert "bad.csv" in capsys.readouterr().err
    assert main(["train", "--list-models"]) == 0
    listed = set(capsys.readouterr().out.split())
    assert {"textcnn", "textrnn", "fasttext"} <= listed
    assert not {"esim", "siamese"} & listed  # pair-only models: not for a one-text project


def test_a_headerless_file_names_its_columns_in_english(tmp_path, capsys):
    data = tmp_path / "nohdr.tsv"
    data.write_text("体育新闻一则\t体育\n财经新闻一则\t财经\n" * 3, encoding="utf-8")
    assert main(["train", str(data), "--text-column", "foo", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no column 'foo'" in err and "column 1, column 2" in err and "Message(" not in err


def test_pair_only_models_are_not_offered_for_single_texts(tmp_path, capsys):
    data = tmp_path / "news.tsv"
    data.write_text("体育新闻一则\t体育\n财经新闻一则\t财经\n" * 3, encoding="utf-8")
    assert main(["train", str(data), "--model", "esim", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "esim does not serve" in err and "text classification" in err and "textcnn" in err
    assert not (tmp_path / "out.studio").exists()
