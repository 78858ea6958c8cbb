"""The statements the import proposes for one file, as the review table shows and edits them.

The model edits the pipeline's Candidate objects in place: what the user sees in the table is exactly what the
commit writes. Quotes are not edited here (a quote must stay the text it points at); the user adds a statement by
selecting text in the source instead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from db.ingest.document import Candidate
from db.near_duplicates import Duplicate
from db.partial_date import parse_optional
from db.statements import KINDS
from desktop import plain_words
from desktop.buckets import date_label

COL_ACCEPT = 0
COL_SAME = 1  # a statement it repeats (another outlet's report): ticked, they are kept as one statement
COL_SPEAKER = 2
COL_QUOTE = 3  # early, so the words are in view beside who said them
COL_SIDE = 4
COL_ISSUE = 5
COL_DATE = 6
COL_KIND = 7
COL_CONFIDENCE = 8
COL_REASON = 9
COLUMNS = 10
EDITABLE_COLUMNS = {COL_SPEAKER, COL_SIDE, COL_ISSUE, COL_DATE, COL_KIND}
NON_OFFICIAL = ("media", "expert")  # side choices that mean "nobody's side"
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
# name -> (canonical name, actor key, side, category) when the name is a known actor
SpeakerResolver = Callable[[str], tuple[str, str | None, str | None, str] | None]


class CandidatesModel(QAbstractTableModel):
    """Rows are the candidates of one document; `set_rows` swaps the document."""

    speaker_corrected = Signal(int, object, object)  # row, the candidate before, after

    def __init__(self, parent: QObject | None = None, resolve_speaker: SpeakerResolver | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Candidate] = []
        self._duplicates: dict[int, Duplicate] = {}
        self._resolve_speaker = resolve_speaker
        self._side_names: dict[str, str] = {}
        self._issue_titles: dict[str, str] = {}
        self._headers = [
            self.tr("Accept"), self.tr("Already reported"), self.tr("Speaker"), self.tr("Quote"), self.tr("Side"),
            self.tr("Issue"), self.tr("Date"), self.tr("Kind"), self.tr("Confidence"), self.tr("Why"),
        ]  # fmt: skip
        self._kind_names = {
            "direct_quote": self.tr("direct quote"),
            "reported": self.tr("reported"),
            "characterization": self.tr("characterization"),
        }

    def set_names(self, sides: dict[str, str], issues: dict[str, str]) -> None:
        """Display names for side and issue slugs (the slugs themselves are what gets stored)."""
        self._side_names = dict(sides)
        self._issue_titles = dict(issues)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMNS - 1))

    def set_rows(self, candidates: list[Candidate], duplicates: dict[int, Duplicate] | None = None) -> None:
        """Show (and edit in place) this list of candidates, with the statements some of them repeat."""
        self.beginResetModel()
        self._rows = candidates
        self._duplicates = dict(duplicates or {})
        self.endResetModel()

    def set_duplicates(self, duplicates: dict[int, Duplicate]) -> None:
        self._duplicates = dict(duplicates)
        self._column_changed(COL_SAME)

    def duplicate(self, row: int) -> Duplicate | None:
        return self._duplicates.get(row)

    def candidate(self, row: int) -> Candidate:
        return self._rows[row]

    def candidates(self) -> Sequence[Candidate]:
        return self._rows

    def add(self, candidate: Candidate) -> int:
        """Append a statement the user made; returns its row."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(candidate)
        self.endInsertRows()
        return row

    def accept_at_least(self, threshold: float) -> int:
        """Accept candidates whose confidence reaches the threshold, reject the rest; returns how many accepted."""
        for candidate in self._rows:
            candidate.accepted = candidate.confidence >= threshold
        self._column_changed(COL_ACCEPT)
        return sum(c.accepted for c in self._rows)

    def set_all_accepted(self, accepted: bool) -> None:
        for candidate in self._rows:
            candidate.accepted = accepted
        self._column_changed(COL_ACCEPT)

    def _column_changed(self, column: int) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def side_label(self, candidate: Candidate) -> str:
        if candidate.side is None:
            return self.tr(candidate.category) if candidate.category in NON_OFFICIAL else ""
        return self._side_names.get(candidate.side, candidate.side)

    # Qt model interface

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_ACCEPT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in EDITABLE_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        try:
            return self._data(index.row(), index.column(), role)
        except Exception:  # a view must keep painting whatever one candidate holds
            return None

    def _data(self, row: int, column: int, role: int) -> Any:
        c = self._rows[row]
        if role == CANDIDATE_ROLE:
            return c
        if column == COL_ACCEPT and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if c.accepted else Qt.CheckState.Unchecked
        if column == COL_SAME:
            return self._same_data(self._duplicates.get(row), role)
        if role == Qt.ItemDataRole.EditRole:
            return {
                COL_SPEAKER: c.speaker,
                COL_SIDE: c.side or (c.category if c.category in NON_OFFICIAL else ""),
                COL_ISSUE: c.issue,
                COL_DATE: c.said_on.iso() if c.said_on else "",
                COL_KIND: c.kind,
            }.get(column)
        if role == SORT_ROLE:
            if column == COL_CONFIDENCE:
                return c.confidence
            if column == COL_DATE:
                return c.said_on.iso() if c.said_on else "9999"  # unknown dates sort last
            if column == COL_ACCEPT:
                return int(c.accepted)
            return self._data(row, column, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_QUOTE:
                return c.quote
            if column == COL_SPEAKER and c.speaker_as_written != c.speaker:
                return self.tr("written as: {0}").format(c.speaker_as_written)
            if column == COL_DATE:
                return self.tr("Date: {0}").format(plain_words.date_basis(c.date_basis))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _same_data(self, duplicate: Duplicate | None, role: int) -> Any:
        """The statement this one repeats: who, when, which outlet, how alike; ticked: keep them as one."""
        if duplicate is None:
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if duplicate.merge else Qt.CheckState.Unchecked
        when = date_label(duplicate.said_on, short=True)
        where = duplicate.outlet or (self.tr("in the database") if duplicate.target.uid else self.tr("another file"))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{where}, {when}"
        if role == Qt.ItemDataRole.ToolTipRole:
            same = self.tr("The same statement as {0}, {1} ({2}), {3:.0%} alike:").format(
                duplicate.speaker, when, where, duplicate.score
            )
            keep = self.tr("Ticked: saved as another source of that statement, not as a new one.")
            return f"{same}\n«{duplicate.quote}»\n\n{keep}"
        return None

    def _display(self, c: Candidate, column: int) -> Any:
        if column == COL_CONFIDENCE:
            return f"{c.confidence:.2f}"
        if column == COL_SPEAKER:
            return c.speaker
        if column == COL_SIDE:
            return self.side_label(c)
        if column == COL_ISSUE:
            return self._issue_titles.get(c.issue, c.issue)
        if column == COL_DATE:
            return c.said_on.iso() if c.said_on else self.tr("unknown")
        if column == COL_KIND:
            return self._kind_names.get(c.kind, c.kind)
        if column == COL_QUOTE:
            return " ".join(c.quote.split())
        if column == COL_REASON:
            return c.reason
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, column = index.row(), index.column()
        candidate = self._rows[row]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        if column == COL_ACCEPT and role == Qt.ItemDataRole.CheckStateRole:
            candidate.accepted = bool(checked)
            self.dataChanged.emit(index, index, [role])
            return True
        if column == COL_SAME and role == Qt.ItemDataRole.CheckStateRole and row in self._duplicates:
            self._duplicates[row].merge = bool(checked)
            self.dataChanged.emit(index, index, [role])
            return True
        if role != Qt.ItemDataRole.EditRole or column not in EDITABLE_COLUMNS:
            return False
        changed = self._edited(candidate, column, "" if value is None else str(value).strip())
        if changed is None:
            return False
        self._rows[row] = changed
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
        if column == COL_SPEAKER and changed.speaker != candidate.speaker:
            self.speaker_corrected.emit(row, candidate, changed)
        return True

    def _edited(self, c: Candidate, column: int, value: str) -> Candidate | None:
        """The candidate with one field changed, or None when the value is not acceptable."""
        if column == COL_SPEAKER:
            if not value:
                return None
            known = self._resolve_speaker(value) if self._resolve_speaker else None
            if known is None:
                return dataclasses.replace(c, speaker=value, actor_key=None)
            name, key, side, category = known
            return dataclasses.replace(c, speaker=name, actor_key=key, side=side, category=category)  # type: ignore[arg-type]
        if column == COL_SIDE:
            if value in NON_OFFICIAL:
                return dataclasses.replace(c, side=None, category=value)  # type: ignore[arg-type]
            if value and self._side_names and value not in self._side_names:
                return None
            return dataclasses.replace(c, side=value or None, category="official")
        if column == COL_ISSUE:
            if not value or (self._issue_titles and value not in self._issue_titles):
                return None
            return dataclasses.replace(c, issue=value)
        if column == COL_DATE:
            try:
                said_on = parse_optional(value)  # empty: not known
                return dataclasses.replace(c, said_on=said_on, date_basis="edited" if said_on else "unknown")
            except ValueError:
                return None
        if column == COL_KIND and value in KINDS:
            return dataclasses.replace(c, kind=value)  # type: ignore[arg-type]
        return None
