"""`positions annotations export|import` through the real command line, between two database files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import annotations, statements
from db.statements import StatementFilter
from db.store import Store
from desktop.cli import main
from tests.conftest import database_dump


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def anna_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "anna.sqlite"
    assert run(capsys, "sample", "--db", str(path))[0] == 0
    with Store.open(path) as store:
        rows = list(statements.iterate(store, StatementFilter()))
    by_issue: dict[str, str] = {}
    for st in rows:
        by_issue.setdefault(st.issue, st.uid)
    for issue, uid in list(by_issue.items())[:3]:
        code, _, err = run(capsys, "annotate", "--db", str(path), "--author", "anna", "--kind", "shift",
                           "--tag", issue, uid, f"Сдвиг по теме {issue} / 立場の変化")  # fmt: skip
        assert code == 0, err
    return path


def test_export_then_import_twice(anna_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exchange = tmp_path / "anna.json"
    code, out, _ = run(capsys, "annotations", "export", "--db", str(anna_db), str(exchange))
    assert code == 0 and "3 annotation(s) on 3 statement(s) exported" in out
    assert json.loads(exchange.read_text(encoding="utf-8"))["format"] == "positions-annotations"

    boris_db = tmp_path / "boris.sqlite"
    code, out, err = run(capsys, "annotations", "import", "--db", str(boris_db), str(exchange))
    assert code == 0, err
    assert "3 annotation(s) added" in out and "3 statement(s) brought along" in out
    code, out, _ = run(capsys, "annotations", "import", "--db", str(boris_db), str(exchange))
    assert code == 0
    assert "0 annotation(s) added" in out and "3 already up to date" in out
    with Store.open(boris_db) as store:
        notes = annotations.find(store, annotations.AnnotationFilter())
        assert sorted(n.body for n in notes) == sorted(
            n.body for n in annotations.find(Store.open(anna_db), annotations.AnnotationFilter())
        )


def test_export_scopes(anna_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(anna_db) as store:
        issue = annotations.find(store, annotations.AnnotationFilter())[0].tags[0]
    out_file = tmp_path / "issue.json"
    code, out, _ = run(capsys, "annotations", "export", "--db", str(anna_db), "--issue", issue, str(out_file))
    assert code == 0 and "1 annotation(s)" in out
    code, out, _ = run(capsys, "annotations", "export", "--db", str(anna_db), "--to", "2001", str(out_file))
    assert code == 0 and "0 annotation(s)" in out
    code, out, _ = run(capsys, "annotations", "export", "--db", str(anna_db), "--from", "2001-01", str(out_file))
    assert code == 0 and "3 annotation(s)" in out
    code, _, err = run(capsys, "annotations", "export", "--db", str(anna_db), "--issue", "nope", str(out_file))
    assert code == 1 and "no issue 'nope'" in err
    code, _, err = run(capsys, "annotations", "export", "--db", str(anna_db), "--from", "yesterday", str(out_file))
    assert code == 2 and "not a date" in err


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda text: text[: len(text) // 3], "truncated"),
        (lambda text: text.replace('"version": 1', '"version": 9', 1), "newer Positions"),
        (lambda text: text.replace('"kind": "shift"', '"kind": 5', 1), "kind"),
        (lambda text: "<html>not json</html>", "not a Positions annotations exchange file"),
        (lambda text: text.replace('"annotations": [', '"annotations": [,', 1), "damaged at line"),
    ],
)
def test_bad_files_exit_non_zero_and_change_nothing(anna_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    damage, message: str) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    exchange = tmp_path / "x.json"
    assert run(capsys, "annotations", "export", "--db", str(anna_db), str(exchange))[0] == 0
    exchange.write_text(damage(exchange.read_text(encoding="utf-8")), encoding="utf-8")
    target = tmp_path / "target.sqlite"
    assert run(capsys, "sample", "--db", str(target))[0] == 0
    before = target.read_bytes()
    with Store.open(target) as store:
        counts = [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("annotations", "annotation_history", "statements", "sources")]  # fmt: skip
    code, out, err = run(capsys, "annotations", "import", "--db", str(target), str(exchange))
    assert code == 1 and message in err and "nothing was imported" in err and out == ""
    with Store.open(target) as store:
        assert counts == [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                          for t in ("annotations", "annotation_history", "statements", "sources")]  # fmt: skip
    assert len(before) > 0


def test_annotate_contradiction_and_follow_up(anna_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(anna_db) as store:
        first, second = (s.uid for s in statements.page(store, StatementFilter(), limit=2))
    db = ["--db", str(anna_db)]
    code, _, err = run(capsys, "annotate", *db, "--kind", "contradiction", first, "no link")
    assert code == 1 and "needs the other statement" in err
    code, _, err = run(capsys, "annotate", *db, "--kind", "contradiction", "--link", second, first, "contradicts")
    assert code == 0, err
    code, _, err = run(capsys, "annotate", *db, "--kind", "follow_up", "--due", "2026-12-01", first, "ask")
    assert code == 0, err
    with Store.open(anna_db) as store:
        notes = {n.kind: n for n in annotations.for_statement_uid(store, first)}
        assert notes["contradiction"].linked_statement_uid == second
        assert notes["follow_up"].due_on == "2026-12-01"


def test_the_database_itself_is_refused_as_an_exchange_file(anna_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in (str(anna_db), f"{anna_db}-wal"):
        Path(name).touch(exist_ok=True)
        code, _, err = run(capsys, "annotations", "import", "--db", str(anna_db), name)
        assert code == 1 and "this is the database itself" in err


def test_a_new_side_needs_allow_new_sides(anna_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exchange = tmp_path / "anna.json"
    assert run(capsys, "annotations", "export", "--db", str(anna_db), str(exchange))[0] == 0
    document = json.loads(exchange.read_text(encoding="utf-8"))
    document["statements"][0].update(side="korea", side_name="Korea", uid="new-statement")
    for note in document["annotations"]:
        note["statement_uid"] = "new-statement"
    exchange.write_text(json.dumps(document), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite"
    assert run(capsys, "sample", "--db", str(fresh))[0] == 0
    before = database_dump(fresh)
    code, _, err = run(capsys, "annotations", "import", "--db", str(fresh), str(exchange))
    assert code == 1
    assert "the file adds 1 side(s) this database does not compare: Korea (korea)" in err
    assert "import again with --allow-new-sides" in err
    assert database_dump(fresh) == before
    code, out, _ = run(capsys, "annotations", "import", "--db", str(fresh), "--allow-new-sides", str(exchange))
    assert code == 0 and "new side(s) created: korea" in out


def test_a_conflict_is_reported(anna_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    boris = tmp_path / "boris.sqlite"
    boris.write_bytes(anna_db.read_bytes())
    with Store.open(anna_db) as store:
        uid = annotations.find(store, annotations.AnnotationFilter())[0].statement_uid
        statements.update(store, uid, quote="A different text of the same statement.")
    exchange = tmp_path / "anna.json"
    assert run(capsys, "annotations", "export", "--db", str(anna_db), str(exchange))[0] == 0
    code, out, _ = run(capsys, "annotations", "import", "--db", str(boris), str(exchange))
    assert code == 0
    assert "1 statement(s) read differently here and in the file" in out and "quote differ" in out
