"""Side colours as QColor for the window's cards, timeline strip, navigator and search results.

The colours themselves are defined once, in desktop/side_palette.py, which the printed sheet uses too.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.side_palette import side_hex

BADGE_COLOURS = {
    "unreviewed": "#c77700",
    "note": "#5b6b7f",
    "shift": "#7b3fa0",
    "contradiction": "#c62828",
    "follow_up": "#00796b",
    "changed": "#b45309",
    "overdue": "#b91c1c",
}


def side_colour(slug: str | None, position: int = 0) -> QColor:
    """`position` is the side's place in the database's side order (Side.position)."""
    return QColor(side_hex(slug, position))


def tint(colour: QColor, alpha: int) -> QColor:
    """The colour made transparent, for backgrounds under text."""
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted
