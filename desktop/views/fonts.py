"""Font sizes shared by the painted views, so cards, navigator rows and search results read as one design."""

from __future__ import annotations

from PySide6.QtGui import QFont

SMALL_SCALE = 0.85
SMALL_MINIMUM_POINTS = 7.0


def small_font(base: QFont) -> QFont:
    """The secondary-text font (dates, roles, outlets): a step smaller than `base`, never unreadably small."""
    small = QFont(base)
    small.setPointSizeF(max(base.pointSizeF() * SMALL_SCALE, SMALL_MINIMUM_POINTS))
    return small
