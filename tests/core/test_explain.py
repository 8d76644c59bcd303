"""Token attributions (:mod:`studio.core.inference.explain`): completeness of integrated
gradients for the zoo's models, a keyword that decides the label is what a trained model
points at, feature ablation for fastText, and pair models explained per side."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch

from studio.core.data.dataset import DatasetConfig
from studio.core.inference.explain import explain
from studio.core.inference.predictor import Predictor
from studio.core.settings import Settings
from studio.core.text.config import TextConfig
from studio.core.text.tokenizers import TokenizerConfig
from studio.core.training.config import TrainingConfig
from studio.core.training.run import execute_run

FILLER = list("天地人山水火木金土日月星云风雨雪花草鸟鱼虫石田车马牛羊门窗桌椅")
KEYWORDS = {"好": "good", "坏": "bad"}  # the one character that decides the label


def keyword_texts(count: int, seed: int) -> list[tuple[str, str]]:
    """Texts of 6-14 filler characters with one keyword at a random place; its label."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        keyword = "好" if i % 2 else "坏"
        chars = rng.choices(FILLER, k=rng.randint(6, 14))
        chars.insert(rng.randint(0, len(chars)), keyword)
        rows.append(("".join(chars), KEYWORDS[keyword]))
    return rows


def train(tmp_path, model: dict, rows, epochs: int = 4, pairs: bool = False):
    path = tmp_path / "data.tsv"
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    dataset = (DatasetConfig(train=str(path), text_column=0, text_pair_column=1, label_column=2, has_header=False)
               if pairs else DatasetConfig(train=str(path), has_header=False))
    settings = Settings(dataset=dataset, text=TextConfig(tokenizer=TokenizerConfig(type="char"), max_len=24),
                        model=model, training=TrainingConfig(epochs=epochs, batch_size=32, lr=5e-3, seed=3,
                                                             device="cpu", patience=0))
    return Predictor(execute_run(settings))


@pytest.fixture(scope="module")
def keyword_model(tmp_path_factory):
    torch.manual_seed(0)
    return train(tmp_path_factory.mktemp("keyword"), {"type": "textcnn", "embedding_dim": 16, "num_filters": 16},
                 keyword_texts(1200, seed=1))


def test_a_trained_model_points_at_the_keyword(keyword_model):
    tests = keyword_texts(100, seed=99)
    hits = 0
    for text, label in tests:
        explanation = explain(keyword_model, text)
        top = explanation.ranked()[0][0]
        hits += top in KEYWORDS and explanation.target == label
    assert hits >= 95, f"the keyword was the top token for {hits} of 100 texts"


@pytest.mark.parametrize("model", [
    {"type": "textcnn", "embedding_dim": 8, "num_filters": 8},
    {"type": "textrnn", "embedding_dim": 8, "hidden_size": 8},
    {"type": "textrnn_att", "embedding_dim": 8, "hidden_size": 8},
    {"type": "transformer", "embedding_dim": 8, "num_heads": 2, "num_layers": 1, "ffn_size": 16},
])
def test_integrated_gradients_add_up_to_the_logit_difference(tmp_path, model):
    predictor = train(tmp_path, model, keyword_texts(120, seed=5), epochs=1)
    text = keyword_texts(1, seed=7)[0][0]
    explanation = explain(predictor, text, target="good")
    assert explanation.method == "integrated_gradients" and len(explanation.scores) == len(text)
    ids = torch.tensor([[predictor.vocab.index.get(c, 1) for c in text]])
    lengths = torch.tensor([len(text)])
    with torch.no_grad():
        logits = predictor.model(ids, lengths)[0]
        baseline = predictor.model(torch.zeros_like(ids), lengths)[0]
    difference = float(logits[0] - baseline[0]) if predictor.label_names[0] == "good" else \
        float(logits[1] - baseline[1])
    assert abs(explanation.scores.sum() - difference) <= 0.02 * max(1.0, abs(difference))
    assert abs(explanation.delta) <= 0.02 * max(1.0, abs(difference))


def test_fasttext_is_explained_by_ablation(tmp_path):
    predictor = train(tmp_path, {"type": "fasttext", "embedding_dim": 16}, keyword_texts(600, seed=2), epochs=5)
    text = keyword_texts(1, seed=11)[0][0]
    explanation = explain(predictor, text)
    assert explanation.method == "feature_ablation" and explanation.delta is None
    assert explanation.ranked()[0][0] in KEYWORDS


def test_a_pair_model_scores_each_side(tmp_path):
    rng = random.Random(4)
    rows = []
    for i in range(200):
        a = "".join(rng.choices(FILLER, k=8))
        b = a if i % 2 else "".join(rng.choices(FILLER, k=8))
        rows.append((a, b, "1" if i % 2 else "0"))
    predictor = train(tmp_path, {"type": "esim", "embedding_dim": 8, "hidden_size": 8}, rows, epochs=1, pairs=True)
    explanation = explain(predictor, "天地人山", "天地人水")
    assert explanation.tokens == list("天地人山") and explanation.pair_tokens == list("天地人水")
    assert explanation.scores.shape == (4,) and explanation.pair_scores.shape == (4,)
    assert np.isfinite(explanation.delta) and {side for *_, side in explanation.ranked()} == {"a", "b"}
    with pytest.raises(ValueError, match="classes"):
        explain(predictor, "天地", "人山", target="maybe")
