"""Everything a user sets for one experiment: data, text, model and training."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny, ValidationError, field_validator

from studio.core.data.dataset import DatasetConfig
from studio.core.errors import ConfigError
from studio.core.models import parse_config, takes_pairs
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig
from studio.core.validation import MessageValueError, config_error


def _default_model() -> BaseModel:
    return parse_config({"type": "textcnn"})


class Settings(BaseModel):
    """The four groups of settings. ``model`` is the config object of a registered model
    (``settings.model.type``, ``.embedding_dim``…): a dict given for it (``{"type":
    "textcnn", ...}``) is validated into its model's config class, and
    :meth:`model_dump` writes it back as a dict with every field."""

    model_config = ConfigDict(extra="forbid")

    dataset: DatasetConfig = Field(default_factory=DatasetConfig)
    text: TextConfig = Field(default_factory=TextConfig)
    model: SerializeAsAny[BaseModel] = Field(default_factory=_default_model)
    training: TrainingConfig = Field(default_factory=TrainingConfig)

    @field_validator("model", mode="before")
    @classmethod
    def _validate_model(cls, value: Any) -> Any:
        if not isinstance(value, (dict, BaseModel)):
            return value  # pydantic says it should be a group of settings
        try:
            return parse_config(value)
        except ConfigError as exc:  # worded as the model's own problems, under the field "model"
            raise MessageValueError(exc.code, **exc.params) from None

    @property
    def task(self) -> str:
        """The project's task, ``"classification"`` or ``"pair"``: :attr:`DatasetConfig.task`."""
        return self.dataset.task

    @property
    def pairs_apart(self) -> bool:
        """Whether the two texts of a pair are encoded apart, ``ids (N, 2, L)``: a pair task
        with a model that reads both sides; otherwise a pair is read as ``a <sep> b``."""
        return self.task == "pair" and takes_pairs(self.model.type)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Validate saved settings.

        Raises:
            ConfigError: naming every invalid or unknown field.
        """
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise config_error(exc) from None

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Settings:
        """A copy with ``update`` applied; a ``model`` given as a dict is validated into its
        config class first, as on construction.

        Raises:
            ConfigError: ``update["model"]`` is not a valid model config.
        """
        if update and isinstance(update.get("model"), dict):
            update = {**update, "model": parse_config(update["model"])}
        return super().model_copy(update=update, deep=deep)
