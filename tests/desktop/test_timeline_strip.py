import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from db.store import Store
from desktop.views.timeline_strip import TimelineStrip
from tests.desktop.test_app_support import add_statement, build_database, open_window, show_issue, wait_rows

ISSUE = "fisheries"


def spread_over_years(path: Path) -> None:
    build_database(path)
    with Store.open(path) as store, store.transaction():
        for year in range(2014, 2022):
            add_statement(store, side="russia", issue=ISSUE, said_on=f"{year}-03-10", quote=f"Russia {year}.")
            if year % 2:
                add_statement(store, side="japan", issue=ISSUE, said_on=f"{year}-09-10", quote=f"Japan {year}.")


def test_the_strip_bins_each_side_over_the_whole_issue(qtbot: QtBot, db_path: Path) -> None:
    spread_over_years(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    strip = window.timeline
    totals: dict[str, int] = {}
    for counts in strip._bins:
        for side, n in counts.items():
            totals[side] = totals.get(side, 0) + n
    assert totals == {"russia": 8, "japan": 4}
    assert strip.date_at(strip.x_of(dt.date(2017, 6, 1))) == dt.date(2017, 6, 1)
    assert not strip.grab().isNull()


def test_dragging_a_range_filters_the_view_and_a_click_scrolls(qtbot: QtBot, db_path: Path) -> None:
    spread_over_years(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    strip, model = window.timeline, window.comparison_model
    y = strip.height() // 2
    start, end = QPoint(int(strip.x_of(dt.date(2016, 1, 15))), y), QPoint(int(strip.x_of(dt.date(2018, 12, 15))), y)
    with qtbot.waitSignal(strip.range_changed) as blocker:
        qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(strip, end)
        qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=end)
    first, last = blocker.args
    assert first[:4] == "2016" and last[:4] == "2018"
    wait_rows(qtbot, window)
    assert window.filters.date_from() == first
    keys = [model.key(r) for r in range(model.rowCount())]
    assert keys == ["2016-03", "2017-03", "2017-09", "2018-03"]

    with qtbot.waitSignal(strip.range_changed):
        qtbot.mouseDClick(strip, Qt.MouseButton.LeftButton, pos=start)
    wait_rows(qtbot, window)
    assert model.rowCount() == 12

    window.resize(1000, 500)
    bar = window.comparison.verticalScrollBar()
    bar.setValue(0)
    with qtbot.waitSignal(strip.date_clicked):
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(int(strip.x_of(dt.date(2021, 3, 10))), y))
    assert bar.value() > 0
    top_row = window.comparison.rowAt(0)
    assert model.key(top_row) >= "2020"


def test_the_axis_names_months_when_there_is_room_and_years_otherwise(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    with Store.open(db_path) as store:
        for month in (2, 6, 11):
            add_statement(store, side="russia", issue=ISSUE, said_on=f"2019-{month:02d}-10", quote=f"Квоты {month}.")
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    strip = TimelineStrip(window.comparison_model)
    qtbot.addWidget(strip)
    strip.rebuild()

    def labels(width: int) -> list[str]:
        strip.resize(width, 96)
        return [text for _day, text, _year in strip.axis_labels()]

    assert labels(1000)[:4] == ["2019", "Feb", "Mar", "Apr"] and "Dec" in labels(1000)  # every month named
    assert labels(300) == ["2019", "Apr", "Jul", "Oct"]  # narrower: every third month
    assert labels(120) == ["2019"]
    spread_over_years(db_path)
    window.comparison_model.reload()
    wait_rows(qtbot, window)
    assert all(text.isdigit() for text in labels(700))  # eight years: years only
