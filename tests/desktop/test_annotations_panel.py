"""The annotations panel on a real sample database: saving at once, undo, bin, history, links, plain text.

`POSITIONS_SCREENSHOT=docs/annotations-panel.png` makes test_screenshot write the documentation picture.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QStyleOptionViewItem, QVBoxLayout, QWidget

from db import annotations, sample, statements
from db.statements import StatementFilter
from db.store import Store
from desktop.models.annotations_model import AnnotationsModel, BodyRole, HeaderRole
from desktop.views import annotations_panel as panel_module
from desktop.views.annotation_history_dialog import AnnotationHistoryDialog
from desktop.views.annotations_panel import AUTHOR_KEY, AnnotationsPanel, default_author
from desktop.views.statement_picker_dialog import StatementPickerDialog

MARKUP = '<b>bold</b> <img src="file:///etc/passwd"> &amp; <i>x</i>'


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        sample.fill(opened)
        yield opened


@pytest.fixture
def panel(qtbot, store: Store) -> AnnotationsPanel:  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    widget = AnnotationsPanel(stack)
    widget._test_stack = stack  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.set_store(store)
    return widget


def visible_dialog(kind: type) -> Any:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def first_statements(store: Store, n: int = 2) -> list[str]:
    return [s.uid for s in statements.page(store, StatementFilter(), limit=n)]


def type_new_note(qtbot, panel: AnnotationsPanel, text: str) -> None:  # type: ignore[no-untyped-def]
    panel.start_new_note()
    with qtbot.waitSignal(panel.changed, timeout=3000):
        panel.editor.body.setPlainText(text)  # saved after the typing pause, no button


def test_typing_a_new_note_saves_it_and_undo_redo_work(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    uid = first_statements(store)[0]
    panel.set_statement(uid)
    type_new_note(qtbot, panel, "Позиция ужесточилась.\nВторая строка.")
    notes = annotations.for_statement_uid(store, uid)
    assert [n.body for n in notes] == ["Позиция ужесточилась.\nВторая строка."]
    assert notes[0].author == default_author()
    assert panel.model.rowCount() == 1 and panel.current_uid == notes[0].uid
    # keep typing into the same note: an edit, not a second note
    with qtbot.waitSignal(panel.changed, timeout=3000):
        panel.editor.body.setPlainText("Позиция ужесточилась (edited).")
    assert [n.body for n in annotations.for_statement_uid(store, uid)] == ["Позиция ужесточилась (edited)."]
    stack: QUndoStack = panel._test_stack  # type: ignore[attr-defined]
    stack.undo()
    assert annotations.get(store, notes[0].uid).body == "Позиция ужесточилась.\nВторая строка."
    stack.undo()  # undoing the addition moves it to the bin: nothing is ever destroyed
    assert annotations.for_statement_uid(store, uid) == []
    assert annotations.get(store, notes[0].uid).in_bin
    assert panel.model.rowCount() == 0
    stack.redo()
    stack.redo()
    assert annotations.get(store, notes[0].uid).body == "Позиция ужесточилась (edited)."
    assert panel.model.rowCount() == 1


def test_fields_save_at_once_and_bin_restore(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    uid = first_statements(store)[0]
    panel.set_statement(uid)
    type_new_note(qtbot, panel, "ask at the next meeting")
    note_uid = panel.current_uid
    assert note_uid
    with qtbot.waitSignal(panel.changed):
        panel.editor.kind.setCurrentIndex(annotations.KINDS.index("follow_up"))
    with qtbot.waitSignal(panel.changed):
        panel.editor.due_enabled.setChecked(True)
    panel.editor.tags.setText("meeting, курилы")
    with qtbot.waitSignal(panel.changed):
        panel.editor.tags.editingFinished.emit()
    note = annotations.get(store, note_uid)
    assert (note.kind, note.tags) == ("follow_up", ("meeting", "курилы"))
    assert note.due_on == panel.editor.due.date().toString("yyyy-MM-dd")
    with qtbot.waitSignal(panel.changed):
        panel.move_selected_to_bin()
    assert annotations.get(store, note_uid).in_bin and panel.model.rowCount() == 0
    panel.show_bin.setChecked(True)
    assert panel.model.rowCount() == 1
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    assert panel.restore_button.isEnabled() and panel.editor.body.isReadOnly()
    with qtbot.waitSignal(panel.changed):
        panel.restore_selected()
    assert not annotations.get(store, note_uid).in_bin
    panel._test_stack.undo()  # type: ignore[attr-defined]
    assert annotations.get(store, note_uid).in_bin
    assert len(annotations.history(store, note_uid)) >= 6


def test_contradiction_link_picked_by_search(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    uid, _ = first_statements(store)
    target = next(s for s in statements.iterate(store, StatementFilter()) if "Lavrov" in s.speaker)
    panel.set_statement(uid)
    type_new_note(qtbot, panel, "contradicts Lavrov")

    def pick() -> None:
        dialog = visible_dialog(StatementPickerDialog)
        dialog.query.setText(target.uid)
        dialog.run_search()
        qtbot.waitUntil(lambda: not dialog.searching() and dialog.results_model.rowCount() == 1, timeout=5000)
        dialog.accept()

    QTimer.singleShot(0, pick)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        panel.editor.kind.setCurrentIndex(annotations.KINDS.index("contradiction"))
    note = annotations.get(store, str(panel.current_uid))
    assert (note.kind, note.linked_statement_uid) == ("contradiction", target.uid)
    assert "Lavrov" in str(panel.model.index(0, 0).data(HeaderRole))

    # cancelling the picker puts the kind back
    type_new_note(qtbot, panel, "a plain note")
    QTimer.singleShot(0, lambda: visible_dialog(StatementPickerDialog).reject())  # fmt: skip
    panel.editor.kind.setCurrentIndex(annotations.KINDS.index("contradiction"))
    assert panel.editor.kind.currentData() == "note"
    assert annotations.get(store, str(panel.current_uid)).kind == "note"


def test_picker_finds_by_words_and_by_id_but_not_the_statement_itself(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    lavrov = [s for s in statements.iterate(store, StatementFilter()) if s.speaker == "Sergey Lavrov"]
    dialog = StatementPickerDialog(store, exclude_uid=lavrov[0].uid)
    qtbot.addWidget(dialog)
    dialog.side.setCurrentIndex(dialog.side.findData(None))  # any side, any issue: Lavrov's own statements too
    dialog.issue.setCurrentIndex(dialog.issue.findData(None))
    dialog.query.setText("Lavrov")
    dialog.run_search()
    qtbot.waitUntil(lambda: not dialog.searching(), timeout=5000)
    found = [
        dialog.results_model.item(r).data(Qt.ItemDataRole.UserRole + 1) for r in range(dialog.results_model.rowCount())
    ]
    assert set(found) >= {s.uid for s in lavrov[1:] if "Lavrov" in s.quote}
    assert lavrov[0].uid not in found
    assert dialog.selected_uid() == found[0]
    dialog.query.setText(lavrov[1].uid)
    dialog.run_search()
    qtbot.waitUntil(lambda: not dialog.searching(), timeout=5000)
    assert dialog.results_model.rowCount() == 1 and dialog.selected_uid() == lavrov[1].uid


def test_history_dialog_lists_every_version_and_brings_one_back(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    uid = first_statements(store)[0]
    note = annotations.add(store, uid, "version one", "anna")
    annotations.edit(store, note.uid, body="version two")
    annotations.edit(store, note.uid, body="version three")
    panel.set_statement(uid)
    panel.list.setCurrentIndex(panel.model.index(0, 0))

    def choose_oldest() -> None:
        dialog = visible_dialog(AnnotationHistoryDialog)
        assert dialog.list.count() == 3
        dialog.list.setCurrentRow(2)
        assert dialog.text.toPlainText().endswith("version one")
        dialog.bring_back.click()

    QTimer.singleShot(0, choose_oldest)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        panel.show_history()
    assert annotations.get(store, note.uid).body == "version one"
    assert [v.body for v in annotations.history(store, note.uid)][:2] == ["version one", "version three"]
    assert panel.editor.body.toPlainText() == "version one"


def test_markup_in_annotations_is_shown_literally(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    uid = first_statements(store)[0]
    annotations.add(store, uid, MARKUP, "<script>x</script>", tags=["<u>t</u>"])
    panel.set_statement(uid)
    index = panel.model.index(0, 0)
    assert index.data(BodyRole) == MARKUP
    assert "<script>x</script>" in index.data(Qt.ItemDataRole.DisplayRole)
    panel.list.setCurrentIndex(index)
    assert panel.editor.body.toPlainText() == MARKUP
    assert panel.editor.tags.text() == "<u>t</u>"
    # every label that can show a user's or colleague's text is plain text
    shown = {"annotationCount", "linkLabel", "annotationStatus"}
    labels = [label for label in panel.findChildren(QLabel) if label.objectName() in shown]
    assert len(labels) == 3 and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    panel.editor.set_status(MARKUP, error=True)
    assert panel.editor.status.text() == MARKUP
    # the card paints the literal characters: a narrow card needs more lines for the raw markup than for
    # the few words rich text would have made of it
    panel.resize(260, 600)
    panel.show()
    qtbot.waitExposed(panel)
    annotations.add(store, uid, "bold & x", "<script>x</script>", tags=["<u>t</u>"])
    panel.refresh()
    option = QStyleOptionViewItem()
    option.initFrom(panel.list)
    delegate = panel.list.itemDelegate()
    raw, rendered = (delegate.sizeHint(option, panel.model.index(row, 0)).height() for row in (0, 1))
    assert raw > rendered


def test_a_change_from_elsewhere_shows_on_refresh(qtbot, panel: AnnotationsPanel, store: Store, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    uid = first_statements(store)[0]
    panel.set_statement(uid)
    with Store.open(db_path) as other:
        annotations.add(other, uid, "written in another window", "boris")
    panel.refresh()
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data(BodyRole) == "written in another window"


def test_switching_statement_saves_the_pending_text(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    first, second = first_statements(store)
    panel.set_statement(first)
    panel.start_new_note()
    panel.editor.body.setPlainText("typed, then the user clicked another statement at once")
    panel.set_statement(second)
    assert [n.body for n in annotations.for_statement_uid(store, first)] == [
        "typed, then the user clicked another statement at once"
    ]
    assert panel.model.rowCount() == 0 and panel.editor.body.toPlainText() == ""


def test_a_refresh_while_typing_keeps_the_text(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    uid = first_statements(store)[0]
    panel.set_statement(uid)
    panel.start_new_note()
    panel.editor.body.setPlainText("half-written")
    panel.refresh()  # the window refreshes (another statement changed, another process wrote ...)
    assert panel.editor.body.toPlainText() == "half-written"
    with qtbot.waitSignal(panel.changed, timeout=3000):
        pass  # saved after the typing pause
    assert [n.body for n in annotations.for_statement_uid(store, uid)] == ["half-written"]
    panel.set_store(None)
    assert not panel.editor.isEnabled() and panel.model.rowCount() == 0


def test_author_preference(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.settings import open_qsettings

    settings = open_qsettings()
    settings.setValue(AUTHOR_KEY, "  Anna Petrova ")
    settings.sync()
    assert default_author() == "Anna Petrova"
    settings.remove(AUTHOR_KEY)
    settings.sync()
    assert default_author() == panel_module.getpass.getuser()


def test_model_passes_qtmodeltester(qtmodeltester, store: Store) -> None:  # type: ignore[no-untyped-def]
    uid = first_statements(store)[0]
    for body in ("one", "два", "三"):
        annotations.add(store, uid, body, "anna")
    model = AnnotationsModel()
    model.set_rows(annotations.for_statement_uid(store, uid))
    qtmodeltester.check(model)
    note = annotations.edit(store, model.annotation_at(1).uid, body="два (edited)")  # type: ignore[union-attr]
    assert model.update_annotation(note)
    qtmodeltester.check(model)


def build_screenshot_window(store: Store, undo: QUndoStack) -> tuple[QWidget, AnnotationsPanel]:
    """A small standalone window: one Russian statement with notes in Russian and Japanese."""
    rows = list(statements.iterate(store, StatementFilter(side="russia")))
    statement = next(s for s in rows if "Lavrov" in s.speaker)
    other = next(s for s in statements.iterate(store, StatementFilter(side="japan")))
    annotations.add(store, statement.uid, "Лавров впервые связывает совместную деятельность с вопросом ПРО.\n"
                    "Сравнить с заявлением МИД от марта 2017 года.", "Анна Петрова", kind="shift",
                    tags=["ПРО", "курилы"])  # fmt: skip
    annotations.add(store, statement.uid, "岸田外相の発言と矛盾する。次回の2+2会合で確認すること。", "田中",
                    kind="contradiction", linked_statement_uid=other.uid, tags=["2+2"])  # fmt: skip
    annotations.add(store, statement.uid, "Запросить стенограмму пресс-конференции.", "Анна Петрова",
                    kind="follow_up", due_on="2017-05-15")  # fmt: skip
    annotations.add(store, statement.uid, "<b>Markup stays literal</b>", "anna")
    window = QWidget()
    window.setWindowTitle("Annotations")
    layout = QVBoxLayout(window)
    heading = QLabel(window)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    heading.setWordWrap(True)
    heading.setText(f"{statement.speaker}, {statement.said_on.iso()}\n«{statement.quote}»")
    layout.addWidget(heading)
    panel = AnnotationsPanel(undo, window)
    layout.addWidget(panel, 1)
    panel.set_store(store)
    panel.set_statement(statement.uid)
    panel.list.setCurrentIndex(panel.model.index(1, 0))  # the contradiction: its link shows in the editor
    window.resize(560, 760)
    return window, panel


def test_screenshot(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    undo = QUndoStack()
    window, panel = build_screenshot_window(store, undo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert panel.model.rowCount() == 4
    target = Path(os.environ.get("POSITIONS_SCREENSHOT") or tmp_path / "panel.png")
    assert window.grab().save(str(target))
    assert target.stat().st_size > 10_000
    assert panel.findChild(QDialog) is None


def test_new_note_after_a_saved_note_does_not_save_it_again(qtbot, panel: AnnotationsPanel, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Issue 9: "New note" cleared the selection before forgetting the note, so the note left was added twice."""
    uid = first_statements(store)[0]
    panel.set_statement(uid)
    type_new_note(qtbot, panel, "Первая заметка: 立場は変わらない。")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert [n.body for n in annotations.for_statement_uid(store, uid)] == ["Первая заметка: 立場は変わらない。"]
    assert panel.editor.body.toPlainText() == "" and panel.current_uid is None
    with qtbot.waitSignal(panel.changed, timeout=3000):
        panel.editor.body.setPlainText("Вторая заметка")
    bodies = sorted(n.body for n in annotations.for_statement_uid(store, uid))
    assert bodies == sorted(["Первая заметка: 立場は変わらない。", "Вторая заметка"])
    # the same with a note chosen in the list and edited, then New note
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    chosen = panel.current_uid
    panel.editor.body.setPlainText("edited, then New note at once")  # still pending: saved by New note, once
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    notes = annotations.for_statement_uid(store, uid)
    assert len(notes) == 2 and annotations.get(store, str(chosen)).body == "edited, then New note at once"
    assert len(annotations.history(store, str(chosen))) == 2
