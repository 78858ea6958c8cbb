"""The side-by-side comparison: one table view, so both sides scroll as one; a card is the unit of selection.

Keyboard: Up/Down walk along one side's statements (cards, then the next bucket that has any), Left/Right go
across to the other side in the same bucket, Home/End jump to the first and last bucket. Ctrl+click picks several
cards (to mark them reviewed or merge them); a plain click picks one again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from db.models import Statement
from desktop.models.comparison_model import COUNT_ROLE, Cell, ComparisonModel
from desktop.views.statement_card_delegate import StatementCardDelegate


class ComparisonView(QTableView):
    statement_selected = Signal(str)  # uid, or "" when an empty cell is current
    zoom_requested = Signal(str)  # bucket key: show it at a finer granularity
    picked_changed = Signal(int)  # how many cards are picked

    def __init__(self, model: ComparisonModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = model
        self.card_delegate = StatementCardDelegate(self)
        self.setModel(model)
        self.setItemDelegate(self.card_delegate)
        self.setObjectName("comparisonView")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        vertical.setMinimumWidth(96)
        vertical.setHighlightSections(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._current: tuple[int, int, int] | None = None  # row, column, card (-1: the cell itself)
        self.picked: list[str] = []  # uids picked with Ctrl+click, kept across reloads (undo keeps them)
        model.modelReset.connect(self._after_reset)
        model.dataChanged.connect(lambda *_: self.viewport().update())

    # layout

    def apply_fonts(self, font: QFont, quote_lines: int) -> None:
        self.card_delegate.set_font(font, quote_lines)
        self._after_reset()

    def _after_reset(self) -> None:
        self.comparison.metrics = self.card_delegate.metrics()
        self.card_delegate.side_positions = {side.slug: side.position for side in self.comparison.sides}
        header = self.verticalHeader()
        header.setUpdatesEnabled(False)
        for row in range(self.comparison.rowCount()):
            header.resizeSection(row, self.comparison.row_height(row))
        header.setUpdatesEnabled(True)
        self._current = None
        self.card_delegate.selected_uid = None

    # selection

    def current_statement(self) -> Statement | None:
        if self._current is None:
            return None
        row, column, card = self._current
        if card < 0 or row >= self.comparison.rowCount() or column >= self.comparison.columnCount():
            return None
        statements = self.comparison.cell(row, column).statements
        return statements[card] if card < len(statements) else None

    def select(self, row: int, column: int, card: int) -> None:
        if not (0 <= row < self.comparison.rowCount() and 0 <= column < self.comparison.columnCount()):
            return
        cell = self.comparison.cell(row, column)
        card = min(card, len(cell.statements) - 1)
        self._current = (row, column, card)
        index = self.comparison.index(row, column)
        self.setCurrentIndex(index)
        statement = cell.statements[card] if card >= 0 else None
        self.card_delegate.selected_uid = statement.uid if statement else None
        self._ensure_visible(index, card)
        self.viewport().update()
        self.statement_selected.emit(statement.uid if statement else "")

    def select_statement(self, statement: Statement) -> bool:
        """Make a statement current (after a search); False when the current rows do not show it."""
        index = self.comparison.locate(statement)
        if not index.isValid():
            return False
        cell = self.comparison.cell(index.row(), index.column())
        cards = [s.uid for s in cell.statements]
        self.select(index.row(), index.column(), cards.index(statement.uid) if statement.uid in cards else -1)
        if statement.uid not in cards:  # beyond the cards shown: still the one the details pane shows
            self.card_delegate.selected_uid = statement.uid
            self.statement_selected.emit(statement.uid)
        return True

    def scroll_to_row(self, row: int) -> None:
        if 0 <= row < self.comparison.rowCount():
            self.verticalScrollBar().setValue(self.rowViewportPosition(row) + self.verticalScrollBar().value())

    def _ensure_visible(self, index: QModelIndex, card: int) -> None:
        cell_rect = self.visualRect(index)
        target = self.card_delegate.card_rect(cell_rect, card) if card >= 0 else cell_rect
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if target.top() < 0:
            bar.setValue(bar.value() + target.top() - 4)
        elif target.bottom() > height:
            bar.setValue(bar.value() + min(target.bottom() - height + 4, target.top() - 4))

    # input

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            cell = self.comparison.cell(index.row(), index.column())
            card = self.card_delegate.card_at(self.visualRect(index), cell, int(event.position().y()))
            self.setFocus()
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier and 0 <= card < len(cell.statements):
                self.toggle_picked(cell.statements[card].uid)
            else:
                self.clear_picked()
            self.select(index.row(), index.column(), card)
            return
        super().mousePressEvent(event)

    # several cards

    def toggle_picked(self, uid: str) -> None:
        current = self.current_statement()
        if not self.picked and current is not None and current.uid != uid:
            self.picked.append(current.uid)  # Ctrl+click after a plain click: both are picked
        if uid in self.picked:
            self.picked.remove(uid)
        else:
            self.picked.append(uid)
        self._picked_changed()

    def clear_picked(self) -> None:
        if self.picked:
            self.picked = []
            self._picked_changed()

    def selected_uids(self) -> list[str]:
        """The picked cards (in the order picked), else the current card."""
        if self.picked:
            return list(self.picked)
        current = self.current_statement()
        return [current.uid] if current is not None else []

    def _picked_changed(self) -> None:
        self.card_delegate.picked_uids = set(self.picked)
        self.viewport().update()
        self.picked_changed.emit(len(self.picked))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.zoom_requested.emit(self.comparison.key(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        rows, columns = self.comparison.rowCount(), self.comparison.columnCount()
        if not rows or not columns:
            super().keyPressEvent(event)
            return
        row, column, card = self._current if self._current else (0, 0, -1)
        key = event.key()
        if self._current is None and key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.select(0, 0, 0)
        elif key == Qt.Key.Key_Down:
            self._walk(row, column, card, +1)
        elif key == Qt.Key.Key_Up:
            self._walk(row, column, card, -1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            self.select(row, (column + step) % columns, max(card, 0))
        elif key == Qt.Key.Key_Home:
            self.select(0, column, 0)
        elif key == Qt.Key.Key_End:
            self.select(rows - 1, column, 0)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = 8 if key == Qt.Key.Key_PageDown else -8
            self.select(max(0, min(rows - 1, row + step)), column, 0)
        else:
            super().keyPressEvent(event)

    def _walk(self, row: int, column: int, card: int, step: int) -> None:
        cell: Cell = self.comparison.cell(row, column)
        if 0 <= card + step < len(cell.statements):
            self.select(row, column, card + step)
            return
        probe = row + step
        while 0 <= probe < self.comparison.rowCount():
            if self.comparison.data(self.comparison.index(probe, column), role=COUNT_ROLE):
                cards = len(self.comparison.cell(probe, column).statements)
                self.select(probe, column, 0 if step > 0 else cards - 1)
                return
            probe += step

    def card_rect_of(self, row: int, column: int, card: int) -> QRect:
        return self.card_delegate.card_rect(self.visualRect(self.comparison.index(row, column)), card)
