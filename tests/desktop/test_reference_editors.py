"""The actor and issue editors: changes saved in transactions, undone from the window, read by the next import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import actors, issue_editing, issues
from db.ingest.pipeline import analyse
from db.store import Store
from db.user_gazetteer import load_gazetteer
from desktop.main_window import MainWindow
from desktop.views.actor_editor import ActorEditor
from desktop.views.issue_editor import IssueEditor
from tests.db.test_actors_and_issues_editing import GERMAN_SPELLING, NEW_TOPIC
from tests.desktop.test_app_support import build_database, open_window, wait_rows


def actor_editor(qtbot: QtBot, window: MainWindow) -> ActorEditor:
    assert window.store is not None
    editor = ActorEditor(window.store, window.undo_stack, window.curation.notifier, window)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def issue_editor(qtbot: QtBot, window: MainWindow) -> IssueEditor:
    assert window.store is not None
    editor = IssueEditor(window.store, window.undo_stack, window.curation.notifier, window)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def speakers_found(db_path: Path, article: Path) -> list[str]:
    with Store.open(db_path) as store:
        return [c.speaker for c in analyse(article, gazetteer=load_gazetteer(store)).candidates]


def test_an_alias_added_in_the_actor_editor_is_used_by_the_next_import(
    qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "lawrow.txt"
    article.write_text(GERMAN_SPELLING, encoding="utf-8")
    build_database(db_path)
    assert "Sergey Lavrov" not in speakers_found(db_path, article)
    window = open_window(qtbot, db_path)
    editor = actor_editor(qtbot, window)
    editor.filter_edit.setText("лавров")  # any alias, any case, finds him
    assert editor.current is not None and editor.current.name == "Sergey Lavrov"
    english = editor.aliases.edits["en"]
    english.setPlainText(english.toPlainText() + "\nSergej Lawrow")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.undo_stack.undoText() == "Edit actor Sergey Lavrov"
    assert speakers_found(db_path, article) == ["Sergey Lavrov"]
    window.undo_stack.undo()
    assert "Sergey Lavrov" not in speakers_found(db_path, article)
    assert "Sergej Lawrow" not in editor.aliases.edits["en"].toPlainText()  # the editor shows the undone state


def test_a_new_actor_with_names_in_three_languages_and_a_role(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    editor = actor_editor(qtbot, window)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.name.setText("Anna Belova")
    editor.side.setCurrentIndex(editor.side.findData("russia"))
    editor.aliases.edits["ru"].setPlainText("Анна Белова\nБелова")
    editor.aliases.edits["ja"].setPlainText("ベロワ")
    row = editor.roles_model.add_role()
    for column, value in enumerate(("Consul General in Sapporo", "2018", "2022-11")):
        editor.roles_model.setData(editor.roles_model.index(row, column), value)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.current is not None and editor.current.name == "Anna Belova"
    with Store.open(db_path) as store:
        added = actors.find_by_key(store, editor.current.key)
        assert added.aliases["ja"] == ("ベロワ",) and added.roles[0].end == "2022-11"
    editor.roles_model.setData(editor.roles_model.index(0, 1), "soon")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "not a date" in editor.error.text()


def test_merging_two_actors_from_the_editor_and_undoing_it(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    with Store.open(db_path) as store:
        twin = actors.add(store, "S. V. Lavrov", "person", "russia")
    window = open_window(qtbot, db_path)
    editor = actor_editor(qtbot, window)
    assert editor.select(twin.id)
    lavrov_id = next(a.id for a in actors.all_actors(window.store) if a.key == "sergey-lavrov")  # type: ignore[arg-type]
    editor.merge_into(lavrov_id)
    assert editor.current is not None and editor.current.id == lavrov_id
    assert "S. V. Lavrov" in editor.aliases.edits["en"].toPlainText()
    window.undo_stack.undo()
    with Store.open(db_path) as store:
        assert actors.get(store, twin.id).name == "S. V. Lavrov"


def test_a_keyword_added_in_the_issue_editor_changes_the_next_import(
    qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    article = tmp_path / "sakura.txt"
    article.write_text(NEW_TOPIC, encoding="utf-8")
    build_database(db_path)
    window = open_window(qtbot, db_path)
    editor = issue_editor(qtbot, window)
    assert editor.select("visas_exchanges")
    editor.keywords.edits["en"].appendPlainText("cherry blossom dialogue")
    editor.keywords.edits["ja"].appendPlainText("桜外交")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with Store.open(db_path) as store:
        assert [c.issue for c in analyse(article, gazetteer=load_gazetteer(store)).candidates] == ["visas_exchanges"]
        assert "桜外交" in issue_editing.get(store, "visas_exchanges").keywords["ja"]


def test_issues_added_renamed_merged_and_retired_reach_the_navigator_and_undo(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    editor = issue_editor(qtbot, window)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    editor.titles["en"].setText("Border crossings")
    editor.titles["ru"].setText("Пограничные переходы")
    editor.titles["ja"].setText("国境通過")
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.current is not None and editor.current.slug == "border_crossings"
    assert window.issues_model.summary("border_crossings") is not None
    assert window.details.issue.findData("border_crossings") >= 0  # offered for statements at once

    editor.select("peace_treaty")
    editor.titles["ru"].setText("Мирный договор (переговоры)")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.undo_stack.undoText() == "Edit issue Peace treaty"

    editor.select("joint_economic_activity")
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        editor.merge_into("trade_economy")
    assert (
        window.undo_stack.undoText()
        == "Merge issue Joint economic activity on the islands into Trade and economic cooperation"
    )
    with Store.open(db_path) as store:
        assert issue_editing.statement_count(store, "joint_economic_activity") == 0
        assert issue_editing.get(store, "joint_economic_activity").retired
        assert "joint_economic_activity" not in [s.issue.slug for s in issues.summaries(store)]
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        window.undo_stack.undo()
    wait_rows(qtbot, window)
    with Store.open(db_path) as store:
        assert issue_editing.statement_count(store, "joint_economic_activity") > 0
        assert not issue_editing.get(store, "joint_economic_activity").retired

    editor.select("fisheries")
    qtbot.mouseClick(editor.retire_button, Qt.MouseButton.LeftButton)
    assert editor.retire_button.text() == "Bring back"
    with Store.open(db_path) as store:
        assert "fisheries" not in load_gazetteer(store).issue_slugs()
