from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import issues, sample
from db.store import Store
from desktop.models.issues_model import SLUG_ROLE, IssuesModel
from tests.desktop.test_app_support import build_database, open_window


def test_window_opens_on_the_sample_with_counts_per_side(qtbot: QtBot, db_path: Path, qtmodeltester) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    model: IssuesModel = window.issues_model
    qtmodeltester.check(model)
    with Store.open(db_path) as store:
        expected = {s.issue.slug: s for s in issues.summaries(store)}
    shown = {}
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            slug = model.index(row, 0, parent).data(SLUG_ROLE)
            russia = model.index(row, 1, parent).data(Qt.ItemDataRole.DisplayRole)
            japan = model.index(row, 2, parent).data(Qt.ItemDataRole.DisplayRole)
            latest = model.index(row, model.latest_column(), parent).data()
            shown[slug] = (russia, japan, latest)
    assert set(shown) == set(expected)
    for slug, summary in expected.items():
        ru, ja = summary.counts.get("russia", 0), summary.counts.get("japan", 0)
        assert shown[slug][:2] == (f"{ru:,}" if ru else "–", f"{ja:,}" if ja else "–")
        assert shown[slug][2] == (summary.latest or "")[:7]  # the month; the full date is in the tooltip
    assert [s.name for s in window.comparison_model.sides] == ["Russia", "Japan"]
    assert window.pages.currentWidget() is window.comparison
    assert window.comparison_model.issue == window.navigator.current_slug() is not None
    assert str(db_path) in window.db_label.text()


def test_the_filter_box_narrows_the_navigator(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    qtbot.keyClicks(window.navigator.filter_box, "missile")
    proxy = window.navigator.proxy
    titles = [proxy.index(r, 0, proxy.index(g, 0)).data() for g in range(proxy.rowCount())
              for r in range(proxy.rowCount(proxy.index(g, 0)))]  # fmt: skip
    assert titles and all("missile" in t.lower() for t in titles)


def test_an_empty_database_offers_the_sample_and_loads_it(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.isVisible()
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.comparison
    with Store.open(db_path) as store:
        assert sum(s.total for s in issues.summaries(store)) == len(sample.load_sample_data()["statements"])


def test_menus_have_the_promised_actions_and_missing_hooks_are_disabled(qtbot: QtBot, db_path: Path) -> None:
    build_database(db_path)
    window = open_window(qtbot, db_path)
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "View", "Help"]
    for name in ("new", "open", "backup", "import", "print", "export_annotations", "import_annotations",
                 "undo", "redo", "preferences", "find", "shortcuts", "about"):  # fmt: skip
        assert name in window.actions_.by_name
    from desktop.actions import hook

    for name in ("import", "print", "export_annotations", "import_annotations"):
        action = window.actions_[name]
        assert action.isEnabled() == (hook(name) is not None)
        if not action.isEnabled():
            assert "missing" in action.toolTip()


def test_a_bad_file_is_refused_with_a_message(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    from desktop.main_window import MainWindow
    from desktop.views import window_dialogs

    bad = tmp_path / "not.sqlite"
    bad.write_bytes(b"this is not a database at all")
    shown = []
    monkeypatch.setattr(window_dialogs, "error", lambda parent, title, message: shown.append(message))
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.open_database(bad)
    assert shown and "not an SQLite database" in shown[0]
    assert bad.read_bytes() == b"this is not a database at all"


def test_the_side_pair_is_a_setting_and_the_columns_follow_it(qtbot: QtBot, db_path: Path) -> None:
    from desktop import settings
    from tests.desktop.test_app_support import show_issue

    build_database(db_path)
    config = settings.Settings()
    config.set(settings.LEFT_SIDE, "japan")
    config.set(settings.RIGHT_SIDE, "russia")
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, "peace_treaty")
    model = window.comparison_model
    assert [side.slug for side in model.sides] == ["japan", "russia"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Japan"
    japan_quotes = [s.quote for r in range(model.rowCount()) for s in model.cell(r, 0).statements]
    assert japan_quotes and all(s.side == "japan" for r in range(model.rowCount()) for s in model.cell(r, 0).statements)


def test_recent_databases_fill_the_menu_and_reopen(qtbot: QtBot, tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build_database(first)
    window = open_window(qtbot, first)
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        assert window.open_database(second)  # a new, empty database
    assert window.pages.currentWidget() is window.welcome
    window.fill_recent_menu()
    menu = window.actions_.recent_menu
    paths = [action.text() for action in menu.actions()]
    assert paths == [str(second.resolve()), str(first.resolve())]
    with qtbot.waitSignal(window.overview_loaded, timeout=10_000):
        menu.actions()[1].trigger()
    assert window.store.path == first.resolve() or window.store.path == first
    assert window.pages.currentWidget() is window.comparison
