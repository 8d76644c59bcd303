"""What a hyperparameter search varies: one :class:`ParamSpec` per setting, proposed from the
setting's pydantic field (its bounds, its kind, its default) and editable before the search.

A spec's ``key`` is ``"<group>.<field>"`` with group ``model``, ``training`` or ``text``
(``model.dropout``, ``training.lr``, ``text.max_len``). Optuna suggests its values
(``trial.suggest_float``/``suggest_int``/``suggest_categorical``); a list setting such as
``kernel_sizes`` is offered as a few choices written ``"3,4,5"``, since Optuna's choices
must be plain scalars.
"""

from __future__ import annotations

import math
import typing
from typing import Any, Literal

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel, ConfigDict, Field, model_validator

from studio.core.errors import ConfigError
from studio.core.settings import Settings

Group = Literal["model", "training", "text"]

# training and text settings a search may vary; the rest (epochs: the budget; seed, device,
# precision, checkpoints) describe how to run, not what to learn
TRAINING_FIELDS = ("lr", "batch_size", "lr_schedule", "weight_decay", "label_smoothing", "rdrop_alpha",
                   "grad_clip", "warmup_steps", "class_weights")
TEXT_FIELDS = ("max_len", "min_freq")
# model fields that name files or limit a file's reading: not settings to search
MODEL_SKIPPED = ("type", "pretrained_vectors", "pretrained_vocab", "pretrained_limit")

# where the field's own bounds are far wider than anything worth trying
KNOWN_RANGES: dict[str, tuple[float, float, bool]] = {  # field -> low, high, log scale
    "lr": (1e-4, 1e-2, True),
    "weight_decay": (1e-6, 1e-1, True),
    "grad_clip": (0.1, 10.0, True),
    "label_smoothing": (0.0, 0.2, False),
    "rdrop_alpha": (0.0, 5.0, False),
    "warmup_steps": (0, 2000, False),
}
BATCH_SIZES = (16, 32, 64, 128, 256, 512)
MAX_DROPOUT = 0.7  # above it a model mostly learns from noise


class ParamSpec(BaseModel):
    """One setting a search varies and the values it may take.

    ``kind`` ``float``/``int``: ``low..high`` (both included), on a log scale when
    ``log``; ``categorical``: one of ``choices`` (bools, numbers, strings; a list setting's
    choices are comma-separated ints).
    """

    model_config = ConfigDict(extra="forbid")

    group: Group
    name: str = Field(min_length=1)
    kind: Literal["float", "int", "categorical"]
    low: float | None = None
    high: float | None = None
    log: bool = False
    choices: list[bool | int | float | str] | None = None

    @model_validator(mode="after")
    def _check(self) -> ParamSpec:
        if self.kind == "categorical":
            if not self.choices:
                raise ValueError(f"{self.key}: a categorical setting needs at least one choice")
        elif self.low is None or self.high is None or self.low > self.high:
            raise ValueError(f"{self.key}: needs low <= high")
        elif self.log and self.low <= 0:
            raise ValueError(f"{self.key}: a log scale needs low > 0")
        return self

    def edited(self, low: str = "", high: str = "", choices: str = "") -> ParamSpec:
        """This setting with a range or choices as a user typed them: ``low``/``high``
        numbers, or ``choices`` separated by ``/`` (true/false and numbers are read as such;
        ``3,4,5`` stays a kernel-size choice).

        Raises:
            ValueError: text that is not a number, ``low > high``, no choice, or a log
                scale reaching 0 (pydantic's ValidationError is a ValueError).
        """
        if self.kind == "categorical":
            values = [_choice(c) for c in choices.split("/") if c.strip()]
            return self.model_validate({**self.model_dump(), "choices": values})
        return self.model_validate({**self.model_dump(), "low": float(low), "high": float(high)})

    @property
    def key(self) -> str:
        return f"{self.group}.{self.name}"

    def suggest(self, trial: Any) -> Any:
        """The value an Optuna ``trial`` picks for this setting (as Optuna stores it)."""
        if self.kind == "categorical":
            return trial.suggest_categorical(self.key, self.choices)
        if self.kind == "int":
            return trial.suggest_int(self.key, int(self.low), int(self.high), log=self.log)
        return trial.suggest_float(self.key, self.low, self.high, log=self.log)


def searchable(settings: Settings) -> list[str]:
    """The keys of every setting of ``settings``' model, training and text a search can vary,
    in form order."""
    keys = []
    for group, config, names in _groups(settings):
        for name in names:
            if _propose(group, name, config) is not None:
                keys.append(f"{group}.{name}")
    return keys


def propose(settings: Settings, keys: list[str] | None = None) -> list[ParamSpec]:
    """Proposed ranges for ``keys`` (default: every :func:`searchable` one), from each field's
    bounds and default in ``settings``: a log scale for the learning rate and weight decay,
    integer steps for sizes (log when they span 8x or more), choices for booleans, enums,
    batch sizes and kernel-size lists.

    Raises:
        ConfigError: a key that is not a searchable setting (``search.unknown_setting``).
    """
    keys = searchable(settings) if keys is None else keys
    configs = {group: (config, names) for group, config, names in _groups(settings)}
    specs = []
    for key in keys:
        group, _, name = key.partition(".")
        config, names = configs.get(group, (None, ()))
        spec = _propose(group, name, config) if name in names else None
        if spec is None:
            raise ConfigError("search.unknown_setting", key=key, choices=", ".join(searchable(settings)))
        specs.append(spec)
    return specs


def apply(settings: Settings, values: dict[str, Any]) -> Settings:
    """``settings`` with ``values`` (``{key: value}`` as a trial holds them) put in place,
    validated: a ``"3,4,5"`` choice becomes the list ``[3, 4, 5]``.

    Raises:
        ConfigError: a value the setting does not accept, naming the field.
    """
    data = settings.model_dump()
    for key, value in values.items():
        group, _, name = key.partition(".")
        if group not in ("model", "training", "text") or name not in data[group]:
            raise ConfigError("search.unknown_setting", key=key, choices=", ".join(searchable(settings)))
        if isinstance(data[group][name], list | tuple) and isinstance(value, str):
            value = [int(part) for part in value.split(",")]
        data[group][name] = value
    return Settings.from_dict(data)


def _groups(settings: Settings) -> list[tuple[str, BaseModel, tuple[str, ...]]]:
    model_names = tuple(name for name in type(settings.model).model_fields if name not in MODEL_SKIPPED)
    return [("model", settings.model, model_names), ("training", settings.training, TRAINING_FIELDS),
            ("text", settings.text, TEXT_FIELDS)]


def _bounds(metadata) -> tuple[float, float]:
    """``ge``/``gt`` and ``le``/``lt`` of a field's (or a list item's) constraints."""
    low, high = -math.inf, math.inf
    for item in metadata:
        if isinstance(item, Ge):
            low = item.ge
        elif isinstance(item, Gt):
            low = item.gt
        elif isinstance(item, Le):
            high = item.le
        elif isinstance(item, Lt):
            high = item.lt
    return low, high


def _propose(group: str, name: str, config: BaseModel) -> ParamSpec | None:
    """The proposed range of one field, or None for a field a search cannot vary."""
    field = type(config).model_fields.get(name)
    if field is None:
        return None
    annotation, default = field.annotation, getattr(config, name)
    low, high = _bounds(field.metadata)
    origin = typing.get_origin(annotation)
    if annotation is bool:
        return ParamSpec(group=group, name=name, kind="categorical", choices=[False, True])
    if origin is Literal:
        return ParamSpec(group=group, name=name, kind="categorical", choices=list(typing.get_args(annotation)))
    if origin in (list, tuple) or isinstance(default, list | tuple):
        return _list_choices(group, name, default, field)
    if name == "batch_size":
        return ParamSpec(group=group, name=name, kind="categorical",
                         choices=sorted({*BATCH_SIZES, int(default)} & set(range(int(low), int(high) + 1))))
    if name in KNOWN_RANGES:
        lo, hi, log = KNOWN_RANGES[name]
        kind = "int" if annotation is int else "float"
        return ParamSpec(group=group, name=name, kind=kind, low=max(lo, low), high=min(hi, high), log=log)
    if annotation is float:
        if low >= 0 and high <= 1:  # a rate, a dropout
            return ParamSpec(group=group, name=name, kind="float", low=low, high=min(high, MAX_DROPOUT))
        lo, hi = max(low, default / 4), min(high, default * 4)
        if not 0 < lo < hi:
            return None
        return ParamSpec(group=group, name=name, kind="float", low=lo, high=hi, log=True)
    if annotation is int:
        lo = int(max(low, 1, default // 4))
        hi = int(min(high, max(default * 4, default + 2)))
        if lo >= hi:
            return None
        return ParamSpec(group=group, name=name, kind="int", low=lo, high=hi, log=hi / lo >= 8)
    return None


def _list_choices(group: str, name: str, default, field) -> ParamSpec | None:
    """Kernel sizes and the like: the default, shifted down and up by one, one shorter and
    one longer, as comma-separated choices."""
    values = [int(v) for v in default]
    if not values:
        return None
    low = 1
    args = typing.get_args(field.annotation)
    if args:
        item_low = _bounds(item for a in getattr(args[0], "__metadata__", ())
                           for item in getattr(a, "metadata", [a]))[0]
        low = max(low, int(item_low)) if math.isfinite(item_low) else low
    candidates = [values, [v - 1 for v in values], [v + 1 for v in values], values[:-1],
                  [*values, max(values) + 1]]
    choices = []
    for candidate in candidates:
        text = ",".join(map(str, candidate))
        if candidate and min(candidate) >= low and text not in choices:
            choices.append(text)
    return ParamSpec(group=group, name=name, kind="categorical", choices=choices)


def _choice(text: str):
    """A choice as typed: true/false, an int, a float, else the text itself."""
    text = text.strip()
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text
