"""Search results: a flat list of hits with the spans to highlight; the search itself runs in a worker."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.search import SearchHit, highlight_spans
from desktop.buckets import date_label

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # -> SearchHit
SPANS_ROLE = Qt.ItemDataRole.UserRole + 2  # -> list[(start, end)] in the hit's text
UID_ROLE = Qt.ItemDataRole.UserRole + 3  # -> statement uid
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 4  # -> the issue's title (never its slug)
Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._spans: list[list[tuple[int, int]]] = []
        self.issue_titles: dict[str, str] = {}

    def set_rows(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._spans = [highlight_spans(hit.text, hit.terms) for hit in self._hits]
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.text
        if role == HIT_ROLE:
            return hit
        if role == SPANS_ROLE:
            return self._spans[index.row()]
        if role == UID_ROLE:
            return hit.statement.uid
        if role == ISSUE_ROLE:
            return self.issue_titles.get(hit.statement.issue, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            st = hit.statement
            when = date_label(st.said_on, unknown=self.tr("date unknown"))
            return f"{st.speaker} · {when} · {self.issue_titles.get(st.issue, '')}"
        return None
