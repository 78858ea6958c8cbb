"""Statements whose date is not known, in the window: their own "Date unknown" row, the timeline's box, the
details pane and search saying so in words, and dating all of a source's statements at once (one undo step)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db import sources, statements
from db.ingest.document import Document
from db.partial_date import PartialDate
from db.search import SearchHit
from db.store import Store
from desktop.buckets import UNDATED
from desktop.models.comparison_model import KEY_ROLE
from desktop.models.search_results_model import SearchResultsModel
from desktop.views.search_panel import SearchResultDelegate
from desktop.views.source_date_dialog import SourceDateDialog
from tests.desktop.test_app_support import add_statement, build_database, open_window, show_issue, wait_rows

ISSUE = "fisheries"  # nothing of the sample's: the tests own every statement shown
RU_UNDATED = "Квоты на вылов останутся прежними, заявил Шестаков."
JA_UNDATED = "日本政府はサケ・マス漁の協議を続けると述べた。"


def fill(path: Path) -> dict[str, str]:
    """Two dated statements, and from one source without a publication date: two undated, one dated."""
    build_database(path)
    with Store.open(path) as store:
        text = f"Переговоры о квотах\n\n{RU_UNDATED}\n\n{JA_UNDATED}\n\n3 апреля стороны подписали протокол."
        document = Document("tass.txt", "7" * 64, "text", "utf-8", "ru", text, title="Переговоры о квотах")
        source = sources.add_source(store, document)

        def from_source(side: str, quote: str, said_on: str | None, language: str) -> str:
            start = text.index(quote)
            return add_statement(store, side=side, issue=ISSUE, said_on=said_on, quote=quote, language=language,
                                 source_id=source, start=start, end=start + len(quote))  # fmt: skip

        return {
            "ru_dated": add_statement(store, side="russia", issue=ISSUE, said_on="2019-04-02", quote="Quotas stay."),
            "ja_dated": add_statement(store, side="japan", issue=ISSUE, said_on="2019-05", quote="Talks go on."),
            "ru_undated": from_source("russia", RU_UNDATED, None, "ru"),
            "ja_undated": from_source("japan", JA_UNDATED, None, "ja"),
            "ru_own_date": from_source("russia", "3 апреля стороны подписали протокол.", "2019-04-03", "ru"),
            "source": str(source),
        }


def settle(qtbot: QtBot, window, action) -> None:  # type: ignore[no-untyped-def]
    """Run an edit that moves statements, then wait for the navigator's recount and the new rows."""
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        action()
    wait_rows(qtbot, window)


def keys(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.comparison_model
    return [model.key(row) for row in range(model.rowCount())]


def test_undated_statements_have_their_own_last_row(qtbot: QtBot, db_path: Path, qtmodeltester) -> None:
    uids = fill(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    model = window.comparison_model
    assert keys(window) == ["2019-04", "2019-05", UNDATED]
    row = model.undated_row()
    assert row == 2 and model.headerData(row, Qt.Orientation.Vertical) == "Date\nunknown"
    assert [s.uid for s in model.cell(row, 0).statements] == [uids["ru_undated"]]
    assert [s.uid for s in model.cell(row, 1).statements] == [uids["ja_undated"]]
    assert model.index(row, 0).data(KEY_ROLE) == UNDATED
    assert model.total_shown() == {"russia": 3, "japan": 2}
    statement = model.find_statement(uids["ja_undated"])
    assert statement is not None and model.locate(statement) == model.index(row, 1)
    for granularity in ("day", "quarter", "year"):
        window.set_granularity(granularity)
        wait_rows(qtbot, window)
        assert keys(window)[-1] == UNDATED and model.cell(model.undated_row(), 0).statements
    qtmodeltester.check(model)

    window.filters.set_date_range("2019-01-01", "2019-12-31")  # a range leaves unknown dates out
    wait_rows(qtbot, window)
    assert UNDATED not in keys(window) and model.undated_row() == -1
    assert window.filters.excludes(window.store, statement)
    window.filters.clear()
    wait_rows(qtbot, window)
    assert keys(window)[-1] == UNDATED


def test_the_timeline_draws_unknown_dates_apart_and_a_click_shows_their_row(qtbot: QtBot, db_path: Path) -> None:
    fill(db_path)
    window = open_window(qtbot, db_path, size=(1200, 420))
    show_issue(qtbot, window, ISSUE)
    strip = window.timeline
    assert strip.undated_counts() == {"russia": 1, "japan": 1}
    assert sum(sum(b.values()) for b in strip._bins) == 3  # only the dated ones are on the axis
    box = strip._undated_box()
    assert box.width() > 0 and strip._plot().right() < box.left()
    window.comparison.verticalScrollBar().setValue(0)
    with qtbot.waitSignal(strip.undated_clicked):
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(box.center().x(), box.center().y()))
    view = window.comparison
    row_top = view.rowViewportPosition(window.comparison_model.undated_row())
    assert 0 <= row_top < view.viewport().height()  # scrolled to the "Date unknown" row
    assert not strip.grab().isNull()


def test_the_details_and_search_say_date_unknown_and_an_empty_date_means_unknown(qtbot: QtBot, db_path: Path) -> None:
    uids = fill(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    window.open_statement(uids["ru_undated"])
    details = window.details
    assert details.heading.text().endswith("— date unknown")
    assert details.said_on.text() == "" and "unknown" in details.said_on.placeholderText()
    assert "Date unknown" in details.facts.text()

    details.said_on.setText("2019-04")
    settle(qtbot, window, details.save)
    with Store.open(db_path) as store:
        assert statements.get(store, uids["ru_undated"]).said_on == PartialDate(2019, 4)
    assert details.statement is not None and details.statement.uid == uids["ru_undated"]
    details.said_on.setText("")  # back to unknown, as the user may say
    settle(qtbot, window, details.save)
    with Store.open(db_path) as store:
        statement = statements.get(store, uids["ru_undated"])
    assert statement.said_on is None

    hit = SearchHit(
        statement=statement, matched_in="statement", annotation_uid=None, text=statement.quote, terms=("квоты",)
    )
    heading = SearchResultDelegate().heading(hit)
    assert "date unknown" in heading and statement.speaker in heading
    model = SearchResultsModel()
    model.set_rows([hit])
    assert "date unknown" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)


def test_all_undated_statements_of_a_source_are_dated_at_once_and_undone_in_one_step(
    qtbot: QtBot, db_path: Path
) -> None:
    uids = fill(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    window.open_statement(uids["ja_undated"])
    details = window.details
    button = details.date_source_button
    assert button.isVisibleTo(details) and "2 statement(s) from this source have no date" in details.undated_note.text()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SourceDateDialog)
        assert dialog.as_publication.isChecked()  # the source has no publication date: this is it
        dialog.date_edit.setText("someday")
        dialog.accept()
        assert dialog.isVisible() and "Not a date" in dialog.error.text()  # refused, still open
        dialog.date_edit.setText("2019-04-09")
        dialog.accept()

    QTimer.singleShot(0, answer)
    settle(qtbot, window, lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton))
    with Store.open(db_path) as store:
        for name in ("ru_undated", "ja_undated"):
            assert statements.get(store, uids[name]).said_on == PartialDate(2019, 4, 9)
        assert statements.get(store, uids["ru_own_date"]).said_on == PartialDate(2019, 4, 3)  # its own date kept
        assert sources.get(store, int(uids["source"])).published == "2019-04-09"
    assert keys(window) == ["2019-04", "2019-05"]  # the "Date unknown" row is gone
    assert not button.isVisibleTo(details) and not details.undated_note.isVisibleTo(details)
    assert window.undo_stack.count() == 1

    settle(qtbot, window, window.actions_["undo"].trigger)
    with Store.open(db_path) as store:
        assert statements.get(store, uids["ru_undated"]).said_on is None
        assert statements.get(store, uids["ja_undated"]).said_on is None
        assert sources.get(store, int(uids["source"])).published is None
    assert keys(window)[-1] == UNDATED

    settle(qtbot, window, window.actions_["redo"].trigger)
    assert keys(window) == ["2019-04", "2019-05"]
