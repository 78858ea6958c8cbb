"""The other outlets that reported the shown statement: who, when, their words; open one, or separate it again
(a merge made by mistake). Plain text only: the words are imported text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from db import sources, statement_merge
from db.errors import NotFoundError
from db.statement_merge import MoreSource
from db.store import Store
from desktop.buckets import date_label
from desktop.views.source_viewer import SourceViewer

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1


def source_label(more: MoreSource) -> str:
    outlet = (more.source.outlet or more.source.title or more.source.file_name) if more.source else "?"
    when = date_label(more.said_on, short=True) if more.said_on else ""
    words = " ".join(more.quote.split())
    return f"{outlet}{', ' + when if when else ''}: «{words[:140]}{'…' if len(words) > 140 else ''}»"


class MoreSourcesView(QWidget):
    split_requested = Signal(str)  # the uid the source had as a statement of its own

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setMaximumHeight(110)
        self.list.doubleClicked.connect(self.open_source)
        self.open_button = QPushButton(self.tr("Open its text…"), self)
        self.split_button = QPushButton(self.tr("Separate"), self)
        self.split_button.setToolTip(self.tr("Make this report a statement of its own again (a merge made by mistake)"))
        self.open_button.clicked.connect(lambda: self.open_source(self.list.currentIndex()))
        self.split_button.clicked.connect(self._split)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.split_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.hide()

    def show_sources(self, store: Store | None, statement_id: int | None) -> None:
        self.store = store
        self.model.clear()
        found = statement_merge.more_sources(store, statement_id) if store and statement_id is not None else []
        for more in found:
            item = QStandardItem(source_label(more))
            item.setData(more, SOURCE_ROLE)
            item.setToolTip(more.quote)
            self.model.appendRow(item)
        self.heading.setText(self.tr("Also reported by %n other source(s)", "", len(found)))
        self.setVisible(bool(found))
        if found:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._update_buttons()

    def current(self) -> MoreSource | None:
        more = self.list.currentIndex().data(SOURCE_ROLE)
        return more if isinstance(more, MoreSource) else None

    def _update_buttons(self) -> None:
        more = self.current()
        self.open_button.setEnabled(more is not None and more.source is not None)
        self.split_button.setEnabled(more is not None and more.merged_uid is not None)

    def open_source(self, index: QModelIndex) -> None:
        more = index.data(SOURCE_ROLE) if index.isValid() else None
        if not isinstance(more, MoreSource) or more.source is None or self.store is None:
            return
        try:
            source = sources.get(self.store, more.source.id)
        except NotFoundError:
            return
        SourceViewer(source, more, self).exec()

    def _split(self) -> None:
        more = self.current()
        if more is not None and more.merged_uid:
            self.split_requested.emit(more.merged_uid)
