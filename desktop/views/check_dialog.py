"""Help > Check database: the pages, references and search index checked in a worker, reported in plain words,
with the repair that fits: rebuild the search index, or restore the newest backup that passes the same check.

The check (db/integrity.py) runs on the worker thread's own connection, with a progress bar and Cancel; nothing
is changed unless the user chooses a repair.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from db import auto_backups, integrity, restore
from db.auto_backups import BackupFile
from db.integrity import CheckResult
from db.store import Store
from desktop.wizard.job_progress import JobProgress
from desktop.worker import Job, start_job


def check_with_fallback(store: Store, report: Any) -> tuple[CheckResult, BackupFile | None]:
    """The check, and when the data itself is damaged the newest backup that passes it (in the worker)."""
    result = integrity.check(store.for_thread().conn, report)
    good = None
    if result.pages or result.references:
        good = restore.newest_good_backup(store.path, report)
    return result, good


class CheckDialog(QDialog):
    restore_requested = Signal(str)  # the path of the backup the user chose to put back

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check database"))
        self.store = store
        self.job: Job | None = None
        self.result: CheckResult | None = None
        self.good_backup: BackupFile | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("checkHeadline")
        self.headline.setStyleSheet("font-weight: bold;")
        self.explanation = QLabel(self)
        for label in (self.headline, self.explanation):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.progress = JobProgress(self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.rebuild_button = QPushButton(self.tr("Rebuild the search index"), self)
        self.restore_button = QPushButton(self.tr("Restore the newest good backup…"), self)
        for button in (self.rebuild_button, self.restore_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.hide()
        self.buttons.rejected.connect(self.reject)
        self.rebuild_button.clicked.connect(self.rebuild_index)
        self.restore_button.clicked.connect(self._restore_chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.explanation)
        layout.addWidget(self.progress)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 320)

    def start(self) -> Job:
        """Run the check in a worker; the report follows when it ends."""
        self._show(self.tr("Checking the database…"), self.tr("Reading every page, reference and index entry."))
        store = self.store
        self.job = start_job(self, lambda report: check_with_fallback(store, report))
        self.progress.watch(self.job, self.tr("Checking…"))
        self.job.succeeded.connect(lambda found: self._checked(*found))
        self.job.cancelled.connect(lambda: self._show(self.tr("Check cancelled"), self.tr("Nothing was changed.")))
        self.job.failed.connect(lambda message: self._show(self.tr("The check could not run"), message))
        return self.job

    def rebuild_index(self) -> Job:
        """Re-read every statement and annotation into the search index, then check again."""
        self.rebuild_button.hide()
        self._show(self.tr("Rebuilding the search index…"), self.tr("Your statements and annotations are not changed."))
        store = self.store

        def work(report: Any) -> tuple[CheckResult, BackupFile | None]:
            report(0, 0, "")
            integrity.rebuild_search_index(store.for_thread())
            return check_with_fallback(store, report)

        self.job = start_job(self, work)
        self.progress.watch(self.job, self.tr("Rebuilding…"))
        self.job.succeeded.connect(lambda found: self._checked(*found))
        self.job.cancelled.connect(lambda: self._show(self.tr("Rebuild cancelled"), self.tr("Nothing was changed.")))
        self.job.failed.connect(lambda message: self._show(self.tr("The search index could not be rebuilt"), message))
        return self.job

    def reject(self) -> None:
        if self.job is not None and not self.job.done:
            self.job.cancel()
        super().reject()

    def _show(self, headline: str, explanation: str) -> None:
        if self.job is None or self.job.done:
            self.progress.show_idle("")
        self.headline.setText(headline)
        self.explanation.setText(explanation)

    def _checked(self, result: CheckResult, good_backup: BackupFile | None) -> None:
        self.result, self.good_backup = result, good_backup
        self.details.setPlainText("\n".join(result.problems))
        self.details.setVisible(not result.ok)
        self.rebuild_button.setVisible(bool(result.search_index))
        self.restore_button.setVisible(good_backup is not None)
        if result.ok:
            self._show(self.tr("No problems found"), self.tr(
                "Every page of the database reads correctly, every statement and annotation points to rows that "
                "exist, and the search index matches them."))  # fmt: skip
        elif result.only_the_index:
            self._show(self.tr("The search index is out of step"), self.tr(
                "Your statements and annotations are sound, but searches may miss some of them or show wrong "
                "ones. Rebuilding the index repairs this without changing any of your data."))  # fmt: skip
        else:
            self._show(self.tr("The database is damaged"), self._damage_advice(result, good_backup))

    def _damage_advice(self, result: CheckResult, good_backup: BackupFile | None) -> str:
        count = len(result.pages) + len(result.references)
        found = self.tr("%n problem(s) were found in its pages or references (details below); some statements or "
                        "annotations may be unreadable or wrong.", "", count)  # fmt: skip
        if good_backup is None:
            folder = auto_backups.backup_folder(self.store.path)
            return (
                found
                + "\n\n"
                + self.tr(
                    "No backup in %s passes the check. Do not delete this file: keep it as it is and ask for help, "
                    "since SQLite's recovery tools can often save most of it."
                )
                % folder
            )
        when = good_backup.taken_at.strftime("%Y-%m-%d %H:%M")
        return (
            found
            + "\n\n"
            + self.tr(
                "The newest backup that passes the check was taken on %s. Restoring it puts the database back as it "
                "was then; the damaged database is kept aside, not deleted."
            )
            % when
        )

    def _restore_chosen(self) -> None:
        if self.good_backup is not None:
            self.restore_requested.emit(str(self.good_backup.path))
            self.accept()


def open_check(parent: QWidget, store: Store, restore_backup: Callable[[str], object]) -> CheckDialog:
    """Show the dialog and start the check (the window stays usable meanwhile)."""
    dialog = CheckDialog(store, parent)
    dialog.restore_requested.connect(restore_backup)
    dialog.start()
    dialog.open()
    return dialog
