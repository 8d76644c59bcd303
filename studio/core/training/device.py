"""Pick the torch device: CUDA, then Apple MPS, then CPU, unless the user names one."""

from __future__ import annotations

import torch

from studio.core.errors import ConfigError


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
        raise ConfigError(
            f"device: {preference!r} is not available on this machine "
            f"(available: {', '.join(available_devices())}). Choose 'auto' or 'cpu'."
        )
    return torch.device(preference)


def describe_device(device: torch.device) -> str:
    """A short human name, e.g. ``"CUDA: NVIDIA H100"`` or ``"CPU (2 threads)"``."""
    if device.type == "cuda":
        return f"CUDA: {torch.cuda.get_device_name(device)}"
    if device.type == "mps":
        return "Apple MPS"
    return f"CPU ({torch.get_num_threads()} threads)"
