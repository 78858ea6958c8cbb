"""The comparison sheet as a Word document (.docx), so a brief can be edited before a meeting.

It writes the blocks of sheet_text.py, the same ones the PDF layout writes, in the same order: title and
fields, each side's position, changes, follow-ups, the comparison table (a header row in the side colours,
repeated on every page; a band per period), the sources. The marking and "Page N of M" are in the header
and footer of every page; a briefing book starts with its contents, each issue on a new page. Sections are
Word headings, so the navigation pane lists them.

Two differences the format imposes: notes the PDF puts at the foot of its pages follow the table here
(python-docx cannot write Word footnotes), with the same numbers; and Word lays out the pages itself.
Imported text only ever becomes run text (never markup), stripped of the characters XML cannot hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from db.atomic_output import atomic_output
from db.models import Side
from desktop.printing.sheet_data import SheetData
from desktop.printing.sheet_text import (
    Comparison,
    Heading,
    Para,
    Run,
    StatementText,
    Title,
    generated_label,
    sheet_blocks,
    tr,
)
from desktop.side_palette import side_hex

INK, MUTED, ALERT, MARKING, BAND = "1a1a1a", "5a5a5a", "a85400", "a00000", "ececec"
LATIN_FONT = "Noto Sans"  # Word substitutes what it has; the East Asian font is set apart for kana and kanji
EAST_ASIAN_FONT = "Noto Sans CJK JP"
MARGIN_MM = 15
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text as Word can store it: control characters (other than tab and newline) dropped."""
    return NOT_XML.sub("", text)


def write_docx(sheets: Sequence[SheetData], path: Path | str) -> Path:
    """Write the sheets (a briefing book when there are several) as a .docx, whole or not at all."""
    if not sheets:
        raise ValueError("nothing to export: no issue chosen")
    document = build_document(sheets)
    path = Path(path)
    save_atomically(document, path)
    return path


def save_atomically(document: DocxDocument, path: Path) -> None:
    """Whole or not at all, through db.atomic_output: a crash, a full disk or a device as the target never leaves
    half a document under the chosen name, an earlier file is kept on failure (OutputError names it), and the
    file gets the user's umask rather than a temporary file's 0600."""
    with atomic_output(path) as out:
        document.save(out)


def build_document(sheets: Sequence[SheetData]) -> DocxDocument:
    document = Document()
    writer = DocxWriter(document, sheets[0])
    writer.setup_pages(running_title=sheets[0].issue_title if len(sheets) == 1 else tr("Briefing book"))
    if len(sheets) > 1:
        writer.contents(sheets)
    for number, sheet in enumerate(sheets):
        if number or len(sheets) > 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        writer.sheet(sheet)
    core = document.core_properties
    core.title = xml_safe(sheets[0].issue_title if len(sheets) == 1 else f"Briefing book ({len(sheets)} issues)")
    core.author = "Positions"
    return document


class DocxWriter:
    def __init__(self, document: DocxDocument, first: SheetData) -> None:
        self.doc = document
        self.size = first.options.font_size
        self.first = first
        self._styles: dict[str, Any] = {}
        normal = document.styles["Normal"]
        normal.font.name = LATIN_FONT
        normal.font.size = Pt(self.size)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        normal.paragraph_format.space_after = Pt(self.size * 0.35)
        for name in ("Title", "Heading 1", "Heading 2"):
            style = document.styles[name]
            style.font.color.rgb = RGBColor.from_string(INK)
            style.font.name = LATIN_FONT
            style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        document.styles["Title"].font.size = Pt(self.size * 2.0)
        document.styles["Heading 1"].font.size = Pt(self.size * 1.3)
        document.styles["Heading 2"].font.size = Pt(self.size * 1.05)

    # the page frame ----------------------------------------------------------------------------------------
    def setup_pages(self, running_title: str) -> None:
        options = self.first.options
        section = self.doc.sections[0]
        width, height = (Mm(216), Mm(279)) if options.paper == "letter" else (Mm(210), Mm(297))
        if options.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            width, height = height, width
        section.page_width, section.page_height = width, height
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))
        text_width = width - Mm(2 * MARGIN_MM)
        marking = " ".join(xml_safe(options.marking).split())
        header = section.header.paragraphs[0]
        footer = section.footer.paragraphs[0]
        for paragraph in (header, footer):
            stops = paragraph.paragraph_format.tab_stops
            stops.add_tab_stop(text_width // 2, WD_TAB_ALIGNMENT.CENTER)
            stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        self._frame_run(header, running_title)
        header.add_run("\t")
        self._frame_run(header, marking, bold=True, colour=MARKING)
        self._frame_run(header, "\t" + tr("Positions \u00b7 comparison sheet"))
        self._frame_run(footer, f"{self.first.database_name} \u00b7 {generated_label(self.first)}")
        footer.add_run("\t")
        self._frame_run(footer, marking, bold=True, colour=MARKING)
        before, rest = tr("Page {n} of {m}").split("{n}", 1)
        middle, after = rest.split("{m}", 1)
        self._frame_run(footer, "\t" + before)
        _field(footer, "PAGE")
        self._frame_run(footer, middle)
        _field(footer, "NUMPAGES")
        if after:
            self._frame_run(footer, after)

    def _frame_run(self, paragraph: Paragraph, text: str, *, bold: bool = False, colour: str = MUTED) -> None:
        run = paragraph.add_run(xml_safe(text))
        run.bold = bold
        run.font.size = Pt(self.size * 0.8)
        run.font.color.rgb = RGBColor.from_string(colour)

    def contents(self, sheets: Sequence[SheetData]) -> None:
        first = sheets[0]
        self.para(Para(tr("BRIEFING BOOK"), scale=0.85, tone="muted"))
        self.doc.add_paragraph(xml_safe(tr("Briefing book: {n} issues").format(n=len(sheets))), style="Title")
        for label, value in (
            (tr("Period"), first.date_range_label()),
            (tr("Sides"), ", ".join(side.name for side in first.sides)),
            (tr("Generated"), generated_label(first)),
            (tr("Database"), first.database_name),
        ):
            self.para(Para(f"{label}: {value}", (Run(0, len(label) + 1, bold=True),), scale=0.95))  # fmt: skip
        self.doc.add_heading(xml_safe(tr("Contents")), level=1)
        for sheet in sheets:
            self.para(Para(sheet.issue_title, scale=1.1))
            counts = " \u00b7 ".join(f"{x.side.name} {x.count}" for x in sheet.summary)
            self.para(Para(f"{tr('Statements')}: {counts}", scale=0.85, tone="muted", indent=True))

    # one sheet --------------------------------------------------------------------------------------------
    def sheet(self, sheet: SheetData) -> None:
        for block in sheet_blocks(sheet):
            if isinstance(block, Title):
                self.title(block)
            elif isinstance(block, Heading):
                self.doc.add_heading(xml_safe(block.text), level=block.level)
            elif isinstance(block, Comparison):
                self.comparison(block)
            else:
                self.para(block)

    def title(self, block: Title) -> None:
        self.para(Para(block.kicker, scale=0.85, tone="muted"))
        self.doc.add_paragraph(xml_safe(block.title), style="Title")
        if block.description:
            self.para(Para(block.description, scale=1.05, italic=True, tone="muted"))
        for label, value in block.fields:
            self.para(Para(f"{label}: {value}", (Run(0, len(label) + 1, bold=True),), scale=0.95))
        _border(self.doc.add_paragraph(), "bottom", INK, 8)

    def para(self, para: Para, target: _Cell | None = None) -> Paragraph:
        """One paragraph: its size, slant, colour and indent are a paragraph style, its emphasis character
        styles (named, so the brief is easy to restyle in Word, and a 1,000-statement sheet stays quick)."""
        paragraph = (target or self.doc).add_paragraph()
        paragraph._p.style = self.paragraph_style(para).style_id  # by id: python-docx looks a style up slowly
        if para.bar is not None:
            _border(paragraph, "left", side_hex(para.bar.slug, para.bar.position), 12)
        for start, end, run in _pieces(para):
            piece = paragraph.add_run(xml_safe(para.text[start:end]))
            if run is not None:
                piece._r.style = self.character_style(run).style_id
        return paragraph

    def paragraph_style(self, para: Para) -> ParagraphStyle:
        name = (
            f"Sheet {round(para.scale * 100)}%" + " italic" * para.italic + f" {para.tone}" + " indented" * para.indent
        )
        style = self._styles.get(name)
        if style is None:
            style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.doc.styles["Normal"]
            style.font.size = Pt(self.size * para.scale)
            style.font.italic = para.italic or None
            style.font.color.rgb = RGBColor.from_string(_colour(para.tone, None))
            if para.indent:
                style.paragraph_format.left_indent = Pt(8)
            self._styles[name] = style
        return style

    def character_style(self, run: Run) -> CharacterStyle:
        colour = run.side.name if run.tone == "side" and run.side is not None else run.tone
        name = "Sheet" + " bold" * run.bold + " italic" * run.italic + (f" {colour}" if colour else "")
        style = self._styles.get(name)
        if style is None:
            style = self.doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
            style.font.bold = run.bold or None
            style.font.italic = run.italic or None
            if run.tone:
                style.font.color.rgb = RGBColor.from_string(_colour(run.tone, run.side))
            self._styles[name] = style
        return style

    def comparison(self, table: Comparison) -> None:
        if not table.rows:
            self.para(Para(table.empty_message, scale=1.1, italic=True, tone="muted"))
            return
        grid = self.doc.add_table(rows=1, cols=len(table.sides))
        grid.style = self.doc.styles["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        _repeat_as_header(grid.rows[0])
        for cell, side in zip(grid.rows[0].cells, table.sides, strict=True):
            _shade(cell, side_hex(side.slug, side.position))
            run = cell.paragraphs[0].add_run(xml_safe(side.name))
            run.bold = True
            run.font.size = Pt(self.size * 1.05)
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        footnoted: list[Para] = []
        for row in table.rows:
            band = grid.add_row().cells
            merged = band[0].merge(band[-1]) if len(band) > 1 else band[0]
            _shade(merged, BAND)
            label = merged.paragraphs[0].add_run(xml_safe(row.label))
            label.bold = True
            label.font.size = Pt(self.size * 0.95)
            cells = grid.add_row().cells
            for cell, statements in zip(cells, row.cells, strict=True):
                for st in statements:
                    self.statement(st, cell)
                    if st.footnoted:
                        footnoted += st.notes
                _drop_empty_first_paragraph(cell)
        if footnoted:
            self.doc.add_heading(xml_safe(tr("Notes")), level=2)
            for note in footnoted:
                self.para(note)

    def statement(self, st: StatementText, cell: _Cell) -> None:
        self.para(st.meta, cell)
        self.para(st.quote, cell)
        if st.source is not None:
            self.para(st.source, cell)
        if not st.footnoted:
            for note in st.notes:
                self.para(note, cell)


def _colour(tone: str, side: Side | None) -> str:
    if tone == "side" and side is not None:
        return side_hex(side.slug, side.position).lstrip("#")
    return {"muted": MUTED, "alert": ALERT}.get(tone, INK)


def _pieces(para: Para) -> list[tuple[int, int, Run | None]]:
    """The paragraph cut where emphasis starts and ends: (start, end, the run over it or None)."""
    cuts = {0, len(para.text)}
    for run in para.runs:
        cuts |= {max(0, min(run.start, len(para.text))), max(0, min(run.start + run.length, len(para.text)))}
    bounds = sorted(cuts)
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        if start == end:
            continue
        over = next((r for r in para.runs if r.start <= start and end <= r.start + r.length), None)
        pieces.append((start, end, over))
    return pieces


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _border(paragraph: Paragraph, edge: str, colour: str, eighths: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.append(borders)
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(eighths))
    line.set(qn("w:space"), "4")
    line.set(qn("w:color"), colour.lstrip("#"))
    borders.append(line)


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row: object) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)  # type: ignore[attr-defined]


def _drop_empty_first_paragraph(cell: _Cell) -> None:
    """A new cell starts with an empty paragraph; once something follows it, it is only a blank line."""
    paragraphs = cell.paragraphs
    if len(paragraphs) > 1 and not paragraphs[0].text:
        paragraphs[0]._p.getparent().remove(paragraphs[0]._p)
