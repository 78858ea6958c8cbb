"""Paints an issue in the navigator on two lines: its whole title, then each side's count in its colour and
the month of the latest statement. In a narrow pane the title keeps the full width instead of sharing it
with count columns."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.models import IssueSummary, Side
from db.partial_date import PartialDate
from desktop.buckets import date_label
from desktop.models.issues_model import SUMMARY_ROLE
from desktop.views.fonts import small_font
from desktop.views.side_colours import side_colour

MUTED = QColor("#6b7280")


class IssueRowDelegate(QStyledItemDelegate):
    def __init__(self, sides: list[Side], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sides = sides

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)  # type: ignore[attr-defined]
        return title, small_font(title)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, small = self._fonts(option)
        return QSize(160, QFontMetrics(title).height() + QFontMetrics(small).height() + 12)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, IssueSummary):  # a group heading: the default, bold
            group = QStyleOptionViewItem(option)
            group.font.setBold(True)  # type: ignore[attr-defined]
            super().paint(painter, group, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        painter.save()
        text = option.text  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(4, 5, -4, -5)  # type: ignore[attr-defined]
        title_font, small = self._fonts(option)
        fm, fm_small = QFontMetrics(title_font), QFontMetrics(small)
        painter.setFont(title_font)
        painter.setPen(option.palette.text().color())  # type: ignore[attr-defined]
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), fm.height()), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))  # fmt: skip
        painter.setFont(small)
        x, y = rect.left(), rect.top() + fm.height() + 1
        for side in self.sides:
            n = summary.counts.get(side.slug, 0)
            part = f"{side.name} {n:,}" if n else f"{side.name} –"
            painter.setPen(side_colour(side.slug, side.position) if n else MUTED)
            painter.drawText(QRect(x, y, rect.right() - x, fm_small.height()), Qt.AlignmentFlag.AlignLeft, part)
            x += fm_small.horizontalAdvance(part) + 12
        if summary.latest:
            latest = self.tr("latest %s") % date_label(PartialDate.from_iso(summary.latest[:7]), short=True)
            painter.setPen(MUTED)
            room = max(rect.right() - x, 0)
            latest = fm_small.elidedText(latest, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRect(x, y, room, fm_small.height()), Qt.AlignmentFlag.AlignRight, latest)
        painter.restore()
