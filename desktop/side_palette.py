"""One colour per side, for the window, the printed sheet and the Word export alike (no Qt here).

Russia is a dark navy and Japan a lighter vermilion: apart in hue on screen, and apart in lightness on a
greyscale printer or photocopy (about 24% against 45% grey), so the columns stay distinguishable on paper.
Sides the user adds get the fallback colours by their place in the database's side order, which every view
and printout sees the same way.
"""

from __future__ import annotations

KNOWN = {"russia": "#1b3a6b", "japan": "#d0473c"}
# Alternately lighter and darker, so any two neighbours differ in grey as well as in hue.
FALLBACK = ("#2e6b30", "#b07a00", "#5b2c83", "#00808a", "#7a3b12", "#4f6d8f")


def side_hex(slug: str | None, position: int = 0) -> str:
    """The side's colour as #rrggbb; `position` is the side's place in the database's side order."""
    if slug in KNOWN:
        return KNOWN[slug]
    return FALLBACK[position % len(FALLBACK)]


def grey_level(hex_colour: str) -> float:
    """Lightness as a greyscale printer renders the colour (ITU-R BT.601 luma), 0 black to 1 white."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return (0.299 * red + 0.587 * green + 0.114 * blue) / 255
