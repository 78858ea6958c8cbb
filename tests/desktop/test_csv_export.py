"""Issue 12, item 3: a CSV export never carries a live spreadsheet formula, and the database keeps the text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from db import annotations, statements
from db.partial_date import PartialDate
from db.statements import NewStatement
from db.store import Store
from desktop.cli import main

FORMULAS = [
    '=HYPERLINK("http://example.com/x","Курилы")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        for number, text in enumerate(FORMULAS, 1):
            uid = statements.add(store, NewStatement(
                speaker=text, side="japan", issue="peace_treaty", said_on=PartialDate(2017, 1, number),
                quote=f"{text} 北方領土", reviewed=True))  # fmt: skip
            annotations.add(store, uid, "a note", text)
    return db_path


def export(capsys: pytest.CaptureFixture[str], db: Path, fmt: str) -> str:
    assert main(["statements", "--db", str(db), "--format", fmt]) == 0
    return capsys.readouterr().out


def test_no_cell_starts_a_formula(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(export(capsys, db, "csv"), newline="")))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    # The store trims the leading tab and carriage return, which leaves "=1+1": neutralised all the same.
    stored = [text.strip() for text in FORMULAS]
    assert sorted(row["quote"] for row in rows) == sorted(f"'{text} 北方領土" for text in stored)
    assert sorted(row["speaker"] for row in rows) == sorted(f"'{text}" for text in stored)
    assert sorted(row["annotations"] for row in rows) == sorted(f"'{text}: a note" for text in stored)


def test_the_database_and_jsonl_keep_the_text_as_it_was(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [json.loads(line) for line in export(capsys, db, "jsonl").splitlines()]
    stored = [text.strip() for text in FORMULAS]
    assert sorted(r["speaker"] for r in records) == sorted(stored)
    with Store.open(db, create=False) as store:
        quotes = [row[0] for row in store.conn.execute("SELECT quote FROM statements")]
    assert sorted(quotes) == sorted(f"{text} 北方領土" for text in stored)


def test_dates_and_plain_text_are_not_touched(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(export(capsys, db, "csv"), newline="")))
    assert sorted(row["said_on"] for row in rows)[0] == "2017-01-01"
    assert {row["side"] for row in rows} == {"japan"}
