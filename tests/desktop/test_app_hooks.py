"""Colleagues' modules reached from the window: the import wizard, printing, annotation exchange."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import actions
from tests.desktop.test_app_support import build_database, open_window


def test_hooks_are_found_lazily_and_a_missing_one_is_reported_as_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(actions.HOOKS, "import", ("desktop.no_such_module", "Nothing"))
    assert actions.hook("import") is None


def test_import_opens_the_wizard_and_then_shows_the_committed_issue(qtbot: QtBot, db_path: Path) -> None:
    if actions.hook("import") is None:
        pytest.skip("the import wizard is not installed")
    build_database(db_path)
    window = open_window(qtbot, db_path)
    assert window.navigator.current_slug() != "peace_treaty"
    seen = []

    def finish_wizard() -> None:
        wizard = QApplication.activeModalWidget()
        seen.append(type(wizard).__name__)
        wizard.committed_issue = "peace_treaty"  # what a commit reports
        wizard.accept()

    QTimer.singleShot(0, finish_wizard)
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        window.actions_["import"].trigger()
    assert seen == ["ImportWizard"]
    assert window.navigator.current_slug() == "peace_treaty"
