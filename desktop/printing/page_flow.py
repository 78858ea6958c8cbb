"""Placing lines on pages: full-width blocks, side-by-side rows that break cleanly, and page footnotes.

The composer knows nothing about statements; it gets lines (text_flow.Line) and decides where each one goes.
Two rules make a sheet readable in a meeting: a row continued on the next page repeats its column headers
and its date label ("March 2017 (cont.)"), and a footnote is printed on the page where it is referenced
(what does not fit continues at the foot of the next page).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QPainter

from desktop.printing.text_flow import Draw, Line, height_of

MAX_FOOTNOTE_SHARE = 0.5  # footnotes never take more than this share of a page's body


@dataclass
class Page:
    running_title: str
    ops: list[tuple[float, float, Draw]] = field(default_factory=list)
    footnotes: list[Line] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of sections starting here (table of contents)

    def footnote_height(self, separator: float) -> float:
        return height_of(self.footnotes) + (separator if self.footnotes else 0.0)


@dataclass(frozen=True)
class BodyBox:
    """The body of a page in device units (header and footer are outside it)."""

    left: float
    top: float
    width: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


class PageComposer:
    def __init__(self, body: BodyBox, footnote_separator: float) -> None:
        self.body = body
        self.separator = footnote_separator
        self.pages: list[Page] = []
        self.y = body.top
        self._carry: deque[Line] = deque()  # footnote lines that did not fit on the previous page
        self._running_title = ""
        self.on_new_page: Callable[[], None] | None = None  # repeats a table's headers after a break
        self._fresh_y = body.top

    # pages -----------------------------------------------------------------------------------------------
    @property
    def page(self) -> Page:
        if not self.pages:
            self.new_page()
        return self.pages[-1]

    def new_page(self, running_title: str | None = None, *, continue_table: bool = True) -> Page:
        if running_title is not None:
            self._running_title = running_title
        self.pages.append(Page(self._running_title))
        self.y = self.body.top
        self._take_footnotes([])
        if continue_table and self.on_new_page is not None:
            self.on_new_page()
        self._fresh_y = self.y
        return self.pages[-1]

    def start_section(self, running_title: str, anchor: str) -> None:
        """A new sheet always starts on a new page (a table in progress is finished by the caller)."""
        self.on_new_page = None
        self.new_page(running_title, continue_table=False)
        self.page.anchors.append(anchor)

    @property
    def bottom(self) -> float:
        return self.body.bottom - self.page.footnote_height(self.separator)

    @property
    def at_top(self) -> bool:
        """Nothing but repeated headers on this page yet: a forced placement here cannot loop."""
        return self.y <= self._fresh_y + 0.5

    def draw(self, x: float, y: float, draw: Draw) -> None:
        self.page.ops.append((x, y, draw))

    # footnotes -------------------------------------------------------------------------------------------
    def _footnote_lines(self, lines: Sequence[Line]) -> list[Line]:
        return [fn for line in lines for note in line.footnotes for fn in note]

    def _footnote_room(self, notes: Sequence[Line], content_bottom: float) -> bool:
        extra = height_of(notes) + (self.separator if notes and not self.page.footnotes else 0.0)
        return content_bottom <= self.bottom - extra

    def _take_footnotes(self, notes: Sequence[Line]) -> None:
        """Add footnotes to this page as far as the share allows; the rest continue on the next page."""
        self._carry.extend(notes)
        limit = self.body.height * MAX_FOOTNOTE_SHARE
        page = self.pages[-1]
        while self._carry and (
            not page.footnotes or page.footnote_height(self.separator) + self._carry[0].height <= limit
        ):
            page.footnotes.append(self._carry.popleft())

    # full-width blocks -----------------------------------------------------------------------------------
    def place_block(self, lines: Sequence[Line], x: float | None = None) -> None:
        """Lines across the body; units joined by keep_with_next move to the next page together."""
        left = self.body.left if x is None else x
        queue = deque(lines)
        while queue:
            unit = _next_unit(queue)
            if unit[0].spacer and self.at_top:
                queue.popleft()
                continue
            notes = self._footnote_lines(unit)
            if self._footnote_room(notes, self.y + height_of(unit)):
                take = len(unit)
            elif self.at_top:
                take = 1  # a unit taller than a page: break inside it rather than loop
                notes = self._footnote_lines(unit[:1])
            else:
                self.new_page()
                continue
            for _ in range(take):
                line = queue.popleft()
                self.draw(left, self.y, line.draw)
                self.y += line.height
            self._take_footnotes(notes)

    # side-by-side rows -----------------------------------------------------------------------------------
    def place_row(
        self,
        label: Callable[[bool], list[Line]],
        columns: Sequence[Sequence[Line]],
        column_x: Sequence[float],
        separators: Callable[[float, float], None],
        min_first: float = 0.0,
    ) -> None:
        """One comparison row: its label band, then every column filled in parallel, breaking where needed.

        `label(continued)` gives the band's lines (the composer asks again after a page break);
        `separators(top, bottom)` draws the column rules of each page's part of the row.
        """
        queues = [deque(col) for col in columns]
        first_units = [height_of(_next_unit(q)) for q in queues if q]
        need = height_of(label(False)) + max(first_units, default=0.0) + min_first
        if self.y + need > self.bottom and not self.at_top:
            self.new_page()
        continued = False
        while True:
            fresh = self.at_top
            for line in label(continued):
                self.draw(self.body.left, self.y, line.draw)
                self.y += line.height
            top = self.y
            col_y = [top] * len(queues)
            self._fill_columns(queues, col_y, column_x, top, fresh)
            bottom = max(col_y)
            separators(top, bottom)
            self.y = bottom
            if not any(queues):
                return
            self.new_page()
            continued = True

    def _fill_columns(self, queues: list[deque[Line]], col_y: list[float], column_x: Sequence[float],
                      top: float, fresh: bool) -> None:  # fmt: skip
        blocked = [False] * len(queues)
        while True:
            open_columns = [i for i, q in enumerate(queues) if q and not blocked[i]]
            if not open_columns:
                return
            i = min(open_columns, key=lambda c: col_y[c])
            unit = _next_unit(queues[i])
            if unit[0].spacer and col_y[i] <= top:
                queues[i].popleft()
                continue
            notes = self._footnote_lines(unit)
            content_bottom = max(*col_y, col_y[i] + height_of(unit))
            if self._footnote_room(notes, content_bottom):
                take = len(unit)
            elif col_y[i] <= top and fresh:
                take, notes = 1, self._footnote_lines(unit[:1])
            else:
                blocked[i] = True
                continue
            for _ in range(take):
                line = queues[i].popleft()
                self.draw(column_x[i], col_y[i], line.draw)
                col_y[i] += line.height
            self._take_footnotes(notes)


def _next_unit(queue: deque[Line]) -> list[Line]:
    """The next line and every line it must stay with (keep_with_next chains)."""
    unit: list[Line] = []
    for line in queue:
        unit.append(line)
        if not line.keep_with_next:
            break
    return unit


def paint_footnotes(painter: QPainter, page: Page, body: BodyBox, separator: float, rule: Draw) -> None:
    """Footnotes sit at the foot of the body, under a short rule."""
    if not page.footnotes:
        return
    y = body.bottom - height_of(page.footnotes)
    rule(painter, body.left, y - separator)
    for line in page.footnotes:
        line.draw(painter, body.left, y)
        y += line.height
