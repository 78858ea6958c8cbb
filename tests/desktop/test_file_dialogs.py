"""The window's file dialogs list the database's folder without dropping the window's locks on the database.

Qt's own file dialog reads the first bytes of each file it lists, to guess its type; closing that file drops
every POSIX lock the process holds on it. Another process then sees the database as unused (and may checkpoint
and delete the WAL the window writes to). The probe is a second process asking the kernel who holds SQLite's
locks: the shared lock on the database file and the "still in use" byte of the -shm.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from db import sample
from db.store import Store
from desktop import file_dialogs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the probe reads Linux's struct flock")

PROBE = """
    import fcntl, os, struct, sys

    def holder(path, start, length):
        fd = os.open(path, os.O_RDWR)  # this process has no SQLite connection: closing it harms nobody
        try:
            lock = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
            kind, _, _, _, pid = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, lock))
            return 0 if kind == fcntl.F_UNLCK else pid
        finally:
            os.close(fd)

    db = sys.argv[1]
    print(holder(db, 0x40000000 + 2, 510), holder(db + "-shm", 128, 1))
"""


def lock_holders(db_path: Path) -> tuple[int, int]:
    """Who holds the database's shared lock and the -shm's in-use lock (0: nobody)."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(PROBE), str(db_path)],
                         capture_output=True, text=True, check=True, timeout=30).stdout  # fmt: skip
    database, shm = out.split()
    return int(database), int(shm)


def show_folder(qtbot: QtBot, dialog: QFileDialog) -> None:
    """Show the folder as a user would see it (details view), long enough for types and icons to be fetched."""
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(1500)
    dialog.reject()


def test_our_file_dialogs_leave_the_database_locks_in_place(qtbot: QtBot, db_path: Path) -> None:
    with Store.open(db_path) as store:  # the window's connection
        sample.fill(store)
        assert lock_holders(db_path) == (os.getpid(), os.getpid())
        show_folder(qtbot, file_dialogs.make_dialog(None, "Import documents", str(db_path.parent), "All files (*)"))
        assert lock_holders(db_path) == (os.getpid(), os.getpid())


def test_qts_own_dialog_without_them_drops_the_locks(qtbot: QtBot, db_path: Path) -> None:
    """Why file_dialogs exists: the same dialog with Qt's default icon provider loses the locks."""
    with Store.open(db_path) as store:
        sample.fill(store)
        dialog = QFileDialog(None, "Import documents", str(db_path.parent), "All files (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        show_folder(qtbot, dialog)
        assert 0 in lock_holders(db_path)
