"""The bundled sides, issues and actors become the user's; a newer bundle merges in without undoing the user's edits."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db import migrations, reference_data, statement_merge, summaries
from db.partial_date import PartialDate
from db.statements import NewStatement, add
from db.store import Store


def actor(store: Store, key: str) -> dict[str, Any]:
    return next(row for row in reference_data.actor_rows(store.conn) if row["key"] == key)


def issue(store: Store, slug: str) -> dict[str, Any]:
    return next(row for row in reference_data.issue_rows(store.conn) if row["slug"] == slug)


def newer_bundle(monkeypatch: pytest.MonkeyPatch, change: Any) -> None:
    """Pretend this Positions bundles `change(bundle)`."""
    entries = copy.deepcopy(reference_data.bundle())
    change(entries)
    monkeypatch.setattr(reference_data, "bundle", lambda: copy.deepcopy(entries))
    monkeypatch.setattr(reference_data, "bundle_digest", lambda: "newer")


def test_a_new_database_holds_the_bundle_as_rows_of_the_same_shape(db_path: Path) -> None:
    bundled = reference_data.bundle()
    with Store.open(db_path) as store:
        assert {row["key"]: row for row in reference_data.actor_rows(store.conn)} == bundled["actor"]
        assert {row["slug"]: row for row in reference_data.issue_rows(store.conn)} == bundled["issue"]
        assert {row["slug"]: row for row in reference_data.side_rows(store.conn)} == bundled["side"]


def test_a_newer_bundle_adds_aliases_and_actors_and_keeps_the_users_edits(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store, store.transaction():
        lavrov = actor(store, "sergey-lavrov")
        aliases = {**lavrov["aliases"], "ru": [*lavrov["aliases"]["ru"], "Лавров С.В."]}
        store.conn.execute("UPDATE actors SET name = 'Sergei Lavrov', aliases = ? WHERE key = 'sergey-lavrov'",
                           (json.dumps(aliases, ensure_ascii=False),))  # fmt: skip

    def change(entries: dict[str, Any]) -> None:
        lavrov = entries["actor"]["sergey-lavrov"]
        lavrov["aliases"]["en"] = [a for a in lavrov["aliases"]["en"] if a != "Lavrov"] + ["FM Lavrov"]
        lavrov["name"] = "Sergey V. Lavrov"  # the user renamed him: the user's name stays
        entries["actor"]["new-envoy"] = {"key": "new-envoy", "name": "Ivan Novy", "kind": "person", "side": "russia",
                                         "roles": [], "aliases": {"ru": ["Иван Новый"]}}  # fmt: skip
        entries["issue"]["fisheries"]["keywords"]["ja"].append("サケ・マス")
        entries["issue"]["fisheries"]["description"] = "Fishing quotas and safe fishing."

    newer_bundle(monkeypatch, change)
    with Store.open(db_path) as store:
        lavrov = actor(store, "sergey-lavrov")
        assert lavrov["name"] == "Sergei Lavrov"
        assert "FM Lavrov" in lavrov["aliases"]["en"] and "Lavrov" not in lavrov["aliases"]["en"]
        assert "Лавров С.В." in lavrov["aliases"]["ru"]
        assert actor(store, "new-envoy")["aliases"] == {"ru": ["Иван Новый"]}
        fisheries = issue(store, "fisheries")
        assert "サケ・マス" in fisheries["keywords"]["ja"]
        assert fisheries["description"] == "Fishing quotas and safe fishing."  # untouched by the user: updated
        assert reference_data.refresh(store.conn) is False  # merged once


def test_an_actor_the_user_merged_away_does_not_come_back(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db_path) as store, store.transaction():
        store.conn.execute("DELETE FROM actors WHERE key = 'sergey-lavrov'")

    def change(entries: dict[str, Any]) -> None:
        entries["actor"]["sergey-lavrov"]["aliases"]["en"].append("FM Lavrov")

    newer_bundle(monkeypatch, change)
    with Store.open(db_path) as store:
        assert store.conn.execute("SELECT count(*) FROM actors WHERE key = 'sergey-lavrov'").fetchone()[0] == 0


def test_a_version_1_database_is_upgraded_with_its_data_and_gains_only_additions(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 1)
        with Store.open(db_path) as store:
            uid = add(
                store,
                NewStatement(
                    "Sergey Lavrov",
                    "russia",
                    "peace_treaty",
                    PartialDate(2018, 11, 14),
                    "Мирный договор возможен",
                    language="ru",
                    actor_key="sergey-lavrov",
                ),
            )
            with store.transaction():
                store.conn.execute("UPDATE issues SET description = 'mine' WHERE slug = 'fisheries'")
                store.conn.execute("DELETE FROM actors WHERE key = 'taro-kono'")  # as if the bundle had lacked him
    with Store.open(db_path) as store:
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
        assert store.conn.execute("SELECT quote FROM statements WHERE uid = ?", (uid,)).fetchone()[0] == (
            "Мирный договор возможен"
        )
        assert issue(store, "fisheries")["description"] == "mine"
        assert store.conn.execute("SELECT count(*) FROM actors WHERE key = 'taro-kono'").fetchone()[0] == 1
        assert store.conn.execute("SELECT count(*) FROM statement_sources").fetchone()[0] == 0
    backup = sqlite3.connect(db_path.with_name(f"{db_path.name}.v1.backup"))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()


def test_marking_reviewed_does_not_reindex_but_editing_a_quote_does(db_path: Path) -> None:
    with Store.open(db_path) as store:
        uid = add(store, NewStatement("Taro Kono", "japan", "fisheries", PartialDate(2018, 1, 15), "安全操業を続ける"))
        triggers = {row[0]: row[1] for row in store.conn.execute("SELECT name, sql FROM sqlite_master WHERE "
                                                                 "type = 'trigger'")}  # fmt: skip
        assert "UPDATE OF quote, speaker, speaker_as_written" in triggers["statements_au"]
        with store.transaction():
            store.conn.execute("UPDATE statements SET quote = '北方領土で漁業' WHERE uid = ?", (uid,))
            store.conn.execute("UPDATE statements SET reviewed = 1 WHERE uid = ?", (uid,))
        hits = store.conn.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH '北方領'").fetchall()
        assert len(hits) == 1


def test_a_version_2_database_with_an_undated_statement_gains_the_curation_step(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 2)
        with Store.open(db_path) as store:
            undated = add(store, NewStatement("Maria Zakharova", "russia", "peace_treaty", None, "Позиция неизменна"))
            dated = add(
                store, NewStatement("Taro Kono", "japan", "peace_treaty", PartialDate(2018, 1, 15), "交渉を続ける")
            )
            rows = store.conn.execute("SELECT * FROM statements ORDER BY id").fetchall()
    with Store.open(db_path) as store:
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
        assert store.conn.execute("SELECT * FROM statements ORDER BY id").fetchall() == rows
        assert {row[1] for row in store.conn.execute("PRAGMA index_list(statements)")} >= {"statements_actor_date"}
        merge = statement_merge.merge(store, dated, [undated])  # an undated report can join a statement, and leave
        statement_merge.unmerge(store, merge)
        restored = store.conn.execute("SELECT * FROM statements ORDER BY id").fetchall()[0]
        assert restored[1:19] == rows[0][1:19]  # all but updated_at, which the undo moves on
    backup = sqlite3.connect(db_path.with_name(f"{db_path.name}.v2.backup"))
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    backup.close()


def test_a_version_3_database_keeps_its_position_summaries_and_a_merged_statement_they_rest_on(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "SCHEMA_VERSION", 3)
        with Store.open(db_path) as store:
            kept = add(store, NewStatement("Sergey Lavrov", "russia", "peace_treaty", PartialDate(2018, 11, 14),
                                           "Москва не намерена передавать острова Японии."))  # fmt: skip
            twin = add(store, NewStatement("Sergey Lavrov", "russia", "peace_treaty", PartialDate(2018, 11, 15),
                                           "Москва не намерена передавать Японии острова"))  # fmt: skip
            summaries.write(store, "peace_treaty", "russia", "Позиция: острова не передаются", "anna", [twin])
    with Store.open(db_path) as store:
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
        written = summaries.current(store, "peace_treaty", "russia")
        assert written is not None and written.rests_on == (twin,)
        statement_merge.merge(store, kept, [twin])
        assert statement_merge.resolve(store, written.rests_on[0]).uid == kept  # what the sheet prints it rests on
