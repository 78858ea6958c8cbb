from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.models.comparison_model import CELL_LIMIT, COUNT_ROLE, ComparisonModel
from desktop.views.comparison_view import ComparisonView
from tests.desktop.test_app_support import add_statement, build_database, open_window, show_issue, wait_rows

ISSUE = "fisheries"  # the sample has nothing on it: these tests own every statement shown


def fill_issue(path: Path) -> dict[str, str]:
    build_database(path)
    with Store.open(path) as store:

        def add(side: str, said_on: str, quote: str) -> str:
            return add_statement(store, side=side, issue=ISSUE, said_on=said_on, quote=quote, speaker=side.title())

        return {
            "ru_jan_20": add("russia", "2019-01-20", "Russia, twentieth of January."),
            "ru_jan_05": add("russia", "2019-01-05", "Russia, fifth of January."),
            "ru_march": add("russia", "2019-03", "Russia, some day in March."),
            "ja_feb": add("japan", "2019-02-10", "Japan, tenth of February."),
            "ja_year": add("japan", "2019", "Japan, some time in 2019."),
        }


def column_quotes(model: ComparisonModel) -> dict[str, list[list[str]]]:
    return {
        side.name: [[s.quote for s in model.cell(row, col).statements] for row in range(model.rowCount())]
        for col, side in enumerate(model.sides)
    }


def test_both_columns_in_date_order_and_in_the_right_buckets(qtbot: QtBot, db_path: Path, qtmodeltester) -> None:
    fill_issue(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    model = window.comparison_model
    qtmodeltester.check(model)
    assert [model.key(r) for r in range(model.rowCount())] == ["2019", "2019-01", "2019-02", "2019-03"]
    assert model.headerData(0, Qt.Orientation.Vertical) == "2019\n(no finer date)"
    assert column_quotes(model) == {
        "Russia": [
            [],
            ["Russia, fifth of January.", "Russia, twentieth of January."],
            [],
            ["Russia, some day in March."],
        ],
        "Japan": [["Japan, some time in 2019."], [], ["Japan, tenth of February."], []],
    }
    assert model.index(2, 0).data(COUNT_ROLE) == 0  # Russia's silence in February is a visible empty cell
    assert model.index(2, 0).data() == "No statement"

    window.actions_["granularity_quarter"].trigger()
    qtmodeltester.check(model)
    assert [model.key(r) for r in range(model.rowCount())] == ["2019", "2019-Q1"]
    assert column_quotes(model)["Russia"] == [
        [], ["Russia, fifth of January.", "Russia, twentieth of January.", "Russia, some day in March."]]  # fmt: skip
    window.set_granularity("year")
    assert [model.key(r) for r in range(model.rowCount())] == ["2019"]
    assert [model.index(0, c).data(COUNT_ROLE) for c in range(2)] == [3, 2]
    window.set_granularity("day")  # daily rows need daily counts: a recount in a worker
    wait_rows(qtbot, window)
    assert [model.key(r) for r in range(model.rowCount())] == ["2019", "2019-01-05", "2019-01-20", "2019-02-10",
                                                               "2019-03"]  # fmt: skip


def test_the_date_range_filters_the_rows(qtbot: QtBot, db_path: Path) -> None:
    fill_issue(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    model = window.comparison_model
    window.filters.set_date_range("2019-02-01", "2019-03-31")
    wait_rows(qtbot, window)
    assert [model.key(r) for r in range(model.rowCount())] == ["2019-02", "2019-03"]
    assert column_quotes(model)["Russia"] == [[], ["Russia, some day in March."]]
    qtbot.keyClicks(window.filters.date_from_edit, "")  # typed dates work the same
    window.filters.date_from_edit.setText("2019-01")
    window.filters.date_to_edit.setText("2019-01")
    window.filters.date_to_edit.editingFinished.emit()
    wait_rows(qtbot, window)
    # a date known only to the year starts on 1 January: it overlaps the range (the store's rule too)
    assert [model.key(r) for r in range(model.rowCount())] == ["2019", "2019-01"]
    window.clear_filters()
    wait_rows(qtbot, window)
    assert model.rowCount() == 4


def test_other_filters_reach_the_store(qtbot: QtBot, db_path: Path) -> None:
    fill_issue(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    model = window.comparison_model
    window.filters.speaker.setText("Japan")
    window.filters.speaker.editingFinished.emit()
    wait_rows(qtbot, window)
    assert [model.key(r) for r in range(model.rowCount())] == ["2019", "2019-02"]
    window.filters.speaker.clear()
    window.filters.reviewed.setCurrentIndex(window.filters.reviewed.findData(False))
    wait_rows(qtbot, window)
    assert model.rowCount() == 0  # every test statement was added as reviewed


def test_a_crowded_cell_reads_only_what_it_shows(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    with Store.open(db_path) as store, store.transaction():
        for day in range(1, 29):
            add_statement(store, side="japan", issue=ISSUE, said_on=f"2020-02-{day:02d}", quote=f"Day {day}.")
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    model = window.comparison_model
    cell = model.cell(0, 1)
    assert cell.total == 28 and len(cell.statements) == CELL_LIMIT
    assert [s.quote for s in cell.statements] == [f"Day {d}." for d in range(1, CELL_LIMIT + 1)]
    assert model.row_height(0) > CELL_LIMIT * model.metrics.card_height


def test_keyboard_walks_along_a_side_and_across(qtbot: QtBot, db_path: Path) -> None:
    uids = fill_issue(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    view: ComparisonView = window.comparison
    view.setFocus()
    seen = []
    view.statement_selected.connect(seen.append)
    view.select(1, 0, 0)
    assert seen[-1] == uids["ru_jan_05"]
    assert window.details.statement is not None and window.details.statement.uid == uids["ru_jan_05"]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert seen[-1] == uids["ru_jan_20"]
    qtbot.keyClick(view, Qt.Key.Key_Down)  # skips Russia's empty February
    assert seen[-1] == uids["ru_march"]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert seen[-1] == uids["ru_jan_20"]
    qtbot.keyClick(view, Qt.Key.Key_Right)  # Japan said nothing in January: the empty cell is current
    assert seen[-1] == ""
    assert window.details.statement is None
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert seen[-1] == uids["ja_year"]


def test_a_click_on_a_card_selects_it(qtbot: QtBot, db_path: Path) -> None:
    uids = fill_issue(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    view = window.comparison
    rect = view.card_rect_of(1, 0, 1)
    with qtbot.waitSignal(view.statement_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [uids["ru_jan_20"]]
    image = view.grab()
    assert not image.isNull()


def test_double_click_shows_the_period_in_finer_rows(qtbot: QtBot, db_path: Path) -> None:
    fill_issue(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    window.set_granularity("year")
    view = window.comparison
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(window.comparison_model.index(0, 0)).center()
    )
    assert window.comparison_model.granularity == "quarter"
