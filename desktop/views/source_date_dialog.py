"""Asks for the date of a source's undated statements: the date, and whether it is the publication date.

The source's title and outlet are imported text: they are shown as plain text only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from db.partial_date import PartialDate
from db.sources import Source


class SourceDateDialog(QDialog):
    def __init__(self, source: Source, undated: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set the date of undated statements"))
        self.setObjectName("sourceDateDialog")
        intro = QLabel(self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        title = source.title or source.file_name
        where = f"{title} ({source.outlet})" if source.outlet else title
        intro.setText(
            self.tr("%n statement(s) from “{0}” have no date. Give the date they were said on; the statements"
                    " of this source that have a date of their own keep it.", "", undated).format(where)
        )  # fmt: skip
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.as_publication = QCheckBox(self.tr("This is the source's publication date"), self)
        self.as_publication.setChecked(source.published is None)
        self.as_publication.setEnabled(source.published is None)
        self.error = QLabel(self)
        self.error.setObjectName("errorNote")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow("", self.as_publication)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def date(self) -> PartialDate | None:
        try:
            return PartialDate.from_iso(self.date_edit.text())
        except ValueError:
            return None

    def accept(self) -> None:
        if self.date() is None:
            self.error.setText(self.tr("Not a date: use YYYY-MM-DD, YYYY-MM or YYYY."))
            return
        super().accept()
