"""Paints one annotation as a small card: a kind stripe, a header line, and the body as plain text.

Painting with QPainter.drawText never interprets markup, so `<b>` or `<img src=...>` in a note written (or
imported from a colleague) shows literally. Long notes are cut at MAX_BODY_LINES here; the editor shows all.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.models.annotations_model import BodyRole, HeaderRole, InBinRole

PAD = 8
STRIPE = 4
MAX_BODY_LINES = 10
TEXT_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class AnnotationCardDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        header = QFont(option.font)
        header.setPointSizeF(max(header.pointSizeF() * 0.9, 7.0))
        header.setBold(True)
        return header, QFont(option.font)

    def _text_width(self) -> int:
        return max(self.view.viewport().width() - 2 * PAD - STRIPE - 4, 80)

    def _heights(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> tuple[int, int]:
        header_font, body_font = self._fonts(option)
        width = self._text_width()
        header = QFontMetrics(header_font).boundingRect(
            QRect(0, 0, width, 10_000), TEXT_FLAGS, str(index.data(HeaderRole))
        )
        metrics = QFontMetrics(body_font)
        body = metrics.boundingRect(QRect(0, 0, width, 10_000), TEXT_FLAGS, str(index.data(BodyRole)))
        return header.height(), min(body.height(), metrics.lineSpacing() * MAX_BODY_LINES)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        header, body = self._heights(option, index)
        return QSize(self._text_width() + 2 * PAD + STRIPE, header + body + 3 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        card = rect.adjusted(1, 2, -1, -2)
        painter.setPen(QColor("#d1d5db"))
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight).lighter(185) if selected else palette.base())
        painter.drawRoundedRect(card, 4, 4)
        stripe = index.data(Qt.ItemDataRole.DecorationRole)
        painter.fillRect(QRect(card.left() + 1, card.top() + 1, STRIPE, card.height() - 1), stripe or QColor("#999"))
        header_font, body_font = self._fonts(option)
        header_h, body_h = self._heights(option, index)
        left = card.left() + STRIPE + PAD
        width = card.right() - left - PAD
        muted = bool(index.data(InBinRole))
        painter.setPen(QColor("#6b7280"))
        painter.setFont(header_font)
        painter.drawText(QRect(left, card.top() + PAD - 2, width, header_h), TEXT_FLAGS, str(index.data(HeaderRole)))
        painter.setPen(QColor("#9ca3af") if muted else palette.color(QPalette.ColorRole.Text))
        body_font.setItalic(muted)
        painter.setFont(body_font)
        body_rect = QRect(left, card.top() + PAD + header_h + 2, width, body_h)
        painter.drawText(body_rect, TEXT_FLAGS, str(index.data(BodyRole)))
        painter.restore()
