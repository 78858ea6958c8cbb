"""The window keeps the database safe: backups on open and after imports, WAL checkpoints, Check database with
its repairs, Restore from backup; all in workers, and never a Python file handle on the open database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from db import annotations, auto_backups
from db.store import Store
from desktop import actions, settings
from desktop.main_window import MainWindow
from desktop.views.check_dialog import CheckDialog
from desktop.views.restore_dialog import RestoreDialog
from tests.db.test_connection import python_opens  # noqa: F401  (a fixture)
from tests.desktop.test_app_support import JA_QUOTE, RU_QUOTE, build_database, open_window

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def _backup_at_once() -> None:
    """The backup on open starts as soon as the window is open (it waits a little for the user's sake)."""
    settings.Settings().set(settings.BACKUP_DELAY_SECONDS, 0)


def backups(path: Path) -> list[str]:
    return [b.reason for b in auto_backups.list_backups(path)]


def wait_backup(qtbot: QtBot, window: Any) -> None:
    keeper = window.safekeeping
    qtbot.waitUntil(lambda: not keeper.backup_timer.isActive(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: keeper.backup_job is None or keeper.backup_job.done, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not keeper.progress.isVisible(), timeout=WAIT_MS)


def wait_check(qtbot: QtBot, dialog: CheckDialog) -> None:
    qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.done and dialog.result is not None, timeout=WAIT_MS)


def test_opening_takes_one_verified_backup_a_day_in_a_worker(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = MainWindow(settings.Settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.safekeeping.backup_finished, timeout=WAIT_MS) as finished:
        assert window.open_database(db_path)
        assert window.safekeeping.backup_job is None, "not before the window has shown its rows"
    assert "Backup written and verified" in finished.args[0]
    assert backups(db_path) == ["open"]
    newest = auto_backups.list_backups(db_path)[0]
    conn = sqlite3.connect(newest.path)
    ours = conn.execute("SELECT count(*) FROM statements WHERE quote IN (?, ?)", (RU_QUOTE, JA_QUOTE)).fetchone()[0]
    assert ours == 2
    conn.close()
    job = window.safekeeping.backup_job
    window.open_database(db_path)  # opened again the same day: no second backup
    wait_backup(qtbot, window)
    assert window.safekeeping.backup_job is job and backups(db_path) == ["open"]


def test_an_import_is_followed_by_a_backup(qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    wait_backup(qtbot, window)

    class ImportedSomething:
        """The wizard's side of the contract: what it committed (here: one new document)."""

        def __init__(self, store: Store, parent: Any) -> None:
            self.committed_issue = "peace_treaty"
            self.commit_results = [type("Result", (), {"duplicate": False})()]

        def exec(self) -> int:
            return 1

    monkeypatch.setattr(actions, "hook", lambda name: ImportedSomething if name == "import" else None)
    opened = auto_backups.list_backups(db_path)[0]
    window.import_documents()
    wait_backup(qtbot, window)
    assert backups(db_path) == ["import"], "the day's slot now holds the backup after the import"
    assert auto_backups.list_backups(db_path)[0].path != opened.path


def test_the_window_checkpoints_periodically_and_on_close(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)
    window = open_window(qtbot, db_path)
    wait_backup(qtbot, window)
    assert window.store is not None
    annotations.add(window.store, uids["ru"], "Позиция не изменилась", "anna")
    job = window.safekeeping.checkpoint()
    assert job is not None
    with qtbot.waitSignal(job.succeeded, timeout=WAIT_MS) as done:
        pass
    busy, frames, copied = done.args[0]
    assert busy == 0 and frames > 0 and copied == frames, "everything in the WAL is now in the database file"
    window.close()
    wal = Path(f"{db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_check_database_reports_a_sound_database_in_plain_words(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    dialog = window.check_database()
    assert dialog is not None
    qtbot.addWidget(dialog)
    wait_check(qtbot, dialog)
    assert dialog.headline.text() == "No problems found"
    assert not dialog.rebuild_button.isVisible() and not dialog.restore_button.isVisible()


def test_check_database_can_be_cancelled(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    assert window.store is not None
    dialog = CheckDialog(window.store, window)
    qtbot.addWidget(dialog)
    job = dialog.start()
    dialog.progress.cancel()  # before the worker's first step
    qtbot.waitUntil(lambda: job.done, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.headline.text() == "Check cancelled", timeout=WAIT_MS)
    assert dialog.result is None


def test_an_index_out_of_step_is_explained_and_rebuilt(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    conn = sqlite3.connect(db_path)  # another tool changed a row behind the index
    conn.execute("DROP TRIGGER statements_au")
    conn.execute("UPDATE statements SET quote = 'changed behind the index' WHERE id = 1")
    conn.execute("CREATE TRIGGER statements_au AFTER UPDATE ON statements BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    window = open_window(qtbot, db_path)
    dialog = window.check_database()
    assert dialog is not None
    qtbot.addWidget(dialog)
    wait_check(qtbot, dialog)
    assert dialog.headline.text() == "The search index is out of step"
    assert "without changing any of your data" in dialog.explanation.text()
    assert dialog.rebuild_button.isVisible() and not dialog.restore_button.isVisible()
    dialog.result = None
    dialog.rebuild_index()
    wait_check(qtbot, dialog)
    assert dialog.headline.text() == "No problems found"


def test_damage_offers_the_newest_good_backup_and_restoring_it_reopens_the_window(
    qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    uids = build_database(db_path)
    window = open_window(qtbot, db_path)
    wait_backup(qtbot, window)
    good = auto_backups.list_backups(db_path)[0]
    assert window.store is not None
    annotations.add(window.store, uids["ja"], "立場が変わった", "anna")
    damage = sqlite3.connect(db_path)  # a reference to a statement that is not there (through SQLite)
    damage.execute("PRAGMA foreign_keys = OFF")
    damage.execute("UPDATE annotations SET statement_id = 999999")
    damage.commit()
    damage.close()
    dialog = window.check_database()
    assert dialog is not None
    qtbot.addWidget(dialog)
    wait_check(qtbot, dialog)
    assert dialog.headline.text() == "The database is damaged"
    assert good.taken_at.strftime("%Y-%m-%d %H:%M") in dialog.explanation.text()
    assert "broken reference in annotations" in dialog.details.toPlainText()
    assert dialog.restore_button.isVisible()
    with qtbot.waitSignal(window.overview_loaded, timeout=WAIT_MS):
        dialog.restore_button.click()
    qtbot.waitUntil(lambda: "Restored from" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert "kept in" in window.statusBar().currentMessage()
    assert window.store is not None
    assert window.store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    assert window.store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert auto_backups.ASIDE in backups(db_path)


def test_restore_dialog_lists_the_backups_newest_first(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    yesterday = dt.datetime.now() - dt.timedelta(days=1)
    first = auto_backups.take_backup(db_path, "open", keep_daily=5, keep_weekly=0, now=yesterday)
    second = auto_backups.take_backup(db_path, "import", keep_daily=5, keep_weekly=0)
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 1).data() == "after an import"
    assert dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    dialog.restore_button.click()
    assert dialog.chosen == first.path and second.path.exists()


def test_the_window_never_opens_the_database_file_with_python(
    qtbot: QtBot,
    db_path: Path,
    python_opens: list[str],  # noqa: F811
) -> None:
    uids = build_database(db_path)
    python_opens.clear()
    window = open_window(qtbot, db_path)
    wait_backup(qtbot, window)
    assert window.store is not None
    annotations.add(window.store, uids["ru"], "заметка", "anna")
    dialog = window.check_database()
    assert dialog is not None
    qtbot.addWidget(dialog)
    wait_check(qtbot, dialog)
    backup = auto_backups.list_backups(db_path)[0].path
    job = window.restore_from_backup(backup)
    assert job is not None
    qtbot.waitUntil(lambda: "Restored from" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    window.close()
    forbidden = {str(db_path.absolute()) + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    assert [path for path in python_opens if path in forbidden] == []
