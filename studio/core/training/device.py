"""Pick the torch device: CUDA, then Apple MPS, then CPU, unless the user names one."""

from __future__ import annotations

import torch

from studio.core.errors import ConfigError
from studio.core.training.device_info import DeviceInfo


def available_devices() -> list[str]:
    found = ["cpu"]
    if torch.cuda.is_available():
        found.insert(0, "cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        found.insert(0, "mps")
    return found


def choose_device(preference: str = "auto") -> torch.device:
    """Resolve ``"auto" | "cpu" | "cuda" | "mps"`` to an available device.

    Raises:
        ConfigError: the named device is not available on this machine.
    """
    if preference == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if "mps" in available_devices():
            return torch.device("mps")
        return torch.device("cpu")
    if preference not in available_devices():
        raise ConfigError("training.device_unavailable", device=repr(preference),
                          available=", ".join(available_devices()))
    return torch.device(preference)


def native_bf16(device: torch.device) -> bool:
    """Whether ``device`` computes bf16 in hardware: a CPU with AVX512-BF16 or AMX, a CUDA
    GPU of compute capability 8.0 or later. Elsewhere bf16 is emulated and slower than fp32."""
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported(including_emulation=False)
    if device.type == "cpu":
        cpu = torch.cpu
        return any(getattr(cpu, probe, lambda: False)()
                   for probe in ("_is_avx512_bf16_supported", "_is_amx_tile_supported"))
    return False


def autocast_dtype(device: torch.device, precision: str) -> torch.dtype | None:
    """The dtype to autocast training to (``torch.autocast``; mixed precision after
    Micikevicius et al. 2018, with fp32 weights), or None for fp32. ``precision`` is
    ``TrainingConfig.precision`` (``"auto" | "fp32" | "bf16" | "fp16"``); ``"auto"`` gives
    bf16 where ``device`` computes it natively, fp16 on a CUDA GPU without bf16 (before
    Ampere; the Trainer then scales the loss with ``torch.amp.GradScaler``), else fp32."""
    if precision == "bf16" or (precision == "auto" and native_bf16(device)):
        return torch.bfloat16
    if precision == "fp16" or (precision == "auto" and device.type == "cuda"):
        return torch.float16
    return None


def device_info(device: torch.device) -> DeviceInfo:
    if device.type == "cuda":
        return DeviceInfo("cuda", torch.cuda.get_device_name(device), 0)
    if device.type == "mps":
        return DeviceInfo("mps", "Apple MPS", 0)
    return DeviceInfo("cpu", "", torch.get_num_threads())


def describe_device(device: torch.device) -> str:
    """A short English name, e.g. ``"CUDA: NVIDIA H100"`` or ``"CPU (2 threads)"``."""
    return device_info(device).english()
