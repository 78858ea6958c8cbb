"""Above the columns: each side's position on the issue in the user's own words, editable where it is read.

One editor per column, aligned with it. Typing is saved after a short pause (or when the editor loses
focus) as an undoable command; "Rests on…" picks the statements whose dates the sheet prints with the
summary; "History…" shows every earlier version. Everything is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db import annotations as notes_db
from db import statements, summaries
from db.errors import NotFoundError
from db.models import Side
from db.store import Store
from desktop.buckets import date_label
from desktop.models.resting_statements_model import RestingStatementsModel
from desktop.moments import moment_label
from desktop.views.annotation_history_dialog import AnnotationHistoryDialog
from desktop.views.annotations_panel import default_author
from desktop.views.side_colours import side_colour
from desktop.views.summary_undo import EditSummaryCommand, SummaryText

PAUSE_MS = 700


class RestingStatementsDialog(QDialog):
    """Check the statements the summary rests on (newest first)."""

    def __init__(self, store: Store, issue: str, side: Side, checked: tuple[str, ...], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What %s's position rests on") % side.name)
        self.model = RestingStatementsModel(store, issue, side.slug, checked, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        hint = QLabel(self.tr("Tick the statements this summary rests on; the sheet prints their dates."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(720, 460)


class SidePositionEditor(QFrame):
    """One side's summary: a heading in the side's colour, the text, what it rests on, its history."""

    edited = Signal(str, object, object)  # side slug, before SummaryText, after SummaryText

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"summary_{side.slug}")
        self.saved = SummaryText("", ())
        self.rests_on: tuple[str, ...] = ()
        colour = side_colour(side.slug, side.position)
        self.setStyleSheet(f"#summary_{side.slug} {{ border-left: 4px solid {colour.name()}; background: #fbfbfc; }}")
        self.title = QLabel(self.tr("%s — position summary") % side.name, self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setStyleSheet("color: #6b7280;")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("summaryBody")
        self.body.setPlaceholderText(
            self.tr(
                "%s's position on this issue, in a few lines of your own. Saved as you type; printed first "
                "on the sheet."
            )
            % side.name  # fmt: skip
        )
        self.body.setTabChangesFocus(True)
        self.body.setFixedHeight(self.body.fontMetrics().lineSpacing() * 4 + 12)
        self.basis = QLabel(self)
        self.basis.setTextFormat(Qt.TextFormat.PlainText)
        self.basis.setStyleSheet("color: #4b5563;")
        self.basis.setWordWrap(True)
        self.pick = QToolButton(self)
        self.pick.setText(self.tr("Rests on…"))
        self.history = QToolButton(self)
        self.history.setText(self.tr("History…"))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.basis, 1)
        bottom.addWidget(self.pick)
        bottom.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addLayout(bottom)
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.save)
        self.body.textChanged.connect(self._typed)
        self.body.installEventFilter(self)
        self._loading = False

    def show_summary(self, text: SummaryText, status: str, basis: str, has_history: bool) -> None:
        """Show what is stored, unless the user is typing into this editor right now."""
        if self._timer.isActive():
            return
        self._loading = True
        try:
            if self.body.toPlainText() != text.body:
                self.body.setPlainText(text.body)
        finally:
            self._loading = False
        self.saved, self.rests_on = text, text.rests_on
        self.status.setText(status)
        self.basis.setText(basis)
        self.history.setEnabled(has_history)

    def set_rests_on(self, uids: tuple[str, ...]) -> None:
        self.rests_on = uids
        self.save()

    def _typed(self) -> None:
        if not self._loading:
            self._timer.start()

    def save(self) -> None:
        self._timer.stop()
        after = SummaryText(self.body.toPlainText(), self.rests_on)
        if after != self.saved:
            before, self.saved = self.saved, after
            self.edited.emit(self.side.slug, before, after)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() == QEvent.Type.FocusOut and self._timer.isActive():
            self.save()
        return super().eventFilter(watched, event)


class SummaryBar(QWidget):
    """The editors of the shown sides, above the comparison's columns."""

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryBar")
        self.undo_stack = undo_stack
        self.store: Store | None = None
        self.issue: str | None = None
        self.editors: dict[str, SidePositionEditor] = {}
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 4, 0, 4)
        self.row.setSpacing(6)
        self.inset = QWidget(self)
        self.row.addWidget(self.inset)

    def set_inset(self, width: int) -> None:
        """Line the editors up with the columns (the comparison's row labels take `width` on the left)."""
        self.inset.setFixedWidth(width)

    def set_store(self, store: Store | None) -> None:
        self.save_all()
        self.store, self.issue = store, None
        self.refresh()

    def show_issue(self, issue: str | None, sides: list[Side]) -> None:
        self.save_all()
        if [s.slug for s in sides] != list(self.editors):
            for editor in self.editors.values():
                editor.deleteLater()
            self.editors = {}
            for side in sides:
                editor = SidePositionEditor(side, self)
                editor.edited.connect(self._edited)
                editor.pick.clicked.connect(lambda _c=False, e=editor: self.pick(e))
                editor.history.clicked.connect(lambda _c=False, e=editor: self.show_history(e))
                self.row.addWidget(editor, 1)
                self.editors[side.slug] = editor
        self.issue = issue
        self.refresh()

    def refresh(self) -> None:
        enabled = self.store is not None and self.issue is not None
        written = summaries.for_issue(self.store, self.issue) if self.store and self.issue else {}
        for slug, editor in self.editors.items():
            editor.setEnabled(enabled)
            note = written.get(slug)
            if note is None:
                editor.show_summary(SummaryText("", ()), self.tr("not written yet"), "", False)
                continue
            status = self.tr("%s, %s") % (note.author, moment_label(note.updated_at))
            editor.show_summary(SummaryText(note.body, note.rests_on), status, self.basis_text(note.rests_on), True)

    def basis_text(self, uids: tuple[str, ...]) -> str:
        if not uids or self.store is None:
            return self.tr("Rests on no statement picked yet")
        labels = []
        for uid in uids:
            try:
                st = statements.get(self.store, uid)
            except NotFoundError:
                labels.append(self.tr("a statement not in this database"))
                continue
            labels.append(f"{date_label(st.said_on, short=True)} ({st.speaker})")
        return self.tr("Rests on: %s") % ", ".join(labels)

    def save_all(self) -> None:
        for editor in self.editors.values():
            editor.save()

    def _edited(self, side: str, before: SummaryText, after: SummaryText) -> None:
        if self.store is None or self.issue is None:
            return
        editor = self.editors[side]
        command = EditSummaryCommand(self.store, self.issue, side, default_author(), before, after,
                                     lambda _i, _s: self.refresh(), lambda m: editor.status.setText(m),
                                     self.tr("Edit %s's position summary") % editor.side.name)  # fmt: skip
        self.undo_stack.push(command)

    def pick(self, editor: SidePositionEditor) -> None:
        if self.store is None or self.issue is None:
            return
        dialog = RestingStatementsDialog(self.store, self.issue, editor.side, editor.rests_on, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            editor.set_rests_on(dialog.model.chosen())

    def show_history(self, editor: SidePositionEditor) -> None:
        if self.store is None or self.issue is None:
            return
        current = summaries.current(self.store, self.issue, editor.side.slug)
        if current is None:
            return
        dialog = AnnotationHistoryDialog(notes_db.history(self.store, current.uid), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            editor.show_summary(SummaryText(dialog.chosen.body, dialog.chosen.rests_on), editor.status.text(),
                                self.basis_text(dialog.chosen.rests_on), True)  # fmt: skip
            editor.saved = SummaryText(current.body, current.rests_on)
            editor.save()
