"""What surrounds the body of every page (header, footer, marking, "page N of M") and the contents page.

The marking line (for example RESTRICTED) is printed at the top and the bottom of every page, so a page
taken out of the book still carries it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPagedPaintDevice, QPainter, QPen

from desktop.printing.page_flow import BodyBox, Page, paint_footnotes
from desktop.printing.sheet_data import SheetData
from desktop.printing.sheet_style import INK, MARKING, MUTED, RULE, SheetStyle, tr
from desktop.printing.sheet_text import moment_stamp
from desktop.printing.text_flow import Line, Span, clean


@dataclass(frozen=True)
class FrameText:
    marking: str
    database_name: str
    generated: str

    @staticmethod
    def stamp(moment: dt.datetime) -> str:
        return moment_stamp(moment)

    @classmethod
    def for_sheets(cls, sheets: Sequence[SheetData]) -> FrameText:
        first = sheets[0]
        marking = " ".join(clean(first.options.marking).split())
        return cls(marking, first.database_name, cls.stamp(first.generated_at))


def contents_lines(
    sheets: Sequence[SheetData], style: SheetStyle, width: float, frame: FrameText, start_pages: dict[str, int]
) -> list[Line]:
    """The briefing book's first page; page numbers are read from `start_pages` when the page is painted."""
    s = style
    lines = s.para(tr("BRIEFING BOOK"), width, s.heading_font(0.85), color=MUTED)
    title = tr("Briefing book: {n} issues").format(n=len(sheets))
    lines += s.para(title, width, s.heading_font(2.0))
    first = sheets[0]
    for label, value in (
        (tr("Period"), first.date_range_label()),
        (tr("Sides"), ", ".join(side.name for side in first.sides)),
        (tr("Generated"), frame.generated),
        (tr("Database"), frame.database_name),
    ):
        lines += s.para(f"{label}: {value}", width, s.text_font(0.95), spans=[Span(0, len(label) + 1, bold=True)])
    lines.append(s.rule(width, color=INK, thickness=1.0))
    lines += s.para(tr("Contents"), width, s.heading_font(1.3))
    for sheet in sheets:
        lines.append(_contents_entry(sheet, style, width, start_pages))
        counts = " \u00b7 ".join(f"{x.side.name} {x.count}" for x in sheet.summary)
        lines += s.para(f"{tr('Statements')}: {counts}", width, s.text_font(0.85), color=MUTED, indent=12 * s.pt)
        lines.append(s.gap(0.3))
    return lines


def _contents_entry(sheet: SheetData, style: SheetStyle, width: float, start_pages: dict[str, int]) -> Line:
    font = style.heading_font(1.0, bold=False)
    height = QFontMetricsF(font, style.device).height() * 1.4
    title = " ".join(clean(sheet.issue_title).split())

    def draw(painter: QPainter, x: float, y: float) -> None:
        number = str(start_pages.get(sheet.issue_slug, ""))
        metrics = QFontMetricsF(font, painter.device())
        number_width = metrics.horizontalAdvance(number)
        room = width - number_width - 24 * style.pt
        shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
        painter.setFont(font)
        painter.setPen(INK)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine)
        painter.drawText(QRectF(x, y, room, height), flags, shown)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine)
        painter.drawText(QRectF(x, y, width, height), right, number)
        leader_start = x + metrics.horizontalAdvance(shown) + 6 * style.pt
        baseline = y + height * 0.7
        painter.setPen(QPen(MUTED, 0.5 * style.pt, Qt.PenStyle.DotLine))
        painter.drawLine(QLineF(leader_start, baseline, x + width - number_width - 6 * style.pt, baseline))

    return Line(height, draw, keep_with_next=True)


def paint_pages(
    pages: Sequence[Page], body: BodyBox, style: SheetStyle, frame: FrameText, device: QPagedPaintDevice
) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start printing (is the output file writable, the printer ready?)")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = len(pages)
        for number, page in enumerate(pages, start=1):
            if number > 1 and not device.newPage():
                raise OSError("could not start a new page (disk full or printer gone?)")
            _paint_frame(painter, page, number, total, body, style, frame)
            for x, y, draw in page.ops:
                draw(painter, x, y)
            paint_footnotes(painter, page, body, style.size * style.pt, _footnote_rule(style))
    finally:
        painter.end()


def _footnote_rule(style: SheetStyle):  # type: ignore[no-untyped-def]
    def draw(painter: QPainter, x: float, y: float) -> None:
        painter.setPen(QPen(RULE, 0.5 * style.pt))
        painter.drawLine(
            QLineF(x, y + style.size * style.pt * 0.5, x + 120 * style.pt, y + style.size * style.pt * 0.5)
        )

    return draw


def _paint_frame(
    painter: QPainter, page: Page, number: int, total: int, body: BodyBox, style: SheetStyle, frame: FrameText
) -> None:
    pt, width = style.pt, body.width
    small = style.heading_font(0.8, bold=False)
    band = style.size * pt * 1.6
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine)
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine)
    centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine)
    metrics = QFontMetricsF(small, painter.device())
    footer_top = body.bottom + style.size * pt * 1.2
    side_room = width * (0.38 if frame.marking else 0.6)

    painter.setFont(small)
    painter.setPen(MUTED)
    title = metrics.elidedText(" ".join(clean(page.running_title).split()), Qt.TextElideMode.ElideRight, side_room)
    painter.drawText(QRectF(0, 0, width, band), left, title)
    painter.drawText(QRectF(0, 0, width, band), right, tr("Positions \u00b7 comparison sheet"))
    painter.setPen(QPen(RULE, 0.5 * pt))
    painter.drawLine(QLineF(0, band + 2 * pt, width, band + 2 * pt))
    painter.drawLine(QLineF(0, footer_top - 2 * pt, width, footer_top - 2 * pt))
    painter.setPen(MUTED)
    source = metrics.elidedText(f"{frame.database_name} \u00b7 {frame.generated}",
                                Qt.TextElideMode.ElideMiddle, side_room)  # fmt: skip
    painter.drawText(QRectF(0, footer_top, width, band), left, source)
    painter.drawText(QRectF(0, footer_top, width, band), right, tr("Page {n} of {m}").format(n=number, m=total))
    if frame.marking:
        mark_font = style.heading_font(0.95)
        painter.setFont(mark_font)
        painter.setPen(MARKING)
        room = width - 2 * side_room
        shown = QFontMetricsF(mark_font, painter.device()).elidedText(frame.marking, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRectF(0, 0, width, band), centre, shown)
        painter.drawText(QRectF(0, footer_top, width, band), centre, shown)
