"""The main window composes the panes and routes their signals; the work is done by models, views and db/.

Navigator | filters, timeline strip and comparison (or the welcome page on an empty database) | details.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from db import issues
from db.errors import DatabaseError
from db.models import IssueSummary, Side
from db.statements import StatementFilter
from db.store import Store
from desktop import actions, settings
from desktop.buckets import UNDATED, bucket_key, key_range
from desktop.curation import Curation
from desktop.models.comparison_model import ComparisonModel
from desktop.models.issues_model import IssuesModel
from desktop.safekeeping import Safekeeping
from desktop.views import check_dialog, restore_dialog, window_dialogs
from desktop.views.brief_panels import BriefPanels
from desktop.views.check_dialog import CheckDialog
from desktop.views.comparison_view import ComparisonView
from desktop.views.details_pane import DetailsPane
from desktop.views.filters_bar import FiltersBar
from desktop.views.issues_navigator import IssuesNavigator
from desktop.views.search_panel import SearchPanel
from desktop.views.timeline_strip import TimelineStrip
from desktop.views.welcome_page import WelcomePage
from desktop.worker import Job, start_job


def load_overview(store: Store) -> tuple[list[IssueSummary], list[Side], int]:
    """Issue counts, sides and the total (in a worker: one grouped scan, a second on a large database)."""
    summaries = issues.summaries(store)
    return summaries, issues.sides(store), sum(s.total for s in summaries)


class MainWindow(QMainWindow):
    overview_loaded = Signal()

    def __init__(self, config: settings.Settings | None = None) -> None:
        super().__init__()
        self.config = config or settings.Settings()
        self.store: Store | None = None
        self.undo_stack = QUndoStack(self)
        self.overview_job: Job | None = None
        self._pending_issue: str | None = None
        self._pending_statement: str | None = None  # select it when the rows arrive
        self._pending_date: str | None = None  # scroll to it when the rows arrive
        self.setWindowTitle(self.tr("Positions"))
        self.setWindowIcon(actions.icon("app"))

        self.issues_model = IssuesModel(self)
        self.navigator = IssuesNavigator(self.issues_model, self)
        self.search = SearchPanel(self)
        self.comparison_model = ComparisonModel(self)
        self.comparison_model.set_granularity(self.config.granularity)
        self.comparison = ComparisonView(self.comparison_model, self)
        self.comparison.apply_fonts(self.font(), self.config.get(settings.CARD_LINES))
        self.timeline = TimelineStrip(self.comparison_model, self)
        self.filters = FiltersBar(self)
        self.welcome = WelcomePage(self)
        self.details = DetailsPane(self.undo_stack, self)
        self.curation = Curation(self)
        self._layout_panes()
        self.actions_ = actions.build(self, self.undo_stack)
        self.filters_toolbar = QToolBar(self.tr("Filters"), self)
        self.filters_toolbar.setObjectName("filtersToolbar")
        self.filters_toolbar.setMovable(False)
        self.filters_toolbar.addWidget(self.filters)
        self.addToolBarBreak()
        self.addToolBar(self.filters_toolbar)
        actions.add_pane_toggles(self.actions_, self.config, (
            ("navigator", self.navigator, self.tr("&Issues")),
            ("search", self.search, self.tr("&Search")),
            ("filters", self.filters_toolbar, self.tr("&Filters")),
            ("timeline", self.timeline, self.tr("&Timeline strip")),
            ("details", self.details, self.tr("&Details")),
        ))  # fmt: skip
        self.brief = BriefPanels(self)  # summaries above the columns, changes since, View > Follow-ups
        self._connect()
        self.db_label = QLabel(self)
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label = QLabel(self)
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.safekeeping = Safekeeping(self.config, self.statusBar())  # automatic backups, WAL checkpoints
        self._restore_layout()

    # building

    def _layout_panes(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("leftSplitter")
        left.addWidget(self.navigator)
        left.addWidget(self.search)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        self.left = left
        centre = QWidget(self)
        self.pages = QStackedWidget(centre)
        self.pages.addWidget(self.comparison)
        self.pages.addWidget(self.welcome)
        box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.timeline)
        box.addWidget(self.pages, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _connect(self) -> None:
        self.navigator.issue_selected.connect(self.show_issue)
        self.comparison.statement_selected.connect(self._statement_selected)
        self.comparison.zoom_requested.connect(self.zoom_into)
        self.comparison_model.loaded.connect(self._comparison_loaded)
        self.comparison_model.load_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.details.statement_edited.connect(self._statement_edited)
        self.details.annotations_changed.connect(self.comparison_model.refresh_statement)
        self.details.source_review_requested.connect(self.curation.mark_source_reviewed)
        self.details.split_requested.connect(self.curation.split_off)
        self.details.open_requested.connect(self.open_statement)
        self.curation.notifier.changed.connect(self.data_changed)
        self.timeline.range_changed.connect(self.filters.set_date_range)
        self.timeline.date_clicked.connect(self.scroll_to_date)
        self.timeline.undated_clicked.connect(self.scroll_to_undated)
        self.filters.changed.connect(self._filters_changed)
        self.search.statement_opened.connect(self.open_statement)
        self.welcome.load_sample.connect(self.load_sample)
        self.welcome.import_documents.connect(self.import_documents)

    # database

    def open_database(self, path: Path | str) -> bool:
        try:
            store = Store.open(Path(path))
        except (DatabaseError, OSError) as exc:
            window_dialogs.error(self, self.tr("Cannot open the database"), str(exc))
            return False
        if self.store is not None:
            self.safekeeping.detach()
            self.store.close()
        self.store = store
        self.safekeeping.attach(store)
        self.undo_stack.clear()
        self.config.remember_database(store.path)
        self.setWindowTitle(self.tr("Positions — %s") % store.path.name)
        self.db_label.setText(str(store.path))
        self.comparison_model.set_store(store)
        self.details.set_store(store)
        self.search.set_store(store)
        self.brief.set_store(store)
        self._pending_issue = self._pending_issue or self.config.get(settings.LAST_ISSUE) or None
        self.refresh_overview()
        return True

    def refresh_overview(self) -> Job | None:
        """Recount the navigator off the GUI thread; the first issue shown follows when the counts arrive."""
        if self.store is None:
            return None
        store = self.store
        self.overview_job = start_job(self, lambda report: load_overview(store.for_thread()))
        self.overview_job.succeeded.connect(self._overview_arrived)
        self.overview_job.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        return self.overview_job

    def _overview_arrived(self, result: tuple[list[IssueSummary], list[Side], int]) -> None:
        summaries, sides, total = result
        pair = [slug for slug in self.config.side_pair if any(s.slug == slug for s in sides)]
        shown = [next(s for s in sides if s.slug == slug) for slug in dict.fromkeys(pair)] or sides[:2]
        self.comparison_model.set_sides(shown)
        current = self.navigator.current_slug()
        self.issues_model.set_rows(summaries, sides)
        self.pages.setCurrentWidget(self.welcome if total == 0 else self.comparison)
        self.timeline.setVisible(total > 0 and self.actions_["pane_timeline"].isChecked())
        self.welcome.set_import_available(actions.hook("import") is not None, self.tr("The import wizard is missing"))
        wanted = self._pending_issue or current
        self._pending_issue = None
        if not (wanted and self.navigator.select(wanted)):
            first = next((s.issue.slug for s in summaries if s.total), None)
            if first:
                self.navigator.select(first)
        self.counts_label.setText(self.tr("%n statement(s) in the database", "", total))
        self.overview_loaded.emit()

    # the comparison

    def current_filter(self) -> StatementFilter:
        """What the comparison shows now (issue and filters), for printing."""
        return replace(self.comparison_model.statement_filter, side=None)

    def show_issue(self, slug: str) -> None:
        self.config.set(settings.LAST_ISSUE, slug)
        shown = self.details.statement
        if slug == self.comparison_model.issue and shown is not None:
            # the same issue again (the navigator recounted after an edit or import): keep what is selected
            self._pending_statement = self._pending_statement or shown.uid
        else:
            self.comparison.clear_picked()
            self.details.show_statement(None)
        self.comparison_model.load(slug, self.filters.statement_filter())

    def _filters_changed(self) -> None:
        wanted = replace(self.filters.statement_filter(), issue=self.comparison_model.issue)
        self.timeline.show_range(wanted.date_from, wanted.date_to)
        if not self.comparison_model.issue:
            return
        if replace(wanted, date_from=None, date_to=None) == replace(
            self.current_filter(), date_from=None, date_to=None
        ):
            self.comparison_model.set_date_range(wanted.date_from, wanted.date_to)  # no query: counts in hand
        else:
            self.comparison_model.load(self.comparison_model.issue, wanted)

    def clear_filters(self) -> None:
        self.filters.clear()

    def set_granularity(self, granularity: str) -> None:
        self.config.set(settings.GRANULARITY, granularity)
        current = self.comparison.current_statement()
        self._pending_statement = current.uid if current is not None else None
        self._check_granularity(granularity)
        self.comparison_model.set_granularity(granularity)  # `loaded` (now or after a recount) reselects it

    def _check_granularity(self, granularity: str) -> None:
        if self.actions_.granularity is not None:
            for action in self.actions_.granularity.actions():
                action.setChecked(action.data() == granularity)
        box = self.actions_.granularity_box
        if box is not None:
            box.setCurrentIndex(box.findData(granularity))

    def zoom_into(self, key: str) -> None:
        """Double-click: the same period in the next finer rows (the "Date unknown" row has no finer rows)."""
        finer = {"year": "quarter", "quarter": "month", "month": "day"}.get(self.comparison_model.granularity)
        if finer and key != UNDATED:
            self._pending_date = key_range(key)[0].isoformat()
            self.set_granularity(finer)

    def scroll_to_date(self, iso_day: str) -> None:
        key = bucket_key(iso_day, "day", self.comparison_model.granularity)
        self.comparison.scroll_to_row(self.comparison_model.row_at_or_after(key))

    def scroll_to_undated(self) -> None:
        self.comparison.scroll_to_row(self.comparison_model.undated_row())

    def _comparison_loaded(self) -> None:
        self.timeline.set_inset(self.comparison.verticalHeader().width())
        totals = self.comparison_model.total_shown()
        parts = [f"{side.name} {totals.get(side.slug, 0):,}" for side in self.comparison_model.sides]
        title = ""
        summary = self.issues_model.summary(self.comparison_model.issue or "")
        if summary is not None:
            title = summary.issue.title + ": "
        self.statusBar().showMessage(title + " · ".join(parts))
        if self._pending_date:
            day, self._pending_date = self._pending_date, None
            self._pending_statement = None
            self.scroll_to_date(day)
        if self._pending_statement:
            uid, self._pending_statement = self._pending_statement, None
            statement = self.comparison_model.find_statement(uid)
            if statement is not None and not self.comparison.select_statement(statement):
                self.details.show_statement(uid)

    def _statement_selected(self, uid: str) -> None:
        self.details.show_statement(uid or None)

    def _statement_edited(self, uid: str, moved: bool) -> None:
        if moved:
            self._pending_statement = uid
            self.comparison_model.reload()
            self.refresh_overview()
        else:
            self.comparison_model.refresh_statement(uid)

    def data_changed(self, subject: str) -> None:
        """After a command (or its undo) changed statements, actors or issues: read them again, keeping the
        statement in view selected."""
        if self.store is None:
            return
        self.store.forget_cached_ids()
        shown = self.details.statement
        if subject in ("actors", "issues"):
            self.details.reload_choices()
        elif shown is not None:
            self.details.show_statement(shown.uid)
        self._pending_statement = shown.uid if shown is not None and self.details.statement is not None else None
        self.comparison_model.reload()
        self.refresh_overview()

    def open_statement(self, uid: str) -> None:
        """Show a statement (from search): its issue, its row, its card, its details."""
        statement = self.comparison_model.find_statement(uid)
        if statement is None:
            return
        if self.store is not None and self.filters.excludes(self.store, statement):
            self.filters.clear()
        if self.comparison_model.issue == statement.issue and self.comparison.select_statement(statement):
            return
        self._pending_statement = uid
        if not self.navigator.select(statement.issue):
            self.comparison_model.load(statement.issue, self.filters.statement_filter())
        self.details.show_statement(uid)

    def focus_search(self) -> None:
        self.actions_["pane_search"].setChecked(True)
        self.search.focus_query()

    # file menu and dialogs (each one line here; the dialogs live in desktop/views/window_dialogs.py)

    def new_database(self) -> None:
        path = window_dialogs.ask_new_database(self)
        if path is not None:
            self.open_database(path)

    def choose_database(self) -> None:
        path = window_dialogs.ask_database_to_open(self)
        if path is not None:
            self.open_database(path)

    def fill_recent_menu(self) -> None:
        window_dialogs.fill_recent_menu(self, self.actions_.recent_menu, self.config.recent_databases())

    def backup_database(self) -> None:
        if self.store is not None:
            window_dialogs.backup(self, self.store.path)

    def restore_from_backup(self, backup: Path | str | None = None) -> Job | None:
        """Choose a backup (unless given), put it back in a worker, then open the restored database again."""
        if self.store is not None:
            return restore_dialog.restore(self, self.store.path, backup, then=self.open_database)
        return None

    def check_database(self) -> CheckDialog | None:
        return check_dialog.open_check(self, self.store, self.restore_from_backup) if self.store else None

    def load_sample(self) -> None:
        if self.store is not None:
            window_dialogs.fill_sample(self, self.store, self.refresh_overview)

    def import_documents(self) -> None:
        wizard_class = actions.hook("import")
        if wizard_class is None or self.store is None:
            return
        wizard: Any = wizard_class(self.store, self)
        wizard.exec()
        self._pending_issue = getattr(wizard, "committed_issue", None)
        self.refresh_overview()
        if any(not result.duplicate for result in getattr(wizard, "commit_results", [])):
            self.safekeeping.back_up("import")

    def print_comparison(self, output: str = "preview") -> None:
        """The sheet's options, then the preview (or, for "pdf" and "docx", the file written)."""
        open_preview = actions.hook("print")
        if open_preview is not None and self.store is not None and self.comparison_model.issue:
            open_preview(self, self.store, self.comparison_model.issue, self.current_filter(), output)

    def export_annotations(self) -> None:
        export = actions.hook("export_annotations")
        if export is not None and self.store is not None:
            export(self, self.store, self.comparison_model.issue)

    def import_annotations(self) -> None:
        run = actions.hook("import_annotations")
        if run is not None and self.store is not None:
            if run(self, self.store) is not None:
                self.safekeeping.back_up("import")
            self.refresh_overview()
            self.comparison_model.reload()

    def show_preferences(self) -> None:
        if window_dialogs.preferences(self, self.config, self.store):
            self.comparison.apply_fonts(self.font(), self.config.get(settings.CARD_LINES))
            self.refresh_overview()

    def show_shortcuts(self) -> None:
        window_dialogs.shortcuts(self)

    def show_about(self) -> None:
        window_dialogs.about(self)

    # state

    def _restore_layout(self) -> None:
        self.layout_keeper = settings.PreservedLayout(
            self.config, self, {settings.MAIN_SPLITTER: self.splitter, settings.LEFT_SPLITTER: self.left}
        )
        self._splitter_restored = self.layout_keeper.restore()
        self._check_granularity(self.comparison_model.granularity)

    def showEvent(self, event: QShowEvent) -> None:
        """On a first start, share the width out: the comparison gets what the side panes do not need."""
        super().showEvent(event)
        if not self._splitter_restored:
            self._splitter_restored = True
            width = self.splitter.width()
            left, right = max(300, width * 21 // 100), max(400, width * 25 // 100)
            self.splitter.setSizes([left, max(width - left - right, 300), right])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.layout_keeper.save()
        self.search.cancel()
        self.brief.set_store(None)  # saves a summary still being typed
        self.comparison_model.set_store(None)  # nothing reads the store after it is closed
        if self.store is not None:
            self.safekeeping.detach()
            self.store.close()
            self.store = None
        super().closeEvent(event)
