"""``studio predict`` and ``studio evaluate`` on sentence-pair projects trained headless on
an LCQMC slice: pairs as arguments (two at a time), from a file, from standard input; the
match probability decided at the run's threshold; the pair metrics of an LCQMC-format file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.core.inference.evaluate import run_threshold
from studio.core.inference.predictor import Predictor
from studio.core.project import Project
from tests.conftest import shared_file, write_slice

PAIR = ("喜欢打篮球的男生喜欢什么样的女生", "爱打篮球的男生喜欢什么样的女生")
SMALL = {"esim": ["--set", "embedding_dim=16", "--set", "hidden_size=16"],
         "textcnn": ["--set", "embedding_dim=16", "--set", "num_filters=16"]}


def cli(argv: list[str]) -> int:
    """``studio ARGV`` agreeing to the training data outside the project folder: the
    module's projects were saved under another user-data folder (another "machine")."""
    return main([*argv, "--allow-outside-files"])


def train_project(data: Path, out: Path, model: str, *options: str) -> Path:
    code = main(["train", str(data), "--model", model, *SMALL[model], *options, "--epochs", "1", "--max-len", "24",
                 "--batch-size", "64", "--device", "cpu", "--out", str(out)])
    assert code == 0
    return out.with_suffix(".studio")


@pytest.fixture(scope="module")
def pair_projects(tmp_path_factory) -> dict[str, Path]:
    """Tiny ESIM and TextCNN (``a <sep> b``) projects on 600 LCQMC pairs, and a 120-pair
    LCQMC-format dev slice (``"dev"``)."""
    train, dev = shared_file("lcqmc", "train.txt"), shared_file("lcqmc", "dev.txt")
    base = tmp_path_factory.mktemp("pairs")
    data = write_slice(train, base / "lcqmc.txt", 600)
    with pytest.MonkeyPatch.context() as patch:  # module scope: keep the cache out of the user's home
        patch.setenv("STUDIO_CACHE_DIR", str(base / "cache"))
        patch.setenv("STUDIO_DATA_DIR", str(base / "data"))
        projects = {model: train_project(data, base / model, model) for model in SMALL}
    projects["dev"] = write_slice(dev, base / "dev.txt", 120)
    return projects


def latest_run(project: Path):
    opened = Project.open(project)
    try:
        return opened.runs[-1]
    finally:
        opened.close()


def test_predict_two_texts_prints_the_match_probability_and_label(pair_projects, capsys):
    capsys.readouterr()
    assert cli(["predict", str(pair_projects["esim"]), *PAIR]) == 0
    out, err = capsys.readouterr()
    verdict, probability, label, a, b = out.strip().split("\t")
    run = latest_run(pair_projects["esim"])
    threshold = run_threshold(run)
    expected = float(Predictor(run).probabilities([PAIR[0]], [PAIR[1]])[0, run.label_names.index("1")])
    assert (a, b) == PAIR
    assert float(probability) == pytest.approx(expected, abs=1e-4)
    assert verdict == ("match" if expected >= threshold else "no match")
    assert label == ("1" if expected >= threshold else "0")
    assert f"{threshold:.4f}" in err and "validation" in err and "'1'" in err

    assert cli(["predict", str(pair_projects["esim"]), "--json", *PAIR]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["text_a"] == PAIR[0] and row["text_b"] == PAIR[1]
    assert row["threshold"] == threshold and row["threshold_chosen"] is True
    assert row["probability"] == pytest.approx(expected, abs=1e-6) == pytest.approx(row["probabilities"]["1"])
    assert row["match"] is (expected >= threshold)


def test_texts_are_read_two_at_a_time_and_an_odd_count_is_refused(pair_projects, capsys):
    project = str(pair_projects["esim"])
    capsys.readouterr()
    assert cli(["predict", project, *PAIR, "今天天气好", "天气不错"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split("\t")[3:] for line in lines] == [list(PAIR), ["今天天气好", "天气不错"]]

    assert cli(["predict", project, *PAIR, "落单的一句"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "two at a time" in err and "3 texts" in err


def test_predict_reads_a_file_of_pairs(pair_projects, tmp_path, capsys, monkeypatch):
    project = str(pair_projects["esim"])
    pairs = tmp_path / "pairs.txt"
    pairs.write_text(f"{PAIR[0]}\t{PAIR[1]}\n你好吗\t你好\n明天会下雨吗\t明天天气怎么样\n", encoding="utf-8")
    capsys.readouterr()
    assert cli(["predict", project, "--file", str(pairs), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["text_a"], r["text_b"]) for r in rows] == [PAIR, ("你好吗", "你好"), ("明天会下雨吗", "明天天气怎么样")]
    assert all(0.0 <= r["probability"] <= 1.0 and r["label"] in ("0", "1") for r in rows)

    # an LCQMC-format file (a, b, label): its two text columns; the label is not needed
    dev = pair_projects["dev"]
    assert cli(["predict", project, "--file", str(dev)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    first = dev.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert len(lines) == 120 and lines[0].split("\t")[3:] == first[:2]

    single = tmp_path / "single.txt"
    single.write_text("只有一列\n另一行\n", encoding="utf-8")
    assert cli(["predict", project, "--file", str(single)]) == 2
    assert "no two text columns" in capsys.readouterr().err

    monkeypatch.setattr("sys.stdin", io.StringIO("你好吗\t你好\n没有制表符\n"))
    assert cli(["predict", project]) == 2
    assert "line 2" in capsys.readouterr().err


def test_a_joined_pair_baseline_predicts_pairs_too(pair_projects, capsys):
    capsys.readouterr()
    assert cli(["predict", str(pair_projects["textcnn"]), "--json", *PAIR]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["text_a"], row["text_b"]) == PAIR and row["label"] in ("0", "1")


def test_evaluate_prints_the_pair_metrics_of_an_lcqmc_file(pair_projects, capsys):
    dev = str(pair_projects["dev"])
    capsys.readouterr()
    assert cli(["evaluate", str(pair_projects["esim"]), dev]) == 0
    out = capsys.readouterr().out
    assert "positive class '1' at threshold" in out and "ROC-AUC" in out and "PR-AUC" in out

    assert cli(["evaluate", str(pair_projects["esim"]), dev, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["num_examples"] == 120
    binary = report["binary"]
    assert binary["threshold"] == run_threshold(latest_run(pair_projects["esim"]))
    assert 0.0 <= binary["roc_auc"] <= 1.0 and 0.0 <= binary["f1"] <= 1.0


def test_evaluate_reads_an_lcqmc_file_with_a_run_trained_on_another_layout(pair_projects, tmp_path, capsys):
    """A run trained on a CSV with a header scores an LCQMC-format file (tab, no header)."""
    rows = [line.split("\t") for line in pair_projects["dev"].read_text(encoding="utf-8").splitlines()]
    csv_file = tmp_path / "questions.csv"
    csv_file.write_text("question1,question2,label\n" + "".join(f"{a},{b},{y}\n" for a, b, y in rows
                                                                 if "," not in a + b), encoding="utf-8")
    project = train_project(csv_file, tmp_path / "csv", "textcnn", "--text-column", "question1",
                            "--text-pair-column", "question2", "--label-column", "label")
    capsys.readouterr()
    assert cli(["evaluate", str(project), str(pair_projects["dev"]), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["num_examples"] == 120
    assert "column 1" in err and "column 2" in err and "column 3" in err


def test_help_says_how_to_give_pairs(capsys):
    with pytest.raises(SystemExit):
        main(["predict", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "two at a time" in text and "text a<TAB>text b" in text and "threshold" in text
