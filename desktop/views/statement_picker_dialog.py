"""A small search dialog to pick the statement a contradiction points to (full-text search, db.search).

Results are plain text items (the default delegate does not render markup). A statement id pasted into the
search box is found directly.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from db import search, statements
from db.errors import NotFoundError
from db.models import Statement
from db.store import Store

UidRole = Qt.ItemDataRole.UserRole + 1
RESULTS = 60


def statement_label(statement: Statement, quote_chars: int = 110) -> str:
    """One line that says which statement this is: speaker, side, date, and the start of the quote."""
    quote = " ".join(statement.quote.split())
    if len(quote) > quote_chars:
        quote = quote[: quote_chars - 1] + "…"
    side = f" ({statement.side})" if statement.side else ""
    when = (
        statement.said_on.iso() if statement.said_on else QCoreApplication.translate("StatementPicker", "date unknown")
    )
    return f"{statement.speaker}{side}, {when}: «{quote}»"


class StatementPickerDialog(QDialog):
    def __init__(self, store: Store, exclude_uid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.exclude_uid = exclude_uid
        self.setWindowTitle(self.tr("Pick the contradicting statement"))
        self.resize(640, 420)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Search statements (words in any language, or a statement id)"))
        self.query.setClearButtonEnabled(True)
        self.results_model = QStandardItemModel(self)
        self.results = QListView(self)
        self.results.setModel(self.results_model)
        self.results.setUniformItemSizes(True)
        self.results.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results.doubleClicked.connect(self.accept)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.results.selectionModel().selectionChanged.connect(self._update_ok)
        self._update_ok()

    def run_search(self) -> None:
        text = self.query.text().strip()
        self.results_model.clear()
        found: list[Statement] = []
        if text:
            try:
                found.append(statements.get(self.store, text))
            except NotFoundError:
                found = [hit.statement for hit in search.search(self.store, text, limit=RESULTS)]
        seen: set[str] = set()
        for statement in found:
            if statement.uid == self.exclude_uid or statement.uid in seen:
                continue
            seen.add(statement.uid)
            item = QStandardItem(statement_label(statement))
            item.setData(statement.uid, UidRole)
            item.setToolTip(statement.quote)
            item.setEditable(False)
            self.results_model.appendRow(item)
        count = self.results_model.rowCount()
        self.status.setText(self.tr("%n statement(s) found", "", count) if text else "")
        if count:
            self.results.setCurrentIndex(self.results_model.index(0, 0))
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.selected_uid() is not None)

    def selected_uid(self) -> str | None:
        index = self.results.currentIndex()
        return index.data(UidRole) if index.isValid() else None
