"""The filters over the comparison: date range, speaker, kind, reviewed, annotated (a StatementFilter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from db.models import Statement
from db.partial_date import PartialDate
from db.statements import StatementFilter
from desktop.buckets import key_range

KIND_CHOICES = (("Any kind", None), ("Direct quotes", "direct_quote"), ("Reported", "reported"),
                ("Characterizations", "characterization"))  # fmt: skip
REVIEWED_CHOICES = (("Reviewed or not", None), ("Reviewed", True), ("Unreviewed", False))
ANNOTATED_CHOICES = (("Annotated or not", None), ("Annotated", True), ("Not annotated", False))


class FiltersBar(QFrame):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filtersBar")
        self.date_from_edit = self._date_edit(self.tr("from"))
        self.date_to_edit = self._date_edit(self.tr("to"))
        self.speaker = QLineEdit(self)
        self.speaker.setPlaceholderText(self.tr("Speaker"))
        self.speaker.setClearButtonEnabled(True)
        self.speaker.setMinimumWidth(110)
        self.speaker.setMaximumWidth(170)
        self.speaker.editingFinished.connect(self._emit_if_changed)
        self.kind = self._combo(KIND_CHOICES)
        self.reviewed = self._combo(REVIEWED_CHOICES)
        self.annotated = self._combo(ANNOTATED_CHOICES)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear)
        self.error = QLabel(self)
        self.error.setObjectName("errorNote")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        label = QLabel(self.tr("Dates"), self)
        label.setObjectName("filterLabel")
        layout.addWidget(label)
        for widget in (self.date_from_edit, QLabel("–", self), self.date_to_edit, self.speaker, self.kind,
                       self.reviewed, self.annotated, self.clear_button, self.error):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        self._last = self.statement_filter()

    def _date_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        edit.setMaximumWidth(104)
        edit.setClearButtonEnabled(True)
        edit.editingFinished.connect(self._emit_if_changed)
        return edit

    def _combo(self, choices: tuple[tuple[str, object], ...]) -> QComboBox:
        combo = QComboBox(self)
        for text, value in choices:
            combo.addItem(self.tr(text), value)
        combo.currentIndexChanged.connect(self._emit_if_changed)
        return combo

    def _bound(self, edit: QLineEdit, *, end: bool) -> str | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            date = PartialDate.from_iso(text)  # 2017, 2017-03 or 2017-03-06: the first or last day of that period
        except ValueError:
            return None
        return key_range(date.iso())[1 if end else 0].isoformat()

    def date_from(self) -> str | None:
        return self._bound(self.date_from_edit, end=False)

    def date_to(self) -> str | None:
        return self._bound(self.date_to_edit, end=True)

    def statement_filter(self) -> StatementFilter:
        """The chosen filters, for any issue and side (the comparison adds those)."""
        return StatementFilter(
            date_from=self.date_from(),
            date_to=self.date_to(),
            speaker=self.speaker.text().strip() or None,
            kind=self.kind.currentData(),
            reviewed=self.reviewed.currentData(),
            annotated=self.annotated.currentData(),
        )

    def _emit_if_changed(self) -> None:
        edits = (self.date_from_edit, self.date_to_edit)
        bad = [e.text() for e in edits if e.text().strip() and self._bound(e, end=False) is None]
        self.error.setText(self.tr("Not a date: %s") % ", ".join(bad) if bad else "")
        current = self.statement_filter()
        if current != self._last:
            self._last = current
            self.changed.emit()

    def set_date_range(self, first: str | None, last: str | None) -> None:
        self.date_from_edit.setText(first or "")
        self.date_to_edit.setText(last or "")
        self._emit_if_changed()

    def clear(self) -> None:
        for widget in (self.date_from_edit, self.date_to_edit, self.speaker):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        for combo in (self.kind, self.reviewed, self.annotated):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._emit_if_changed()

    def excludes(self, statement: Statement) -> bool:
        """Whether the current filters hide a statement (a search result must still open)."""
        flt = self.statement_filter()
        day = statement.said_on.start().isoformat() if statement.said_on else None
        return bool(
            (flt.date_from and (day is None or day < flt.date_from))  # a date range leaves out unknown dates
            or (flt.date_to and (day is None or day > flt.date_to))
            or (flt.speaker and flt.speaker not in (statement.speaker, statement.speaker_as_written))
            or (flt.kind and flt.kind != statement.kind)
            or (flt.reviewed is not None and flt.reviewed != statement.reviewed)
            or (flt.annotated is not None and flt.annotated != bool(statement.annotation_kinds))
        )
