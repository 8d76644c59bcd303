"""Raw text -> label and class probabilities, with exactly the run's tokenizer,
vocabulary and ``max_len``."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from studio.core.data.prepare import EncodedSplit
from studio.core.models import build_model
from studio.core.project_runs import Run
from studio.core.text.encoding import encode
from studio.core.text.tokenizers import Tokenizer
from studio.core.text.vocab import Vocab
from studio.core.training.metrics import predict_logits


@dataclass(frozen=True)
class Prediction:
    """The most probable label, every class's probability (in label order), and the tokens."""

    label: str
    probabilities: dict[str, float]
    tokens: list[str]


class Predictor:
    """Wraps a trained :class:`Run` for inference on the CPU (or a given device)."""

    def __init__(self, run: Run, device: str = "cpu"):
        settings = run.settings
        self.run = run
        self.label_names = list(run.label_names)
        self.tokenizer = Tokenizer(settings.text.tokenizer)
        self.vocab = Vocab(run.vocab)
        self.max_len = settings.text.max_len
        self.device = torch.device(device)
        self.model = build_model(settings.model, len(self.vocab), len(self.label_names))
        self.model.load_state_dict(run.state_dict)
        self.model.to(self.device).eval()

    def probabilities(self, texts: list[str], pairs: list[str] | None = None) -> torch.Tensor:
        """Class probabilities ``(N, C)`` (softmax of the logits) for ``N`` raw texts,
        computed in batches."""
        return self._probabilities(self.tokenizer.tokenize_many(texts, pairs))

    def _probabilities(self, tokens: list[list[str]]) -> torch.Tensor:
        ids, lengths = encode(tokens, self.vocab, self.max_len)
        split = EncodedSplit(ids, lengths, torch.zeros(len(tokens), dtype=torch.long))
        return torch.softmax(predict_logits(self.model, split, self.device), dim=1)

    def predict(self, texts: list[str], pairs: list[str] | None = None) -> list[Prediction]:
        tokens = self.tokenizer.tokenize_many(texts, pairs)
        results = []
        for row, kept in zip(self._probabilities(tokens).tolist(), tokens, strict=True):
            best = max(range(len(row)), key=row.__getitem__)
            results.append(Prediction(self.label_names[best], dict(zip(self.label_names, row, strict=True)),
                                      kept[: self.max_len]))
        return results
