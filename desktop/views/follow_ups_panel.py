"""View > Follow-ups: every open follow-up across issues, soonest due first, overdue ones in red.

A click opens the statement in the comparison (its issue, its row, its card); "Mark done" closes the
selected follow-up (kept with its history, and undoable from the annotation's history like any version).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import follow_ups, issues
from db.store import Store
from desktop.models.follow_ups_model import COL_NOTE, COL_STATEMENT, FollowUpsModel, NoteUidRole, StatementUidRole


class FollowUpsPanel(QWidget):
    statement_opened = Signal(str)  # statement uid
    changed = Signal(str)  # statement uid whose follow-up was marked done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsPanel")
        self.store: Store | None = None
        self.model = FollowUpsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_STATEMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.done_button = QPushButton(self.tr("Mark done"), self)
        self.done_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.done_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        self.done_button.clicked.connect(self.mark_selected_done)

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        rows = follow_ups.open_follow_ups(self.store) if self.store is not None else []
        names = {side.slug: side.name for side in issues.sides(self.store)} if self.store is not None else {}
        self.model.set_rows(rows, names)
        for column in range(3):  # due, issue, side: short texts, and open follow-ups are few
            self.table.resizeColumnToContents(column)
        overdue = self.model.overdue_count()
        text = self.tr("%n open follow-up(s)", "", len(rows))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.summary.setText(text)
        self.done_button.setEnabled(False)

    def _open(self, index: QModelIndex) -> None:
        uid = index.data(StatementUidRole)
        if uid:
            self.statement_opened.emit(str(uid))

    def mark_selected_done(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if self.store is None or not selected:
            return
        note_uid = str(selected[0].data(NoteUidRole))
        statement_uid = str(selected[0].data(StatementUidRole))
        follow_ups.mark_done(self.store, note_uid)
        self.refresh()
        self.changed.emit(statement_uid)
