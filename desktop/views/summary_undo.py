"""A change to a side's position summary as one undoable command (one db/summaries call, one transaction).

Undo writes the previous text back as a new version (or withdraws the summary to the bin when there was
none): the history keeps every version either way. Consecutive edits of the same summary's text merge into
one undo step, as typing into an annotation does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from db import summaries
from db.errors import DatabaseError, NotFoundError, ValidationError
from db.store import Store

ERRORS = (ValidationError, NotFoundError, DatabaseError, sqlite3.Error)
EDIT_SUMMARY_ID = 7302


@dataclass(frozen=True)
class SummaryText:
    body: str
    rests_on: tuple[str, ...]


class EditSummaryCommand(QUndoCommand):
    def __init__(self, store: Store, issue: str, side: str, author: str, before: SummaryText, after: SummaryText,
                 applied: Callable[[str, str], None], failed: Callable[[str], None], text: str) -> None:  # fmt: skip
        super().__init__(text)
        self.store, self.issue, self.side, self.author = store, issue, side, author
        self.before, self.after = before, after
        self.applied, self.failed = applied, failed

    def id(self) -> int:
        return EDIT_SUMMARY_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing on: one undo step, as long as the statements it rests on stay the same."""
        if not isinstance(other, EditSummaryCommand) or (other.issue, other.side) != (self.issue, self.side):
            return False
        if other.after.rests_on != self.after.rests_on or self.before.rests_on != self.after.rests_on:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._write(self.after)

    def undo(self) -> None:
        self._write(self.before)

    def _write(self, text: SummaryText) -> None:
        try:
            summaries.write(self.store, self.issue, self.side, text.body, self.author, text.rests_on)
        except ERRORS as exc:
            self.setObsolete(True)
            self.failed(str(exc))
            return
        self.applied(self.issue, self.side)
