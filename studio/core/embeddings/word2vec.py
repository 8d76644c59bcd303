"""Train word2vec (Mikolov et al. 2013) with gensim on token lists, with progress and stop.

gensim reads the corpus once to count words, then ``epochs`` times to train, from its
own producer thread. The corpus here is an iterable that counts what gensim has taken
(the progress, reported to a :class:`~studio.core.report.Reporter`) and yields nothing
more once the reporter is stopped, so a stopped run ends within a batch instead of
finishing its epochs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from studio.core.errors import ConfigError
from studio.core.messages import message
from studio.core.report import Reporter

REPORT_INTERVAL_S = 0.1


class Word2VecConfig(BaseModel):
    """word2vec settings; the names are gensim's, the defaults are the paper's."""

    model_config = ConfigDict(extra="forbid")

    algorithm: Literal["skipgram", "cbow"] = Field(
        "skipgram", title="Algorithm",
        description="skip-gram predicts the context from a word (better for rare words); "
                    "CBOW predicts a word from its context (faster).")
    vector_size: int = Field(100, ge=2, le=1000, title="Vector size",
                             description="Dimensions of each word vector.")
    window: int = Field(5, ge=1, le=50, title="Window",
                        description="Largest distance between a word and a context word, in tokens.")
    negative: int = Field(5, ge=1, le=50, title="Negative samples",
                          description="Noise words drawn per positive pair (negative sampling).")
    min_count: int = Field(5, ge=1, le=10_000, title="Min count",
                           description="Tokens seen fewer times than this get no vector.")
    epochs: int = Field(5, ge=1, le=200, title="Epochs", description="Passes over the texts.")
    workers: int = Field(default_factory=lambda: max(1, min(8, os.cpu_count() or 1)), ge=1, le=64,
                         title="Workers", description="Training threads.")
    seed: int = Field(42, title="Seed", description="Seed of the random initial vectors.")


@dataclass(frozen=True)
class Word2VecProgress:
    """Where training is: ``epoch`` (0 while counting words) of ``epochs``, ``fraction``
    of all work done (0.0 to 1.0) and the last finished epoch's ``loss`` (gensim's summed
    negative-sampling loss over that epoch, or ``None`` before the first ends)."""

    epoch: int
    epochs: int
    fraction: float
    loss: float | None


class _Corpus:
    """Re-iterable token lists that report how many gensim has taken and stop early."""

    def __init__(self, sentences: Sequence[list[str]], report: Callable[[int], None], stop: Reporter):
        self.sentences, self.report, self.stop = sentences, report, stop

    def __iter__(self) -> Iterator[list[str]]:
        stop, last = self.stop, 0.0
        for i, sentence in enumerate(self.sentences):
            if stop.stopped:
                return
            now = time.monotonic()
            if now - last >= REPORT_INTERVAL_S:
                last = now
                self.report(i)
            yield sentence
        self.report(len(self.sentences))


def train_word2vec(sentences: Sequence[list[str]], config: Word2VecConfig | None = None,
                   report: Reporter | None = None):
    """Train word vectors on ``sentences`` (token lists, e.g. ``Tokenizer.tokenize_many``).

    ``report`` gets the fraction of all work done as progress and, about every 0.1 s
    (from gensim's corpus thread), a :class:`Word2VecProgress` event; stopping it ends
    training within a batch.

    Returns:
        gensim ``KeyedVectors``, keys ordered by falling count, each vector ``(vector_size,)``.

    Raises:
        ConfigError: no token occurs ``min_count`` times.
        Cancelled: ``report`` was stopped.
    """
    from gensim.models import Word2Vec
    from gensim.models.callbacks import CallbackAny2Vec

    config, report = config or Word2VecConfig(), report or Reporter()
    n, epochs = max(1, len(sentences)), config.epochs
    state = {"epoch": 0, "loss": None, "total_loss": 0.0}

    def taken_so_far(taken: int) -> None:
        epoch = state["epoch"]
        # counting words is one cheap pass; give it 5 % of the bar
        fraction = 0.05 * taken / n if epoch == 0 else 0.05 + 0.95 * ((epoch - 1) * n + taken) / (epochs * n)
        report.event(Word2VecProgress(epoch, epochs, min(1.0, fraction), state["loss"]))
        report.progress(fraction)

    class EpochWatch(CallbackAny2Vec):
        def on_epoch_begin(self, model) -> None:
            state["epoch"] += 1

        def on_epoch_end(self, model) -> None:
            total = model.get_latest_training_loss()
            state["loss"], state["total_loss"] = total - state["total_loss"], total

    corpus = _Corpus(sentences, taken_so_far, report)
    model = Word2Vec(vector_size=config.vector_size, window=config.window, negative=config.negative,
                     hs=0, sg=int(config.algorithm == "skipgram"), min_count=config.min_count,
                     workers=config.workers, seed=config.seed, compute_loss=True)
    model.build_vocab(corpus)
    report.check()
    if len(model.wv) == 0:
        raise ConfigError("config.field", field="min_count", problem=message(
            "vectors.min_count_too_high", min_count=config.min_count, texts=len(sentences)))
    model.train(corpus, total_examples=model.corpus_count, epochs=epochs,
                callbacks=[EpochWatch()], compute_loss=True)
    report.check()
    taken_so_far(n)
    return model.wv
