"""Labelling a whole file: ``studio predict P --file IN --out OUT`` and the core behind it
(:mod:`studio.core.inference.batch`), on runs trained headless on THUCNews and LCQMC slices."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from studio.cli import main
from studio.core.data.reader import read_table
from studio.core.errors import Cancelled
from studio.core.inference.batch import batch_input, iter_predictions, predict_all
from studio.core.inference.predictor import Predictor
from studio.core.project import Project
from studio.core.report import Reporter
from tests.conftest import shared_file, write_slice


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> dict[str, Path]:
    """A tiny TextCNN project on 1,000 THUCNews dev rows (ids named by class.txt), and a
    300-row labelled slice to label."""
    base = tmp_path_factory.mktemp("batch-news")
    data = write_slice(shared_file("thucnews", "dev.txt"), base / "news.txt", 1000)
    (base / "class.txt").write_bytes(shared_file("thucnews", "class.txt").read_bytes())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STUDIO_CACHE_DIR", str(base / "cache"))
        patch.setenv("STUDIO_DATA_DIR", str(base / "data"))
        assert main(["train", str(data), "--epochs", "1", "--set", "embedding_dim=16", "--set", "num_filters=16",
                     "--max-len", "64", "--device", "cpu", "--out", str(base / "news")]) == 0
    return {"project": base / "news.studio", "data": write_slice(data, base / "label-me.txt", 300)}


@pytest.fixture(scope="module")
def pairs(tmp_path_factory) -> dict[str, Path]:
    """A tiny ESIM project on 400 LCQMC pairs, and 90 LCQMC dev pairs to label."""
    base = tmp_path_factory.mktemp("batch-pairs")
    data = write_slice(shared_file("lcqmc", "train.txt"), base / "lcqmc.txt", 400)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STUDIO_CACHE_DIR", str(base / "cache"))
        patch.setenv("STUDIO_DATA_DIR", str(base / "data"))
        assert main(["train", str(data), "--model", "esim", "--set", "embedding_dim=16", "--set", "hidden_size=16",
                     "--epochs", "1", "--max-len", "24", "--device", "cpu", "--out", str(base / "pairs")]) == 0
    dev = write_slice(shared_file("lcqmc", "dev.txt"), base / "dev.txt", 90)
    return {"project": base / "pairs.studio", "data": dev}


def predict(*argv: str) -> int:
    return main(["predict", *argv, "--allow-outside-files"])


def latest_predictor(project: Path) -> Predictor:
    return Predictor(Project.open(project, trust_outside=True).runs[-1])


def test_a_labelled_file_becomes_a_csv_with_every_probability(news, tmp_path, capsys):
    out = tmp_path / "labelled.csv"
    assert predict(str(news["project"]), "--file", str(news["data"]), "--out", str(out)) == 0
    said = capsys.readouterr().out
    assert f"wrote 300 predictions to {out}" in said and "accuracy" in said
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so that spreadsheet programs read the Chinese"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    header, body = rows[0], rows[1:]
    predictor = latest_predictor(news["project"])
    names = predictor.label_names
    assert header == ["line", "text", "label", "confidence", *[f"p({n})" for n in names], "true_label", "correct"]
    assert len(body) == 300
    table = read_table(news["data"])
    assert [r[1] for r in body] == [t.strip() for t in table.columns[0]]  # the file's order
    assert {r[-2] for r in body} <= set(names), "class ids became the class names"
    expected = predictor.predict([body[0][1], body[1][1]])
    for row, prediction in zip(body[:2], expected, strict=True):
        assert row[2] == prediction.label
        probabilities = np.array([float(v) for v in row[4:4 + len(names)]])
        np.testing.assert_allclose(probabilities, [prediction.probabilities[n] for n in names], atol=1e-5)
    accuracy = np.mean([r[-1] == "True" for r in body])
    assert f"accuracy {accuracy:.4f}" in said


def test_pairs_become_jsonl_and_tsv(pairs, tmp_path, capsys):
    jsonl, tsv = tmp_path / "pairs.jsonl", tmp_path / "pairs.tsv"
    assert predict(str(pairs["project"]), "--file", str(pairs["data"]), "--out", str(jsonl)) == 0
    assert predict(str(pairs["project"]), "--file", str(pairs["data"]), "--out", str(tsv)) == 0
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 90
    first = records[0]
    assert set(first) == {"line", "text", "text_b", "label", "confidence", "probabilities", "true_label", "correct"}
    assert first["line"] == 1 and first["true_label"] in ("0", "1")
    assert abs(sum(first["probabilities"].values()) - 1.0) < 1e-4
    threshold = latest_predictor(pairs["project"]).threshold
    for record in records:  # decided at the run's threshold, as `studio predict` decides a pair
        match = record["probabilities"]["1"] >= threshold
        assert record["label"] == ("1" if match else "0")
        assert record["confidence"] == record["probabilities"][record["label"]]
    rows = list(csv.reader(tsv.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    assert rows[0][:3] == ["line", "text", "text_b"] and len(rows) == 91
    assert [r[1] for r in rows[1:]] == [r["text"] for r in records]


def test_an_unlabelled_text_file_has_no_truth_columns(news, tmp_path, capsys):
    plain = tmp_path / "texts.txt"
    plain.write_text("詹姆斯砍下40分湖人险胜凯尔特人\n央行宣布下调存款准备金率0.5个百分点\n\n", encoding="utf-8")
    out = tmp_path / "texts.csv"
    assert predict(str(news["project"]), "--file", str(plain), "--out", str(out)) == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "true_label" not in header and "accuracy" not in capsys.readouterr().out


def test_mistakes_are_plain_messages_and_write_nothing(news, pairs, tmp_path, capsys):
    wrong = tmp_path / "labels.xlsx"
    assert predict(str(news["project"]), "--file", str(news["data"]), "--out", str(wrong)) == 2
    err = capsys.readouterr().err
    assert "labels.xlsx" in err and ".csv, .tsv, .jsonl" in err and not wrong.exists()
    assert predict(str(news["project"]), "--out", str(tmp_path / "x.csv")) == 2
    assert "--file" in capsys.readouterr().err
    single = tmp_path / "single.txt"
    single.write_text("怎么查驾驶证还有多少分\n", encoding="utf-8")
    assert predict(str(pairs["project"]), "--file", str(single), "--out", str(tmp_path / "y.csv")) == 2
    assert "single.txt" in capsys.readouterr().err and not (tmp_path / "y.csv").exists()


def test_chunks_come_in_order_with_progress_and_stop(news):
    predictor = latest_predictor(news["project"])
    rows = batch_input(read_table(news["data"]), False, predictor.label_names, class_ids=True)
    fractions = []
    report = Reporter(on_progress=fractions.append)
    parts = list(iter_predictions(predictor, rows, report, chunk_rows=128))
    assert [p.start for p in parts] == [0, 128, 256] and fractions[-1] == 1.0 and fractions == sorted(fractions)
    whole = predict_all(predictor, rows)
    np.testing.assert_allclose(np.concatenate([p.probabilities for p in parts]), whole.probabilities, atol=1e-6)
    stopping = Reporter()
    chunks = iter_predictions(predictor, rows, stopping, chunk_rows=100)
    next(chunks)
    stopping.stop()
    with pytest.raises(Cancelled):
        next(chunks)
