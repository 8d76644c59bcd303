"""Settings that do not validate are reported as codes: one ``config.field`` message per
field, worded from pydantic's error type (or our validator's own code), English as before."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from studio.core.embeddings.word2vec import Word2VecConfig
from studio.core.errors import ConfigError
from studio.core.messages import Message
from studio.core.models import build_model, parse_config
from studio.core.validation import MessageValueError, config_error, field_problems, problem_message, validation_problems


class Sample(BaseModel):
    model_config = ConfigDict(extra="forbid")

    size: int = Field(3, gt=0, le=10)
    rate: float = Field(0.5, ge=0.0, lt=1.0)
    widths: list[int] = Field([2], min_length=1, max_length=2)
    name: str = Field("a", min_length=1)
    kind: str = "x"

    @field_validator("kind")
    @classmethod
    def _known(cls, value: str) -> str:
        if value != "x":
            raise MessageValueError("model.ngram_size", size=value)
        return value


def problems_of(data: dict) -> list[tuple[str, str, dict]]:
    """(field, code, params) of each problem validating ``data`` against :class:`Sample`."""
    with pytest.raises(ValidationError) as info:
        Sample.model_validate(data)
    return [(p.params["field"], p.params["problem"].code, dict(p.params["problem"].params))
            for p in validation_problems(info.value)]


@pytest.mark.parametrize("data, expected", [
    ({"size": 0}, ("size", "config.greater_than", {"limit": 0})),
    ({"size": 11}, ("size", "config.less_than_equal", {"limit": 10})),
    ({"rate": -1}, ("rate", "config.greater_than_equal", {"limit": 0.0})),
    ({"rate": 1}, ("rate", "config.less_than", {"limit": 1.0})),
    ({"size": "many"}, ("size", "config.int_parsing", {})),
    ({"size": 1.5}, ("size", "config.int_parsing", {})),
    ({"rate": "fast"}, ("rate", "config.float_parsing", {})),
    ({"widths": []}, ("widths", "config.too_short", {"min_length": 1})),
    ({"widths": [1, 2, 3]}, ("widths", "config.too_long", {"max_length": 2})),
    ({"widths": 3}, ("widths", "config.list_type", {})),
    ({"name": ""}, ("name", "config.string_too_short", {"min_length": 1})),
    ({"extra": 1}, ("extra", "config.extra_forbidden", {})),
    ({"kind": "y"}, ("kind", "model.ngram_size", {"size": "y"})),
], ids=lambda value: str(value))
def test_each_pydantic_error_type_becomes_its_code(data, expected):
    assert problems_of(data) == [expected]


def test_an_error_type_without_a_wording_keeps_pydantics_text():
    error = {"type": "url_parsing", "loc": ("home",), "msg": "Value error, Input should be a valid URL"}
    assert problem_message(error) == Message("config.other", {"text": "Input should be a valid URL"})


def test_a_config_error_lists_every_field_and_words_them_as_before():
    with pytest.raises(ValidationError) as info:
        Sample.model_validate({"size": 0, "widths": [], "kind": "y"})
    error = config_error(info.value, prefix="model.")
    assert isinstance(error, ConfigError) and error.code == "config.invalid"
    assert str(error).splitlines() == [
        "model.size: Input should be greater than 0",
        "model.widths: Should have at least 1 item(s)",
        "model.kind: n-gram sizes must be between 2 and 6, got y",
    ]
    assert set(field_problems(info.value)) == {"size", "widths", "kind"}


def test_literal_choices_are_listed_without_an_english_or():
    with pytest.raises(ConfigError) as info:
        parse_config({"type": "textrnn", "cell": "cnn"})
    assert str(info.value) == "cell: Input should be one of: 'rnn', 'lstm', 'gru'"


def test_model_errors_carry_codes():
    with pytest.raises(ConfigError) as info:
        parse_config({"type": "nonsense"})
    assert info.value.code == "model.unknown_type" and "'nonsense'" in str(info.value)
    assert "textcnn" in str(info.value)
    with pytest.raises(ConfigError) as info:
        build_model({"type": "textcnn"}, 10, 1)
    assert str(info.value) == "num_classes: need at least 2 classes, got 1."
    assert info.value.params["problem"].code == "model.too_few_classes"


def test_a_validator_message_is_a_value_error_with_english_text():
    error = MessageValueError("model.ngram_size", size=9)
    assert isinstance(error, ValueError) and str(error) == "n-gram sizes must be between 2 and 6, got 9"
    with pytest.raises(ConfigError, match="^ngrams: n-gram sizes must be between 2 and 6, got 9$"):
        parse_config({"type": "fasttext", "ngrams": [2, 9]})


def test_word2vec_settings_validate_through_the_same_codes():
    with pytest.raises(ValidationError) as info:
        Word2VecConfig(vector_size=1)
    assert str(config_error(info.value)) == "vector_size: Input should be greater than or equal to 2"
