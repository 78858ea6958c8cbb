"""Statement tables: columns, row validation, row numbers in messages, one day-first decision per table."""

from __future__ import annotations

import json

import pytest

from db.ingest.errors import IngestError
from db.ingest.tables import parse_table
from db.partial_date import PartialDate

HEADER = "speaker,side,issue,date,quote"


def test_csv_rows_are_validated_and_typed() -> None:
    text = (
        "Speaker,Side,Issue,Date,Quote,Kind,Outlet,Date Precision,Extra\n"
        'Sergey Lavrov,Russia,peace_treaty,2017-03-20,"We are ready, he said.",direct_quote,TASS,,x\n'
        "Taro Kono,japan,territorial_dispute,18.03.2017,Переговоры продолжатся.,,,month,\n"
    )
    rows = parse_table(text, "csv")
    assert len(rows) == 2
    first, second = rows
    assert first["speaker"] == first["speaker_as_written"] == "Sergey Lavrov"
    assert first["side"] == "russia"
    assert first["date"] == PartialDate(2017, 3, 20) and first["date_precision"] == "day"
    assert first["quote"] == "We are ready, he said."
    assert first["kind"] == "direct_quote" and first["outlet"] == "TASS" and first["language"] == "en"
    assert "extra" not in first
    assert (first["row"], second["row"]) == (2, 3)
    assert second["date"] == PartialDate(2017, 3) and second["date_precision"] == "month"
    assert second["kind"] == "reported" and second["language"] == "ru" and second["outlet"] is None


def test_missing_columns_are_named() -> None:
    with pytest.raises(IngestError) as caught:
        parse_table("speaker,side,issue\nLavrov,russia,other\n", "csv", "statements.csv")
    assert str(caught.value) == "statements.csv: missing required columns: date, quote"


def test_bad_date_names_row_and_value() -> None:
    text = f"{HEADER}\nLavrov,russia,other,2017-03-20,Fine.\nKono,japan,other,31.02.2017,Bad day.\n"
    with pytest.raises(IngestError) as caught:
        parse_table(text, "csv", "/tmp/article.csv")
    assert str(caught.value) == "article.csv: row 3: bad date '31.02.2017'"
    assert caught.value.row == 3


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Lavrov,,other,2017,Text", "row 2: empty side"),
        ("Lavrov,russia,,2017,Text", "row 2: empty issue"),
        ("Lavrov,russia,other,2017,", "row 2: empty quote"),
        ("Lavrov,Russian Federation,other,2017,Text", "row 2: bad side 'russian federation'"),
        ("Lavrov,russia,other,,Text", "row 2: empty date"),
        ("Lavrov,russia,other,2017,Text,extra", "row 2: 6 cells"),
    ],
)
def test_bad_rows(row: str, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        parse_table(f"{HEADER}\n{row}\n", "csv")


def test_semicolons_tabs_and_multiline_cells() -> None:
    assert parse_table("speaker;side;issue;date;quote\nA;russia;other;2017;Q\n", "csv")[0]["speaker"] == "A"
    assert parse_table("speaker\tside\tissue\tdate\tquote\nA\trussia\tother\t2017\tQ\n", "csv")[0]["quote"] == "Q"
    text = f'{HEADER}\nA,russia,other,2017,"line one\nline two"\nB,japan,other,bad,Q\n'
    with pytest.raises(IngestError, match="row 3: bad date 'bad'"):
        parse_table(text, "csv")


def test_day_first_is_decided_once_per_table() -> None:
    text = f"{HEADER}\nA,russia,other,03/06/2017,Q\nB,japan,other,25/12/2017,Q\n"
    assert [r["date"].iso() for r in parse_table(text, "csv")] == ["2017-06-03", "2017-12-25"]
    text = f"{HEADER}\nA,russia,other,03/06/2017,Q\nB,japan,other,12/25/2017,Q\n"
    assert [r["date"].iso() for r in parse_table(text, "csv")] == ["2017-03-06", "2017-12-25"]


def test_json_list_object_and_lines() -> None:
    row = {"speaker": "Kono", "side": "japan", "issue": "other", "date": "2017年3月18日", "quote": "協議を続ける。"}
    for text in (json.dumps([row]), json.dumps({"statements": [row]}), json.dumps(row) + "\n" + json.dumps(row)):
        rows = parse_table(text, "json")
        assert rows[0]["date"] == PartialDate(2017, 3, 18) and rows[0]["language"] == "ja"
    bad = json.dumps(row) + "\n" + json.dumps({**row, "date": "someday"})
    with pytest.raises(IngestError, match="row 2: bad date 'someday'"):
        parse_table(bad, "json")
    with pytest.raises(IngestError, match="line 2: not valid JSON"):
        parse_table(json.dumps(row) + "\n{broken", "json")
    with pytest.raises(IngestError, match="row 1: expected an object"):
        parse_table("[1, 2]", "json")


def test_empty_table() -> None:
    with pytest.raises(IngestError, match="no statements"):
        parse_table(HEADER + "\n", "csv")
