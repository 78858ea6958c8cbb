"""View > Follow-ups: every open follow-up across issues, soonest due first, overdue ones in red.

A click opens the statement in the comparison (its issue, its row, its card); "Mark done" closes the
selected follow-up as an undoable command on the window's undo stack (the open version stays in history).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
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
from db.statements import now
from db.store import Store
from desktop.models.follow_ups_model import COL_NOTE, COL_STATEMENT, FollowUpsModel, NoteUidRole, StatementUidRole
from desktop.views.annotation_undo import EditAnnotationCommand


class FollowUpsPanel(QWidget):
    statement_opened = Signal(str)  # statement uid
    changed = Signal(str)  # statement uid whose follow-up was marked done

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
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
        command = EditAnnotationCommand(self.store, statement_uid, note_uid, {"done_at": None}, {"done_at": now()},
                                        self._applied, lambda message: self.summary.setText(message),
                                        self.tr("Mark follow-up done"))  # fmt: skip
        self.undo_stack.push(command)

    def _applied(self, statement_uid: str, _annotation_uid: str) -> None:
        self.refresh()
        self.changed.emit(statement_uid)
