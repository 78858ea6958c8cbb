"""Everything about the selected statement, editable: each save is one undoable command through the store.

The fields are validated here first (a readable message next to the Save button); the store validates
again, so nothing invalid reaches the file whichever way it comes. An empty date means "not known". When the
statement's source has statements without a date, one button dates them all (one undoable command).
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from db import issues, sources, statements
from db.errors import NotFoundError
from db.models import Statement
from db.partial_date import PartialDate, parse_optional
from db.source_dating import undated_count
from db.store import Store
from desktop import plain_words
from desktop.buckets import date_label
from desktop.views.more_sources_view import MoreSourcesView
from desktop.views.source_date_command import DateSourceCommand
from desktop.views.source_date_dialog import SourceDateDialog
from desktop.views.source_viewer import SourcePassage, SourceViewer
from desktop.views.statement_edit_command import EditStatementCommand

KIND_NAMES = {"direct_quote": "Direct quote", "reported": "Reported position", "characterization": "Characterization"}


def plain_label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # wrap, never widen the pane
    if name:
        label.setObjectName(name)
    return label


def compact_combo(parent: QWidget) -> QComboBox:
    """A combo box that does not widen the pane to its longest item."""
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def load_annotations_panel(undo_stack: QUndoStack, parent: QWidget) -> QWidget | None:
    """The colleague's AnnotationsPanel when its module exists (None until then: the pane shows nothing)."""
    try:
        module = importlib.import_module("desktop.views.annotations_panel")
    except ImportError:
        return None
    panel_class = getattr(module, "AnnotationsPanel", None)
    return panel_class(undo_stack, parent) if panel_class else None


class DetailsPane(QScrollArea):
    statement_edited = Signal(str, bool)  # uid, whether its place changed (date, side or issue)
    annotations_changed = Signal(str)  # uid
    source_review_requested = Signal()  # mark every statement of the shown statement's source reviewed
    split_requested = Signal(str)  # a merged report's uid: make it a statement of its own again
    open_requested = Signal(str)  # another statement to show (a contradiction's link)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.store: Store | None = None
        self.statement: Statement | None = None
        self._source: sources.Source | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        body = QWidget(self)
        body.setObjectName("detailsBody")
        self.setWidget(body)
        self.empty_note = plain_label(body, "mutedNote")
        self.empty_note.setText(self.tr("Select a statement to see it in full, edit it and annotate it."))
        self.form_area = QWidget(body)
        self._build_form(self.form_area)
        self.annotations_panel = load_annotations_panel(undo_stack, body)
        if self.annotations_panel is not None:
            changed = getattr(self.annotations_panel, "changed", None)
            if changed is not None:
                changed.connect(self.annotations_changed)
            wanted = getattr(self.annotations_panel, "open_requested", None)
            if wanted is not None:
                wanted.connect(self.open_requested)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.form_area)
        # --- Annotations panel (desktop/views/annotations_panel.py, written by a colleague) ---
        if self.annotations_panel is not None:
            layout.addWidget(self.annotations_panel)
        layout.addStretch(1)
        # As narrow as its widest row allows (the annotation buttons), never narrower: no sideways scrolling.
        self.setMinimumWidth(max(300, body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()))
        self.show_statement(None)

    def _build_form(self, area: QWidget) -> None:
        self.heading = plain_label(area, "detailsHeading")
        self.quote = QPlainTextEdit(area)
        self.quote.setObjectName("quoteEdit")
        self.quote.setMinimumHeight(110)
        self.quote.setTabChangesFocus(True)
        self.speaker = QLineEdit(area)
        self.speaker_as_written = QLineEdit(area)
        self.side = compact_combo(area)
        self.issue = compact_combo(area)
        self.said_on = QLineEdit(area)
        self.said_on.setPlaceholderText(self.tr("unknown (YYYY, YYYY-MM or YYYY-MM-DD)"))
        self.said_on.setMinimumWidth(self.said_on.fontMetrics().horizontalAdvance("2018-11-14") + 24)  # a full date
        self.kind = compact_combo(area)
        for kind in statements.KINDS:
            self.kind.addItem(self.tr(KIND_NAMES[kind]), kind)
        self.reviewed = QCheckBox(self.tr("Reviewed by a person"), area)
        self.facts = plain_label(area, "mutedNote")
        self.error = plain_label(area, "errorNote")
        self.save_button = QPushButton(self.tr("Save changes"), area)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"), area)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.show_statement(self.statement.uid if self.statement else None))
        QShortcut(QKeySequence("Ctrl+Return"), area, self.save)
        self.passage = SourcePassage(area)
        self.open_source = QPushButton(self.tr("Open the whole source text…"), area)
        self.open_source.clicked.connect(self.show_source)
        self.review_source = QPushButton(self.tr("Mark all its statements reviewed"), area)
        self.review_source.setToolTip(self.tr("Every statement taken from this document (undo with Edit > Undo)"))
        self.review_source.clicked.connect(self.source_review_requested)
        self.more_sources = MoreSourcesView(area)
        self.more_sources.split_requested.connect(self.split_requested)
        self.undated_note = plain_label(area, "mutedNote")
        self.date_source_button = QPushButton(self.tr("Set the date of all of them…"), area)
        self.date_source_button.setObjectName("dateSourceButton")
        self.date_source_button.clicked.connect(self.date_source)
        self._undated_in_source = 0

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Speaker"), self.speaker)
        form.addRow(self.tr("As written"), self.speaker_as_written)
        form.addRow(self.tr("Side"), self.side)
        form.addRow(self.tr("Issue"), self.issue)
        form.addRow(self.tr("Date"), self.said_on)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow("", self.reviewed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        source_heading = plain_label(area, "sectionHeading")
        source_heading.setText(self.tr("Source passage"))
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.facts)
        layout.addWidget(self.undated_note)
        layout.addWidget(self.date_source_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        layout.addWidget(source_heading)
        layout.addWidget(self.passage)
        layout.addWidget(self.open_source, 0, Qt.AlignmentFlag.AlignLeft)  # one under the other: the pane stays narrow
        layout.addWidget(self.review_source, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.more_sources)

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self._fill_choices()
        if self.annotations_panel is not None:
            self.annotations_panel.set_store(store)  # type: ignore[attr-defined]
        self.show_statement(None)

    def _fill_choices(self) -> None:
        """Sides and issues as the user has them now (retired issues only where a statement is still on one)."""
        self.side.clear()
        self.issue.clear()
        if self.store is not None:
            for side in issues.sides(self.store):
                self.side.addItem(side.name, side.slug)
            for issue in issues.all_issues(self.store):
                self.issue.addItem(self.tr("{0} (retired)").format(issue.title) if issue.retired else issue.title,
                                   issue.slug)  # fmt: skip
        self.side.addItem(self.tr("Nobody's side (media, experts)"), "")

    def reload_choices(self) -> None:
        """After issues or actors were edited: the choices and the shown statement read again."""
        self._fill_choices()
        self.show_statement(self.statement.uid if self.statement else None)

    def show_statement(self, uid: str | None) -> None:
        statement = None
        if uid and self.store is not None:
            try:
                statement = statements.get(self.store, uid)
            except NotFoundError:
                statement = None
        self.statement = statement
        self.empty_note.setVisible(statement is None)
        self.form_area.setVisible(statement is not None)
        self.error.clear()
        if self.annotations_panel is not None:
            self.annotations_panel.set_statement(statement.uid if statement else None)  # type: ignore[attr-defined]
            self.annotations_panel.setVisible(statement is not None)
        if statement is None:
            return
        when = date_label(statement.said_on, unknown=self.tr("date unknown"))
        self.heading.setText(f"{statement.speaker} — {when}")
        self.quote.setPlainText(statement.quote)
        self.speaker.setText(statement.speaker)
        self.speaker_as_written.setText(statement.speaker_as_written)
        self.side.setCurrentIndex(max(0, self.side.findData(statement.side or "")))
        self.issue.setCurrentIndex(max(0, self.issue.findData(statement.issue)))
        self.said_on.setText(statement.said_on.iso() if statement.said_on else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(statement.kind)))
        self.reviewed.setChecked(statement.reviewed)
        self.facts.setText(self._facts(statement))
        source = None
        if statement.source is not None and self.store is not None:
            try:
                source = sources.get(self.store, statement.source.id)
            except NotFoundError:
                source = None
        self._source = source
        self.passage.show_passage(source, statement)
        self.open_source.setEnabled(source is not None)
        self.review_source.setEnabled(statement.source is not None)
        self.more_sources.show_sources(self.store, statement.id)
        self._undated_in_source = undated_count(self.store, source.id) if source and self.store else 0
        self.undated_note.setText(
            self.tr("%n statement(s) from this source have no date.", "", self._undated_in_source)
        )
        self.undated_note.setVisible(self._undated_in_source > 0)
        self.date_source_button.setVisible(self._undated_in_source > 0)

    def _facts(self, statement: Statement) -> str:
        lines = []
        if statement.role:
            lines.append(self.tr("Role then: %s") % statement.role)
        precision = {"day": self.tr("to the day"), "month": self.tr("to the month"), "year": self.tr("to the year")}
        basis = f" ({plain_words.date_basis(statement.date_basis)})" if statement.date_basis else ""
        if statement.said_on is None:
            lines.append(self.tr("Date unknown: no date in the text and no publication date"))
        else:
            lines.append(self.tr("Date known %s%s") % (precision[statement.said_on.precision], basis))
        if statement.confidence is not None:
            lines.append(self.tr("Found by the import with %d%% confidence") % round(statement.confidence * 100))
        if statement.source is not None:
            src = statement.source
            cite = " · ".join(p for p in (src.title, src.outlet, src.author, src.published) if p)
            lines.append(self.tr("Source: %s") % cite)
        lines.append(self.tr("Language: %s") % plain_words.language(statement.language))
        return "\n".join(lines)

    def pending_changes(self) -> dict[str, Any]:
        """The fields the user changed, validated and converted for db.statements.update (raises ValueError)."""
        st = self.statement
        if st is None:
            return {}
        quote = self.quote.toPlainText().strip()
        if not quote:
            raise ValueError(self.tr("The quote cannot be empty."))
        speaker = self.speaker.text().strip()
        if not speaker:
            raise ValueError(self.tr("The speaker cannot be empty."))
        try:
            said_on = parse_optional(self.said_on.text())  # empty: not known
        except ValueError:
            raise ValueError(self.tr("The date must be YYYY, YYYY-MM or YYYY-MM-DD and exist, or empty.")) from None
        values: dict[str, Any] = {
            "quote": quote,
            "speaker": speaker,
            "speaker_as_written": self.speaker_as_written.text().strip(),
            "side": self.side.currentData() or None,
            "issue": self.issue.currentData(),
            "said_on": said_on,
            "kind": self.kind.currentData(),
            "reviewed": self.reviewed.isChecked(),
        }
        return {name: value for name, value in values.items() if value != current_value(st, name)}

    def save(self) -> None:
        st = self.statement
        if st is None or self.store is None:
            return
        try:
            after = self.pending_changes()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if not after:
            self.error.setText(self.tr("Nothing to save."))
            return
        before = {name: current_value(st, name) for name in after}
        label = self.tr("Edit the {0} of {1}'s statement").format(plain_words.fields(set(after)), st.speaker)
        command = EditStatementCommand(self.store, st.uid, before, after, self._applied, self.error.setText, label)
        self.undo_stack.push(command)

    def _applied(self, uid: str, values: dict[str, Any]) -> None:
        moved = bool({"said_on", "side", "issue"} & set(values))
        if self.statement is not None and self.statement.uid == uid:
            self.show_statement(uid)
        self.statement_edited.emit(uid, moved)

    def date_source(self) -> None:
        """Ask for the date of the source's undated statements and give it to them all (one undo step)."""
        if self._source is None or not self._undated_in_source:
            return
        dialog = SourceDateDialog(self._source, self._undated_in_source, self)
        date = dialog.date() if dialog.exec() == SourceDateDialog.DialogCode.Accepted else None
        if date is not None:
            self.apply_source_date(date, dialog.as_publication.isChecked())

    def apply_source_date(self, date: PartialDate, as_publication: bool) -> None:
        source, statement = self._source, self.statement
        if source is None or statement is None or self.store is None:
            return
        uid = statement.uid
        name = source.title or source.file_name
        label = self.tr("Date %n undated statement(s) of {0}", "", self._undated_in_source).format(name)
        command = DateSourceCommand(self.store, source.id, date, as_publication,
                                    lambda _source: self._applied(uid, {"said_on": date}), self.error.setText,
                                    label)  # fmt: skip
        self.undo_stack.push(command)

    def show_source(self) -> None:
        if self._source is not None:
            SourceViewer(self._source, self.statement, self).exec()


def current_value(statement: Statement, name: str) -> Any:
    """A statement's stored value in the form db.statements.update takes."""
    if name == "side":
        return statement.side
    return getattr(statement, name)
