"""Where the user's database lives: POSITIONS_DB, else the platform's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Positions"


def data_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "positions"


def default_database() -> Path:
    """The database used when no --db is given."""
    override = os.environ.get("POSITIONS_DB")
    if override:
        return Path(override).expanduser()
    return data_dir() / "positions.sqlite"
