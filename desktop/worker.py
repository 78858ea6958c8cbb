"""Long work off the GUI thread, through one helper: progress, cancel, and the result back on the GUI thread.

Call sites are one line: `job = start_job(self, work)` where `work(report)` runs in a pool thread and calls
`report(done, total, message)` now and then; `report` raises `Cancelled` once the user has pressed Cancel, so
the work stops at a safe point (inside a transaction, which then rolls back). Work that touches the database
uses `store.for_thread()`: the pool thread's own long-lived connection to the same file (one SQLite connection
is never shared between threads, and none is opened and closed per task).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Report = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside the work when the user cancelled it."""


class Job(QObject):
    progressed = Signal(int, int, str)  # done, total, message
    succeeded = Signal(object)  # the work's return value
    failed = Signal(str)  # a message for the user
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.progressed.emit(done, total, message)


class _Runnable(QRunnable):
    def __init__(self, job: Job, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:
        job = self.job
        try:
            result = self.work(job.report)
            if job.is_cancelled:
                raise Cancelled()
        except Cancelled:
            job.cancelled.emit()
        except Exception as exc:  # shown to the user; the traceback goes to the log for us
            traceback.print_exc()
            job.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            job.succeeded.emit(result)
        finally:
            job.done = True
            job.ended.emit()


def start_job(parent: QObject | None, work: Callable[[Report], Any]) -> Job:
    """Run `work(report)` in the global thread pool and return the Job that reports on it.

    The work starts on the next turn of the event loop, so the caller's connections to the job's signals
    are in place before a fast job can finish (a signal emitted before `connect` would be lost).
    """
    job = Job(parent)
    runnable = _Runnable(job, work)
    pool = QThreadPool.globalInstance()
    pool.setExpiryTimeout(-1)  # pool threads live on, and so does each one's connection (Store.for_thread)
    QTimer.singleShot(0, job, lambda: pool.start(runnable))
    return job


def start_job_with_progress(parent: QWidget, title: str, work: Callable[[Report], Any]) -> Job:
    """start_job with a modal progress dialog whose Cancel button cancels the job."""
    job = start_job(parent, work)
    dialog = QProgressDialog(title, parent.tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def on_progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if message:
            dialog.setLabelText(message)

    job.progressed.connect(on_progress)
    dialog.canceled.connect(job.cancel)
    job.ended.connect(dialog.deleteLater)
    job.ended.connect(dialog.close)
    return job
