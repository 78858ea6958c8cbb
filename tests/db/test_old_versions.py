"""A database made by an earlier Positions opens, upgrades, and keeps everything the user put in it.

`fixtures/positions-schema-v1.sqlite` was made with the schema-1 code (the last commit before schema step 2) and
is kept as it is: one Russian source with its text, three statements (ru, ja, en; day, month and year dates;
reviewed and not), an annotation edited once (so it has a history), a contradiction linked to another statement,
and a follow-up in the bin. Each new schema step must open it. A new fixture is added for each released schema.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import annotations, integrity, migrations, search, statements
from db.statements import StatementFilter
from db.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
V1 = FIXTURES / "positions-schema-v1.sqlite"
V1_SHA256 = "13acf8e6de5242ac726146194b9a0dcc7d9ddca1900f64ae469b9fe647d46bbc"
RU = "204a57e6-89b2-4364-8241-7ff11d1b1c99"
JA = "533d1d8a-ec3d-4bb8-ab89-91d98d1a8189"
EN = "9ab9be28-89c3-4242-bbd8-e56f624c06c0"


@pytest.fixture
def old_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "positions.sqlite"
    shutil.copyfile(V1, copy)  # no connection is open on either file
    return copy


def test_the_fixture_is_a_schema_1_database() -> None:
    conn = sqlite3.connect(V1.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete", "one self-contained file"
    finally:
        conn.close()


def test_a_schema_1_database_opens_upgrades_and_keeps_everything(old_copy: Path) -> None:
    assert integrity.check_file(old_copy).ok, "a reading check reads an older schema as it is"
    with Store.open(old_copy) as store:
        assert migrations.schema_version(store.conn) == migrations.SCHEMA_VERSION
        found = {s.uid: s for s in statements.iterate(store, StatementFilter())}
        assert set(found) == {RU, JA, EN}
        assert found[RU].quote == "Москва готова продолжить переговоры о мирном договоре."
        assert (found[RU].side, found[RU].issue, found[RU].said_on.iso()) == ("russia", "peace_treaty", "2018-11-14")
        assert (found[JA].speaker, found[JA].said_on.iso(), found[JA].reviewed) == ("Taro Kono", "2018-11", False)
        assert (found[EN].kind, found[EN].said_on.iso()) == ("direct_quote", "2017")
        every = annotations.AnnotationFilter(include_deleted=True)
        notes = {n.statement_uid: n for n in annotations.find(store, every)}
        assert notes[RU].body == "Позиция не изменилась с 2016 года (проверено)."
        assert notes[RU].tags == ("договор", "立場")
        assert [v.body for v in annotations.history(store, notes[RU].uid)][-1] == "Позиция не изменилась с 2016 года."
        assert notes[JA].kind == "contradiction" and notes[JA].linked_statement_uid == RU
        assert notes[EN].in_bin and notes[EN].due_on == "2018-12-01"
        for query, uid in (("переговоры", RU), ("平和条約", JA), ("territorial", EN), ("проверено", RU)):
            assert uid in {hit.statement.uid for hit in search.search(store, query)}, query
    assert integrity.check_file(old_copy).ok
    if migrations.SCHEMA_VERSION > 1:  # the upgrade kept a verified copy of the file as it was
        backup = old_copy.with_name(f"{old_copy.name}.v1.backup")
        assert integrity.check_file(backup).ok


def test_the_fixture_itself_is_never_changed_by_the_tests() -> None:
    digest = hashlib.sha256(V1.read_bytes()).hexdigest()
    assert digest == V1_SHA256, "fixtures of released schemas are kept as they were made"


def test_the_next_schema_step_upgrades_it_after_a_verified_backup(
    old_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What every later step goes through on a real old file: one transaction, a backup first, data kept."""
    step = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", step)
    monkeypatch.setitem(migrations.STEPS, step, lambda conn: conn.execute("ALTER TABLE sources ADD COLUMN note TEXT"))
    before = hashlib.sha256(old_copy.read_bytes()).hexdigest()
    with pytest.raises(Exception, match="earlier version of Positions"):
        Store.open(old_copy, read_only=True)  # reading commands leave it as it is
    assert hashlib.sha256(old_copy.read_bytes()).hexdigest() == before
    with Store.open(old_copy) as store:
        assert migrations.schema_version(store.conn) == step
        assert {s.uid for s in statements.iterate(store, StatementFilter())} == {RU, JA, EN}
    backup = old_copy.with_name(f"{old_copy.name}.v1.backup")  # named after the version the file had
    assert backup.is_file() and integrity.check_file(backup).ok
    conn = sqlite3.connect(backup.absolute().as_uri() + "?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
