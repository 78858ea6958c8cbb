"""The issues navigator: a filter box over a tree of issues with counts per side and the latest date."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop.models.issues_model import COL_TITLE, SLUG_ROLE, SORT_ROLE, IssuesModel
from desktop.views.issue_row_delegate import IssueRowDelegate


class IssuesFilterProxy(QSortFilterProxyModel):
    """Keeps the groups, filters the issues by title (case-insensitive), sorts numbers as numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterKeyColumn(COL_TITLE)


class IssuesNavigator(QWidget):
    issue_selected = Signal(str)  # slug

    def __init__(self, model: IssuesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = IssuesFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter issues"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter)
        self.tree = QTreeView(self)
        self.tree.setObjectName("issuesTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSortingEnabled(False)
        self.tree.setRootIsDecorated(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setIndentation(14)
        self.tree.setHeaderHidden(True)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        model.modelReset.connect(self._after_reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.tree)

    def _after_reset(self) -> None:
        """One column, painted on two lines (title; counts per side and latest month): titles get the width."""
        self.tree.setItemDelegateForColumn(COL_TITLE, IssueRowDelegate(self.model.sides, self.tree))
        self.tree.header().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            self.tree.setColumnHidden(column, True)
        self.tree.expandAll()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        slug = current.data(SLUG_ROLE)
        if slug:
            self.issue_selected.emit(slug)

    def current_slug(self) -> str | None:
        slug = self.tree.currentIndex().data(SLUG_ROLE)
        return str(slug) if slug else None

    def select(self, slug: str) -> bool:
        index = self.proxy.mapFromSource(self.model.index_of(slug))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)
        return True
