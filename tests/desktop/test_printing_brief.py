"""The brief on paper and in Word: each side's position summary first, what changed, open follow-ups with due
dates (overdue marked), in the same order in the PDF and the .docx, both built from sheet_text's blocks."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from db import annotations, issue_reviews, statements, summaries
from db.statements import NewStatement
from db.store import Store
from desktop.printing.output import ensure_gui_application, write_pdf
from desktop.printing.sheet_data import SheetOptions, build_book, build_sheet
from desktop.printing.sheet_docx import write_docx, xml_safe
from desktop.printing.sheet_text import Heading, Para, sheet_blocks
from tests.desktop.test_printing_pdf import pdf_pages, squash
from tests.desktop.test_printing_sheet_data import (
    ISSUE,
    JA_QUOTE,
    PROJECT_ROOT_HINT,
    RU_QUOTE,
    PrintDb,
    fill_print_db,
)

RU_SUMMARY = "Россия: совместная деятельность только по российским законам."
JA_SUMMARY = "日本：法的立場を害さない特別な制度が前提。"
OVERDUE_TASK = "Ask the embassy about the legal framework"
LATER_TASK = "次回会合で確認する"
NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def brief_db(db_path: Path) -> PrintDb:
    """The printing fixture plus summaries, follow-ups and a review with something new after it."""
    ensure_gui_application()
    db = fill_print_db(db_path)
    with Store.open(db.path) as store:
        issue_reviews.mark_reviewed(store, ISSUE, "anna", at="2000-01-01T00:00:00.000000Z")
        summaries.write(store, ISSUE, "russia", RU_SUMMARY, "anna", [db.ru_uid])
        summaries.write(store, ISSUE, "japan", JA_SUMMARY, "anna", [db.ja_uid, db.markup_uid])
        annotations.add(store, db.ru_uid, OVERDUE_TASK, "anna", kind="follow_up", due_on="2026-02-01")
        annotations.add(store, db.ja_uid, LATER_TASK, "anna", kind="follow_up", due_on="2026-04-01")
    return db


def brief(db: PrintDb, **options: object) -> list:  # type: ignore[type-arg]
    with Store.open(db.path) as store:
        return build_book(store, [ISSUE], SheetOptions(**options), now=NOW)  # type: ignore[arg-type]


def test_summaries_come_first_with_the_dates_they_rest_on(brief_db: PrintDb) -> None:
    sheet = brief(brief_db)[0]
    by_side = {s.side.slug: s for s in sheet.summary}
    assert by_side["russia"].position is not None and by_side["russia"].position.body == RU_SUMMARY
    assert [r.date_label for r in by_side["russia"].position.rests_on] == ["20 Mar 2017"]
    assert [r.date_label for r in by_side["japan"].position.rests_on] == ["20 Mar 2017", "24 Nov 2017"]
    texts = [b.text for b in sheet_blocks(sheet) if isinstance(b, Heading | Para)]
    summary_at = texts.index("Summary")
    assert texts.index(RU_SUMMARY) == summary_at + 2 and texts.index(JA_SUMMARY) < texts.index("Comparison")
    basis = next(t for t in texts if t.startswith("Written by anna") and "Nov 2017" in t)
    assert "20 Mar 2017 (岸田文雄), 24 Nov 2017 (Taro Kono)" in basis


def test_without_a_summary_the_latest_statement_stands_for_the_side(brief_db: PrintDb) -> None:
    with Store.open(brief_db.path) as store:
        summaries.withdraw(store, ISSUE, "russia")
        sheet = build_sheet(store, ISSUE, SheetOptions(), now=NOW)
    russia = next(s for s in sheet.summary if s.side.slug == "russia")
    assert russia.position is None and russia.latest is not None
    line = next(b.text for b in sheet_blocks(sheet) if isinstance(b, Para) and b.text.startswith("Russia:"))
    assert "latest" in line and russia.latest.quote[:20] in line


def test_changes_since_the_last_review_and_never_reviewed(brief_db: PrintDb) -> None:
    sheet = brief(brief_db, since_last_review=True)[0]
    assert sheet.changes is not None and sheet.changes.since == "2000-01-01T00:00:00.000000Z"
    assert sheet.changes.new_count >= 3 and any(line.text == RU_QUOTE for line in sheet.changes.new_statements)
    assert [line.speaker for line in sheet.changes.shifts] == ["Сергей Лавров"]
    kinds = {line.kind for line in sheet.changes.annotations}
    assert {"summary", "follow_up", "note"} <= kinds
    with Store.open(brief_db.path) as store:
        never = build_sheet(store, "north_korea", SheetOptions(since_last_review=True), now=NOW)
    assert never.changes is not None and never.changes.since is None
    texts = [b.text for b in sheet_blocks(never) if isinstance(b, Para)]
    assert any("has not been marked as reviewed" in t for t in texts)
    assert brief(brief_db, changes_since="2999-01-01T00:00:00.000000Z")[0].changes.new_count == 0  # type: ignore[union-attr]


def test_open_follow_ups_with_due_dates_overdue_marked(brief_db: PrintDb) -> None:
    sheet = brief(brief_db)[0]
    assert [(t.body, t.overdue) for t in sheet.follow_ups] == [(OVERDUE_TASK, True), (LATER_TASK, False)]
    lines = [b.text for b in sheet_blocks(sheet) if isinstance(b, Para)]
    overdue = next(t for t in lines if OVERDUE_TASK in t and t.startswith("\u2022"))
    assert overdue.startswith("\u2022 due 1 Feb 2026 \u00b7 OVERDUE")
    later = next(t for t in lines if LATER_TASK in t and t.startswith("\u2022"))
    assert "due 1 Apr 2026" in later and "OVERDUE" not in later
    note = next(n for n in sheet.notes if n.body == OVERDUE_TASK)
    assert note.overdue and note.due_on == "2026-02-01"


def markers(brief_db: PrintDb) -> list[str]:
    """Texts that must appear, in this order, in both outputs."""
    return ["COMPARISON SHEET", "Summary", RU_SUMMARY, JA_SUMMARY, "Changes since", "Open follow-ups",
            OVERDUE_TASK, "Comparison", RU_QUOTE, "Sources"]  # fmt: skip


def in_order(text: str, wanted: list[str]) -> list[int]:
    places, start = [], 0
    for item in wanted:
        at = text.find(squash(item), start)
        assert at >= 0, f"{item!r} missing or out of order"
        places.append(at)
        start = at
    return places


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag.endswith("}p") or child.tag.endswith("}tbl"):
            parts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
    return "\n".join(parts)


def test_pdf_and_word_say_the_same_in_the_same_order(brief_db: PrintDb, tmp_path: Path) -> None:
    sheets = brief(brief_db, since_last_review=True, marking="RESTRICTED")
    write_pdf(sheets, tmp_path / "brief.pdf")
    write_docx(sheets, tmp_path / "brief.docx")
    pdf = squash("".join(pdf_pages(tmp_path / "brief.pdf")))
    word = squash(docx_text(tmp_path / "brief.docx"))
    in_order(pdf, markers(brief_db))
    in_order(word, markers(brief_db))
    for block in sheet_blocks(sheets[0]):  # every paragraph of the sheet is in the Word document
        if isinstance(block, Para):
            assert squash(xml_safe(block.text)) in word, block.text


def test_word_document_read_back(brief_db: PrintDb, tmp_path: Path) -> None:
    sheets = brief(brief_db, since_last_review=True, marking="RESTRICTED")
    write_docx(sheets, tmp_path / "brief.docx")
    document = docx.Document(str(tmp_path / "brief.docx"))
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Russia", "Japan"]  # the side headers
    cells = "\n".join(cell.text for row in table.rows[1:] for cell in row.cells)
    assert RU_QUOTE in cells and JA_QUOTE in cells
    paragraphs = [p.text for p in document.paragraphs]
    assert RU_SUMMARY in paragraphs and JA_SUMMARY in paragraphs
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Summary", "Shifts in position"]
    assert any(h.startswith("Changes since your last review") for h in headings) and "Open follow-ups" in headings
    assert any(OVERDUE_TASK in p and "OVERDUE" in p for p in paragraphs)
    assert "RESTRICTED" in document.sections[0].header.paragraphs[0].text
    assert "RESTRICTED" in document.sections[0].footer.paragraphs[0].text
    assert not list(tmp_path.glob(".brief.docx.*"))  # no temporary file left behind


def test_word_keeps_imported_markup_and_control_characters_as_plain_text(brief_db: PrintDb, tmp_path: Path) -> None:
    with Store.open(brief_db.path) as store:
        summaries.write(store, ISSUE, "russia", "<b>bold?</b> \x07bell & <w:t>", "anna")
        sheets = build_book(store, [ISSUE], SheetOptions(), now=NOW)
    write_docx(sheets, tmp_path / "brief.docx")
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "brief.docx")).paragraphs]
    assert "<b>bold?</b> bell & <w:t>" in paragraphs


def test_a_briefing_book_in_word(brief_db: PrintDb, tmp_path: Path) -> None:
    with Store.open(brief_db.path) as store:
        sheets = build_book(store, [ISSUE, "north_korea"], SheetOptions(), now=NOW)
    write_docx(sheets, tmp_path / "book.docx")
    document = docx.Document(str(tmp_path / "book.docx"))
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["Briefing book: 2 issues", sheets[0].issue_title, sheets[1].issue_title]
    assert len(document.tables) == 2


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          cwd=PROJECT_ROOT_HINT, timeout=120)  # fmt: skip


def test_command_line_writes_word_and_refuses_both_outputs(brief_db: PrintDb, tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    done = run_cli("print", "--db", str(brief_db.path), "--issue", ISSUE, "--since-last-review", "--docx", str(out))
    assert done.returncode == 0, done.stderr
    assert "Word document" in done.stdout
    assert any(p.text.startswith("Changes since your last review") for p in docx.Document(str(out)).paragraphs)
    both = run_cli("print", "--db", str(brief_db.path), "--issue", ISSUE, "--docx", str(out), "--pdf", "x.pdf")
    assert both.returncode == 2 and "not allowed with" in both.stderr
    bad = run_cli("print", "--db", str(brief_db.path), "--issue", ISSUE, "--changes-since", "soon", "--docx", "x")
    assert bad.returncode == 2 and "not a date" in bad.stderr
    missing = run_cli("print", "--db", str(brief_db.path), "--issue", ISSUE, "--docx", str(tmp_path / "no" / "x.docx"))
    assert missing.returncode == 1 and "cannot write" in missing.stderr


def test_statements_of_unknown_date_close_both_outputs(brief_db: PrintDb, tmp_path: Path) -> None:
    with Store.open(brief_db.path) as store:
        undated = NewStatement(speaker="Мария Захарова", side="russia", issue=ISSUE, said_on=None, reviewed=True,
                               quote="Дата этого заявления неизвестна.", language="ru")  # fmt: skip
        statements.add(store, undated)
        sheets = build_book(store, [ISSUE], SheetOptions(), now=NOW)
    write_pdf(sheets, tmp_path / "brief.pdf")
    write_docx(sheets, tmp_path / "brief.docx")
    wanted = ["Summary", "Comparison", RU_QUOTE, "Date unknown", "Дата этого заявления неизвестна.", "Sources"]
    in_order(squash("".join(pdf_pages(tmp_path / "brief.pdf"))), wanted)
    in_order(squash(docx_text(tmp_path / "brief.docx")), wanted)
    assert len(docx.Document(str(tmp_path / "brief.docx")).tables) == 2  # the dated table, then the undated one
