"""Who is speaking: find actor names in text and resolve references ("he", "the minister", "Tokyo") to actors.

Names come in many shapes: inflected in Russian ("Лаврова", "Лавровым"), with a title or honorific glued on in
Japanese ("河野外相", "安倍首相", "ラブロフ氏"), garbled by machine translation ("Tarot Kono", "Igor Morgulovym"),
or replaced by a pronoun, a role ("the minister", "the head of the Russian Defense Ministry"), a capital standing
for its government ("Tokyo") or a collective ("the parties", "both sides", "the leaders of the two countries").
`MentionFinder` finds the explicit ones once per document; `SpeakerContext` remembers who was mentioned last so
that back-references resolve to the nearest suitable actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from db.ingest.gazetteer import Actor, Gazetteer, fold
from db.ingest.languages import PACKS, pack_for, pack_for_script
from db.partial_date import PartialDate

_LOWER_RANK = re.compile(
    r"(?:deputy|vice|vice-|first|former|acting|заместитель|замглавы|экс-|бывший|前|元|副)\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Mention:
    """A place in the text that names (or refers to) one actor, or several for a collective."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]
    how: str  # alias, fuzzy, role, collective, generic, pronoun
    generic_category: str | None = None  # media/expert for "Japanese experts", "the newspaper" without an actor

    @property
    def category(self) -> str:
        if self.generic_category:
            return self.generic_category
        categories = {a.category for a in self.actors}
        return "official" if "official" in categories or not categories else categories.pop()


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, cut off early above `limit` (names are short)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


_TRANSLIT_ENDINGS = ("ym", "im", "om", "oy", "oj", "ovu", "u", "a", "e", "y")


def _close_name_token(written: str, known: str) -> bool:
    """True when a written name token is a garbled or inflected form of a known one ("Tarot"/"Taro")."""
    w, k = written.casefold(), known.casefold()
    if w == k:
        return True
    if len(k) >= 4 and edit_distance(w, k, 1) <= 1:
        return True
    return len(k) >= 5 and any(w == k + ending for ending in _TRANSLIT_ENDINGS)


class MentionFinder:
    """Finds explicit mentions of gazetteer actors, role phrases and collectives in one language."""

    def __init__(self, gazetteer: Gazetteer, language: str) -> None:
        self.gazetteer = gazetteer
        self.language = language
        self.pack = pack_for(language)
        # Per actor: its aliases and their probes (each alias's first letters, where every match of it starts).
        # Most actors are absent from a given text: the probes spare their regexes, which are compiled only for
        # the actors a text mentions (compiling all of them, with every Russian form of every name, takes seconds).
        self._actors: list[tuple[frozenset[str], tuple[str, ...], Actor]] = []
        for actor in gazetteer.actors:
            aliases = tuple(a for a in self._aliases(actor) if len(a.strip()) >= 2 or a.startswith(_SURNAME_MARK))
            if aliases:
                self._actors.append((frozenset(_probe(a) for a in aliases), aliases, actor))
        self._compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
        # Words of the gazetteer's role titles ("Minister for Foreign Affairs"): before a surname, not a given name
        self._title_words = frozenset(
            word.casefold() for actor in gazetteer.actors for role in actor.roles for word in role.title.split()
        )
        # Multi-word names of people by (number of tokens, first letters): garbling keeps the first letters.
        self._names: dict[tuple[int, str], list[tuple[Actor, list[str]]]] = {}
        for actor in gazetteer.actors:
            if actor.kind not in ("person", "expert"):
                continue
            for alias in actor.all_aliases():
                known = alias.split()
                if len(known) >= 2 and all(t[:1].isalpha() for t in known):
                    key = (len(known), "".join(t[0].casefold() for t in known))
                    self._names.setdefault(key, []).append((actor, known))

    def _aliases(self, actor: Actor) -> list[str]:
        names = actor.all_aliases(self.language)
        if self.pack.title_suffixes and actor.kind == "person":
            names += [_SURNAME_MARK + stem for stem in _surnames(names, self.pack.title_suffixes)]
        if self.language != "en":  # Latin-script names also occur in Russian and Japanese texts
            names += [a for a in actor.all_aliases("en") if a.isascii()]
        if actor.kind == "person" and actor.side == "japan":  # "Kishida Fumio", "KISHIDA Fumio": surname first
            western = [a for a in names if _GIVEN_AND_SURNAME.fullmatch(a)]
            for name in western:  # also in titled aliases: "Prime Minister Kishida Fumio"
                surname_first = " ".join(reversed(name.split()))
                names += [a.replace(name, surname_first) for a in names if name in a]
        return list(dict.fromkeys(names))

    def _pattern(self, aliases: tuple[str, ...]) -> re.Pattern[str]:
        """One regex for all of an actor's aliases, longest first, compiled on the first text that needs it."""
        pattern = self._compiled.get(aliases)
        if pattern is None:
            alternatives = sorted(filter(None, map(self._alias_pattern, aliases)), key=len, reverse=True)
            pattern = self._compiled[aliases] = re.compile("|".join(alternatives) or r"(?!)")
        return pattern

    def _alias_pattern(self, alias: str) -> str:
        alias = alias.strip()
        if alias.startswith(_SURNAME_MARK):  # a surname known from "上川外相": only with a title ("上川外務大臣")
            suffix = "|".join(self.pack.title_suffixes)
            return f"(?:{re.escape(alias[1:])})(?:{suffix})"
        if len(alias) < 2:
            return ""
        own = pack_for_script(alias)  # an alias is matched the way its own language writes names
        if own is not None and own.title_suffixes:
            suffix = "|".join(own.title_suffixes)
            return f"(?:{re.escape(alias)})(?:{suffix})?"
        if own is not None and own.alias_pattern is not None:
            words = [own.alias_pattern(w) for w in alias.split()]
            return r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"
        escaped = r"\s+".join(re.escape(w) for w in alias.split())
        if alias[0].islower() or alias.lower().startswith("the "):
            escaped = "(?i:" + escaped + ")"
        elif len(alias) > 3 and not alias.isupper():  # "Japan's foreign ministry": only the first letter is fixed
            escaped = re.escape(alias[0]) + "(?i:" + escaped[len(re.escape(alias[0])) :] + ")"
        escaped = escaped.replace("'", "['’]")  # "Russia’s Foreign Ministry" as typeset
        return r"(?<![\w-])" + escaped + r"(?![\w]|-[^\W\d_])"  # not "Japan-Soviet Joint Declaration"

    def find(self, text: str, when: PartialDate | None = None) -> list[Mention]:
        """Every explicit mention in the text, longest first where they overlap, in text order."""
        found: list[Mention] = []
        folded = _probe_fold(text)
        aligned = len(folded) == len(text)  # casefolding kept every offset (it almost always does)
        for probes, aliases, actor in self._actors:
            starts = sorted({at for probe in probes for at in _occurrences(folded, probe)})
            if not starts:
                continue
            pattern = self._pattern(aliases)
            matches = (pattern.match(text, at) for at in starts) if aligned else pattern.finditer(text)
            end = 0
            for m in matches:
                if m is None or m.start() < end:  # two probes inside one match: it counts once
                    continue
                end = m.end()
                if not _other_given_name(text, m.start(), m.group(0), actor, self._title_words):
                    found.append(self._institutional(text, Mention(m.start(), m.end(), m.group(0), (actor,), "alias")))
        found = [m for m in found if m.actors and not _dateline(text, m)]
        found += self._fuzzy(text)
        found += self._roles(text, when)
        found += self._collectives(text, when)
        found += self._generic(text)
        experts = self._unknown_experts(text)
        # "James Harlow, a Russia analyst": the apposition is the expert's, not a second speaker ("Russia")
        found = [f for f in found if not any(a <= f.start and f.end <= b for _, (a, b) in experts)]
        taken = self._compounds(text, _non_overlapping(found))
        expert_names = {(m.start, m.end) for m, _ in experts}
        officials = [u for u in self._unknown_officials(text) if (u.start, u.end) not in expert_names]
        unknown = [
            u
            for u in [m for m, _ in experts] + officials  # "директор Центра японских исследований X" is an expert
            if all(u.end <= t.start or u.start >= t.end for t in taken)
        ]
        unknown = _non_overlapping(unknown)
        return _merge_ambiguous(sorted(taken + unknown, key=lambda m: m.start), when)

    def _compounds(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """「ロシアの外務省」, 「ロシア外務省の報道官」: a name, the genitive particle and what follows may together be
        one compound name of the gazetteer (ロシア外務省, ロシア外務省報道官): Russia's ministry, not Japan's."""
        result: list[Mention] = []
        for m in mentions:
            if result and m.start < result[-1].end:
                continue  # inside a compound just made
            particle = self.pack.genitive.match(text, m.end)
            joint = None
            if particle is not None:
                after = particle.end()
                for size in range(min(_MAX_COMPOUND_TAIL, len(text) - after), 0, -1):
                    actors = self.gazetteer.by_alias(m.text + text[after : after + size])
                    if actors:
                        joint = Mention(m.start, after + size, text[m.start : after + size], (actors[0],), "alias")
                        break
            result.append(joint or m)
        return result

    def _institutional(self, text: str, mention: Mention) -> Mention:
        """A state or body named with an unnamed official of it ("外務省幹部", "a government official",
        "政府関係者") is the state speaking; a country's name inside a compound noun ("日本時間", "ロシア軍")
        is no actor at all (an empty mention, dropped)."""
        actor = mention.actors[0]
        if actor.kind not in ("state", "body") or actor.side is None:
            return mention
        official = self.pack.anonymous_official.match(text, mention.end)
        if official:
            state = self.gazetteer.state_of(actor.side) or actor
            end = official.end()
            return Mention(mention.start, end, text[mention.start : end], (state,), "role")
        if actor.kind == "state" and self.pack.compound_continues.match(text, mention.end):
            return Mention(mention.start, mention.end, mention.text, (), "alias")
        return mention

    def _unknown_officials(self, text: str) -> list[Mention]:
        """Officials the gazetteer does not know, named after a side-marked title: a person of that side."""
        result = []
        for pattern in self.pack.unknown_official_patterns:
            for m in pattern.finditer(text):
                named_side = m.groupdict().get("side")
                side = _side_from(named_side) if named_side else self.pack.unknown_official_side
                if side is None:
                    continue
                name = m.group("name")
                actor = Actor(key="", name=name, kind="person", side=side)
                end = m.end()  # with a title written after the name (森健良外務事務次官), the title too
                result.append(Mention(m.start("name"), end, text[m.start("name") : end], (actor,), "unknown"))
        return result

    def _unknown_experts(self, text: str) -> list[tuple[Mention, tuple[int, int]]]:
        """Analysts the gazetteer does not know, named with their trade: experts, kept apart from the sides.
        Each with the span of the whole phrase."""
        result = []
        for pattern in self.pack.unknown_expert_patterns:
            for m in pattern.finditer(text):
                name = m.group("name")
                if self.gazetteer.by_alias(name):
                    continue
                actor = Actor(key="", name=name, kind="expert", side=None)
                mention = Mention(m.start("name"), m.end("name"), name, (actor,), "unknown")
                result.append((mention, m.span()))
        return result

    def _fuzzy(self, text: str) -> list[Mention]:
        """Capitalised name runs that are one edit from a known person's name ("Tarot Kono", "Hiroshige Seco")."""
        if not self.pack.fuzzy_names:
            return []
        result = []
        for m in re.finditer(r"[A-ZА-ЯЁ][a-zа-яё]+(?:[ -][A-ZА-ЯЁ][a-zа-яё]+)+", text):
            tokens = re.split(r"[ -]", m.group(0))
            starts = [m.start() + t.start() for t in re.finditer(r"[^ -]+", m.group(0))]
            for n in range(2, len(tokens) + 1):
                for i in range(len(tokens) - n + 1):
                    window = tokens[i : i + n]
                    key = (n, "".join(t[0].casefold() for t in window))
                    for actor, known in self._names.get(key, ()):
                        if window != known and all(_close_name_token(w, k) for w, k in zip(window, known, strict=True)):
                            start = starts[i]
                            end = starts[i + n - 1] + len(tokens[i + n - 1])
                            result.append(Mention(start, end, text[start:end], (actor,), "fuzzy"))
        return result

    def _roles(self, text: str, when: PartialDate | None) -> list[Mention]:
        """Role phrases without a name: "Japanese Foreign Minister" -> the holder of that role at `when`."""
        result = []
        for pattern, words, side_group in self.pack.role_patterns:
            for m in pattern.finditer(text):
                if _LOWER_RANK.search(text[max(0, m.start() - 15) : m.start()]):
                    continue  # "Deputy Foreign Minister of Japan" is not the foreign minister
                fixed = side_group.startswith("=")  # the pattern itself says the side ("посол Японии")
                side = side_group[1:] if fixed else _side_from(m.group(side_group) if side_group else None)
                sides = [side] if side else []
                if not sides and m.groupdict().get("both"):
                    sides = list(self.gazetteer.sides)
                actors: list[Actor] = []
                for s in sides:
                    holders = self.gazetteer.holders(words, s, when)
                    if holders:
                        actors.append(holders[0])
                if actors:
                    result.append(Mention(m.start(), m.end(), m.group(0), tuple(actors), "role"))
        return result

    def _collectives(self, text: str, when: PartialDate | None) -> list[Mention]:
        """ "The parties", "both sides", "the leaders of the two countries": one actor per side."""
        result = []
        for pattern, what in self.pack.collective_patterns:
            for m in pattern.finditer(text):
                actors: list[Actor] = []
                for side in self.gazetteer.sides:
                    if what == "delegation":
                        actor = self.gazetteer.delegation_of(side) or self.gazetteer.state_of(side)
                    elif what == "state":
                        actor = self.gazetteer.state_of(side)
                    else:  # a role shared by both sides: leaders, foreign ministers
                        actor = _first_holder(self.gazetteer, what, side, when)
                    if actor:
                        actors.append(actor)
                if len(actors) >= 2:
                    result.append(Mention(m.start(), m.end(), m.group(0), tuple(actors), "collective"))
        return result

    def _generic(self, text: str) -> list[Mention]:
        """Unnamed media and experts ("Japanese analysts", "the newspaper"): kept apart from any side."""
        result = []
        for pattern, category in self.pack.generic_patterns:
            for m in pattern.finditer(text):
                result.append(Mention(m.start(), m.end(), m.group(0), (), "generic", category))
        return result


_SURNAME_MARK = "\x00"  # marks a derived surname alias that needs a title after it


def _probe_fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


_GIVEN_AND_SURNAME = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")  # a Japanese name in the Western order
_MAX_COMPOUND_TAIL = 10  # characters after 「ロシアの」 that may complete a compound name


_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*[—–-]|,\s*\d|,\s*[A-ZА-ЯЁ][a-zа-яё]+\.?\s+\d|\.\s*/)")


def _dateline(text: str, mention: Mention) -> bool:
    """A city in capitals opening a wire's dateline ("MOSCOW (AP) —", "TOKYO, March 31. /TASS/."): where, not who."""
    at_line_start = mention.start == 0 or text[mention.start - 1] == "\n"
    return at_line_start and mention.text.isupper() and bool(_DATELINE_AFTER.match(text, mention.end))


def _occurrences(text: str, probe: str) -> list[int]:
    """Every offset where `probe` occurs in `text`."""
    found, at = [], text.find(probe)
    while at >= 0:
        found.append(at)
        at = text.find(probe, at + 1)
    return found


def _probe(alias: str) -> str:
    """Letters every match of the alias pattern contains: the first three of its first word (Russian endings
    vary, and the first letters are what garbled transliterations keep), two for Japanese."""
    alias = alias.strip().lstrip(_SURNAME_MARK)
    first = alias.split()[0] if alias.split() else alias
    size = 2 if re.search(r"[\u3040-\u30ff\u3400-\u9fff]", first) else 3
    return _probe_fold(first[:size])


def _surnames(aliases: list[str], title_suffixes: Sequence[str]) -> list[str]:
    """Surnames from titled aliases ("上川外相" -> "上川", "ラブロフ外相" -> "ラブロフ"), so that any title after
    them is recognised ("上川外務大臣", "ラブロフ外務大臣")."""
    stems = []
    for alias in aliases:
        for suffix in sorted(title_suffixes, key=len, reverse=True):
            honorific = suffix in ("氏", "さん", "様")  # "林外相" gives 林; "林氏" alone is too loose
            if alias.endswith(suffix) and len(alias) - len(suffix) >= (2 if honorific else 1):
                stems.append(alias[: -len(suffix)])
                break
    return [s for s in dict.fromkeys(stems) if s not in aliases]


_NOT_GIVEN_NAMES = re.compile(
    r"^(?:The|A|An|In|On|At|As|But|And|Or|However|Later|Then|When|While|After|Before|Meanwhile|Also|Thus|So|"
    r"Yet|If|Since|Mr|Mrs|Ms|Dr|Prof|Minister|Ministers|Secretary|President|Premier|Prime|Foreign|Defen[cs]e|"
    r"Ambassador|Spokesman|Spokeswoman|Governor|General|Chief|Deputy|Vice|Senator|Chairman|Speaker|Director|"
    r"Envoy|Aide|Japan|Japanese|Russia|Russian|Soviet|Tokyo|Moscow|Kremlin|Said|Says|Told|Asked|Meanwhile|"
    r"Lieutenant|Colonel|Admiral|Counterpart|Partner|Cabinet|Economy|Trade|Industry|Press)$"
)


def _other_given_name(text: str, start: int, written: str, actor: Actor, title_words: frozenset[str]) -> bool:
    """True for "Seiji Kihara" when the gazetteer knows only Minoru Kihara: a surname alone, after a given name
    that is not the known person's, names somebody else ("Minister of Foreign Affairs Lavrov" has a title)."""
    if actor.kind != "person" or " " in written.strip() or not written.isascii():
        return False
    before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 30) : start])
    if not before or _NOT_GIVEN_NAMES.match(before.group(1)) or before.group(1).casefold() in title_words:
        return False
    known = {token.casefold() for alias in actor.all_aliases() for token in alias.split()}
    return before.group(1).casefold() not in known


def _first_holder(gazetteer: Gazetteer, what: str, side: str, when: PartialDate | None) -> Actor | None:
    for words in what.split("|"):
        holders = gazetteer.holders(words.split("+"), side, when)
        if holders:
            return holders[0]
    return None


def _side_from(word: str | None) -> str | None:
    if not word:
        return None
    folded = fold(word)
    for pack in PACKS.values():
        for stem, side in pack.side_words:
            if folded.startswith(stem):
                return side
    return None


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Longest mention wins where mentions overlap; an exact alias beats a fuzzy match of the same length."""
    rank = {"alias": 0, "role": 1, "collective": 1, "generic": 2, "fuzzy": 3}
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), rank.get(m.how, 4), m.start))
    taken: list[Mention] = []
    for m in ordered:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
        elif m.how == "alias":  # same span, another actor: keep for disambiguation
            for i, t in enumerate(taken):
                if (t.start, t.end) == (m.start, m.end) and t.how == "alias":
                    taken[i] = Mention(t.start, t.end, t.text, t.actors + m.actors, "alias")
    return sorted(taken, key=lambda m: m.start)


def _merge_ambiguous(mentions: list[Mention], when: PartialDate | None) -> list[Mention]:
    """Where a name fits several actors ("Kono"), prefer the one named in full earlier, then one in office."""
    full_names: list[Actor] = []
    result = []
    for m in mentions:
        if len(m.actors) > 1 and m.how == "alias":
            chosen = next((a for a in reversed(full_names) if a in m.actors), None)
            if chosen is None:
                active = [a for a in m.actors if a.role_titles(when)]
                chosen = active[0] if active else m.actors[0]
            m = Mention(m.start, m.end, m.text, (chosen,), m.how)
        if len(m.actors) == 1 and len(m.text.split()) >= 2:
            full_names.append(m.actors[0])
        result.append(m)
    return result
