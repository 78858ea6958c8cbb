"""Every window setting declared once, typed, with its default, over QSettings in INI format.

Settings live under POSITIONS_SETTINGS_DIR when it is set (tests set it, so they never touch the user's
own), otherwise in the platform's user configuration folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from db.untrusted_input import DEFAULT_MAX_BYTES
from desktop.buckets import GRANULARITIES

T = TypeVar("T")
MAX_RECENT = 8


def open_qsettings() -> QSettings:
    folder = os.environ.get("POSITIONS_SETTINGS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "positions.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Positions", "Positions")


class Option(Generic[T]):
    """One setting: a key, a default, and a conversion from whatever QSettings gives back (INI is text)."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    def read(self, raw: object) -> T:
        if raw is None:
            return self.default
        default = self.default
        try:
            if isinstance(default, bool):
                return raw is True or str(raw).lower() in ("true", "1")  # type: ignore[return-value]
            if isinstance(default, int):
                return int(raw)  # type: ignore[return-value, call-overload]
            if isinstance(default, list):
                items = [raw] if isinstance(raw, str) else list(raw)  # type: ignore[call-overload]
                return [str(item) for item in items if str(item)]  # type: ignore[return-value]
            if isinstance(default, QByteArray):
                return raw if isinstance(raw, QByteArray) else default  # type: ignore[return-value]
            return str(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return default


GRANULARITY = Option("view/granularity", "month")
LEFT_SIDE = Option("view/left_side", "russia")
RIGHT_SIDE = Option("view/right_side", "japan")
CARD_LINES = Option("view/card_lines", 4)
LAST_ISSUE = Option("session/last_issue", "")
RECENT_DATABASES = Option("session/recent_databases", [])
GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
MAIN_SPLITTER = Option("window/main_splitter", QByteArray())
LEFT_SPLITTER = Option("window/left_splitter", QByteArray())
HIDDEN_PANES = Option("view/hidden_panes", [])
# Automatic backups (db/auto_backups.py): the newest of each of this many days, then of this many weeks before.
BACKUPS_KEEP_DAILY = Option("backups/keep_daily", 7)
BACKUPS_KEEP_WEEKLY = Option("backups/keep_weekly", 4)
# The backup on open waits this long, so that it never competes with the window's first rows.
BACKUP_DELAY_SECONDS = Option("backups/delay_after_open_seconds", 20)
# The window copies the WAL into the database file this often (and on close), so little waits in the -wal.
CHECKPOINT_MINUTES = Option("database/checkpoint_minutes", 5)
# Files larger than this are refused unread by imports (window and command line; --max-size overrides it).
IMPORT_MAX_MB = Option("import/max_file_mb", DEFAULT_MAX_BYTES // (1024 * 1024))


class Settings:
    """Typed access to the declared options; one instance per window."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or open_qsettings()

    def get(self, option: Option[T]) -> T:
        return option.read(self.qsettings.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        self.qsettings.setValue(option.key, value)

    def sync(self) -> None:
        self.qsettings.sync()

    @property
    def granularity(self) -> str:
        value = self.get(GRANULARITY)
        return value if value in GRANULARITIES else GRANULARITY.default

    @property
    def side_pair(self) -> list[str]:
        """The sides shown as columns, left to right (a setting; the models take any number)."""
        return [self.get(LEFT_SIDE), self.get(RIGHT_SIDE)]

    @property
    def backups_to_keep(self) -> tuple[int, int]:
        """(daily, weekly) automatic backups to keep; at least the newest one whatever the file says."""
        return max(1, self.get(BACKUPS_KEEP_DAILY)), max(0, self.get(BACKUPS_KEEP_WEEKLY))

    @property
    def import_max_bytes(self) -> int:
        """The import size limit in bytes; a value below 1 MB in the file counts as 1 MB."""
        return max(1, self.get(IMPORT_MAX_MB)) * 1024 * 1024

    def where(self) -> str:
        """The settings file, to tell the user where a setting can be changed."""
        return self.qsettings.fileName()

    def recent_databases(self) -> list[str]:
        return self.get(RECENT_DATABASES)

    def remember_database(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        recent = [text] + [p for p in self.recent_databases() if p != text]
        self.set(RECENT_DATABASES, recent[:MAX_RECENT])


class PreservedLayout:
    """A window's geometry, toolbar state and splitter positions, restored and saved by one helper."""

    def __init__(self, config: Settings, window: QMainWindow, splitters: dict[Option[QByteArray], QSplitter]) -> None:
        self.config, self.window, self.splitters = config, window, splitters

    def restore(self) -> bool:
        """Put everything back as it was; False when there was nothing saved (a first start)."""
        geometry = self.config.get(GEOMETRY)
        if geometry.isEmpty():
            self.window.resize(1400, 860)
        else:
            self.window.restoreGeometry(geometry)
        state = self.config.get(WINDOW_STATE)
        if not state.isEmpty():
            self.window.restoreState(state)
        restored = [splitter.restoreState(self.config.get(option)) for option, splitter in self.splitters.items()]
        return not geometry.isEmpty() and all(restored)

    def save(self) -> None:
        self.config.set(GEOMETRY, self.window.saveGeometry())
        self.config.set(WINDOW_STATE, self.window.saveState())
        for option, splitter in self.splitters.items():
            self.config.set(option, splitter.saveState())
        self.config.sync()
