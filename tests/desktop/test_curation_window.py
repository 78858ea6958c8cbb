"""Curation in the window: pick several cards, mark them or a whole source reviewed, merge reports of one
statement, all undoable with the selection kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import statements
from db.store import Store
from desktop.main_window import MainWindow
from tests.desktop.test_app_support import add_statement, open_window, show_issue, wait_rows

ISSUE = "territorial_dispute"
JAPANESE = "北方領土は日本固有の領土だ"


def add_source(store: Store, title: str, outlet: str, text: str) -> int:
    with store.transaction():
        cursor = store.conn.execute(
            "INSERT INTO sources (uid, sha256, title, outlet, published, language, text, imported_at)"
            " VALUES (?, ?, ?, ?, '2018-11-14', 'ru', ?, '2018-11-14T10:00:00Z')",
            (title, title, title, outlet, text),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def build(path: Path) -> dict[str, str]:
    """Two outlets' reports of one statement by Lavrov, another statement of TASS's, and one from Japan."""
    quote_tass, quote_ria = (
        "Москва не намерена передавать острова Японии.",
        "Москва не намерена передавать Японии острова",
    )
    other = "Курилы являются неотъемлемой частью России."
    with Store.open(path) as store:
        tass = add_source(store, "Лавров об островах", "ТАСС", f"{quote_tass} {other}")
        ria = add_source(store, "Лавров исключил передачу", "РИА Новости", quote_ria)
        uids = {
            "tass": add_statement(store, side="russia", issue=ISSUE, said_on="2018-11-14", quote=quote_tass,
                                  speaker="Sergey Lavrov", language="ru", reviewed=False, source_id=tass, start=0,
                                  end=len(quote_tass)),
            "tass2": add_statement(store, side="russia", issue=ISSUE, said_on="2018-11-14", quote=other,
                                   speaker="Sergey Lavrov", language="ru", reviewed=False, source_id=tass),
            "ria": add_statement(store, side="russia", issue=ISSUE, said_on="2018-11-15", quote=quote_ria,
                                 speaker="Sergey Lavrov", language="ru", reviewed=False, source_id=ria),
            "japan": add_statement(store, side="japan", issue=ISSUE, said_on="2018-11-16", quote=JAPANESE,
                                   speaker="Taro Kono", language="ja", reviewed=False),
        }  # fmt: skip
    return uids


def stored(path: Path, uid: str) -> statements.Statement:
    with Store.open(path) as store:
        return statements.get(store, uid)


def click_card(qtbot: QtBot, window: MainWindow, uid: str, *, ctrl: bool = False) -> None:
    model, view = window.comparison_model, window.comparison
    index = model.locate(stored(window.store.path, uid))  # type: ignore[union-attr]
    card = [s.uid for s in model.cell(index.row(), index.column()).statements].index(uid)
    view.scrollTo(index)
    point = view.card_rect_of(index.row(), index.column(), card).center()
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def window_on(qtbot: QtBot, db_path: Path) -> tuple[MainWindow, dict[str, str]]:
    uids = build(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    return window, uids


def test_ctrl_click_picks_cards_that_are_marked_reviewed_and_undo_keeps_the_selection(
    qtbot: QtBot, db_path: Path
) -> None:
    window, uids = window_on(qtbot, db_path)
    click_card(qtbot, window, uids["tass"])
    click_card(qtbot, window, uids["japan"], ctrl=True)
    assert window.comparison.selected_uids() == [uids["tass"], uids["japan"]]
    window.actions_["mark_statements_reviewed"].trigger()
    assert stored(db_path, uids["tass"]).reviewed and stored(db_path, uids["japan"]).reviewed
    assert not stored(db_path, uids["ria"]).reviewed
    assert window.undo_stack.undoText() == "Mark 2 statement(s) reviewed"
    wait_rows(qtbot, window)
    window.undo_stack.undo()
    wait_rows(qtbot, window)
    assert not stored(db_path, uids["tass"]).reviewed and not stored(db_path, uids["japan"]).reviewed
    assert window.comparison.selected_uids() == [uids["tass"], uids["japan"]]
    assert window.details.statement is not None and window.details.statement.uid == uids["japan"]
    assert window.comparison.current_statement().uid == uids["japan"]  # type: ignore[union-attr]


def test_a_whole_source_is_marked_reviewed_from_the_details_pane(qtbot: QtBot, db_path: Path) -> None:
    window, uids = window_on(qtbot, db_path)
    click_card(qtbot, window, uids["tass"])
    qtbot.mouseClick(window.details.review_source, Qt.MouseButton.LeftButton)
    assert [stored(db_path, uids[k]).reviewed for k in ("tass", "tass2", "ria")] == [True, True, False]
    assert "“Лавров об островах”" in window.undo_stack.undoText()
    window.undo_stack.undo()
    assert not stored(db_path, uids["tass2"]).reviewed


def test_two_reports_merge_into_one_statement_with_two_sources_and_split_again(qtbot: QtBot, db_path: Path) -> None:
    window, uids = window_on(qtbot, db_path)
    click_card(qtbot, window, uids["ria"])
    click_card(qtbot, window, uids["tass"], ctrl=True)
    window.actions_["merge_statements"].trigger()
    wait_rows(qtbot, window)
    kept = stored(db_path, uids["tass"])  # the one shown in the details pane is kept
    assert kept.more_sources == 1 and window.details.statement.uid == kept.uid  # type: ignore[union-attr]
    more = window.details.more_sources
    assert more.isVisibleTo(window) and "РИА Новости" in more.model.index(0, 0).data()
    assert more.heading.text() == "Also reported by 1 other source(s)"
    assert window.comparison.selected_uids() == [kept.uid]
    window.undo_stack.undo()
    wait_rows(qtbot, window)
    assert stored(db_path, uids["ria"]).more_sources == 0 and stored(db_path, uids["tass"]).more_sources == 0
    window.undo_stack.redo()
    wait_rows(qtbot, window)
    qtbot.mouseClick(more.split_button, Qt.MouseButton.LeftButton)
    assert stored(db_path, uids["ria"]).quote == "Москва не намерена передавать Японии острова"
    assert window.undo_stack.undoText() == "Separate a source into a statement of its own"


def test_merge_needs_two_picked_cards(qtbot: QtBot, db_path: Path) -> None:
    window, uids = window_on(qtbot, db_path)
    click_card(qtbot, window, uids["ria"])
    window.actions_["merge_statements"].trigger()
    assert "Ctrl+click" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_the_details_pane_fits_its_narrowest_width_with_the_new_buttons(qtbot: QtBot, db_path: Path) -> None:
    window, uids = window_on(qtbot, db_path)
    click_card(qtbot, window, uids["ria"])
    click_card(qtbot, window, uids["tass"], ctrl=True)
    window.actions_["merge_statements"].trigger()
    wait_rows(qtbot, window)
    details = window.details
    assert details.more_sources.isVisibleTo(window)
    body = details.widget()
    scrollbar = details.verticalScrollBar().sizeHint().width()
    assert body.minimumSizeHint().width() + scrollbar <= details.minimumWidth(), "no sideways scrolling, ever"


def test_no_two_window_actions_share_a_name_or_a_shortcut(qtbot: QtBot, db_path: Path) -> None:
    from PySide6.QtGui import QAction

    window, _uids = window_on(qtbot, db_path)
    found = [a for a in window.findChildren(QAction) if a.objectName().startswith("action_")]
    names = [a.objectName() for a in found]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    keys = [a.shortcut().toString() for a in found if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert {a.objectName() for a in window.actions_.by_name.values()} >= {"action_mark_statements_reviewed",
                                                                          "action_merge_statements"}  # fmt: skip
