"""The dated statements of one side on one issue, newest first, each with a check box: what a summary rests on
(the sheet prints their dates, so a statement whose date is unknown is not offered).

Rows are read a page at a time as the list scrolls (canFetchMore/fetchMore, keyset paging), so a side with
thousands of statements opens at once. Checked statements are kept by uid, whether loaded yet or not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db import statements
from db.models import Statement
from db.statements import StatementFilter
from db.store import Store
from desktop.buckets import date_label

PAGE = 200
StatementRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class RestingStatementsModel(QAbstractListModel):
    def __init__(self, store: Store, issue: str, side: str, checked: tuple[str, ...],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.filter = StatementFilter(issue=issue, side=side)
        self.checked: list[str] = list(checked)
        self.rows: list[Statement] = []
        self._exhausted = False
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        after = statements.key_of(self.rows[-1]) if self.rows else None
        page = statements.page_newest_first(self.store, self.filter, after, PAGE)
        self._exhausted = len(page) < PAGE
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows += page
            self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        st = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            quote = " ".join(st.quote.split())
            return f"{date_label(st.said_on, short=True)} · {st.speaker}: {quote[:160]}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if st.uid in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return st.quote
        if role == StatementRole:
            return st
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        uid = self.rows[index.row()].uid
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on and uid not in self.checked:
            self.checked.append(uid)
        elif not on and uid in self.checked:
            self.checked.remove(uid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def chosen(self) -> tuple[str, ...]:
        """The checked statements in date order (loaded ones sorted; any not loaded keep their place last)."""
        order = {st.uid: (st.said_on.start() if st.said_on else dt.date.max, st.id) for st in self.rows}
        known = sorted((uid for uid in self.checked if uid in order), key=lambda uid: order[uid])
        return (*known, *(uid for uid in self.checked if uid not in order))
