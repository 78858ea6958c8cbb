"""`positions print`: the same sheet headless, a briefing book, options, and clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from db import statements
from db.partial_date import PartialDate
from db.statements import NewStatement
from db.store import Store
from desktop.cli import main
from tests.desktop.test_printing_sheet_data import ISSUE, JA_QUOTE, PROJECT_ROOT_HINT, RU_QUOTE, fill_print_db


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def db(db_path: Path) -> Path:
    fill_print_db(db_path)
    return db_path


def test_print_writes_the_sheet(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheet.pdf"
    code = main(["print", "--db", str(db), "--issue", ISSUE, "--from", "2017-03", "--to", "2017", "--pdf", str(out),
                 "--marking", "RESTRICTED", "--footnotes", "--granularity", "day"])  # fmt: skip
    stdout = capsys.readouterr().out
    assert code == 0 and "comparison sheet" in stdout and "page(s)" in stdout
    text = pdf_text(out)
    assert "Period: 2017-03-01 to 2017-12-31" in text and "20 Mar 2017" in text
    assert squash(RU_QUOTE) in squash(text) and squash(JA_QUOTE) in squash(text)
    assert "Dec 2016" not in text.split("Comparison", 1)[1]  # before --from


def test_print_a_briefing_book(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "book.pdf"
    code = main(["print", "--db", str(db), "--issue", ISSUE, "--issue", "north_korea", "--issue", "fisheries",
                 "--pdf", str(out), "--paper", "letter", "--landscape", "--no-annotations"])  # fmt: skip
    assert code == 0 and "briefing book of 3 issues" in capsys.readouterr().out
    text = pdf_text(out)
    assert "Contents" in text and "North Korea" in text
    assert "No statements on this issue match these options" in " ".join(text.split())


def test_unknown_issue_and_missing_database(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert main(["print", "--db", str(db), "--issue", "atlantis", "--pdf", str(out)]) == 1
    assert "no issue 'atlantis'" in capsys.readouterr().err
    assert main(["print", "--db", str(tmp_path / "none.sqlite"), "--issue", ISSUE, "--pdf", str(out)]) == 1
    assert not out.exists()
    assert main(["print", "--db", str(db), "--issue", ISSUE]) == 2  # --pdf is required


def test_a_character_no_font_has_is_an_error_before_writing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db) as store:
        statements.add(store, NewStatement(speaker="Scribe", side="japan", issue="fisheries",
                                           said_on=PartialDate(2017, 1, 1), quote="Linear B \U00010000",
                                           reviewed=True))  # fmt: skip
    out = tmp_path / "boxes.pdf"
    assert main(["print", "--db", str(db), "--issue", "fisheries", "--pdf", str(out)]) == 1
    err = capsys.readouterr().err
    assert "No installed font" in err and "fonts-noto-cjk" in err
    assert not out.exists()


def test_headless_without_a_display(db: Path, tmp_path: Path) -> None:
    """A fresh process with no DISPLAY and no QT_QPA_PLATFORM: what CI and ssh give us."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = PROJECT_ROOT_HINT
    out = tmp_path / "headless.pdf"
    done = subprocess.run([sys.executable, "-m", "desktop", "print", "--db", str(db), "--issue", ISSUE,
                           "--pdf", str(out)], env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Page 1 of" in pdf_text(out)


def test_unreviewed_statements_left_out_are_mentioned(db: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "sheet.pdf"
    assert main(["print", "--db", str(db), "--issue", ISSUE, "--pdf", str(out)]) == 0
    assert "1 unreviewed statement(s) left out" in capsys.readouterr().out
    assert main(["print", "--db", str(db), "--issue", ISSUE, "--pdf", str(out), "--include-unreviewed"]) == 0
    assert "left out" not in capsys.readouterr().out
