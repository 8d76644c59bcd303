"""Everything a user sets for one experiment: data, text, model and training."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from studio.core.data.dataset import DatasetConfig
from studio.core.errors import ConfigError
from studio.core.models import parse_config
from studio.core.models.registry import format_validation_error
from studio.core.text.config import TextConfig
from studio.core.training.config import TrainingConfig


class Settings(BaseModel):
    """The four groups of settings; ``model`` is any registered model's config as a dict."""

    model_config = ConfigDict(extra="forbid")

    dataset: DatasetConfig = Field(default_factory=DatasetConfig)
    text: TextConfig = Field(default_factory=TextConfig)
    model: dict[str, Any] = Field(default_factory=lambda: {"type": "textcnn"}, validate_default=True)
    training: TrainingConfig = Field(default_factory=TrainingConfig)

    @field_validator("model")
    @classmethod
    def _validate_model(cls, value: dict[str, Any]) -> dict[str, Any]:
        try:
            return parse_config(value).model_dump()
        except ConfigError as exc:
            raise ValueError(str(exc)) from None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Settings":
        """Validate saved settings.

        Raises:
            ConfigError: naming every invalid or unknown field.
        """
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(format_validation_error(exc)) from None
