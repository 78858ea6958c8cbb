"""The import wizard driven end to end with pytest-qt on real documents: choose, check, review, commit."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWizard

from db.ingest.gazetteer import Gazetteer
from db.ingest.pipeline import analyse, commit
from db.partial_date import PartialDate
from db.store import Store
from desktop.models.candidates_model import COL_ACCEPT, COL_DATE, COL_ISSUE, COL_KIND, COL_SIDE, COL_SPEAKER
from desktop.wizard import ImportWizard
from desktop.wizard.check_page import CheckPage
from desktop.wizard.confirm_page import ConfirmPage
from desktop.wizard.files_page import FilesPage
from desktop.wizard.review_page import ReviewPage
from desktop.wizard.wizard import PAGE_CHECK, PAGE_CONFIRM, PAGE_FILES, PAGE_REVIEW
from tests.conftest import ARTICLE
from tests.db.test_connection import python_opens  # noqa: F401  (a fixture)
from tests.ingest.test_pipeline import (
    JA_TEXT,
    PNG_BYTES,
    RU_TEXT,
    fingerprint,
    hostile_html,
    local_server,  # noqa: F401  (a fixture)
)

WAIT_MS = 60_000


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


def open_wizard(qtbot, store: Store, paths: list[Path], *, ask: bool = False) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(store, None, paths)
    if not ask:  # qtbot closes the wizard after each test: no question then (test_escape_asks_first asks)
        wizard.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == PAGE_FILES
    return wizard


def to_review(qtbot, wizard: ImportWizard) -> ReviewPage:  # type: ignore[no-untyped-def]
    wizard.next()
    assert wizard.currentId() == PAGE_CHECK
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=WAIT_MS)
    wizard.next()
    assert wizard.currentId() == PAGE_REVIEW
    page = wizard.currentPage()
    assert isinstance(page, ReviewPage)
    return page


def finish(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    if wizard.currentId() != PAGE_CONFIRM:
        wizard.next()
    assert wizard.currentId() == PAGE_CONFIRM
    assert wizard.currentPage().isComplete(), wizard.currentPage().summary.toPlainText()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
    assert wizard.result() == QWizard.DialogCode.Accepted


def stored(store: Store) -> set[tuple[str, str, str | None, str, str, str, str]]:
    rows = store.conn.execute(
        "SELECT st.quote, st.speaker, sd.slug, i.slug, st.said_on, st.date_precision, st.kind FROM statements st"
        " JOIN issues i ON i.id = st.issue_id LEFT JOIN sides sd ON sd.id = st.side_id"
    )
    return set(rows)


def test_end_to_end_with_edits_commits_what_the_user_sees(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, store, [ARTICLE])
    review = to_review(qtbot, wizard)
    model = review.model
    assert model.rowCount() > 3
    assert review.source.toPlainText() == wizard.analyses()[0].document.text

    # edit the first candidate through the model, and its issue through the table's combo editor
    assert model.setData(model.index(0, COL_SPEAKER), "Sergey Lavrov")
    assert model.candidate(0).side == "russia", "a known speaker brings their side"
    assert model.setData(model.index(0, COL_SIDE), "japan")
    assert model.setData(model.index(0, COL_DATE), "2017-02")
    assert not model.setData(model.index(0, COL_DATE), "February"), "a bad date is refused"
    assert model.setData(model.index(0, COL_KIND), "direct_quote")
    index = model.index(0, COL_ISSUE)
    review.table.setCurrentIndex(index)
    review.table.edit(index)
    editor = review.table.viewport().findChild(QComboBox)
    assert editor is not None
    editor.setCurrentIndex(editor.findData("fisheries"))
    review.table.commitData(editor)
    assert model.candidate(0).issue == "fisheries"
    # accept the second, reject the third
    model.setData(model.index(1, COL_ACCEPT), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(2, COL_ACCEPT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    candidates = [dataclasses.replace(c) for c in model.candidates()]
    accepted = [c for c in candidates if c.accepted]
    rejected = candidates[2]

    finish(qtbot, wizard)
    rows = stored(store)
    assert len(rows) == len(accepted)
    edited = candidates[0]
    assert (edited.quote, "Sergey Lavrov", "japan", "fisheries", "2017-02-01", "month", "direct_quote") in rows
    landed = {(quote, speaker) for quote, speaker, *_ in rows}
    assert (rejected.quote, rejected.speaker) not in landed
    issues = [c.issue for c in accepted]
    assert issues.count(str(wizard.committed_issue)) == max(map(issues.count, issues)), "an issue that gained most"
    assert "Imported" in wizard.summary


def test_cancel_during_extraction_leaves_the_database_unchanged(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    long_article = tmp_path / "long.txt"
    long_article.write_text("\n\n".join([ARTICLE.read_text(encoding="utf-8")] * 120), encoding="utf-8")
    before = fingerprint(store.path)
    wizard = open_wizard(qtbot, store, [long_article])
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, CheckPage)
    qtbot.waitUntil(lambda: page.progress.bar.maximum() > 0 and page.progress.bar.value() > 0, timeout=WAIT_MS)
    assert wizard.busy() and not page.isComplete()
    qtbot.mouseClick(page.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=10_000)
    assert "Cancelled" in page.progress.message.text()
    assert wizard.analyses() == [] and not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.reject()
    assert fingerprint(store.path) == before


def test_add_a_statement_by_selecting_text(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "kono.txt"
    text = "𠮷野家の社長も出席した。\n\n" + JA_TEXT  # a character outside the BMP shifts Qt positions
    article.write_bytes(text.encode("utf-8"))
    wizard = open_wizard(qtbot, store, [article])
    review = to_review(qtbot, wizard)
    rows_before = review.model.rowCount()
    document_text = wizard.analyses()[0].document.text
    wanted = "ロシアとの平和条約締結交渉を粘り強く続ける考えを示した。"
    start = document_text.index(wanted)
    offsets = review._offsets
    cursor = QTextCursor(review.source.document())
    cursor.setPosition(offsets.to_qt(start) - 1)  # the selection may start with spaces: they are trimmed
    cursor.setPosition(offsets.to_qt(start + len(wanted)), QTextCursor.MoveMode.KeepAnchor)
    review.source.setTextCursor(cursor)
    assert review.add_button.isEnabled()
    qtbot.mouseClick(review.add_button, Qt.MouseButton.LeftButton)
    assert review.model.rowCount() == rows_before + 1
    row = rows_before
    added = review.model.candidate(row)
    assert document_text[added.start : added.end] == added.quote
    assert added.quote.endswith(wanted) and len(added.quote) <= len(wanted) + 1
    assert added.said_on is None  # no publication date: the date is not known, not made up
    wizard.next()
    assert not wizard.currentPage().isComplete(), "a statement without a speaker blocks the import"
    blocking = wizard.currentPage().summary.toPlainText()
    assert "the speaker is empty" in blocking and "no date" not in blocking.split("Correct these")[1]
    wizard.back()
    wizard.back()
    check = wizard.currentPage()
    assert isinstance(check, CheckPage)
    check.published_edit.setText("2017-12-15")
    check.published_edit.editingFinished.emit()
    wizard.next()
    review.model.setData(review.model.index(row, COL_SPEAKER), "河野太郎")
    review.model.setData(review.model.index(row, COL_ISSUE), "peace_treaty")
    assert review.model.candidate(row).speaker == "Taro Kono" and review.model.candidate(row).side == "japan"
    assert {c.said_on.iso() for c in review.model.candidates()} == {"2017-12-15"}
    finish(qtbot, wizard)
    assert any(quote == added.quote and speaker == "Taro Kono" for quote, speaker, *_ in stored(store))


def test_bulk_accept_by_confidence(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, store, [ARTICLE])
    review = to_review(qtbot, wizard)
    review.threshold.setValue(0.7)
    qtbot.mouseClick(review.threshold_button, Qt.MouseButton.LeftButton)
    assert all(c.accepted == (c.confidence >= 0.7) for c in review.model.candidates())
    qtbot.mouseClick(review.reject_all_button, Qt.MouseButton.LeftButton)
    assert not any(c.accepted for c in review.model.candidates())
    assert "0 of" in review.count_label.text()
    qtbot.mouseClick(review.accept_all_button, Qt.MouseButton.LeftButton)
    assert all(c.accepted for c in review.model.candidates())


def test_check_page_edits_and_rereads(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "lavrov.txt"
    article.write_bytes(RU_TEXT.encode("koi8-r"))
    wizard = open_wizard(qtbot, store, [article])
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, CheckPage)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert "koi8-r" in page.format_label.text() and "Russian" in page.format_label.text()
    assert "Лавров" in page.preview.toPlainText()
    # read it as the wrong encoding, then the right one
    page.encoding_box.setCurrentIndex(page.encoding_box.findData("cp1251"))
    page.reread_button.click()
    qtbot.waitUntil(lambda: not wizard.busy() and page.isComplete(), timeout=WAIT_MS)
    assert "Лавров" not in page.preview.toPlainText()
    page.encoding_box.setCurrentIndex(page.encoding_box.findData("koi8-r"))
    page.title_edit.setText("Лавров о договоре")
    page.outlet_edit.setText("ТАСС")
    page.published_edit.setText("2017-04-03")
    page.published_edit.editingFinished.emit()
    page.reread_button.click()
    qtbot.waitUntil(lambda: not wizard.busy() and page.isComplete(), timeout=WAIT_MS)
    document = wizard.analyses()[0].document
    assert "Лавров" in document.text and document.outlet == "ТАСС"
    assert document.published is not None and document.published.iso() == "2017-04-03"
    assert {c.said_on.iso() for c in wizard.analyses()[0].candidates} == {"2017-04-03"}
    page.title_edit.setText("Лавров о договоре")
    wizard.next()
    assert wizard.analyses()[0].document.title == "Лавров о договоре"
    finish(qtbot, wizard)
    row = store.conn.execute("SELECT title, outlet, published FROM sources").fetchone()
    assert row == ("Лавров о договоре", "ТАСС", "2017-04-03")


def test_bad_files_are_shown_and_left_out(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    picture = tmp_path / "photo.txt"
    picture.write_bytes(PNG_BYTES)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "lavrov.txt"
    good.write_text(RU_TEXT, encoding="utf-8")
    wizard = open_wizard(qtbot, store, [picture, empty, good])
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, CheckPage)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert page.file_list.item(0).text().startswith("✗")
    page.file_list.setCurrentRow(0)
    assert "photo.txt" in page.problems_view.toPlainText()
    assert "1 file(s) read" in page.progress.message.text() or "read" in page.progress.message.text()
    wizard.next()
    review = wizard.currentPage()
    assert isinstance(review, ReviewPage)
    wizard.next()
    summary = wizard.currentPage().summary.toPlainText()
    assert "not imported: photo.txt" in summary and "not imported: empty.txt" in summary, summary
    finish(qtbot, wizard)
    assert [row[0] for row in store.conn.execute("SELECT file_name FROM sources")] == ["lavrov.txt"]


def test_a_document_imported_before_is_recognised(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    commit(store, [analyse(ARTICLE, gazetteer=Gazetteer.load())])
    before = fingerprint(store.path)
    wizard = open_wizard(qtbot, store, [ARTICLE])
    wizard.next()
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert isinstance(page, CheckPage) and "imported before" in page.problems_view.toPlainText()
    wizard.next()
    wizard.next()
    confirm = wizard.currentPage()
    assert (
        isinstance(confirm, ConfirmPage) and "imported before: nothing will be added" in confirm.summary.toPlainText()
    )
    finish(qtbot, wizard)
    assert "imported before" in wizard.summary and wizard.committed_issue is None
    assert fingerprint(store.path) == before


def test_files_by_drop_and_removal(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, store, [])
    page = wizard.currentPage()
    assert isinstance(page, FilesPage) and not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    files = [tmp_path / "a.txt", tmp_path / "b.html"]
    for path in files:
        path.write_text(RU_TEXT, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in [*files, tmp_path]])  # a folder is skipped
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    page.dropEvent(event)
    page.dropEvent(event)  # dropping the same files again adds nothing
    assert page.paths() == files and page.isComplete()
    page.file_list.item(1).setSelected(True)
    page.remove_button.click()
    assert page.paths() == files[:1]
    wizard.next()
    assert wizard.paths == files[:1]
    wizard.reject()


def test_html_is_shown_as_plain_text_and_fetches_nothing(  # type: ignore[no-untyped-def]
    qtbot,
    store: Store,
    tmp_path: Path,
    local_server: str,  # noqa: F811
) -> None:
    from tests.ingest import test_pipeline

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT", encoding="utf-8")
    page_file = tmp_path / "page.html"
    page_file.write_text(hostile_html(local_server, secret), encoding="utf-8")
    wizard = open_wizard(qtbot, store, [page_file])
    review = to_review(qtbot, wizard)
    review.reject_all_button.click()
    shown = review.source.toPlainText()
    assert "Сергей Лавров" in shown and "<img" not in shown and "SECRET" not in shown and "SCRIPT-RAN" not in shown
    finish(qtbot, wizard)
    qtbot.wait(200)
    assert test_pipeline._RecordingHandler.hits == []


def test_candidates_model_passes_the_model_tester(qtmodeltester, store: Store) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.candidates_model import CandidatesModel

    analysis = analyse(ARTICLE, gazetteer=Gazetteer.load())
    model = CandidatesModel()
    model.set_names({"russia": "Russia", "japan": "Japan"}, {"peace_treaty": "Peace treaty", "other": "Other"})
    model.set_rows(analysis.candidates)
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_cancel_during_commit_saves_nothing_and_finish_can_try_again(  # type: ignore[no-untyped-def]
    qtbot, store: Store
) -> None:
    before = fingerprint(store.path)
    wizard = open_wizard(qtbot, store, [ARTICLE])
    to_review(qtbot, wizard)
    wizard.next()
    confirm = wizard.currentPage()
    assert isinstance(confirm, ConfirmPage)
    confirm.validatePage()  # what Finish does: starts the commit in a worker
    confirm.progress.cancel()  # before the worker has opened its own connection
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=WAIT_MS)
    assert "Cancelled: nothing was saved." in confirm.progress.message.text()
    assert wizard.isVisible() and wizard.currentId() == PAGE_CONFIRM
    assert fingerprint(store.path) == before
    finish(qtbot, wizard)
    assert store.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_escape_asks_before_discarding_the_review(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Issue 9: Escape closed the wizard and threw the review away without a word; it asks first now."""
    before = fingerprint(store.path)
    wizard = open_wizard(qtbot, store, [ARTICLE], ask=True)
    review = to_review(qtbot, wizard)
    assert review.model.setData(review.model.index(0, COL_SPEAKER), "Sergey Lavrov")
    questions: list[str] = []

    def answer(choice: str) -> None:
        box = wizard.findChild(QMessageBox, "discardImportBox")
        assert box is not None and box.isVisible()
        questions.append(f"{box.text()} {box.informativeText()}")
        next(button for button in box.buttons() if button.text() == choice).click()

    QTimer.singleShot(0, lambda: answer("Keep reviewing"))
    qtbot.keyClick(review.table, Qt.Key.Key_Escape)
    assert questions and "discard your review" in questions[0] and "Nothing has been saved" in questions[0]
    assert wizard.isVisible() and wizard.currentId() == PAGE_REVIEW
    assert review.model.candidate(0).speaker == "Sergey Lavrov", "the review work is still there"
    QTimer.singleShot(0, lambda: answer("Keep reviewing"))
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizard.isVisible() and len(questions) == 2
    QTimer.singleShot(0, lambda: answer("Discard the review"))
    qtbot.keyClick(review.table, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Rejected
    assert fingerprint(store.path) == before


def test_nothing_read_yet_closes_without_a_question(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, store, [ARTICLE], ask=True)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()


def test_the_window_recognises_a_document_the_command_line_imported(  # type: ignore[no-untyped-def]
    qtbot, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 9: the wizard must recognise a document already in the database by its sha256, and say so."""
    from desktop.cli import main as cli
    from tests.desktop.test_app_support import open_window

    Store.open(db_path).close()
    window = open_window(qtbot, db_path)
    assert cli(["import", "--db", str(db_path), str(ARTICLE)]) == 0  # while the window is open
    capsys.readouterr()
    assert window.store is not None
    before = window.store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    seen: dict[str, str] = {}

    def drive() -> None:
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, ImportWizard)
        files = wizard.currentPage()
        assert isinstance(files, FilesPage)
        files.add_paths([ARTICLE])
        wizard.next()
        check = wizard.currentPage()
        qtbot.waitUntil(check.isComplete, timeout=WAIT_MS)
        assert isinstance(check, CheckPage)
        seen["list"] = check.file_list.item(0).text()
        seen["problems"] = check.problems_view.toPlainText()
        wizard.next()
        wizard.next()
        seen["confirm"] = wizard.currentPage().summary.toPlainText()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
        seen["summary"] = wizard.summary

    QTimer.singleShot(0, drive)
    window.import_documents()
    assert seen["list"].startswith("= ") and "imported before" in seen["problems"]
    assert "imported before: nothing will be added" in seen["confirm"]
    assert "1 documents were imported before and were skipped" in seen["summary"]
    assert window.store.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == before


def test_the_check_page_asks_for_the_missing_date_and_going_on_keeps_the_statements_undated(
    qtbot,
    store: Store,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    ru = tmp_path / "лавров.txt"
    ru.write_text(RU_TEXT.replace(" в понедельник", ""), encoding="utf-8")  # no date anywhere
    ja = tmp_path / "河野.txt"
    ja.write_text(JA_TEXT.replace("十五日の", ""), encoding="utf-8")
    wizard = open_wizard(qtbot, store, [ru, ja])
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, CheckPage)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    page.file_list.setCurrentRow(0)
    assert page.undated_prompt.isVisible()
    assert "No publication date was found" in page.undated_text.text() and "go on" in page.undated_text.text()
    assert "without a date" in page.file_list.item(0).text()

    page.file_list.setCurrentRow(1)  # the Japanese file: the user knows its date
    assert page.undated_prompt.isVisible()
    page.published_edit.setText("2018-01-15")
    page.published_edit.editingFinished.emit()
    assert not page.undated_prompt.isVisible()
    assert "without a date" not in page.file_list.item(1).text()
    assert {c.said_on for c in wizard.analyses()[1].candidates} == {PartialDate(2018, 1, 15)}

    wizard.next()  # the Russian file's statements go on without a date
    review = wizard.currentPage()
    assert isinstance(review, ReviewPage) and review.file_box.currentIndex() == 0
    assert review.model.index(0, COL_DATE).data() == "unknown"
    wizard.next()
    summary = wizard.currentPage().summary.toPlainText()
    assert "2 of them with the date unknown" in summary and "Correct these" not in summary
    finish(qtbot, wizard)
    rows = stored(store)
    assert {(quote[:6], said_on, precision) for quote, _, _, _, said_on, precision, _ in rows} >= {
        ("Минист", None, "unknown"), ("По его", None, "unknown"),
    }  # fmt: skip
    assert any(said_on == "2018-01-15" for *_, said_on, _precision, _kind in rows)


def test_the_open_database_is_never_read_as_a_document(  # type: ignore[no-untyped-def]
    qtbot,
    store: Store,
    tmp_path: Path,
    python_opens: list[str],  # noqa: F811
) -> None:
    """Picking the database (or its -wal) in the file dialog must not read it with Python: that would drop the
    window's locks on it, the loss of issue 9 again. It is refused by name, and the other files go on."""
    link = tmp_path / "another name.txt"
    link.symlink_to(store.path)
    files = [store.path, Path(f"{store.path}-wal"), link, ARTICLE]
    wizard = open_wizard(qtbot, store, files)
    python_opens.clear()
    wizard.next()
    page = wizard.currentPage()
    assert isinstance(page, CheckPage)
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert [page.file_list.item(row).text()[0] for row in range(4)] == ["✗", "✗", "✗", "✓"]
    page.file_list.setCurrentRow(2)
    assert "the database Positions has open" in page.problems_view.toPlainText()
    forbidden = {os.path.abspath(f"{store.path}{suffix}") for suffix in ("", "-wal", "-shm")}
    assert not [p for p in python_opens if p in forbidden or p == str(link)]
