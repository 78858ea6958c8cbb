"""File > Export/Import annotations: scope chooser, files written and merged, reports shown as plain text."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db import annotation_exchange, annotations, sample, statements
from db.statements import StatementFilter
from db.store import Store
from desktop.views.annotation_exchange_dialogs import ExportScopeDialog, export_annotations, import_annotations
from tests.conftest import database_dump


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        sample.fill(opened)
        rows = list(statements.iterate(opened, StatementFilter()))
        annotations.add(opened, rows[0].uid, "заметка", "anna", kind="shift")
        other = next(s for s in rows if s.issue != rows[0].issue)
        annotations.add(opened, other.uid, "メモ <b>x</b>", "anna")
        yield opened


def when_visible(kind: type, action: Callable[[Any], None], seen: list[str]) -> None:
    """Act on the first visible top-level widget of `kind` as soon as it shows (modal dialogs block the test)."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                if isinstance(widget, QMessageBox):
                    seen.append(widget.text())
                    assert widget.textFormat() == Qt.TextFormat.PlainText
                action(widget)
                return
        QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_scope_dialog(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportScopeDialog("north_korea")
    qtbot.addWidget(dialog)
    assert dialog.scope().issue is None and dialog.scope().include_deleted
    dialog.issue.setChecked(True)
    assert dialog.scope().issue == "north_korea"
    dialog.dates.setChecked(True)
    assert dialog.date_from.isEnabled()
    scope = dialog.scope()
    assert scope.date_from is not None and scope.date_to is not None and scope.date_from <= scope.date_to
    assert not ExportScopeDialog(None).issue.isEnabled()


def test_export_by_issue_then_import_elsewhere(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    issue = annotations.find(store, annotations.AnnotationFilter())[0]
    issue_slug = statements.get(store, issue.statement_uid).issue
    target = tmp_path / "out.json"
    seen: list[str] = []

    def choose_issue(dialog: ExportScopeDialog) -> None:
        dialog.issue.setChecked(True)
        when_visible(QMessageBox, lambda box: box.accept(), seen)
        dialog.accept()

    when_visible(ExportScopeDialog, choose_issue, seen)
    summary = export_annotations(parent, store, issue_slug, path=str(target))
    assert summary is not None and summary.annotations == 1
    assert [a["body"] for a in json.loads(target.read_text(encoding="utf-8"))["annotations"]] == ["заметка"]
    assert "1 annotation(s)" in seen[0]

    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        when_visible(QMessageBox, lambda box: box.accept(), seen)
        report = import_annotations(parent, fresh, path=str(target))
        assert report is not None and len(report.added) == 1
        assert "1 annotation(s) added" in seen[-1]


def test_import_of_a_bad_file_warns_and_returns_none(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "positions-annotations", "version": 1, "statements": [', encoding="utf-8")
    seen: list[str] = []
    when_visible(QMessageBox, lambda box: box.accept(), seen)
    assert import_annotations(parent, store, path=str(bad)) is None
    assert "truncated" in seen[0]


def click(label: str) -> Callable[[QMessageBox], None]:
    def act(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text() == label).click()

    return act


@pytest.mark.parametrize("agree", [False, True])
def test_a_file_with_a_new_side_asks_first(qtbot, store: Store, tmp_path: Path, agree: bool) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    document = annotation_exchange.build_exchange(store)
    document["statements"][0].update(side="korea", side_name="Республика Корея", uid="new-statement")
    for note in document["annotations"]:
        if note["statement_uid"] == document["statements"][0]["uid"] or note is document["annotations"][0]:
            note["statement_uid"] = "new-statement"
    path = tmp_path / "from-anna.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        before = database_dump(fresh.path)
        seen: list[str] = []
        answer = "Add the sides and import" if agree else "Do not import"
        when_visible(QMessageBox, lambda box: (click(answer)(box), when_visible(QMessageBox, lambda b: b.accept(),
                                                                                seen)), seen)  # fmt: skip
        report = import_annotations(parent, fresh, path=str(path))
        assert "Республика Корея" in seen[0] and "Each side is a column of every comparison" in seen[0]
        if agree:
            assert report is not None and report.sides_added == ["korea"]
            assert statements.get(fresh, "new-statement").side == "korea"
        else:
            assert report is None and seen[1] == "Nothing was imported."
            assert database_dump(fresh.path) == before
