"""Pick the torch device: CUDA, then Apple MPS, then CPU, unless the user names one."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class DeviceInfo:
    """What a device is, for the GUI to word and the CLI to print: ``kind`` is
    ``"cuda"``, ``"mps"`` or ``"cpu"``; ``name`` the GPU's name (empty for the CPU);
    ``threads`` the CPU threads torch uses (0 for a GPU)."""

    kind: str
    name: str
    threads: int

    def english(self) -> str:
        """A short English name, e.g. ``"CUDA: NVIDIA H100"`` or ``"CPU (2 threads)"``."""
        if self.kind == "cuda":
            return f"CUDA: {self.name}"
        if self.kind == "mps":
            return "Apple MPS"
        return f"CPU ({self.threads} threads)"


def device_info(device: torch.device) -> DeviceInfo:
    if device.type == "cuda":
        return DeviceInfo("cuda", torch.cuda.get_device_name(device), 0)
    if device.type == "mps":
        return DeviceInfo("mps", "Apple MPS", 0)
    return DeviceInfo("cpu", "", torch.get_num_threads())


def describe_device(device: torch.device) -> str:
    """A short English name, e.g. ``"CUDA: NVIDIA H100"`` or ``"CPU (2 threads)"``."""
    return device_info(device).english()
