"""The sheet's content, gathered without Qt: rows by bucket, one column per side, notes, sources, summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from db import annotations, sample, statement_merge, statements
from db.errors import ValidationError
from db.partial_date import PartialDate
from db.statements import NewStatement
from db.store import Store
from desktop.buckets import UNDATED
from desktop.printing.sheet_data import SheetOptions, build_book, build_sheet

PROJECT_ROOT_HINT = str(Path(__file__).resolve().parents[2])  # for subprocesses that import the project
ISSUE = "joint_economic_activity"
RU_QUOTE = "Мы готовы к совместной хозяйственной деятельности на островах, но только по российскому законодательству."
JA_QUOTE = "北方四島における共同経済活動は、日本の法的立場を害さない形で行われなければならない。"
MARKUP_QUOTE = 'We said <b>no</b> & <img src="file:///etc/passwd"> meant it.'
RU_NOTE = "Позиция изменилась после визита в Токио."
JA_NOTE = "立場が変わった。要確認。"


@dataclass
class PrintDb:
    path: Path
    ru_uid: str
    ja_uid: str
    markup_uid: str


def fill_print_db(path: Path) -> PrintDb:
    """The bundled sample plus our own Russian, Japanese and markup statements with annotations."""
    with Store.open(path) as store:
        sample.fill(store)
        ru = statements.add(store, NewStatement(
            speaker="Сергей Лавров", side="russia", issue=ISSUE, said_on=PartialDate(2017, 3, 20), quote=RU_QUOTE,
            kind="direct_quote", language="ru", reviewed=True))  # fmt: skip
        ja = statements.add(store, NewStatement(
            speaker="岸田文雄", side="japan", issue=ISSUE, said_on=PartialDate(2017, 3, 20), quote=JA_QUOTE,
            kind="direct_quote", language="ja", reviewed=True))  # fmt: skip
        markup = statements.add(store, NewStatement(
            speaker="Taro Kono", side="japan", issue=ISSUE, said_on=PartialDate(2017, 11, 24), quote=MARKUP_QUOTE,
            kind="direct_quote", reviewed=True))  # fmt: skip
        statements.add(store, NewStatement(
            speaker="Taro Kono", side="japan", issue=ISSUE, said_on=PartialDate(2017, 11, 25),
            quote="An unreviewed import that must stay off the sheet by default.", reviewed=False))  # fmt: skip
        annotations.add(store, ru, RU_NOTE, "Анна", kind="shift")
        annotations.add(store, ja, JA_NOTE, "anna")
        annotations.add(store, markup, "<i>not italic</i> & plain", "anna")
    return PrintDb(path, ru, ja, markup)


@pytest.fixture
def print_db(db_path: Path) -> PrintDb:
    return fill_print_db(db_path)


@pytest.fixture
def store(print_db: PrintDb) -> Iterator[Store]:
    with Store.open(print_db.path) as opened:
        yield opened


def all_statements(sheet):  # type: ignore[no-untyped-def]
    return [st for row in sheet.rows for cell in row.cells for st in cell]


def test_rows_by_month_with_one_column_per_side(store: Store) -> None:
    sheet = build_sheet(store, ISSUE, SheetOptions())
    assert [side.slug for side in sheet.sides] == ["russia", "japan"]
    assert [row.key for row in sheet.rows] == sorted(row.key for row in sheet.rows)
    march = next(row for row in sheet.rows if row.key == "2017-03")
    assert march.label == "March 2017"
    assert RU_QUOTE in [st.quote for st in march.cells[0]]
    assert JA_QUOTE in [st.quote for st in march.cells[1]]
    counted = {s.side.slug: s.count for s in sheet.summary}
    assert counted["russia"] == sum(len(row.cells[0]) for row in sheet.rows)
    assert counted["japan"] == sum(len(row.cells[1]) for row in sheet.rows)
    assert sheet.without_side > 0  # the sample has media statements on this issue; they are not in a column


def test_unreviewed_left_out_unless_asked(store: Store) -> None:
    quotes = [st.quote for st in all_statements(build_sheet(store, ISSUE, SheetOptions()))]
    assert not any("unreviewed import" in q for q in quotes)
    included = all_statements(build_sheet(store, ISSUE, SheetOptions(include_unreviewed=True)))
    assert [st.reviewed for st in included if "unreviewed import" in st.quote] == [False]


def test_the_sheet_counts_the_unreviewed_statements_it_leaves_out(store: Store) -> None:
    assert build_sheet(store, ISSUE, SheetOptions()).unreviewed_left_out == 1
    assert build_sheet(store, ISSUE, SheetOptions(sides=("russia",))).unreviewed_left_out == 0  # only its columns
    assert build_sheet(store, ISSUE, SheetOptions(include_unreviewed=True)).unreviewed_left_out == 0


def test_a_merged_statement_cites_every_outlet_that_reported_it(store: Store, print_db: PrintDb) -> None:
    twin = statements.add(store, NewStatement(
        speaker="Сергей Лавров", side="russia", issue=ISSUE, said_on=PartialDate(2017, 3, 21),
        quote=RU_QUOTE[:60], language="ru", reviewed=True), _source(store, "ТАСС"))  # fmt: skip
    statement_merge.merge(store, print_db.ru_uid, [twin])
    sheet = build_sheet(store, ISSUE, SheetOptions())
    merged = next(st for st in all_statements(sheet) if st.uid == print_db.ru_uid)
    (number,) = merged.more_source_numbers
    assert sheet.sources[number - 1].outlet == "ТАСС"


def _source(store: Store, outlet: str) -> int:
    with store.transaction():
        cursor = store.conn.execute(
            "INSERT INTO sources (uid, sha256, title, outlet, published, language, text, imported_at)"
            " VALUES ('tass-1', 'tass-1', 'Лавров о деятельности', ?, '2017-03-21', 'ru', '', '2017-03-21T00:00:00Z')",
            (outlet,),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def test_notes_numbered_in_order_and_shifts_summarised(store: Store, print_db: PrintDb) -> None:
    sheet = build_sheet(store, ISSUE, SheetOptions())
    assert [n.number for n in sheet.notes] == list(range(1, len(sheet.notes) + 1))
    by_uid = {st.uid: st for st in all_statements(sheet)}
    assert [n.body for n in by_uid[print_db.ru_uid].notes] == [RU_NOTE]
    assert by_uid[print_db.ru_uid].notes[0].kind == "shift"
    assert [(s.side_name, s.speaker, s.note) for s in sheet.shifts] == [("Russia", "Сергей Лавров", RU_NOTE)]
    without = build_sheet(store, ISSUE, SheetOptions(include_annotations=False))
    assert not without.notes and all(not st.notes for st in all_statements(without))
    assert len(without.shifts) == 1  # the summary still says where a position shifted


def test_sources_numbered_once_and_cited(store: Store) -> None:
    sheet = build_sheet(store, ISSUE, SheetOptions())
    assert [s.number for s in sheet.sources] == list(range(1, len(sheet.sources) + 1))
    cited = {st.source_number for st in all_statements(sheet)} - {None}
    assert cited == {s.number for s in sheet.sources}
    assert all(s.citation() for s in sheet.sources)


@pytest.mark.parametrize(
    "granularity, key, label",
    [("day", "2017-03-20", "20 Mar 2017"), ("quarter", "2017-Q1", "Q1 2017"), ("year", "2017", "2017")],
)
def test_granularity(store: Store, granularity: str, key: str, label: str) -> None:
    sheet = build_sheet(store, ISSUE, SheetOptions(granularity=granularity))
    row = next(row for row in sheet.rows if row.key == key)
    assert row.label == label
    assert any(st.quote == RU_QUOTE for st in row.cells[0])


def test_date_range_and_chosen_sides(store: Store) -> None:
    sheet = build_sheet(store, ISSUE, SheetOptions(date_from="2017-03-01", date_to="2017-03-31", sides=("japan",)))
    assert [s.slug for s in sheet.sides] == ["japan"]
    assert {row.key for row in sheet.rows} == {"2017-03"}
    assert all(len(row.cells) == 1 for row in sheet.rows)
    assert sheet.date_range_label() == "2017-03-01 to 2017-03-31"
    with pytest.raises(ValidationError, match="no side 'mars'"):
        build_sheet(store, ISSUE, SheetOptions(sides=("mars",)))


def test_issue_without_statements_is_an_empty_sheet(store: Store) -> None:
    sheet = build_sheet(store, "fisheries", SheetOptions())
    assert sheet.rows == [] and sheet.statement_count == 0
    assert all(s.latest is None for s in sheet.summary)


def test_book_keeps_order_drops_duplicates_and_shares_the_time(store: Store) -> None:
    moment = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    book = build_book(store, ["north_korea", ISSUE, "north_korea"], SheetOptions(), now=moment)
    assert [s.issue_slug for s in book] == ["north_korea", ISSUE]
    assert {s.generated_at for s in book} == {moment}
    assert book[0].database_name == store.path.name


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError):
        SheetOptions(granularity="week")
    with pytest.raises(ValueError):
        SheetOptions(paper="a3")


UNDATED_RU = "Позиция России по островам не изменилась, заявил министр."
UNDATED_JA = "政府は北方領土の返還を求める立場を維持すると述べた。"


def add_undated(store: Store) -> None:
    for speaker, side, quote, language in (("Сергей Лавров", "russia", UNDATED_RU, "ru"),
                                           ("林芳正", "japan", UNDATED_JA, "ja")):  # fmt: skip
        statements.add(store, NewStatement(speaker=speaker, side=side, issue=ISSUE, said_on=None, quote=quote,
                                           language=language, date_basis="unknown", reviewed=True))  # fmt: skip


def test_statements_of_unknown_date_are_the_last_row_and_never_the_latest(store: Store) -> None:
    add_undated(store)
    sheet = build_sheet(store, ISSUE, SheetOptions())
    assert sheet.rows[-1].key == UNDATED and sheet.undated_row is sheet.rows[-1]
    assert [[st.quote for st in cell] for cell in sheet.undated_row.cells] == [[UNDATED_RU], [UNDATED_JA]]
    assert {st.date_label for cell in sheet.undated_row.cells for st in cell} == {"date unknown"}
    assert UNDATED not in [row.key for row in sheet.dated_rows]
    assert all(side.latest is not None and side.latest.date_label != "date unknown" for side in sheet.summary)
    ranged = build_sheet(store, ISSUE, SheetOptions(date_from="2017-01-01", date_to="2017-12-31"))
    assert ranged.undated_row is None  # a date range leaves unknown dates out
