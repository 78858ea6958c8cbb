from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import statements
from db.store import Store
from tests.desktop.test_app_support import add_statement, build_database, open_window, show_issue, wait_rows

ISSUE = "fisheries"


def window_on_one_statement(qtbot: QtBot, db_path: Path):
    build_database(db_path)
    with Store.open(db_path) as store:
        uid = add_statement(store, side="russia", issue=ISSUE, said_on="2019-04-02", quote="Fishing quotas stay.",
                            speaker="Ilya Shestakov", reviewed=False)  # fmt: skip
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    window.comparison.select(0, 0, 0)
    assert window.details.statement is not None and window.details.statement.uid == uid
    return window, uid


def stored(db_path: Path, uid: str):
    with Store.open(db_path) as store:
        return statements.get(store, uid)


def test_an_edit_is_saved_undone_and_redone(qtbot: QtBot, db_path: Path) -> None:
    window, uid = window_on_one_statement(qtbot, db_path)
    details = window.details
    assert details.reviewed.isChecked() is False
    details.quote.setPlainText("Fishing quotas stay as agreed.")
    details.reviewed.setChecked(True)
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    after = stored(db_path, uid)
    assert after.quote == "Fishing quotas stay as agreed." and after.reviewed
    assert window.comparison_model.cell(0, 0).statements[0].reviewed  # the card was refreshed

    window.actions_["undo"].trigger()
    before = stored(db_path, uid)
    assert before.quote == "Fishing quotas stay." and not before.reviewed
    assert details.quote.toPlainText() == "Fishing quotas stay."
    assert not window.comparison_model.cell(0, 0).statements[0].reviewed

    window.actions_["redo"].trigger()
    assert stored(db_path, uid).quote == "Fishing quotas stay as agreed."
    assert details.quote.toPlainText() == "Fishing quotas stay as agreed."


def test_a_date_or_side_edit_moves_the_card_and_undo_moves_it_back(qtbot: QtBot, db_path: Path) -> None:
    window, uid = window_on_one_statement(qtbot, db_path)
    details = window.details
    details.said_on.setText("2019-06")
    details.side.setCurrentIndex(details.side.findData("japan"))
    details.save()
    wait_rows(qtbot, window)
    moved = stored(db_path, uid)
    assert (moved.said_on.iso(), moved.side) == ("2019-06", "japan")
    model = window.comparison_model
    assert [model.key(r) for r in range(model.rowCount())] == ["2019-06"]
    assert model.cell(0, 1).statements[0].uid == uid
    window.undo_stack.undo()
    wait_rows(qtbot, window)
    assert [model.key(r) for r in range(model.rowCount())] == ["2019-04"]
    assert stored(db_path, uid).side == "russia"


def test_invalid_fields_are_refused_with_a_message(qtbot: QtBot, db_path: Path) -> None:
    window, uid = window_on_one_statement(qtbot, db_path)
    details = window.details
    for field, value, message in ((details.said_on, "2019-02-30", "date"), (details.said_on, "April 2019", "date"),
                                  (details.speaker, "  ", "speaker")):  # fmt: skip
        details.show_statement(uid)
        field.setText(value)
        details.save()
        assert message in details.error.text()
    details.show_statement(uid)
    details.quote.setPlainText("   ")
    details.save()
    assert "quote" in details.error.text()
    assert window.undo_stack.count() == 0
    assert stored(db_path, uid).quote == "Fishing quotas stay."


def test_details_show_the_facts_and_say_when_the_source_text_is_missing(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, "territorial_dispute")
    model = window.comparison_model
    row = next(r for r in range(model.rowCount()) if model.cell(r, 1).statements)
    window.comparison.select(row, 1, 0)
    details = window.details
    assert details.statement is not None and details.statement.source is not None
    assert "not stored" in details.passage.note.text()
    assert details.passage.note.textFormat() == Qt.TextFormat.PlainText
    assert details.statement.source.title in details.facts.text()
    assert "Date known" in details.facts.text()
