"""Training settings (optimizer, schedule, regularisation, checkpoints, device)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TrainingConfig(BaseModel):
    """Adam on cross-entropy, validated after every epoch, best weights kept.

    The defaults train as the studio always did: a constant learning rate, no
    warm-up, no gradient clipping, no weight decay, no label smoothing, no weight
    averaging, no R-Drop and no class weights.
    """

    model_config = ConfigDict(extra="forbid", title="Training")

    epochs: int = Field(3, ge=1, le=1000, title="Epochs", description="Passes over the training split.")
    batch_size: int = Field(128, ge=1, le=65536, title="Batch size", description="Examples per step.")
    lr: float = Field(1e-3, gt=0.0, le=10.0, title="Learning rate", description="Adam step size.")
    lr_schedule: Literal["constant", "step", "cosine"] = Field(
        "constant", title="LR schedule",
        description="constant: the learning rate throughout; step: multiplied by gamma every "
                    "step_size epochs; cosine: cosine decay to 0 over all steps after the warm-up "
                    "(Loshchilov & Hutter 2017, without restarts).")
    step_size: int = Field(1, ge=1, le=1000, title="Step size",
                           description="Step schedule: epochs between learning-rate drops.",
                           json_schema_extra={"visible_when": {"lr_schedule": ["step"]}})
    gamma: float = Field(0.5, gt=0.0, le=1.0, title="Gamma",
                         description="Step schedule: factor applied to the learning rate at each drop.",
                         json_schema_extra={"visible_when": {"lr_schedule": ["step"]}})
    warmup_steps: int = Field(0, ge=0, le=10_000_000, title="Warm-up steps",
                              description="Raise the learning rate linearly from 0 over this many "
                                          "steps, then follow the schedule; 0 = no warm-up.")
    grad_clip: float = Field(0.0, ge=0.0, le=1e6, title="Gradient clip",
                             description="Largest global L2 norm of the gradients before each step; "
                                         "0 = no clipping.")
    weight_decay: float = Field(0.0, ge=0.0, le=1.0, title="Weight decay",
                                description="Decoupled weight decay (AdamW, Loshchilov & Hutter 2019) "
                                            "on the dense parameters; sparse embedding tables are "
                                            "not decayed; 0 = off.")
    label_smoothing: float = Field(0.0, ge=0.0, lt=1.0, title="Label smoothing",
                                   description="Share of the target mass spread evenly over all "
                                               "classes (Szegedy et al. 2016); 0 = off.")
    ema_decay: float = Field(0.0, ge=0.0, lt=1.0, title="Weight averaging (EMA)",
                             description="Keep an exponential moving average of the weights, updated "
                                         "after every step with this decay (e.g. 0.999), and validate, "
                                         "keep and save the averaged weights (Polyak & Juditsky 1992; "
                                         "torch.optim.swa_utils); 0 = off.")
    rdrop_alpha: float = Field(
        0.0, ge=0.0, le=100.0, title="R-Drop weight",
        description="Run each batch twice, with different dropout masks, and add this weight times "
                    "the symmetric KL divergence between the two predictions to the loss (Liang et al. "
                    "2021, R-Drop): the model learns to agree with itself under dropout. A step costs "
                    "about twice as much; 0 = off.")
    swap_pairs: bool = Field(
        False, title="Swap pair texts",
        description="Sentence pairs only: each epoch presents a random half of the training pairs "
                    "with their two texts swapped, for tasks where (a, b) means the same as (b, a), "
                    "such as question matching. Ignored for one-text tasks.")
    class_weights: Literal["none", "balanced"] = Field(
        "none", title="Class weights",
        description="balanced: weight each class's loss by n_samples / (n_classes * count) on the "
                    "training split, as scikit-learn does; none: every example counts the same.")
    patience: int = Field(3, ge=0, le=1000, title="Patience",
                          description="Stop after this many epochs without a better validation "
                                      "accuracy; 0 never stops early.")
    checkpoint_every_s: float = Field(30.0, gt=0.0, le=86400.0, title="Checkpoint every (s)",
                                      description="When the run has a folder: seconds between "
                                                  "checkpoints within an epoch (one is always "
                                                  "written at the end of each epoch).")
    length_buckets: bool = Field(
        True, title="Batch by length",
        description="Draw each batch from texts of similar length and cut it to its longest text: "
                    "the same model with far less padding (several times faster on short texts such "
                    "as questions). Off: each batch is a plain random draw, padded to max_len.")
    precision: Literal["auto", "fp32", "bf16", "fp16"] = Field(
        "auto", title="Precision",
        description="auto: bf16 mixed precision where the hardware computes bf16 natively (a CPU "
                    "with AVX512-BF16 or AMX, a CUDA GPU from Ampere on), fp16 with loss scaling on "
                    "an older CUDA GPU, fp32 elsewhere; bf16 or fp16: always (slow where emulated); "
                    "fp32: never. Weights and optimizer stay fp32.")
    seed: int = Field(42, ge=0, title="Seed", description="Seeds weights and batch order.")
    device: Literal["auto", "cpu", "cuda", "mps"] = Field(
        "auto", title="Device", description="auto: CUDA, then Apple MPS, then CPU.")
