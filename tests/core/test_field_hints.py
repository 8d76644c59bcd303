"""Schema hints: when a config field applies, and which fields name files."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from studio.core.field_hints import applies, depends_on, file_kind
from studio.core.models.mlp import MLPConfig
from studio.core.models.textcnn import TextCNNConfig
from studio.core.models.transformer import TransformerConfig
from studio.core.training.config import TrainingConfig


def _config_classes() -> list[type[BaseModel]]:
    from studio.core.embeddings.word2vec import Word2VecConfig
    from studio.core.models import get_entry, model_names
    from studio.core.text.config import TextConfig
    from studio.core.text.tokenizers import TokenizerConfig

    return [*(get_entry(name).config_cls for name in model_names()), TextConfig, TokenizerConfig,
            TrainingConfig, Word2VecConfig]


def test_step_settings_apply_only_to_the_step_schedule():
    fields = TrainingConfig.model_fields
    for name in ("step_size", "gamma"):
        assert depends_on(fields[name]) == ("lr_schedule",)
        assert applies(fields[name], TrainingConfig(lr_schedule="step").model_dump())
        assert not applies(fields[name], TrainingConfig().model_dump())  # constant
        assert not applies(fields[name], TrainingConfig(lr_schedule="cosine").model_dump())
    assert applies(fields["warmup_steps"], TrainingConfig().model_dump())  # every schedule warms up


def test_model_fields_that_depend_on_others():
    transformer = TransformerConfig.model_fields["max_positions"]
    assert not applies(transformer, TransformerConfig().model_dump())
    assert applies(transformer, TransformerConfig(positions="learned").model_dump())
    for name in ("num_layers", "dropout"):
        field = MLPConfig.model_fields[name]
        assert applies(field, MLPConfig().model_dump())
        assert not applies(field, MLPConfig(hidden_size=0).model_dump())


def test_pretrained_vector_fields():
    fields = TextCNNConfig.model_fields
    assert file_kind(fields["pretrained_vectors"]) == "vectors"
    assert file_kind(fields["pretrained_vocab"]) == "vectors_vocab"
    assert file_kind(fields["embedding_dim"]) is None
    none, text, npz = ({"pretrained_vectors": p} for p in ("", "/v/sgns.txt", "/v/vectors.NPZ"))
    assert [applies(fields["pretrained_limit"], v) for v in (none, text, npz)] == [False, True, True]
    assert [applies(fields["pretrained_vocab"], v) for v in (none, text, npz)] == [False, False, True]
    assert applies(fields["freeze_embedding"], none)  # freezing random vectors is a choice too


def test_every_condition_names_a_field_of_its_config_and_is_understood():
    for cls in _config_classes():
        defaults = cls().model_dump()
        for name, field in cls.model_fields.items():
            for other in depends_on(field):
                assert other in cls.model_fields and other != name, f"{cls.__name__}.{name} depends on {other}"
            applies(field, defaults)  # raises on a condition it does not know


def test_an_unknown_condition_is_a_programming_error():
    class Odd(BaseModel):
        a: int = 0
        b: int = Field(0, json_schema_extra={"visible_when": {"a": {"between": [1, 2]}}})

    with pytest.raises(ValueError, match="between"):
        applies(Odd.model_fields["b"], {"a": 1})
