"""The filters over the comparison: date range, speaker, kind, reviewed, annotated, and what changed since the
user's last review of the issue or a date (a highlight on the cards, and optionally a filter): a StatementFilter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from db import statements
from db.models import Statement
from db.partial_date import PartialDate
from db.statements import StatementFilter
from db.store import Store
from desktop.buckets import key_range
from desktop.moments import moment_from_day

KIND_CHOICES = (("Any kind", None), ("Direct quotes", "direct_quote"), ("Reported", "reported"),
                ("Characterizations", "characterization"))  # fmt: skip
REVIEWED_CHOICES = (("Reviewed or not", None), ("Reviewed", True), ("Unreviewed", False))
ANNOTATED_CHOICES = (("Annotated or not", None), ("Annotated", True), ("Not annotated", False))
SPEAKER_PAUSE_MS = 300
CHANGES_CHOICES = (("No changes marked", None), ("Changes since my last review", "review"),
                   ("Changes since…", "date"))  # fmt: skip


class FiltersBar(QFrame):
    changed = Signal()
    mark_reviewed = Signal()  # the user has gone through the current issue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filtersBar")
        self.date_from_edit = self._date_edit(self.tr("from"))
        self.date_to_edit = self._date_edit(self.tr("to"))
        self.speaker = QLineEdit(self)
        self.speaker.setPlaceholderText(self.tr("Speaker"))
        self.speaker.setToolTip(self.tr("Any part of a name or alias, in any language and case: лавр, kono, 河野"))
        self.speaker.setClearButtonEnabled(True)
        self.speaker.setMinimumWidth(130)
        self.speaker.setMaximumWidth(200)
        self._typing = QTimer(self, singleShot=True, interval=SPEAKER_PAUSE_MS)  # filter as the user types
        self._typing.timeout.connect(self._emit_if_changed)
        self.speaker.textChanged.connect(self._typing.start)
        self.speaker.editingFinished.connect(self._emit_if_changed)
        self.kind = self._combo(KIND_CHOICES)
        self.reviewed = self._combo(REVIEWED_CHOICES)
        self.annotated = self._combo(ANNOTATED_CHOICES)
        self.changes = self._combo(CHANGES_CHOICES)
        self.changes.setObjectName("changesChoice")
        self.changes_day = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.changes_day.setCalendarPopup(True)
        self.changes_day.setDisplayFormat("yyyy-MM-dd")
        self.changes_day.setMinimumWidth(112)
        self.changes_day.setVisible(False)
        self.changes_day.dateChanged.connect(self._emit_if_changed)
        self.only_changes = QCheckBox(self.tr("Only changes"), self)
        self.only_changes.toggled.connect(self._emit_if_changed)
        self.mark_button = QToolButton(self)
        self.mark_button.setText(self.tr("Mark issue reviewed"))
        self.mark_button.setToolTip(self.tr("You have gone through this issue: later changes will be marked"))
        self.mark_button.clicked.connect(self.mark_reviewed)
        self.review_lookup: Callable[[], str | None] = lambda: None  # the current issue's last review
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
                       self.reviewed, self.annotated, self.changes, self.changes_day, self.only_changes,
                       self.mark_button, self.clear_button, self.error):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)
        self._last = (self.statement_filter(), self.changes_since())

    def _date_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2018-11-14") + 44)  # the date and the clear button
        edit.setMaximumWidth(edit.minimumWidth() + 20)
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
            changed_since=self.changes_since() if self.only_changes.isChecked() else None,
        )

    def changes_since(self) -> str | None:
        """The moment changes are counted from (a stored timestamp), or None when none is chosen or known."""
        mode = self.changes.currentData()
        if mode == "review":
            return self.review_lookup()
        if mode == "date":
            return moment_from_day(self.changes_day.date().toPython())
        return None

    def recheck(self) -> None:
        """The last review may have moved (the user marked the issue reviewed): announce a filter change."""
        self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        self._typing.stop()
        self.changes_day.setVisible(self.changes.currentData() == "date")
        edits = (self.date_from_edit, self.date_to_edit)
        bad = [e.text() for e in edits if e.text().strip() and self._bound(e, end=False) is None]
        self.error.setText(self.tr("Not a date: %s") % ", ".join(bad) if bad else "")
        current = (self.statement_filter(), self.changes_since())
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
        for combo in (self.kind, self.reviewed, self.annotated, self.changes):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.only_changes.blockSignals(True)
        self.only_changes.setChecked(False)
        self.only_changes.blockSignals(False)
        self._emit_if_changed()

    def excludes(self, store: Store, statement: Statement) -> bool:
        """Whether the current filters hide a statement (a search result must still open)."""
        return not statements.matches(store, self.statement_filter(), statement.uid)
