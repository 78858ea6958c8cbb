"""The timeline strip: each side's statements over the issue's whole time span on one date axis.

The first side's bars rise above the axis, the second's hang below, so who spoke when (and who kept silent)
reads at a glance. Drag to choose a date range (it filters the comparison), click to scroll the comparison to
that date, double-click to clear the range. The axis names the months when there is room for them. Statements
whose date is not known have no place on the axis: they get a box of their own at the right end, "date unknown",
drawn the same way; a click there scrolls to their row.
"""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from desktop.buckets import key_range
from desktop.models.comparison_model import ComparisonModel
from desktop.views.side_colours import side_colour, tint

MARGIN = 12
AXIS_LABELS = 16
UNDATED_GAP = 14  # between the date axis and the box of unknown dates
CLICK_TOLERANCE = 4


class TimelineStrip(QWidget):
    range_changed = Signal(object, object)  # ISO first day or None, ISO last day or None
    date_clicked = Signal(str)  # ISO day
    undated_clicked = Signal()  # the "date unknown" box

    def __init__(self, model: ComparisonModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("timelineStrip")
        self.setMinimumHeight(92)
        self.setMouseTracking(True)
        self.setToolTip(self.tr("Drag to filter by dates · click to scroll · double-click to clear"))
        self._first: dt.date | None = None
        self._last: dt.date | None = None
        self._bins: list[dict[str, int]] = []
        self._bin_starts: list[dt.date] = []
        self._undated: dict[str, int] = {}  # side -> statements whose date is not known
        self._range: tuple[str | None, str | None] = (None, None)
        self._inset = 0  # left margin lining the plot up with the comparison's columns
        self._press_x: float | None = None
        self._drag_x: float | None = None
        model.loaded.connect(self.rebuild)

    def sizeHint(self) -> QSize:
        return QSize(600, 96)

    # data

    def rebuild(self) -> None:
        """Bin the model's day counts by month (by year when the span is long) for painting."""
        shown = {side.slug for side in self.model.sides}
        rows = [r for r in self.model.period_counts if r.side in shown and r.period is not None]
        self._undated = {}
        for r in self.model.period_counts:
            if r.side in shown and r.period is None:
                self._undated[r.side] = self._undated.get(r.side, 0) + r.count
        days = [r.period[:7] + "-01" for r in rows if r.period]
        self._bins, self._bin_starts = [], []
        if not days:
            self._first = self._last = None
            self.update()
            return
        first, last = dt.date.fromisoformat(min(days)), dt.date.fromisoformat(max(days))
        self._first, self._last = dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
        years = last.year - first.year + 1
        by_month = years <= 40
        index: dict[tuple[int, int], int] = {}
        for year in range(first.year, last.year + 1):
            for month in range(1, 13) if by_month else (1,):
                index[(year, month)] = len(self._bin_starts)
                self._bin_starts.append(dt.date(year, month, 1))
                self._bins.append({})
        for r in rows:
            assert r.period is not None
            year, month = int(r.period[:4]), int(r.period[5:7]) if by_month else 1
            counts = self._bins[index[(year, month)]]
            counts[r.side] = counts.get(r.side, 0) + r.count
        self._range = (self.model.statement_filter.date_from, self.model.statement_filter.date_to)
        self.update()

    def set_inset(self, pixels: int) -> None:
        self._inset = pixels
        self.update()

    def show_range(self, first: str | None, last: str | None) -> None:
        self._range = (first, last)
        self.update()

    # geometry

    def _plot(self) -> QRect:
        """The date axis: the whole strip but the margins and, when some dates are unknown, their box."""
        box = self._undated_box()
        right = MARGIN + (box.width() + UNDATED_GAP if box.width() else 0)
        return self.rect().adjusted(max(MARGIN, self._inset), 8, -right, -AXIS_LABELS - 4)

    def _undated_box(self) -> QRect:
        """Where the statements of unknown date are drawn (an empty rect when there are none)."""
        if not self._undated:
            return QRect()
        width = max(QFontMetrics(self._small_font()).horizontalAdvance(self.undated_text()) + 8, 48)
        return QRect(self.width() - MARGIN - width, 8, width, self.height() - 8 - AXIS_LABELS - 4)

    def undated_text(self) -> str:
        return self.tr("date unknown")

    def undated_counts(self) -> dict[str, int]:
        return dict(self._undated)

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 7.0))
        return small

    def x_of(self, day: dt.date) -> float:
        plot = self._plot()
        assert self._first and self._last
        span = (self._last - self._first).days or 1
        return plot.left() + plot.width() * (day - self._first).days / span

    def date_at(self, x: float) -> dt.date | None:
        if not self._first or not self._last:
            return None
        plot = self._plot()
        fraction = min(max((x - plot.left()) / max(plot.width(), 1), 0.0), 1.0)
        return self._first + dt.timedelta(days=round(fraction * (self._last - self._first).days))

    # painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#fbfbfc"))
        plot = self._plot()
        small = self._small_font()
        painter.setFont(small)
        peak = max((max(b.values(), default=0) for b in [*self._bins, self._undated]), default=1) or 1
        if self._undated:
            self._paint_undated(painter, peak, small)
        if not self._bins or not self._first or not self._last:
            painter.setPen(QColor("#9aa1ab"))
            text = self.tr("No dated statements") if self._undated else self.tr("No statements to draw")
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, text)
            return
        mid = plot.top() + plot.height() / 2
        sides = self.model.sides
        width = plot.width() / len(self._bins)
        for number, counts in enumerate(self._bins):
            x = plot.left() + number * width
            for position, side in enumerate(sides[:2]):
                n = counts.get(side.slug, 0)
                if not n:
                    continue
                h = max(1.5, (plot.height() / 2 - 2) * n / peak)
                top = mid - h if position == 0 else mid
                painter.fillRect(QRectF(x + 0.5, top, max(width - 1, 1.0), h), side_colour(side.slug, side.position))
        painter.setPen(QPen(QColor("#b9bfc7"), 1))
        painter.drawLine(QPointF(plot.left(), mid), QPointF(plot.right(), mid))
        self._paint_years(painter, plot, small)
        self._paint_legend(painter, plot, small)
        self._paint_range(painter, plot)

    def axis_labels(self, fm: QFontMetrics | None = None) -> list[tuple[dt.date, str, bool]]:
        """Where the axis is labelled: (first day, text, is a year). Months when there is room for them (a short
        span, or a wide window), every third month when there is room for those, otherwise years."""
        if not self._first or not self._last:
            return []
        fm = fm or QFontMetrics(self.font())
        width = self._plot().width()
        years = list(range(self._first.year, self._last.year + 1))
        per_month = width / (12 * len(years))
        room = fm.horizontalAdvance("Sep") + 10
        for step in (1, 3):  # months, then quarters' first months
            if per_month * step >= room:
                labels = []
                for year in years:
                    for month in range(1, 13, step):
                        text, is_year = (str(year), True) if month == 1 else (calendar.month_abbr[month], False)
                        labels.append((dt.date(year, month, 1), text, is_year))
                return labels
        step = 1
        while step < len(years) and width / (len(years) / step) < fm.horizontalAdvance("2020") + 12:
            step += 1
        return [(dt.date(year, 1, 1), str(year), True) for year in years[::step]]

    def _paint_undated(self, painter: QPainter, peak: int, font: QFont) -> None:
        """The box of statements whose date is not known: each side's bar, as on the axis, and its label."""
        box = self._undated_box()
        mid = box.top() + box.height() / 2
        painter.setPen(QPen(QColor("#c5cad1"), 1, Qt.PenStyle.DashLine))
        separator = box.left() - UNDATED_GAP / 2
        painter.drawLine(QPointF(separator, box.top()), QPointF(separator, box.bottom()))
        bar = min(14.0, box.width() / 3)
        for position, side in enumerate(self.model.sides[:2]):
            n = self._undated.get(side.slug, 0)
            if n:
                h = max(1.5, (box.height() / 2 - 2) * n / peak)
                top = mid - h if position == 0 else mid
                painter.fillRect(QRectF(box.center().x() - bar / 2, top, bar, h), side_colour(side.slug, position))
        painter.setPen(QPen(QColor("#b9bfc7"), 1))
        painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))
        painter.setPen(QColor("#6b7280"))
        painter.setFont(font)
        label = QRectF(box.left() - 4, box.bottom() + 2, box.width() + 8, AXIS_LABELS)
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, self.undated_text())

    def _paint_years(self, painter: QPainter, plot: QRect, font: QFont) -> None:
        for day, text, is_year in self.axis_labels(QFontMetrics(font)):
            x = self.x_of(day)
            painter.setPen(QPen(QColor("#d5d9de" if is_year else "#eceef1"), 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(QColor("#4b5260" if is_year else "#8a919c"))
            painter.drawText(QRectF(x + 2, plot.bottom() + 2, 60, AXIS_LABELS), Qt.AlignmentFlag.AlignLeft, text)

    def _paint_legend(self, painter: QPainter, plot: QRect, font: QFont) -> None:
        """Side names left of the plot, above and below the axis, in their colours."""
        fm = QFontMetrics(font)
        mid = plot.top() + plot.height() // 2
        for position, side in enumerate(self.model.sides[:2]):
            text = side.name + (" ▲" if position == 0 else " ▼")
            top = mid - fm.height() - 2 if position == 0 else mid + 2
            box = QRectF(0, top, max(plot.left() - 8, fm.horizontalAdvance(text)), fm.height())
            if plot.left() < fm.horizontalAdvance(text) + 12:  # no room on the left: over the plot's right end
                box = QRectF(
                    plot.right() - fm.horizontalAdvance(text) - 4, top, fm.horizontalAdvance(text) + 4, fm.height()
                )
                painter.fillRect(box, QColor(255, 255, 255, 210))
            painter.setPen(side_colour(side.slug, side.position))
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_range(self, painter: QPainter, plot: QRect) -> None:
        if self._press_x is not None and self._drag_x is not None:
            left, right = sorted((self._press_x, self._drag_x))
        else:
            first, last = self._range
            if not first and not last:
                return
            assert self._first and self._last
            left = self.x_of(max(dt.date.fromisoformat(first), self._first)) if first else plot.left()
            right = self.x_of(min(dt.date.fromisoformat(last), self._last)) if last else plot.right()
        shade = QColor(40, 44, 52, 40)
        painter.fillRect(QRectF(plot.left(), plot.top(), max(left - plot.left(), 0), plot.height()), shade)
        painter.fillRect(QRectF(right, plot.top(), max(plot.right() - right, 0), plot.height()), shade)
        painter.setPen(QPen(tint(QColor("#2b2f36"), 160), 1.5))
        painter.drawLine(QPointF(left, plot.top()), QPointF(left, plot.bottom()))
        painter.drawLine(QPointF(right, plot.top()), QPointF(right, plot.bottom()))

    # input

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        box = self._undated_box()
        if box.width() and event.position().x() >= box.left() - UNDATED_GAP / 2:
            self.undated_clicked.emit()
            return
        if self._first:
            self._press_x = self._drag_x = event.position().x()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        box = self._undated_box()
        if self._press_x is not None:
            self._drag_x = event.position().x()
            self.update()
        elif box.width() and event.position().x() >= box.left() - UNDATED_GAP / 2:
            count = sum(self._undated.values())
            self.setToolTip(self.tr("%n statement(s) whose date is not known: click to see them", "", count))
        else:
            day = self.date_at(event.position().x())
            if day is not None:
                self.setToolTip(day.strftime("%B %Y"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press_x is None:
            return
        start_x, end_x = self._press_x, event.position().x()
        self._press_x = self._drag_x = None
        if abs(end_x - start_x) <= CLICK_TOLERANCE:
            day = self.date_at(end_x)
            if day is not None:
                self.date_clicked.emit(day.isoformat())
            self.update()
            return
        first, last = (self.date_at(x) for x in sorted((start_x, end_x)))
        if first and last:  # whole months: what the eye can aim at on this scale
            start = first.replace(day=1).isoformat()
            end = key_range(last.isoformat()[:7])[1].isoformat()
            self._range = (start, end)
            self.range_changed.emit(start, end)
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._range = (None, None)
        self.range_changed.emit(None, None)
        self.update()
