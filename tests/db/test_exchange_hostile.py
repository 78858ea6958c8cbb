"""Issue 12, item 4: exchange files that would rewrite meaning. A statement that reads differently here is a
reported conflict with both versions kept; sides and issues are validated slugs; new sides only when agreed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import annotation_exchange, annotations, sample, statements
from db.annotation_exchange_format import ExchangeFileError
from db.exchange_conflicts import CONFLICT_TAG, NewSidesError
from db.statements import StatementFilter
from db.store import Store
from tests.conftest import database_dump
from tests.db.test_annotation_exchange import copy_database


@pytest.fixture
def anna(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "anna.sqlite") as store:
        sample.fill(store)
        yield store


@pytest.fixture
def boris(anna: Store, tmp_path: Path) -> Iterator[Store]:
    with copy_database(anna, tmp_path / "boris.sqlite") as store:
        yield store


def first_uid(store: Store) -> str:
    return next(iter(statements.iterate(store, StatementFilter()))).uid


def test_a_statement_that_reads_differently_is_a_conflict_with_both_versions_kept(
    anna: Store, boris: Store, tmp_path: Path
) -> None:
    uid = first_uid(anna)
    ours = statements.get(boris, uid)
    statements.update(anna, uid, quote="Россия никогда не вернёт острова. 返還しない。")
    note = annotations.add(anna, uid, "A hardening of the position", "anna", kind="shift")
    path = tmp_path / "from-anna.json"
    annotation_exchange.export_to_file(anna, path, exported_by="anna")

    report = annotation_exchange.import_file(boris, path)
    assert [(c.statement_uid, c.fields, c.new) for c in report.conflicts] == [(uid, ("quote",), True)]
    assert statements.get(boris, uid).quote == ours.quote  # ours is not overwritten
    kept = [n for n in annotations.for_statement(boris, ours.id) if CONFLICT_TAG in n.tags]
    assert len(kept) == 1
    assert kept[0].author == "anna"
    assert "Quote: Россия никогда не вернёт острова. 返還しない。" in kept[0].body
    assert "from the exchange file from-anna.json (exported by anna on " in kept[0].body
    assert annotations.get(boris, note.uid).statement_uid == uid  # her note arrives, beside her version
    assert any("read differently here and in the file" in line for line in report.lines())

    state = database_dump(boris.path)
    again = annotation_exchange.import_file(boris, path)
    assert not again.changed and [c.new for c in again.conflicts] == [False]
    assert database_dump(boris.path) == state


def test_a_differing_date_side_or_issue_is_a_conflict_too(anna: Store, boris: Store, tmp_path: Path) -> None:
    uid = first_uid(anna)
    annotations.add(anna, uid, "note", "anna")
    document = annotation_exchange.build_exchange(anna)
    record = document["statements"][0]
    record.update(said_on="1999-01-01", issue="fisheries", issue_title="Fisheries")
    report = annotation_exchange.import_text(boris, json.dumps(document))
    assert report.conflicts[0].fields == ("issue", "said_on")
    body = next(n.body for n in annotations.for_statement(boris, statements.get(boris, uid).id)
                if CONFLICT_TAG in n.tags)  # fmt: skip
    assert "Issue: Fisheries" in body and "Date: 1999-01-01" in body and "Quote:" not in body


@pytest.mark.parametrize(("key", "value"), [("side", "../../root"), ("issue", "Peace Treaty"),
                                            ("side", "Россия"), ("issue", "x" * 65), ("side", "-japan")])  # fmt: skip
def test_bad_slugs_are_refused_and_nothing_changes(anna: Store, tmp_path: Path, key: str, value: str) -> None:
    annotations.add(anna, first_uid(anna), "note", "anna")
    document = annotation_exchange.build_exchange(anna)
    document["statements"][0][key] = value
    document["statements"][0]["uid"] = document["annotations"][0]["statement_uid"] = "new-statement"
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        before = database_dump(fresh.path)
        with pytest.raises(ExchangeFileError, match=rf"statements\[0\]\.{key}: .* is not a valid {key}"):
            annotation_exchange.import_text(fresh, json.dumps(document), allow_new_sides=True)
        assert database_dump(fresh.path) == before


def test_an_unknown_side_is_refused_unless_agreed(anna: Store, tmp_path: Path) -> None:
    annotations.add(anna, first_uid(anna), "note", "anna")
    document = annotation_exchange.build_exchange(anna)
    document["statements"][0].update(side="korea", side_name="Republic of Korea", uid="new-statement")
    document["annotations"][0]["statement_uid"] = "new-statement"
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        before = database_dump(fresh.path)
        with pytest.raises(NewSidesError) as caught:
            annotation_exchange.import_text(fresh, json.dumps(document))
        assert caught.value.sides == [("korea", "Republic of Korea")]
        assert "Republic of Korea (korea)" in str(caught.value) and "nothing was imported" in str(caught.value)
        assert database_dump(fresh.path) == before
        report = annotation_exchange.import_text(fresh, json.dumps(document), allow_new_sides=True)
        assert report.sides_added == ["korea"]
        assert statements.get(fresh, "new-statement").side == "korea"


def test_exported_by_of_the_wrong_shape_is_refused(anna: Store, tmp_path: Path) -> None:
    document = annotation_exchange.build_exchange(anna)
    document["exported_by"] = {"name": "x"}
    with Store.open(tmp_path / "fresh.sqlite") as fresh, pytest.raises(ExchangeFileError, match="exported_by"):
        annotation_exchange.import_text(fresh, json.dumps(document))


def test_text_that_differs_only_in_unicode_form_is_no_conflict(anna: Store, tmp_path: Path) -> None:
    """Found by hypothesis: 豈 (U+F900) and full-width letters are stored normalised; the same text in another
    form must not be reported as a conflict on the second import."""
    annotations.add(anna, first_uid(anna), "note", "anna")
    document = annotation_exchange.build_exchange(anna)
    document["statements"][0].update(uid="new-statement", quote="豈 ＴＨＡＡＤ")
    document["annotations"][0]["statement_uid"] = "new-statement"
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        annotation_exchange.import_text(fresh, json.dumps(document), allow_new_sides=True)
        state = database_dump(fresh.path)
        again = annotation_exchange.import_text(fresh, json.dumps(document), allow_new_sides=True)
        assert again.conflicts == [] and not again.changed
        assert database_dump(fresh.path) == state
