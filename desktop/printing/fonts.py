"""Fonts for the sheet: a stack that covers Latin, Cyrillic and Japanese, checked against the sheet's text.

Qt falls back silently to whatever font it finds, and prints an empty box when nothing has the glyph. A sheet
with boxes in a quote is worse than no sheet, so every character the sheet will print is checked against
the chosen fonts first, and the caller tells the user (and does not print) when something is missing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

INSTALL_HINT = (
    "Install a font with Cyrillic and Japanese, for example Noto Serif CJK or Noto Sans CJK "
    "(Debian/Ubuntu: apt install fonts-noto-cjk; macOS and Windows include Japanese fonts), then try again."
)

# Preferred families, best first. Any installed family that declares the writing system is also a candidate.
TEXT_FAMILIES = ("Noto Serif", "DejaVu Serif", "Liberation Serif", "PT Serif", "Times New Roman", "Georgia")
HEADING_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "PT Sans", "Arial", "Helvetica")
JAPANESE_SERIF = ("Noto Serif CJK JP", "Source Han Serif JP", "IPAexMincho", "IPAMincho", "Yu Mincho",
                  "MS Mincho", "Hiragino Mincho ProN", "Noto Sans CJK JP")  # fmt: skip
JAPANESE_SANS = ("Noto Sans CJK JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic", "Yu Gothic", "Meiryo",
                 "MS Gothic", "Hiragino Sans", "Noto Serif CJK JP")  # fmt: skip


class FontCoverageError(Exception):
    """No installed font can print some characters of the sheet."""


@dataclass(frozen=True)
class FontStack:
    """Families in the order Qt should try them (QFont.setFamilies)."""

    families: tuple[str, ...]

    def font(self, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(list(self.families))
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setItalic(italic)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(True)
        font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters when text is copied or searched in the PDF
        return font


@dataclass(frozen=True)
class SheetFonts:
    text: FontStack
    heading: FontStack


def _installed() -> set[str]:
    return set(QFontDatabase.families())


def _first(candidates: Iterable[str], installed: set[str], system: QFontDatabase.WritingSystem) -> str | None:
    for family in candidates:
        if family in installed:
            return family
    for family in sorted(installed):
        if system in QFontDatabase.writingSystems(family) and not QFontDatabase.isPrivateFamily(family):
            return family
    return None


def _stack(*families: str | None) -> FontStack:
    return FontStack(tuple(dict.fromkeys(f for f in families if f)))


def choose_fonts() -> SheetFonts:
    """The best installed families for running text and headings, each followed by a Japanese family."""
    installed = _installed()
    latin = QFontDatabase.WritingSystem.Cyrillic
    japanese = QFontDatabase.WritingSystem.Japanese
    text = _stack(_first(TEXT_FAMILIES, installed, latin), _first(JAPANESE_SERIF, installed, japanese))
    heading = _stack(_first(HEADING_FAMILIES, installed, latin), _first(JAPANESE_SANS, installed, japanese))
    # Headings fall back to the text families, so whatever the text stack can print, headings can too.
    return SheetFonts(text=text, heading=FontStack(tuple(dict.fromkeys(heading.families + text.families))))


@cache
def _raw_font(family: str) -> QRawFont | None:
    raw = QRawFont.fromFont(QFont(family))
    # fromFont quietly substitutes another family for a missing one; that one is not ours to count on.
    return raw if raw.isValid() and raw.familyName().casefold() == family.casefold() else None


def _needs_glyph(ch: str) -> bool:
    return unicodedata.category(ch)[0] not in "CZ"  # controls, format characters and spaces draw nothing


def missing_characters(texts: Iterable[str], stack: FontStack) -> list[str]:
    """Characters of `texts` that no family of `stack` has a glyph for, in code point order."""
    wanted = {ch for text in texts for ch in text if ord(ch) > 0x7E and _needs_glyph(ch)}
    raws = [raw for family in stack.families if (raw := _raw_font(family)) is not None]
    return sorted((ch for ch in wanted if not any(raw.supportsCharacter(ord(ch)) for raw in raws)), key=ord)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    word = name.split(" ")[0] if name else "UNKNOWN"
    japanese = {"CJK": "Chinese/Japanese characters", "IDEOGRAPHIC": "Chinese/Japanese characters",
                "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "FULLWIDTH": "Japanese"}  # fmt: skip
    return japanese.get(word, word.title())


def _with_fallbacks(fonts: SheetFonts, missing: list[str]) -> SheetFonts:
    """Add installed families that have what the stack lacks (say Korean or Armenian in a quote)."""
    extra: list[str] = []
    for ch in missing:
        if any((raw := _raw_font(f)) is not None and raw.supportsCharacter(ord(ch)) for f in extra):
            continue
        for family in sorted(_installed()):
            raw = _raw_font(family)
            if raw is not None and raw.supportsCharacter(ord(ch)):
                extra.append(family)
                break
    if not extra:
        return fonts
    return SheetFonts(FontStack(fonts.text.families + tuple(extra)), FontStack(fonts.heading.families + tuple(extra)))


def covering_fonts(texts: Iterable[str], fonts: SheetFonts | None = None) -> SheetFonts:
    """Fonts that can print every character of `texts`; raises FontCoverageError (for the user) if none can."""
    texts = list(texts)
    fonts = fonts or choose_fonts()
    missing = missing_characters(texts, fonts.text)
    if missing:
        fonts = _with_fallbacks(fonts, missing)
        check_coverage(texts, fonts)
    return fonts


def check_coverage(texts: Iterable[str], fonts: SheetFonts) -> None:
    """Raise FontCoverageError with a message for the user when some text cannot be printed."""
    missing = missing_characters(texts, fonts.text)
    if not missing:
        return
    scripts = sorted({_script(ch) for ch in missing})
    sample = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
    raise FontCoverageError(
        f"No installed font can print {len(missing)} character(s) of this sheet ({', '.join(scripts)}): "
        f"{sample}. Fonts in use: {', '.join(fonts.text.families) or 'none'}. {INSTALL_HINT}"
    )
