"""Settings that turn text into model input: tokenizer, vocabulary limits, max_len."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from studio.core.text.tokenizers import TokenizerConfig


class TextConfig(BaseModel):
    """Tokenizer and vocabulary settings; the model sees ``max_len`` ids per text."""

    model_config = ConfigDict(extra="forbid")

    tokenizer: TokenizerConfig = Field(default_factory=TokenizerConfig)
    min_freq: int = Field(1, ge=1, title="Min frequency",
                          description="Tokens seen fewer times in the training split become <unk>.")
    max_size: int = Field(50000, ge=10, le=5_000_000, title="Max vocabulary size",
                          description="Largest vocabulary, counting <pad> and <unk>.")
    max_len: int = Field(32, ge=1, le=4096, title="Max length",
                         description="Tokens per text; longer texts are cut, shorter padded.")
