"""The issues navigator's rows: every issue with its statement counts per side and its latest date."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.models import IssueSummary, Side

SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 3  # -> IssueSummary, for a delegate that paints counts under the title
COL_TITLE = 0
Index = QModelIndex | QPersistentModelIndex


class IssuesModel(QAbstractItemModel):
    """A two-level tree: issues with statements first, then a group of issues nobody has spoken on yet.

    Columns: title, one count per side in the chosen order, statements of nobody's side, latest date.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sides: list[Side] = []
        self._groups: list[tuple[str, list[IssueSummary]]] = []

    def set_rows(self, summaries: list[IssueSummary], sides: list[Side]) -> None:
        self.beginResetModel()
        self._sides = sides
        spoken = [s for s in summaries if s.total]
        silent = [s for s in summaries if not s.total]
        groups = [(self.tr("Issues"), spoken), (self.tr("No statements yet"), silent)]
        self._groups = [(title, rows) for title, rows in groups if rows]
        self.endResetModel()

    @property
    def sides(self) -> list[Side]:
        return self._sides

    def other_column(self) -> int:
        return 1 + len(self._sides)

    def latest_column(self) -> int:
        return 2 + len(self._sides)

    def summary(self, slug: str) -> IssueSummary | None:
        for _title, rows in self._groups:
            for row in rows:
                if row.issue.slug == slug:
                    return row
        return None

    def index_of(self, slug: str) -> QModelIndex:
        for group, (_title, rows) in enumerate(self._groups):
            for number, row in enumerate(rows):
                if row.issue.slug == slug:
                    return self.index(number, 0, self.index(group, 0))
        return QModelIndex()

    # Qt model interface

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)  # internal id 0: a group
        return self.createIndex(row, column, parent.row() + 1)  # internal id g+1: an issue of group g

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 3 + len(self._sides)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COL_TITLE:
            return self.tr("Issue")
        if section <= len(self._sides):
            return self._sides[section - 1].name
        if section == self.other_column():
            return self.tr("Other")
        if section == self.latest_column():
            return self.tr("Latest")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        try:
            if index.internalId() == 0:
                return self._group_data(index, role)
            row = self._groups[index.internalId() - 1][1][index.row()]
            return self._issue_data(row, index.column(), role)
        except (IndexError, KeyError):  # a stale index during a reset: paint nothing rather than fail
            return None

    def _group_data(self, index: Index, role: int) -> Any:
        title, rows = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == COL_TITLE:
            return title
        if role == SORT_ROLE:
            return index.row()
        return None

    def _issue_data(self, row: IssueSummary, column: int, role: int) -> Any:
        if role == SLUG_ROLE:
            return row.issue.slug
        if role == SUMMARY_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            known = {side.slug for side in self._sides}
            others = sum(count for slug, count in row.counts.items() if slug not in known)
            lines = [row.issue.title, row.issue.description]
            lines += [f"{side.name}: {row.counts.get(side.slug, 0):,}" for side in self._sides]
            lines.append(self.tr("Media and experts: %s") % f"{others:,}")
            if row.latest:
                lines.append(self.tr("Latest statement: %s") % row.latest)
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_TITLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return None
        if column == COL_TITLE:
            return row.issue.title
        if column <= len(self._sides):
            n = row.counts.get(self._sides[column - 1].slug, 0)
            return n if role == SORT_ROLE else (f"{n:,}" if n else "–")
        if column == self.other_column():
            known = {side.slug for side in self._sides}
            n = sum(count for slug, count in row.counts.items() if slug not in known)
            return n if role == SORT_ROLE else (f"{n:,}" if n else "–")
        if column == self.latest_column():
            return (row.latest or "")[:7] if role == Qt.ItemDataRole.DisplayRole else (row.latest or "")
        return None
