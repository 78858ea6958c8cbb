"""Plain words in the interface: no field names, slugs, raw ids or command-line options; undo keeps the selection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.models.candidates_model import COL_DATE
from tests.desktop.test_app_support import add_statement, build_database, open_window, show_issue, wait_rows
from tests.desktop.test_wizard import open_wizard

ISSUE = "fisheries"
UNDATED = "Заявление\n\nМинистр иностранных дел России Сергей Лавров заявил, что Москва готова к диалогу.\n"


def test_an_edit_is_named_in_plain_words_and_its_undo_keeps_the_statement_selected(qtbot: QtBot,
                                                                                   db_path: Path) -> None:  # fmt: skip
    build_database(db_path)
    with Store.open(db_path) as store:
        uid = add_statement(store, side="russia", issue=ISSUE, said_on="2019-04-02", quote="Квоты остаются.",
                            speaker="Ilya Shestakov", language="ru")  # fmt: skip
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    window.open_statement(uid)
    details = window.details
    facts = details.facts.text()
    assert uid not in facts and "Russian" in facts and "explicit" not in facts
    details.said_on.setText("2019-05")
    details.side.setCurrentIndex(details.side.findData("japan"))
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert window.undo_stack.undoText() == "Edit the side, date of Ilya Shestakov's statement"
    wait_rows(qtbot, window)
    window.undo_stack.undo()
    wait_rows(qtbot, window)
    assert details.statement is not None and details.statement.uid == uid
    assert window.comparison.current_statement() is not None
    assert window.comparison.current_statement().uid == uid  # type: ignore[union-attr]
    assert details.said_on.width() >= details.said_on.fontMetrics().horizontalAdvance("2019-05-02")


def test_the_wizard_speaks_plainly(qtbot, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    undated = tmp_path / "undated.txt"
    undated.write_text(UNDATED, encoding="utf-8")
    with Store.open(db_path) as store:
        wizard = open_wizard(qtbot, store, [undated])
        wizard.next()
        page = wizard.currentPage()
        qtbot.waitUntil(page.isComplete, timeout=60_000)
        assert "--" not in page.problems_view.toPlainText()
        assert "publication date" in page.problems_view.toPlainText()
        assert "Russian" in page.format_label.text()
        wizard.next()
        review_page = wizard.currentPage()
        tip = review_page.model.index(0, COL_DATE).data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Date: ") and "article" not in tip
        wizard.reject()
