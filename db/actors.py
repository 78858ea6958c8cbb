"""The user's actors: people and bodies with their side, dated roles and aliases in English, Russian and Japanese.

Every change is one transaction and returns what the window needs to undo it: `update` takes the same fields
back, `merge` returns an ActorMerge that `unmerge` reverses exactly. The importer reads these rows
(db/user_gazetteer.py), so an alias added here is found in the next import.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from db.errors import NotFoundError, ValidationError
from db.partial_date import PartialDate
from db.store import Store

KINDS = ("person", "body", "state", "delegation", "media", "expert")
NON_OFFICIAL = ("media", "expert")  # they speak for no side
LANGUAGES = ("en", "ru", "ja")
EDITABLE = ("name", "kind", "side", "roles", "aliases")


@dataclass(frozen=True)
class ActorRole:
    title: str
    start: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; None: open
    end: str | None = None


@dataclass(frozen=True)
class ActorRecord:
    id: int
    key: str
    name: str
    kind: str
    side: str | None
    roles: tuple[ActorRole, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        """The editable fields, in the form `update` takes (for undo)."""
        return {"name": self.name, "kind": self.kind, "side": self.side, "roles": self.roles,
                "aliases": dict(self.aliases)}  # fmt: skip


@dataclass(frozen=True)
class ActorMerge:
    """Everything a merge changed, so that `unmerge` can put it back."""

    removed: dict[str, Any]  # the merged actor's row, id included
    into_id: int
    into_before: dict[str, Any]  # the kept actor's fields before
    moved: tuple[tuple[int, str], ...]  # (statement id, its speaker before)


SELECT = (
    "SELECT a.id, a.key, a.name, a.kind, s.slug, a.roles, a.aliases FROM actors a LEFT JOIN sides s ON s.id = a.side_id"
)


def _record(row: tuple[Any, ...]) -> ActorRecord:
    roles = tuple(
        ActorRole(str(r.get("title", "")), r.get("from") or None, r.get("to") or None)
        for r in json.loads(row[5] or "[]")
    )
    aliases = {lang: tuple(values) for lang, values in json.loads(row[6] or "{}").items()}
    return ActorRecord(row[0], row[1], row[2], row[3], row[4], roles, aliases)


def all_actors(store: Store) -> list[ActorRecord]:
    """Every actor, by name (case and accents aside)."""
    rows = [_record(row) for row in store.conn.execute(SELECT)]
    return sorted(rows, key=lambda a: (unicodedata.normalize("NFKD", a.name).casefold(), a.id))


def get(store: Store, actor_id: int) -> ActorRecord:
    row = store.conn.execute(f"{SELECT} WHERE a.id = ?", (actor_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no actor #{actor_id}")
    return _record(row)


def find_by_key(store: Store, key: str) -> ActorRecord:
    row = store.conn.execute(f"{SELECT} WHERE a.key = ?", (key,)).fetchone()
    if row is None:
        raise NotFoundError(f"no actor {key!r}")
    return _record(row)


def statement_count(store: Store, actor_id: int) -> int:
    return int(store.conn.execute("SELECT count(*) FROM statements WHERE actor_id = ?", (actor_id,)).fetchone()[0])


# --- validation ------------------------------------------------------------------------------------------------


def clean_name(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def clean_aliases(aliases: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Trimmed, without empties or repeats (case aside), per language."""
    cleaned: dict[str, tuple[str, ...]] = {}
    for language, values in aliases.items():
        seen: dict[str, str] = {}
        for value in values:
            name = clean_name(value)
            if name and name.casefold() not in seen:
                seen[name.casefold()] = name
        if seen:
            cleaned[language] = tuple(seen.values())
    return cleaned


def clean_roles(roles: Iterable[ActorRole]) -> tuple[ActorRole, ...]:
    cleaned = []
    for role in roles:
        title = clean_name(role.title)
        if not title:
            raise ValidationError("a role needs a title")
        start, end = (_role_date(value, title) for value in (role.start, role.end))
        if start and end and end < start[: len(end)]:
            raise ValidationError(f"the role {title!r} ends ({end}) before it starts ({start})")
        cleaned.append(ActorRole(title, start, end))
    return tuple(cleaned)


def _role_date(value: str | None, title: str) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        return PartialDate.from_iso(text).iso()
    except ValueError:
        raise ValidationError(f"the role {title!r}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _columns(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    """Validated column values for the fields given."""
    columns: dict[str, Any] = {}
    if "name" in values:
        columns["name"] = clean_name(str(values["name"]))
        if not columns["name"]:
            raise ValidationError("the name is empty")
    if "kind" in values:
        if values["kind"] not in KINDS:
            raise ValidationError(f"unknown kind {values['kind']!r}; one of {', '.join(KINDS)}")
        columns["kind"] = values["kind"]
    if "side" in values:
        columns["side_id"] = store.id_of("sides", values["side"]) if values["side"] else None
    if "roles" in values:
        roles = clean_roles(values["roles"])
        columns["roles"] = json.dumps([{"title": r.title, "from": r.start, "to": r.end} for r in roles],
                                      ensure_ascii=False)  # fmt: skip
    if "aliases" in values:
        columns["aliases"] = json.dumps({k: list(v) for k, v in clean_aliases(values["aliases"]).items()},
                                        ensure_ascii=False)  # fmt: skip
    return columns


def _check_side(kind: str, side_id: int | None) -> None:
    if kind in NON_OFFICIAL and side_id is not None:
        raise ValidationError("media and experts speak for no side: choose no side for them")


# --- changes ---------------------------------------------------------------------------------------------------


def add(
    store: Store,
    name: str,
    kind: str = "person",
    side: str | None = None,
    *,
    roles: Iterable[ActorRole] = (),
    aliases: Mapping[str, Iterable[str]] | None = None,
) -> ActorRecord:
    """A new actor; its key is made up (never shown) and never clashes with a bundled one."""
    columns = _columns(store, {"name": name, "kind": kind, "side": side, "roles": roles, "aliases": aliases or {}})
    _check_side(columns["kind"], columns["side_id"])
    key = f"user-{re.sub(r'[^a-z0-9]+', '-', columns['name'].casefold()).strip('-') or 'actor'}-{uuid.uuid4().hex[:8]}"
    with store.transaction():
        cursor = store.conn.execute(
            "INSERT INTO actors (key, name, kind, side_id, roles, aliases) VALUES (?, ?, ?, ?, ?, ?)",
            (key, columns["name"], columns["kind"], columns["side_id"], columns["roles"], columns["aliases"]),
        )
    assert cursor.lastrowid is not None
    store.forget_cached_ids()
    return get(store, cursor.lastrowid)


def update(store: Store, actor_id: int, **changes: Any) -> ActorRecord:
    """Change fields of an actor; a new name also becomes the speaker of the statements that showed the old one."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))} of an actor")
    before = get(store, actor_id)
    columns = _columns(store, changes)
    side_id = columns.get("side_id", store.id_of("sides", before.side) if before.side else None)
    _check_side(columns.get("kind", before.kind), side_id)
    if not columns:
        return before
    assignments = ", ".join(f"{name} = ?" for name in columns)
    with store.transaction():
        store.conn.execute(f"UPDATE actors SET {assignments} WHERE id = ?", [*columns.values(), actor_id])
        if "name" in columns and columns["name"] != before.name:
            store.conn.execute(
                "UPDATE statements SET speaker = ? WHERE actor_id = ? AND speaker = ?",
                (columns["name"], actor_id, before.name),
            )
    store.forget_cached_ids()  # the speaker filter's folded names
    return get(store, actor_id)


def remove(store: Store, actor_id: int) -> None:
    """Delete an actor no statement names (undoing an addition)."""
    if statement_count(store, actor_id):
        raise ValidationError("statements name this actor: merge it into another instead")
    with store.transaction():
        store.conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))
    store.forget_cached_ids()


def add_alias(store: Store, actor_id: int, alias: str, language: str) -> ActorRecord:
    """Add one spelling (e.g. a correction made while reviewing an import) to the actor's aliases."""
    actor = get(store, actor_id)
    aliases = {lang: list(values) for lang, values in actor.aliases.items()}
    aliases.setdefault(language, []).append(alias)
    return update(store, actor_id, aliases=aliases)


def language_of(name: str) -> str:
    """The alias list a name belongs in, from its script."""
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", name):
        return "ja"
    if re.search(r"[\u0400-\u04ff]", name):
        return "ru"
    return "en"


def merge(store: Store, from_id: int, into_id: int) -> ActorMerge:
    """One person under two entries becomes one: the statements move, names become aliases, the other goes."""
    if from_id == into_id:
        raise ValidationError("an actor cannot be merged into itself")
    gone, kept = get(store, from_id), get(store, into_id)
    row = store.conn.execute("SELECT * FROM actors WHERE id = ?", (from_id,)).fetchone()
    names = [d[0] for d in store.conn.execute("SELECT * FROM actors LIMIT 0").description]
    removed = dict(zip(names, row, strict=True))
    aliases = {lang: list(values) for lang, values in kept.aliases.items()}
    aliases.setdefault(language_of(gone.name), []).append(gone.name)
    for language, values in gone.aliases.items():
        aliases.setdefault(language, []).extend(values)
    roles = list(kept.roles) + [r for r in gone.roles if r not in kept.roles]
    with store.transaction():
        moved = tuple(
            store.conn.execute("SELECT id, speaker FROM statements WHERE actor_id = ?", (from_id,)).fetchall()
        )
        store.conn.execute("UPDATE statements SET actor_id = ?, speaker = ? WHERE actor_id = ?",
                           (into_id, kept.name, from_id))  # fmt: skip
        update(store, into_id, aliases=aliases, roles=roles)
        store.conn.execute("DELETE FROM actors WHERE id = ?", (from_id,))
    store.forget_cached_ids()
    return ActorMerge(removed, into_id, kept.fields(), tuple((int(i), str(s)) for i, s in moved))


def unmerge(store: Store, merge: ActorMerge) -> None:
    """Undo a merge: the merged actor back with its id, its statements and their speakers as they were."""
    columns = list(merge.removed)
    with store.transaction():
        store.conn.execute(
            f"INSERT INTO actors ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            list(merge.removed.values()),
        )
        update(store, merge.into_id, **merge.into_before)
        store.conn.executemany(
            "UPDATE statements SET actor_id = ?, speaker = ? WHERE id = ?",
            [(merge.removed["id"], speaker, statement_id) for statement_id, speaker in merge.moved],
        )
