"""Russian names and titles in text: an alias in any case ending, and a title in an oblique case before a name."""

from __future__ import annotations

import re

_ADJECTIVE_ENDINGS = ("ая", "яя", "ое", "ее", "ый", "ий", "ой", "ые", "ие", "ых", "их", "ую", "юю", "ей", "ом", "ем")
# A title in an oblique case before a name ("принял посла Японии в России Кодзуки"): the name is an object, unless
# the title depends on a nominative head ("заместитель министра иностранных дел Моргулов").
_OBLIQUE_TITLE = re.compile(
    r"(?<![\w-])(?P<head>(?i:заместител[ья]|замглавы|глава|первый|директор|пресс-секретарь|помощник|советник|"
    r"представитель|руководитель|председатель|спикер|секретарь|сотрудник|администрация|канцелярия)\s+)?"
    r"(?i:посла|послу|послом|министра|министру|министром|главу|главе|главой|премьера|премьеру|"
    r"президента|президенту|коллегу|коллеге|коллегой|представителя|представителю)"
    r"(?:\s+(?:[А-ЯЁ][\w-]*|в|во|иностранных|дел|обороны))*\s*$"
)


def russian_word_pattern(word: str) -> str:
    """A pattern for a Russian word in any case: strip the ending of the dictionary form, allow any short one."""
    if len(word) <= 3 or not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return re.escape(word)
    lower = word.lower()
    stem = word
    if lower.endswith(_ADJECTIVE_ENDINGS) and len(word) > 5:
        stem = word[:-2]
    elif lower[-1] in "аяоеыийьу":
        stem = word[:-1]
    if len(stem) < 4:  # "Ивая" must not become "Ива..." and match "Иван": short names only as written
        return "(?i:" + re.escape(word) + ")"
    return "(?i:" + re.escape(stem) + ")[а-яё]{0,3}"


def oblique_object(lead_and_name: str) -> bool:
    """True when the name at the end follows a title in an oblique case: it is an object of the verb."""
    match = _OBLIQUE_TITLE.search(lead_and_name)
    return match is not None and not match.group("head")
