"""Where a sheet goes: a PDF file or a printer, through the same render() call.

Fonts are checked against the sheet's text before anything is written, so a missing Japanese font is a
clear error and never a PDF full of empty boxes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter
from PySide6.QtWidgets import QApplication

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


def write_pdf(sheets: Sequence[SheetData], path: Path | str) -> int:
    """Write the sheets to a PDF file (fonts embedded); returns the number of pages."""
    fonts = fonts_for(sheets)  # before the file is created: no half-written PDF on a font problem
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(sheets[0].options))
    writer.setCreator("Positions")
    writer.setTitle(sheets[0].issue_title if len(sheets) == 1 else f"Briefing book ({len(sheets)} issues)")
    try:
        return print_sheets(sheets, writer, fonts)
    finally:
        del writer  # flush and close the file now, not when the garbage collector gets to it


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
