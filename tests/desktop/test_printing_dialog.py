"""File > Print: the options dialog, the preview painting through the same path as the PDF, font refusal."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox

from db import statements
from db.partial_date import PartialDate
from db.statements import NewStatement, StatementFilter
from db.store import Store
from desktop.printing import dialog as print_dialog
from desktop.printing.dialog import SheetOptionsDialog, initial_options, open_print_preview, prepare_preview
from desktop.printing.sheet_data import SheetOptions, build_book
from tests.desktop.test_printing_sheet_data import ISSUE, JA_QUOTE, RU_QUOTE, fill_print_db


@pytest.fixture
def store(db_path: Path, qapp: QApplication) -> Store:
    fill_print_db(db_path)
    opened = Store.open(db_path)
    yield opened
    opened.close()


def test_options_dialog_gives_the_chosen_options(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dlg = SheetOptionsDialog(None, store, "<b>Title</b>", SheetOptions())
    qtbot.addWidget(dlg)
    dlg.date_from.setText("2017-03")
    dlg.date_to.setText("2017-03")
    dlg.side_boxes["russia"].setChecked(False)
    dlg.notes_as.setCurrentIndex(1)
    dlg.granularity.setCurrentIndex(0)
    dlg.paper.setCurrentIndex(1)
    dlg.orientation.setCurrentIndex(1)
    dlg.marking.setEditText("  CONFIDENTIAL ")
    options = dlg.options()
    assert (options.date_from, options.date_to) == ("2017-03-01", "2017-03-31")
    assert options.sides == ("japan",)
    assert options.footnotes and options.granularity == "day"
    assert (options.paper, options.landscape, options.marking) == ("letter", True, "CONFIDENTIAL")


def test_options_dialog_refuses_a_bad_date_and_no_side(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dlg = SheetOptionsDialog(None, store, "Title", SheetOptions())
    qtbot.addWidget(dlg)
    dlg.date_from.setText("March 2017")
    dlg.accept()
    assert dlg.result() != dlg.DialogCode.Accepted and "YYYY" in dlg.problem.text()
    dlg.date_from.setText("")
    for box in dlg.side_boxes.values():
        box.setChecked(False)
    dlg.accept()
    assert "side" in dlg.problem.text()


def test_window_filter_is_carried_over() -> None:
    flt = StatementFilter(issue=ISSUE, side="japan", date_from="2017-01-01", speaker="Taro Kono", reviewed=False)
    options = initial_options(flt, "quarter")
    assert options.sides == ("japan",) and options.date_from == "2017-01-01"
    assert options.speaker == "Taro Kono" and options.include_unreviewed and options.granularity == "quarter"
    assert initial_options(None).sides is None


def test_preview_paints_through_the_pdf_path(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheets = build_book(store, [ISSUE], SheetOptions(marking="RESTRICTED"))
    preview = prepare_preview(None, sheets)
    assert isinstance(preview, QPrintPreviewDialog)
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "from-preview.pdf"
    printer.setOutputFileName(str(out))
    preview.paintRequested.emit(printer)  # what the preview's Print button does with the chosen printer
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
    squashed = "".join(unicodedata.normalize("NFKC", text).split())
    assert "RESTRICTED" in text and "Page 1 of" in text
    assert "".join(RU_QUOTE.split()) in squashed and "".join(JA_QUOTE.split()) in squashed


def test_missing_font_is_told_before_the_preview(qtbot, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    statements.add(store, NewStatement(speaker="Scribe", side="russia", issue="fisheries",
                                       said_on=PartialDate(2017, 1, 1), quote="Linear B: \U00010000\U00010001",
                                       reviewed=True))  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(print_dialog.QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert prepare_preview(None, build_book(store, ["fisheries"], SheetOptions())) is None
    assert shown and "No installed font" in shown[0] and "\U00010000" in shown[0]


def test_open_print_preview_end_to_end(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def answer_dialogs() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, SheetOptionsDialog):
            widget.marking.setEditText("SECRET")
            widget.accept()
            QTimer.singleShot(50, answer_dialogs)
        elif isinstance(widget, QPrintPreviewDialog):
            seen.append(widget.windowTitle())
            widget.reject()
        elif isinstance(widget, QMessageBox):
            seen.append(widget.text())
            widget.reject()
        else:
            QTimer.singleShot(50, answer_dialogs)

    QTimer.singleShot(0, answer_dialogs)
    open_print_preview(None, store, ISSUE, StatementFilter(issue=ISSUE))
    assert seen and "Joint economic activity" in seen[0]
