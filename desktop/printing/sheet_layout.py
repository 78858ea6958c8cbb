"""The comparison sheet, laid out page by page: a pure function of the sheet data and the paint device.

`render(sheets, fonts, device)` composes every page first (so the footer can say "page N of M" and the
table of contents can give page numbers), then paints them. The same call writes a PDF, feeds the print
preview and prints on paper. Imported text only ever reaches QTextLayout or QPainter.drawText as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen

from db.models import Side
from desktop.printing.fonts import SheetFonts
from desktop.printing.page_flow import BodyBox, Page, PageComposer
from desktop.printing.page_frame import FrameText, contents_lines, paint_pages
from desktop.printing.sheet_data import SheetData
from desktop.printing.sheet_style import INK, MUTED, SHIFT, SheetStyle, side_color, tr
from desktop.printing.sheet_text import Comparison, Heading, Para, StatementText, Title, sheet_blocks
from desktop.printing.text_flow import Line, Span


def render(sheets: Sequence[SheetData], fonts: SheetFonts, device: QPagedPaintDevice) -> int:
    """Paint the sheets (a briefing book with contents when there are several) and return the page count."""
    if not sheets:
        raise ValueError("nothing to print: no issue chosen")
    style = SheetStyle(fonts, device, sheets[0].options.font_size)
    frame = FrameText.for_sheets(sheets)
    pages, body = compose(sheets, style, frame)
    paint_pages(pages, body, style, frame, device)
    return len(pages)


def body_box(style: SheetStyle) -> BodyBox:
    pt = style.pt
    header = style.size * pt * 3.0
    footer = style.size * pt * 3.0
    return BodyBox(0.0, header, float(style.device.width()), float(style.device.height()) - footer)


def compose(sheets: Sequence[SheetData], style: SheetStyle, frame: FrameText) -> tuple[list[Page], BodyBox]:
    body = body_box(style)
    composer = PageComposer(body, style.size * style.pt)
    start_pages: dict[str, int] = {}
    if len(sheets) > 1:
        composer.start_section(tr("Briefing book"), "")
        composer.place_block(contents_lines(sheets, style, body.width, frame, start_pages))
    for sheet in sheets:
        SheetWriter(composer, style, sheet).write()
    for number, page in enumerate(composer.pages, start=1):
        for anchor in page.anchors:
            start_pages.setdefault(anchor, number)
    return composer.pages, body


class SheetWriter:
    """Writes one issue's sheet into the composer, block by block as sheet_text.py gives them."""

    def __init__(self, composer: PageComposer, style: SheetStyle, sheet: SheetData) -> None:
        self.c = composer
        self.s = style
        self.sheet = sheet
        self.width = composer.body.width
        self.pt = style.pt
        self.gutter = 10 * self.pt
        n = max(len(sheet.sides), 1)
        self.column_width = (self.width - self.gutter * (n - 1)) / n
        self.column_x = [composer.body.left + i * (self.column_width + self.gutter) for i in range(n)]

    def write(self) -> None:
        self.c.start_section(self.sheet.issue_title, self.sheet.issue_slug)
        pending: list[Line] = []
        for block in sheet_blocks(self.sheet):
            if isinstance(block, Comparison):
                self.comparison(block, pending)
                pending = []
            elif isinstance(block, Title):
                pending += self.title_lines(block)
            elif isinstance(block, Heading):
                if block.level == 1 and pending:
                    self.c.place_block(pending)
                    pending = []
                pending += self.heading(block)
            else:
                pending += self.para(block, self.width)
        self.c.place_block(pending)

    # blocks ------------------------------------------------------------------------------------------------
    def color(self, tone: str, side: Side | None = None) -> QColor:
        if tone == "side" and side is not None:
            return side_color(side)
        return {"muted": MUTED, "alert": SHIFT}.get(tone, INK)

    def para(self, para: Para, width: float, *, indent: float | None = None) -> list[Line]:
        s, pt = self.s, self.pt
        font = s.text_font(para.scale, italic=para.italic)
        spans = [Span(r.start, r.length, bold=r.bold, italic=r.italic,
                      color=self.color(r.tone, r.side) if r.tone else None) for r in para.runs]  # fmt: skip
        decorate = None
        if para.bar is not None:
            bar_color = side_color(para.bar)

            def decorate(painter: QPainter, x: float, y: float, height: float) -> None:
                painter.fillRect(QRectF(x, y, 1.6 * pt, height), bar_color)

        shift = (6 * pt if para.indent else 0.0) if indent is None else indent
        return s.para(para.text, width, font, color=self.color(para.tone), spans=spans, indent=shift,
                      decorate=decorate)  # fmt: skip

    def heading(self, heading: Heading) -> list[Line]:
        s = self.s
        if heading.level == 1:
            lines = [s.gap(0.8), *s.para(heading.text, self.width, s.heading_font(1.3), keep_together=True)]
        else:
            lines = [s.gap(0.4), *s.para(heading.text, self.width, s.heading_font(1.05), keep_together=True)]
        lines[-1].keep_with_next = True
        return lines

    def title_lines(self, block: Title) -> list[Line]:
        s, w = self.s, self.width
        lines = s.para(block.kicker, w, s.heading_font(0.85), color=MUTED)
        lines += s.para(block.title, w, s.heading_font(2.0))
        if block.description:
            lines += s.para(block.description, w, s.text_font(1.05, italic=True), color=MUTED)
        lines.append(s.gap(0.4))
        for label, value in block.fields:
            lines += s.para(f"{label}: {value}", w, s.text_font(0.95), spans=[Span(0, len(label) + 1, bold=True)])
        lines.append(s.rule(w, color=INK, thickness=1.0))
        return lines

    # the comparison --------------------------------------------------------------------------------------
    def column_headers(self, sides: Sequence[Side]) -> Line:
        pt = self.pt
        font = self.s.heading_font(1.05)
        height = self.s.size * pt * 2.2

        def draw(painter: QPainter, x: float, y: float) -> None:
            flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine)
            painter.setFont(font)
            for index, side in enumerate(sides):
                rect = QRectF(self.column_x[index], y, self.column_width, height)
                painter.fillRect(rect, side_color(side))
                painter.setPen(Qt.GlobalColor.white)
                painter.drawText(rect.adjusted(5 * pt, 0, -5 * pt, 0), flags, side.name)

        return Line(height, draw, keep_with_next=True)

    def comparison(self, table: Comparison, lead: list[Line]) -> None:
        """The table, after `lead` (its heading), which never stays behind alone at the foot of a page."""
        if not table.rows:
            self.c.place_block([*lead, *self.s.para(table.empty_message, self.width,
                                                    self.s.text_font(1.1, italic=True), color=MUTED)])  # fmt: skip
            return
        header = self.column_headers(table.sides)
        needed = sum(line.height for line in lead) + header.height + self.s.size * self.pt * 8  # and a few lines
        if not self.c.at_top and self.c.y + needed > self.c.bottom:
            self.c.new_page()
        self.c.place_block([*lead, header])

        def repeat_headers() -> None:
            self.c.draw(self.c.body.left, self.c.y, header.draw)
            self.c.y += header.height

        self.c.on_new_page = repeat_headers
        for row in table.rows:
            columns = [self.cell_lines(cell) for cell in row.cells]
            label = row.label

            def band(continued: bool, label: str = label) -> list[Line]:
                text = f"{label} {tr('(cont.)')}" if continued else label
                return [self.s.band(text, self.width, scale=0.95)]

            self.c.place_row(band, columns, self.column_x, self.separators, min_first=self.s.size * self.pt)
        self.c.on_new_page = None

    def separators(self, top: float, bottom: float) -> None:
        pt = self.pt

        def draw(painter: QPainter, x: float, y: float) -> None:
            painter.setPen(QPen(MUTED, 0.4 * pt))
            for col_x in self.column_x[1:]:
                mid = col_x - self.gutter / 2
                painter.drawLine(QLineF(mid, top, mid, bottom))

        self.c.draw(0, top, draw)

    def cell_lines(self, cell: Sequence[StatementText]) -> list[Line]:
        lines: list[Line] = []
        for st in cell:
            lines += self.statement_lines(st)
            lines.append(self.s.gap(0.7))
        return lines

    def statement_lines(self, st: StatementText) -> list[Line]:
        w = self.column_width
        lines = self.para(st.meta, w)
        for line in lines:
            line.keep_with_next = True
        quote = self.para(st.quote, w)
        if st.footnoted:
            quote[-1].footnotes = [self.para(note, self.width, indent=0.0) for note in st.notes]
        lines += quote
        if st.source is not None:
            lines += self.para(st.source, w)
        if not st.footnoted:
            for note in st.notes:
                lines += self.para(note, w - 6 * self.pt)
        return lines
