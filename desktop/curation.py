"""Curation in the window: mark statements reviewed, merge reports of one statement, edit actors and issues.

Every change is a StoreCommand on the window's undo stack (one db/ call each way, one transaction); the
`notifier` announces what changed so the window reads it again. Which statements a command acts on is the
comparison's selection (Ctrl+click adds cards) or, with none, the statement in the details pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from db import statement_merge, statements
from desktop.views.actor_editor import ActorEditor
from desktop.views.issue_editor import IssueEditor
from desktop.views.store_command import ChangeNotifier, StoreCommand

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class Curation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.notifier = ChangeNotifier(self)
        self.notifier.failed.connect(lambda message: window.statusBar().showMessage(message, 10_000))

    def selected_uids(self) -> list[str]:
        """The cards picked in the comparison, else the statement shown in the details pane."""
        picked = self.window.comparison.selected_uids()
        if picked:
            return picked
        shown = self.window.details.statement
        return [shown.uid] if shown is not None else []

    def push(self, text: str, redo: object, undo: object, subject: str = "statements") -> StoreCommand:
        command = StoreCommand(text, redo, undo, self.notifier, subject)  # type: ignore[arg-type]
        self.window.undo_stack.push(command)
        return command

    # --- review ----------------------------------------------------------------------------------------------

    def mark_reviewed(
        self, reviewed: bool = True, uids: list[str] | None = None, text: str | None = None
    ) -> StoreCommand | None:
        store = self.window.store
        chosen = list(uids if uids is not None else self.selected_uids())
        if store is None or not chosen:
            return None
        if text is None and reviewed:
            text = self.tr("Mark %n statement(s) reviewed", "", len(chosen))
        elif text is None:
            text = self.tr("Mark %n statement(s) not reviewed", "", len(chosen))
        return self.push(text, lambda: statements.set_reviewed(store, chosen, reviewed),
                         lambda before: statements.restore_reviewed(store, before))  # fmt: skip

    def mark_source_reviewed(self) -> StoreCommand | None:
        """Every statement taken from the document the shown statement comes from."""
        store, shown = self.window.store, self.window.details.statement
        if store is None or shown is None or shown.source is None:
            return None
        uids = statements.uids_of_source(store, shown.source.id)
        name = shown.source.title or shown.source.file_name
        text = self.tr("Mark the %n statement(s) of “{0}” reviewed", "", len(uids)).format(name)
        return self.mark_reviewed(True, uids, text)

    # --- one statement, several sources ----------------------------------------------------------------------

    def merge_selected(self) -> StoreCommand | None:
        """The picked cards become one statement: the one in the details pane (else the first) is kept."""
        store = self.window.store
        uids = self.selected_uids()
        if store is None:
            return None
        if len(uids) < 2:
            self.window.statusBar().showMessage(
                self.tr("Ctrl+click the cards of the statements that are one, then merge them."), 8000
            )
            return None
        shown = self.window.details.statement
        keep = shown.uid if shown is not None and shown.uid in uids else uids[0]
        others = [uid for uid in uids if uid != keep]
        command = self.push(self.tr("Merge %n statement(s) into one", "", len(uids)),
                            lambda: statement_merge.merge(store, keep, others),
                            lambda merge: statement_merge.unmerge(store, merge))  # fmt: skip
        if command.succeeded:
            self.window.comparison.clear_picked()
            self.window.details.show_statement(keep)
        return command

    def split_off(self, merged_uid: str) -> StoreCommand | None:
        """A source that was merged by mistake becomes a statement of its own again."""
        store = self.window.store
        shown = self.window.details.statement
        if store is None or shown is None:
            return None
        kept = shown.uid
        return self.push(self.tr("Separate a source into a statement of its own"),
                         lambda: statement_merge.split_off(store, merged_uid),
                         lambda _uid: statement_merge.merge(store, kept, [merged_uid]))  # fmt: skip

    # --- the user's actors and issues ------------------------------------------------------------------------

    def edit_actors(self) -> None:
        if self.window.store is not None:
            ActorEditor(self.window.store, self.window.undo_stack, self.notifier, self.window).exec()

    def edit_issues(self) -> None:
        if self.window.store is not None:
            IssueEditor(self.window.store, self.window.undo_stack, self.notifier, self.window).exec()
