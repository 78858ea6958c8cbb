"""Dating the statements of one source at once: the date the import could not find, given later by the user.

A document without a publication date leaves its statements without a date when the text names none. The user
usually learns the date afterwards (from the outlet's site, the paper itself) and gives it once for the source:
every statement of that source whose date is still unknown takes it, in one transaction, and can be put back
exactly as it was (the window's undo). Statements with a date of their own are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.errors import NotFoundError
from db.partial_date import UNKNOWN, PartialDate
from db.statements import now
from db.store import Store

PUBLICATION_BASIS = "given by the user"  # sources.published_basis when the user gave the publication date


@dataclass(frozen=True)
class SourceDating:
    """What `date_source` changed, enough to put it back."""

    source_id: int
    date: PartialDate
    statements: tuple[tuple[str, str], ...]  # (uid, date_basis before) of each statement that took the date
    published_before: tuple[str | None, str] | None  # the source's (published, basis) before; None: not touched


def undated_count(store: Store, source_id: int) -> int:
    """How many statements of the source have no date."""
    row = store.conn.execute(
        "SELECT count(*) FROM statements WHERE source_id = ? AND said_on IS NULL", (source_id,)
    ).fetchone()
    return int(row[0])


def date_source(store: Store, source_id: int, date: PartialDate, *, as_publication: bool) -> SourceDating:
    """Give every undated statement of the source this date; with `as_publication`, it is also the source's
    publication date (the statements are then dated "article", as the import dates them)."""
    stamp = now()
    with store.transaction():
        source = store.conn.execute(
            "SELECT published, published_basis FROM sources WHERE id = ?", (source_id,)
        ).fetchone()
        if source is None:
            raise NotFoundError(f"no source #{source_id}")
        undated = store.conn.execute(
            "SELECT uid, date_basis FROM statements WHERE source_id = ? AND said_on IS NULL ORDER BY id",
            (source_id,),
        ).fetchall()
        basis = "article" if as_publication else "edited"
        store.conn.execute(
            "UPDATE statements SET said_on = ?, date_precision = ?, date_basis = ?, updated_at = ?"
            " WHERE source_id = ? AND said_on IS NULL",
            (date.start().isoformat(), date.precision, basis, stamp, source_id),
        )
        published_before = None
        if as_publication:
            published_before = (source[0], source[1])
            store.conn.execute(
                "UPDATE sources SET published = ?, published_basis = ? WHERE id = ?",
                (date.iso(), PUBLICATION_BASIS, source_id),
            )
    return SourceDating(source_id, date, tuple((uid, basis) for uid, basis in undated), published_before)


def undo_dating(store: Store, dating: SourceDating) -> None:
    """Put the statements (and the source's publication date) back as they were before `date_source`."""
    stamp = now()
    with store.transaction():
        store.conn.executemany(
            "UPDATE statements SET said_on = NULL, date_precision = ?, date_basis = ?, updated_at = ? WHERE uid = ?",
            [(UNKNOWN, basis, stamp, uid) for uid, basis in dating.statements],
        )
        if dating.published_before is not None:
            published, basis = dating.published_before
            store.conn.execute(
                "UPDATE sources SET published = ?, published_basis = ? WHERE id = ?",
                (published, basis, dating.source_id),
            )
