"""The headless word-vector commands: `studio vectors train | import | neighbors`."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout

import pytest

from studio.cli import HEADLESS, build_parser, main
from studio.core.embeddings.vectors import load_vectors
from tests.conftest import shared_file, write_slice

ROWS = 1500
FAST = ["--vector-size", "16", "--epochs", "2", "--workers", "2", "--min-count", "2"]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A THUCNews dev slice and char vectors trained on it once for the module:
    (data file, vectors file, printed output)."""
    folder = tmp_path_factory.mktemp("vectors")
    data = write_slice(shared_file("thucnews", "dev.txt"), folder / "news.txt", ROWS)
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(out), redirect_stderr(err):
        patch.setenv("STUDIO_CACHE_DIR", str(folder / "cache"))
        patch.setenv("STUDIO_DATA_DIR", str(folder / "data"))
        code = main(["vectors", "train", str(data), *FAST])
    assert code == 0, err.getvalue()
    return data, folder / "news.vectors.bin", out.getvalue()


@pytest.mark.parametrize("command", ["train", "import", "neighbors"])
def test_help_documents_every_option(command, capsys):
    assert "vectors" in HEADLESS
    with pytest.raises(SystemExit) as exit_info:
        main(["vectors", command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    vectors = build_parser()._subparsers._group_actions[0].choices["vectors"]
    sub = vectors._subparsers._group_actions[0].choices[command]
    for action in sub._actions:
        if action.option_strings and action.dest != "help":
            assert action.help, f"vectors {command} {action.option_strings} has no help"
            assert action.option_strings[-1] in text


def test_train_writes_binary_vectors(trained):
    data, path, out = trained
    # a label column is found, so word2vec sees the training split: 80 % of the rows
    assert f"{round(ROWS * 0.8):,} texts from the training split" in out
    epochs = re.findall(r"^epoch (\d)/2: loss ([\d,]+)", out, flags=re.M)
    assert [e for e, _ in epochs] == ["1", "2"], out
    vectors = load_vectors(path)
    assert vectors.vector_size == 16 and len(vectors) > 1000
    assert f"saved {path}: {len(vectors):,} words × 16 dimensions" in out


def test_train_without_labels_uses_every_row(tmp_path, thucnews_dev, capsys):
    lines = thucnews_dev.read_text(encoding="utf-8").splitlines()[:300]
    data = tmp_path / "texts.txt"
    data.write_text("\n".join(line.split("\t")[0] for line in lines) + "\n", encoding="utf-8")
    out_file = tmp_path / "cbow.bin"
    code = main(["vectors", "train", str(data), "--algorithm", "cbow", "--vector-size", "24",
                 "--epochs", "1", "--workers", "2", "--out", str(out_file)])
    out = capsys.readouterr().out
    assert code == 0
    assert "word2vec cbow: 300 texts from every row" in out and "epoch 1/1: loss" in out
    assert load_vectors(out_file).vector_size == 24

    assert main(["vectors", "import", str(out_file), "--data", str(data), "--json"]) == 0
    coverage = json.loads(capsys.readouterr().out)["coverage"]
    assert coverage["texts"] == "every row" and coverage["occurrences_total"] > 0
    # min count 5 (the default) leaves characters seen fewer times without vectors
    assert 0 < coverage["vocab_found"] < coverage["vocab_total"]


def test_import_prints_size_and_coverage(trained, capsys):
    data, path, _ = trained
    assert main(["vectors", "import", str(path)]) == 0
    vectors = load_vectors(path)
    assert f"{len(vectors):,} vectors × 16 dimensions" in capsys.readouterr().out

    assert main(["vectors", "import", str(path), "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "coverage (training split):" in out and "vocabulary entries have vectors" in out
    assert re.search(r"vocabulary share \d+\.\d%, token share \d+\.\d%", out)
    # min count 2 left the characters seen once without vectors
    assert "most frequent without a vector:" in out

    assert main(["vectors", "import", str(path), "--data", str(data), "--limit", "100", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["count"] == 100 and report["dimension"] == 16
    coverage = report["coverage"]
    assert 0 < coverage["vocab_found"] <= 100 < coverage["vocab_total"]
    assert coverage["vocab_share"] == pytest.approx(coverage["vocab_found"] / coverage["vocab_total"])
    # the 100 most frequent characters cover far more of the text than of the vocabulary
    assert coverage["occurrence_share"] > coverage["vocab_share"]
    assert len(coverage["missing"]) == 20


def test_neighbors_most_similar_first(trained, capsys):
    _, path, _ = trained
    assert main(["vectors", "neighbors", str(path), "中", "国", "--topn", "5"]) == 0
    out = capsys.readouterr().out
    blocks = out.split("国:\n")
    assert out.startswith("中:\n") and len(blocks) == 2
    for block in blocks:
        cosines = [float(c) for c in re.findall(r"^  \S+\s+(-?\d\.\d{4})$", block, flags=re.M)]
        assert len(cosines) == 5 and cosines == sorted(cosines, reverse=True)

    assert main(["vectors", "neighbors", str(path), "中", "--topn", "3", "--json"]) == 0
    line = json.loads(capsys.readouterr().out)
    cosines = [n["cosine"] for n in line["neighbors"]]
    assert line["word"] == "中" and len(cosines) == 3 and cosines == sorted(cosines, reverse=True)
    assert all(-1.0 <= c <= 1.0 for c in cosines)


def test_errors_are_plain_messages(trained, tmp_path, capsys):
    data, path, _ = trained
    assert main(["vectors", "neighbors", str(path), "中", "zzzqqq"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing printed for the known word either
    assert captured.err.startswith("error: ") and "'zzzqqq' has no vector" in captured.err
    assert "Traceback" not in captured.err

    missing = tmp_path / "missing.vec"
    for argv in (["vectors", "import", str(missing)], ["vectors", "neighbors", str(missing), "中"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "missing.vec" in err and "no such file" in err

    assert main(["vectors", "train", str(tmp_path / "absent.txt")]) == 2
    assert "absent.txt" in capsys.readouterr().err
    assert main(["vectors", "train", str(data), "--vector-size", "1"]) == 2
    assert "--vector-size: Input should be greater than or equal to 2" in capsys.readouterr().err
    assert main(["vectors", "train", str(data), "--out", str(tmp_path / "v.txt")]) == 2
    assert ".bin" in capsys.readouterr().err
