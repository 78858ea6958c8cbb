"""The import wizard and the user's own gazetteer: accepted means reviewed, repeats of a statement another outlet
already reported become one statement with several sources, a corrected speaker's spelling can become an alias."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from db import statements
from db.statements import StatementFilter
from db.store import Store
from desktop.models.candidates_model import COL_QUOTE, COL_SAME, COL_SPEAKER
from desktop.wizard.review_page import ReviewPage
from tests.db.test_import_duplicates import REPORTS
from tests.desktop.test_wizard import finish, open_wizard, to_review

LAWROW = (
    "Talks\n\nMoscow, March 3, 2017. Russian Foreign Minister Sergej Lawrow said on Friday that Russia was ready to "
    "continue talks on a peace treaty with Japan.\n"
)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def all_statements(store: Store) -> list[statements.Statement]:
    return list(statements.iterate(store, StatementFilter()))


def test_statements_accepted_in_the_wizard_are_reviewed(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, store, [write(tmp_path, "kyodo.txt", REPORTS["kyodo.txt"])])
    review = to_review(qtbot, wizard)
    assert review.model.rowCount() == 1
    finish(qtbot, wizard)
    assert [s.reviewed for s in all_statements(store)] == [True]


def test_the_quote_is_in_view_beside_the_speaker(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(qtbot, store, [write(tmp_path, "tass.txt", REPORTS["tass.txt"])])
    review = to_review(qtbot, wizard)
    table = review.table
    right = table.columnViewportPosition(COL_QUOTE) + table.columnWidth(COL_QUOTE)
    assert table.columnViewportPosition(COL_SPEAKER) < table.columnViewportPosition(COL_QUOTE)
    assert right <= table.viewport().width(), "the quote column is not cut off on the right"


def test_a_report_of_a_statement_already_imported_is_offered_as_another_source(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, store, [write(tmp_path, "tass.txt", REPORTS["tass.txt"])])
    to_review(qtbot, wizard)
    finish(qtbot, wizard)
    wizard = open_wizard(qtbot, store, [write(tmp_path, name, REPORTS[name]) for name in ("ria.txt", "kyodo.txt",
                                                                                          "nhk.txt")])  # fmt: skip
    review = to_review(qtbot, wizard)
    same = review.model.index(0, COL_SAME)
    assert same.data().startswith("ТАСС, 14 Nov 2018") and "74% alike" in same.data(Qt.ItemDataRole.ToolTipRole)
    assert same.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    review.file_box.setCurrentIndex(2)  # NHK repeats Kyodo, imported in the same batch
    assert review.model.index(0, COL_SAME).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "2 of them already reported elsewhere" in review.count_label.text()
    finish(qtbot, wizard)
    shown = all_statements(store)
    assert sorted((s.speaker, s.more_sources) for s in shown) == [("Sergey Lavrov", 1), ("Taro Kono", 1)]
    assert "2 were added as another source" in wizard.summary


def test_unticking_the_offer_keeps_the_report_as_a_statement_of_its_own(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, store, [write(tmp_path, n, REPORTS[n]) for n in ("kyodo.txt", "nhk.txt")])
    review = to_review(qtbot, wizard)
    review.file_box.setCurrentIndex(1)
    review.model.setData(review.model.index(0, COL_SAME), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    finish(qtbot, wizard)
    assert [s.more_sources for s in all_statements(store)] == [0, 0]


def test_correcting_a_speaker_offers_the_spelling_as_an_alias_used_by_the_next_import(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    article = write(tmp_path, "lawrow.txt", LAWROW)
    wizard = open_wizard(qtbot, store, [article])
    review = to_review(qtbot, wizard)
    assert review.model.candidate(0).speaker == "Sergej Lawrow"  # not known yet
    assert review.model.setData(review.model.index(0, COL_SPEAKER), "Sergey Lavrov")
    assert review.alias_offer.isVisible() and "Sergej Lawrow" in review.alias_offer.message.text()
    qtbot.mouseClick(review.alias_offer.add_button, Qt.MouseButton.LeftButton)
    assert "Added" in review.alias_offer.message.text()
    wizard.reject()

    again = open_wizard(qtbot, store, [article])
    page: ReviewPage = to_review(qtbot, again)
    candidate = page.model.candidate(0)
    assert (candidate.speaker, candidate.side) == ("Sergey Lavrov", "russia")


def test_no_alias_is_offered_for_a_spelling_that_names_someone_else(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, store, [write(tmp_path, "tass.txt", REPORTS["tass.txt"])])
    review = to_review(qtbot, wizard)
    review.model.setData(review.model.index(0, COL_SPEAKER), "Taro Kono")  # as written: Сергей Лавров
    assert not review.alias_offer.isVisible()


def test_the_already_reported_column_shows_only_for_a_file_with_repeats(  # type: ignore[no-untyped-def]
    qtbot, store: Store, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, store, [write(tmp_path, n, REPORTS[n]) for n in ("kyodo.txt", "nhk.txt")])
    review = to_review(qtbot, wizard)
    assert review.table.isColumnHidden(COL_SAME)
    review.file_box.setCurrentIndex(1)
    assert not review.table.isColumnHidden(COL_SAME)
