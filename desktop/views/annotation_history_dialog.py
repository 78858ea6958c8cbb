"""Every version of one annotation, newest first, and a way to bring an earlier one back (as a new edit).

Versions come from db/annotations.history (the annotation_history table, written by trigger); everything
is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.annotations import AnnotationVersion
from desktop.models.annotations_model import kind_name, local_time


class AnnotationHistoryDialog(QDialog):
    def __init__(self, versions: list[AnnotationVersion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.versions = versions
        self.chosen: AnnotationVersion | None = None
        self.setWindowTitle(self.tr("History of the annotation"))
        self.resize(720, 440)
        self.list = QListWidget(self)
        for number, version in enumerate(versions):
            item = QListWidgetItem(self._title(version, current=number == 0))
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.list.addItem(item)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([260, 460])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.bring_back = QPushButton(self.tr("Bring back this version"), self)
        self.buttons.addButton(self.bring_back, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.bring_back.clicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show)
        self.list.setCurrentRow(0)

    def _title(self, version: AnnotationVersion, *, current: bool) -> str:
        label = self.tr("Current") if current else local_time(version.valid_from)
        title = f"{label} · {version.author} · {kind_name(version.kind)}"
        if version.deleted_at:
            title += " · " + self.tr("in the bin")
        return title

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            self.text.clear()
            return
        v = self.versions[row]
        lines = [
            self.tr("Written: %s by %s") % (local_time(v.valid_from), v.author),
            self.tr("Replaced: %s") % local_time(v.replaced_at) if v.replaced_at else self.tr("Current version"),
            self.tr("Kind: %s") % kind_name(v.kind),
        ]
        if v.tags:
            lines.append(self.tr("Tags: %s") % ", ".join(v.tags))
        if v.linked_statement_uid:
            lines.append(self.tr("Contradicts statement: %s") % v.linked_statement_uid)
        if v.due_on:
            lines.append(self.tr("Due: %s") % v.due_on)
        if v.deleted_at:
            lines.append(self.tr("In the bin since %s") % local_time(v.deleted_at))
        self.text.setPlainText("\n".join(lines) + "\n\n" + v.body)
        self.bring_back.setEnabled(row > 0)

    def _choose(self) -> None:
        row = self.list.currentRow()
        if row > 0:
            self.chosen = self.versions[row]
            self.accept()
