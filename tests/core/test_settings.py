"""Settings: the model group is the typed config of a registered model."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from studio.core.errors import ConfigError
from studio.core.models import default_config
from studio.core.settings import Settings


def test_the_model_is_its_config_object():
    settings = Settings(model={"type": "textrnn", "hidden_size": 33})
    assert isinstance(settings.model, default_config("textrnn").__class__)
    assert settings.model.type == "textrnn" and settings.model.hidden_size == 33
    assert Settings().model == default_config("textcnn")


def test_dumped_as_a_dict_with_every_field_and_read_back():
    settings = Settings(model={"type": "textrnn", "hidden_size": 33})
    dumped = settings.model_dump()
    assert dumped["model"] == default_config("textrnn").model_copy(update={"hidden_size": 33}).model_dump()
    assert Settings.from_dict(dumped) == settings
    assert Settings(model=settings.model).model == settings.model  # a config object is taken as it is


def test_model_copy_validates_a_model_dict():
    settings = Settings()
    copied = settings.model_copy(update={"model": {"type": "fasttext"}})
    assert isinstance(copied.model, BaseModel) and copied.model.type == "fasttext"
    assert settings.model_copy(update={"model": default_config("mlp")}).model.type == "mlp"
    with pytest.raises(ConfigError, match="unknown model"):
        settings.model_copy(update={"model": {"type": "nonsense"}})


@pytest.mark.parametrize("model, expected", [
    ({"type": "textcnn", "kernel_sizes": []}, "model: kernel_sizes: Should have at least 1 item(s)"),
    ({"type": "textcnn", "colour": "red"}, "model: colour: Unknown setting; remove it"),
    ({"type": "nonsense"}, "model: model type: unknown model 'nonsense'"),
    (3, "model: Input should be a group of settings"),
])
def test_an_invalid_model_names_the_field(model, expected):
    with pytest.raises(ConfigError) as caught:
        Settings.from_dict({"model": model})
    assert str(caught.value).startswith(expected)
    assert caught.value.code == "config.invalid"
