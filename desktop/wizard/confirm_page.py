"""Page 4: what will be imported, then the commit: every file in one transaction, in a worker, cancellable.

Finish starts the commit (validatePage answers False until it is done); when it succeeds the wizard closes by
itself with `committed_issue` set, so the window can open the comparison of the issue that gained most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWizard, QWizardPage

from db import sources
from db.ingest.pipeline import Analysis, busiest_issue, candidate_problem, commit, count_undated, tally
from db.sources import CommitResult
from desktop.wizard.job_progress import JobProgress
from desktop.worker import Report, start_job

if TYPE_CHECKING:
    from desktop.wizard.wizard import ImportWizard


class ConfirmPage(QWizardPage):
    def __init__(self, parent: ImportWizard) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("Check the summary and press Finish. All files are saved together, or none."))
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.progress = JobProgress(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.progress)
        self._committed = False
        self._blocking: list[str] = []
        self.setFinalPage(True)

    def wizard(self) -> ImportWizard:
        return cast("ImportWizard", super().wizard())

    def initializePage(self) -> None:
        self._committed = False
        wizard = self.wizard()
        lines: list[str] = []
        self._blocking = []
        new = [a for a in wizard.analyses() if sources.find_by_sha256(wizard.store, a.document.sha256) is None]
        repeats = self._repeats()
        lines.append(
            self.tr("To import: {0} statements from {1} documents, marked reviewed (you accepted them).").format(
                sum(len(a.accepted()) for a in new) - repeats, len(new)
            )
        )
        if repeats:
            lines.append(self.tr("{0} more statements were already reported by another source: each is saved as "
                                 "another source of that statement.").format(repeats))  # fmt: skip
        lines.append("")
        for analysis in wizard.analyses():
            lines += self._describe(analysis)
        for failure in wizard.failures():
            lines.append(self.tr("✗ not imported: {0}").format(failure.message))
        if self._blocking:
            lines += ["", self.tr("Correct these before importing:"), *self._blocking]
        self.summary.setPlainText("\n".join(lines))
        self.progress.show_idle("")
        self.completeChanged.emit()

    def _repeats(self) -> int:
        """Accepted statements the commit will add as another source rather than as a new statement."""
        analyses = self.wizard().analyses()
        return sum(
            1
            for (doc, row) in self.wizard().merge_plan()
            if doc < len(analyses) and row < len(analyses[doc].candidates) and analyses[doc].candidates[row].accepted
        )

    def _describe(self, analysis: Analysis) -> list[str]:
        wizard = self.wizard()
        document = analysis.document
        accepted = analysis.accepted()
        published = document.published.iso() if document.published else self.tr("date unknown")
        outlet = document.outlet or self.tr("outlet unknown")
        head = [document.title or analysis.path.name, f"    {analysis.path.name} · {outlet} · {published}"]
        if sources.find_by_sha256(wizard.store, document.sha256) is not None:
            return [*head, self.tr("    imported before: nothing will be added"), ""]
        lines = [*head, self.tr("    {0} of {1} statements accepted").format(len(accepted), len(analysis.candidates))]
        for (side, issue), count in sorted(tally(accepted).items()):
            side_name = wizard.side_names.get(side, side)
            lines.append(f"    {count:4d}  {side_name} · {wizard.issue_titles.get(issue, issue)}")
        undated = count_undated(analysis)
        if undated:
            lines.append(self.tr("    %n of them with the date unknown: set it later from the details of any one",
                                 "", undated))  # fmt: skip
        for number, candidate in enumerate(analysis.candidates, 1):
            problem = candidate.accepted and candidate_problem(candidate, wizard.issue_titles, wizard.side_names)
            if problem:
                self._blocking.append(f"    {analysis.path.name}, statement {number}: {problem}")
        return [*lines, ""]

    def isComplete(self) -> bool:
        return not self._blocking and not self.wizard().busy() and bool(self.wizard().analyses())

    def validatePage(self) -> bool:
        if self._committed:
            return True
        if self.isComplete():
            self.start_commit()
        return False

    def start_commit(self) -> None:
        wizard = self.wizard()
        analyses = wizard.analyses()
        store = wizard.store
        plan = wizard.merge_plan()
        saved: list[list[CommitResult]] = []

        def work(report: Report) -> list[CommitResult]:
            results = commit(store.for_thread(), analyses, report, reviewed=True, merges=plan)
            saved.append(results)  # past COMMIT: a late Cancel can no longer undo it
            return results

        job = wizard.keep(start_job(None, work))
        self.progress.watch(job, self.tr("Saving…"))
        job.succeeded.connect(lambda results: self._saved(analyses, results))
        job.cancelled.connect(lambda: self._saved(analyses, saved[0]) if saved else self._cancelled())
        job.failed.connect(lambda message: self.progress.show_idle(self.tr("Nothing was saved: {0}").format(message)))
        job.ended.connect(lambda: self._set_buttons(True))
        self._set_buttons(False)

    def _cancelled(self) -> None:
        self.progress.show_idle(self.tr("Cancelled: nothing was saved."))

    def _set_buttons(self, enabled: bool) -> None:
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            button = self.wizard().button(which)
            if button is not None:
                button.setEnabled(enabled)
        self.completeChanged.emit()

    def _saved(self, analyses: list[Analysis], results: list[CommitResult]) -> None:
        wizard = self.wizard()
        wizard.commit_results = results
        wizard.committed_issue = busiest_issue(analyses, results)
        added = sum(r.added for r in results)
        duplicates = sum(r.duplicate for r in results)
        wizard.summary = self.tr("Imported {0} statements from {1} documents.").format(added, len(results) - duplicates)
        merged = sum(r.merged for r in results)
        if merged:
            wizard.summary += " " + self.tr("{0} were added as another source of a statement.").format(merged)
        if duplicates:
            wizard.summary += " " + self.tr("{0} documents were imported before and were skipped.").format(duplicates)
        self.progress.show_idle(wizard.summary)
        self._committed = True
        wizard.accept()
