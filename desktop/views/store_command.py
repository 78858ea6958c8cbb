"""One change to the database as an undoable command: redo makes one db/ call, undo another (one transaction each).

`redo_call()` returns whatever `undo_call(result)` needs to take the change back (an ActorMerge, the record
added, ...). A failure never raises into Qt: the command becomes obsolete and `failed(message)` tells the
user. After every redo and undo `notifier.changed` fires, so each open view reads the data again, whether
the dialog that made the change is still open or not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from db.errors import DatabaseError, NotFoundError, ValidationError

ERRORS = (ValidationError, NotFoundError, DatabaseError, sqlite3.Error)


class ChangeNotifier(QObject):
    """The window's one announcer of changes made through commands."""

    changed = Signal(str)  # what changed: "actors", "issues", "statements"
    failed = Signal(str)  # a message for the user


class StoreCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        redo_call: Callable[[], Any],
        undo_call: Callable[[Any], Any],
        notifier: ChangeNotifier,
        subject: str,
    ) -> None:
        super().__init__(text)
        self.redo_call, self.undo_call = redo_call, undo_call
        self.notifier, self.subject = notifier, subject
        self.result: Any = None
        self.succeeded = False

    def redo(self) -> None:
        self.succeeded = self._run(self.redo_call)

    def undo(self) -> None:
        result = self.result
        self._run(lambda: self.undo_call(result), keep_result=True)

    def _run(self, call: Callable[[], Any], *, keep_result: bool = False) -> bool:
        try:
            result = call()
        except ERRORS as exc:
            self.setObsolete(True)
            self.notifier.failed.emit(str(exc))
            return False
        if not keep_result:
            self.result = result
        self.notifier.changed.emit(self.subject)
        return True


def undo_redo_buttons(stack: QUndoStack, parent: QWidget) -> QHBoxLayout:
    """Undo and Redo inside a modal editor (the window's menu is out of reach while it is open); each button
    says what it would undo or redo."""
    row = QHBoxLayout()
    for action in (
        stack.createUndoAction(parent, parent.tr("Undo")),
        stack.createRedoAction(parent, parent.tr("Redo")),
    ):
        button = QToolButton(parent)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        row.addWidget(button)
    return row
