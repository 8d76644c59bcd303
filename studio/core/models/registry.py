"""One registry ties a model name to its pydantic config class, its module and its tasks.

``@register_model("textcnn", config=TextCNNConfig, tasks=...)`` on the model class is the
only place a model's name is written; the GUI form, the CLI and saved projects all go
through :func:`parse_config` and :func:`build_model`.

Tasks (:data:`TASKS`) and the input each one gives a model's ``forward(ids, lengths)``:

- ``"classification"``: one text. ``ids (B, L)`` long, each row padded with PAD = 0 to
  ``L``; ``lengths (B,)`` long. Output: logits ``(B, C)``.
- ``"pair"``: sentence-pair matching (are text a and text b the same question?). A
  classifier serves it as the ``a <sep> b`` baseline: the reader joins the two texts
  into one (``text_pair_column``), so it still gets ``ids (B, L)`` / ``lengths (B,)``.
  A pair-only model (tasks ``("pair",)``: ESIM, the Siamese encoder) gets the two sides
  apart: ``ids (B, 2, L)`` long, side a then side b, each padded with PAD = 0 to the
  same ``L``; ``lengths (B, 2)`` long, the real length of each side. Output: logits
  ``(B, C)``.

:func:`takes_pairs` says which input a model expects; :func:`check_task` refuses a model
for a task it does not serve.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ValidationError
from torch import nn

from studio.core.errors import ConfigError
from studio.core.messages import Message, message
from studio.core.validation import config_error

TASKS = ("classification", "pair")


@dataclass(frozen=True)
class ModelEntry:
    """A registered model: its name, config class, module class and the tasks it serves
    (a subset of :data:`TASKS`, in that order)."""

    name: str
    config_cls: type[BaseModel]
    model_cls: type[nn.Module]
    tasks: tuple[str, ...] = ("classification",)

    @property
    def takes_pairs(self) -> bool:
        """True for a pair-only model: ``ids (B, 2, L)``, ``lengths (B, 2)`` (see the module
        docstring); False for a one-text model, ``ids (B, L)``, ``lengths (B,)``."""
        return "classification" not in self.tasks

    @property
    def title(self) -> str:
        return self.config_cls.model_json_schema().get("title", self.name)

    @property
    def description(self) -> str:
        return (self.model_cls.__doc__ or "").strip().split("\n\n")[0]


_REGISTRY: dict[str, ModelEntry] = {}


def register_model(name: str, config: type[BaseModel], tasks: tuple[str, ...] = ("classification",)):
    """Class decorator: register ``cls`` under ``name`` with its config class and the
    tasks it serves (see the module docstring for the input each task gives).

    Raises:
        ValueError: the name is taken, or a task is not one of :data:`TASKS` (both
            programming errors).
    """
    tasks = tuple(tasks)
    _check_tasks(tasks)
    if not tasks:
        raise ValueError(f"model {name!r} serves no task")

    def decorate(cls: type[nn.Module]) -> type[nn.Module]:
        if name in _REGISTRY:
            raise ValueError(f"model {name!r} is registered twice")
        _REGISTRY[name] = ModelEntry(name, config, cls, tuple(t for t in TASKS if t in tasks))
        return cls

    return decorate


def _check_tasks(tasks) -> None:
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        raise ValueError(f"unknown task {unknown[0]!r}; the tasks are {', '.join(TASKS)}")


def model_names(task: str | None = None) -> list[str]:
    """Registered model names, in registration order; with ``task``, only the models
    that serve it (``"classification"`` or ``"pair"``).

    Raises:
        ValueError: ``task`` is not one of :data:`TASKS` (a programming error).
    """
    if task is None:
        return list(_REGISTRY)
    _check_tasks([task])
    return [name for name, entry in _REGISTRY.items() if task in entry.tasks]


def takes_pairs(name: str) -> bool:
    """Whether model ``name`` takes the two sides of a pair apart (``ids (B, 2, L)``).

    Raises:
        ConfigError: unknown model name.
    """
    return get_entry(name).takes_pairs


def check_task(name: str, task: str) -> None:
    """Refuse model ``name`` for a project of ``task`` when it does not serve it.

    Raises:
        ConfigError: ``model.wrong_task``, naming the model, the task and the models that
            serve it; or an unknown model name.
        ValueError: ``task`` is not one of :data:`TASKS` (a programming error).
    """
    _check_tasks([task])
    if task not in get_entry(name).tasks:
        task_name = message("model.task_pair") if task == "pair" else message("model.task_classification")
        raise ConfigError("model.wrong_task", model=name, task=task_name, choices=", ".join(model_names(task)))


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
