"""Search must find what a diplomat types, in English, Russian and Japanese."""

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from db import annotations, sample, search, statements
from db.partial_date import PartialDate
from db.statements import NewStatement
from db.store import Store


def add(store: Store, quote: str, side: str = "japan") -> str:
    return statements.add(
        store,
        NewStatement(speaker="Taro Kono", side=side, issue="peace_treaty", said_on=PartialDate(2017, 11), quote=quote),
    )


def found(store: Store, query: str) -> list[str]:
    return [hit.text for hit in search.search(store, query)]


def test_english_words_in_any_case(store: Store) -> None:
    add(store, "Japan protested the deployment of missiles on the Kuril Islands.")
    add(store, "Talks on the peace treaty will continue.")
    assert found(store, "kuril") == ["Japan protested the deployment of missiles on the Kuril Islands."]
    assert found(store, "PEACE treaty") == ["Talks on the peace treaty will continue."]
    assert found(store, "weather") == []


def test_russian_stem_finds_inflected_forms(store: Store) -> None:
    add(store, "Лавров заявил, что острова принадлежат России.", side="russia")
    add(store, "Речь шла об острове Итуруп.", side="russia")
    assert len(found(store, "остров")) == 2
    assert len(found(store, "островами")) == 2  # the query is stemmed too
    assert found(store, "Итуруп") == ["Речь шла об острове Итуруп."]


def test_yo_and_ye_are_the_same_letter(store: Store) -> None:
    add(store, "Вопрос ещё не решён.", side="russia")
    assert found(store, "еще не решен") == ["Вопрос ещё не решён."]
    assert found(store, "ЕЩЁ") == ["Вопрос ещё не решён."]


def test_japanese_words_of_two_and_more_characters(store: Store) -> None:
    add(store, "河野外相は平和条約の締結に向けた交渉を続けると述べた。")
    add(store, "北方領土問題を解決し、日露平和条約")
    add(store, "共同経済活動について協議した。")
    assert len(found(store, "条約")) == 2  # also at the very end of a text
    assert found(store, "領土") == ["北方領土問題を解決し、日露平和条約"]
    assert found(store, "北方領土") == ["北方領土問題を解決し、日露平和条約"]
    assert found(store, "共同経済活動") == ["共同経済活動について協議した。"]
    assert found(store, "条約 交渉") == ["河野外相は平和条約の締結に向けた交渉を続けると述べた。"]
    assert found(store, "漁業") == []


def test_full_width_and_half_width_forms_match(store: Store) -> None:
    add(store, "THAAD and Aegis Ashore")
    add(store, "ﾐｻｲﾙ防衛")
    assert found(store, "ＴＨＡＡＤ") == ["THAAD and Aegis Ashore"]
    assert found(store, "ミサイル") == ["ミサイル防衛"]  # stored in its folded form
    assert found(store, "ﾐｻｲﾙ") == ["ミサイル防衛"]


def test_annotations_are_searched_and_lead_to_their_statement(store: Store) -> None:
    uid = add(store, "Japan will not recognise the deployment.")
    annotations.add(store, uid, "Сравнить с заявлением МИД от марта: позиция ужесточилась", "anna")
    hits = search.search(store, "позиция")
    assert [(h.matched_in, h.statement.uid) for h in hits] == [("annotation", uid)]


def test_highlight_spans_point_at_the_matching_text() -> None:
    text = "Ещё раз о平和条約"
    spans = search.highlight_spans(text, search.query_terms("еще 条約"))
    assert [text[a:b] for a, b in spans] == ["Ещё", "条約"]


def test_sqlite_utils_command_line_tool_searches_a_sample_database(tmp_path: Path) -> None:
    db_file = tmp_path / "sample.sqlite"
    with Store.open(db_file) as store:
        sample.fill(store)
    tool = shutil.which("sqlite-utils")
    command = [tool] if tool else [sys.executable, "-m", "sqlite_utils"]
    result = subprocess.run(
        [*command, "search", str(db_file), "statements", "Kuril", "--csv"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) >= 3
    assert all("kuril" in row["quote"].lower() for row in rows)


@pytest.mark.parametrize("query", ["", "   ", '""', "«»"])
def test_empty_queries_find_nothing_without_error(store: Store, query: str) -> None:
    add(store, "anything")
    assert search.search(store, query) == []


def test_fts_special_characters_are_taken_literally(store: Store) -> None:
    add(store, 'He said "2+2" talks (NEAR) AND OR NOT* are fine')
    assert len(found(store, '2+2 (NEAR) NOT* "AND OR"')) == 1
