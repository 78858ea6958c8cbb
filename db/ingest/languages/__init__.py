"""The language packs, registered in one place: English, Russian and Japanese.

Every stage of the pipeline asks `pack_for(language)` for what differs between languages (see `pack.py`). A
language without a pack is read with the English one, which only relies on Latin-script punctuation and names.
"""

from __future__ import annotations

from db.ingest.languages import en, ja, ru
from db.ingest.languages.pack import LanguagePack

__all__ = ["LANGUAGES", "PACKS", "LanguagePack", "detect_language", "pack_for", "pack_for_script"]

PACKS: dict[str, LanguagePack] = {pack.code: pack for pack in (en.PACK, ru.PACK, ja.PACK)}
LANGUAGES: tuple[str, ...] = tuple(PACKS)


def pack_for(language: str) -> LanguagePack:
    return PACKS.get(language, PACKS["en"])


def detect_language(text: str) -> str:
    """The language whose letters the text is mostly written in, each pack's letters weighed by how much one says
    (a kanji or kana counts three Latin letters: a Japanese text full of Latin names is still Japanese); English
    when there are no letters."""
    scores = {pack.code: len(pack.script.findall(text)) * pack.script_weight for pack in PACKS.values()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] > 0 else "en"


def pack_for_script(text: str) -> LanguagePack | None:
    """The pack whose script `text` is written in (an alias in Cyrillic is matched the Russian way)."""
    for pack in PACKS.values():
        if pack.code != "en" and pack.script.search(text):
            return pack
    return None
