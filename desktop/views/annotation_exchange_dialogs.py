"""File > Export annotations… and File > Import annotations…: the window's side of db/annotation_exchange.

Both run on the GUI thread: an exchange file holds notes, not documents, and a year of one team's notes
exports or merges in well under a second. An import is not an undo step: it only adds versions (the newer
one becomes current, the other stays in the history), so nothing it does needs undoing to be recovered.
Call sites refresh their views when the returned report says something changed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db import annotation_exchange, issues
from db.annotation_exchange import ExportSummary, ImportReport
from db.annotations import AnnotationFilter
from db.connection import is_database_file
from db.errors import DatabaseError, NotFoundError, ValidationError
from db.exchange_conflicts import NewSidesError
from db.store import Store
from desktop import file_dialogs
from desktop.views.annotations_panel import default_author

FILE_FILTER = "Positions annotations (*.json);;All files (*)"
ERRORS = (ValidationError, NotFoundError, DatabaseError, sqlite3.Error, OSError)


class ExportScopeDialog(QDialog):
    """Which annotations to export: all, this issue's, or those changed within a date range."""

    def __init__(self, issue_slug: str | None, parent: QWidget | None = None, issue_title: str | None = None) -> None:
        super().__init__(parent)
        self.issue_slug = issue_slug
        self.setWindowTitle(self.tr("Export annotations"))
        self.all = QRadioButton(self.tr("All annotations"), self)
        self.issue = QRadioButton(self.tr("Annotations on this issue: %s") % (issue_title or "—"), self)
        self.issue.setEnabled(issue_slug is not None)
        self.dates = QRadioButton(self.tr("Annotations written or changed between"), self)
        group = QButtonGroup(self)
        for button in (self.all, self.issue, self.dates):
            group.addButton(button)
        self.all.setChecked(True)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.dates.toggled.connect(self.date_from.setEnabled)
        self.dates.toggled.connect(self.date_to.setEnabled)
        note = QLabel(self.tr("Notes in the bin are exported too, so colleagues see what was withdrawn."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        range_row = QHBoxLayout()
        range_row.addSpacing(20)
        range_row.addWidget(self.date_from)
        range_row.addWidget(QLabel(self.tr("and"), self))
        range_row.addWidget(self.date_to)
        range_row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.all, self.issue, self.dates):
            layout.addWidget(widget)
        layout.addLayout(range_row)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def scope(self) -> AnnotationFilter:
        if self.issue.isChecked() and self.issue_slug:
            return AnnotationFilter(issue=self.issue_slug, include_deleted=True)
        if self.dates.isChecked():
            start, end = sorted([self.date_from.date(), self.date_to.date()], key=lambda d: d.toJulianDay())
            return AnnotationFilter(date_from=start.toString("yyyy-MM-dd"), date_to=end.toString("yyyy-MM-dd"),
                                    include_deleted=True)  # fmt: skip
        return AnnotationFilter(include_deleted=True)


def export_annotations(parent: QWidget, store: Store, issue_slug: str | None, path: str | None = None,
                       scope: AnnotationFilter | None = None) -> ExportSummary | None:  # fmt: skip
    """Ask what to export and where (unless given), write the file, and say what was written."""
    tr = parent.tr
    if scope is None:
        title = issues.issue(store, issue_slug).title if issue_slug else None
        dialog = ExportScopeDialog(issue_slug, parent, title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        scope = dialog.scope()
    if path is None:
        suggested = str(Path.home() / f"annotations-{dt.date.today().isoformat()}.json")
        path, _ = file_dialogs.get_save_file_name(parent, tr("Export annotations"), suggested, FILE_FILTER)
        if not path:
            return None
    try:
        summary = annotation_exchange.export_to_file(store, path, scope, exported_by=default_author())
    except ERRORS as exc:
        show_message(parent, QMessageBox.Icon.Warning, tr("Export annotations"), tr("Nothing was exported: %s") % exc)
        return None
    text = tr("%1 annotation(s) on %2 statement(s) written to %3.")
    text = text.replace("%1", str(summary.annotations)).replace("%2", str(summary.statements))
    show_message(parent, QMessageBox.Icon.Information, tr("Export annotations"), text.replace("%3", str(summary.path)))
    return summary


def import_annotations(parent: QWidget, store: Store, path: str | None = None) -> ImportReport | None:
    """Ask for an exchange file (unless given), merge it, and show the report; None when nothing was imported."""
    tr = parent.tr
    if path is None:
        path, _ = file_dialogs.get_open_file_name(parent, tr("Import annotations"), str(Path.home()), FILE_FILTER)
        if not path:
            return None
    if is_database_file(path, store.path):  # reading it with Python would drop the window's locks on it
        show_message(parent, QMessageBox.Icon.Warning, tr("Import annotations"),
                     tr("%s is the database itself, not an exchange file.") % path)  # fmt: skip
        return None
    try:
        try:
            report = annotation_exchange.import_file(store, path)
        except NewSidesError as exc:
            if not agree_to_new_sides(parent, exc):
                show_message(parent, QMessageBox.Icon.Information, tr("Import annotations"),
                             tr("Nothing was imported."))  # fmt: skip
                return None
            report = annotation_exchange.import_file(store, path, allow_new_sides=True)
    except ERRORS as exc:
        show_message(parent, QMessageBox.Icon.Warning, tr("Import annotations"), str(exc))
        return None
    text = tr("Annotations from %s merged:") % Path(path).name + "\n\n" + "\n".join(report.lines())
    show_message(parent, QMessageBox.Icon.Information, tr("Import annotations"), text)
    return report


def agree_to_new_sides(parent: QWidget, error: NewSidesError) -> bool:
    """Ask before a colleague's file adds a side: every comparison would get a column for it."""
    tr = parent.tr
    names = "\n".join(f"  {name}" for _slug, name in error.sides)
    text = tr(
        "This file has statements of side(s) this database does not compare:\n\n%1\n\nEach side is a "
        "column of every comparison. Add them and import the file?"
    ).replace("%1", names)
    box = QMessageBox(QMessageBox.Icon.Question, tr("Import annotations"), "", QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    add = box.addButton(tr("Add the sides and import"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Do not import"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is add


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box that shows its text as plain text: reports quote ids and names from other people's files."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()
