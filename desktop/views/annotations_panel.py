"""The annotations of the selected statement: list, add, edit, bin, restore, history. Nothing waits for Save.

With no annotation selected the editor below the list is a blank new note: typing into it adds one. With
one selected, every change is saved at once (text after a short pause in typing). Each save is a
QUndoCommand on the window's undo stack that calls db/annotations in one transaction, so Edit > Undo works
across the whole window; the panel holds no SQL. After each change `changed(statement_uid)` lets the
window refresh its badges.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import annotations as notes_db
from db import issues, statement_merge
from db.annotations import Annotation
from db.errors import NotFoundError
from db.store import Store
from desktop.models.annotations_model import AnnotationsModel
from desktop.views.annotation_card_delegate import AnnotationCardDelegate
from desktop.views.annotation_editor import AnnotationEditor
from desktop.views.annotation_history_dialog import AnnotationHistoryDialog
from desktop.views.annotation_undo import AddAnnotationCommand, BinAnnotationCommand, EditAnnotationCommand
from desktop.views.statement_picker_dialog import StatementPickerDialog, statement_label

AUTHOR_KEY = "annotations/author"
EDITABLE = ("body", "kind", "tags", "linked_statement_uid", "due_on", "done_at")


def default_author() -> str:
    """The preference "annotations/author" when set, else the user's login name."""
    from desktop.settings import open_qsettings

    value = open_qsettings().value(AUTHOR_KEY)
    if value and str(value).strip():
        return str(value).strip()
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return "unknown"


class AnnotationsPanel(QWidget):
    changed = Signal(str)  # statement uid
    open_requested = Signal(str)  # the statement a contradiction links to: show it in the window

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.store: Store | None = None
        self.statement_uid: str | None = None
        self.current_uid: str | None = None  # None: the editor holds a new note
        self._switching = False
        self._adding = False
        self._editor_uid: str | None = None  # the annotation the editor holds (None: a new note)
        self.model = AnnotationsModel(self)
        self._build()
        self.set_statement(None)

    def _build(self) -> None:
        self.title = QLabel(self.tr("Annotations"), self)
        self.title.setObjectName("annotationsTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.count = QLabel(self)
        self.count.setObjectName("annotationCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setStyleSheet("color: #6b7280;")
        self.show_bin = QCheckBox(self.tr("Show bin"), self)
        self.add_button = QPushButton(self.tr("New note"), self)
        self.bin_button = QPushButton(self.tr("Move to bin"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.history_button = QPushButton(self.tr("History…"), self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(AnnotationCardDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(160)
        self.editor = AnnotationEditor(self)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.count, 1)
        top.addWidget(self.show_bin)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.bin_button, self.restore_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        self.show_bin.toggled.connect(lambda: self.refresh())
        self.add_button.clicked.connect(self.start_new_note)
        self.bin_button.clicked.connect(self.move_selected_to_bin)
        self.restore_button.clicked.connect(self.restore_selected)
        self.history_button.clicked.connect(self.show_history)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.editor.changed.connect(self.save_editor)
        self.editor.link_requested.connect(self.pick_link)
        self.editor.link_opened.connect(self._open_link)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.move_selected_to_bin)

    # -- what is shown --------------------------------------------------------------------------------------

    def set_store(self, store: Store | None) -> None:
        self.save_editor()
        self.store = store
        self.statement_uid = None if store is None else self.statement_uid
        self.refresh()

    def set_statement(self, statement_uid: str | None) -> None:
        if statement_uid != self.statement_uid:
            self.save_editor()
            self.current_uid = None
        self.statement_uid = statement_uid
        self.refresh()

    def refresh(self) -> None:
        """Read the statement's annotations again (another window or process may have changed them)."""
        enabled = self.store is not None and self.statement_uid is not None
        rows: list[Annotation] = []
        if self.store is not None and self.statement_uid is not None:
            rows = notes_db.for_statement_uid(self.store, self.statement_uid, include_deleted=True)
        live = [note for note in rows if not note.in_bin]
        binned = len(rows) - len(live)
        shown = rows if self.show_bin.isChecked() else live
        with self._quietly():
            self.model.set_rows(shown, self._link_labels(shown))
            row = self.model.row_of(self.current_uid) if self.current_uid else None
            if row is None:
                self.current_uid = None
            else:
                self.list.setCurrentIndex(self.model.index(row, 0))
        self._show_count(binned)
        for widget in (self.list, self.editor, self.add_button, self.show_bin):
            widget.setEnabled(enabled)
        self._load_editor()

    def _show_count(self, binned: int) -> None:
        self.count.setText(self.tr("%n in the bin", "", binned) if binned else "")

    def _link_labels(self, rows: list[Annotation]) -> dict[str, str]:
        labels = {}
        for uid in {note.linked_statement_uid for note in rows if note.linked_statement_uid}:
            labels[uid] = self._link_label(uid)
        return labels

    def _link_label(self, uid: str) -> str:
        if self.store is None:
            return ""
        try:
            linked = statement_merge.resolve(self.store, uid)  # followed through a merge
        except NotFoundError:
            return self.tr("a statement not in this database (a colleague's, not imported here)")
        return statement_label(linked, {side.slug: side.name for side in issues.sides(self.store)}, 80)

    def _open_link(self, uid: str) -> None:
        if self.store is not None:
            found = statement_merge.live_uid(self.store, uid)
            if found is not None:
                self.open_requested.emit(found)

    def selected(self) -> Annotation | None:
        row = self.model.row_of(self.current_uid) if self.current_uid else None
        return self.model.annotation_at(row) if row is not None else None

    def _load_editor(self) -> None:
        note = self.selected()
        uid = note.uid if note else None
        if not (self.editor.body_pending() and uid == self._editor_uid):  # else: the user is typing, keep it
            link = self._link_label(note.linked_statement_uid) if note and note.linked_statement_uid else ""
            self.editor.load(note, link)
            self._editor_uid = uid
        self.editor.body.setPlaceholderText(
            self.tr("Write a new note on this statement; it is saved as you type.")
            if note is None
            else self.tr("The note's text")
        )
        self.bin_button.setEnabled(note is not None and not note.in_bin)
        self.restore_button.setEnabled(note is not None and note.in_bin)
        self.history_button.setEnabled(note is not None)

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Selection changes made by the panel itself are not the user's: ignore them meanwhile."""
        before, self._switching = self._switching, True
        try:
            yield
        finally:
            self._switching = before

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._switching:
            return
        target = self.model.annotation_at(current.row()) if current.isValid() else None
        with self._quietly():
            self.save_editor()  # the note being left is saved first (this may reload the list)
            row = self.model.row_of(target.uid) if target else None
            self.current_uid = target.uid if target and row is not None else None
            self.list.setCurrentIndex(self.model.index(row, 0) if row is not None else QModelIndex())
        self.editor.set_status("")
        self._load_editor()

    def start_new_note(self) -> None:
        """Save the note being left, then a blank editor. Clearing the selection is the panel's own doing: were
        it taken for the user's, the editor (still holding the note just saved) would be saved again, as new."""
        self.save_editor()
        with self._quietly():
            self.current_uid = None
            self.list.selectionModel().clear()
            self.list.setCurrentIndex(QModelIndex())
        self.editor.set_status("")
        self._load_editor()
        self.editor.body.setFocus()

    # -- changes --------------------------------------------------------------------------------------------

    def save_editor(self) -> None:
        """Save whatever the editor holds that differs from the stored annotation (or add the new note)."""
        if self.store is None or self.statement_uid is None:
            return
        self.editor.stop_pending()
        values = self.editor.values()
        note = self.selected()
        if note is None:
            if not values["body"].strip():
                return
            fields = {**values, "author": default_author()}
            self._adding = True
            try:
                self._push(AddAnnotationCommand(self.store, self.statement_uid, fields, self._applied, self._failed,
                                                self.tr("Add annotation")))  # fmt: skip
            finally:
                self._adding = False
            return
        if note.in_bin:
            return
        current = {name: getattr(note, name) for name in EDITABLE}
        after = {name: value for name, value in values.items() if value != current[name]}
        if not after:
            return
        if "body" in after and not after["body"].strip():
            self.editor.set_status(self.tr("An empty note is not saved; the last text is kept."), error=True)
            return
        before = {name: current[name] for name in after}
        self._push(EditAnnotationCommand(self.store, self.statement_uid, note.uid, before, after, self._applied,
                                         self._failed, self.tr("Edit annotation")))  # fmt: skip

    def move_selected_to_bin(self) -> None:
        note = self.selected()
        if self.store is not None and self.statement_uid and note is not None and not note.in_bin:
            self.save_editor()
            self._push(BinAnnotationCommand(self.store, self.statement_uid, note.uid, self._applied, self._failed,
                                            self.tr("Move annotation to bin")))  # fmt: skip

    def restore_selected(self) -> None:
        note = self.selected()
        if self.store is not None and self.statement_uid and note is not None and note.in_bin:
            self._push(BinAnnotationCommand(self.store, self.statement_uid, note.uid, self._applied, self._failed,
                                            self.tr("Restore annotation"), restoring=True))  # fmt: skip

    def show_history(self) -> None:
        note = self.selected()
        if self.store is None or note is None:
            return
        self.save_editor()
        dialog = AnnotationHistoryDialog(notes_db.history(self.store, note.uid), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None and self.statement_uid:
            note = notes_db.get(self.store, note.uid)
            chosen = dialog.chosen
            after = {name: getattr(chosen, name) for name in EDITABLE if getattr(chosen, name) != getattr(note, name)}
            if after:
                before = {name: getattr(note, name) for name in after}
                text = self.tr("Bring back an earlier version")
                self._push(EditAnnotationCommand(self.store, self.statement_uid, note.uid, before, after,
                                                 self._applied, self._failed, text))  # fmt: skip

    def pick_link(self) -> None:
        if self.store is None:
            return
        dialog = StatementPickerDialog(self.store, self.statement_uid, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selected_uid():
            uid = str(dialog.selected_uid())
            self.editor.set_link(uid, self._link_label(uid))
            self.save_editor()
        elif not self.editor.values()["linked_statement_uid"]:
            note = self.selected()
            self.editor.revert_kind(note.kind if note else "note")

    def _push(self, command: AddAnnotationCommand | EditAnnotationCommand | BinAnnotationCommand) -> None:
        self.undo_stack.push(command)

    def _applied(self, statement_uid: str, annotation_uid: str) -> None:
        if statement_uid == self.statement_uid and self.store is not None:
            if self._adding:
                self.current_uid = annotation_uid  # the new note just saved stays in the editor
            every = notes_db.for_statement_uid(self.store, statement_uid, include_deleted=True)
            self._show_count(sum(n.in_bin for n in every))  # a restore or a move to the bin changes it
            note = notes_db.get(self.store, annotation_uid)
            shown = self.show_bin.isChecked() or not note.in_bin
            link = self._link_label(note.linked_statement_uid) if note.linked_statement_uid else None
            if shown and self.model.update_annotation(note, link):
                self._load_editor()  # one row changed: a narrow update, the selection stays
            else:
                self.refresh()
            self.editor.set_status(self.tr("Saved."))
        self.changed.emit(statement_uid)

    def _failed(self, message: str) -> None:
        self.editor.set_status(message, error=True)
