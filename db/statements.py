"""Reading and changing statements: keyset pages for the views, one statement by uid, validated edits."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from db.connection import fold
from db.errors import NotFoundError, ValidationError
from db.ingest.normalise import fold_width
from db.models import PageKey, SourceRef, Statement
from db.partial_date import PartialDate, from_stored, stored
from db.store import Store

KINDS = ("direct_quote", "reported", "characterization")
NO_SIDE = ""  # the side filter value for statements of nobody's side (media, experts)

SELECT_SQL = """
SELECT st.id, st.uid, i.slug, sd.slug, st.speaker, st.speaker_as_written, a.roles, st.said_on,
       st.date_precision, st.date_basis, st.quote, st.kind, st.language, st.confidence, st.reviewed,
       so.id, so.title, so.outlet, so.author, so.published, so.file_name, so.url,
       st.start_offset, st.end_offset, st.created_at, st.updated_at,
       (SELECT group_concat(an.kind) FROM annotations an
         WHERE an.statement_id = st.id AND an.deleted_at IS NULL) AS annotation_kinds,
       (SELECT max(an.updated_at) FROM annotations an
         WHERE an.statement_id = st.id AND an.deleted_at IS NULL) AS annotated_at,
       (SELECT count(*) FROM statement_sources ss WHERE ss.statement_id = st.id) AS more_sources
FROM statements st
JOIN issues i ON i.id = st.issue_id
LEFT JOIN sides sd ON sd.id = st.side_id
LEFT JOIN actors a ON a.id = st.actor_id
LEFT JOIN sources so ON so.id = st.source_id
"""


@dataclass(frozen=True)
class StatementFilter:
    """What a view or an export asks for. None means "any"."""

    issue: str | None = None
    side: str | None = None  # a side slug, or NO_SIDE
    date_from: str | None = None  # ISO day, inclusive, compared with the start of the statement's period
    date_to: str | None = None  # (a date range leaves out statements whose date is unknown)
    speaker: str | None = None  # any part of a name, an alias or the name as written, in any case
    kind: str | None = None
    reviewed: bool | None = None
    annotated: bool | None = None
    changed_since: str | None = None  # UTC timestamp: added since, or annotated since (see changed_since_sql)
    undated: bool | None = None  # True: only statements whose date is unknown; False: only dated ones


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def role_on(roles_json: str | None, day: dt.date | None) -> str | None:
    """The gazetteer role the speaker held on `day` (the latest one started before it); None without a day."""
    if not roles_json or day is None:
        return None
    best: tuple[str, str] | None = None
    iso = day.isoformat()
    for role in json.loads(roles_json):
        start, end = role.get("from") or "0000", role.get("to") or "9999"
        if start[: len(iso)] <= iso <= end.ljust(10, "9") and (best is None or start > best[0]):
            best = (start, role.get("title", ""))
    return best[1] if best else None


def _row_to_statement(row: sqlite3.Row | tuple[Any, ...]) -> Statement:
    said_on = from_stored(row[7], row[8])
    source = SourceRef(row[15], row[16] or "", row[17], row[18], row[19], row[20] or "", row[21])
    return Statement(
        id=row[0],
        uid=row[1],
        issue=row[2],
        side=row[3],
        speaker=row[4],
        speaker_as_written=row[5],
        role=role_on(row[6], said_on.start() if said_on else None),
        said_on=said_on,
        date_basis=row[9],
        quote=row[10],
        kind=row[11],
        language=row[12],
        confidence=row[13],
        reviewed=bool(row[14]),
        source=source if row[15] is not None else None,
        start_offset=row[22],
        end_offset=row[23],
        created_at=row[24],
        updated_at=row[25],
        annotation_kinds=tuple(row[26].split(",")) if row[26] else (),
        annotated_at=row[27],
        more_sources=row[28],
    )


def _where(store: Store, flt: StatementFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if flt.issue is not None:
        clauses.append("st.issue_id = ?")
        args.append(store.id_of("issues", flt.issue))
    if flt.side == NO_SIDE:
        clauses.append("st.side_id IS NULL")
    elif flt.side is not None:
        clauses.append("st.side_id = ?")
        args.append(store.id_of("sides", flt.side))
    if flt.date_from:
        clauses.append("st.said_on >= ?")
        args.append(flt.date_from)
    if flt.date_to:
        clauses.append("st.said_on <= ?")
        args.append(flt.date_to)
    if flt.speaker and fold(flt.speaker).strip():
        needle = fold(flt.speaker).strip()
        ids = matching_actor_ids(store, needle)
        by_actor = f"st.actor_id IN ({', '.join(map(str, ids))}) OR " if ids else ""
        clauses.append(f"({by_actor}instr(positions_fold(st.speaker || char(10) || st.speaker_as_written), ?) > 0)")
        args.append(needle)
    if flt.kind:
        clauses.append("st.kind = ?")
        args.append(flt.kind)
    if flt.reviewed is not None:
        clauses.append("st.reviewed = ?")
        args.append(int(flt.reviewed))
    if flt.undated is not None:
        clauses.append("st.said_on IS NULL" if flt.undated else "st.said_on IS NOT NULL")
    if flt.annotated is not None:
        exists = "EXISTS (SELECT 1 FROM annotations an WHERE an.statement_id = st.id AND an.deleted_at IS NULL)"
        clauses.append(exists if flt.annotated else f"NOT {exists}")
    if flt.changed_since:
        clauses.append(CHANGED_SINCE_SQL)
        args += [flt.changed_since, flt.changed_since]
    return clauses, args


def matching_actor_ids(store: Store, needle: str) -> list[int]:
    """Actors any of whose names or aliases contains `needle` (already folded). The folded names are read once
    per Store and kept until `forget_cached_ids` (the actor editor's changes call it)."""
    names = store.memo("actor_names", lambda: _folded_actor_names(store))
    return [actor_id for actor_id, text in names if needle in text]


def _folded_actor_names(store: Store) -> list[tuple[int, str]]:
    found = []
    for actor_id, name, aliases in store.conn.execute("SELECT id, name, aliases FROM actors"):
        every = [name, *(alias for values in json.loads(aliases or "{}").values() for alias in values)]
        found.append((int(actor_id), "\n".join(fold(text) for text in every)))
    return found


def matches(store: Store, flt: StatementFilter, uid: str) -> bool:
    """Whether the filter lets a statement through (a search result must still open when it does not)."""
    clauses, args = _where(store, flt)
    where = " AND ".join(["st.uid = ?", *clauses])
    return store.conn.execute(f"SELECT 1 FROM statements st WHERE {where}", [uid, *args]).fetchone() is not None


# A statement changed since a moment when it was added to the database since then, or one of its live
# annotations was written or edited since then (a new note, a shift in position, a follow-up).
CHANGED_SINCE_SQL = (
    "(st.created_at >= ? OR EXISTS (SELECT 1 FROM annotations an WHERE an.statement_id = st.id"
    " AND an.deleted_at IS NULL AND an.updated_at >= ?))"
)


def changed_since(statement: Statement, since: str | None) -> bool:
    """The same test as CHANGED_SINCE_SQL on a loaded statement (the window's highlight)."""
    if not since:
        return False
    return statement.created_at >= since or (statement.annotated_at or "") >= since


def page(store: Store, flt: StatementFilter, after: PageKey | None = None, limit: int = 200) -> list[Statement]:
    """One page in date order, statements of unknown date last. Pass the last statement's key as `after` for
    the next page.

    Two keyset walks, each a seek on the (issue, side, date) indexes: the dated statements by (said_on, id)
    (`said_on IS NOT NULL` is a range there that skips the undated ones), then the undated ones by id
    (`said_on IS NULL` is an equality).
    """
    clauses, args = _where(store, flt)
    found: list[Statement] = []
    if flt.undated is not True and (after is None or after.said_on is not None):
        dated, dated_args = [*clauses, "st.said_on IS NOT NULL"], list(args)
        if after is not None:
            dated.append("(st.said_on, st.id) > (?, ?)")
            dated_args += [after.said_on, after.id]
        found = _select(store, dated, dated_args, "st.said_on, st.id", limit)
    if len(found) < limit and flt.undated is not False:
        undated, undated_args = [*clauses, "st.said_on IS NULL"], list(args)
        if after is not None and after.said_on is None:
            undated.append("st.id > ?")
            undated_args.append(after.id)
        found += _select(store, undated, undated_args, "st.id", limit - len(found))
    return found


def page_newest_first(
    store: Store, flt: StatementFilter, after: PageKey | None = None, limit: int = 200
) -> list[Statement]:
    """One page of dated statements, newest first (a picker of recent statements); `after` as for page()."""
    clauses, args = _where(store, flt)
    clauses.append("st.said_on IS NOT NULL")
    if after is not None and after.said_on is not None:
        clauses.append("(st.said_on, st.id) < (?, ?)")
        args += [after.said_on, after.id]
    return _select(store, clauses, args, "st.said_on DESC, st.id DESC", limit)


def _select(store: Store, clauses: list[str], args: list[Any], order: str, limit: int) -> list[Statement]:
    sql = f"{SELECT_SQL} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ?"
    return [_row_to_statement(row) for row in store.conn.execute(sql, [*args, limit])]


def latest(store: Store, flt: StatementFilter, limit: int = 200) -> list[Statement]:
    """The newest matching statements, newest first (the same index as `page`, read backwards)."""
    clauses, args = _where(store, flt)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"{SELECT_SQL} {where} ORDER BY st.said_on DESC, st.id DESC LIMIT ?"
    return [_row_to_statement(row) for row in store.conn.execute(sql, [*args, limit])]


def key_of(statement: Statement) -> PageKey:
    return PageKey(statement.said_on.start().isoformat() if statement.said_on else None, statement.id)


def iterate(store: Store, flt: StatementFilter, page_size: int = 500) -> Iterator[Statement]:
    """Every matching statement in date order, a page at a time (bounded memory on a large database)."""
    after = None
    while rows := page(store, flt, after, page_size):
        yield from rows
        after = key_of(rows[-1])


def count(store: Store, flt: StatementFilter) -> int:
    clauses, args = _where(store, flt)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return int(store.conn.execute(f"SELECT count(*) FROM statements st {where}", args).fetchone()[0])


def get(store: Store, uid: str) -> Statement:
    row = store.conn.execute(f"{SELECT_SQL} WHERE st.uid = ?", (uid,)).fetchone()
    if row is None:
        raise NotFoundError(f"no statement with id {uid}")
    return _row_to_statement(row)


def get_many(store: Store, ids: list[int]) -> dict[int, Statement]:
    """Several statements by row id in one query (search results, selections)."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = store.conn.execute(f"{SELECT_SQL} WHERE st.id IN ({marks})", ids)
    return {row[0]: _row_to_statement(row) for row in rows}


@dataclass
class NewStatement:
    """A statement to add: from the import pipeline, a table, the sample data or the user."""

    speaker: str
    side: str | None
    issue: str
    said_on: PartialDate | None  # None: the date is not known (yet)
    quote: str
    speaker_as_written: str = ""
    actor_key: str | None = None
    kind: str = "reported"
    date_basis: str = ""
    language: str = "en"
    start_offset: int | None = None
    end_offset: int | None = None
    confidence: float | None = None
    reviewed: bool = False
    uid: str | None = None


def clean_text(text: str) -> str:
    """The stored form of a quote or name: NFC and folded widths, as the import pipeline stores documents,
    so that search (which folds queries the same way) finds ＴＨＡＡＤ as THAAD and ﾐｻｲﾙ as ミサイル."""
    return fold_width(unicodedata.normalize("NFC", text)).strip()


def add(store: Store, new: NewStatement, source_id: int | None = None) -> str:
    """Insert one statement (inside the caller's transaction, or its own); returns its uid."""
    quote = clean_text(new.quote)
    speaker = clean_text(new.speaker)
    as_written = clean_text(new.speaker_as_written) or speaker
    if not quote:
        raise ValidationError("the quote is empty")
    if new.kind not in KINDS:
        raise ValidationError(f"unknown kind {new.kind!r}; one of {', '.join(KINDS)}")
    actor_id = None
    if new.actor_key:
        row = store.conn.execute("SELECT id FROM actors WHERE key = ?", (new.actor_key,)).fetchone()
        actor_id = row[0] if row else None
    if actor_id is None and new.speaker:
        row = store.conn.execute("SELECT id FROM actors WHERE name = ?", (new.speaker,)).fetchone()
        actor_id = row[0] if row else None
    try:
        issue_id = store.id_of("issues", new.issue)
        side_id = store.id_of("sides", new.side) if new.side else None
    except NotFoundError as exc:
        raise ValidationError(str(exc)) from exc
    uid = new.uid or str(uuid.uuid4())
    said_on, precision = stored(new.said_on)
    stamp = now()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO statements (uid, source_id, actor_id, speaker, speaker_as_written, side_id, issue_id,"
            " said_on, date_precision, date_basis, quote, kind, language, start_offset, end_offset, confidence,"
            " reviewed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uid, source_id, actor_id, speaker, as_written, side_id, issue_id,
                said_on, precision, new.date_basis, quote, new.kind,
                new.language, new.start_offset, new.end_offset, new.confidence, int(new.reviewed), stamp, stamp,
            ),
        )  # fmt: skip
    return uid


EDITABLE = ("speaker", "speaker_as_written", "side", "issue", "said_on", "kind", "quote", "reviewed")


def update(store: Store, uid: str, **changes: Any) -> Statement:
    """Change fields of one statement in one transaction; returns the statement as stored.

    `said_on` takes a PartialDate, or None for "not known"; `side` and `issue` take slugs (side None: nobody's
    side).
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))}")
    columns: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "side":
            columns["side_id"] = store.id_of("sides", value) if value else None
        elif name == "issue":
            columns["issue_id"] = store.id_of("issues", value)
        elif name == "said_on":
            if value is not None and not isinstance(value, PartialDate):
                raise ValidationError("said_on must be a PartialDate or None")
            columns["said_on"], columns["date_precision"] = stored(value)
        elif name == "kind" and value not in KINDS:
            raise ValidationError(f"unknown kind {value!r}")
        elif name in ("quote", "speaker", "speaker_as_written"):
            columns[name] = clean_text(str(value))
            if not columns[name] and name != "speaker_as_written":
                raise ValidationError(f"the {name} is empty")
        else:
            columns[name] = int(value) if name == "reviewed" else value
    columns["updated_at"] = now()
    assignments = ", ".join(f"{name} = ?" for name in columns)
    with store.transaction():
        cursor = store.conn.execute(f"UPDATE statements SET {assignments} WHERE uid = ?", [*columns.values(), uid])
        if cursor.rowcount == 0:
            raise NotFoundError(f"no statement with id {uid}")
    return get(store, uid)


def set_reviewed(store: Store, uids: list[str], reviewed: bool = True) -> dict[str, bool]:
    """Mark statements reviewed (or not) in one transaction; returns what each was before, for undo."""
    before: dict[str, bool] = {}
    stamp = now()
    with store.transaction():
        for chunk in (uids[i : i + 500] for i in range(0, len(uids), 500)):
            marks = ", ".join("?" * len(chunk))
            rows = store.conn.execute(f"SELECT uid, reviewed FROM statements WHERE uid IN ({marks})", chunk)
            before.update((uid, bool(flag)) for uid, flag in rows)
        changed = [uid for uid, flag in before.items() if flag != reviewed]
        store.conn.executemany(
            "UPDATE statements SET reviewed = ?, updated_at = ? WHERE uid = ?",
            [(int(reviewed), stamp, uid) for uid in changed],
        )
    return before


def restore_reviewed(store: Store, before: dict[str, bool]) -> None:
    """Undo set_reviewed: each statement back to what it was."""
    stamp = now()
    with store.transaction():
        store.conn.executemany(
            "UPDATE statements SET reviewed = ?, updated_at = ? WHERE uid = ?",
            [(int(flag), stamp, uid) for uid, flag in before.items()],
        )


def uids_of_source(store: Store, source_id: int) -> list[str]:
    """The statements taken from one imported document, in the order of the text."""
    rows = store.conn.execute("SELECT uid FROM statements WHERE source_id = ? ORDER BY start_offset, id", (source_id,))
    return [row[0] for row in rows]
