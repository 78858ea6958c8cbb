"""The annotations of one statement as a list model: one row per annotation, plain text only.

The display text is built from the annotation's fields and never interpreted as markup (the card delegate
paints it as plain text; tests check that `<b>` stays `<b>`). Rows are replaced wholesale when the
statement changes (`set_rows`) and narrowly after one edit (`update_annotation`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from db.annotations import Annotation

AnnotationRole = Qt.ItemDataRole.UserRole + 1  # the Annotation itself
UidRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3
HeaderRole = Qt.ItemDataRole.UserRole + 4  # the line above the body: kind, author, time, tags
BodyRole = Qt.ItemDataRole.UserRole + 5
InBinRole = Qt.ItemDataRole.UserRole + 6

KIND_NAMES = {
    "note": "Note",
    "shift": "Shift in position",
    "contradiction": "Contradiction",
    "follow_up": "Follow-up",
}
KIND_COLOURS = {"note": "#6b7280", "shift": "#b45309", "contradiction": "#b91c1c", "follow_up": "#1d4ed8"}
MUTED = QColor("#9ca3af")

AnyIndex = QModelIndex | QPersistentModelIndex


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("AnnotationsModel", KIND_NAMES.get(kind, kind))


def local_time(stamp: str) -> str:
    """A stored UTC stamp in the user's time zone, to the minute."""
    try:
        moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def header_text(note: Annotation, link_label: str | None = None) -> str:
    tr = QCoreApplication.translate
    parts = [kind_name(note.kind), note.author, local_time(note.updated_at)]
    if note.kind == "follow_up" and note.due_on:
        parts.append(tr("AnnotationsModel", "due %s") % note.due_on)
    if note.tags:
        parts.append(" ".join(f"#{tag}" for tag in note.tags))
    text = " · ".join(parts)
    if note.in_bin:
        text = tr("AnnotationsModel", "In the bin") + " · " + text
    if note.kind == "contradiction" and note.linked_statement_uid:
        text += "\n" + tr("AnnotationsModel", "Contradicts: %s") % (link_label or note.linked_statement_uid)
    return text


class AnnotationsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._links: dict[str, str] = {}

    # -- filling --------------------------------------------------------------------------------------------

    def set_rows(self, rows: list[Annotation], link_labels: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._links = dict(link_labels or {})
        self.endResetModel()

    def update_annotation(self, note: Annotation, link_label: str | None = None) -> bool:
        """Replace one row in place (same uid); False when it is not shown here."""
        row = self.row_of(note.uid)
        if row is None:
            return False
        self._rows[row] = note
        if link_label is not None and note.linked_statement_uid:
            self._links[note.linked_statement_uid] = link_label
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)
        return True

    def annotation_at(self, row: int) -> Annotation | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, uid: str) -> int | None:
        for row, note in enumerate(self._rows):
            if note.uid == uid:
                return row
        return None

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    # -- Qt -------------------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0:
            return None
        note = self.annotation_at(index.row())
        if note is None:
            return None
        link = self._links.get(note.linked_statement_uid or "")
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(note, link) + "\n" + note.body
        if role in (Qt.ItemDataRole.ToolTipRole, BodyRole):
            return note.body
        if role == HeaderRole:
            return header_text(note, link)
        if role == AnnotationRole:
            return note
        if role == UidRole:
            return note.uid
        if role == KindRole:
            return note.kind
        if role == InBinRole:
            return note.in_bin
        if role == Qt.ItemDataRole.ForegroundRole and note.in_bin:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(MUTED if note.in_bin else KIND_COLOURS.get(note.kind, "#6b7280"))
        if role == Qt.ItemDataRole.FontRole and note.in_bin:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return header_text(note, link) + ". " + note.body
        return None
