"""Training settings (optimizer, schedule, device)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TrainingConfig(BaseModel):
    """Adam on cross-entropy, validated after every epoch, best weights kept."""

    model_config = ConfigDict(extra="forbid", title="Training")

    epochs: int = Field(3, ge=1, le=1000, title="Epochs", description="Passes over the training split.")
    batch_size: int = Field(128, ge=1, le=65536, title="Batch size", description="Examples per step.")
    lr: float = Field(1e-3, gt=0.0, le=10.0, title="Learning rate", description="Adam step size.")
    patience: int = Field(3, ge=0, le=1000, title="Patience",
                          description="Stop after this many epochs without a better validation "
                                      "accuracy; 0 never stops early.")
    seed: int = Field(42, ge=0, title="Seed", description="Seeds weights and batch order.")
    device: Literal["auto", "cpu", "cuda", "mps"] = Field(
        "auto", title="Device", description="auto: CUDA, then Apple MPS, then CPU.")
