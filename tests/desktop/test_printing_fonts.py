"""Fonts: a stack covering Cyrillic and Japanese is found, and what no font covers is reported, not boxed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.printing.fonts import (
    FontCoverageError,
    FontStack,
    SheetFonts,
    check_coverage,
    choose_fonts,
    covering_fonts,
    missing_characters,
)
from tests.desktop.test_printing_sheet_data import JA_QUOTE, RU_QUOTE

LATIN_ONLY = FontStack(("DejaVu Serif",))


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:
    return None


def test_chosen_fonts_cover_russian_and_japanese() -> None:
    fonts = choose_fonts()
    assert fonts.text.families and fonts.heading.families
    assert missing_characters([RU_QUOTE, JA_QUOTE, "ё Ё «» — №"], fonts.text) == []
    assert set(fonts.text.families) <= set(fonts.heading.families)  # headings fall back to the text fonts


def test_latin_font_misses_japanese_and_the_message_says_what_to_install() -> None:
    if "DejaVu Serif" not in QFontDatabase.families():
        pytest.skip("DejaVu Serif is not installed")
    missing = missing_characters([JA_QUOTE, RU_QUOTE, "plain\tASCII\n"], LATIN_ONLY)
    assert "北" in missing and not any("а" <= ch <= "я" for ch in missing)
    with pytest.raises(FontCoverageError) as raised:
        check_coverage([JA_QUOTE], SheetFonts(LATIN_ONLY, LATIN_ONLY))
    message = str(raised.value)
    assert "い" in message and "Japanese" in message and "fonts-noto-cjk" in message


def test_an_installed_family_is_added_for_what_the_stack_lacks() -> None:
    if not {"DejaVu Serif", "DejaVu Sans"} <= set(QFontDatabase.families()):
        pytest.skip("DejaVu fonts are not installed")
    tifinagh = "\u2d30\u2d31"  # in DejaVu Sans, not in DejaVu Serif
    fonts = covering_fonts([tifinagh], SheetFonts(LATIN_ONLY, LATIN_ONLY))
    assert missing_characters([tifinagh], fonts.text) == []
    assert fonts.text.families[0] == "DejaVu Serif"


def test_nothing_covers_linear_b() -> None:
    with pytest.raises(FontCoverageError, match="Linear"):
        covering_fonts(["\U00010000"])
