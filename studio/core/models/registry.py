"""One registry ties a model name to its pydantic config class and its module.

``@register_model("textcnn", config=TextCNNConfig)`` on the model class is the only
place a model's name is written; the GUI form, the CLI and saved projects all go
through :func:`parse_config` and :func:`build_model`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ValidationError
from torch import nn

from studio.core.errors import ConfigError
from studio.core.messages import Message, message
from studio.core.validation import config_error


@dataclass(frozen=True)
class ModelEntry:
    name: str
    config_cls: type[BaseModel]
    model_cls: type[nn.Module]

    @property
    def title(self) -> str:
        return self.config_cls.model_json_schema().get("title", self.name)

    @property
    def description(self) -> str:
        return (self.model_cls.__doc__ or "").strip().split("\n\n")[0]


_REGISTRY: dict[str, ModelEntry] = {}


def register_model(name: str, config: type[BaseModel]):
    """Class decorator: register ``cls`` under ``name`` with its config class."""

    def decorate(cls: type[nn.Module]) -> type[nn.Module]:
        if name in _REGISTRY:
            raise ValueError(f"model {name!r} is registered twice")
        _REGISTRY[name] = ModelEntry(name, config, cls)
        return cls

    return decorate


def model_names() -> list[str]:
    return list(_REGISTRY)


def get_entry(name: str) -> ModelEntry:
    """Raises ConfigError for an unknown model name, listing the known ones."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError("model.unknown_type", name=repr(name), choices=", ".join(_REGISTRY)) from None


def parse_config(data: dict | BaseModel) -> BaseModel:
    """Validate a model config dict (it must hold ``type``) into its config class.

    Raises:
        ConfigError: unknown type, unknown key, or a value out of range; the message
            names the field.
    """
    if isinstance(data, BaseModel):
        return data
    entry = get_entry(str(data.get("type", "")))
    try:
        return entry.config_cls.model_validate(data)
    except ValidationError as exc:
        raise config_error(exc) from None


def default_config(name: str) -> BaseModel:
    return get_entry(name).config_cls()


def build_model(config: dict | BaseModel, vocab_size: int, num_classes: int) -> nn.Module:
    """Instantiate the model a config describes: ``Model(config, vocab_size, num_classes)``.

    Raises:
        ConfigError: the config is invalid or cannot be built for these sizes.
    """
    config = parse_config(config)
    if num_classes < 2:
        raise ConfigError("config.field", field="num_classes",
                          problem=message("model.too_few_classes", num_classes=num_classes))
    return get_entry(config.type).model_cls(config, vocab_size, num_classes)


def config_problems(config: dict | BaseModel, max_len: int) -> dict[str, Message]:
    """Settings that are valid alone but impossible for sequences of ``max_len`` tokens.

    A config class may define ``problems(self, max_len) -> dict[field, Message]`` (for
    example a kernel wider than ``max_len``); each message says what to change.
    Returns ``{}`` when the config has no such method or no problem.

    Raises:
        ConfigError: the config itself is invalid.
    """
    config = parse_config(config)
    check = getattr(config, "problems", None)
    return dict(check(max_len)) if check else {}


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
