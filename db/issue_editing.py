"""The user's issue taxonomy: add, rename, describe, keywords in English, Russian and Japanese, merge, retire.

Each change is one transaction; `update` takes back the fields it returns, `merge` returns an IssueMerge that
`unmerge` reverses. The slug is an issue's stable identity (command line, exchange files) and never changes;
what the user sees is the title. The importer classifies with these keywords (db/user_gazetteer.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from db.actors import clean_aliases, clean_name
from db.errors import NotFoundError, ValidationError
from db.statements import now
from db.store import Store

LANGUAGES = ("en", "ru", "ja")
EDITABLE = ("titles", "description", "keywords")


@dataclass(frozen=True)
class IssueRecord:
    id: int
    slug: str
    title: str  # the title shown (English, else the first one given)
    titles: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    retired: bool = False

    def fields(self) -> dict[str, Any]:
        return {"titles": dict(self.titles), "description": self.description, "keywords": dict(self.keywords)}


@dataclass(frozen=True)
class IssueMerge:
    from_slug: str
    into_slug: str
    moved: tuple[int, ...]  # statement ids
    into_before: dict[str, Any]
    was_retired: str | None  # the merged issue's retired_at before


SELECT = "SELECT id, slug, title, titles, description, keywords, retired_at FROM issues"


def _record(row: tuple[Any, ...]) -> IssueRecord:
    titles = {"en": row[2], **json.loads(row[3] or "{}")}
    keywords = {lang: tuple(values) for lang, values in json.loads(row[5] or "{}").items()}
    return IssueRecord(row[0], row[1], row[2], titles, row[4] or "", keywords, row[6] is not None)


def issue_records(store: Store, *, include_retired: bool = True) -> list[IssueRecord]:
    where = "" if include_retired else " WHERE retired_at IS NULL"
    return [_record(row) for row in store.conn.execute(f"{SELECT}{where} ORDER BY position, id")]


def get(store: Store, slug: str) -> IssueRecord:
    row = store.conn.execute(f"{SELECT} WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        raise NotFoundError(f"no issue {slug!r}")
    return _record(row)


def statement_count(store: Store, slug: str) -> int:
    return int(store.conn.execute("SELECT count(*) FROM statements WHERE issue_id = ?",
                                  (store.id_of("issues", slug),)).fetchone()[0])  # fmt: skip


def _columns(values: Mapping[str, Any]) -> dict[str, Any]:
    columns: dict[str, Any] = {}
    if "titles" in values:
        titles = {lang: clean_name(text) for lang, text in values["titles"].items() if clean_name(text or "")}
        if not titles:
            raise ValidationError("an issue needs a title")
        columns["title"] = titles.get("en") or next(iter(titles.values()))
        columns["titles"] = json.dumps(titles, ensure_ascii=False)
    if "description" in values:
        columns["description"] = str(values["description"] or "").strip()
    if "keywords" in values:
        keywords = clean_aliases(values["keywords"])
        columns["keywords"] = json.dumps({k: list(v) for k, v in keywords.items()}, ensure_ascii=False)
    return columns


def new_slug(store: Store, titles: Mapping[str, str]) -> str:
    """A stable identity from the English title (`border_crossings`), unique; `issue_N` for non-Latin titles."""
    base = re.sub(r"[^a-z0-9]+", "_", (titles.get("en") or "").casefold()).strip("_")[:40] or "issue"
    slug, number = base, 1
    while store.conn.execute("SELECT 1 FROM issues WHERE slug = ?", (slug,)).fetchone():
        number += 1
        slug = f"{base}_{number}"
    return slug


def add(store: Store, titles: Mapping[str, str], description: str = "",
        keywords: Mapping[str, Iterable[str]] | None = None) -> IssueRecord:  # fmt: skip
    columns = _columns({"titles": titles, "description": description, "keywords": keywords or {}})
    with store.transaction():
        slug = new_slug(store, titles)
        position = store.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM issues").fetchone()[0]
        store.conn.execute(
            "INSERT INTO issues (slug, title, titles, description, keywords, position) VALUES (?, ?, ?, ?, ?, ?)",
            (slug, columns["title"], columns["titles"], columns["description"], columns["keywords"], position),
        )
    store.forget_cached_ids()
    return get(store, slug)


def update(store: Store, slug: str, **changes: Any) -> IssueRecord:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"cannot edit {', '.join(sorted(unknown))} of an issue")
    columns = _columns(changes)
    if columns:
        assignments = ", ".join(f"{name} = ?" for name in columns)
        with store.transaction():
            cursor = store.conn.execute(f"UPDATE issues SET {assignments} WHERE slug = ?", [*columns.values(), slug])
            if cursor.rowcount == 0:
                raise NotFoundError(f"no issue {slug!r}")
    return get(store, slug)


def set_retired(store: Store, slug: str, retired: bool) -> IssueRecord:
    """A retired issue keeps its statements; imports no longer classify anything under it."""
    with store.transaction():
        store.conn.execute("UPDATE issues SET retired_at = ? WHERE slug = ?", (now() if retired else None, slug))
    return get(store, slug)


def remove(store: Store, slug: str) -> None:
    """Delete an issue no statement is on (undoing an addition)."""
    if statement_count(store, slug):
        raise ValidationError("statements are filed under this issue: merge it into another instead")
    with store.transaction():
        store.conn.execute("DELETE FROM issues WHERE slug = ?", (slug,))
    store.forget_cached_ids()


def merge(store: Store, from_slug: str, into_slug: str) -> IssueMerge:
    """Two issues become one: the statements move, the keywords join, the merged issue is retired."""
    if from_slug == into_slug:
        raise ValidationError("an issue cannot be merged into itself")
    gone, kept = get(store, from_slug), get(store, into_slug)
    keywords = {lang: [*kept.keywords.get(lang, ()), *gone.keywords.get(lang, ())]
                for lang in dict.fromkeys([*kept.keywords, *gone.keywords])}  # fmt: skip
    was_retired = store.conn.execute("SELECT retired_at FROM issues WHERE id = ?", (gone.id,)).fetchone()[0]
    with store.transaction():
        moved = tuple(r[0] for r in store.conn.execute("SELECT id FROM statements WHERE issue_id = ?", (gone.id,)))
        store.conn.execute("UPDATE statements SET issue_id = ? WHERE issue_id = ?", (kept.id, gone.id))
        update(store, into_slug, keywords=keywords)
        set_retired(store, from_slug, True)
    return IssueMerge(from_slug, into_slug, moved, kept.fields(), was_retired)


def unmerge(store: Store, merge: IssueMerge) -> None:
    gone_id = store.id_of("issues", merge.from_slug)
    with store.transaction():
        store.conn.executemany("UPDATE statements SET issue_id = ? WHERE id = ?", [(gone_id, i) for i in merge.moved])
        update(store, merge.into_slug, **merge.into_before)
        store.conn.execute("UPDATE issues SET retired_at = ? WHERE slug = ?", (merge.was_retired, merge.from_slug))
