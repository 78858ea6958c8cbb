"""Annotation exchange stays true when statements were merged on either side: notes find their statement, merged
statements are not brought back as duplicates, and a statement with several sources travels with all of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db import annotation_exchange, annotations, statement_merge, statements
from db.statements import StatementFilter
from db.store import Store
from tests.db.test_annotation_exchange import copy_database
from tests.db.test_statement_merge import add_source, lavrov_says


@pytest.fixture
def anna(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "anna.sqlite") as store:
        yield store


def reports(store: Store) -> tuple[str, str]:
    tass, ria = add_source(store, "ТАСС 1", "ТАСС"), add_source(store, "РИА 1", "РИА Новости")
    return (lavrov_says(store, "Москва не намерена передавать острова Японии.", 14, tass),
            lavrov_says(store, "Москва не намерена передавать Японии острова", 15, ria))  # fmt: skip


def exchange(sender: Store, receiver: Store, folder: Path) -> annotation_exchange.ImportReport:
    path = folder / "exchange.json"
    annotation_exchange.export_to_file(sender, path)
    return annotation_exchange.import_file(receiver, path)


def uids(store: Store) -> set[str]:
    return {s.uid for s in statements.iterate(store, StatementFilter())}


def test_a_colleagues_note_on_a_statement_merged_here_lands_on_the_kept_one(anna: Store, tmp_path: Path) -> None:
    tass, ria = reports(anna)
    with copy_database(anna, tmp_path / "boris.sqlite") as boris:
        note = annotations.add(boris, ria, "Сказано на пресс-конференции", "boris")
        statement_merge.merge(anna, tass, [ria])
        report = exchange(boris, anna, tmp_path)
        assert report.added == [note.uid] and report.statements_added == []
        assert uids(anna) == {tass}  # the merged statement did not come back
        assert [n.uid for n in annotations.for_statement_uid(anna, tass)] == [note.uid]
        annotations.edit(boris, note.uid, body="Сказано на пресс-конференции в Токио")
        report = exchange(boris, anna, tmp_path)
        assert report.updated == [note.uid] and annotations.get(anna, note.uid).statement_uid == tass


def test_notes_on_a_statement_merged_there_find_the_one_kept_apart_here(anna: Store, tmp_path: Path) -> None:
    tass, ria = reports(anna)
    with copy_database(anna, tmp_path / "boris.sqlite") as boris:
        with anna.transaction():  # Anna never had TASS's report: only RIA's
            anna.conn.execute("DELETE FROM statements WHERE uid = ?", (tass,))
        note = annotations.add(boris, ria, "Ключевая фраза", "boris")
        statement_merge.merge(boris, tass, [ria])  # the note moves to TASS's statement on Boris's side
        report = exchange(boris, anna, tmp_path)
        assert report.added == [note.uid] and report.statements_added == []
        assert annotations.get(anna, note.uid).statement_uid == ria


def test_a_statement_with_several_sources_travels_with_all_of_them(anna: Store, tmp_path: Path) -> None:
    tass, ria = reports(anna)
    statement_merge.merge(anna, tass, [ria])
    annotations.add(anna, tass, "Две агентства, одна фраза", "anna")
    with Store.open(tmp_path / "empty.sqlite") as empty:
        report = exchange(anna, empty, tmp_path)
        assert report.statements_added == [tass]
        (brought,) = statements.iterate(empty, StatementFilter())
        assert brought.more_sources == 1
        (more,) = statement_merge.more_sources(empty, brought.id)
        assert (more.source.outlet, more.quote) == ("РИА Новости", "Москва не намерена передавать Японии острова")  # type: ignore[union-attr]
