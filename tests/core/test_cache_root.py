"""Where the studio keeps its cache: the platform's per-user cache folder, unless
STUDIO_CACHE_DIR says otherwise; an older studio's ~/.cache/text-model-studio is kept."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from studio.core.fileio import cache_root


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fake HOME, and no override: the platform's folder is used."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.delenv("STUDIO_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    return tmp_path


def test_the_override_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_root() == tmp_path / "elsewhere"


def test_the_tests_never_reach_the_users_cache():
    assert not cache_root().is_relative_to(Path.home() / ".cache")  # tests/conftest.py points it away


def test_the_platforms_cache_folder(home):
    assert cache_root() == Path(platformdirs.user_cache_dir("TextModelStudio", appauthor=False))
    if sys.platform.startswith("linux"):
        assert cache_root() == home / ".cache" / "TextModelStudio"
    elif sys.platform == "darwin":
        assert cache_root() == home / "Library" / "Caches" / "TextModelStudio"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are for Linux")
def test_xdg_cache_home_is_followed(home, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg"))
    assert cache_root() == home / "xdg" / "TextModelStudio"


def test_an_older_studios_cache_stays_in_use_until_the_new_one_exists(home):
    legacy = home / ".cache" / "text-model-studio"
    legacy.mkdir(parents=True)
    assert cache_root() == legacy
    new = Path(platformdirs.user_cache_dir("TextModelStudio", appauthor=False))
    new.mkdir(parents=True)
    assert cache_root() == new
