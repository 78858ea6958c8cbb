"""Filters that find: the speaker filter as you type, the contradiction picker's starting list and filters, a
linked contradiction one click away, the bin count after a restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import annotations
from db.store import Store
from desktop.views.statement_picker_dialog import StatementPickerDialog, UidRole
from tests.desktop.test_app_support import add_statement, build_database, open_window, show_issue, wait_rows
from tests.desktop.test_curation_window import build as build_reports

ISSUE = "territorial_dispute"
ABE = "四島の帰属の問題を解決する"


def shown_speakers(window) -> set[str]:  # type: ignore[no-untyped-def]
    model = window.comparison_model
    return {
        s.speaker
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        for s in model.cell(r, c).statements
    }


def test_the_speaker_filter_finds_any_part_of_a_name_or_alias_as_you_type(qtbot: QtBot, db_path: Path) -> None:
    build_reports(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, ISSUE)
    assert shown_speakers(window) == {"Sergey Lavrov", "Taro Kono"}
    with qtbot.waitSignal(window.filters.changed, timeout=2000):  # no Enter: the pause after typing is enough
        window.filters.speaker.setText("ЛАВР")  # upper case, Cyrillic, part of an alias
    wait_rows(qtbot, window)
    assert shown_speakers(window) == {"Sergey Lavrov"}
    with qtbot.waitSignal(window.filters.changed, timeout=2000):
        window.filters.speaker.setText("河野")  # an alias in Japanese
    wait_rows(qtbot, window)
    assert shown_speakers(window) == {"Taro Kono"}
    assert window.filters.date_from_edit.minimumWidth() >= window.filters.fontMetrics().horizontalAdvance("2018-11-14")


def test_the_picker_opens_on_the_same_issue_from_the_other_side_newest_first(qtbot: QtBot, db_path: Path) -> None:
    uids = build_reports(db_path)
    with Store.open(db_path) as store:
        later = add_statement(store, side="japan", issue=ISSUE, said_on="2019-01-22", quote=ABE,
                              speaker="Shinzo Abe", language="ja")  # fmt: skip
        add_statement(
            store, side="japan", issue="fisheries", said_on="2019-02-01", quote="安全操業", speaker="Taro Kono"
        )
    dialog = StatementPickerDialog(Store.open(db_path), uids["tass"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.searching(), timeout=5000)
    found = [dialog.results_model.item(r).data(UidRole) for r in range(dialog.results_model.rowCount())]
    assert found == [later, uids["japan"]]
    label = dialog.results_model.item(0).text()
    assert label.startswith("Shinzo Abe (Japan), 22 Jan 2019: «四島")  # side and date in plain words, no slug
    dialog.speaker.setText("kono")
    qtbot.waitUntil(lambda: not dialog.searching() and dialog.results_model.rowCount() == 1, timeout=5000)
    assert dialog.selected_uid() == uids["japan"]
    dialog.speaker.clear()
    dialog.date_to.setText("2018-12")
    qtbot.waitUntil(lambda: not dialog.searching() and dialog.results_model.rowCount() == 1, timeout=5000)
    dialog.side.setCurrentIndex(dialog.side.findData(None))
    qtbot.waitUntil(lambda: not dialog.searching() and dialog.results_model.rowCount() == 3, timeout=5000)
    dialog.store.close()


def test_a_linked_contradiction_is_one_click_away(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)  # a Russian and a Japanese statement on the peace treaty
    with Store.open(db_path) as store:
        annotations.add(store, uids["ru"], "Tokyo says the opposite", "anna", kind="contradiction",
                        linked_statement_uid=uids["ja"])  # fmt: skip
    window = open_window(qtbot, db_path)
    window.open_statement(uids["ru"])
    wait_rows(qtbot, window)
    panel = window.details.annotations_panel
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    assert "河野太郎 (Japan)" in panel.editor.link_label.text()
    qtbot.mouseClick(panel.editor.show_link_button, Qt.MouseButton.LeftButton)
    wait_rows(qtbot, window)
    assert window.details.statement is not None and window.details.statement.uid == uids["ja"]


def test_the_bin_count_follows_a_restore(qtbot: QtBot, db_path: Path) -> None:
    uids = build_database(db_path)
    with Store.open(db_path) as store:
        note = annotations.add(store, uids["ru"], "first", "anna")
        annotations.move_to_bin(store, note.uid)
    window = open_window(qtbot, db_path)
    window.open_statement(uids["ru"])
    panel = window.details.annotations_panel
    assert panel.count.text() == "1 in the bin"
    panel.show_bin.setChecked(True)
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    panel.restore_selected()
    assert panel.count.text() == ""
    window.undo_stack.undo()
    assert panel.count.text() == "1 in the bin"
