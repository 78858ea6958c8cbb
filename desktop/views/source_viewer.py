"""A statement's source text, always as plain text, with the quoted span highlighted.

`SourcePassage` shows the paragraph around the quote inside the details pane; `SourceViewer` is the dialog
with the whole document. Neither ever interprets the text: imported documents are untrusted.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.sources import Source

CONTEXT_CHARS = 360
HIGHLIGHT = QColor("#ffe28a")


class Quoted(Protocol):
    """A statement, or another source's report of it: its words and where they are in the source text."""

    @property
    def quote(self) -> str: ...
    @property
    def start_offset(self) -> int | None: ...
    @property
    def end_offset(self) -> int | None: ...


def quote_span(source_text: str, statement: Quoted) -> tuple[int, int] | None:
    """Where the quote is in the source: the stored offsets when they still fit, else the quote's first match."""
    start, end = statement.start_offset, statement.end_offset
    if start is not None and end is not None and 0 <= start < end <= len(source_text):
        return start, end
    found = source_text.find(statement.quote)
    return (found, found + len(statement.quote)) if found >= 0 else None


def highlight(editor: QPlainTextEdit, start: int, end: int) -> None:
    """Mark [start, end) with an extra selection (a format, not markup) and bring it into view."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(HIGHLIGHT)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor  # type: ignore[attr-defined]
    selection.format = fmt  # type: ignore[attr-defined]
    editor.setExtraSelections([selection])
    view = QTextCursor(editor.document())
    view.setPosition(start)
    editor.setTextCursor(view)
    editor.centerCursor()  # the quote in the middle, with what was said before and after it


def plain_viewer(parent: QWidget | None = None) -> QPlainTextEdit:
    editor = QPlainTextEdit(parent)
    editor.setReadOnly(True)
    editor.setUndoRedoEnabled(False)
    editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return editor


class SourcePassage(QWidget):
    """The passage around the quote, or a plain sentence saying why there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setObjectName("mutedNote")
        self.text = plain_viewer(self)
        self.text.setObjectName("sourcePassage")
        self.text.setMaximumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.text)

    def show_passage(self, source: Source | None, statement: Quoted | None) -> None:
        if statement is None or source is None:
            self._only_note(self.tr("No source document is linked to this statement."))
            return
        if not source.text:
            self._only_note(self.tr("The text of this source is not stored (sample content keeps only the citation)."))
            return
        span = quote_span(source.text, statement)
        if span is None:
            self._only_note(self.tr("The quote was not found in the stored source text."))
            return
        first = max(0, span[0] - CONTEXT_CHARS)
        last = min(len(source.text), span[1] + CONTEXT_CHARS)
        excerpt = ("… " if first else "") + source.text[first:last] + (" …" if last < len(source.text) else "")
        shift = 2 if first else 0
        self.note.hide()
        self.text.show()
        self.text.setPlainText(excerpt)
        highlight(self.text, span[0] - first + shift, span[1] - first + shift)

    def _only_note(self, text: str) -> None:
        self.text.clear()
        self.text.hide()
        self.note.setText(text)
        self.note.show()


class SourceViewer(QDialog):
    """The whole source document (plain text), scrolled to the highlighted quote."""

    def __init__(self, source: Source, statement: Quoted | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source: %s") % (source.title or source.file_name))
        heading = QLabel(self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        parts = [source.title, source.outlet, source.author, source.published, source.file_name]
        heading.setText(" · ".join(part for part in parts if part))
        self.text = plain_viewer(self)
        self.text.setObjectName("sourceText")
        self.text.setPlainText(source.text or self.tr("(The text of this source is not stored.)"))
        span = quote_span(source.text, statement) if statement and source.text else None
        if span:
            highlight(self.text, *span)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 620)
