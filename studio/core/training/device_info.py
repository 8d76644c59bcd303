"""What a training device is, worded for the GUI and the CLI; torch-free, so the window can
name a device before PyTorch has loaded."""

from __future__ import annotations

from dataclasses import dataclass

from studio.core.messages import Message, message


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
        return self.message().english()

    def message(self) -> Message:
        """The name as a message (``training.device_cuda`` / ``_mps`` / ``_cpu``, or
        ``_cpu_one_thread``: English needs the singular), for a sentence that names the device."""
        if self.kind == "cuda":
            return message("training.device_cuda", name=self.name)
        if self.kind == "mps":
            return message("training.device_mps")
        if self.threads == 1:
            return message("training.device_cpu_one_thread")
        return message("training.device_cpu", threads=self.threads)
