"""The import wizard: choose files -> check how each was read -> review the proposed statements -> commit.

Each page owns its load (`initializePage`) and its save (`validatePage`); the wizard only holds what the pages
share: the store (read on the GUI thread for names and duplicates), the files, and the analyses. Long work (reading
and extracting, committing) runs in worker threads (desktop.worker); the commit uses its own Store on the same file.

Usage from the window: `wizard = ImportWizard(store, parent); if wizard.exec(): open(wizard.committed_issue)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from db import issues
from db.ingest.gazetteer import Gazetteer
from db.ingest.pipeline import Analysis, Failure
from db.near_duplicates import Duplicate, MergeTarget
from db.sources import CommitResult
from db.store import Store
from db.user_gazetteer import load_gazetteer
from desktop.worker import Job

PAGE_FILES = 1
PAGE_CHECK = 2
PAGE_REVIEW = 3
PAGE_CONFIRM = 4


class ImportWizard(QWizard):
    def __init__(self, store: Store, parent: QWidget | None = None, paths: Iterable[Path | str] = ()) -> None:
        super().__init__(parent)
        from desktop.wizard.check_page import CheckPage
        from desktop.wizard.confirm_page import ConfirmPage
        from desktop.wizard.files_page import FilesPage
        from desktop.wizard.review_page import ReviewPage

        self.store = store
        self.paths: list[Path] = [Path(p) for p in paths]
        self.results: list[Analysis | Failure] = []
        self.commit_results: list[CommitResult] = []
        self.committed_issue: str | None = None  # the issue with the most new statements, for the window
        self.summary = ""  # one line about what was imported, for the window's status bar
        self.side_names = {side.slug: side.name for side in issues.sides(store)}
        self.issue_titles = {issue.slug: issue.title for issue in issues.current_issues(store)}
        self._gazetteer: Gazetteer | None = None
        self._jobs: set[Job] = set()
        # Candidates that repeat a stored statement or one of an earlier file: (file, row) -> Duplicate, found
        # with every reading of the files (check page) and ticked or not by the user (review page).
        self.duplicates: dict[tuple[int, int], Duplicate] = {}

        self.setWindowTitle(self.tr("Import documents"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setPage(PAGE_FILES, FilesPage(self))
        self.setPage(PAGE_CHECK, CheckPage(self))
        self.setPage(PAGE_REVIEW, ReviewPage(self))
        self.setPage(PAGE_CONFIRM, ConfirmPage(self))
        self.setStartId(PAGE_FILES)
        self.resize(1180, 760)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)

    def analyses(self) -> list[Analysis]:
        """The files that were read, in the order chosen."""
        return [r for r in self.results if isinstance(r, Analysis)]

    def failures(self) -> list[Failure]:
        return [r for r in self.results if isinstance(r, Failure)]

    def gazetteer(self) -> Gazetteer:
        """The user's actors and issues from the database, read once per wizard on first use (in a worker, on the
        worker's own connection); `forget_gazetteer` makes the next use read them again."""
        if self._gazetteer is None:
            with Store.open(self.store.path, create=False) as own:
                self._gazetteer = load_gazetteer(own)
        return self._gazetteer

    def forget_gazetteer(self) -> None:
        self._gazetteer = None

    def merge_plan(self) -> dict[tuple[int, int], MergeTarget]:
        """The repeats the user keeps ticked: each becomes another source of the statement it repeats."""
        return {key: found.target for key, found in self.duplicates.items() if found.merge}

    def keep(self, job: Job) -> Job:
        """Hold a reference until the job ends, and cancel it if the wizard closes first."""
        self._jobs.add(job)
        job.ended.connect(lambda: self._jobs.discard(job))
        return job

    def busy(self) -> bool:
        """True until the last job's `ended` has been handled here (Job.done turns True earlier, in the worker)."""
        return bool(self._jobs)

    def has_unsaved_work(self) -> bool:
        """Files read (and perhaps reviewed) that are not in the database yet: closing would lose them."""
        return bool(self.analyses()) and not self.commit_results

    def reject(self) -> None:
        """Escape, Cancel or the close button: ask first when review work would be lost, as an editor does."""
        if self.has_unsaved_work() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        analyses = self.analyses()
        statements = sum(len(a.candidates) for a in analyses)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close the import?"))
        box.setObjectName("discardImportBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Close the import and discard your review?"))
        box.setInformativeText(
            self.tr("%n statement(s) were found in the documents read; your accepts, rejections and corrections will "
                    "be lost. Nothing has been saved to the database.", "", statements)
        )  # fmt: skip
        discard = box.addButton(self.tr("Discard the review"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep reviewing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        chosen = box.clickedButton() is discard
        box.setParent(None)  # gone once answered (the next question is a new box)
        box.deleteLater()
        return chosen

    def done(self, result: int) -> None:
        if result == QWizard.DialogCode.Rejected:
            for job in list(self._jobs):
                job.cancel()  # extraction simply stops; a commit rolls back
        super().done(result)
