"""Russian names and titles in text: an alias in any of its forms, and a title in an oblique case before a name."""

from __future__ import annotations

import re

from db.ingest.languages.ru.morphology import inflections

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
    """A pattern for a Russian word in any of its forms (Песков, Пескова, Пескову, …), from its lexeme."""
    if len(word) <= 3 or not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return re.escape(word)
    forms = sorted(inflections(word), key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(form) for form in forms) + ")"


def oblique_object(lead_and_name: str) -> bool:
    """True when the name at the end follows a title in an oblique case: it is an object of the verb."""
    match = _OBLIQUE_TITLE.search(lead_and_name)
    return match is not None and not match.group("head")
