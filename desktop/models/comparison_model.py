"""The comparison table: one row per time bucket, one column per side, each cell a few statements.

Rows come from one grouped count (db.timeline.period_counts, per month, or per day for daily rows) run off
the GUI thread; a cell's statements are read only when the cell is first painted (a page of CELL_LIMIT from
the (issue, side, date) index) and kept in a bounded cache. A whole issue of a large database is therefore
never loaded at once, and changing between month, quarter and year regroups the counts already in hand
without asking the database again. Statements whose date is not known sit in a last row of their own, "Date
unknown" (buckets.UNDATED); a date range leaves them out, as it does everywhere.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal

from db import statements, timeline
from db.errors import NotFoundError
from db.models import Side, Statement
from db.statements import StatementFilter
from db.store import Store
from desktop import buckets
from desktop.worker import Job, start_job

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # -> Cell
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # -> int, statements of that side in the bucket
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # -> str, the row's bucket key (buckets.UNDATED: date unknown)
CELL_LIMIT = 6  # cards shown per cell; the rest is counted ("+ 40 more")
CACHE_CELLS = 4000
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Cell:
    statements: tuple[Statement, ...]
    total: int  # how many the side has in this bucket (may exceed what is shown)
    failed: bool = False  # the read failed: painted as a disabled placeholder


@dataclass(frozen=True)
class CardMetrics:
    """Card geometry, set by the delegate from its fonts; row heights follow from counts alone."""

    card_height: int = 120
    spacing: int = 6
    more_height: int = 22
    empty_height: int = 40


class ComparisonModel(QAbstractTableModel):
    loaded = Signal()  # rows (re)built for a new issue, filter or granularity
    load_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._sides: list[Side] = []
        self._issue: str | None = None
        self._filter = StatementFilter()
        self._granularity = "month"
        self._period_counts: list[timeline.PeriodCount] = []
        self._resolution = "month"  # how fine the counts in hand are
        self._counts_range: tuple[str | None, str | None] = (None, None)  # dates the counts were limited to
        self._keys: list[str] = []
        self._counts: dict[str, dict[str, int]] = {}
        self._row_of: dict[str, int] = {}
        self._cells: OrderedDict[tuple[int, int], Cell] = OrderedDict()
        self._generation = 0
        self.metrics = CardMetrics()
        self.job: Job | None = None
        self.is_loading = False  # a count job is on its way

    # configuration

    def set_store(self, store: Store | None) -> None:
        self._store = store
        self._issue = None
        self._generation += 1  # a count still on its way belongs to the previous store
        self.is_loading = False
        self._rebuild(period_counts=[])

    def set_sides(self, sides: list[Side]) -> None:
        self._sides = list(sides)
        self._rebuild()

    def _rebuild(self, period_counts: list[timeline.PeriodCount] | None = None) -> None:
        """Rows from the counts in hand (or new ones) under the current sides, granularity and dates: a reset."""
        self.beginResetModel()
        if period_counts is not None:
            self._period_counts = period_counts
        self._cells.clear()
        self._regroup()
        self.endResetModel()

    def set_granularity(self, granularity: str) -> None:
        """Regroup the counts in hand, or count again per day when daily rows need it (emits `loaded`)."""
        if granularity == self._granularity:
            return
        needs_recount = buckets.resolution_for(granularity) != self._resolution and self._issue is not None
        self._granularity = granularity
        self._rebuild()
        if needs_recount:
            self.reload()
        else:
            self.loaded.emit()

    def load(self, issue: str | None, flt: StatementFilter | None = None) -> Job | None:
        """Count the issue's statements per month (or day) in a worker, then rebuild the rows (emits `loaded`).

        A range of whole months is left out of the count and applied to the counts in hand: the timeline strip
        shows the whole issue, and moving the range costs no query.
        """
        if issue != self._issue and self._keys:
            self._rebuild(period_counts=[])  # no stale rows under the new issue while it is counted
        self._issue = issue
        self._filter = replace(flt or StatementFilter(), issue=issue, side=None)
        self._generation += 1
        generation = self._generation
        self.is_loading = True
        if self._store is None or issue is None:
            self._apply_counts(generation, [])
            return None
        resolution = buckets.resolution_for(self._granularity)
        query = self._filter
        if buckets.aligned(self._filter.date_from, self._filter.date_to, resolution):
            query = replace(query, date_from=None, date_to=None)  # the range is applied to the counts in hand
        self._counts_range = (query.date_from, query.date_to)
        path = self._store.path

        def work(report: Any) -> list[timeline.PeriodCount]:
            with Store.open(Path(path), create=False) as own:
                return timeline.period_counts(own, query, resolution)

        self.job = start_job(self, work)
        self.job.succeeded.connect(lambda rows: self._apply_counts(generation, rows, resolution))
        self.job.failed.connect(self._failed)
        return self.job

    def _failed(self, message: str) -> None:
        self.is_loading = False
        self.load_failed.emit(message)

    def reload(self) -> Job | None:
        return self.load(self._issue, self._filter)

    def set_date_range(self, date_from: str | None, date_to: str | None) -> None:
        """Narrow the rows to a date range: the counts in hand are filtered again when they can be, else recounted."""
        resolution = buckets.resolution_for(self._granularity)
        if self._counts_range != (None, None) or not buckets.aligned(date_from, date_to, resolution):
            self.load(self._issue, replace(self._filter, date_from=date_from, date_to=date_to))
            return
        self._filter = replace(self._filter, date_from=date_from, date_to=date_to)
        self._rebuild()
        self.loaded.emit()

    def _apply_counts(self, generation: int, rows: list[timeline.PeriodCount], resolution: str = "month") -> None:
        if generation != self._generation:
            return  # a newer load superseded this one
        self.is_loading = False
        self._resolution = resolution
        self._rebuild(period_counts=rows)
        self.loaded.emit()

    def _regroup(self) -> None:
        shown = {side.slug for side in self._sides}
        if buckets.resolution_for(self._granularity) != self._resolution:
            counts: list[tuple[str, str | None, str, int]] = []  # daily rows from monthly counts: wait for the recount
        else:
            width = next((len(r.period) for r in self._period_counts if r.period), 10)
            first = (self._filter.date_from or "")[:width]
            last = (self._filter.date_to or "9999")[:width]
            ranged = bool(self._filter.date_from or self._filter.date_to)
            counts = [
                (r.side, r.period, r.precision, r.count)
                for r in self._period_counts
                if r.side in shown and (first <= r.period <= last if r.period is not None else not ranged)
            ]
        self._counts = buckets.group_counts(counts, self._granularity)
        self._keys = sorted(self._counts)
        self._row_of = {key: row for row, key in enumerate(self._keys)}

    # what the views ask

    @property
    def issue(self) -> str | None:
        return self._issue

    @property
    def statement_filter(self) -> StatementFilter:
        return self._filter

    @property
    def granularity(self) -> str:
        return self._granularity

    @property
    def sides(self) -> list[Side]:
        return self._sides

    @property
    def period_counts(self) -> list[timeline.PeriodCount]:
        """The issue's counts per side and month (or day) under the filters except the date range."""
        return self._period_counts

    def key(self, row: int) -> str:
        return self._keys[row]

    def row_of_key(self, key: str) -> int:
        return self._row_of.get(key, -1)

    def row_at_or_after(self, key: str) -> int:
        """The first dated row whose key sorts at or after `key` (a click on the timeline between rows)."""
        dated = [k for k in self._keys if k != buckets.UNDATED]
        for row, existing in enumerate(dated):
            if existing >= key:
                return row
        return len(dated) - 1

    def undated_row(self) -> int:
        """The "Date unknown" row, -1 when no statement shown lacks a date."""
        return self.row_of_key(buckets.UNDATED)

    def column_of_side(self, side: str | None) -> int:
        for column, candidate in enumerate(self._sides):
            if candidate.slug == side:
                return column
        return -1

    def total_shown(self) -> dict[str, int]:
        totals: dict[str, int] = {side.slug: 0 for side in self._sides}
        for cell in self._counts.values():
            for side, n in cell.items():
                totals[side] = totals.get(side, 0) + n
        return totals

    def locate(self, statement: Statement) -> QModelIndex:
        """The cell a statement sits in (invalid when it is outside the current rows or sides)."""
        key = buckets.statement_key(statement.said_on, self._granularity)
        row, column = self.row_of_key(key), self.column_of_side(statement.side)
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def cell(self, row: int, column: int) -> Cell:
        cached = self._cells.get((row, column))
        if cached is not None:
            self._cells.move_to_end((row, column))
            return cached
        cell = self._read_cell(row, column)
        self._cells[(row, column)] = cell
        if len(self._cells) > CACHE_CELLS:
            self._cells.popitem(last=False)
        return cell

    def _read_cell(self, row: int, column: int) -> Cell:
        key, side = self._keys[row], self._sides[column].slug
        total = self._counts[key].get(side, 0)
        if not total or self._store is None:
            return Cell((), total)
        if key == buckets.UNDATED:
            flt = replace(self._filter, side=side, undated=True)
        else:
            first, last = buckets.fetch_range(key, self._granularity)
            flt = replace(self._filter, side=side, date_from=_later(first.isoformat(), self._filter.date_from),
                          date_to=_earlier(last.isoformat(), self._filter.date_to))  # fmt: skip
        try:
            found: list[Statement] = []
            after = None
            # Imprecise statements share a first day with precise ones: keep only this bucket's.
            while len(found) < CELL_LIMIT:
                page = statements.page(self._store, flt, after, CELL_LIMIT * 2)
                found += [s for s in page if self._key_of(s) == key]
                if len(page) < CELL_LIMIT * 2:
                    break
                after = statements.key_of(page[-1])
            return Cell(tuple(found[:CELL_LIMIT]), total)
        except Exception:  # a locked or damaged database: show a placeholder, never raise from data()
            return Cell((), total, failed=True)

    def _key_of(self, statement: Statement) -> str:
        return buckets.statement_key(statement.said_on, self._granularity)

    def refresh_statement(self, uid: str) -> None:
        """After an edit: repaint the cell that shows the statement (a narrow update, not a reset)."""
        for (row, column), cell in list(self._cells.items()):
            if any(s.uid == uid for s in cell.statements):
                del self._cells[(row, column)]
                index = self.index(row, column)
                self.dataChanged.emit(index, index)

    def find_statement(self, uid: str) -> Statement | None:
        if self._store is None:
            return None
        try:
            return statements.get(self._store, uid)
        except NotFoundError:
            return None

    # Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sides)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._sides[section].name if 0 <= section < len(self._sides) else None
        if 0 <= section < len(self._keys) and self._keys[section] == buckets.UNDATED:
            return self.tr("Date\nunknown")
        if 0 <= section < len(self._keys):
            return buckets.bucket_label(self._keys[section], self._granularity, short=True)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._keys) and 0 <= index.column() < len(self._sides)):
            return None
        row, column = index.row(), index.column()
        key = self._keys[row]
        total = self._counts[key].get(self._sides[column].slug, 0)
        if role == COUNT_ROLE:
            return total
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(200, self.row_height(row))
        if role == CELL_ROLE:
            return self.cell(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if not total:
                return self.tr("No statement")
            return self.tr("%n statement(s)", "", total)
        return None

    def row_height(self, row: int) -> int:
        m = self.metrics
        tallest = max(self._counts[self._keys[row]].values(), default=0)
        shown = min(tallest, CELL_LIMIT)
        if not shown:
            return m.empty_height
        height = m.spacing + shown * (m.card_height + m.spacing)
        return height + (m.more_height if tallest > CELL_LIMIT else 0)


def _later(a: str, b: str | None) -> str:
    return max(a, b) if b else a


def _earlier(a: str, b: str | None) -> str:
    return min(a, b) if b else a
