"""The window's part of the brief: position summaries above the columns, changes since the last review
(highlight, filter, "mark issue reviewed"), and View > Follow-ups. The main window creates one of these and
calls it on a new database and a new issue; everything else is wired here, to keep the window a composer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from db import issue_reviews
from db.store import Store
from desktop.moments import moment_label
from desktop.views.annotations_panel import default_author
from desktop.views.follow_ups_panel import FollowUpsPanel
from desktop.views.summary_bar import SummaryBar


class BriefPanels(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.store: Store | None = None
        self.summary_bar = SummaryBar(window.undo_stack, window)
        centre_layout = window.pages.parentWidget().layout()
        centre_layout.insertWidget(centre_layout.indexOf(window.pages), self.summary_bar)
        self.follow_ups = FollowUpsPanel(window.undo_stack, window)
        self.dock = QDockWidget(window.tr("Follow-ups"), window)
        self.dock.setObjectName("followUpsDock")
        self.dock.setWidget(self.follow_ups)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self._add_actions()
        filters = window.filters
        filters.review_lookup = self.last_review
        filters.mark_reviewed.connect(self.mark_reviewed)
        filters.changed.connect(self.update_highlight)
        window.comparison_model.loaded.connect(self._comparison_loaded)
        window.details.annotations_changed.connect(lambda _uid: self.refresh())
        self.follow_ups.statement_opened.connect(window.open_statement)
        self.follow_ups.changed.connect(window.comparison_model.refresh_statement)
        self.follow_ups.changed.connect(lambda uid: window.details.show_statement(uid))
        self.dock.visibilityChanged.connect(lambda shown: shown and self.follow_ups.refresh())

    def _add_actions(self) -> None:
        w = self.window
        panes = w.actions_.panes_menu
        target = panes.parent()  # the View menu holds the Panes menu
        toggle = self.dock.toggleViewAction()
        toggle.setText(w.tr("Follow-&ups"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+U"))
        toggle.setObjectName("action_follow_ups")
        w.actions_.by_name["follow_ups"] = toggle
        review = QAction(w.tr("Mark Issue as &Reviewed"), w)
        review.setObjectName("action_mark_reviewed")
        review.triggered.connect(lambda _checked=False: self.mark_reviewed())
        w.actions_.by_name["mark_reviewed"] = review
        target.addSeparator()
        target.addAction(toggle)
        target.addAction(review)
        summaries_toggle = panes.addAction(w.tr("&Position summaries"))
        summaries_toggle.setObjectName("action_pane_summaries")
        summaries_toggle.setCheckable(True)
        summaries_toggle.setChecked(True)
        summaries_toggle.toggled.connect(self.summary_bar.setVisible)
        w.actions_.by_name["pane_summaries"] = summaries_toggle

    # what the window tells us ------------------------------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.summary_bar.set_store(store)
        self.follow_ups.set_store(store)

    def issue(self) -> str | None:
        return self.window.navigator.current_slug() or self.window.comparison_model.issue

    def last_review(self) -> str | None:
        issue = self.issue()
        if self.store is None or not issue:
            return None
        return issue_reviews.last_review(self.store, issue)

    def _comparison_loaded(self) -> None:
        model = self.window.comparison_model
        self.summary_bar.set_inset(self.window.comparison.verticalHeader().width())
        if model.issue != self.summary_bar.issue or [s.slug for s in model.sides] != list(self.summary_bar.editors):
            self.summary_bar.show_issue(model.issue, model.sides)
        self.update_highlight()

    def update_highlight(self) -> None:
        delegate = self.window.comparison.card_delegate
        delegate.changes_since = self.window.filters.changes_since()
        self.window.comparison.viewport().update()
        last = self.last_review()
        self.window.filters.mark_button.setToolTip(
            self.window.tr("Last reviewed: %s") % (moment_label(last) if last else self.window.tr("never"))
        )

    def mark_reviewed(self) -> None:
        issue = self.issue()
        if self.store is None or not issue:
            return
        issue_reviews.mark_reviewed(self.store, issue, default_author())
        self.window.statusBar().showMessage(self.window.tr("Issue marked as reviewed; later changes will be marked."),
                                            8000)  # fmt: skip
        self.window.filters.recheck()  # reloads the rows when "only changes" is on
        self.update_highlight()

    def refresh(self) -> None:
        self.summary_bar.refresh()
        if self.dock.isVisible():
            self.follow_ups.refresh()
