"""Attacks on the studio, each reproduced as files on disk.

Every test here runs with HOME and the studio's cache pointed at a temporary folder, so
an attack that works writes into that folder and is caught, never into the real home.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def fake_home(tmp_path_factory, monkeypatch) -> Path:
    """A temporary HOME (and cache) for the test; returns the HOME folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(home / ".cache" / "text-model-studio"))
    return home
