"""One colour per side: the window and the printed sheet use the same one, distinct in greyscale print."""

from __future__ import annotations

from db.models import Side
from desktop.printing.sheet_style import side_color
from desktop.side_palette import FALLBACK, KNOWN, grey_level, side_hex
from desktop.views.side_colours import side_colour

RUSSIA, JAPAN = Side(1, "russia", "Russia", 0), Side(2, "japan", "Japan", 1)


def test_window_and_sheet_give_each_side_the_same_colour() -> None:
    for side in (RUSSIA, JAPAN, Side(3, "china", "China", 2), Side(4, "usa", "USA", 3)):
        assert side_colour(side.slug, side.position).name() == side_color(side).name()


def test_russia_and_japan_keep_their_colour_whatever_the_column_order() -> None:
    swapped = [Side(2, "japan", "Japan", 0), Side(1, "russia", "Russia", 1)]
    assert side_color(swapped[1]).name() == side_color(RUSSIA).name() == KNOWN["russia"]
    assert side_colour("japan", 5).name() == KNOWN["japan"]


def test_the_two_default_sides_differ_in_grey_as_well_as_in_hue() -> None:
    assert abs(grey_level(KNOWN["russia"]) - grey_level(KNOWN["japan"])) >= 0.15


def test_neighbouring_fallback_colours_differ_in_grey() -> None:
    for first, second in zip(FALLBACK, FALLBACK[1:], strict=False):
        assert abs(grey_level(first) - grey_level(second)) >= 0.04, (first, second)
    assert side_hex("new_side", 0) != side_hex("other_side", 1)


def test_side_colours_are_dark_enough_for_white_header_text() -> None:
    for colour in (*KNOWN.values(), *FALLBACK):
        assert grey_level(colour) < 0.5, colour
