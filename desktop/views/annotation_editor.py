"""The form for one annotation: kind, tags, contradiction link, due date and body. It has no Save button.

It only collects values and says when they changed: `changed` fires at once for the kind, tags, link and
due date, and for the body after a short pause in typing (or when the editor loses focus); the panel then
saves the difference through an undoable command. All text is plain (QPlainTextEdit, PlainText labels).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from db.annotations import KINDS, Annotation, clean_tags
from db.statements import now
from desktop.models.annotations_model import kind_name

BODY_PAUSE_MS = 700


def plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class AnnotationEditor(QWidget):
    changed = Signal()  # the values differ from what was loaded and should be saved now
    link_requested = Signal()  # the user wants to pick the contradicting statement
    link_opened = Signal(str)  # the user wants to see the linked statement

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("comma, separated, tags"))
        self.link_label = plain_label(self, "linkLabel")
        self.link_button = QPushButton(self.tr("Pick statement…"), self)
        self.show_link_button = QPushButton(self.tr("Show it"), self)
        self.show_link_button.setToolTip(self.tr("Open the contradicting statement in the window"))
        self.show_link_button.clicked.connect(self._open_link)
        self.due_enabled = QCheckBox(self.tr("Due"), self)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate.currentDate().addDays(7))
        self.done = QCheckBox(self.tr("Done"), self)
        self.done.setToolTip(self.tr("A done follow-up leaves the list of open follow-ups"))
        self._done_at: str | None = None
        self.body = QPlainTextEdit(self)
        self.body.setPlaceholderText(self.tr("Write your note here; it is saved as you type."))
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(90)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = plain_label(self, "annotationStatus")
        self._link_uid: str | None = None
        self._loading = False
        self._layout_form()
        self._body_timer = QTimer(self, singleShot=True, interval=BODY_PAUSE_MS)
        self._body_timer.timeout.connect(self.changed)
        self.body.textChanged.connect(self._body_typed)
        self.body.installEventFilter(self)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.tags.editingFinished.connect(self._field_changed)
        self.due_enabled.toggled.connect(self._due_toggled)
        self.due.dateChanged.connect(self._field_changed)
        self.done.toggled.connect(self._done_toggled)
        self.link_button.clicked.connect(self.link_requested)
        self._update_kind_rows()

    def _layout_form(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.due_enabled)
        top.addWidget(self.due)
        top.addWidget(self.done)
        top.addStretch(1)
        form.addRow(self.tr("Kind"), top)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.show_link_button)
        link_row.addWidget(self.link_button)
        self.link_row = QWidget(self)
        self.link_row.setLayout(link_row)
        link_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Contradicts"), self.link_row)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.body)
        form.addRow(self.status)
        self.form = form

    # -- loading and reading --------------------------------------------------------------------------------

    def load(self, note: Annotation | None, link_label: str = "") -> None:
        """Show one annotation (or empty fields for a new one) without firing `changed`."""
        self._loading = True
        self._body_timer.stop()
        try:
            self.kind.setCurrentIndex(KINDS.index(note.kind) if note else 0)
            self.tags.setText(", ".join(note.tags) if note else "")
            self.set_link(note.linked_statement_uid if note else None, link_label)
            self.due_enabled.setChecked(bool(note and note.due_on))
            self._done_at = note.done_at if note else None
            self.done.setChecked(self._done_at is not None)
            if note and note.due_on:
                self.due.setDate(QDate.fromString(note.due_on, "yyyy-MM-dd"))
            if note is None or self.body.toPlainText() != note.body:
                self.body.setPlainText(note.body if note else "")
            self.set_read_only(bool(note and note.in_bin))
        finally:
            self._loading = False
        self._update_kind_rows()

    def set_link(self, uid: str | None, label: str) -> None:
        self._link_uid = uid
        self.link_label.setText(label if uid else self.tr("(no statement picked)"))
        self.show_link_button.setEnabled(uid is not None)

    def _open_link(self) -> None:
        if self._link_uid:
            self.link_opened.emit(self._link_uid)

    def set_read_only(self, read_only: bool) -> None:
        self.body.setReadOnly(read_only)
        for widget in (self.kind, self.tags, self.link_button, self.due_enabled, self.due, self.done):
            widget.setEnabled(not read_only)
        if not read_only:
            self.due.setEnabled(self.due_enabled.isChecked())

    def values(self) -> dict[str, Any]:
        kind = str(self.kind.currentData())
        due = self.due.date().toString("yyyy-MM-dd") if kind == "follow_up" and self.due_enabled.isChecked() else None
        return {
            "body": self.body.toPlainText(),
            "kind": kind,
            "tags": clean_tags(self.tags.text()),
            "linked_statement_uid": self._link_uid if kind == "contradiction" else None,
            "due_on": due,
            "done_at": self._done_at if kind == "follow_up" else None,
        }

    def stop_pending(self) -> None:
        """The caller saves now: the pause timer need not fire."""
        self._body_timer.stop()

    def body_pending(self) -> bool:
        return self._body_timer.isActive()

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b91c1c;" if error else "color: #6b7280;")

    # -- reactions ------------------------------------------------------------------------------------------

    def _body_typed(self) -> None:
        if not self._loading:
            self._body_timer.start()

    def _field_changed(self) -> None:
        if not self._loading:
            self._body_timer.stop()
            self.changed.emit()

    def _due_toggled(self, on: bool) -> None:
        self.due.setEnabled(on)
        self._field_changed()

    def _done_toggled(self, on: bool) -> None:
        if not self._loading:
            self._done_at = (self._done_at or now()) if on else None
        self._field_changed()

    def _kind_chosen(self) -> None:
        self._update_kind_rows()
        if self._loading:
            return
        if self.kind.currentData() == "contradiction" and not self._link_uid:
            self.link_requested.emit()  # the panel picks, or puts the kind back
        else:
            self._field_changed()

    def revert_kind(self, kind: str) -> None:
        self._loading = True
        self.kind.setCurrentIndex(KINDS.index(kind))
        self._loading = False
        self._update_kind_rows()

    def _update_kind_rows(self) -> None:
        kind = self.kind.currentData()
        self.form.setRowVisible(self.link_row, kind == "contradiction")
        self.due_enabled.setVisible(kind == "follow_up")
        self.due.setVisible(kind == "follow_up")
        self.done.setVisible(kind == "follow_up")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and event.type() == QEvent.Type.FocusOut and self._body_timer.isActive():
            self._body_timer.stop()
            self.changed.emit()
        return super().eventFilter(watched, event)
