"""Plain text broken into lines that can be placed one by one, on any page (QTextLayout, never HTML).

A paragraph becomes a list of Line objects; the page composer places them and may break between any two,
so a long quote continues on the next page without losing a word. Text goes into QTextLayout as plain
text: markup in a quote prints literally.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QTextCharFormat, QTextLayout, QTextOption

Draw = Callable[[QPainter, float, float], None]  # paints at the line's top-left corner
Decorate = Callable[[QPainter, float, float, float], None]  # x, y, height of the line it goes with

_SPACES = str.maketrans({"\t": " ", "\r": " ", "\n": "\u2028", "\f": " ", "\v": " "})


def clean(text: str) -> str:
    """Imported text as QTextLayout should get it: paragraphs kept, other control characters dropped."""
    text = text.translate(_SPACES)
    return "".join(ch for ch in text if ch >= " " or ch == "\u2028")


def _nothing(painter: QPainter, x: float, y: float) -> None:
    return None


@dataclass
class Line:
    height: float
    draw: Draw = _nothing
    keep_with_next: bool = False  # never end a page (or a column) after this line
    spacer: bool = False  # dropped at the top of a page
    footnotes: list[list[Line]] = field(default_factory=list)  # footnote texts referenced on this line


def spacer(height: float) -> Line:
    return Line(height, spacer=True)


@dataclass(frozen=True)
class Span:
    """A styled part of a paragraph: characters [start, start+length) in bold, italic or a colour."""

    start: int
    length: int
    bold: bool = False
    italic: bool = False
    color: QColor | None = None


def paragraph(
    text: str,
    font: QFont,
    width: float,
    device: QPaintDevice,
    *,
    color: QColor | None = None,
    spans: Sequence[Span] = (),
    indent: float = 0.0,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    line_spacing: float = 1.12,
    keep_together: bool = False,
    decorate: Decorate | None = None,
) -> list[Line]:
    """Lay `text` out at `width` (device units) and return its lines; `decorate` paints beside each line."""
    layout = QTextLayout(clean(text), font, device)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setUseDesignMetrics(True)
    layout.setTextOption(option)
    if spans:
        layout.setFormats([_format_range(span) for span in spans])
    layout.setCacheEnabled(True)
    lines: list[Line] = []
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width - indent, 1.0))
        line.setPosition(QPointF(indent, y))
        y += line.height() * line_spacing
        height = line.height() * line_spacing
        lines.append(Line(height, _line_painter(layout, line.y(), height, color, decorate)))
    layout.endLayout()
    if keep_together:
        for placed in lines[:-1]:
            placed.keep_with_next = True
    elif len(lines) >= 3:  # no single line of a paragraph alone at the foot or the head of a page
        lines[0].keep_with_next = True
        lines[-2].keep_with_next = True
    return lines


def _format_range(span: Span) -> QTextLayout.FormatRange:
    fmt = QTextCharFormat()
    if span.bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if span.italic:
        fmt.setFontItalic(True)
    if span.color is not None:
        fmt.setForeground(span.color)
    rng = QTextLayout.FormatRange()
    rng.start, rng.length, rng.format = span.start, span.length, fmt
    return rng


def _line_painter(
    layout: QTextLayout, line_y: float, height: float, color: QColor | None, decorate: Decorate | None
) -> Draw:
    line_index = layout.lineCount() - 1

    def draw(painter: QPainter, x: float, y: float) -> None:
        painter.setPen(color or QColor("black"))
        layout.lineAt(line_index).draw(painter, QPointF(x, y - line_y))
        if decorate is not None:
            decorate(painter, x, y, height)

    return draw


def height_of(lines: Sequence[Line]) -> float:
    return sum(line.height for line in lines)
