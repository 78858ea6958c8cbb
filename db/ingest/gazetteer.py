"""The actors and issues gazetteer in memory: who can speak, on which side, under which names, and the issues.

Loaded once per import from `resources/actors.json`, `resources/issues.json` and `resources/sides.json` (or from
the user's database later), and handed to every extraction stage. It only indexes; finding names in text is
`speakers.py`, classifying is `classify.py`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.partial_date import PartialDate

RESOURCES_DIR = Path(__file__).resolve().parent.parent.parent / "resources"
OFFICIAL_KINDS = {"person", "body", "state", "delegation"}
_DEPUTY = re.compile(r"\b(?:deputy|vice|senior vice|assistant|aide|adviser|advisor|former)\b|заместител|次官|副")


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None  # ISO date (any precision) or None when open
    end: str | None = None

    def holds_on(self, when: PartialDate | None) -> bool:
        """True when the role was held at some point of the period `when` (unknown dates count as held)."""
        if when is None:
            return True
        period = when.iso()  # ISO strings of any precision compare correctly once cut to the shorter length
        started = self.start is None or self.start[: len(period)] <= period
        not_ended = self.end is None or self.end >= period[: len(self.end)]
        return started and not_ended


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    kind: str  # person, body, state, delegation, media, expert
    side: str | None
    roles: tuple[Role, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def category(self) -> str:
        """official / media / expert: what the evaluation and the side rule care about."""
        if self.kind == "media":
            return "media"
        if self.kind == "expert":
            return "expert"
        return "official"

    def all_aliases(self, language: str | None = None) -> list[str]:
        """The canonical name and the aliases of one language (or of every language)."""
        names = [self.name]
        for lang, values in self.aliases.items():
            if language is None or lang == language:
                names.extend(values)
        return list(dict.fromkeys(n for n in names if n and n.strip()))

    def role_titles(self, when: PartialDate | None = None) -> list[str]:
        return [r.title for r in self.roles if r.holds_on(when)]


@dataclass(frozen=True)
class Issue:
    slug: str
    title: Mapping[str, str]
    description: str
    keywords: Mapping[str, tuple[str, ...]]


def fold(text: str) -> str:
    """Case- and width-insensitive form used for alias lookups (NFKC, casefold, ё -> е, curly apostrophes)."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return text.replace("’", "'").replace("‘", "'")


class Gazetteer:
    """Actors, sides and issues with lookups by key, folded alias and role."""

    def __init__(self, actors: Iterable[Actor], issues: Iterable[Issue], sides: Iterable[str] = ()) -> None:
        self.actors = list(actors)
        self.issues = list(issues)
        self.sides = list(sides) or sorted({a.side for a in self.actors if a.side})
        self._by_key = {a.key: a for a in self.actors}
        self._by_alias: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for alias in actor.all_aliases():
                bucket = self._by_alias.setdefault(fold(alias), [])
                if actor not in bucket:
                    bucket.append(actor)

    # --- loading -------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, directory: Path | str | None = None) -> Gazetteer:
        """Read the three resource files; a missing sides.json is derived from the actors."""
        base = Path(directory) if directory else RESOURCES_DIR
        actors = json.loads((base / "actors.json").read_text(encoding="utf-8"))
        issues = json.loads((base / "issues.json").read_text(encoding="utf-8"))
        sides_path = base / "sides.json"
        sides = json.loads(sides_path.read_text(encoding="utf-8")) if sides_path.exists() else []
        return cls.from_data(actors, issues, sides)

    @classmethod
    def from_data(cls, actors: Any, issues: Any, sides: Any = ()) -> Gazetteer:
        """Build from parsed JSON (a list, or an object holding the list under "actors"/"issues"/"sides")."""
        actor_rows = _rows(actors, "actors")
        issue_rows = _rows(issues, "issues")
        side_rows = _rows(sides, "sides") if sides else []
        return cls(
            [_actor(row) for row in actor_rows],
            [_issue(row) for row in issue_rows],
            [row if isinstance(row, str) else str(row.get("slug") or row.get("key")) for row in side_rows],
        )

    # --- lookups -------------------------------------------------------------------------------------------
    def actor(self, key: str) -> Actor | None:
        return self._by_key.get(key)

    def by_alias(self, alias: str) -> list[Actor]:
        """Actors known under exactly this name (after folding), e.g. "Kono" -> Taro Kono (and Yohei Kono)."""
        return list(self._by_alias.get(fold(alias), []))

    def resolve_name(self, name: str) -> Actor | None:
        """The actor a canonical or alias name stands for, preferring a person; None when unknown."""
        found = self.by_alias(name)
        return found[0] if found else None

    def issue_slugs(self) -> list[str]:
        return [i.slug for i in self.issues]

    def state_of(self, side: str) -> Actor | None:
        """The actor that stands for a side's government ("Japanese government")."""
        return next((a for a in self.actors if a.kind == "state" and a.side == side), None)

    def delegation_of(self, side: str) -> Actor | None:
        """The actor that stands for a side at a meeting ("Japanese side")."""
        return next((a for a in self.actors if a.kind == "delegation" and a.side == side), None)

    def holders(self, words: Iterable[str], side: str | None, when: PartialDate | None) -> list[Actor]:
        """People whose role title (held at `when`) contains every word, e.g. ("foreign", "minister")."""
        wanted = [re.compile(r"\b" + re.escape(fold(w))) for w in words]
        found = []
        for actor in self.actors:
            if actor.kind != "person" or (side and actor.side != side):
                continue
            for role in actor.roles:
                title = fold(role.title)
                if _DEPUTY.search(title) and not any(w.search("deputy vice") for w in wanted):
                    continue
                if all(w.search(title) for w in wanted) and role.holds_on(when):
                    found.append(actor)
                    break
        return found


def _rows(data: Any, key: str) -> list[Any]:
    if isinstance(data, Mapping):
        inner = data.get(key)
        if isinstance(inner, list):
            return inner
        return [dict(value, key=k) if isinstance(value, Mapping) else k for k, value in data.items()]
    return list(data)


def _actor(row: Mapping[str, Any]) -> Actor:
    aliases_raw = row.get("aliases") or {}
    if isinstance(aliases_raw, list):  # a flat list: language unknown, keep it for every language
        aliases_raw = {"en": aliases_raw}
    aliases = {lang: tuple(str(a) for a in values or ()) for lang, values in aliases_raw.items()}
    roles = tuple(
        Role(str(r.get("title", "")), r.get("from") or None, r.get("to") or None)
        for r in row.get("roles") or ()
        if isinstance(r, Mapping)
    )
    return Actor(
        key=str(row.get("key") or row.get("name")),
        name=str(row.get("name") or row.get("key")),
        kind=str(row.get("kind") or "person"),
        side=row.get("side") or None,
        roles=roles,
        aliases=aliases,
    )


def _issue(row: Mapping[str, Any]) -> Issue:
    title = row.get("title") or {}
    if isinstance(title, str):
        title = {"en": title}
    keywords = {lang: tuple(str(k) for k in values or ()) for lang, values in (row.get("keywords") or {}).items()}
    return Issue(str(row["slug"]), dict(title), str(row.get("description") or ""), keywords)
