"""A statement as it travels in an annotations exchange file, and finding it again in the receiver's database.

The record carries what re-creates the statement elsewhere (docs/annotation-exchange.md): speaker, side, issue,
date, quote, its source citation, the other outlets that reported it and the ids merged into it. `local_uid`
follows merges on either side, so a note never lands on a duplicate and is never lost.
"""

from __future__ import annotations

from typing import Any

from db import sources, statement_merge, statements
from db.partial_date import iso_or_none, precision_of
from db.store import Store


def statement_record(store: Store, uid: str) -> dict[str, Any]:
    statement = statements.get(store, uid)
    side_name = None
    if statement.side:
        side_name = store.conn.execute("SELECT name FROM sides WHERE slug = ?", (statement.side,)).fetchone()[0]
    issue_title = store.conn.execute("SELECT title FROM issues WHERE slug = ?", (statement.issue,)).fetchone()[0]
    source = None
    if statement.source is not None:
        src = sources.get(store, statement.source.id)
        source = {
            "uid": src.uid, "title": src.title, "outlet": src.outlet, "author": src.author,
            "published": src.published, "file": src.file_name, "url": src.url, "language": src.language,
        }  # fmt: skip
    more = statement_merge.more_sources(store, statement.id) if statement.more_sources else []
    return {
        "uid": statement.uid,
        "speaker": statement.speaker,
        "speaker_as_written": statement.speaker_as_written,
        "side": statement.side,
        "side_name": side_name,
        "issue": statement.issue,
        "issue_title": issue_title,
        "said_on": iso_or_none(statement.said_on),
        "date_precision": precision_of(statement.said_on),
        "date_basis": statement.date_basis,
        "quote": statement.quote,
        "kind": statement.kind,
        "language": statement.language,
        "source": source,
        # Other outlets' reports of the same statement, and the uids they had before they were merged into it,
        # so a colleague's notes on one of those uids still find the statement.
        "sources": [more_source_record(store, m) for m in more],
        "merged_uids": [m.merged_uid for m in more if m.merged_uid],
    }


def more_source_record(store: Store, more: statement_merge.MoreSource) -> dict[str, Any]:
    record: dict[str, Any] = {"quote": more.quote, "said_on": more.said_on.iso() if more.said_on else None}
    if more.source is not None:
        src = sources.get(store, more.source.id)
        record.update(uid=src.uid, title=src.title, outlet=src.outlet, author=src.author, published=src.published,
                      file=src.file_name, url=src.url, language=src.language)  # fmt: skip
    return record


def local_uid(store: Store, uid: str, document: dict[str, dict[str, Any]] | None = None) -> str | None:
    """The statement here that a uid of the file stands for: the same uid, the statement it was merged into here,
    or (when the sender merged statements we hold apart) one of the statements merged into it on their side."""
    found = statement_merge.live_uid(store, uid)
    if found is None and document and uid in document:
        for merged in document[uid].get("merged_uids") or ():
            found = statement_merge.live_uid(store, merged)
            if found is not None:
                break
    return found
