"""Paints a comparison cell as a stack of statement cards, from plain text only (no rich text anywhere).

Cards have a fixed height (a few wrapped quote lines, the rest elided), so every row's height follows from
its counts alone and the view never measures text it has not painted.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.models import Statement
from db.statements import changed_since
from desktop.buckets import UNDATED, date_label
from desktop.models.comparison_model import CELL_ROLE, COUNT_ROLE, KEY_ROLE, CardMetrics, Cell
from desktop.views.fonts import small_font
from desktop.views.side_colours import BADGE_COLOURS, side_colour, tint

KIND_LABELS = {"direct_quote": "direct quote", "reported": "reported", "characterization": "characterization"}
PAD = 10
LINES_CACHE = 2000  # wrapped quotes kept: text layout is the dearest part of painting a card
ACCENT = 4
CELL_BACKGROUND = QColor("#f3f4f6")
CARD_BORDER = QColor("#d9dde3")
MUTED = QColor("#5f6773")
TEXT = QColor("#1c1f24")
CHANGED = QColor(BADGE_COLOURS["changed"])
CHANGED_FILL = QColor("#fffbeb")


class StatementCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, quote_lines: int = 4) -> None:
        super().__init__(parent)
        self.selected_uid: str | None = None
        self.picked_uids: set[str] = set()  # several cards picked with Ctrl+click
        self.side_positions: dict[str, int] = {}
        self.changes_since: str | None = None  # cards of statements new or annotated since then are marked
        self._lines_cache: OrderedDict[tuple[str, int], list[str]] = OrderedDict()
        self.set_font(QFont(), quote_lines)

    def set_font(self, base: QFont, quote_lines: int) -> None:
        """Fonts, their metrics and the card size, computed once (painting asks for them per card)."""
        self.max_quote_lines = quote_lines
        self.quote_font = QFont(base)
        self.name_font = QFont(base)
        self.name_font.setBold(True)
        self.small_font = small_font(base)
        self.badge_font = QFont(self.small_font)
        self.badge_font.setBold(True)
        self.quote_fm = QFontMetrics(self.quote_font)
        self.name_fm = QFontMetrics(self.name_font)
        self.small_fm = QFontMetrics(self.small_font)
        self.badge_fm = QFontMetrics(self.badge_font)
        small, name, quote = self.small_fm.height(), self.name_fm.height(), self.quote_fm.lineSpacing()
        card = PAD + small + 4 + name + 4 + quote_lines * quote + 6 + small + PAD
        self._metrics = CardMetrics(
            card_height=card, spacing=8, more_height=small + 10, empty_height=max(44, small * 3)
        )
        self._lines_cache.clear()

    def metrics(self) -> CardMetrics:
        return self._metrics

    def card_rect(self, cell_rect: QRect, number: int) -> QRect:
        m = self._metrics
        top = cell_rect.top() + m.spacing + number * (m.card_height + m.spacing)
        return QRect(cell_rect.left() + 8, top, cell_rect.width() - 16, m.card_height)

    def card_at(self, cell_rect: QRect, cell: Cell, y: int) -> int:
        """Which card of the cell a point's y falls on (-1: none)."""
        for number in range(len(cell.statements)):
            rect = self.card_rect(cell_rect, number)
            if rect.top() <= y <= rect.bottom():
                return number
        return -1

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = index.data(Qt.ItemDataRole.SizeHintRole)
        return hint if isinstance(hint, QSize) else QSize(200, self.metrics().empty_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect  # type: ignore[attr-defined]
        has_focus = bool(option.state & QStyle.StateFlag.State_HasFocus)  # type: ignore[attr-defined]
        painter.fillRect(rect, CELL_BACKGROUND)
        total = index.data(COUNT_ROLE) or 0
        if not total:
            self._paint_silence(painter, rect)
        else:
            cell = index.data(CELL_ROLE)
            if isinstance(cell, Cell):
                for number, statement in enumerate(cell.statements):
                    self._paint_card(painter, self.card_rect(rect, number), statement)
                if cell.failed:
                    self._paint_note(painter, rect, self.tr("Could not read these statements"))
                elif total > len(cell.statements):
                    more = total - len(cell.statements)
                    self._paint_more(painter, rect, len(cell.statements), more, index.data(KEY_ROLE) == UNDATED)
        if has_focus:
            painter.setPen(QPen(QColor("#8aa4c8"), 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.setPen(QPen(QColor("#e1e4e8")))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()

    def _paint_silence(self, painter: QPainter, rect: QRect) -> None:
        """An empty cell stays visibly empty: a dashed outline where a card would be."""
        m = self._metrics
        inner = QRect(
            rect.left() + 8,
            rect.top() + m.spacing,
            rect.width() - 16,
            min(m.empty_height, rect.height() - 2 * m.spacing),
        )
        painter.setPen(QPen(QColor("#c5cad1"), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(inner), 6, 6)
        painter.setFont(self.small_font)
        painter.setPen(QColor("#9aa1ab"))
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, self.tr("no statement"))

    def _paint_note(self, painter: QPainter, rect: QRect, text: str) -> None:
        painter.setFont(self.small_font)
        painter.setPen(MUTED)
        painter.drawText(rect.adjusted(12, 0, -12, -6), Qt.AlignmentFlag.AlignBottom, text)

    def _paint_more(self, painter: QPainter, rect: QRect, shown: int, more: int, undated: bool = False) -> None:
        top = self.card_rect(rect, shown).top()
        area = QRect(rect.left() + 12, top - 2, rect.width() - 24, self.metrics().more_height)
        painter.setFont(self.small_font)
        painter.setPen(MUTED)
        if undated:  # no finer rows: dating a source (details pane) moves its statements out of this row
            text = self.tr("+ %n more without a date", "", more)
        else:
            text = self.tr("+ %n more in this period (double-click for finer rows)", "", more)
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_card(self, painter: QPainter, rect: QRect, statement: Statement) -> None:
        colour = side_colour(statement.side, self.side_positions.get(statement.side or "", 0))
        selected = statement.uid == self.selected_uid or statement.uid in self.picked_uids
        changed = changed_since(statement, self.changes_since)
        card = QRectF(rect)
        border = colour if selected else CHANGED if changed else CARD_BORDER
        painter.setPen(QPen(border, 2 if selected or changed else 1))
        painter.setBrush(tint(colour, 22) if selected else CHANGED_FILL if changed else QColor("#ffffff"))
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.fillRect(QRectF(card.left() + 1, card.top() + 6, ACCENT, card.height() - 12), colour)

        x, width = rect.left() + PAD + ACCENT, rect.width() - 2 * PAD - ACCENT
        y = rect.top() + PAD
        small = self.small_fm
        badges_width = self._paint_badges(painter, rect.right() - PAD, y, statement)
        painter.setFont(self.small_font)
        painter.setPen(colour.darker(115))
        date = date_label(statement.said_on, short=True, unknown=self.tr("date unknown"))
        painter.drawText(QRect(x, y, width - badges_width - 6, small.height()), Qt.AlignmentFlag.AlignLeft,
                         small.elidedText(date, Qt.TextElideMode.ElideRight, width - badges_width - 6))  # fmt: skip
        y += small.height() + 4

        name = self.name_fm
        painter.setFont(self.name_font)
        painter.setPen(TEXT)
        speaker = name.elidedText(statement.speaker, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, name.height()), Qt.AlignmentFlag.AlignLeft, speaker)
        used = name.horizontalAdvance(speaker)
        if statement.role and used + 20 < width:
            painter.setFont(self.small_font)
            painter.setPen(MUTED)
            role = small.elidedText("· " + statement.role, Qt.TextElideMode.ElideRight, width - used - 6)
            painter.drawText(QRect(x + used + 6, y, width - used - 6, name.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, role)  # fmt: skip
        y += name.height() + 4

        self._paint_quote(painter, QPointF(x, y), width, statement.quote)
        y = rect.bottom() - PAD - small.height()
        painter.setFont(self.small_font)
        painter.setPen(MUTED)
        kind = KIND_LABELS.get(statement.kind, statement.kind)
        kind_width = small.horizontalAdvance(kind)
        painter.drawText(
            QRect(x + width - kind_width, y, kind_width, small.height()), Qt.AlignmentFlag.AlignRight, kind
        )
        source = statement.source
        cite = " · ".join(part for part in ((source.outlet or source.title) if source else None,) if part)
        if statement.more_sources:
            cite += " " + self.tr("+ %n more source(s)", "", statement.more_sources)
        painter.drawText(QRect(x, y, width - kind_width - 10, small.height()), Qt.AlignmentFlag.AlignLeft,
                         small.elidedText(cite, Qt.TextElideMode.ElideRight, width - kind_width - 10))  # fmt: skip

    def quote_lines(self, quote: str, width: int) -> list[str]:
        """The quote as the card shows it: wrapped at words, at most `max_quote_lines` lines, the last elided."""
        key = (quote, width)
        cached = self._lines_cache.get(key)
        if cached is not None:
            return cached
        lines = self._wrap(quote, width)
        self._lines_cache[key] = lines
        if len(self._lines_cache) > LINES_CACHE:
            self._lines_cache.popitem(last=False)
        return lines

    def _wrap(self, quote: str, width: int) -> list[str]:
        text = " ".join(quote.split())
        layout = QTextLayout(text, self.quote_font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        spans = []
        while len(spans) < self.max_quote_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        lines = [text[start : start + length].rstrip() for start, length in spans]
        if spans and sum(spans[-1]) < len(text):
            rest = text[spans[-1][0] :]
            lines[-1] = self.quote_fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
        return lines

    def _paint_quote(self, painter: QPainter, origin: QPointF, width: int, quote: str) -> None:
        fm = self.quote_fm
        painter.setPen(TEXT)
        painter.setFont(self.quote_font)
        for number, line in enumerate(self.quote_lines(quote, width)):
            painter.drawText(QPointF(origin.x(), origin.y() + number * fm.lineSpacing() + fm.ascent()), line)

    def _paint_badges(self, painter: QPainter, right: int, top: int, statement: Statement) -> int:
        labels = [kind.replace("_", "-") for kind in dict.fromkeys(statement.annotation_kinds)]
        keys = list(dict.fromkeys(statement.annotation_kinds))
        if not statement.reviewed:
            labels.insert(0, self.tr("unreviewed"))
            keys.insert(0, "unreviewed")
        if changed_since(statement, self.changes_since):
            is_new = statement.created_at >= (self.changes_since or "")
            labels.insert(0, self.tr("new") if is_new else self.tr("changed"))
            keys.insert(0, "changed")
        fm = self.badge_fm
        painter.setFont(self.badge_font)
        x = right
        for key, label in zip(keys, labels, strict=True):
            w = fm.horizontalAdvance(label) + 10
            x -= w
            badge = QRectF(x, top - 1, w, fm.height() + 2)
            colour = QColor(BADGE_COLOURS.get(key, "#5b6b7f"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint(colour, 36))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(colour.darker(120))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            x -= 4
        return right - x
