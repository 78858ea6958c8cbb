"""One edit of one statement as an undoable command: redo writes the new values, undo the old ones.

Both go through db.statements.update (one transaction each), so undo and redo are ordinary, validated edits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from db import statements
from db.errors import DatabaseError, NotFoundError, ValidationError
from db.store import Store

Applied = Callable[[str, dict[str, Any]], None]  # statement uid, the fields just written
Failed = Callable[[str], None]


class EditStatementCommand(QUndoCommand):
    def __init__(
        self,
        store: Store,
        uid: str,
        before: dict[str, Any],
        after: dict[str, Any],
        applied: Applied,
        failed: Failed,
        text: str,
    ) -> None:
        super().__init__(text)
        self.store, self.uid = store, uid
        self.before, self.after = before, after
        self.applied, self.failed = applied, failed

    def redo(self) -> None:
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)

    def _write(self, values: dict[str, Any]) -> None:
        try:
            statements.update(self.store, self.uid, **values)
        except (ValidationError, NotFoundError, DatabaseError, sqlite3.Error) as exc:
            self.setObsolete(True)
            self.failed(str(exc))
            return
        self.applied(self.uid, values)
