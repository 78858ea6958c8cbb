"""The brief in the window: position summaries above the columns, changes since the last review (highlight,
filter, mark reviewed), View > Follow-ups, the Done box, and Save as PDF / Export to Word from the dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db import annotations, follow_ups, issue_reviews, statements, summaries
from db.statements import StatementFilter, changed_since
from db.store import Store
from desktop.models.follow_ups_model import COL_DUE, FollowUpsModel, OverdueRole, StatementUidRole
from desktop.models.resting_statements_model import RestingStatementsModel
from desktop.printing.dialog import SheetOptionsDialog, open_print_preview
from desktop.printing.output import ensure_gui_application
from desktop.printing.save_sheet import save_sheet, suggested_name
from desktop.printing.sheet_data import SheetOptions
from desktop.views.annotations_panel import AnnotationsPanel
from tests.desktop.test_app_support import build_database, open_window, wait_rows

ISSUE = "peace_treaty"
OLD = "2000-01-01T00:00:00.000000Z"


def go_to(qtbot: QtBot, window, issue: str) -> None:  # type: ignore[no-untyped-def]
    window.navigator.select(issue)
    qtbot.waitUntil(lambda: window.comparison_model.issue == issue and not window.comparison_model.is_loading)
    wait_rows(qtbot, window)
    qtbot.waitUntil(lambda: window.brief.summary_bar.issue == issue)


def test_a_summary_typed_above_the_column_is_saved_undone_and_printed(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)
    window = open_window(qtbot, db_path)
    go_to(qtbot, window, ISSUE)
    bar = window.brief.summary_bar
    assert list(bar.editors) == ["russia", "japan"]
    editor = bar.editors["russia"]
    editor.body.setFocus()
    editor.body.insertPlainText("Россия: договор после признания итогов войны.")  # QTest types ASCII only
    assert editor._timer.isActive()  # saved after a pause in typing
    editor.save()  # as the pause after typing does
    with Store.open(db_path) as store:
        saved = summaries.current(store, ISSUE, "russia")
        assert saved is not None and saved.body == "Россия: договор после признания итогов войны."
    editor.set_rests_on((uids["ru"],))
    assert "14 Nov 2018 (Сергей Лавров)" in editor.basis.text()
    with Store.open(db_path) as store:
        assert summaries.current(store, ISSUE, "russia").rests_on == (uids["ru"],)  # type: ignore[union-attr]
    window.undo_stack.undo()  # the picked statement
    window.undo_stack.undo()  # the text
    with Store.open(db_path) as store:
        assert summaries.current(store, ISSUE, "russia") is None  # withdrawn, with its history kept
        assert len(annotations.history(store, summaries.summary_uid(ISSUE, "russia"))) >= 3
    assert editor.body.toPlainText() == ""
    window.undo_stack.redo()
    assert editor.body.toPlainText().startswith("Россия")


def test_the_resting_statements_picker_lists_the_side_newest_first(qtbot: QtBot, db_path: Path, qtmodeltester) -> None:
    build_database(db_path)
    with Store.open(db_path) as store:
        model = RestingStatementsModel(store, "joint_economic_activity", "japan", ())
        qtmodeltester.check(model)
        days = [st.said_on.start() for st in model.rows]
        assert days == sorted(days, reverse=True) and len(days) == 16
        model.setData(model.index(3, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        assert model.chosen() == (model.rows[3].uid, model.rows[0].uid)  # in date order


def test_changes_since_my_last_review_are_marked_and_filtered(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)
    with Store.open(db_path) as store, store.transaction():
        store.conn.execute("UPDATE statements SET created_at = ? WHERE uid != ?", (OLD, uids["ja"]))
    with Store.open(db_path) as store:
        issue_reviews.mark_reviewed(store, ISSUE, "anna", at="2001-01-01T00:00:00.000000Z")
    window = open_window(qtbot, db_path)
    go_to(qtbot, window, ISSUE)
    filters = window.filters
    filters.changes.setCurrentIndex(filters.changes.findData("review"))
    delegate = window.comparison.card_delegate
    assert delegate.changes_since == "2001-01-01T00:00:00.000000Z"
    with Store.open(db_path) as store:
        changed = [st.uid for st in statements.iterate(store, StatementFilter(issue=ISSUE))
                   if changed_since(st, delegate.changes_since)]  # fmt: skip
    assert changed == [uids["ja"]]
    with qtbot.waitSignal(window.comparison_model.loaded, timeout=10_000):
        filters.only_changes.setChecked(True)
    wait_rows(qtbot, window)
    assert window.comparison_model.total_shown() == {"russia": 0, "japan": 1}
    image = window.comparison.viewport().grab()  # the highlighted card paints without error
    assert not image.isNull()
    with qtbot.waitSignal(window.comparison_model.loaded, timeout=10_000):
        qtbot.mouseClick(filters.mark_button, Qt.MouseButton.LeftButton)
    wait_rows(qtbot, window)
    assert window.comparison_model.total_shown() == {"russia": 0, "japan": 0}  # nothing new since now
    with Store.open(db_path) as store:
        assert issue_reviews.last_review(store, ISSUE) > "2001"  # type: ignore[operator]


def test_follow_ups_list_across_issues_opens_the_statement(qtbot: QtBot, db_path: Path, qtmodeltester) -> None:
    uids = build_database(db_path)
    with Store.open(db_path) as store:
        other = next(statements.iterate(store, StatementFilter(issue="north_korea")))
        annotations.add(store, uids["ja"], "来週確認する", "anna", kind="follow_up", due_on="2000-02-01")
        annotations.add(store, other.uid, "Ask about the missile test", "anna", kind="follow_up", due_on="2999-01-01")
    window = open_window(qtbot, db_path)
    window.actions_["follow_ups"].trigger()
    panel = window.brief.follow_ups
    qtbot.waitUntil(panel.isVisible)
    model: FollowUpsModel = panel.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and "1 overdue" in panel.summary.text()
    assert model.index(0, COL_DUE).data(OverdueRole) and "overdue" in model.index(0, COL_DUE).data()
    assert model.index(0, 1).data() != model.index(1, 1).data()  # two issues in one list
    index = model.index(1, 3)
    rect = panel.table.visualRect(index)
    with qtbot.waitSignal(window.comparison_model.loaded, timeout=10_000):
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_rows(qtbot, window)
    assert window.comparison_model.issue == "north_korea"
    qtbot.waitUntil(lambda: window.details.statement_uid == other.uid if hasattr(window.details, "statement_uid")
                    else True)  # fmt: skip
    panel.table.selectRow(0)
    panel.done_button.click()
    assert model.rowCount() == 1 and model.index(0, 0).data(StatementUidRole) == other.uid
    with Store.open(db_path) as store:
        assert [f.statement.uid for f in follow_ups.open_follow_ups(store)] == [other.uid]
    window.undo_stack.undo()  # Edit > Undo opens it again
    assert model.rowCount() == 2


def test_the_done_box_closes_a_follow_up_from_the_annotation_editor(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)
    stack = QUndoStack()
    with Store.open(db_path) as store:
        task = annotations.add(store, uids["ru"], "Позвонить в МИД", "anna", kind="follow_up", due_on="2030-01-01")
        panel = AnnotationsPanel(stack)
        qtbot.addWidget(panel)
        panel.set_store(store)
        panel.set_statement(uids["ru"])
        panel.list.setCurrentIndex(panel.model.index(0, 0))
        panel.show()
        assert panel.editor.done.isVisible() and not panel.editor.done.isChecked()
        panel.editor.done.setChecked(True)
        assert annotations.get(store, task.uid).done_at is not None
        assert follow_ups.open_follow_ups(store) == []
        stack.undo()
        assert annotations.get(store, task.uid).done_at is None
        assert [f.note.uid for f in follow_ups.open_follow_ups(store)] == [task.uid]


def test_the_print_dialog_offers_pdf_word_and_changes(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    ensure_gui_application()
    with Store.open(db_path) as store:
        dialog = SheetOptionsDialog(None, store, "Peace treaty", SheetOptions(), "2001-01-01T00:00:00.000000Z")
        qtbot.addWidget(dialog)
        assert set(dialog.output_buttons) == {"pdf", "docx", "preview"}
        assert "2001" in dialog.changes.itemText(1)
        dialog.changes.setCurrentIndex(1)
        assert dialog.options().since_last_review and dialog.options().changes_since is None
        dialog.changes.setCurrentIndex(2)
        dialog.changes_day.setDate(QDate(2025, 3, 1))
        since = dialog.options().changes_since
        assert since is not None and dt.datetime.fromisoformat(since.replace("Z", "+00:00")).astimezone().day == 1
        dialog.output_buttons["docx"].click()
        assert dialog.output == "docx" and dialog.result() == dialog.DialogCode.Accepted


def test_export_to_word_from_the_file_menu_writes_in_a_worker(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    go_to(qtbot, window, ISSUE)
    assert suggested_name("Мирный договор / 平和条約", "docx") == "Мирный-договор-平和条約.docx"
    with Store.open(db_path) as store:
        summaries.write(store, ISSUE, "japan", "日本：四島の帰属を解決。", "anna")
    target = tmp_path / "brief.docx"
    job = save_sheet(window, db_path, [ISSUE], "Peace treaty", SheetOptions(include_unreviewed=True), "docx", target)
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "日本：四島の帰属を解決。" in paragraphs
    assert str(target) in window.statusBar().currentMessage()
    assert window.actions_["save_pdf"].isEnabled() and window.actions_["export_docx"].isEnabled()


def test_file_menu_save_as_pdf_opens_the_dialog_with_pdf_chosen(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    seen: list[str] = []

    def answer() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, SheetOptionsDialog):
            seen.append(widget.output)
            widget.reject()
        else:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(0, answer)
    with Store.open(db_path) as store:
        open_print_preview(window, store, ISSUE, None, "pdf")
    assert seen == ["pdf"]
