"""What the window does, unasked, to keep the user's database safe: automatic backups and WAL checkpoints.

A verified backup is taken in a worker when a database is opened (at most once a day, a little after the window
has shown its rows) and after every import;
rotation keeps the numbers set in desktop/settings.py. The WAL is copied into the database file every few
minutes (a passive checkpoint, in a worker) and when the database is closed, so little of the user's work waits
in the `-wal` if the computer stops. Progress shows in the status bar; the GUI thread never waits on the disk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar

from db import auto_backups
from db.store import Store
from desktop import settings
from desktop.worker import Job, start_job

CLOSE_WAIT_MS = 5000  # at close, how long a running backup may take to stop and clean up


class Safekeeping(QObject):
    backup_finished = Signal(str)  # the message shown in the status bar (written and verified, or what failed)

    def __init__(self, config: settings.Settings, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.config = config
        self.status_bar = status_bar
        # A bare progress bar, shown and hidden whole: a label changing inside a status bar widget makes Qt
        # show the window's path under a temporary message.
        self.progress = QProgressBar(status_bar)
        self.progress.setObjectName("backupProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("Backing up… %p%"))
        self.progress.hide()
        status_bar.addPermanentWidget(self.progress)
        self.store: Store | None = None
        self.backup_job: Job | None = None
        self.checkpoint_job: Job | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.checkpoint)
        self.backup_timer = QTimer(self)
        self.backup_timer.setSingleShot(True)
        self.backup_timer.timeout.connect(self._back_up_if_due)

    def attach(self, store: Store) -> None:
        """A database was opened: checkpoint it periodically, and back it up if there is no backup of today."""
        self.store = store
        self.timer.start(max(1, self.config.get(settings.CHECKPOINT_MINUTES)) * 60_000)
        self.backup_timer.start(max(0, self.config.get(settings.BACKUP_DELAY_SECONDS)) * 1000)

    def _back_up_if_due(self) -> None:
        if self.store is not None and auto_backups.is_due(self.store.path):
            self.back_up("open")

    def detach(self) -> None:
        """Before the database is closed: stop the timers and any backup, and copy the WAL into the file.

        The workers are given a few seconds to finish: a cancelled backup removes its partial file (it could not
        once the application has quit), and no worker is left using a connection that is about to be closed.
        """
        self.timer.stop()
        self.backup_timer.stop()
        for job in (self.backup_job, self.checkpoint_job):
            if job is not None and not job.done:
                job.cancel()
        QThreadPool.globalInstance().waitForDone(CLOSE_WAIT_MS)
        if self.store is not None:
            self.store.checkpoint(truncate=True)
        self.store = None

    def back_up(self, reason: str) -> Job | None:
        """Start an automatic backup (`open` or `import`) in a worker, unless one is running."""
        if self.store is None or (self.backup_job is not None and not self.backup_job.done):
            return None
        path: Path = self.store.path
        daily, weekly = self.config.backups_to_keep

        def work(report: object) -> auto_backups.BackupFile:
            return auto_backups.take_backup(path, reason, keep_daily=daily, keep_weekly=weekly, report=report)  # type: ignore[arg-type]

        job = start_job(self, work)
        self.backup_job = job
        self.progress.setRange(0, 0)
        self.progress.show()
        job.progressed.connect(self._progressed)
        job.succeeded.connect(lambda backup: self._finished(self.tr("Backup written and verified: %s") % backup.path))
        job.failed.connect(lambda message: self._finished(self.tr("The automatic backup failed: %s") % message))
        job.ended.connect(self.progress.hide)
        return job

    def _progressed(self, done: int, total: int, _message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _finished(self, message: str) -> None:
        self.progress.hide()
        self.status_bar.showMessage(message, 10_000)
        self.backup_finished.emit(message)

    def checkpoint(self) -> Job | None:
        """A passive checkpoint in a worker (it never waits for readers or writers)."""
        if self.store is None or (self.checkpoint_job is not None and not self.checkpoint_job.done):
            return None
        store = self.store
        self.checkpoint_job = start_job(self, lambda report: store.for_thread().checkpoint())
        return self.checkpoint_job
