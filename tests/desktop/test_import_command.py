"""`positions import`: what it prints, what it commits, and that bad files fail alone with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.store import Store
from desktop.cli import main
from tests.conftest import ARTICLE
from tests.ingest.test_pipeline import JA_TEXT, PNG_BYTES, RU_TEXT, fingerprint


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def statement_count(db: Path) -> int:
    with Store.open(db, create=False) as store:
        return int(store.conn.execute("SELECT count(*) FROM statements").fetchone()[0])


def test_import_prints_what_it_found_and_commits_unreviewed(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "--db", str(db_path), str(ARTICLE))
    assert code == 0, err
    assert "format text, encoding utf-8, language en" in out
    assert "title: Moscow and Tokyo agree to keep talking on peace treaty, differ on islands" in out
    assert "published: 2017-03-06" in out
    added = statement_count(db_path)
    assert added > 0 and f"{added} statements added" in out
    assert "japan" in out and "security_military" in out  # candidates per side and issue
    code, out, _ = run(capsys, "statements", "--db", str(db_path), "--format", "jsonl")
    assert len(out.splitlines()) == added

    before = fingerprint(db_path)
    code, out, _ = run(capsys, "import", "--db", str(db_path), str(ARTICLE))
    assert code == 0 and "already imported" in out and "0 statements added" in out
    assert fingerprint(db_path) == before


def test_bad_files_fail_alone(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "sample", "--db", str(db_path))
    before_count = statement_count(db_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    picture = tmp_path / "photo.txt"
    picture.write_bytes(PNG_BYTES)
    good = tmp_path / "lavrov.txt"
    good.write_text(RU_TEXT, encoding="utf-8")
    files = [str(empty), str(picture), str(good), str(tmp_path / "missing.txt")]
    code, out, err = run(capsys, "import", "--db", str(db_path), "--published", "2018-11-14", *files)
    assert code == 1
    assert "empty.txt" in err and "photo.txt" in err and "missing.txt" in err
    assert "3 failed: empty.txt, photo.txt, missing.txt" in out
    assert "lavrov.txt" in out and statement_count(db_path) > before_count


def test_statements_without_a_date_are_imported_listed_and_exported_as_unknown(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "lavrov.txt"
    article.write_text(RU_TEXT, encoding="utf-8")  # no publication date, no date in the text but "on Monday"
    code, out, err = run(capsys, "import", "--db", str(db_path), str(article))
    assert code == 0, err
    added = statement_count(db_path)
    assert added >= 2
    assert f"{added} statements added" in out
    assert f"{added} of them have no date" in out and f"positions statements --db {db_path} --undated" in out
    assert '"Set the date of all of them"' in out  # how to date them

    code, out, _ = run(capsys, "statements", "--db", str(db_path), "--undated", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == added
    assert {(row["said_on"], row["date_precision"]) for row in rows} == {(None, "unknown")}
    assert all(row["source"]["file"] == "lavrov.txt" for row in rows)
    code, out, _ = run(capsys, "statements", "--db", str(db_path), "--undated", "--format", "csv")
    assert code == 0 and out.count(",unknown,") == added
    code, out, _ = run(capsys, "statements", "--db", str(db_path))
    assert code == 0 and out.count("unknown") == added  # the table's date column says so in words

    dated = write_ja_file(tmp_path)
    code, out, _ = run(capsys, "import", "--db", str(db_path), "--published", "2017-04-03", str(dated))
    assert code == 0 and "have no date" not in out
    code, out, _ = run(capsys, "statements", "--db", str(db_path), "--undated", "--format", "jsonl")
    assert len(out.splitlines()) == added  # the dated file added none
    code, _, err = run(capsys, "statements", "--db", str(db_path), "--undated", "--from", "2017")
    assert code != 0 and "--undated" in err


def write_ja_file(folder: Path) -> Path:
    path = folder / "kono.txt"
    path.write_text(JA_TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (PNG_BYTES, "PNG"),
        ("speaker,side,issue,date,quote\nSergey Lavrov,russia,peace_treaty,someday,Мы готовы\n".encode(), "row 2"),
        ("speaker,side,date,quote\nSergey Lavrov,russia,2018-11-14,Мы готовы\n".encode(), "issue"),
    ],
)
def test_a_bad_file_changes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    run(capsys, "sample", "--db", str(db_path))
    before = fingerprint(db_path)
    bad = tmp_path / ("bad.csv" if content.startswith(b"speaker") else "bad.txt")
    bad.write_bytes(content)
    code, out, err = run(capsys, "import", "--db", str(db_path), str(bad))
    assert code == 1
    assert bad.name in err and expected.lower() in err.lower()
    assert fingerprint(db_path) == before


def test_options_override_detection(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "kono.txt"
    article.write_bytes(JA_TEXT.encode("euc_jp"))
    code, out, err = run(capsys, "import", "--db", str(db_path), "--published", "2018-01-15", "--outlet", "共同通信",
                         "--language", "ja", "--encoding", "euc-jp", str(article))  # fmt: skip
    assert code == 0, err
    assert "encoding euc_jp, language ja" in out and "outlet: 共同通信; published: 2018-01-15" in out
    code, out, _ = run(capsys, "statements", "--db", str(db_path), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {r["source"]["outlet"] for r in rows} == {"共同通信"}
    assert {r["speaker"] for r in rows} == {"Taro Kono"} and {r["said_on"] for r in rows} == {"2018-01-15"}


def test_bad_option_values(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import", "--db", str(db_path), "--published", "15.01.2018", str(ARTICLE))
    assert code == 2 and "not a date" in err
    code, out, err = run(capsys, "import", "--db", str(db_path), "--encoding", "klingon", str(ARTICLE))
    assert code == 1 and "unknown encoding 'klingon'" in err
    assert not db_path.exists(), "nothing to commit: the database is not even created"


def test_an_import_is_followed_by_a_verified_backup(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from db import auto_backups

    code, out, _ = run(capsys, "import", "--db", str(db_path), str(ARTICLE))
    assert code == 0
    [backup] = auto_backups.list_backups(db_path)
    assert backup.reason == "import" and f"backup written and verified: {backup.path}" in out
    assert out.strip().splitlines()[-1].startswith(f"{db_path}: "), "the summary stays the last line"
    code, out, _ = run(capsys, "import", "--db", str(db_path), str(ARTICLE))  # nothing new: no backup
    assert "backup" not in out and len(auto_backups.list_backups(db_path)) == 1
    other = db_path.with_name("other.sqlite")
    assert run(capsys, "import", "--db", str(other), "--no-backup", str(ARTICLE))[0] == 0
    assert auto_backups.list_backups(other) == []


def test_the_command_line_keeps_repeats_apart_and_says_so(capsys, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.db.test_import_duplicates import REPORTS

    files = []
    for name in ("kyodo.txt", "nhk.txt"):
        files.append(tmp_path / name)
        files[-1].write_text(REPORTS[name], encoding="utf-8")
    code, out, _err = run(capsys, "import", "--db", str(db_path), *map(str, files))
    assert code == 0 and "2 statements added" in out and "(unreviewed)" in out
    assert "note: 1 of the statements look like another outlet's report" in out
    assert out.strip().splitlines()[-1].endswith("(unreviewed)")  # the summary stays the last line
