"""Annotations survive a killed process, and two processes writing at once lose nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db import annotations, sample, statements
from db.statements import StatementFilter
from db.store import Store
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


KILLED_RIGHT_AFTER = """
    import os, signal, sys
    from db import annotations
    from db.store import Store
    store = Store.open(sys.argv[1])
    note = annotations.add(store, sys.argv[2], sys.argv[3], "anna", kind="shift", tags=["crash"])
    if sys.argv[4] == "edit":
        annotations.edit(store, note.uid, body=sys.argv[3] + " (edited)")
    print(note.uid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_process_killed_right_after_saving_loses_nothing(db_path: Path) -> None:
    with Store.open(db_path) as store:
        sample.fill(store)
        uid = statements.page(store, StatementFilter(), limit=1)[0].uid
    saved = {}
    for i in range(12):
        body = f"Заметка {i}: 立場の変化"
        mode = "edit" if i % 2 else "add"
        child = run_python(KILLED_RIGHT_AFTER, str(db_path), uid, body, mode)
        out, err = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL, err
        saved[out.strip()] = body + (" (edited)" if mode == "edit" else "")
    with Store.open(db_path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {n.uid: n.body for n in annotations.for_statement_uid(store, uid)}
        assert found == saved
        edited = [u for u, body in saved.items() if body.endswith("(edited)")]
        assert all(len(annotations.history(store, u)) == 2 for u in edited)


WRITER = """
    import json, sys, time
    from pathlib import Path
    from db import annotations
    from db.store import Store
    db, statement_uid, shared_uid, name, go = sys.argv[1:6]
    store = Store.open(db)
    while not Path(go).exists():
        time.sleep(0.005)
    mine = []
    for i in range(40):
        note = annotations.add(store, statement_uid, f"{name} {i}", name, tags=[name])
        annotations.edit(store, note.uid, body=f"{name} {i} edited")
        annotations.edit(store, shared_uid, body=f"shared, by {name} #{i}")
        mine.append(note.uid)
    print(json.dumps(mine), flush=True)
"""


def test_two_processes_writing_at_once_lose_nothing(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        sample.fill(store)
        uid = statements.page(store, StatementFilter(), limit=1)[0].uid
        shared = annotations.add(store, uid, "shared", "anna")
    go = tmp_path / "go"
    writers = {name: run_python(WRITER, str(db_path), uid, shared.uid, name, str(go)) for name in ("anna", "boris")}
    go.touch()
    written = {}
    for name, child in writers.items():
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        written[name] = json.loads(out)
    with Store.open(db_path) as first, Store.open(db_path) as second:
        for store in (first, second):
            notes = {n.uid: n for n in annotations.for_statement_uid(store, uid)}
            for name, uids in written.items():
                assert [notes[u].body for u in uids] == [f"{name} {i} edited" for i in range(40)]
                assert all(len(annotations.history(store, u)) == 2 for u in uids)
            versions = annotations.history(store, shared.uid)
            assert len(versions) == 81  # the first one and every one of the 80 edits
            bodies = {v.body for v in versions}
            assert {f"shared, by {name} #{i}" for name in written for i in range(40)} <= bodies
            stamps = [v.valid_from for v in versions]
            assert stamps == sorted(stamps, reverse=True) and len(set(stamps)) == 81
