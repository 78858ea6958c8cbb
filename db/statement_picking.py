"""Choosing another statement (the one a contradiction points to): the newest under the filters, or full-text
hits that pass them, or the statement a pasted id names (followed through a merge)."""

from __future__ import annotations

from db import search, statement_merge, statements
from db.errors import NotFoundError
from db.models import Statement
from db.statements import StatementFilter
from db.store import Store


def candidates(store: Store, flt: StatementFilter, text: str = "", exclude: str | None = None,
               limit: int = 60) -> list[Statement]:  # fmt: skip
    text = text.strip()
    if text:
        try:
            found = [statement_merge.resolve(store, text)]
        except NotFoundError:
            hits = search.search(store, text, limit=limit * 3)
            found = [hit.statement for hit in hits if statements.matches(store, flt, hit.statement.uid)]
    else:
        found = statements.latest(store, flt, limit + 1)
    unique: dict[str, Statement] = {}
    for statement in found:
        if statement.uid != exclude:
            unique.setdefault(statement.uid, statement)
    return list(unique.values())[:limit]
