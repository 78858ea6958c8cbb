"""The list beside the actor and issue editors: records with a label, filtered by any of their names as you type.

One model for both editors: each record comes with its label and the names a filter may match (for an actor
its name and every alias; for an issue its titles and keywords), folded for case, width and ё.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

T = TypeVar("T")
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
MUTED = QColor("#8a9099")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")


class RecordListModel(QAbstractListModel, Generic[T]):
    def __init__(
        self,
        label: Callable[[T], str],
        names: Callable[[T], Iterable[str]],
        muted: Callable[[T], bool] = lambda _record: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label, self._names, self._muted = label, names, muted
        self._all: list[tuple[T, str]] = []
        self._shown: list[T] = []
        self._filter = ""

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._all = [(record, " | ".join(fold(name) for name in self._names(record))) for record in records]
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = fold(text.strip())
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        self._shown = [record for record, names in self._all if self._filter in names]

    def record(self, row: int) -> T | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def row_where(self, test: Callable[[T], bool]) -> int:
        return next((row for row, record in enumerate(self._shown) if test(record)), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ForegroundRole and self._muted(record):
            return MUTED
        if role == Qt.ItemDataRole.FontRole and self._muted(record):
            font = QFont()
            font.setItalic(True)
            return font
        return None
