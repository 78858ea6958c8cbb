"""Where a sheet goes: a PDF file or a printer, through the same render() call.

Fonts are checked against the sheet's text before anything is written, so a missing Japanese font is a
clear error and never a PDF full of empty boxes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter
from PySide6.QtWidgets import QApplication

from db.atomic_output import write_atomically
from desktop.printing.fonts import SheetFonts, covering_fonts
from desktop.printing.sheet_data import SheetData, SheetOptions
from desktop.printing.sheet_layout import render

MARGIN_MM = 15.0
PDF_RESOLUTION = 1200


def page_layout(options: SheetOptions) -> QPageLayout:
    size = QPageSize(QPageSize.PageSizeId.Letter if options.paper == "letter" else QPageSize.PageSizeId.A4)
    orientation = QPageLayout.Orientation.Landscape if options.landscape else QPageLayout.Orientation.Portrait
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)


def fonts_for(sheets: Sequence[SheetData]) -> SheetFonts:
    """The fonts to print with; raises FontCoverageError (with advice) when some text has no font."""
    return covering_fonts(text for sheet in sheets for text in sheet.texts())


def print_sheets(sheets: Sequence[SheetData], device: QPagedPaintDevice, fonts: SheetFonts | None = None) -> int:
    """Paint the sheets on a printer, a preview's printer or a PDF writer; returns the number of pages."""
    return render(sheets, fonts or fonts_for(sheets), device)


class PdfIncompleteError(OSError):
    """Qt produced something that is not a whole PDF; nothing was written."""


def write_pdf(sheets: Sequence[SheetData], path: Path | str) -> int:
    """Write the sheets to a PDF file (fonts embedded) whole or not at all; returns the number of pages.

    The PDF is rendered in memory, checked (it starts with %PDF and ends with %%EOF), and then written through
    db.atomic_output: a full disk or a missing folder raises OutputError naming the file, and an earlier file
    of that name is left as it was.
    """
    fonts = fonts_for(sheets)  # before anything else: no half-written PDF on a font problem
    path = Path(path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(sheets[0].options))
    writer.setCreator("Positions")
    writer.setTitle(sheets[0].issue_title if len(sheets) == 1 else f"Briefing book ({len(sheets)} issues)")
    try:
        pages = print_sheets(sheets, writer, fonts)
    finally:
        del writer  # finish the PDF now, not when the garbage collector gets to it
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        raise PdfIncompleteError(f"{path}: the PDF could not be produced completely; nothing was written")
    write_atomically(path, data)
    return pages


def ensure_gui_application() -> QGuiApplication:
    """Fonts and painting need a QGuiApplication; headless (CI, ssh) it runs on the offscreen platform."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication | QApplication):
        return app
    if app is not None:
        raise RuntimeError("printing needs a QGuiApplication, and a plain QCoreApplication is running")
    has_screen = any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if not has_screen and sys.platform.startswith("linux"):  # Windows and macOS always have their own platform
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # A QApplication, not a bare QGuiApplication: a window or dialog created later in the same process
    # (the tests, a script) would otherwise abort Qt.
    return QApplication(["positions"])
