"""When a colleague's exchange file says something else about a statement we both have.

A statement travels by its stable uid. If the file's version of a statement that exists here differs in what it
says (quote, speaker, side, issue or date), attaching the colleague's notes silently to our text would change
what those notes are about. So neither version is dropped and neither is overwritten:

- this database keeps its own statement as it is (it may carry corrections made here, and other annotations);
- the colleague's version is kept, word for word, in a note on that statement, tagged `exchange-conflict`,
  written by the file's author; it shows in the annotations panel, in exports and in printed sheets, and the
  user moves it to the bin once the two are reconciled;
- the import report lists each conflict.

The note's uid is derived from the statement and the colleague's version, so importing the same file again adds
nothing, while a new, different version from the colleague adds a new note.

Also here: the check that refuses new sides unless the user agrees (a side is a column of every comparison, so a
file must not add one behind the user's back).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from db import annotations as notes_db
from db import statements
from db.annotation_exchange_format import ExchangeFileError
from db.models import Statement
from db.partial_date import iso_or_none
from db.store import Store

CONFLICT_TAG = "exchange-conflict"
COMPARED = ("quote", "speaker", "side", "issue", "said_on")
LABELS = {"quote": "Quote", "speaker": "Speaker", "side": "Side", "issue": "Issue", "said_on": "Date"}
_NAMESPACE = uuid.UUID("0b6a4f0e-51c3-4c55-9a3c-6f6e2f1e9d11")


@dataclass(frozen=True)
class Conflict:
    """A statement whose text here and in the file differ; `fields` are the ones that differ."""

    statement_uid: str
    speaker: str
    said_on: str
    fields: tuple[str, ...]
    note_uid: str
    new: bool  # False when an earlier import already recorded this version

    def line(self) -> str:
        verb = "differs" if len(self.fields) == 1 else "differ"
        return f"{self.speaker}, {self.said_on}: {', '.join(LABELS[f].lower() for f in self.fields)} {verb}"


class NewSidesError(ExchangeFileError):
    """The file would add sides this database does not have; nothing was imported."""

    def __init__(self, sides: list[tuple[str, str]]) -> None:
        self.sides = sides
        names = ", ".join(f"{name} ({slug})" if name != slug else slug for slug, name in sides)
        super().__init__(
            f"the file adds {len(sides)} side(s) this database does not compare: {names}. A side is a column of "
            "every comparison, so it is only added when you agree; nothing was imported"
        )


def new_sides(store: Store, document: dict[str, Any]) -> list[tuple[str, str]]:
    """(slug, name) of the sides the file's new statements would add here, in the file's order."""
    known = {row[0] for row in store.conn.execute("SELECT slug FROM sides")}
    found: dict[str, str] = {}
    for record in document["statements"]:
        side = record.get("side")
        if not side or side in known or side in found:
            continue
        if store.conn.execute("SELECT 1 FROM statements WHERE uid = ?", (record["uid"],)).fetchone():
            continue  # the statement is here already; its side in the file is a difference, not a new column
        found[side] = record.get("side_name") or side
    return list(found.items())


def _value(statement: Statement, name: str) -> str:
    value = iso_or_none(statement.said_on) if name == "said_on" else getattr(statement, name)
    return statements.clean_text(value or "")


def differing_fields(local: Statement, record: dict[str, Any]) -> tuple[str, ...]:
    """The fields whose text differs once both are in the form the store keeps (NFC, folded widths): a file
    written elsewhere may carry 豈 (U+F900) or full-width letters that this database stores normalised."""
    return tuple(name for name in COMPARED if _value(local, name) != statements.clean_text(record.get(name) or ""))


def record_conflict(store: Store, local: Statement, record: dict[str, Any], origin: str, author: str) -> Conflict:
    """Keep the file's version of `local` in a note on it (once per distinct version); see the module docstring."""
    fields = differing_fields(local, record)
    theirs = {name: record.get(name) for name in COMPARED}
    note_uid = str(uuid.uuid5(_NAMESPACE, local.uid + json.dumps(theirs, sort_keys=True, ensure_ascii=False)))
    exists = store.conn.execute("SELECT 1 FROM annotations WHERE uid = ?", (note_uid,)).fetchone() is not None
    if not exists:
        notes_db.add(store, local.uid, _note_body(record, fields, origin), author, tags=(CONFLICT_TAG,), uid=note_uid)
    return Conflict(local.uid, local.speaker, iso_or_none(local.said_on) or "undated", fields, note_uid, not exists)


def _note_body(record: dict[str, Any], fields: tuple[str, ...], origin: str) -> str:
    shown = {
        "quote": record.get("quote"),
        "speaker": record.get("speaker"),
        "side": record.get("side_name") or record.get("side") or "media or expert (no side)",
        "issue": record.get("issue_title") or record.get("issue"),
        "said_on": record.get("said_on"),
    }
    lines = [f"Another version of this statement, from {origin}. This database keeps its own text; "
             "the other version is kept here, word for word:"]  # fmt: skip
    lines += [f"{LABELS[name]}: {shown[name]}" for name in fields]
    lines.append("Move this note to the bin once the two versions are reconciled.")
    return "\n".join(lines)


def check_statement(store: Store, record: dict[str, Any], origin: str, author: str) -> Conflict | None:
    """The conflict a file's statement record makes with the same uid here, recorded; None when they agree or
    the statement is not here."""
    try:
        local = statements.get(store, record["uid"])
    except LookupError:
        return None
    if not differing_fields(local, record):
        return None
    return record_conflict(store, local, record, origin, author)
