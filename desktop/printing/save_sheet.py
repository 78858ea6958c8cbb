"""File > Save as PDF… and Export to Word…: ask where, then build and write the sheet in a worker.

The worker opens its own connection (a Store is not shared across threads), builds the sheets with the same
builder as the preview, and writes the PDF (fonts checked first) or the .docx; the window stays responsive
and a failure is a message, never a half-written file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from db.store import Store
from desktop.printing.sheet_data import SheetOptions, build_book
from desktop.worker import Job, start_job_with_progress

OUTPUTS = {"pdf": ("PDF (*.pdf)", ".pdf"), "docx": ("Word document (*.docx)", ".docx")}


def suggested_name(title: str, kind: str) -> str:
    """A file name from the issue's title (letters of any script kept, the rest turned into dashes)."""
    stem = re.sub(r"[^\w]+", "-", title, flags=re.UNICODE).strip("-")[:60] or "comparison-sheet"
    return stem + OUTPUTS[kind][1]


def write_sheets(db_path: Path, issue_slugs: Sequence[str], options: SheetOptions, kind: str, target: Path) -> str:
    """Build and write (in a worker); returns a line for the status bar."""
    from desktop.printing.output import write_pdf
    from desktop.printing.sheet_docx import write_docx

    with Store.open(db_path, create=False) as own:
        sheets = build_book(own, issue_slugs, options)
    if kind == "docx":
        write_docx(sheets, target)
        return f"{target}: Word document written"
    pages = write_pdf(sheets, target)
    return f"{target}: PDF written, {pages} page(s)"


def save_sheet(parent: QWidget, db_path: Path, issue_slugs: Sequence[str], issue_title: str, options: SheetOptions,
               kind: str, path: Path | None = None) -> Job | None:  # fmt: skip
    """Ask for the file (unless given), then write it off the GUI thread; None when the user cancelled."""
    filter_text, suffix = OUTPUTS[kind]
    if path is None:
        title = parent.tr("Save as PDF") if kind == "pdf" else parent.tr("Export to Word")
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested_name(issue_title, kind), parent.tr(filter_text))
        if not name:
            return None
        path = Path(name)
    target = path
    if not target.suffix:
        target = target.with_suffix(suffix)

    def work(report: Any) -> str:
        report(0, 0, str(target.name))
        return write_sheets(db_path, issue_slugs, options, kind, target)

    job = start_job_with_progress(parent, parent.tr("Writing the comparison sheet…"), work)
    job.succeeded.connect(lambda message: _tell(parent, message))
    job.failed.connect(lambda message: _fail(parent, message))
    return job


def _tell(parent: QWidget, message: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 10000)


def _fail(parent: QWidget, message: str) -> None:
    from desktop.views.window_dialogs import error

    error(parent, parent.tr("Could not write the comparison sheet"), message)
