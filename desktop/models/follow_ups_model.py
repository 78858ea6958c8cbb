"""Open follow-ups across issues as a table: due date (overdue marked), issue, side, statement, note, author.

Rows come from db.follow_ups in one go (open follow-ups are few, read from a partial index); `set_rows`
replaces them, and the view opens a row's statement through StatementUidRole.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from db.follow_ups import FollowUp
from desktop.buckets import date_label
from desktop.moments import day_label

COL_DUE, COL_ISSUE, COL_SIDE, COL_STATEMENT, COL_NOTE, COL_AUTHOR = range(6)
HEADERS = ("Due", "Issue", "Side", "Statement", "Follow-up", "Author")
StatementUidRole = Qt.ItemDataRole.UserRole + 1
NoteUidRole = Qt.ItemDataRole.UserRole + 2
OverdueRole = Qt.ItemDataRole.UserRole + 3
OVERDUE = QColor("#b91c1c")
AnyIndex = QModelIndex | QPersistentModelIndex


class FollowUpsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FollowUp] = []
        self.side_names: dict[str, str] = {}
        self.today = dt.date.today()

    def set_rows(self, rows: list[FollowUp], side_names: dict[str, str], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self.rows, self.side_names = list(rows), dict(side_names)
        self.today = today or dt.date.today()
        self.endResetModel()

    def overdue_count(self) -> int:
        return sum(row.overdue(self.today) for row in self.rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        overdue = row.overdue(self.today)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, overdue, full=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole and overdue and column == COL_DUE:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.FontRole and overdue and column == COL_DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == StatementUidRole:
            return row.statement.uid
        if role == NoteUidRole:
            return row.note.uid
        if role == OverdueRole:
            return overdue
        return None

    def _text(self, row: FollowUp, column: int, overdue: bool, *, full: bool) -> str:
        if column == COL_DUE:
            if row.note.due_on is None:
                return self.tr("no due date")
            due = day_label(row.note.due_on)
            return f"{due} · {self.tr('overdue')}" if overdue else due
        if column == COL_ISSUE:
            return row.issue_title
        if column == COL_SIDE:
            return self.side_names.get(row.statement.side or "", self.tr("no side"))
        if column == COL_STATEMENT:
            quote = " ".join(row.statement.quote.split())
            text = f"{date_label(row.statement.said_on, short=True)} · {row.statement.speaker}: {quote}"
            return text if full else text[:120]
        if column == COL_NOTE:
            body = row.note.body if full else " ".join(row.note.body.split())
            return body
        return row.note.author
