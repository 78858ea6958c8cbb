"""Helpers shared by the window tests: a database with the sample and our own ru/ja statements, an open window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from db import sample, statements
from db.partial_date import PartialDate
from db.statements import NewStatement
from db.store import Store
from desktop import settings
from desktop.main_window import MainWindow

RU_QUOTE = "Россия готова продолжать переговоры о мирном договоре без предварительных условий."
JA_QUOTE = "日本政府は北方領土問題を解決して平和条約を締結する方針を変えない。"


def add_statement(
    store: Store,
    *,
    side: str | None,
    issue: str,
    said_on: str | None,
    quote: str,
    speaker: str = "Test Speaker",
    language: str = "en",
    kind: str = "reported",
    reviewed: bool = True,
    source_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
) -> str:
    return statements.add(
        store,
        NewStatement(
            speaker=speaker,
            side=side,
            issue=issue,
            said_on=PartialDate.from_iso(said_on) if said_on else None,  # None: the date is not known
            quote=quote,
            language=language,
            kind=kind,
            reviewed=reviewed,
            start_offset=start,
            end_offset=end,
        ),
        source_id,
    )


def build_database(path: Path) -> dict[str, str]:
    """The sample plus one Russian and one Japanese statement on the peace treaty; returns their uids."""
    with Store.open(path) as store:
        sample.fill(store)
        ru = add_statement(store, side="russia", issue="peace_treaty", said_on="2018-11-14", quote=RU_QUOTE,
                           speaker="Сергей Лавров", language="ru")  # fmt: skip
        ja = add_statement(store, side="japan", issue="peace_treaty", said_on="2018-11-15", quote=JA_QUOTE,
                           speaker="河野太郎", language="ja")  # fmt: skip
    return {"ru": ru, "ja": ja}


def open_window(qtbot: QtBot, path: Path, size: tuple[int, int] | None = (1280, 800)) -> MainWindow:
    """A main window on `path`, shown, with the navigator counted and the first issue's rows loaded."""
    window = MainWindow(settings.Settings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        assert window.open_database(path)
    wait_rows(qtbot, window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_rows(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the comparison's count job (if any) has delivered its rows."""
    qtbot.waitUntil(lambda: not window.comparison_model.is_loading, timeout=10_000)


def show_issue(qtbot: QtBot, window: MainWindow, slug: str) -> None:
    assert window.navigator.select(slug)
    wait_rows(qtbot, window)
    assert window.comparison_model.issue == slug
