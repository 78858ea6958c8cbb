"""Changes to annotations as undoable commands; each redo and undo is one db/annotations call (one transaction).

Nothing is ever hard-deleted, so undoing an addition moves the annotation to the bin and redoing it takes
it out again; the history keeps every version either way. Consecutive edits of the same annotation's text
merge into one undo step (the database still keeps each saved version).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from db import annotations as notes_db
from db.annotations import Annotation
from db.errors import DatabaseError, NotFoundError, ValidationError
from db.store import Store

Applied = Callable[[str, str], None]  # statement uid, annotation uid
Failed = Callable[[str], None]
EDIT_TEXT_ID = 7301
ERRORS = (ValidationError, NotFoundError, DatabaseError, sqlite3.Error)


class AnnotationCommand(QUndoCommand):
    """Shared plumbing: run one store call, report success or a readable failure (never raise into Qt)."""

    def __init__(self, store: Store, statement_uid: str, uid: str | None, applied: Applied, failed: Failed,
                 text: str) -> None:  # fmt: skip
        super().__init__(text)
        self.store, self.statement_uid, self.uid = store, statement_uid, uid
        self.applied, self.failed = applied, failed

    def run(self, call: Callable[[], Annotation]) -> None:
        try:
            note = call()
        except ERRORS as exc:
            self.setObsolete(True)
            self.failed(str(exc))
            return
        self.uid = note.uid
        self.applied(self.statement_uid, note.uid)


class AddAnnotationCommand(AnnotationCommand):
    def __init__(self, store: Store, statement_uid: str, fields: dict[str, Any], applied: Applied,
                 failed: Failed, text: str) -> None:  # fmt: skip
        super().__init__(store, statement_uid, None, applied, failed, text)
        self.fields = fields

    def redo(self) -> None:
        if self.uid is None:
            self.run(lambda: notes_db.add(self.store, self.statement_uid, **self.fields))
        else:
            uid = self.uid
            self.run(lambda: notes_db.restore(self.store, uid))

    def undo(self) -> None:
        if self.uid is not None:
            uid = self.uid
            self.run(lambda: notes_db.move_to_bin(self.store, uid))


class EditAnnotationCommand(AnnotationCommand):
    def __init__(self, store: Store, statement_uid: str, uid: str, before: dict[str, Any], after: dict[str, Any],
                 applied: Applied, failed: Failed, text: str) -> None:  # fmt: skip
        super().__init__(store, statement_uid, uid, applied, failed, text)
        self.before, self.after = before, after

    def redo(self) -> None:
        self.run(lambda: notes_db.edit(self.store, str(self.uid), **self.after))

    def undo(self) -> None:
        self.run(lambda: notes_db.edit(self.store, str(self.uid), **self.before))

    def id(self) -> int:
        return EDIT_TEXT_ID if set(self.after) == {"body"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditAnnotationCommand) or other.uid != self.uid or set(other.after) != {"body"}:
            return False
        self.after = other.after
        return True


class BinAnnotationCommand(AnnotationCommand):
    """Move to the bin (redo) or take out of it (undo); `restoring` swaps the two."""

    def __init__(self, store: Store, statement_uid: str, uid: str, applied: Applied, failed: Failed, text: str,
                 *, restoring: bool = False) -> None:  # fmt: skip
        super().__init__(store, statement_uid, uid, applied, failed, text)
        self.restoring = restoring

    def redo(self) -> None:
        self._apply(to_bin=not self.restoring)

    def undo(self) -> None:
        self._apply(to_bin=self.restoring)

    def _apply(self, *, to_bin: bool) -> None:
        uid = str(self.uid)
        self.run(lambda: (notes_db.move_to_bin if to_bin else notes_db.restore)(self.store, uid))
