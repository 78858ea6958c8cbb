"""The window's menus and toolbar: every action declared once, with its shortcut, wired to a window method.

Actions that open a colleague's module (import wizard, printing, annotation exchange) look for it lazily;
when it is not installed the action is disabled and its tooltip says so.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QToolBar, QWidget

from desktop import settings
from desktop.buckets import GRANULARITIES

HOOKS = {
    "import": ("desktop.wizard.wizard", "ImportWizard"),
    "print": ("desktop.printing.dialog", "open_print_preview"),
    "save_pdf": ("desktop.printing.dialog", "open_print_preview"),
    "export_docx": ("desktop.printing.dialog", "open_print_preview"),
    "export_annotations": ("desktop.views.annotation_exchange_dialogs", "export_annotations"),
    "import_annotations": ("desktop.views.annotation_exchange_dialogs", "import_annotations"),
}


def hook(name: str) -> Callable[..., Any] | None:
    """A colleague's entry point, or None when its module is not there (yet)."""
    module_name, attribute = HOOKS[name]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    found = getattr(module, attribute, None)
    return found if callable(found) else None


def icon(name: str) -> QIcon:
    path = resources.files("resources").joinpath(f"icons/{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


@dataclass
class WindowActions:
    by_name: dict[str, QAction] = field(default_factory=dict)
    granularity: QActionGroup | None = None
    recent_menu: QMenu | None = None
    granularity_box: QComboBox | None = None
    panes_menu: QMenu | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]


Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def _action(
    owner: QObject,
    actions: WindowActions,
    name: str,
    text: str,
    slot: Callable[..., Any],
    shortcut: Shortcut = None,
    icon_name: str = "",
) -> QAction:
    action = QAction(text, owner)
    action.setObjectName(f"action_{name}")
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon_name:
        action.setIcon(icon(icon_name))
    action.triggered.connect(lambda _checked=False: slot())
    actions.by_name[name] = action
    return action


def build(window: Any, undo_stack: QUndoStack) -> WindowActions:
    """Create the menus and toolbar of `window` (a MainWindow) and return its actions by name."""
    w: QMainWindow = window
    tr = w.tr
    a = WindowActions()
    key = QKeySequence.StandardKey
    file_menu = w.menuBar().addMenu(tr("&File"))
    file_menu.addAction(_action(w, a, "new", tr("&New database…"), window.new_database, key.New, "new"))
    file_menu.addAction(_action(w, a, "open", tr("&Open database…"), window.choose_database, key.Open, "open"))
    a.recent_menu = file_menu.addMenu(tr("Open &recent"))
    a.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addAction(_action(w, a, "backup", tr("&Back up database…"), window.backup_database))
    file_menu.addAction(_action(w, a, "restore", tr("Restore from bac&kup…"), window.restore_from_backup))
    file_menu.addSeparator()
    file_menu.addAction(_action(w, a, "import", tr("&Import documents…"), window.import_documents, "Ctrl+I", "import"))
    file_menu.addAction(_action(w, a, "print", tr("&Print comparison…"), window.print_comparison, key.Print, "print"))
    file_menu.addAction(
        _action(w, a, "save_pdf", tr("Save comparison as P&DF…"), lambda: window.print_comparison("pdf"))
    )
    file_menu.addAction(
        _action(w, a, "export_docx", tr("Export comparison to &Word…"), lambda: window.print_comparison("docx"))
    )
    file_menu.addSeparator()
    file_menu.addAction(_action(w, a, "export_annotations", tr("&Export annotations…"), window.export_annotations))
    file_menu.addAction(_action(w, a, "import_annotations", tr("Import &annotations…"), window.import_annotations))
    file_menu.addSeparator()
    file_menu.addAction(_action(w, a, "quit", tr("&Quit"), w.close, key.Quit))
    for name in HOOKS:
        if hook(name) is None:
            a[name].setEnabled(False)
            a[name].setToolTip(tr("Not available in this installation (module %s missing)") % HOOKS[name][0])

    edit_menu = w.menuBar().addMenu(tr("&Edit"))
    undo = undo_stack.createUndoAction(w, tr("&Undo"))
    undo.setShortcut(QKeySequence(key.Undo))
    undo.setIcon(icon("undo"))
    redo = undo_stack.createRedoAction(w, tr("&Redo"))
    redo.setShortcut(QKeySequence(key.Redo))
    redo.setIcon(icon("redo"))
    a.by_name.update(undo=undo, redo=redo)
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    curation = window.curation
    edit_menu.addAction(_action(w, a, "mark_statements_reviewed", tr("Mark statements &reviewed"),
                                curation.mark_reviewed, "Ctrl+R"))  # fmt: skip
    edit_menu.addAction(_action(w, a, "mark_statements_unreviewed", tr("Mark statements &not reviewed"),
                                lambda: curation.mark_reviewed(False), "Ctrl+Shift+R"))  # fmt: skip
    edit_menu.addAction(_action(w, a, "mark_source_reviewed", tr("Mark the whole &source reviewed"),
                                curation.mark_source_reviewed))  # fmt: skip
    edit_menu.addAction(_action(w, a, "merge_statements", tr("&Merge into one statement with several sources"),
                                curation.merge_selected, "Ctrl+M"))  # fmt: skip
    edit_menu.addSeparator()
    edit_menu.addAction(_action(w, a, "edit_issues", tr("&Issues…"), curation.edit_issues))
    edit_menu.addAction(_action(w, a, "edit_actors", tr("&Actors…"), curation.edit_actors))
    edit_menu.addSeparator()
    edit_menu.addAction(_action(w, a, "find", tr("&Find…"), window.focus_search, key.Find, "search"))
    edit_menu.addAction(_action(w, a, "preferences", tr("&Preferences…"), window.show_preferences, key.Preferences))

    view_menu = w.menuBar().addMenu(tr("&View"))
    a.granularity = QActionGroup(w)
    names = {"day": tr("By &day"), "month": tr("By &month"), "quarter": tr("By &quarter"), "year": tr("By &year")}
    for number, granularity in enumerate(GRANULARITIES, start=1):
        action = QAction(names[granularity], w)
        action.setObjectName(f"action_granularity_{granularity}")
        action.setCheckable(True)
        action.setData(granularity)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        a.granularity.addAction(action)
        view_menu.addAction(action)
        a.by_name[f"granularity_{granularity}"] = action
    a.granularity.triggered.connect(lambda action: window.set_granularity(action.data()))
    view_menu.addSeparator()
    a.panes_menu = view_menu.addMenu(tr("&Panes"))
    view_menu.addAction(_action(w, a, "clear_filters", tr("&Clear filters"), window.clear_filters, "Ctrl+Shift+L"))

    help_menu = w.menuBar().addMenu(tr("&Help"))
    help_menu.addAction(_action(w, a, "shortcuts", tr("&Keyboard shortcuts"), window.show_shortcuts, "F1"))
    help_menu.addAction(_action(w, a, "check", tr("&Check database…"), window.check_database))
    help_menu.addAction(_action(w, a, "about", tr("&About Positions"), window.show_about))

    toolbar = QToolBar(tr("Main toolbar"), w)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("import", "print"):
        toolbar.addAction(a[name])
    toolbar.addSeparator()
    toolbar.addActions([undo, redo])
    toolbar.addSeparator()
    label = QLabel(tr("Rows by"), toolbar)
    label.setContentsMargins(6, 0, 4, 0)
    toolbar.addWidget(label)
    a.granularity_box = QComboBox(toolbar)
    a.granularity_box.setObjectName("granularityBox")
    for granularity in GRANULARITIES:
        a.granularity_box.addItem(names[granularity].replace("By ", "").replace("&", "").capitalize(), granularity)
    a.granularity_box.activated.connect(lambda _n: window.set_granularity(a.granularity_box.currentData()))
    toolbar.addWidget(a.granularity_box)
    toolbar.addSeparator()
    toolbar.addAction(a["find"])
    w.addToolBar(toolbar)
    a.by_name["toolbar"] = toolbar.toggleViewAction()
    return a


def add_pane_toggles(actions: WindowActions, config: Any, panes: tuple[tuple[str, QWidget, str], ...]) -> None:
    """View > Panes: one checkable action per pane, remembered in the settings (desktop.settings.HIDDEN_PANES)."""
    menu = actions.panes_menu
    assert menu is not None
    hidden = set(config.get(settings.HIDDEN_PANES))

    def remember(name: str, shown: bool) -> None:
        others = [n for n in config.get(settings.HIDDEN_PANES) if n != name]
        config.set(settings.HIDDEN_PANES, others if shown else [*others, name])

    for name, widget, text in panes:
        action = menu.addAction(text)
        action.setObjectName(f"action_pane_{name}")
        action.setCheckable(True)
        action.setChecked(name not in hidden)
        widget.setVisible(name not in hidden)
        action.toggled.connect(widget.setVisible)
        action.toggled.connect(lambda shown, n=name: remember(n, shown))
        actions.by_name[f"pane_{name}"] = action
    menu.addAction(actions["toolbar"])


SHORTCUTS = (
    ("Ctrl+F", "Search statements and annotations"),
    ("Ctrl+1 … Ctrl+4", "Rows by day, month, quarter, year"),
    ("Up / Down", "Previous / next statement of the same side"),
    ("Left / Right", "The other side, same period"),
    ("Home / End", "First / last period"),
    ("Page Up / Page Down", "Jump eight periods"),
    ("Double-click a cell", "Show that period in finer rows"),
    ("Ctrl+Return", "Save the edited statement"),
    ("Ctrl+click a card", "Pick several statements"),
    ("Ctrl+R / Ctrl+Shift+R", "Mark the picked statements reviewed / not reviewed"),
    ("Ctrl+M", "Merge the picked statements into one with several sources"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo edits"),
    ("Ctrl+Shift+L", "Clear filters and date range"),
    ("Ctrl+I / Ctrl+P", "Import documents / print the comparison"),
)
