"""Sizes, colours and fonts of the sheet, all derived from the paint device and the user's font size.

Everything is measured in device units (`pt` converts points), so the same layout code serves a 1200 dpi PDF
writer, a 600 dpi printer and the preview's printer alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QPen

from db.models import Side
from desktop.printing.fonts import SheetFonts
from desktop.printing.text_flow import Decorate, Line, Span, paragraph
from desktop.side_palette import side_hex

INK = QColor("#1a1a1a")
MUTED = QColor("#5a5a5a")
RULE = QColor("#9a9a9a")
BAND = QColor("#ececec")
MARKING = QColor("#a00000")
SHIFT = QColor("#a85400")


def tr(text: str) -> str:
    return QCoreApplication.translate("ComparisonSheet", text)


def side_color(side: Side) -> QColor:
    """The side's one colour (desktop/side_palette.py), the same on paper as in the window."""
    return QColor(side_hex(side.slug, side.position))


@dataclass(frozen=True)
class SheetStyle:
    fonts: SheetFonts
    device: QPaintDevice
    size: float  # the quote size in points

    @property
    def pt(self) -> float:
        return self.device.logicalDpiY() / 72.0

    def text_font(self, scale: float = 1.0, *, bold: bool = False, italic: bool = False) -> QFont:
        return self.fonts.text.font(self.size * scale, bold=bold, italic=italic)

    def heading_font(self, scale: float = 1.0, *, bold: bool = True) -> QFont:
        return self.fonts.heading.font(self.size * scale, bold=bold)

    def para(
        self,
        text: str,
        width: float,
        font: QFont | None = None,
        *,
        color: QColor | None = None,
        spans: Sequence[Span] = (),
        indent: float = 0.0,
        keep_together: bool = False,
        decorate: Decorate | None = None,
    ) -> list[Line]:
        return paragraph(
            text,
            font or self.text_font(),
            width,
            self.device,
            color=color or INK,
            spans=spans,
            indent=indent,
            keep_together=keep_together,
            decorate=decorate,
        )

    def gap(self, scale: float = 1.0) -> Line:
        return Line(self.size * self.pt * scale, spacer=True)

    def rule(self, width: float, *, color: QColor = RULE, thickness: float = 0.6, space: float = 0.6) -> Line:
        """A horizontal rule with a little space above and below."""
        pt = self.pt
        height = self.size * pt * space * 2

        def draw(painter: QPainter, x: float, y: float) -> None:
            painter.setPen(QPen(color, thickness * pt))
            painter.drawLine(QLineF(x, y + height / 2, x + width, y + height / 2))

        return Line(height, draw)

    def band(self, text: str, width: float, *, fill: QColor = BAND, color: QColor = INK,
             scale: float = 1.0) -> Line:  # fmt: skip
        """A filled band with one line of bold text: row labels and headings of tables."""
        pt = self.pt
        font = self.heading_font(scale)
        height = self.size * scale * pt * 2.0

        def draw(painter: QPainter, x: float, y: float) -> None:
            rect = QRectF(x, y, width, height)
            painter.fillRect(rect, fill)
            painter.setFont(font)
            painter.setPen(color)
            flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine
            painter.drawText(rect.adjusted(4 * pt, 0, -4 * pt, 0), int(flags), text)

        return Line(height, draw, keep_with_next=True)
