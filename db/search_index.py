"""The full-text index: FTS5 trigram tables kept in sync by triggers, in the layout sqlite-utils writes.

`sqlite-utils search DB statements QUERY` therefore works on a Positions database. The index covers each
table's generated `search_text` column (ё folded to е). A `*_fts_vocab` table lists the indexed trigrams,
which is how db/search.py answers two-character queries (条約, 領土) that trigram MATCH cannot.
"""

from __future__ import annotations

import sqlite3

INDEXED_TABLES = ("statements", "annotations")
# The columns `search_text` is generated from: only an update of one of these re-indexes the row, so marking
# statements reviewed or moving them to another issue stays cheap.
SEARCHED_COLUMNS = {"statements": "quote, speaker, speaker_as_written", "annotations": "body, tags"}


def _statements(table: str) -> list[str]:
    fts = f"{table}_fts"
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING FTS5 (\n    "search_text",\n'
        f"    tokenize='trigram',\n    content=\"{table}\"\n)",
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}_vocab" USING fts5vocab("{fts}", \'row\')',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ai" AFTER INSERT ON "{table}" BEGIN\n'
        f'  INSERT INTO "{fts}" (rowid, "search_text") VALUES (new.rowid, new."search_text");\nEND',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ad" AFTER DELETE ON "{table}" BEGIN\n'
        f'  INSERT INTO "{fts}" ("{fts}", rowid, "search_text") VALUES(\'delete\', old.rowid, old."search_text");\n'
        "END",
        f'CREATE TRIGGER IF NOT EXISTS "{table}_au" AFTER UPDATE OF {SEARCHED_COLUMNS[table]} ON "{table}" BEGIN\n'
        f'  INSERT INTO "{fts}" ("{fts}", rowid, "search_text") VALUES(\'delete\', old.rowid, old."search_text");\n'
        f'  INSERT INTO "{fts}" (rowid, "search_text") VALUES (new.rowid, new."search_text");\nEND',
    ]


def ensure(conn: sqlite3.Connection, *, rebuild: bool = False) -> None:
    """Create whatever part of the index is missing; with `rebuild`, re-read every row into it."""
    for table in INDEXED_TABLES:
        for sql in _statements(table):
            conn.execute(sql)
        if rebuild:
            conn.execute(f'INSERT INTO "{table}_fts" ("{table}_fts") VALUES (\'rebuild\')')


def is_intact(conn: sqlite3.Connection) -> bool:
    """True when every index table and trigger is in place."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    expected = {
        name
        for table in INDEXED_TABLES
        for name in (f"{table}_fts", f"{table}_fts_vocab", f"{table}_ai", f"{table}_ad", f"{table}_au")
    }
    return expected <= names


def check(conn: sqlite3.Connection) -> list[str]:
    """Problems with the index: missing pieces or an index out of step with its table.

    Needs a connection that may write (FTS5 runs its check as an INSERT that changes nothing); db/integrity.py
    checks a read-only database on a temporary copy.
    """
    problems = []
    if not is_intact(conn):
        problems.append("the full-text index is missing tables or triggers (it is rebuilt on the next open)")
        return problems
    for table in INDEXED_TABLES:
        try:
            conn.execute(f'INSERT INTO "{table}_fts" ("{table}_fts", rank) VALUES (\'integrity-check\', 1)')
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", sqlite3.SQLITE_CORRUPT) & 0xFF != sqlite3.SQLITE_CORRUPT:
                raise  # not damage: a read-only connection, an interrupt (Cancel), a locked file
            problems.append(f"the full-text index of {table} does not match its rows ({exc})")
    return problems
