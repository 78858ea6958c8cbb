"""One colour per side, used by the cards, the timeline strip and the column headers."""

from __future__ import annotations

from PySide6.QtGui import QColor

KNOWN = {"russia": "#1f5aa6", "japan": "#b8323c"}
FALLBACK = ("#2e7d4f", "#8a5a00", "#6a3d9a", "#00838f")
BADGE_COLOURS = {
    "unreviewed": "#c77700",
    "note": "#5b6b7f",
    "shift": "#7b3fa0",
    "contradiction": "#c62828",
    "follow_up": "#00796b",
}


def side_colour(slug: str | None, position: int = 0) -> QColor:
    if slug in KNOWN:
        return QColor(KNOWN[slug])
    return QColor(FALLBACK[position % len(FALLBACK)])


def tint(colour: QColor, alpha: int) -> QColor:
    """The colour made transparent, for backgrounds under text."""
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted
