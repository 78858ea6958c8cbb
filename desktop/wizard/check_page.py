"""Page 2: read and extract every file in a worker, then check how each was read and correct it.

Per file: the detected format, encoding and language (override encoding or language and read it again), the title,
outlet and publication date (edit them), the beginning of the text (mojibake shows at once) and the problems. When
no publication date was found and statements have no date of their own, a prompt under the date field asks for it;
the user may also go on, and those statements are imported with the date unknown.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from db import sources
from db.connection import is_database_file
from db.ingest.languages import PACKS
from db.ingest.pipeline import Analysis, Failure, Overrides, analyse_files, count_undated, date_from_publication
from db.ingest.reader import LIMIT_HINT
from db.near_duplicates import Duplicate, detect
from db.partial_date import PartialDate
from db.store import Store
from db.untrusted_input import megabytes
from desktop import plain_words
from desktop.settings import IMPORT_MAX_MB, Settings
from desktop.wizard.job_progress import JobProgress
from desktop.worker import Report, start_job

if TYPE_CHECKING:
    from desktop.wizard.wizard import ImportWizard

ENCODINGS = ("utf-8", "utf-16", "cp1251", "koi8-r", "cp932", "euc_jp", "iso2022_jp", "latin-1")
PREVIEW_CHARS = 3000


def find_repeats(store: Store, analyses: list[Analysis]) -> dict[tuple[int, int], Duplicate]:
    """Candidates that repeat a stored statement or one of an earlier file of the batch (files imported before
    are left out: nothing of theirs will be saved)."""
    skip = [n for n, a in enumerate(analyses) if sources.find_by_sha256(store, a.document.sha256) is not None]
    return detect(store, [a.candidates for a in analyses], [a.document.outlet for a in analyses], skip)


def plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class WrappedNote(QLabel):
    """Plain text wrapped at its width, never squeezed below the lines it needs (a form layout short of room
    would otherwise cut the last line off)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class CheckPage(QWizardPage):
    def __init__(self, parent: ImportWizard) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check each document"))
        self.setSubTitle(self.tr("How each file was read. Correct the title, outlet or date; if the text looks wrong, "
                                 "choose the encoding or language and read it again."))  # fmt: skip
        self.progress = JobProgress(self)
        self.again_button = QPushButton(self.tr("Read all again"), self)
        self.file_list = QListWidget(self)
        self.format_label = plain_label(self)
        self.encoding_box = QComboBox(self)
        self.language_box = QComboBox(self)
        self.title_edit = QLineEdit(self)
        self.outlet_edit = QLineEdit(self)
        self.published_edit = QLineEdit(self)
        self.published_edit.setPlaceholderText(self.tr("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.basis_label = plain_label(self)
        self.basis_label.setWordWrap(True)
        self.undated_prompt = QFrame(self)
        self.undated_prompt.setObjectName("undatedPrompt")
        self.undated_prompt.setStyleSheet(
            "QFrame#undatedPrompt { background: #fff4d6; border: 1px solid #e2c16b; border-radius: 4px; }"
            " QLabel { color: #3d3000; background: transparent; border: none; }"
        )
        self.undated_text = WrappedNote(self.undated_prompt)
        prompt_layout = QVBoxLayout(self.undated_prompt)
        prompt_layout.setContentsMargins(10, 8, 10, 8)
        prompt_layout.addWidget(self.undated_text)
        self.undated_prompt.hide()
        self.reread_button = QPushButton(self.tr("Read this file again with these settings"), self)
        self.problems_view = QPlainTextEdit(self)
        self.problems_view.setReadOnly(True)
        self.problems_view.setMaximumHeight(90)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self._build_layout()
        self._shown = -1  # the row whose values the form holds

        self.file_list.currentRowChanged.connect(self._show_file)
        self.again_button.clicked.connect(self.analyse_all)
        self.reread_button.clicked.connect(self.reread_current)
        for edit in (self.title_edit, self.outlet_edit, self.published_edit):
            edit.editingFinished.connect(self._save_form)

    def _build_layout(self) -> None:
        self.encoding_box.addItem(self.tr("detect"), None)
        for name in ENCODINGS:
            self.encoding_box.addItem(name, name)
        self.language_box.addItem(self.tr("detect"), None)
        for pack in PACKS.values():
            self.language_box.addItem(f"{pack.name} ({pack.code})", pack.code)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_label)
        form.addRow(self.tr("Encoding:"), self.encoding_box)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Outlet:"), self.outlet_edit)
        form.addRow(self.tr("Published:"), self.published_edit)
        form.addRow("", self.undated_prompt)
        form.addRow("", self.basis_label)
        form.addRow("", self.reread_button)
        form.addRow(self.tr("Problems:"), self.problems_view)
        details = QWidget(self)
        right = QVBoxLayout(details)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(form)
        right.addWidget(QLabel(self.tr("Beginning of the text:"), self))
        right.addWidget(self.preview, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.file_list)
        splitter.addWidget(details)
        splitter.setSizes([300, 800])
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def wizard(self) -> ImportWizard:
        return cast("ImportWizard", super().wizard())

    # load and save

    def initializePage(self) -> None:
        wizard = self.wizard()
        if [r.path for r in wizard.results] != wizard.paths:
            wizard.results = []
            self._fill_list()
            self.analyse_all()

    def validatePage(self) -> bool:
        self._save_form()
        return not self.wizard().busy()

    def isComplete(self) -> bool:
        return not self.wizard().busy() and bool(self.wizard().analyses())

    def cleanupPage(self) -> None:
        for job in list(self.wizard()._jobs):
            job.cancel()

    # reading in a worker

    def analyse_all(self) -> None:
        previous = {r.path: r.overrides for r in self.wizard().analyses()}
        self._run(list(self.wizard().paths), lambda path: previous.get(path, Overrides()), None)

    def reread_current(self) -> None:
        row = self.file_list.currentRow()
        if row < 0 or self.wizard().busy():
            return
        self._save_form()
        result = self.wizard().results[row]
        overrides = self._form_overrides(result)
        self._run([result.path], lambda _path: overrides, row)

    def _run(self, paths: list[Path], overrides_for: object, row: int | None) -> None:
        wizard = self.wizard()
        if wizard.busy() or not paths:
            return

        before = list(wizard.results)
        store = wizard.store
        limit = Settings().import_max_bytes
        message = self.tr("{0}: this is the database Positions has open (or one of SQLite's files beside it), "
                          "not a document to import")  # fmt: skip

        def limited(path: Path) -> Overrides:
            return dataclasses.replace(overrides_for(path), max_bytes=limit)  # type: ignore[operator]

        def work(report: Report) -> tuple[list[Analysis | Failure], dict[tuple[int, int], Duplicate]]:
            own = {p for p in paths if is_database_file(p, store.path)}  # never read: see db/connection.py
            read = iter(analyse_files([p for p in paths if p not in own], gazetteer=wizard.gazetteer(),
                                      overrides=limited, report=report))  # fmt: skip
            results = [Failure(p, message.format(p.name)) if p in own else next(read) for p in paths]
            batch = results if row is None else [*before[:row], *results, *before[row + 1 :]]
            report(1, 1, self.tr("Looking for statements other sources already reported…"))
            return results, find_repeats(store.for_thread(), [r for r in batch if isinstance(r, Analysis)])

        job = wizard.keep(start_job(None, work))
        self.progress.watch(job, self.tr("Reading %n file(s)…", "", len(paths)))
        job.succeeded.connect(lambda found: self._analysed(found[0], row, found[1]))
        job.cancelled.connect(lambda: self.progress.show_idle(self.tr("Cancelled: nothing was read or changed.")))
        job.failed.connect(lambda message: self.progress.show_idle(self.tr("Reading failed: {0}").format(message)))
        job.ended.connect(self._job_ended)
        self._set_editable(False)
        self.completeChanged.emit()

    def _analysed(
        self, results: list[Analysis | Failure], row: int | None, repeats: dict[tuple[int, int], Duplicate]
    ) -> None:
        wizard = self.wizard()
        if row is None:
            wizard.results = results
        else:
            wizard.results[row] = results[0]
        wizard.duplicates = repeats
        self._fill_list(row or 0)
        read, failed = len(wizard.analyses()), len(wizard.failures())
        message = self.tr("%n file(s) read", "", read)
        if failed:
            message += self.tr("; %n file(s) cannot be imported", "", failed)
        self.progress.show_idle(message)

    def _job_ended(self) -> None:
        self._set_editable(True)
        self.completeChanged.emit()

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.again_button, self.reread_button, self.file_list):
            widget.setEnabled(editable)

    # the file list and the form

    def _fill_list(self, select: int = 0) -> None:
        self._shown = -1
        self.file_list.clear()
        wizard = self.wizard()
        for result in wizard.results:
            if isinstance(result, Failure):
                text, tip = f"✗ {result.path.name}", self.tr("cannot be imported")
            elif sources.find_by_sha256(wizard.store, result.document.sha256) is not None:
                text, tip = f"= {result.path.name}", self.tr("imported before: nothing will be added")
            else:
                text, tip = self._item_text(result), self.tr("read")
            item = QListWidgetItem(text)
            item.setToolTip(f"{result.path}\n{tip}")
            self.file_list.addItem(item)
        if wizard.results:
            self.file_list.setCurrentRow(min(select, len(wizard.results) - 1))
        else:
            self._show_file(-1)

    def _show_file(self, row: int) -> None:
        self._save_form()
        results = self.wizard().results
        result = results[row] if 0 <= row < len(results) else None
        self._shown = row if result is not None else -1
        readable = isinstance(result, Analysis)
        for widget in (self.title_edit, self.outlet_edit, self.published_edit):
            widget.setEnabled(readable)
        self.reread_button.setEnabled(result is not None)
        overrides = result.overrides if isinstance(result, Analysis) else Overrides()
        detected = result.document if isinstance(result, Analysis) else None
        self.encoding_box.setItemText(
            0, self.tr("detect ({0})").format(detected.encoding) if detected else self.tr("detect")
        )
        self.language_box.setItemText(
            0,
            self.tr("detect ({0})").format(plain_words.language(detected.language)) if detected else self.tr("detect"),
        )
        self.encoding_box.setCurrentIndex(max(0, self.encoding_box.findData(overrides.encoding)))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(overrides.language)))
        if not isinstance(result, Analysis):
            for widget in (self.title_edit, self.outlet_edit, self.published_edit):
                widget.clear()
            self.format_label.setText("")
            self.basis_label.setText("")
            self.undated_prompt.hide()
            self.preview.clear()
            message = result.message if result else ""
            if LIMIT_HINT in message:
                config = Settings()
                message += "\n\n" + self.tr("The import limit is {0}: change {1} under [import] in {2}.").format(
                    megabytes(config.import_max_bytes), IMPORT_MAX_MB.key.split("/")[1], config.where()
                )
            self.problems_view.setPlainText(message)
            return
        document = result.document
        self.format_label.setText(
            self.tr("{0}, {1}, {2}").format(document.format, document.encoding, plain_words.language(document.language))
        )
        self.title_edit.setText(document.title)
        self.outlet_edit.setText(document.outlet or "")
        self.published_edit.setText(document.published.iso() if document.published else "")
        self.basis_label.setText(document.published_basis)
        self._show_undated_prompt(result)
        problems = list(result.problems)
        if sources.find_by_sha256(self.wizard().store, document.sha256) is not None:
            problems.insert(0, self.tr("This document was imported before: it will not be added again."))
        self.problems_view.setPlainText("\n".join(problems) if problems else self.tr("None."))
        self.preview.setPlainText(document.text[:PREVIEW_CHARS])

    def _save_form(self) -> None:
        results = self.wizard().results
        if not 0 <= self._shown < len(results):
            return
        result = results[self._shown]
        if not isinstance(result, Analysis):
            return
        document = result.document
        document.title = self.title_edit.text().strip()
        document.outlet = self.outlet_edit.text().strip() or None
        text = self.published_edit.text().strip()
        if not text:
            document.published = None
            return
        try:
            published = PartialDate.from_iso(text)
        except ValueError:
            self.basis_label.setText(self.tr("Not a date: use YYYY-MM-DD, YYYY-MM or YYYY."))
            return
        if published != document.published:
            date_from_publication(result, published)
            self.basis_label.setText(self.tr("Given by you. Statements dated by the article now take this date; "
                                             "read the file again to resolve relative dates from it."))  # fmt: skip
            self._show_undated_prompt(result)
            self._refresh_item(self._shown, result)

    def _show_undated_prompt(self, result: Analysis) -> None:
        """Ask for the publication date when statements would otherwise be imported without a date."""
        undated = count_undated(result)
        if not undated or result.document.published is not None:
            self.undated_prompt.hide()
            return
        self.undated_text.setText(
            self.tr("No publication date was found, and %n statement(s) of this file have no date of their own. "
                    "Type the publication date above to date them, or go on: they will be imported with the date "
                    "unknown, and you can date them all later from the details of any one.", "", undated)
        )  # fmt: skip
        self.undated_prompt.show()

    def _item_text(self, result: Analysis) -> str:
        count = self.tr("%n statement(s)", "", len(result.candidates))
        undated = count_undated(result)
        if undated:
            count += self.tr(", %n without a date", "", undated)
        return f"✓ {result.path.name} — {count}"

    def _refresh_item(self, row: int, result: Analysis) -> None:
        item = self.file_list.item(row)
        if item is not None and item.text().startswith("✓"):
            item.setText(self._item_text(result))

    def _form_overrides(self, result: Analysis | Failure) -> Overrides:
        """What the form says, for reading the file again: an edited date and outlet are kept."""
        published = outlet = None
        if isinstance(result, Analysis):
            document = result.document
            published = document.published if document.published_basis == "given by the user" else None
            outlet = document.outlet
        return Overrides(
            encoding=self.encoding_box.currentData(),
            language=self.language_box.currentData(),
            published=published,
            outlet=outlet,
        )
