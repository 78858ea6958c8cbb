"""File > Print: the sheet's options first, then Qt's print preview; or, from the same dialog (and File >
Save as PDF… / Export to Word…), the sheet written straight to a PDF or a Word document.

The preview paints through output.print_sheets, the same call `positions print` uses, so what the user
sees is what the printer and the PDF get. Fonts are checked before the preview opens.
"""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db import issue_reviews, issues
from db.partial_date import PartialDate
from db.statements import NO_SIDE, StatementFilter
from db.store import Store
from desktop.buckets import GRANULARITIES
from desktop.moments import moment_from_day, moment_label
from desktop.printing.fonts import FontCoverageError
from desktop.printing.output import fonts_for, page_layout, print_sheets
from desktop.printing.sheet_data import SheetData, SheetOptions, build_book

MARKINGS = ("", "RESTRICTED", "CONFIDENTIAL", "FOR OFFICIAL USE ONLY")


def _date_text(iso: str | None) -> str:
    return iso or ""


def _parse_date(text: str) -> PartialDate | None:
    text = text.strip()
    return PartialDate.from_iso(text) if text else None


def _last_day(date: PartialDate) -> str:
    """ "To 2017-03" means to the end of March."""
    month = date.month or 12
    return dt.date(date.year, month, date.day or calendar.monthrange(date.year, month)[1]).isoformat()


class SheetOptionsDialog(QDialog):
    """What goes on the sheet and how it is printed; `options()` gives the SheetOptions."""

    def __init__(self, parent: QWidget | None, store: Store, issue_title: str, initial: SheetOptions,
                 last_review: str | None = None, output: str = "preview") -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print comparison sheet"))
        self._initial = initial
        self.output = output  # what the user chose: "preview", "pdf" or "docx"
        title = QLabel(issue_title)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: bold")
        form = QFormLayout()
        self.date_from = QLineEdit(_date_text(initial.date_from))
        self.date_to = QLineEdit(_date_text(initial.date_to))
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
            edit.setToolTip(self.tr("Leave empty for no limit"))
        form.addRow(self.tr("From:"), self.date_from)
        form.addRow(self.tr("To:"), self.date_to)
        sides_row = QHBoxLayout()
        self.side_boxes: dict[str, QCheckBox] = {}
        for side in issues.sides(store):
            box = QCheckBox(side.name)
            box.setChecked(initial.sides is None or side.slug in initial.sides)
            self.side_boxes[side.slug] = box
            sides_row.addWidget(box)
        sides_row.addStretch(1)
        form.addRow(self.tr("Sides:"), sides_row)
        self.granularity = QComboBox()
        for name in GRANULARITIES:
            self.granularity.addItem(self.tr(name.capitalize()), name)
        self.granularity.setCurrentIndex(GRANULARITIES.index(initial.granularity))
        form.addRow(self.tr("Rows by:"), self.granularity)
        self.include_annotations = QCheckBox(self.tr("Include"))
        self.include_annotations.setChecked(initial.include_annotations)
        self.notes_as = QComboBox()
        self.notes_as.addItem(self.tr("as numbered notes under each statement"), False)
        self.notes_as.addItem(self.tr("as footnotes"), True)
        self.notes_as.setCurrentIndex(int(initial.footnotes))
        self.include_annotations.toggled.connect(self.notes_as.setEnabled)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.include_annotations)
        notes_row.addWidget(self.notes_as, 1)
        form.addRow(self.tr("Annotations:"), notes_row)
        self.include_unreviewed = QCheckBox(self.tr("Include statements nobody has reviewed yet"))
        self.include_unreviewed.setChecked(initial.include_unreviewed)
        form.addRow("", self.include_unreviewed)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.setCurrentIndex(0 if initial.paper == "a4" else 1)
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Portrait"), False)
        self.orientation.addItem(self.tr("Landscape"), True)
        self.orientation.setCurrentIndex(int(initial.landscape))
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper)
        paper_row.addWidget(self.orientation)
        form.addRow(self.tr("Paper:"), paper_row)
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(6.0, 16.0)
        self.font_size.setSingleStep(0.5)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(initial.font_size)
        form.addRow(self.tr("Text size:"), self.font_size)
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.addItems(list(MARKINGS))
        self.marking.setEditText(initial.marking)
        self.marking.setToolTip(self.tr("Printed at the top and bottom of every page"))
        form.addRow(self.tr("Marking:"), self.marking)
        self.changes = QComboBox()
        self.changes.addItem(self.tr("No section"), "none")
        review = moment_label(last_review) if last_review else self.tr("never marked")
        self.changes.addItem(self.tr("Since my last review (%s)") % review, "review")
        self.changes.addItem(self.tr("Since a date"), "date")
        self.changes.setCurrentIndex(1 if initial.since_last_review else 2 if initial.changes_since else 0)
        self.changes_day = QDateEdit(QDate.currentDate().addDays(-7))
        self.changes_day.setCalendarPopup(True)
        self.changes_day.setDisplayFormat("yyyy-MM-dd")
        self.changes_day.setMinimumWidth(120)
        self.changes_day.setEnabled(self.changes.currentData() == "date")
        self.changes.currentIndexChanged.connect(
            lambda: self.changes_day.setEnabled(self.changes.currentData() == "date")
        )
        changes_row = QHBoxLayout()
        changes_row.addWidget(self.changes, 1)
        changes_row.addWidget(self.changes_day)
        form.addRow(self.tr("What changed:"), changes_row)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #a00000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.output_buttons = {}
        for name, text in (("pdf", self.tr("Save as PDF…")), ("docx", self.tr("Export to Word…")),
                           ("preview", self.tr("Preview…"))):  # fmt: skip
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setObjectName(f"output_{name}")
            button.clicked.connect(lambda _checked=False, n=name: self.choose(n))
            self.output_buttons[name] = button
        for name, button in self.output_buttons.items():  # what the user came for answers Return
            button.setAutoDefault(name == output)
            button.setDefault(name == output)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def options(self) -> SheetOptions:
        """The chosen options; raises ValueError with a message for the user on a bad date or no side."""
        sides = tuple(slug for slug, box in self.side_boxes.items() if box.isChecked())
        if not sides:
            raise ValueError(self.tr("Choose at least one side."))
        try:
            first = _parse_date(self.date_from.text())
            last = _parse_date(self.date_to.text())
        except ValueError:
            raise ValueError(self.tr("Dates are written YYYY, YYYY-MM or YYYY-MM-DD.")) from None
        return SheetOptions(
            date_from=first.start().isoformat() if first else None,
            date_to=_last_day(last) if last else None,
            sides=sides,
            include_annotations=self.include_annotations.isChecked(),
            footnotes=bool(self.notes_as.currentData()),
            include_unreviewed=self.include_unreviewed.isChecked(),
            granularity=str(self.granularity.currentData()),
            paper=str(self.paper.currentData()),
            landscape=bool(self.orientation.currentData()),
            font_size=self.font_size.value(),
            marking=self.marking.currentText().strip(),
            speaker=self._initial.speaker,
            kind=self._initial.kind,
            annotated=self._initial.annotated,
            changes_since=(
                moment_from_day(self.changes_day.date().toPython()) if self.changes.currentData() == "date" else None
            ),
            since_last_review=self.changes.currentData() == "review",
        )

    def choose(self, output: str) -> None:
        self.output = output
        self.accept()

    def accept(self) -> None:
        try:
            self.options()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()


def initial_options(statement_filter: StatementFilter | None, granularity: str = "month") -> SheetOptions:
    """The window's filter carried over: its dates, its side, and narrowing by speaker, kind, annotations."""
    flt = statement_filter or StatementFilter()
    side = (flt.side,) if flt.side not in (None, NO_SIDE) else None
    return SheetOptions(
        date_from=flt.date_from,
        date_to=flt.date_to,
        sides=side,
        include_unreviewed=flt.reviewed is False,
        granularity=granularity if granularity in GRANULARITIES else "month",
        speaker=flt.speaker,
        kind=flt.kind,
        annotated=flt.annotated,
    )


def prepare_preview(parent: QWidget | None, sheets: list[SheetData]) -> QPrintPreviewDialog | None:
    """The preview for built sheets, or None (after telling the user) when the fonts cannot print them."""
    try:
        fonts = fonts_for(sheets)
    except FontCoverageError as exc:
        QMessageBox.warning(parent, QGuiApplication.translate("Printing", "Cannot print this sheet"), str(exc))
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(sheets[0].options))
    printer.setDocName(sheets[0].issue_title)
    printer.setCreator("Positions")
    preview = QPrintPreviewDialog(printer, parent)
    preview._printer = printer  # type: ignore[attr-defined]  # the dialog does not own it: keep it alive
    preview.setWindowTitle(QGuiApplication.translate("Printing", "Print preview: {title}").format(
        title=sheets[0].issue_title))  # fmt: skip
    preview.paintRequested.connect(lambda device: print_sheets(sheets, device, fonts))
    return preview


def open_print_preview(
    parent: QWidget | None,
    store: Store,
    issue_slug: str,
    statement_filter: StatementFilter | None = None,
    output: str = "preview",
) -> None:
    """Entry point for File > Print (and Save as PDF…, Export to Word…): options, then the preview of the
    current issue and filters, or the file written."""
    from desktop.printing.save_sheet import save_sheet
    from desktop.settings import Settings

    issue = issues.issue(store, issue_slug)
    initial = initial_options(statement_filter, Settings().granularity)
    last = issue_reviews.last_review(store, issue_slug)
    dialog = SheetOptionsDialog(parent, store, issue.title, initial, last, output)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    if dialog.output in ("pdf", "docx") and parent is not None:
        save_sheet(parent, store.path, [issue_slug], issue.title, dialog.options(), dialog.output)
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        sheets = build_book(store, [issue_slug], dialog.options())
    finally:
        QGuiApplication.restoreOverrideCursor()
    preview = prepare_preview(parent, sheets)
    if preview is not None:
        preview.resize(1000, 800)
        preview.exec()
