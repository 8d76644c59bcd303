"""Predict with a model exported by Text Model Studio (``studio export``, File > Export model…).

Needs only onnxruntime, numpy and (for a jieba tokenizer) jieba; no torch, no studio;
Python 3.8 or newer (so ``zip`` here is not ``strict``: lengths are checked first)::

    pip install onnxruntime numpy jieba
    python predict.py "这部电影太好看了" "物流太慢"          # one text per argument
    python predict.py --pair "text a" "text b"             # a sentence-pair model: two texts
    python predict.py --file texts.txt [--json]            # one text (or a<TAB>b) per line

Or from Python, in this folder::

    from predict import Model
    model = Model(".")
    model.predict(["text"])                  # [(label, {label: probability})]
    model.probabilities(["a"], ["b"])        # (N, C) numpy array, a pair model

The text is cut and encoded exactly as the studio's run read it (``tokenizer.json``:
character, jieba or whitespace tokens, lowercase, stopwords; ``vocab.json``: id = position,
0 = PAD, 1 = UNK; at most ``max_len`` tokens per text); ``model.onnx`` takes ``ids (B, L)``
and ``lengths (B,)`` (a pair model: ``ids (B, 2, L)``, ``lengths (B, 2)``) as int64 and
gives logits ``(B, C)``; the probabilities are their softmax. ``L`` is the batch's longest
text, or ``bundle.json``'s ``length`` when the model was exported with a fixed one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

PAD_ID, UNK_ID = 0, 1
BATCH = 64  # texts per onnxruntime call, sorted by length so that padding stays small


class Model:
    """The exported model of ``folder`` (the bundle: model.onnx, vocab.json, labels.json,
    tokenizer.json, bundle.json)."""

    def __init__(self, folder: str | Path = "."):
        import onnxruntime

        folder = Path(folder)
        self.info = _read_json(folder / "bundle.json")
        self.labels = list(_read_json(folder / "labels.json"))
        self.vocab = {token: i for i, token in enumerate(_read_json(folder / "vocab.json"))}
        self.tokenizer = _read_json(folder / "tokenizer.json")
        self.max_len = int(self.tokenizer["max_len"])
        self.input = self.info["input"]  # "text", "text <sep> text" or "two texts"
        stopwords = self.tokenizer.get("stopwords")
        self.stopwords = frozenset()
        if stopwords:
            lines = (folder / stopwords).read_text(encoding="utf-8-sig").splitlines()
            self.stopwords = frozenset(line.strip() for line in lines if line.strip())
        self._jieba = None
        if self.tokenizer["type"] == "jieba":
            import jieba

            self._jieba = jieba.Tokenizer()
            if self.tokenizer.get("user_dict"):
                self._jieba.load_userdict(str(folder / self.tokenizer["user_dict"]))
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: the graph optimizer's notes are not the user's business
        self.session = onnxruntime.InferenceSession(str(folder / "model.onnx"), options,
                                                    providers=["CPUExecutionProvider"])

    @property
    def takes_pairs(self) -> bool:
        return self.input != "text"

    def tokenize(self, text: str) -> list[str]:
        """One text's tokens, as the studio's Tokenizer cut them."""
        if self.tokenizer.get("lowercase", True):
            text = text.lower()
        kind = self.tokenizer["type"]
        if kind == "char":
            tokens = [ch for ch in text if not ch.isspace()]
        elif kind == "whitespace":
            tokens = text.split()
        else:
            tokens = [t for t in self._jieba.lcut(text) if not t.isspace()]
        return [t for t in tokens if t not in self.stopwords] if self.stopwords else tokens

    def _ids(self, tokens: list[str]) -> list[int]:
        return [self.vocab.get(t, UNK_ID) for t in tokens[: self.max_len]] or [PAD_ID]

    def probabilities(self, texts: list[str], pairs: list[str] | None = None) -> np.ndarray:
        """Class probabilities ``(N, C)`` of ``N`` texts (and, for a pair model, their
        second texts ``pairs``), in the order of ``labels``."""
        if self.takes_pairs and (pairs is None or len(pairs) != len(texts)):
            raise ValueError("this model reads text pairs: give one second text for each text")
        if self.input == "two texts":
            rows = [(self._ids(self.tokenize(a)), self._ids(self.tokenize(b)))
                    for a, b in zip(texts, pairs)]  # noqa: B905
        elif self.input == "text <sep> text":
            sep = self.info["sep_token"]
            rows = [(self._ids(self.tokenize(a) + [sep] + self.tokenize(b)),)
                    for a, b in zip(texts, pairs)]  # noqa: B905
        else:
            rows = [(self._ids(self.tokenize(text)),) for text in texts]
        result = np.zeros((len(rows), len(self.labels)), dtype=np.float32)
        order = sorted(range(len(rows)), key=lambda i: max(len(side) for side in rows[i]))
        for start in range(0, len(order), BATCH):
            chosen = order[start:start + BATCH]
            result[chosen] = _softmax(self._logits([rows[i] for i in chosen]))
        return result

    def _logits(self, rows: list[tuple[list[int], ...]]) -> np.ndarray:
        width = self.info.get("length") or max(len(side) for row in rows for side in row)
        ids = np.full((len(rows), len(rows[0]), width), PAD_ID, dtype=np.int64)
        lengths = np.zeros((len(rows), len(rows[0])), dtype=np.int64)
        for r, row in enumerate(rows):
            for s, side in enumerate(row):
                ids[r, s, : len(side)] = side
                lengths[r, s] = len(side)
        if len(rows[0]) == 1:  # one text: ids (B, L), lengths (B,)
            ids, lengths = ids[:, 0], lengths[:, 0]
        return self.session.run(["logits"], {"ids": ids, "lengths": lengths})[0]

    def predict(self, texts: list[str], pairs: list[str] | None = None) -> list[tuple[str, dict[str, float]]]:
        """Each text's label and every label's probability. A two-class pair model decides
        at the threshold chosen in the studio (``bundle.json``'s ``threshold``)."""
        probabilities = self.probabilities(texts, pairs)
        threshold, positive = self.info.get("threshold"), self.info.get("positive")
        results = []
        for row in probabilities:
            if threshold is not None and positive is not None:
                p = row[self.labels.index(positive)]
                label = positive if p >= threshold else next(x for x in self.labels if x != positive)
            else:
                label = self.labels[int(row.argmax())]
            results.append((label, {name: float(v) for name, v in zip(self.labels, row)}))  # noqa: B905
        return results


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Predict with a model exported by Text Model Studio.")
    parser.add_argument("texts", nargs="*", help="texts to label (with --pair: text a and text b)")
    parser.add_argument("--pair", action="store_true", help="the two texts are one pair")
    parser.add_argument("--file", help="one text per line (a pair model: text a<TAB>text b, further columns "
                                       "ignored)")
    parser.add_argument("--model", default=str(Path(__file__).resolve().parent), help="the bundle folder")
    parser.add_argument("--json", action="store_true", help="print one JSON object per text")
    args = parser.parse_args(argv)
    model = Model(args.model)
    if args.pair and not model.takes_pairs:
        parser.error("this model reads one text: give the texts without --pair")
    if args.file:
        lines = [line for line in Path(args.file).read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        cells = [line.split("\t", 2)[:2] if model.takes_pairs else [line] for line in lines]
    elif args.pair:
        if len(args.texts) != 2:
            parser.error("--pair takes two texts")
        cells = [args.texts]
    else:
        cells = [[text] for text in args.texts]
    if not cells:
        parser.error("give texts, --pair A B or --file")
    if model.takes_pairs and any(len(c) < 2 for c in cells):
        parser.error("this model reads text pairs: give --pair A B, or a file of text a<TAB>text b")
    texts = [c[0] for c in cells]
    pairs = [c[1] for c in cells] if model.takes_pairs else None
    for text, (label, probabilities) in zip(cells, model.predict(texts, pairs)):  # noqa: B905
        if args.json:
            print(json.dumps({"text": text, "label": label, "probabilities": probabilities}, ensure_ascii=False))
        else:
            print(f"{label}\t{probabilities[label]:.4f}\t" + "\t".join(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
