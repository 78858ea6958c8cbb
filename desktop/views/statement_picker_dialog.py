"""Pick the statement a contradiction points to. It opens on the statements of the same issue from the other side,
newest first, with the filters of the window (side, issue, speaker, dates) and a full-text search; the queries
run in a worker on their own connection (db/statement_picking.py). Results are plain-text items.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from db import issues, statement_picking, statements
from db.errors import NotFoundError
from db.models import Statement
from db.partial_date import PartialDate
from db.statements import StatementFilter
from db.store import Store
from desktop.buckets import date_label, key_range
from desktop.worker import Job, start_job

UidRole = Qt.ItemDataRole.UserRole + 1
RESULTS = 60
PAUSE_MS = 250
OTHER_SIDE = "\x00other"


def statement_label(statement: Statement, side_names: dict[str, str] | None = None, quote_chars: int = 110) -> str:
    """One line that says which statement this is: speaker, side, date, and the start of the quote."""
    quote = " ".join(statement.quote.split())
    if len(quote) > quote_chars:
        quote = quote[: quote_chars - 1] + "…"
    side = (side_names or {}).get(statement.side or "", "")
    unknown = QCoreApplication.translate("StatementPicker", "date unknown")
    when = date_label(statement.said_on, short=True, unknown=unknown)
    return f"{statement.speaker}{f' ({side})' if side else ''}, {when}: «{quote}»"


class StatementPickerDialog(QDialog):
    def __init__(self, store: Store, exclude_uid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.exclude_uid = exclude_uid
        self.origin = self._statement(exclude_uid)
        self.side_names = {side.slug: side.name for side in issues.sides(store)}
        self.job: Job | None = None
        self._generation = 0
        self._shown = 0  # the generation whose answer is on screen
        self.setWindowTitle(self.tr("Pick the contradicting statement"))
        self.resize(900, 520)
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        for edit in (self.query, self.speaker, self.date_from, self.date_to):
            edit.textChanged.connect(self._timer.start)
        for combo in (self.side, self.issue):
            combo.currentIndexChanged.connect(self._timer.start)
        self.results.selectionModel().selectionChanged.connect(self._update_ok)
        self._update_ok()
        self.run_search()

    def _statement(self, uid: str | None) -> Statement | None:
        try:
            return statements.get(self.store, uid) if uid else None
        except NotFoundError:
            return None

    def _build(self) -> None:
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Words in any language"))
        self.query.setClearButtonEnabled(True)
        self.side = QComboBox(self)
        if self.origin is not None and self.origin.side:
            self.side.addItem(self.tr("The other side"), OTHER_SIDE)
        self.side.addItem(self.tr("Any side"), None)
        for slug, name in self.side_names.items():
            self.side.addItem(name, slug)
        self.issue = QComboBox(self)
        for issue in issues.all_issues(self.store):
            if not issue.retired or (self.origin and issue.slug == self.origin.issue):
                self.issue.addItem(issue.title, issue.slug)
        self.issue.addItem(self.tr("Any issue"), None)
        self.issue.setCurrentIndex(max(0, self.issue.findData(self.origin.issue if self.origin else None)))
        self.speaker = QLineEdit(self)
        self.speaker.setPlaceholderText(self.tr("Speaker: any part of a name"))
        self.speaker.setClearButtonEnabled(True)
        width = self.fontMetrics().horizontalAdvance("2018-11-14") + 44
        self.date_from, self.date_to = QLineEdit(self), QLineEdit(self)
        for edit, text in ((self.date_from, self.tr("from")), (self.date_to, self.tr("to"))):
            edit.setPlaceholderText(text)
            edit.setToolTip(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
            edit.setFixedWidth(width)
            edit.setClearButtonEnabled(True)
        self.results_model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long quotes are elided
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.doubleClicked.connect(self.accept)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        filters = QHBoxLayout()
        filters.addWidget(self.side)
        filters.addWidget(self.issue, 2)
        filters.addWidget(self.speaker, 2)
        filters.addWidget(QLabel(self.tr("Dates"), self))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    # --- the query -------------------------------------------------------------------------------------------

    def current_filter(self) -> StatementFilter:
        side = self.side.currentData()
        if side == OTHER_SIDE:
            mine = self.origin.side if self.origin else None
            side = next((slug for slug in self.side_names if slug != mine), None)
        return StatementFilter(
            issue=self.issue.currentData(),
            side=side,
            speaker=self.speaker.text().strip() or None,
            date_from=_bound(self.date_from.text(), end=False),
            date_to=_bound(self.date_to.text(), end=True),
        )

    def run_search(self) -> Job:
        """Query in a worker; the newest query's answer is the one shown."""
        self._timer.stop()
        self._generation += 1
        generation, flt, text, path = self._generation, self.current_filter(), self.query.text(), self.store.path
        exclude = self.exclude_uid

        def work(_report: object) -> list[Statement]:
            with Store.open(Path(path), create=False) as own:
                return statement_picking.candidates(own, flt, text, exclude, RESULTS)

        self.status.setText(self.tr("Looking…"))
        self.job = start_job(self, work)
        self.job.succeeded.connect(lambda found: self._show(generation, found))
        self.job.failed.connect(lambda message: self._failed(generation, message))
        return self.job

    def searching(self) -> bool:
        """True until the newest query's answer is on screen."""
        return self._shown != self._generation

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._shown = generation
            self.status.setText(message)

    def _show(self, generation: int, found: list[Statement]) -> None:
        if generation != self._generation:
            return
        self._shown = generation
        self.results_model.clear()
        for statement in found:
            item = QStandardItem(statement_label(statement, self.side_names))
            item.setData(statement.uid, UidRole)
            item.setToolTip(statement.quote)
            item.setEditable(False)
            self.results_model.appendRow(item)
        count = self.results_model.rowCount()
        self.status.setText(self.tr("%n statement(s)", "", count) if count else self.tr("No statement found"))
        if count:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.selected_uid() is not None)

    def selected_uid(self) -> str | None:
        index = self.results.currentIndex()
        return index.data(UidRole) if index.isValid() else None


def _bound(text: str, *, end: bool) -> str | None:
    try:
        date = PartialDate.from_iso(text.strip()) if text.strip() else None
    except ValueError:
        return None
    return key_range(date.iso())[1 if end else 0].isoformat() if date else None
