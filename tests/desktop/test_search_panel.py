from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import annotations
from db.store import Store
from desktop.models.search_results_model import SPANS_ROLE, UID_ROLE
from desktop.views.search_panel import snippet
from tests.desktop.test_app_support import JA_QUOTE, RU_QUOTE, build_database, open_window, wait_rows


def run_search(qtbot: QtBot, window, text: str) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.actions_["find"].trigger()  # Ctrl+F
    qtbot.waitUntil(window.search.query.hasFocus)
    window.search.query.setText(text)
    with qtbot.waitSignal(window.search.finished, timeout=10_000):
        window.search.run()


def open_result(qtbot: QtBot, window, row: int) -> None:
    view = window.search.results
    rect = view.visualRect(window.search.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_rows(qtbot, window)


def test_a_japanese_two_character_word_is_found_and_opens_its_statement(
    qtbot: QtBot, db_path: Path, qtmodeltester
) -> None:
    uids = build_database(db_path)
    window = open_window(qtbot, db_path)
    assert window.comparison_model.issue != "peace_treaty"
    run_search(qtbot, window, "条約")
    model = window.search.model
    qtmodeltester.check(model)
    found = [model.index(r, 0).data(UID_ROLE) for r in range(model.rowCount())]
    assert uids["ja"] in found
    row = found.index(uids["ja"])
    spans = model.index(row, 0).data(SPANS_ROLE)
    assert [JA_QUOTE[s:e] for s, e in spans] == ["条約"]
    open_result(qtbot, window, row)
    assert window.navigator.current_slug() == "peace_treaty"
    assert window.details.statement is not None and window.details.statement.uid == uids["ja"]
    assert window.comparison.current_statement().uid == uids["ja"]


def test_a_russian_stem_finds_an_inflected_form(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)
    window = open_window(qtbot, db_path)
    run_search(qtbot, window, "переговоров")  # the quote says "переговоры"
    model = window.search.model
    found = [model.index(r, 0).data(UID_ROLE) for r in range(model.rowCount())]
    assert uids["ru"] in found
    row = found.index(uids["ru"])
    assert [RU_QUOTE[s:e] for s, e in model.index(row, 0).data(SPANS_ROLE)] == ["переговор"]
    open_result(qtbot, window, row)
    assert window.details.statement.uid == uids["ru"]


def test_annotations_are_searched_and_a_filtered_out_statement_still_opens(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)
    with Store.open(db_path) as store:
        annotations.add(store, uids["ru"], "Compare with the Singapore declaration wording", "analyst")
    window = open_window(qtbot, db_path)
    window.filters.set_date_range("2000-01-01", "2000-12-31")
    run_search(qtbot, window, "singapore")
    model = window.search.model
    assert model.rowCount() == 1 and model.hit(0).matched_in == "annotation"
    open_result(qtbot, window, 0)
    assert window.details.statement.uid == uids["ru"]
    assert window.filters.date_from() is None  # the filters that hid it were cleared


def test_nothing_found_and_snippets_keep_spans_true() -> None:
    text = "x" * 120 + "\nтекст переговоры конец"
    start = text.index("переговор")
    piece, spans = snippet(text, [(start, start + 9)])
    assert [piece[s:e] for s, e in spans] == ["переговор"]
    assert piece.startswith("…") and "\n" not in piece
