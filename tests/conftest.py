"""Shared fixtures: every test gets a fresh temporary database and isolated settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_DIR = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_DIR.parent / "shared" / "corpus"
NO_CORPUS = f"evaluation against ../shared, which is not beside this clone ({CORPUS_DIR})"
# An English news article written for the tests (several speakers of both sides, a dateline): tests use data
# inside the repository, never the texts of ../shared.
ARTICLE = PROJECT_DIR / "tests" / "data" / "article_en.txt"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's real database and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("POSITIONS_DB", str(home / "default.sqlite"))
    monkeypatch.setenv("POSITIONS_SETTINGS_DIR", str(home / "settings"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "positions.sqlite"


@pytest.fixture
def corpus_dir() -> Path:
    """The sample corpus of ../shared, for the tests that evaluate extraction on it; skipped in a plain clone."""
    if not CORPUS_DIR.is_dir():
        pytest.skip(NO_CORPUS)
    return CORPUS_DIR
