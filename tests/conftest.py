"""Shared fixtures: every test gets a fresh temporary database and isolated settings."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property-based tests (tests/*/test_fuzz_*.py): a bounded number of examples in CI, many more by hand with
# HYPOTHESIS_PROFILE=long (see README, "For developers"). No deadline: the machine is shared and timing varies.
settings.register_profile("ci", max_examples=25, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.register_profile("long", max_examples=2000, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A real, nearly full disk: a 256 KiB tmpfs (Linux, as root); skipped where it cannot be mounted."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs Linux and root")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                             capture_output=True, text=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_disk(folder: Path, leave: int) -> None:
    """Fill the file system of `folder` until only about `leave` bytes are free."""
    free = shutil.disk_usage(folder).free
    with open(folder / "filler", "wb") as f:
        f.write(b"\0" * max(0, free - leave))


def database_dump(path: Path) -> str:
    """The whole database as SQL text: compared before and after a bad input, it shows any byte of change."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()
