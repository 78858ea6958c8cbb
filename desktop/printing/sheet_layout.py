"""The comparison sheet, laid out page by page: a pure function of the sheet data and the paint device.

`render(sheets, fonts, device)` composes every page first (so the footer can say "page N of M" and the
table of contents can give page numbers), then paints them. The same call writes a PDF, feeds the print
preview and prints on paper. Imported text only ever reaches QTextLayout or QPainter.drawText as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen

from desktop.printing.fonts import SheetFonts
from desktop.printing.page_flow import BodyBox, Page, PageComposer
from desktop.printing.page_frame import FrameText, contents_lines, paint_pages
from desktop.printing.sheet_data import SheetData, SheetNote, SheetRow, SheetStatement
from desktop.printing.sheet_style import INK, MUTED, SHIFT, SheetStyle, side_color, tr
from desktop.printing.text_flow import Line, Span

QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"
QUOTE_MARKS = {"ru": ("\u00ab", "\u00bb"), "ja": ("\u300c", "\u300d")}  # «…» and 「…」 as each language writes them


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
    """Writes one issue's sheet into the composer: title block, summary, comparison, sources."""

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
        self.title_block()
        self.summary()
        self.comparison()
        self.sources()

    # title and summary -----------------------------------------------------------------------------------
    def heading(self, text: str) -> list[Line]:
        lines = [self.s.gap(0.8), *self.s.para(text, self.width, self.s.heading_font(1.3), keep_together=True)]
        lines[-1].keep_with_next = True
        return lines

    def title_block(self) -> None:
        s, sheet, w = self.s, self.sheet, self.width
        lines = s.para(tr("COMPARISON SHEET"), w, s.heading_font(0.85), color=MUTED)
        lines += s.para(sheet.issue_title, w, s.heading_font(2.0))
        if sheet.issue_description:
            lines += s.para(sheet.issue_description, w, s.text_font(1.05, italic=True), color=MUTED)
        lines.append(s.gap(0.4))
        sides = ", ".join(side.name for side in sheet.sides) or tr("none")
        reviewed = tr("reviewed and unreviewed") if sheet.options.include_unreviewed else tr("reviewed only")
        fields = [
            (tr("Period"), sheet.date_range_label()),
            (tr("Sides"), sides),
            (tr("Rows by"), sheet.options.granularity),
            (tr("Statements"), reviewed),
            (tr("Generated"), FrameText.stamp(sheet.generated_at)),
            (tr("Database"), sheet.database_name),
        ]
        for label, value in fields:
            text = f"{label}: {value}"
            lines += s.para(text, w, s.text_font(0.95), spans=[Span(0, len(label) + 1, bold=True)])
        lines.append(s.rule(w, color=INK, thickness=1.0))
        self.c.place_block(lines)

    def summary(self) -> None:
        s, sheet, w = self.s, self.sheet, self.width
        lines = self.heading(tr("Summary"))
        for index, side in enumerate(sheet.summary):
            name = side.side.name
            text = f"{name}: {side.count} " + (tr("statement") if side.count == 1 else tr("statements"))
            if side.latest is not None:
                quote = clip(side.latest.quote, 220)
                latest = f"{side.latest.date_label}, {side.latest.speaker}"
                text += f"; {tr('latest')} {latest}: {QUOTE_OPEN}{quote}{QUOTE_CLOSE}"
            spans = [Span(0, len(name), bold=True, color=side_color(index))]
            lines += s.para(text, w, spans=spans, indent=0)
            lines.append(s.gap(0.25))
        if sheet.without_side:
            text = tr("{n} statement(s) by media and experts on this issue are not shown in the sides' columns.")
            lines += s.para(text.format(n=sheet.without_side), w, s.text_font(0.95, italic=True), color=MUTED)
        undated = sheet.undated_row
        if undated is not None:
            text = tr("{n} statement(s) whose date is not known are listed at the end, under \u201cDate unknown\u201d.")
            n = sum(len(cell) for cell in undated.cells)
            lines += s.para(text.format(n=n), w, s.text_font(0.95, italic=True), color=MUTED)
        lines.append(s.gap(0.4))
        lines += s.para(tr("Shifts in position"), w, s.heading_font(1.05), keep_together=True)
        lines[-1].keep_with_next = True
        if not sheet.shifts:
            lines += s.para(tr("No shift in position is marked in this period."), w, color=MUTED)
        for shift in sheet.shifts:
            head = f"{shift.side_name}, {shift.date_label}, {shift.speaker}"
            lines += s.para(f"\u2022 {head}: {shift.note}", w, spans=[Span(2, len(head), bold=True, color=SHIFT)],
                            indent=0)  # fmt: skip
        self.c.place_block(lines)

    # the comparison --------------------------------------------------------------------------------------
    def column_headers(self) -> Line:
        pt, sides = self.pt, self.sheet.sides
        font = self.s.heading_font(1.05)
        height = self.s.size * pt * 2.2

        def draw(painter: QPainter, x: float, y: float) -> None:
            flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine)
            painter.setFont(font)
            for index, side in enumerate(sides):
                rect = QRectF(self.column_x[index], y, self.column_width, height)
                painter.fillRect(rect, side_color(index))
                painter.setPen(Qt.GlobalColor.white)
                painter.drawText(rect.adjusted(5 * pt, 0, -5 * pt, 0), flags, side.name)

        return Line(height, draw, keep_with_next=True)

    def comparison(self) -> None:
        self.c.place_block(self.heading(tr("Comparison")))
        if not self.sheet.rows:
            text = tr("No statements on this issue match these options ({period}; sides: {sides}).").format(
                period=self.sheet.date_range_label(), sides=", ".join(x.name for x in self.sheet.sides) or "none"
            )
            self.c.place_block(self.s.para(text, self.width, self.s.text_font(1.1, italic=True), color=MUTED))
            return
        if self.sheet.dated_rows:
            self.table(self.sheet.dated_rows)
        undated = self.sheet.undated_row
        if undated is not None:
            self.c.place_block(self.heading(tr("Date unknown")))
            note = tr(
                "Imported without a date: none in the text and no publication date found. Give the date in"
                " Positions: the details of any of them date all undated statements of its source at once."
            )
            self.c.place_block(self.s.para(note, self.width, self.s.text_font(0.95, italic=True), color=MUTED))
            self.table([undated])

    def table(self, rows: Sequence[SheetRow]) -> None:
        """Column headers (repeated on every page), then each row: its band, one column per side."""
        header = self.column_headers()
        self.c.place_block([header])

        def repeat_headers() -> None:
            self.c.draw(self.c.body.left, self.c.y, header.draw)
            self.c.y += header.height

        self.c.on_new_page = repeat_headers
        for row in rows:
            columns = [self.cell_lines(cell, index) for index, cell in enumerate(row.cells)]
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

    def cell_lines(self, cell: Sequence[SheetStatement], column: int) -> list[Line]:
        lines: list[Line] = []
        for st in cell:
            lines += self.statement_lines(st, column)
            lines.append(self.s.gap(0.7))
        return lines

    def statement_lines(self, st: SheetStatement, column: int) -> list[Line]:
        s, w, pt = self.s, self.column_width, self.pt
        color = side_color(column)
        meta = f"{st.date_label}  {st.speaker}"
        spans = [
            Span(0, len(st.date_label), bold=True, color=color),
            Span(len(st.date_label) + 2, len(st.speaker), bold=True),
        ]
        if st.role:
            spans.append(Span(len(meta) + 2, len(st.role), italic=True, color=MUTED))
            meta += f", {st.role}"
        if not st.reviewed:
            spans.append(Span(len(meta) + 3, len(tr("unreviewed")), italic=True, color=SHIFT))
            meta += f" \u00b7 {tr('unreviewed')}"
        lines = s.para(meta, w, s.text_font(0.92), spans=spans, keep_together=True)
        lines[-1].keep_with_next = True
        lines += self.quote_lines(st, color)
        source = st.outlet or ""
        if st.source_number is not None:
            source = f"{source} [S{st.source_number}]".strip()
        if source:
            lines += s.para(source, w, s.text_font(0.85, italic=True), color=MUTED, indent=6 * pt)
        if not self.sheet.options.footnotes:
            for note in st.notes:
                lines += self.note_lines(note, w - 6 * pt, indent=6 * pt)
        return lines

    def quote_lines(self, st: SheetStatement, color: QColor) -> list[Line]:
        s, pt = self.s, self.pt
        prefix = (
            ""
            if st.kind == "direct_quote"
            else (tr("Reported") if st.kind == "reported" else tr("Characterised")) + ": "
        )
        opening, closing = QUOTE_MARKS.get(st.language, (QUOTE_OPEN, QUOTE_CLOSE))
        text = prefix + (f"{opening}{st.quote}{closing}" if st.kind == "direct_quote" else st.quote)
        spans = [Span(0, len(prefix), italic=True, color=MUTED)] if prefix else []
        footnoted = self.sheet.options.footnotes and st.notes
        if footnoted:
            marks = "".join(f"[{n.number}]" for n in st.notes)
            spans.append(Span(len(text) + 1, len(marks), bold=True, color=SHIFT))
            text += f" {marks}"

        def bar(painter: QPainter, x: float, y: float, height: float) -> None:
            painter.fillRect(QRectF(x, y, 1.6 * pt, height), color)

        lines = s.para(text, self.column_width, spans=spans, indent=6 * pt, decorate=bar)
        if footnoted:
            lines[-1].footnotes = [self.note_lines(n, self.width, footnote=True) for n in st.notes]
        return lines

    def note_lines(self, note: SheetNote, width: float, *, indent: float = 0.0, footnote: bool = False) -> list[Line]:
        head = f"[{note.number}] {note.heading}"
        color = SHIFT if note.kind in ("shift", "contradiction") else MUTED
        spans = [Span(0, len(head), bold=True, color=color)]
        return self.s.para(f"{head}: {note.body}", width + indent, self.s.text_font(0.85), spans=spans,
                           indent=indent)  # fmt: skip

    def sources(self) -> None:
        if not self.sheet.sources:
            return
        lines = self.heading(tr("Sources"))
        for source in self.sheet.sources:
            label = f"[S{source.number}]"
            lines += self.s.para(f"{label} {source.citation()}", self.width, self.s.text_font(0.9),
                                 spans=[Span(0, len(label), bold=True)])  # fmt: skip
        self.c.place_block(lines)


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
