"""The bundled sides, issues and actors gazetteer, loaded into every new database.

Once loaded they are the user's: editable in the database, never overwritten on a later open.
"""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from typing import Any


def read_resource(name: str) -> Any:
    return json.loads(resources.files("resources").joinpath(name).read_text(encoding="utf-8"))


def load_all(conn: sqlite3.Connection) -> None:
    """Insert sides, issues and actors; existing rows (same slug or key) are left as the user has them."""
    side_ids = {}
    for position, side in enumerate(read_resource("sides.json")):
        conn.execute(
            "INSERT OR IGNORE INTO sides (slug, name, names, position) VALUES (?, ?, ?, ?)",
            (side["slug"], side["name"], json.dumps(side.get("names", {}), ensure_ascii=False), position),
        )
    side_ids = dict(conn.execute("SELECT slug, id FROM sides").fetchall())
    for position, issue in enumerate(read_resource("issues.json")):
        titles = issue["title"] if isinstance(issue["title"], dict) else {"en": issue["title"]}
        conn.execute(
            "INSERT OR IGNORE INTO issues (slug, title, titles, description, keywords, position)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                issue["slug"],
                titles["en"],
                json.dumps(titles, ensure_ascii=False),
                issue.get("description", ""),
                json.dumps(issue.get("keywords", {}), ensure_ascii=False),
                position,
            ),
        )
    for actor in read_resource("actors.json"):
        conn.execute(
            "INSERT OR IGNORE INTO actors (key, name, kind, side_id, roles, aliases) VALUES (?, ?, ?, ?, ?, ?)",
            (
                actor["key"],
                actor["name"],
                actor["kind"],
                side_ids.get(actor["side"]) if actor.get("side") else None,
                json.dumps(actor.get("roles", []), ensure_ascii=False),
                json.dumps(actor.get("aliases", {}), ensure_ascii=False),
            ),
        )
