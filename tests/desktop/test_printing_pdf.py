"""The printed sheet, read back from the PDF with poppler (pdftotext, pdffonts, pdfinfo).

Text is compared after NFKC and without whitespace: lines wrap anywhere in Japanese, and Qt's PDF text map
gives some kanji as their identical-looking Kangxi radical code points (方 as ⽅), which NFKC folds back.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from db import statements
from db.partial_date import PartialDate
from db.statements import NewStatement
from db.store import Store
from desktop.printing.output import ensure_gui_application, write_pdf
from desktop.printing.sheet_data import SheetOptions, build_book, build_sheet
from desktop.printing.sheet_text import note_heading
from tests.desktop.test_printing_sheet_data import (
    ISSUE,
    JA_NOTE,
    JA_QUOTE,
    MARKUP_QUOTE,
    RU_NOTE,
    RU_QUOTE,
    UNDATED_JA,
    UNDATED_RU,
    PrintDb,
    add_undated,
    fill_print_db,
)


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_pages(path: Path) -> list[str]:
    return poppler("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")[:-1]


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(path)), re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture
def print_db(db_path: Path) -> PrintDb:
    ensure_gui_application()
    return fill_print_db(db_path)


def write(db: PrintDb, out: Path, issues: list[str], **options: object) -> list[str]:
    with Store.open(db.path) as store:
        sheets = build_book(store, issues, SheetOptions(**options))  # type: ignore[arg-type]
    pages = write_pdf(sheets, out)
    assert pages == page_count(out)
    return pdf_pages(out)


def test_sheet_has_sides_quotes_in_three_languages_notes_and_a_marking_on_every_page(
    print_db: PrintDb, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.pdf"
    pages = write(print_db, out, [ISSUE], marking="RESTRICTED")
    text = squash("".join(pages))
    assert "Russia" in text and "Japan" in text
    for expected in (RU_QUOTE, JA_QUOTE, RU_NOTE, JA_NOTE, "Сергей Лавров", "岸田文雄", "Shiftinposition"):
        assert squash(expected) in text
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "RESTRICTED" in page
        assert f"Page {number} of {len(pages)}" in page
        assert "Joint economic activity" in page  # the running title
    assert "Sources" in pages[-1]


def test_the_sheet_says_that_unreviewed_statements_were_left_out(print_db: PrintDb, tmp_path: Path) -> None:
    text = squash("".join(write(print_db, tmp_path / "sheet.pdf", [ISSUE])))
    assert squash("1 unreviewed left out") in text
    assert squash("nobody has reviewed yet are left out of this sheet") in text
    text = squash("".join(write(print_db, tmp_path / "all.pdf", [ISSUE], include_unreviewed=True)))
    assert squash("left out of this sheet") not in text


def test_markup_in_quotes_and_notes_prints_literally(print_db: PrintDb, tmp_path: Path) -> None:
    text = squash("".join(write(print_db, tmp_path / "sheet.pdf", [ISSUE])))
    assert squash(MARKUP_QUOTE) in text
    assert squash("<i>not italic</i> & plain") in text


def test_footnotes_carry_the_notes_with_their_numbers(print_db: PrintDb, tmp_path: Path) -> None:
    pages = write(print_db, tmp_path / "sheet.pdf", [ISSUE], footnotes=True)
    text = squash("".join(pages))
    with Store.open(print_db.path) as store:
        sheet = build_sheet(store, ISSUE, SheetOptions())
    for note in sheet.notes:
        footnote = squash(f"[{note.number}] {note_heading(note)}: {note.body}")
        assert footnote in text
        page = next(squash(p) for p in pages if footnote in squash(p))
        assert page.count(f"[{note.number}]") >= 2  # the mark after the quote is on the footnote's page


def test_no_annotations_leaves_notes_out(print_db: PrintDb, tmp_path: Path) -> None:
    text = squash("".join(write(print_db, tmp_path / "sheet.pdf", [ISSUE], include_annotations=False)))
    assert squash(JA_NOTE) not in text
    assert squash(RU_NOTE) in text  # shifts are still summarised


def test_issue_without_statements_says_so(print_db: PrintDb, tmp_path: Path) -> None:
    pages = write(print_db, tmp_path / "empty.pdf", ["fisheries"], marking="SECRET")
    assert len(pages) == 1
    assert "No statements on this issue match these options" in " ".join(pages[0].split())
    assert "Page 1 of 1" in pages[0] and "SECRET" in pages[0]


def test_fonts_are_embedded(print_db: PrintDb, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    write(print_db, out, [ISSUE])
    rows = [line.split() for line in poppler("pdffonts", str(out)).splitlines()[2:]]
    assert rows
    assert all("yes" in row[-5:-3] for row in rows), rows  # the "emb" column
    assert any("CJK" in row[0] for row in rows)


def test_long_rows_break_across_pages_with_their_label_repeated(print_db: PrintDb, tmp_path: Path) -> None:
    long_quote = "Строка {n}: " + "долгая позиция по вопросу островов, " * 14 + "конец {n}."
    with Store.open(print_db.path) as store:
        for n in range(12):
            statements.add(store, NewStatement(
                speaker="Мария Захарова", side="russia", issue="sanctions", said_on=PartialDate(2018, 5, 1 + n),
                quote=long_quote.format(n=n), kind="direct_quote", language="ru", reviewed=True))  # fmt: skip
    pages = write(print_db, tmp_path / "long.pdf", ["sanctions"], font_size=11)
    assert len(pages) >= 3
    text = squash("".join(pages)).split("Comparison", 1)[1]  # after the summary (it quotes the latest)
    # a quote broken across pages has the footer and header in between: count its parts
    assert text.count("долгая") == 12 * 14  # nothing lost at a break
    for n in range(12):
        assert f"Строка{n}:" in text and f"конец{n}." in text
    for page in pages[1:]:
        assert "May 2018 (cont.)" in page
        assert "Russia" in page and "Japan" in page  # column headers repeated


def test_briefing_book_contents_point_at_each_issue(print_db: PrintDb, tmp_path: Path) -> None:
    issues = [ISSUE, "north_korea", "fisheries"]
    pages = write(print_db, tmp_path / "book.pdf", issues, landscape=True, paper="letter")
    assert "Briefing book: 3 issues" in pages[0]
    with Store.open(print_db.path) as store:
        titles = [build_sheet(store, slug, SheetOptions()).issue_title for slug in issues]
    for title in titles:
        match = re.search(rf"^{re.escape(title)}\s*\n?\s*(\d+)\s*$", pages[0], re.M)
        number = int(match.group(1)) if match else None
        if number is None:  # pdftotext may put the page number on its own line after the title
            after = pages[0].split(title, 1)[1]
            number = int(re.search(r"\d+", after).group(0))  # type: ignore[union-attr]
        assert "COMPARISON SHEET" in pages[number - 1] and title in pages[number - 1]


def test_paper_and_orientation(print_db: PrintDb, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    write(print_db, out, ["peace_treaty"], paper="letter", landscape=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", poppler("pdfinfo", str(out)))
    assert size is not None
    assert (round(float(size.group(1))), round(float(size.group(2)))) == (792, 612)


def test_statements_of_unknown_date_print_in_a_date_unknown_section(print_db: PrintDb, tmp_path: Path) -> None:
    with Store.open(print_db.path) as store:
        add_undated(store)
    pages = write(print_db, tmp_path / "sheet.pdf", [ISSUE])
    text = squash("".join(pages))
    section = text.index(squash("Date unknown"), text.index("Comparison"))
    assert text.index(squash(RU_QUOTE)) < section  # the dated statements come first, in time
    sources = text.rindex("Sources")
    for quote in (UNDATED_RU, UNDATED_JA):
        assert section < text.index(squash(quote)) < sources
    assert squash("date unknown") in text[section:sources]  # each statement says so in plain words
    assert squash("whose date is not known are listed at the end") in text  # and the summary points there
