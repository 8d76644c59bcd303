"""Raw text (or a text pair) -> label and class probabilities, with exactly the run's
tokenizer, vocabulary, ``max_len`` and input layout."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from studio.core.data.prepare import EncodedSplit
from studio.core.errors import ConfigError
from studio.core.models import build_model, takes_pairs
from studio.core.project_runs import Run
from studio.core.text.encoding import encode, encode_pairs
from studio.core.text.tokenizers import Tokenizer
from studio.core.text.vocab import Vocab
from studio.core.training.metrics import predict_logits
from studio.core.training.pair_metrics import positive_class
from studio.core.training.run import scored_as_binary


@dataclass(frozen=True)
class Prediction:
    """The most probable label, every class's probability (in label order), and the tokens
    the model read: for a pair model ``tokens`` are side a's and ``pair_tokens`` side b's;
    otherwise ``tokens`` are the one sequence (``a <sep> b`` for a pair) and
    ``pair_tokens`` is ``None``."""

    label: str
    probabilities: dict[str, float]
    tokens: list[str]
    pair_tokens: list[str] | None = None


@dataclass(frozen=True)
class Match:
    """A pair scored by a two-class pair run: ``probability`` is the positive class's
    (``positive``), and the pair matches when it is ``>= threshold``, the threshold the run
    chose on its validation split (``threshold_chosen``) or 0.5 when it chose none.
    ``label`` is the class decided at that threshold (``positive`` when it matches, else
    the other class); ``prediction`` is the plain argmax prediction behind it."""

    probability: float
    is_match: bool
    label: str
    positive: str
    threshold: float
    threshold_chosen: bool
    prediction: Prediction


@dataclass(frozen=True)
class Alignment:
    """What attends to what in a soft-alignment model (ESIM, Chen et al. 2017).

    ``tokens_a`` (``La``) and ``tokens_b`` (``Lb``) are the two sides' tokens as the model
    read them (cut to ``max_len``); ``weights`` ``(La, Lb)`` float32 is the attention of
    side a over side b: row ``i`` is the softmax over side b's tokens of token ``i`` of a,
    so each row sums to 1 (``ESIM.alignment``)."""

    tokens_a: list[str]
    tokens_b: list[str]
    weights: np.ndarray


def chosen_threshold(run: Run) -> float | None:
    """The decision threshold ``run`` chose on its validation split (its test report's
    ``binary.threshold``), or ``None`` when it has none or a value outside 0..1."""
    binary = (run.finished.get("test") or {}).get("binary")
    value = binary.get("threshold") if isinstance(binary, dict) else None
    if isinstance(value, int | float) and not isinstance(value, bool) and 0.0 <= value <= 1.0:
        return float(value)
    return None


def run_threshold(run: Run) -> float:
    """The decision threshold ``run`` chose on its validation split (:func:`chosen_threshold`),
    or 0.5 when it chose none."""
    chosen = chosen_threshold(run)
    return 0.5 if chosen is None else chosen


class Predictor:
    """Wraps a trained :class:`Run` for inference on the CPU (or a given device).

    A run of a model that takes pairs (:func:`takes_pairs`) reads each pair's two texts
    apart, ``ids (1, 2, L)`` per pair as in training; any other model reads one text, or
    a pair as ``a <sep> b``.
    """

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
        self.takes_pairs = takes_pairs(settings.model.type)

    def probabilities(self, texts: list[str], pairs: list[str] | None = None) -> torch.Tensor:
        """Class probabilities ``(N, C)`` (softmax of the logits) for ``N`` raw texts
        (and their second texts), computed in batches.

        Raises:
            ConfigError: a pair model's run without ``pairs``.
        """
        return self.probabilities_of_tokens(*self.tokenize(texts, pairs))

    def tokenize(self, texts: list[str], pairs: list[str] | None = None
                 ) -> tuple[list[list[str]], list[list[str]] | None]:
        """One token list per text as the run reads it: for a pair model side a's and side
        b's apart (``(tokens_a, tokens_b)``), for any other model ``(tokens of a <sep> b, None)``.
        Tokenize once and score many combinations with :meth:`probabilities_of_tokens`
        (reranking pairs one query with k candidates).

        Raises:
            ConfigError: a pair model's run without ``pairs``.
            ValueError: ``pairs`` of another length than ``texts``.
        """
        if not self.takes_pairs:
            return self.tokenizer.tokenize_many(texts, pairs), None
        if pairs is None:
            raise ConfigError("model.needs_pairs", model=self.run.settings.model.type)
        if len(pairs) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(pairs)} second texts")
        return self.tokenizer.tokenize_many(texts), self.tokenizer.tokenize_many(pairs)

    def probabilities_of_tokens(self, tokens: list[list[str]], pair_tokens: list[list[str]] | None = None
                                ) -> torch.Tensor:
        """Class probabilities ``(N, C)`` for token lists from :meth:`tokenize` (``pair_tokens``
        for a pair model's side b, else ``None``); each side is cut to ``max_len``."""
        if pair_tokens is None:
            ids, lengths = encode(tokens, self.vocab, self.max_len)
        else:
            ids, lengths = encode_pairs(tokens, pair_tokens, self.vocab, self.max_len)
        split = EncodedSplit(ids, lengths, torch.zeros(len(tokens), dtype=torch.long))
        return torch.softmax(predict_logits(self.model, split, self.device), dim=1)

    def predict(self, texts: list[str], pairs: list[str] | None = None) -> list[Prediction]:
        """The prediction for each text (with its second text, ``pairs[i]``).

        Raises:
            ConfigError: a pair model's run without ``pairs``.
        """
        tokens, pair_tokens = self.tokenize(texts, pairs)
        sides_b = pair_tokens if pair_tokens is not None else [None] * len(tokens)
        results = []
        for row, kept, kept_b in zip(self.probabilities_of_tokens(tokens, pair_tokens).tolist(), tokens, sides_b,
                                     strict=True):
            best = max(range(len(row)), key=row.__getitem__)
            results.append(Prediction(self.label_names[best], dict(zip(self.label_names, row, strict=True)),
                                      kept[: self.max_len], kept_b[: self.max_len] if kept_b is not None else None))
        return results

    @property
    def scores_matches(self) -> bool:
        """Whether this run matches pairs with two classes (:func:`scored_as_binary`): its
        predictions have a match probability and a threshold (:meth:`match`)."""
        return scored_as_binary(self.run.settings, self.label_names)

    @property
    def threshold(self) -> float:
        """The decision threshold on the positive class's probability: the one the run chose
        on its validation split, else 0.5 (:func:`run_threshold`)."""
        return run_threshold(self.run)

    def decide(self, probabilities: np.ndarray) -> np.ndarray:
        """The predicted class index of each row of ``probabilities (N, C)``: a two-class pair
        run (:attr:`scores_matches`) decides at :attr:`threshold` on the positive class, as
        :meth:`match` does; any other run takes the likeliest class."""
        probabilities = np.asarray(probabilities)
        if not self.scores_matches:
            return probabilities.argmax(axis=1)
        positive = positive_class(self.label_names)
        return np.where(probabilities[:, positive] >= self.threshold, positive, 1 - positive)

    @property
    def threshold_chosen(self) -> bool:
        """Whether the run chose its threshold on validation (its test report has one)."""
        return chosen_threshold(self.run) is not None

    def match(self, texts: list[str], pairs: list[str]) -> list[Match]:
        """Each pair ``(texts[i], pairs[i])`` scored as a match or not at :attr:`threshold`.

        Raises:
            ValueError: the run is not a two-class pair run (:attr:`scores_matches`), or
                ``pairs`` of another length than ``texts``.
            ConfigError: a pair model's run without ``pairs``.
        """
        if not self.scores_matches:
            raise ValueError(f"run {self.run.id} does not score pairs as match / no match")
        positive = positive_class(self.label_names)
        negative = 1 - positive
        threshold, chosen = self.threshold, self.threshold_chosen
        matches = []
        for prediction in self.predict(texts, pairs):
            probability = prediction.probabilities[self.label_names[positive]]
            is_match = probability >= threshold
            matches.append(Match(probability, is_match, self.label_names[positive if is_match else negative],
                                 self.label_names[positive], threshold, chosen, prediction))
        return matches

    @property
    def has_alignment(self) -> bool:
        """Whether the model exposes a soft alignment (:meth:`alignment`), as ESIM does."""
        return self.takes_pairs and callable(getattr(self.model, "alignment", None))

    def alignment(self, text_a: str, text_b: str) -> Alignment | None:
        """The model's soft alignment of ``text_a`` over ``text_b`` (see :class:`Alignment`):
        ``weights (La, Lb)``, row ``i`` the softmax over side b's tokens of token ``i`` of
        side a, each side cut to ``max_len`` as the model reads it. ``None`` for a model
        without an alignment (:attr:`has_alignment`)."""
        if not self.has_alignment:
            return None
        tokens, pair_tokens = self.tokenize([text_a], [text_b])
        kept_a, kept_b = tokens[0][: self.max_len], pair_tokens[0][: self.max_len]
        ids, lengths = encode_pairs([kept_a], [kept_b], self.vocab, self.max_len)
        was_training = self.model.training
        self.model.eval()
        with torch.no_grad():
            weights = self.model.alignment(ids.to(self.device), lengths.to(self.device))
        self.model.train(was_training)
        matrix = weights[0, : len(kept_a), : len(kept_b)].float().cpu().numpy()
        return Alignment(kept_a, kept_b, matrix)
