"""Page 1: choose the files to import, with a file dialog or by dropping them on the page, many at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop import file_dialogs

if TYPE_CHECKING:
    from desktop.wizard.wizard import ImportWizard

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class FilesPage(QWizardPage):
    def __init__(self, parent: ImportWizard) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose the documents"))
        self.setSubTitle(
            self.tr(
                "Articles, transcripts and statements in English, Russian or Japanese: plain text, HTML, "
                "Markdown, or CSV/JSON tables of statements. Add files or drop them here."
            )
        )
        self.setAcceptDrops(True)
        self.file_list = QListWidget(self)
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.file_list.setUniformItemSizes(True)
        self.add_button = QPushButton(self.tr("&Add files…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.hint = QLabel(self.tr("No files yet."), self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_list, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.file_list.model().rowsInserted.connect(self._changed)
        self.file_list.model().rowsRemoved.connect(self._changed)

    def wizard(self) -> ImportWizard:
        return cast("ImportWizard", super().wizard())

    def initializePage(self) -> None:
        self.file_list.clear()
        self.add_paths(self.wizard().paths)

    def validatePage(self) -> bool:
        self.wizard().paths = self.paths()
        return True

    def isComplete(self) -> bool:
        return self.file_list.count() > 0

    def paths(self) -> list[Path]:
        return [Path(self.file_list.item(row).data(PATH_ROLE)) for row in range(self.file_list.count())]

    def add_paths(self, paths: list[Path] | list[str] | tuple[Path, ...]) -> int:
        """Add files not in the list yet (folders are skipped); returns how many were added."""
        known = {str(p) for p in self.paths()}
        added = 0
        for raw in paths:
            path = Path(raw)
            if path.is_dir() or str(path) in known:
                continue
            item = QListWidgetItem(f"{path.name}    ({path.parent})")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.file_list.addItem(item)
            known.add(str(path))
            added += 1
        return added

    def choose_files(self) -> None:
        names, _ = file_dialogs.get_open_file_names(
            self,
            self.tr("Import documents"),
            "",
            self.tr("Documents (*.txt *.text *.html *.htm *.md *.markdown *.csv *.tsv *.json *.jsonl);;All files (*)"),
        )
        self.add_paths(names)

    def remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))

    def _changed(self) -> None:
        count = self.file_list.count()
        self.hint.setText(self.tr("%n file(s)", "", count) if count else self.tr("No files yet."))
        self.completeChanged.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if self.add_paths(paths):
            event.acceptProposedAction()
