"""The backups of a database, newest first, for the Restore from backup dialog: when, why, how big."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.auto_backups import ASIDE, BackupFile

COL_TAKEN, COL_REASON, COL_SIZE = range(3)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class BackupsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupFile] = []
        self._reasons = {
            "open": self.tr("on opening"),
            "import": self.tr("after an import"),
            "manual": self.tr("by hand"),
            ASIDE: self.tr("replaced by a restore"),
        }

    def set_rows(self, rows: list[BackupFile]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupFile | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Taken"), self.tr("Why"), self.tr("Size"))[section] if 0 <= section < 3 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        backup = self.backup_at(index.row()) if index.isValid() else None
        if backup is None:
            return None
        if role == PATH_ROLE:
            return str(backup.path)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == COL_TAKEN:
            return backup.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        if index.column() == COL_REASON:
            return self._reasons.get(backup.reason, backup.reason)
        return f"{backup.size / 1_048_576:.1f} MB" if backup.size >= 104_858 else f"{backup.size / 1024:.0f} KB"
