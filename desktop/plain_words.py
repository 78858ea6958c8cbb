"""The words the interface uses for stored values (date bases, languages, statement fields), declared once so
that no internal name (`said_on`, `explicit`, `ja`) reaches the user."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

DATE_BASES = {
    "explicit": QT_TRANSLATE_NOOP("PlainWords", "stated in the text"),
    "inferred": QT_TRANSLATE_NOOP("PlainWords", "worked out from the text around it"),
    "article": QT_TRANSLATE_NOOP("PlainWords", "the publication date"),
    "edited": QT_TRANSLATE_NOOP("PlainWords", "set by a person"),
    "unknown": QT_TRANSLATE_NOOP("PlainWords", "not known"),
}
LANGUAGES = {
    "en": QT_TRANSLATE_NOOP("PlainWords", "English"),
    "ru": QT_TRANSLATE_NOOP("PlainWords", "Russian"),
    "ja": QT_TRANSLATE_NOOP("PlainWords", "Japanese"),
}
FIELDS = {
    "quote": QT_TRANSLATE_NOOP("PlainWords", "quote"),
    "speaker": QT_TRANSLATE_NOOP("PlainWords", "speaker"),
    "speaker_as_written": QT_TRANSLATE_NOOP("PlainWords", "speaker as written"),
    "side": QT_TRANSLATE_NOOP("PlainWords", "side"),
    "issue": QT_TRANSLATE_NOOP("PlainWords", "issue"),
    "said_on": QT_TRANSLATE_NOOP("PlainWords", "date"),
    "kind": QT_TRANSLATE_NOOP("PlainWords", "kind"),
    "reviewed": QT_TRANSLATE_NOOP("PlainWords", "review mark"),
}


def _word(table: dict[str, object], value: str) -> str:
    return QCoreApplication.translate("PlainWords", str(table[value])) if value in table else value


def date_basis(value: str) -> str:
    """How a statement's date is known; a basis the code does not know is shown as stored (it is plain text)."""
    return _word(DATE_BASES, value)


def language(code: str) -> str:
    """In the interface's words; a language added later as a pack (db/ingest/languages) by the pack's own name."""
    if code in LANGUAGES:
        return _word(LANGUAGES, code)
    from db.ingest.languages import PACKS

    return PACKS[code].name if code in PACKS else code


def fields(names: list[str] | set[str]) -> str:
    """Statement fields for an undo step's text: "date, side"."""
    order = list(FIELDS)
    return ", ".join(_word(FIELDS, name) for name in sorted(names, key=lambda n: order.index(n) if n in order else 99))
