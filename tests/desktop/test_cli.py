"""The command-line contract: every command works, and bad input gives a message and a non-zero exit."""

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from db import migrations
from db.store import Store
from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    code, out, _ = run(capsys, "sample", "--db", str(db_path))
    assert code == 0 and "added" in out
    return db_path


def test_sample_then_issues_table_and_json(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "issues", "--db", str(sample_db))
    assert code == 0
    assert "territorial_dispute" in out and "russia" in out and "japan" in out
    code, out, _ = run(capsys, "issues", "--db", str(sample_db), "--format", "json")
    issues = {row["slug"]: row for row in json.loads(out)}
    assert len(issues) == 12
    assert issues["north_korea"]["counts"]["russia"] > 0 and issues["north_korea"]["counts"]["japan"] > 0


def test_statements_jsonl_has_the_contract_fields(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "statements", "--db", str(sample_db), "--issue", "peace_treaty", "--side", "japan",
                       "--format", "jsonl")  # fmt: skip
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    required = {"uid", "said_on", "date_precision", "speaker", "speaker_as_written", "side", "issue", "quote", "kind",
                "language", "source", "annotations"}  # fmt: skip
    assert all(required <= row.keys() for row in rows)
    assert {row["side"] for row in rows} == {"japan"}
    assert [row["said_on"] for row in rows] == sorted(row["said_on"] for row in rows)
    assert {"title", "outlet", "published", "file"} <= rows[0]["source"].keys()


def test_statements_csv_and_date_range(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "statements", "--db", str(sample_db), "--from", "2017-03", "--to", "2017-03",
                       "--format", "csv")  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["said_on"].startswith("2017-03") for row in rows)


def test_search_and_annotate_round_trip(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--db", str(sample_db), "--format", "jsonl", "Aegis")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and hits
    uid = hits[0]["uid"]
    code, out, _ = run(capsys, "annotate", "--db", str(sample_db), "--author", "Анна", uid,
                       "Позиция изменилась — 立場が変わった")  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "search", "--db", str(sample_db), "--format", "jsonl", "立場")
    found = [json.loads(line) for line in out.splitlines()]
    assert [(h["uid"], h["matched_in"]) for h in found] == [(uid, "annotation")]
    assert found[0]["annotations"][0]["author"] == "Анна"


def test_check_and_backup(sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "--db", str(sample_db))[0] == 0
    copy = tmp_path / "copy.sqlite"
    code, out, _ = run(capsys, "backup", "--db", str(sample_db), str(copy))
    assert code == 0 and "verified" in out
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] >= 100
    conn.close()
    code, _, err = run(capsys, "backup", "--db", str(sample_db), str(copy))
    assert code == 1 and "already exists" in err


def test_default_database_comes_from_positions_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    target = tmp_path / "mine.sqlite"
    monkeypatch.setenv("POSITIONS_DB", str(target))
    assert run(capsys, "sample")[0] == 0
    assert target.exists()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["statements", "--from", "March"], "not a date"),
        (["statements", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        (["search"], "required"),
    ],
)
def test_bad_arguments_exit_2_with_usage(sample_db: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                         message: str) -> None:  # fmt: skip
    code, _, err = run(capsys, *argv, "--db", str(sample_db)) if argv[0] != "frobnicate" else run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_unknown_issue_and_uid_are_clear_errors(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "statements", "--db", str(sample_db), "--issue", "weather")
    assert code == 1 and "no issue 'weather'" in err
    code, _, err = run(capsys, "annotate", "--db", str(sample_db), "no-such-uid", "text")
    assert code == 1 and "no statement" in err


def test_missing_database_is_an_error_and_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.sqlite"
    for command in ("issues", "statements", "check"):
        code, _, err = run(capsys, command, "--db", str(missing))
        assert code == 1 and "no such database file" in err
    assert not missing.exists()


def test_corrupt_file_is_refused_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"this is not a database at all" * 100)
    before = corrupt.read_bytes()
    for command in (["issues"], ["search", "x"], ["sample"], ["check"]):
        code, _, err = run(capsys, command[0], "--db", str(corrupt), *command[1:])
        assert code == 1 and "not an SQLite database" in err and "Traceback" not in err
    assert corrupt.read_bytes() == before


def test_newer_schema_is_refused_untouched(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conn = sqlite3.connect(sample_db)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.close()
    before = sample_db.read_bytes()
    code, _, err = run(capsys, "issues", "--db", str(sample_db))
    assert code == 1 and "newer version of Positions" in err
    assert sample_db.read_bytes() == before


def test_python_dash_m_desktop_runs_the_same_command_line(sample_db: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "desktop", "issues", "--db", str(sample_db), "--format", "json"],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 12


@pytest.mark.parametrize("limit", ["0", "-1", "many"])
def test_search_limit_must_be_positive(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--limit", limit, "Kuril"]) == 2
    assert "not a number of results" in capsys.readouterr().err


def test_check_passes_on_a_database_upgraded_from_schema_1(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.db.test_migration_to_2 import make_v1_database

    make_v1_database(db_path, monkeypatch)
    code, out, err = run(capsys, "check", "--db", str(db_path))  # read-only: the schema-1 file as it is
    assert code == 0 and out.strip().endswith("ok"), err
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1, "a reading command upgrades nothing"
    conn.close()
    Store.open(db_path).close()  # the window, or a command that writes, upgrades it
    code, out, err = run(capsys, "check", "--db", str(db_path))
    assert code == 0 and out.strip().endswith("ok"), err
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    conn.close()
    code, out, _ = run(capsys, "search", "--db", str(db_path), "北方領土")
    assert code == 0 and "1 result(s)" in out
