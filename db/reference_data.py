"""The bundled sides, issues and actors: loaded into every new database, from then on the user's.

The user edits them (db/actors.py, db/issue_editing.py) and the importer reads them from the database
(db/user_gazetteer.py). A newer Positions may bundle more names, aliases and keywords: `refresh` merges them
in three ways against the bundle as last merged (kept in `reference_baseline`), so what the bundle added
arrives, what it dropped goes, and whatever the user changed stays as the user has it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import cache
from importlib import resources
from typing import Any

RESOURCE_FILES = {"side": "sides.json", "issue": "issues.json", "actor": "actors.json"}
KEY_FIELD = {"side": "slug", "issue": "slug", "actor": "key"}
LANGUAGES = ("en", "ru", "ja")
NON_OFFICIAL_KINDS = ("media", "expert")

Entry = dict[str, Any]


def read_resource(name: str) -> Any:
    return json.loads(resources.files("resources").joinpath(name).read_text(encoding="utf-8"))


@cache
def bundle_digest() -> str:
    """Fingerprint of the bundled files (read once per process: they do not change while it runs)."""
    digest = hashlib.sha256()
    for name in RESOURCE_FILES.values():
        digest.update(resources.files("resources").joinpath(name).read_bytes())
    return digest.hexdigest()


def bundle() -> dict[str, dict[str, Entry]]:
    """The bundled entries by kind and key, in the shape they are compared in."""
    found: dict[str, dict[str, Entry]] = {}
    for kind, name in RESOURCE_FILES.items():
        rows = [_normalised(kind, row) for row in read_resource(name)]
        found[kind] = {row[KEY_FIELD[kind]]: row for row in rows}
    return found


def _normalised(kind: str, row: Entry) -> Entry:
    if kind == "side":
        return {"slug": row["slug"], "name": row["name"], "names": dict(row.get("names") or {})}
    if kind == "issue":
        titles = row["title"] if isinstance(row["title"], dict) else {"en": row["title"]}
        return {"slug": row["slug"], "title": dict(titles), "description": row.get("description") or "",
                "keywords": {k: list(v) for k, v in (row.get("keywords") or {}).items()}}  # fmt: skip
    return {
        "key": row["key"], "name": row["name"], "kind": row["kind"], "side": row.get("side") or None,
        "roles": [dict(r) for r in row.get("roles") or []],
        "aliases": {k: list(v) for k, v in (row.get("aliases") or {}).items()},
    }  # fmt: skip


# --- the database's rows in the bundle's shapes ---------------------------------------------------------------


def side_rows(conn: sqlite3.Connection) -> list[Entry]:
    rows = conn.execute("SELECT slug, name, names FROM sides ORDER BY position, id")
    return [{"slug": slug, "name": name, "names": json.loads(names or "{}")} for slug, name, names in rows]


def issue_rows(conn: sqlite3.Connection, *, include_retired: bool = True) -> list[Entry]:
    where = "" if include_retired else "WHERE retired_at IS NULL"
    rows = conn.execute(f"SELECT slug, title, titles, description, keywords FROM issues {where} ORDER BY position, id")
    return [
        {"slug": slug, "title": {"en": title, **json.loads(titles or "{}")}, "description": description or "",
         "keywords": json.loads(keywords or "{}")}
        for slug, title, titles, description, keywords in rows
    ]  # fmt: skip


def actor_rows(conn: sqlite3.Connection) -> list[Entry]:
    rows = conn.execute(
        "SELECT a.key, a.name, a.kind, s.slug, a.roles, a.aliases FROM actors a LEFT JOIN sides s ON s.id = a.side_id"
        " ORDER BY a.id"
    )
    return [
        {"key": key, "name": name, "kind": kind, "side": side, "roles": json.loads(roles or "[]"),
         "aliases": json.loads(aliases or "{}")}
        for key, name, kind, side, roles, aliases in rows
    ]  # fmt: skip


def _rows_by_key(conn: sqlite3.Connection, kind: str) -> dict[str, Entry]:
    rows = {"side": side_rows, "issue": issue_rows, "actor": actor_rows}[kind](conn)
    return {row[KEY_FIELD[kind]]: row for row in rows}


# --- loading and refreshing ------------------------------------------------------------------------------------


def load_all(conn: sqlite3.Connection) -> None:
    """Insert every bundled side, issue and actor; rows already there (same slug or key) are left alone."""
    entries = bundle()
    for side in entries["side"].values():
        _insert(conn, "side", side)
    for issue in entries["issue"].values():
        _insert(conn, "issue", issue)
    for actor in entries["actor"].values():
        _insert(conn, "actor", actor)


def _insert(conn: sqlite3.Connection, kind: str, row: Entry) -> None:
    if kind == "side":
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM sides").fetchone()[0]
        conn.execute(
            "INSERT OR IGNORE INTO sides (slug, name, names, position) VALUES (?, ?, ?, ?)",
            (row["slug"], row["name"], _json(row["names"]), position),
        )
    elif kind == "issue":
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM issues").fetchone()[0]
        conn.execute(
            "INSERT OR IGNORE INTO issues (slug, title, titles, description, keywords, position)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (row["slug"], row["title"].get("en") or row["slug"], _json(row["title"]), row["description"],
             _json(row["keywords"]), position),
        )  # fmt: skip
    else:
        conn.execute(
            "INSERT OR IGNORE INTO actors (key, name, kind, side_id, roles, aliases) VALUES (?, ?, ?, ?, ?, ?)",
            (row["key"], row["name"], row["kind"], _side_id(conn, row), _json(row["roles"]), _json(row["aliases"])),
        )


def _side_id(conn: sqlite3.Connection, actor: Entry) -> int | None:
    if not actor.get("side") or actor["kind"] in NON_OFFICIAL_KINDS:
        return None
    found = conn.execute("SELECT id FROM sides WHERE slug = ?", (actor["side"],)).fetchone()
    return int(found[0]) if found else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def remember_baseline(conn: sqlite3.Connection) -> None:
    """Record the bundle as merged now (inside the caller's transaction)."""
    conn.execute("DELETE FROM reference_baseline")
    for kind, entries in bundle().items():
        conn.executemany(
            "INSERT INTO reference_baseline (kind, key, data) VALUES (?, ?, ?)",
            [(kind, key, _json(entry)) for key, entry in entries.items()],
        )
    conn.execute("INSERT INTO reference_baseline (kind, key, data) VALUES ('bundle', 'sha256', ?)", (bundle_digest(),))


def refresh(conn: sqlite3.Connection) -> bool:
    """Merge a changed bundle into the database (one transaction); False when nothing had changed."""
    if not _has_baseline_table(conn) or _stored_digest(conn) == bundle_digest():
        return False
    conn.execute("BEGIN IMMEDIATE")
    try:
        if _stored_digest(conn) == bundle_digest():  # another connection merged it meanwhile
            conn.execute("ROLLBACK")
            return False
        baseline: dict[str, dict[str, Entry]] = {kind: {} for kind in RESOURCE_FILES}
        for kind, key, data in conn.execute("SELECT kind, key, data FROM reference_baseline WHERE kind != 'bundle'"):
            baseline[kind][key] = json.loads(data)
        merge_bundle(conn, baseline)
        remember_baseline(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def _has_baseline_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reference_baseline'").fetchone() is not None


def _stored_digest(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT data FROM reference_baseline WHERE kind = 'bundle' AND key = 'sha256'").fetchone()
    return row[0] if row else None


def merge_bundle(conn: sqlite3.Connection, baseline: dict[str, dict[str, Entry]] | None) -> None:
    """Bring the bundle into the database. Without a baseline (a database made before one was kept) only
    additions are merged: new entries, aliases and keywords; names and descriptions stay as they are."""
    for kind, entries in bundle().items():
        have = _rows_by_key(conn, kind)
        known = baseline.get(kind, {}) if baseline is not None else {}
        for key, new in entries.items():
            if key not in have:
                if key not in known:  # new in the bundle (a key the user removed stays removed)
                    _insert(conn, kind, new)
                continue
            base = known.get(key)
            if base == new:
                continue
            merged = _merge_entry(have[key], base, new)
            if merged != have[key]:
                _update(conn, kind, have[key], merged)


def _merge_entry(user: Entry, base: Entry | None, new: Entry) -> Entry:
    merged = dict(user)
    for field, value in new.items():
        mine = user.get(field)
        theirs_before = base.get(field) if base is not None else None
        if isinstance(value, list):
            merged[field] = _merge_list(mine or [], theirs_before, value)
        elif isinstance(value, dict) and field in ("aliases", "keywords"):
            languages = dict.fromkeys([*(mine or {}), *value])
            merged[field] = {
                lang: _merge_list((mine or {}).get(lang, []), (theirs_before or {}).get(lang, []) if base else None,
                                  value.get(lang, []))
                for lang in languages
            }  # fmt: skip
        elif isinstance(value, dict):  # titles and names per language: each one a value of its own
            merged[field] = {
                lang: _merge_value((mine or {}).get(lang), (theirs_before or {}).get(lang) if base else None,
                                   value.get(lang), base is not None)
                for lang in dict.fromkeys([*(mine or {}), *value])
            }  # fmt: skip
            merged[field] = {lang: text for lang, text in merged[field].items() if text}
        else:
            merged[field] = _merge_value(mine, theirs_before, value, base is not None)
    if merged.get("kind") in NON_OFFICIAL_KINDS:
        merged["side"] = None
    return merged


def _merge_value(mine: Any, before: Any, theirs: Any, have_base: bool) -> Any:
    """The bundle's new value when the user kept the old one; otherwise (or without a baseline) the user's."""
    if mine is None:
        return theirs
    return theirs if have_base and mine == before else mine


def _merge_list(mine: list[Any], before: list[Any] | None, theirs: list[Any]) -> list[Any]:
    """Mine, plus what the bundle added, minus what the bundle dropped (only additions without a baseline)."""
    added = [item for item in theirs if (before is None or item not in before) and item not in mine]
    dropped = [item for item in before if item not in theirs] if before is not None else []
    return [item for item in mine if item not in dropped] + added


def _update(conn: sqlite3.Connection, kind: str, old: Entry, row: Entry) -> None:
    if kind == "side":
        conn.execute("UPDATE sides SET name = ?, names = ? WHERE slug = ?", (row["name"], _json(row["names"]),
                                                                              row["slug"]))  # fmt: skip
    elif kind == "issue":
        conn.execute(
            "UPDATE issues SET title = ?, titles = ?, description = ?, keywords = ? WHERE slug = ?",
            (row["title"].get("en") or row["slug"], _json(row["title"]), row["description"], _json(row["keywords"]),
             row["slug"]),
        )  # fmt: skip
    else:
        actor_id = conn.execute("SELECT id FROM actors WHERE key = ?", (row["key"],)).fetchone()[0]
        conn.execute(
            "UPDATE actors SET name = ?, kind = ?, side_id = ?, roles = ?, aliases = ? WHERE id = ?",
            (row["name"], row["kind"], _side_id(conn, row), _json(row["roles"]), _json(row["aliases"]), actor_id),
        )
        if row["name"] != old["name"]:  # statements show the actor's current name
            conn.execute(
                "UPDATE statements SET speaker = ? WHERE actor_id = ? AND speaker = ?", (row["name"], actor_id,
                                                                                        old["name"])
            )  # fmt: skip
