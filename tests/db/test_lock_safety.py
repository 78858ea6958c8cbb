"""Issue 9's loss, reproduced: a window writes annotations while other processes open, read and close the same
file; the window is killed; every annotation it reported saved must be there, and the database must check ok.

Before the fix, opening a second connection in the window's process read the file header with Python; closing
that file object dropped the process's POSIX locks, the reading process then believed itself the last user,
checkpointed and deleted the WAL the window was still writing to, and the killed window's notes were gone
(every one of them, in nearly every round). Each round here is one short-lived window process; the reading
process runs throughout, alternating plain `sqlite3` reads with `positions issues`. Window processes come from a
forkserver (already past its imports) so that fifty rounds take seconds.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from db import annotations, auto_backups, integrity, issues, sample, statements
from db.statements import StatementFilter
from db.store import Store
from tests.db.test_annotation_durability import run_python

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL, and POSIX locks")

ROUNDS = 50
NOTES_PER_ROUND = 6


def window_process(db: str, uid: str, backup_first: bool, saved: Connection) -> None:
    """Connections held the way the window holds them: its own, a worker thread's long-lived one, and one opened
    and closed for a single task (as the import wizard's commit does); an automatic backup now and then. Each
    annotation's uid is reported once its transaction has committed."""
    window = Store.open(db)
    if backup_first:
        auto_backups.take_backup(Path(db), "open", keep_daily=2, keep_weekly=0)
    thread = threading.Thread(target=lambda: issues.summaries(window.for_thread()))
    thread.start()
    thread.join()
    i = 0
    while True:
        with Store.open(db, create=False) as task:
            issues.summaries(task)
        note = annotations.add(window, uid, f"Заметка {i} / メモ {i}", "anna")
        saved.send(note.uid)
        i += 1


READERS = """
    import sqlite3, sys, time
    from desktop.cli import main
    db = sys.argv[1]
    devnull = open("/dev/null", "w")
    sys.stdout = devnull
    while True:
        conn = sqlite3.connect(db)  # what `sqlite3 positions.sqlite` does
        conn.execute("SELECT count(*) FROM annotations").fetchone()
        conn.close()
        main(["issues", "--db", db])
        time.sleep(0.002)  # hundreds of rounds a second, and a core left for the window
"""


def test_a_killed_window_loses_no_saved_annotation_while_others_read_the_file(db_path: Path) -> None:
    with Store.open(db_path) as store:
        sample.fill(store)
        uid = statements.page(store, StatementFilter(), limit=1)[0].uid
    processes = multiprocessing.get_context("forkserver")  # a fresh process per round, forked in milliseconds
    processes.set_forkserver_preload([__name__])
    readers = run_python(READERS, str(db_path))
    saved: list[str] = []
    started = time.monotonic()
    try:
        for round_number in range(ROUNDS):
            receiving, sending = processes.Pipe(duplex=False)
            window = processes.Process(target=window_process, args=(str(db_path), uid, round_number % 10 == 0, sending))
            window.start()
            reported = []
            while len(reported) < NOTES_PER_ROUND:
                assert receiving.poll(60), f"round {round_number}: the window process reported nothing"
                reported.append(receiving.recv())
            window.kill()  # SIGKILL
            window.join(60)
            assert window.exitcode == -signal.SIGKILL
            saved += reported
            with Store.open(db_path, read_only=True) as store:
                present = {row[0] for row in store.conn.execute("SELECT uid FROM annotations")}
            lost = [u for u in saved if u not in present]
            assert lost == [], f"round {round_number}: {len(lost)} annotation(s) reported saved are gone"
            assert integrity.check_file(db_path).ok, f"round {round_number}"
            assert readers.poll() is None, "the reading process stopped"
    finally:
        readers.kill()
        readers.communicate(timeout=60)
    elapsed = time.monotonic() - started
    check = subprocess.run(
        [sys.executable, "-m", "desktop", "check", "--db", str(db_path)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )  # fmt: skip
    assert check.returncode == 0 and check.stdout.strip().endswith(": ok"), check.stdout + check.stderr
    assert len(saved) == ROUNDS * NOTES_PER_ROUND
    print(f"{ROUNDS} rounds, {len(saved)} annotations, {elapsed:.1f} s")
