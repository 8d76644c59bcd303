"""Why a run decided: each token's attribution toward a class, with Captum.

Integrated gradients (Sundararajan, Taly & Yan, ICML 2017) on the token-embedding layer
(Captum's ``LayerIntegratedGradients``), from a baseline where every token is PAD (whose
vector is zero) at the same length: a token's score is its share of the difference
between the class's logit on the text and on the baseline, and the scores sum to that
difference up to the convergence ``delta`` Captum reports (completeness). fastText sums
its token and hashed n-gram vectors in one bag, so there is no per-token layer output to
attribute; it is explained by feature ablation instead (Captum's ``FeatureAblation``:
each token replaced by PAD in turn, with its n-grams; the score is how much the logit
drops).

Pair models (ESIM, Siamese) get a score per token of each side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from studio.core.errors import StudioError
from studio.core.text.encoding import encode, encode_pairs
from studio.core.text.vocab import PAD_ID

STEPS = 50  # integration steps of integrated gradients (Gauss-Legendre points)


@dataclass(frozen=True)
class Explanation:
    """Attributions of one text (or pair) toward class ``target``.

    ``tokens`` are the tokens the model read (cut to ``max_len``; a pair read as one
    sequence: ``a <sep> b``) and ``scores`` ``(len(tokens),)`` float32 their attributions,
    positive where a token pushes toward ``target``; a pair model's side b is
    ``pair_tokens`` / ``pair_scores``. ``probability`` is the model's probability of
    ``target``; ``method`` is ``"integrated_gradients"`` (then ``delta`` is Captum's
    convergence delta, the sum of the scores minus the logit difference from the
    baseline) or ``"feature_ablation"`` (``delta`` None)."""

    tokens: list[str]
    scores: np.ndarray
    target: str
    probability: float
    method: str
    delta: float | None = None
    pair_tokens: list[str] | None = None
    pair_scores: np.ndarray | None = None

    def ranked(self) -> list[tuple[str, float, str]]:
        """``(token, score, side)`` of every token, the largest score first; ``side`` is
        ``"a"`` or ``"b"`` (``"a"`` for a single text)."""
        items = [(t, float(s), "a") for t, s in zip(self.tokens, self.scores, strict=True)]
        if self.pair_tokens is not None:
            items += [(t, float(s), "b") for t, s in zip(self.pair_tokens, self.pair_scores, strict=True)]
        return sorted(items, key=lambda item: -item[1])


def _uses_ablation(model) -> bool:
    return isinstance(getattr(model, "embedding", None), torch.nn.EmbeddingBag)


def explain(predictor, text: str, pair: str | None = None, target: str | None = None,
            steps: int = STEPS) -> Explanation:
    """Explain ``predictor``'s (a :class:`~studio.core.inference.predictor.Predictor`)
    prediction for ``text`` (and ``pair``, the second text of a pair run) toward ``target``
    (default: the class it predicts, at the run's threshold for a two-class pair run).

    Raises:
        ValueError: ``target`` is not one of the run's classes.
        StudioError: ``inference.nothing_to_explain``: a text without a token the model reads.
        ConfigError: a pair model's run without ``pair``.
    """
    names = list(predictor.label_names)
    tokens, pair_tokens = predictor.tokenize([text], None if pair is None else [pair])
    kept = tokens[0][: predictor.max_len]
    kept_b = pair_tokens[0][: predictor.max_len] if pair_tokens is not None else None
    if not kept or (kept_b is not None and not kept_b):
        raise StudioError("inference.nothing_to_explain")
    if kept_b is None:
        ids, lengths = encode([kept], predictor.vocab, len(kept))
    else:
        ids, lengths = encode_pairs([kept], [kept_b], predictor.vocab, max(len(kept), len(kept_b)))
    model, device = predictor.model, predictor.device
    ids, lengths = ids.to(device), lengths.to(device)
    model.eval()
    with torch.no_grad():
        probabilities = torch.softmax(model(ids, lengths).float(), dim=1).cpu().numpy()
    if target is None:
        index = int(predictor.decide(probabilities)[0])
    elif target in names:
        index = names.index(target)
    else:
        raise ValueError(f"{target!r} is not one of the run's classes {names}")

    from captum.attr import FeatureAblation, LayerIntegratedGradients  # 1 s to import: only when explaining

    def forward(x, n):
        return model(x, n).float()

    baseline = torch.full_like(ids, PAD_ID)
    if _uses_ablation(model):
        mask = torch.arange(ids.numel(), device=device).view_as(ids)  # each token its own feature
        scores = FeatureAblation(forward).attribute(ids, baselines=PAD_ID, target=index,
                                                    additional_forward_args=(lengths,), feature_mask=mask)
        per_token, delta, method = scores.float()[0], None, "feature_ablation"
    else:
        ig = LayerIntegratedGradients(forward, model.embedding)
        attributions = ig.attribute(ids, baselines=baseline, target=index, additional_forward_args=(lengths,),
                                    n_steps=steps)
        per_token = attributions.sum(dim=-1).float()  # (1, L), or (2, L) for the two sides of a pair model
        with torch.no_grad():  # Captum's convergence delta, computed here: a pair model embeds 2 rows per pair
            gap = forward(ids, lengths)[0, index] - forward(baseline, lengths)[0, index]
        delta, method = float(per_token.sum() - gap), "integrated_gradients"
    per_token = per_token.detach().cpu().numpy().astype(np.float32)
    if kept_b is None:
        side_a, side_b = per_token.reshape(-1)[: len(kept)], None
    else:
        sides = per_token.reshape(2, -1)
        side_a, side_b = sides[0, : len(kept)], sides[1, : len(kept_b)]
    return Explanation(list(kept), side_a, names[index], float(probabilities[0, index]), method, delta,
                       list(kept_b) if kept_b is not None else None, side_b)
