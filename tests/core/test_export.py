"""ONNX export (:mod:`studio.core.inference.export`): every model of the zoo exports and
matches PyTorch, the bundle's predict.py runs without torch or the studio and gives the
studio's probabilities, and a failed or refused export leaves the folder as it was."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch

from studio.core.data.dataset import DatasetConfig
from studio.core.errors import ConfigError, StudioError
from studio.core.inference import export as export_module
from studio.core.inference.export import TOLERANCE, check_lengths, export_onnx
from studio.core.inference.predictor import Predictor
from studio.core.models.registry import build_model, default_config, model_names, takes_pairs
from studio.core.project_runs import Run
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.text.tokenizers import TokenizerConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run
from tests.conftest import shared_file, write_slice

pytest.importorskip("onnxruntime", reason="onnxruntime is installed with the studio (pyproject)")

VOCAB = ["<pad>", "<unk>", *"天地人山水火木金土日月星云风雨雪花草鸟鱼虫石田车马牛羊好坏"]
LABELS = ["a", "b", "c"]
# A guard run before predict.py: importing torch or the studio fails, as on a machine without them.
NO_TORCH = textwrap.dedent("""
    import builtins, runpy, sys
    real = builtins.__import__
    def guard(name, *args, **kwargs):
        if name.split(".")[0] in ("torch", "studio"):
            raise ImportError("not on this machine: " + name)
        return real(name, *args, **kwargs)
    builtins.__import__ = guard
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
""")


def random_run(model_type: str, max_len: int = 16, **settings) -> Run:
    """A run of ``model_type`` at its default settings (but ``settings``) with freshly
    initialised weights."""
    task = "classification" if "classification" in default_task(model_type) else "pair"
    dataset = DatasetConfig(train="data.tsv", text_column=0, text_pair_column=1 if task == "pair" else None,
                            label_column=2 if task == "pair" else 1, has_header=False)
    settings = Settings(dataset=dataset, text=TextConfig(tokenizer=TokenizerConfig(type="char"), max_len=max_len),
                        model={**default_config(model_type).model_dump(), **settings}, training=TrainingConfig())
    torch.manual_seed(0)
    model = build_model(settings.model, len(VOCAB), len(LABELS))
    return Run(f"run-{model_type}", settings.model_dump(mode="json"), VOCAB, LABELS, model.state_dict())


def default_task(model_type: str) -> tuple[str, ...]:
    return ("pair",) if takes_pairs(model_type) else ("classification",)


@pytest.mark.parametrize("model_type", model_names())
def test_every_model_of_the_zoo_exports_and_matches_pytorch(tmp_path, model_type):
    run = random_run(model_type)
    exported = export_onnx(run, tmp_path / "bundle")
    assert [(c.batch, c.length) for c in exported.checks] == [(b, n) for b in (1, 7) for n in check_lengths(16)]
    assert exported.max_difference < TOLERANCE
    names = {p.name for p in (tmp_path / "bundle").iterdir()}
    assert names == {"model.onnx", "vocab.json", "labels.json", "tokenizer.json", "bundle.json", "predict.py",
                     "README.md"}  # one file for the model: no external weights beside it
    info = json.loads((tmp_path / "bundle" / "bundle.json").read_text(encoding="utf-8"))
    assert info["model"] == model_type and info["input"] == ("two texts" if takes_pairs(model_type) else "text")
    assert info["length"] == exported.length is None
    assert json.loads((tmp_path / "bundle" / "vocab.json").read_text(encoding="utf-8")) == VOCAB


@pytest.mark.parametrize("settings", [
    {"cell": "gru", "num_layers": 2},
    {"cell": "rnn", "bidirectional": False},
])
def test_every_recurrent_cell_keeps_a_dynamic_length(tmp_path, settings):
    exported = export_onnx(random_run("textrnn", **settings), tmp_path / "bundle")
    assert exported.length is None and exported.max_difference < TOLERANCE


def write_rows(path, rows) -> str:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def run_predict(bundle, *args) -> list[dict]:
    done = subprocess.run([sys.executable, "-c", NO_TORCH, str(bundle / "predict.py"), *args, "--json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=bundle)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_jieba_run_with_its_dictionary_predicts_the_same_without_torch(tmp_path):
    train = write_slice(shared_file("thucnews", "dev.txt"), tmp_path / "news.tsv", 400)
    user_dict = tmp_path / "user.txt"
    user_dict.write_text("花呗借呗 5 n\n", encoding="utf-8")
    stopwords = tmp_path / "stop.txt"
    stopwords.write_text("的\n了\n", encoding="utf-8")
    tokenizer = TokenizerConfig(type="jieba", user_dict=str(user_dict), stopwords=str(stopwords))
    settings = Settings(dataset=DatasetConfig(train=str(train), has_header=False),
                        text=TextConfig(tokenizer=tokenizer, max_len=20),
                        model={"type": "textcnn", "embedding_dim": 16, "num_filters": 16},
                        training=TrainingConfig(epochs=1, batch_size=64, seed=1, device="cpu", patience=0))
    run = execute_run(settings)
    bundle = tmp_path / "news-bundle"
    exported = export_onnx(run, bundle)
    assert {"user_dict.txt", "stopwords.txt"} <= set(exported.files)
    assert (bundle / "user_dict.txt").read_text(encoding="utf-8") == "花呗借呗 5 n\n"
    texts = ["花呗借呗的利息怎么算", "  ", "中国男篮 今晚 迎战 美国队，Yao Ming 到场", "股市" * 40]
    path = write_rows(tmp_path / "texts.txt", [[t] for t in texts if t.strip()])
    got = run_predict(bundle, "--file", path)
    expected = Predictor(run).probabilities([t for t in texts if t.strip()]).numpy()
    for row, probabilities in zip(got, expected, strict=True):
        assert list(row["probabilities"].values()) == pytest.approx(probabilities.tolist(), abs=1e-4)
        assert row["label"] == run.label_names[int(probabilities.argmax())]
    assert "pip install onnxruntime numpy jieba" in (bundle / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pair_runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("pairs")
    train = write_slice(shared_file("lcqmc", "train.txt"), base / "lcqmc.txt", 300)

    def pair_run(model: dict) -> Run:
        settings = Settings(dataset=DatasetConfig(train=str(train), text_column=0, text_pair_column=1,
                                                  label_column=2, has_header=False),
                            text=TextConfig(max_len=16), model=model,
                            training=TrainingConfig(epochs=1, batch_size=32, seed=2, device="cpu", patience=0))
        return execute_run(settings)

    return {"esim": pair_run({"type": "esim", "embedding_dim": 16, "hidden_size": 16, "symmetric": True,
                              "exact_match": True, "bigram_dim": 8, "bigram_buckets": 500}),
            "textcnn": pair_run({"type": "textcnn", "embedding_dim": 16, "num_filters": 8})}


@pytest.mark.parametrize("model_type, kind", [("esim", "two texts"), ("textcnn", "text <sep> text")])
def test_pair_runs_export_with_their_threshold(tmp_path, pair_runs, model_type, kind):
    run = pair_runs[model_type]
    bundle = tmp_path / "pairs"
    export_onnx(run, bundle)
    predictor = Predictor(run)
    info = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    assert info["input"] == kind and info["positive"] == "1"
    assert info["threshold"] == pytest.approx(predictor.threshold)
    pairs = [("喜欢打篮球的男生喜欢什么样的女生", "爱打篮球的男生喜欢什么样的女生"), ("花呗怎么还款", "今天天气怎么样")]
    got = run_predict(bundle, "--file", write_rows(tmp_path / "pairs.txt", pairs))
    expected = predictor.probabilities([a for a, _ in pairs], [b for _, b in pairs]).numpy()
    decided = predictor.decide(expected)
    for row, probabilities, label in zip(got, expected, decided, strict=True):
        assert list(row["probabilities"].values()) == pytest.approx(probabilities.tolist(), abs=1e-4)
        assert row["label"] == run.label_names[label]
    one = run_predict(bundle, "--pair", *pairs[0])
    # One pair pads to its own length, the file's batch to its longest: same outputs up to float rounding.
    assert one[0]["probabilities"] == pytest.approx(got[0]["probabilities"], abs=1e-5)


def test_a_folder_with_other_files_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        export_onnx(random_run("textcnn"), folder)
    assert caught.value.code == "export.folder_in_use"
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    export_onnx(random_run("textcnn"), tmp_path / "again")
    export_onnx(random_run("mlp"), tmp_path / "again")  # an earlier bundle is replaced whole
    info = json.loads((tmp_path / "again" / "bundle.json").read_text(encoding="utf-8"))
    assert info["model"] == "mlp" and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_model_the_exporter_cannot_take_gets_a_clear_message(tmp_path, monkeypatch):
    def refuse(model, example, path, pairs):  # the signature of export._export
        raise RuntimeError("torch.export cannot do this")

    monkeypatch.setattr(export_module, "_export", refuse)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "bundle.json").write_text('{"studio_run": "run-1"}', encoding="utf-8")  # an earlier export
    with pytest.raises(StudioError) as caught:
        export_onnx(random_run("textcnn"), tmp_path / "old")
    assert caught.value.code == "export.not_exportable"
    assert caught.value.params["reasons"] == "RuntimeError: torch.export cannot do this"
    assert [p.name for p in (tmp_path / "old").iterdir()] == ["bundle.json"]  # the earlier export stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old"]  # nothing half-written beside it


def test_outputs_that_differ_are_not_kept(tmp_path, monkeypatch):
    real = export_module._parity

    def off(*args, **kwargs):
        return tuple(export_module.ParityCheck(c.batch, c.length, 1.0) for c in real(*args, **kwargs))

    monkeypatch.setattr(export_module, "_parity", off)
    with pytest.raises(StudioError) as caught:
        export_onnx(random_run("textcnn"), tmp_path / "b")
    assert "differ from PyTorch's by 1 " in caught.value.params["reasons"]
    assert not (tmp_path / "b").exists()


def test_example_inputs_are_padded_like_the_encoder(tmp_path):
    generator = torch.Generator().manual_seed(1)
    ids, lengths = export_module.example_inputs(True, 4, 9, 30, generator)
    assert ids.shape == (4, 2, 9) and lengths.shape == (4, 2) and lengths[0, 0] == 9
    for b in range(4):
        for s in range(2):
            n = int(lengths[b, s])
            assert (ids[b, s, :n] >= 2).all() and (ids[b, s, n:] == 0).all()
    assert np.all(lengths.numpy() >= 1)


def test_predict_pads_to_a_fixed_length_when_the_bundle_has_one(tmp_path):
    import importlib.util

    run = random_run("textcnn")
    folder = export_onnx(run, tmp_path / "bundle").folder
    spec = importlib.util.spec_from_file_location("bundle_predict_fixed", folder / "predict.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    texts = ["天地", "山水火木金土日月星云风雨"]
    dynamic = module.Model(folder).probabilities(texts)
    info = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    (folder / "bundle.json").write_text(json.dumps({**info, "length": 16}), encoding="utf-8")
    fixed = module.Model(folder)
    seen = []
    real_run = fixed.session.run
    fixed.session.run = lambda names, feeds: seen.append(feeds["ids"].shape) or real_run(names, feeds)
    np.testing.assert_allclose(fixed.probabilities(texts), dynamic, atol=1e-6)
    assert seen == [(2, 16)]  # padded to the model's length; PAD changes nothing


def test_predict_py_parses_as_python_3_8():
    import ast
    from importlib import resources

    source = resources.files("studio.core.inference").joinpath("bundle_predict.py").read_text(encoding="utf-8")
    ast.parse(source, feature_version=(3, 8))  # the bundle runs where the studio does not


def test_a_failed_move_puts_the_earlier_bundle_back(tmp_path, monkeypatch):
    folder = tmp_path / "bundle"
    export_onnx(random_run("mlp"), folder)
    (tmp_path / ".bundle-old").mkdir()  # a user's folder that merely looks like a leftover
    (tmp_path / ".bundle-old" / "precious.txt").write_text("mine", encoding="utf-8")
    real_rename = type(folder).rename

    def refuse_new(self, target):
        if self.name.startswith(".bundle-new-"):
            raise OSError(13, "Permission denied")
        return real_rename(self, target)

    monkeypatch.setattr(type(folder), "rename", refuse_new)
    with pytest.raises(StudioError) as caught:
        export_onnx(random_run("textcnn"), folder)
    assert caught.value.code == "export.cannot_write" and "Permission denied" in str(caught.value.params["reason"])
    info = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    assert info["model"] == "mlp"  # the earlier export, back in place
    assert (tmp_path / ".bundle-old" / "precious.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".bundle-old", "bundle"]


def test_only_a_real_earlier_bundle_is_replaced(tmp_path):
    folder = tmp_path / "looks-like"
    folder.mkdir()
    (folder / "bundle.json").write_text('{"mine": true}', encoding="utf-8")  # not a studio bundle
    (folder / "README.md").mkdir()  # a folder under a bundle file's name
    with pytest.raises(ConfigError) as caught:
        export_onnx(random_run("mlp"), folder)
    assert caught.value.code == "export.folder_in_use"
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "bundle.json"]
