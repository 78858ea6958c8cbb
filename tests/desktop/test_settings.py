from pathlib import Path

from PySide6.QtCore import QByteArray
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.main_window import MainWindow
from tests.desktop.test_app_support import build_database, open_window, show_issue


def test_settings_live_under_the_test_folder_and_read_back_typed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("POSITIONS_SETTINGS_DIR", str(tmp_path / "s"))
    config = settings.Settings()
    assert Path(config.qsettings.fileName()) == tmp_path / "s" / "positions.ini"
    assert config.granularity == "month"
    assert config.get(settings.CARD_LINES) == 4
    assert config.get(settings.HIDDEN_PANES) == []
    config.set(settings.CARD_LINES, 6)
    config.set(settings.GRANULARITY, "nonsense")
    config.set(settings.HIDDEN_PANES, ["timeline"])
    for n in range(12):
        config.remember_database(tmp_path / f"db{n}.sqlite")
    config.remember_database(tmp_path / "db3.sqlite")
    config.sync()
    again = settings.Settings()
    assert again.get(settings.CARD_LINES) == 6
    assert again.granularity == "month"  # an unknown value falls back to the default
    assert again.get(settings.HIDDEN_PANES) == ["timeline"]
    recent = again.recent_databases()
    assert recent[0] == str(tmp_path / "db3.sqlite") and len(recent) == settings.MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_window_layout_issue_and_granularity_are_restored(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    first = open_window(qtbot, db_path)
    show_issue(qtbot, first, "missile_defense")
    first.actions_["granularity_quarter"].trigger()
    first.resize(798, 640)  # the offscreen screen is 800 wide
    first.splitter.setSizes([200, 380, 200])
    first.actions_["pane_timeline"].setChecked(False)
    sizes, size = first.splitter.sizes(), first.size()
    first.close()
    assert not settings.Settings().get(settings.GEOMETRY).isEmpty()

    second = open_window(qtbot, db_path, size=None)
    assert second.size() == size
    assert second.navigator.current_slug() == "missile_defense"
    assert second.comparison_model.issue == "missile_defense"
    assert second.comparison_model.granularity == "quarter"
    assert second.actions_["granularity_quarter"].isChecked()
    assert second.splitter.sizes() == sizes
    assert not second.actions_["pane_timeline"].isChecked() and second.timeline.isHidden()
    assert second.actions_["pane_search"].isChecked() and second.search.isVisible()
    assert isinstance(settings.Settings().get(settings.MAIN_SPLITTER), QByteArray)
    assert str(db_path.resolve()) == settings.Settings().recent_databases()[0]
    assert isinstance(second, MainWindow)
