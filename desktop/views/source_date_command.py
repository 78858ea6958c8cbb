"""Dating every undated statement of a source as one undoable command (db/source_dating.py does the work).

Redo and undo are each one transaction; a failure (the file locked, the source gone) is reported, not raised,
and the command becomes obsolete so the undo stack never replays half an action.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from db.errors import DatabaseError, NotFoundError, ValidationError
from db.partial_date import PartialDate
from db.source_dating import SourceDating, date_source, undo_dating
from db.store import Store

Applied = Callable[[int], None]  # source id
Failed = Callable[[str], None]
ERRORS = (ValidationError, NotFoundError, DatabaseError, sqlite3.Error)


class DateSourceCommand(QUndoCommand):
    def __init__(self, store: Store, source_id: int, date: PartialDate, as_publication: bool, applied: Applied,
                 failed: Failed, text: str) -> None:  # fmt: skip
        super().__init__(text)
        self.store, self.source_id, self.date, self.as_publication = store, source_id, date, as_publication
        self.applied, self.failed = applied, failed
        self.dating: SourceDating | None = None

    def redo(self) -> None:
        try:
            self.dating = date_source(self.store, self.source_id, self.date, as_publication=self.as_publication)
        except ERRORS as exc:
            self.setObsolete(True)
            self.failed(str(exc))
            return
        self.applied(self.source_id)

    def undo(self) -> None:
        if self.dating is None:
            return
        try:
            undo_dating(self.store, self.dating)
        except ERRORS as exc:
            self.setObsolete(True)
            self.failed(str(exc))
            return
        self.applied(self.source_id)
