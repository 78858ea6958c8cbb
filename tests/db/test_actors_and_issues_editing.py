"""Editing actors and issues in the database: validated, one transaction each, undoable, and read by the importer."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import actors, issue_editing, issues
from db.errors import ValidationError
from db.ingest.pipeline import analyse
from db.partial_date import PartialDate
from db.statements import NewStatement, add, get
from db.store import Store
from db.user_gazetteer import load_gazetteer

GERMAN_SPELLING = (
    "Gespräche gehen weiter\n\nMoscow, March 3, 2017. Foreign Minister Sergej Lawrow said on Friday that Russia was "
    "ready to continue talks on a peace treaty with Japan.\n"
)
NEW_TOPIC = (
    "Talks\n\nMoscow, March 3, 2017. Foreign Minister Sergey Lavrov said on Friday that the cherry blossom dialogue "
    "must go on.\n"
)


def lavrov(store: Store) -> actors.ActorRecord:
    return actors.find_by_key(store, "sergey-lavrov")


def test_an_alias_added_to_an_actor_is_used_by_the_next_import(store: Store, tmp_path: Path) -> None:
    article = tmp_path / "lawrow.txt"
    article.write_text(GERMAN_SPELLING, encoding="utf-8")
    before = analyse(article, gazetteer=load_gazetteer(store)).candidates
    assert all(c.actor_key != "sergey-lavrov" for c in before)
    actors.add_alias(store, lavrov(store).id, "Sergej Lawrow", "en")
    after = analyse(article, gazetteer=load_gazetteer(store)).candidates
    assert [(c.speaker, c.speaker_as_written, c.side) for c in after] == [("Sergey Lavrov", "Sergej Lawrow", "russia")]


def test_a_keyword_added_to_an_issue_changes_the_next_classification(store: Store, tmp_path: Path) -> None:
    article = tmp_path / "sakura.txt"
    article.write_text(NEW_TOPIC, encoding="utf-8")
    assert [c.issue for c in analyse(article, gazetteer=load_gazetteer(store)).candidates] == ["other"]
    exchanges = issue_editing.get(store, "visas_exchanges")
    keywords = {**exchanges.keywords, "en": (*exchanges.keywords["en"], "cherry blossom dialogue")}
    issue_editing.update(store, "visas_exchanges", keywords=keywords)
    assert [c.issue for c in analyse(article, gazetteer=load_gazetteer(store)).candidates] == ["visas_exchanges"]


def test_a_retired_issue_is_not_used_to_classify(store: Store) -> None:
    issue_editing.set_retired(store, "fisheries", True)
    assert "fisheries" not in load_gazetteer(store).issue_slugs()
    assert "fisheries" not in [i.slug for i in issues.current_issues(store)]
    assert "fisheries" not in [s.issue.slug for s in issues.summaries(store)]  # nothing filed under it


def test_renaming_an_actor_renames_the_speaker_of_its_statements_and_back(store: Store) -> None:
    uid = add(store, NewStatement("Sergey Lavrov", "russia", "peace_treaty", PartialDate(2018, 11, 14), "Мы готовы",
                                  actor_key="sergey-lavrov"))  # fmt: skip
    record = lavrov(store)
    actors.update(store, record.id, name="Сергей Лавров")
    assert get(store, uid).speaker == "Сергей Лавров"
    actors.update(store, record.id, **record.fields())
    assert get(store, uid).speaker == "Sergey Lavrov"
    assert lavrov(store) == record


def test_actor_fields_are_validated(store: Store) -> None:
    record = lavrov(store)
    with pytest.raises(ValidationError, match="no side"):
        actors.update(store, record.id, kind="expert")
    with pytest.raises(ValidationError, match="not a date"):
        actors.update(store, record.id, roles=[actors.ActorRole("Minister", "March 2004")])
    with pytest.raises(ValidationError, match="ends"):
        actors.update(store, record.id, roles=[actors.ActorRole("Minister", "2004-03-09", "2001")])
    with pytest.raises(ValidationError, match="name is empty"):
        actors.update(store, record.id, name="   ")
    assert lavrov(store) == record  # nothing half-written


def test_a_new_actor_with_aliases_in_three_languages_and_dated_roles(store: Store) -> None:
    roles = [actors.ActorRole("Consul General of Russia in Sapporo", "2018", "2022-11")]
    aliases = {"en": ["Belova", " Belova "], "ru": ["Анна Белова", "Белова"], "ja": ["ベロワ"]}
    new = actors.add(store, "Anna Belova", "person", "russia", roles=roles, aliases=aliases)
    assert new.aliases == {"en": ("Belova",), "ru": ("Анна Белова", "Белова"), "ja": ("ベロワ",)}
    assert new.roles == (actors.ActorRole("Consul General of Russia in Sapporo", "2018", "2022-11"),)
    assert load_gazetteer(store).resolve_name("ベロワ").key == new.key  # type: ignore[union-attr]
    actors.remove(store, new.id)
    assert load_gazetteer(store).resolve_name("ベロワ") is None


def test_merging_two_actors_moves_statements_and_names_and_unmerging_restores_them(store: Store) -> None:
    twin = actors.add(store, "S. Lavrov", "person", "russia", aliases={"ru": ["С. Лавров"]})
    uid = add(store, NewStatement("S. Lavrov", "russia", "peace_treaty", PartialDate(2018, 11, 14), "Договор",
                                  actor_key=twin.key))  # fmt: skip
    kept = lavrov(store)
    merge = actors.merge(store, twin.id, kept.id)
    merged = lavrov(store)
    assert "S. Lavrov" in merged.aliases["en"] and "С. Лавров" in merged.aliases["ru"]
    assert get(store, uid).speaker == "Sergey Lavrov"
    assert load_gazetteer(store).resolve_name("С. Лавров").key == "sergey-lavrov"  # type: ignore[union-attr]
    actors.unmerge(store, merge)
    assert actors.get(store, twin.id) == twin
    assert lavrov(store) == kept
    assert get(store, uid).speaker == "S. Lavrov"
    assert store.conn.execute("SELECT actor_id FROM statements WHERE uid = ?", (uid,)).fetchone()[0] == twin.id


def test_issues_added_renamed_merged_and_unmerged(store: Store) -> None:
    new = issue_editing.add(store, {"en": "Border crossings", "ru": "Пограничные переходы", "ja": "国境通過"},
                            "Crossing points", {"ru": ["погранпереход"], "ja": ["国境"]})  # fmt: skip
    assert new.slug == "border_crossings" and new.title == "Border crossings"
    assert issue_editing.add(store, {"ja": "査証"}).slug == "issue"
    uid = add(store, NewStatement("Taro Kono", "japan", new.slug, PartialDate(2018, 1, 15), "国境の通過"))
    renamed = issue_editing.update(store, new.slug, titles={"en": "Border points", "ru": "Погранпункты"})
    assert renamed.title == "Border points" and renamed.slug == new.slug
    visas = issue_editing.get(store, "visas_exchanges")
    merge = issue_editing.merge(store, new.slug, "visas_exchanges")
    assert get(store, uid).issue == "visas_exchanges"
    assert "погранпереход" in issue_editing.get(store, "visas_exchanges").keywords["ru"]
    assert issue_editing.get(store, new.slug).retired
    issue_editing.unmerge(store, merge)
    assert get(store, uid).issue == new.slug
    assert issue_editing.get(store, "visas_exchanges") == visas
    assert not issue_editing.get(store, new.slug).retired
    with pytest.raises(ValidationError, match="merge it"):
        issue_editing.remove(store, new.slug)
