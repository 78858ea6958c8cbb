"""Search over statements and annotations (Ctrl+F): the query runs in a worker on its own connection, the
results list paints the matching words itself (text layout formats, never HTML), a click opens the statement.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from db import issues, search
from db.search import SearchHit
from db.store import Store
from desktop.buckets import date_label
from desktop.models.search_results_model import HIT_ROLE, ISSUE_ROLE, SPANS_ROLE, UID_ROLE, SearchResultsModel
from desktop.views.fonts import small_font
from desktop.views.side_colours import side_colour
from desktop.worker import Job, start_job

DEBOUNCE_MS = 250
SNIPPET_BEFORE = 50
SNIPPET_LENGTH = 220
MARK = QColor("#ffe28a")


def snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A piece of `text` around the first match, with the spans moved into it (one line per paragraph)."""
    flat = text.replace("\n", " ").replace("\t", " ")  # one character for one: the spans stay true
    first = max(0, spans[0][0] - SNIPPET_BEFORE) if spans else 0
    piece = flat[first : first + SNIPPET_LENGTH]
    prefix = "…" if first else ""
    moved = [
        (s - first + len(prefix), e - first + len(prefix)) for s, e in spans if first <= s < first + SNIPPET_LENGTH
    ]
    return prefix + piece, moved


class SearchResultDelegate(QStyledItemDelegate):
    """Two lines per hit: who, when, where it matched; then the text with the matches marked."""

    LINES = 2

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        text_font = QFont(option.font)  # type: ignore[attr-defined]
        return text_font, small_font(text_font)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        text_font, small = self._fonts(option)
        height = QFontMetrics(small).height() + self.LINES * QFontMetrics(text_font).lineSpacing() + 16
        return QSize(200, height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        spans = index.data(SPANS_ROLE) or []
        rect: QRect = option.rect  # type: ignore[attr-defined]
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.fillRect(rect, QColor("#e3ecf8") if selected else QColor("#ffffff"))
        painter.setPen(QColor("#e6e8eb"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        text_font, small = self._fonts(option)
        st = hit.statement
        colour = side_colour(st.side)
        painter.fillRect(
            QRect(rect.left(), rect.top() + 4, 3, rect.height() - 8), colour if st.side else QColor("#9aa1ab")
        )
        x, width = rect.left() + 12, rect.width() - 20
        fm_small = QFontMetrics(small)
        head = self.heading(hit, index.data(ISSUE_ROLE) or "")
        painter.setFont(small)
        painter.setPen(QColor("#5f6773"))
        painter.drawText(QRect(x, rect.top() + 6, width, fm_small.height()), Qt.AlignmentFlag.AlignLeft,
                         fm_small.elidedText(head, Qt.TextElideMode.ElideRight, width))  # fmt: skip
        piece, moved = snippet(hit.text, spans)
        self._paint_marked(painter, QPointF(x, rect.top() + 8 + fm_small.height()), width, piece, moved, text_font)
        painter.restore()

    def heading(self, hit: SearchHit, issue_title: str = "") -> str:
        """Who, when ("date unknown" in words when it is not known), on which issue (its title), where it matched."""
        st = hit.statement
        where = self.tr("in an annotation") if hit.matched_in == "annotation" else ""
        when = date_label(st.said_on, unknown=self.tr("date unknown"))
        return " · ".join(p for p in (st.speaker, when, issue_title, where) if p)

    def _paint_marked(self, painter: QPainter, origin: QPointF, width: int, text: str,
                      spans: list[tuple[int, int]], font: QFont) -> None:  # fmt: skip
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        formats = []
        for start, end in spans:
            fmt = QTextCharFormat()
            fmt.setBackground(MARK)
            fmt.setFontWeight(QFont.Weight.Bold)
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, end - start, fmt
            formats.append(r)
        layout.setFormats(formats)
        layout.beginLayout()
        y = 0.0
        for _ in range(self.LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        painter.setPen(QColor("#1c1f24"))
        painter.setClipRect(QRect(int(origin.x()), int(origin.y()), width, int(y) + 1), Qt.ClipOperation.IntersectClip)
        layout.draw(painter, origin)


class SearchPanel(QWidget):
    statement_opened = Signal(str)  # uid
    finished = Signal(int)  # number of hits shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.store: Store | None = None
        self.job: Job | None = None
        self._generation = 0
        self.query = QLineEdit(self)
        self.query.setObjectName("searchField")
        self.query.setPlaceholderText(self.tr("Search statements and annotations  (Ctrl+F)"))
        self.query.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setObjectName("mutedNote")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.activated.connect(self._open)
        self.results.clicked.connect(self._open)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _text: self.timer.start())
        self.query.returnPressed.connect(self.run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.model.issue_titles = {issue.slug: issue.title for issue in issues.all_issues(store)} if store else {}
        self.model.set_rows([])
        self.status.clear()

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run(self) -> Job | None:
        """Search for the field's text in a worker (a newer query makes older results irrelevant)."""
        self.timer.stop()
        text = self.query.text().strip()
        self._generation += 1
        generation = self._generation
        if not text or self.store is None:
            self.model.set_rows([])
            self.status.clear()
            return None
        store = self.store
        self.status.setText(self.tr("Searching…"))

        def work(report: object) -> list[SearchHit]:
            return search.search(store.for_thread(), text, limit=200)

        self.job = start_job(self, work)
        self.job.succeeded.connect(lambda hits: self._show(generation, hits))
        self.job.failed.connect(self.status.setText)
        return self.job

    def _show(self, generation: int, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(hits)
        self.status.setText(self.tr("%n result(s)", "", len(hits)) if hits else self.tr("Nothing found"))
        self.finished.emit(len(hits))

    def _open(self, index: QModelIndex) -> None:
        uid = index.data(UID_ROLE)
        if uid:
            self.statement_opened.emit(str(uid))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
