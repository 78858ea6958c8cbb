"""Russian morphology: a word's dictionary form and grammar, from pymorphy3 with its Russian dictionaries.

Russian reporting verbs come in dozens of forms (заявил, заявила, заявили, заявляет, заявив, заявляя), and the
speaker of an inverted cue ("…, — заявил пресс-секретарь российского лидера Дмитрий Песков") is the noun phrase
in the nominative after it, not a genitive inside it. pymorphy3 gives both from the word alone: a lexicon of
dictionary forms covers every form of a verb, and a name's case tells a subject from an attribute. It loads in
about 0.2 s (15 MB of dictionaries, pure Python) and only when a Russian text is read.
"""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _analyzer() -> Any:
    import pymorphy3  # noqa: PLC0415 - loaded with its dictionaries only when Russian text is read

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=20000)
def _parses(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((p.normal_form, frozenset(str(p.tag).replace(" ", ",").split(","))) for p in _analyzer().parse(word))


def lemmas(word: str, parts_of_speech: frozenset[str] | None = None) -> set[str]:
    """Dictionary forms the word may have (of the given parts of speech: VERB, INFN, GRND, PRTS, ADJS, ...)."""
    return {lemma for lemma, tags in _parses(word.lower()) if parts_of_speech is None or tags & parts_of_speech}


def agrees_as_subject(word: str, verb: str) -> bool:
    """True when the word can be the subject of the verb: a nominative (Песков, пресс-секретарь, МИД), singular
    when the verb can only be singular ("Россия … видит", not "планы Японии"); indeclinable names always fit."""
    readings = _parses(word.lower())
    if any("Fixd" in tags or "Abbr" in tags for _, tags in readings):
        return True
    nominative = [tags for _, tags in readings if "nomn" in tags]
    if not nominative:
        return False
    verb_readings = [tags for _, tags in _parses(verb.lower()) if "VERB" in tags]
    if not takes_noun_subject(verb):
        return False  # "Призываем правительство Японии": a verb in the first person has "мы" for its subject
    if verb_readings and all("sing" in tags for tags in verb_readings):
        return any("sing" in tags for tags in nominative)
    return True


def takes_noun_subject(verb: str) -> bool:
    """False for a verb only in the first or second person (призываем, заявляю): its subject is a pronoun."""
    readings = [tags for _, tags in _parses(verb.lower()) if "VERB" in tags]
    return not readings or not all("1per" in tags or "2per" in tags for tags in readings)


def knows_word(word: str) -> bool:
    """True when the dictionary has the word; a foreign name it lacks ("Суга") only gets a guessed reading."""
    return bool(_analyzer().word_is_known(word.lower()))


def is_form(word: str, tag: str) -> bool:
    """True when some reading of the word carries the tag (GRND for a gerund, plur, past, ...)."""
    return any(tag in tags for _, tags in _parses(word.lower()))


_NAME_TAGS = frozenset({"Surn", "Name", "Patr", "Geox", "Orgn"})


@functools.lru_cache(maxsize=4096)
def inflections(word: str) -> frozenset[str]:
    """Every form of the word's lexeme (Песков -> Пескова, Пескову, Песковым, Пескове), lower-cased. A capitalised
    word is read as a name where pymorphy3 knows one (Песков the surname, not песок); an unknown name gets the
    paradigm pymorphy3 guesses for it (Онодэра -> Онодэры, Онодэре, Онодэру)."""
    parses = _analyzer().parse(word)
    if not parses:
        return frozenset({word.lower()})
    chosen = parses[0]
    if word[:1].isupper():
        named = [p for p in parses if _NAME_TAGS & frozenset(str(p.tag).replace(" ", ",").split(","))]
        chosen = named[0] if named else chosen
    return frozenset({form.word for form in chosen.lexeme} | {word.lower()})
