"""An actor's dated roles as an editable table: title, from, to (dates as YYYY, YYYY-MM or YYYY-MM-DD, or empty)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.actors import ActorRole

COL_TITLE, COL_FROM, COL_TO = 0, 1, 2
Index = QModelIndex | QPersistentModelIndex


class RolesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._headers = [self.tr("Role"), self.tr("From"), self.tr("To")]

    def set_roles(self, roles: tuple[ActorRole, ...]) -> None:
        self.beginResetModel()
        self._rows = [[r.title, r.start or "", r.end or ""] for r in roles]
        self.endResetModel()

    def roles(self) -> tuple[ActorRole, ...]:
        """As typed (db/actors.py validates): rows without a title are left out."""
        return tuple(ActorRole(t.strip(), f.strip() or None, e.strip() or None) for t, f, e in self._rows if t.strip())

    def add_role(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(["", "", ""])
        self.endInsertRows()
        return row

    def remove_role(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_FROM, COL_TO):
            return self.tr("YYYY, YYYY-MM or YYYY-MM-DD; empty when open")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        self._rows[index.row()][index.column()] = str(value or "")
        self.dataChanged.emit(index, index)
        return True
