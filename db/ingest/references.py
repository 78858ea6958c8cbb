"""References back to a speaker named before: "he", "the minister", "同氏", "посол", "the two men", resolved against
the discourse so far (who was mentioned last, and what they are)."""

from __future__ import annotations

import re

from db.ingest.gazetteer import Actor, Gazetteer, fold
from db.ingest.languages import pack_for
from db.ingest.speakers import Mention
from db.partial_date import PartialDate

FEMALE_FIRST_NAME = re.compile(r"(?:[aя]|mi|ko|ka|ri|na|ne|e|ие|на|ья|ия)$", re.IGNORECASE)


_JAPANESE_FEMALE_ENDINGS = ("ko", "mi", "e", "na", "ri", "yo", "ne")


# Male names that end like female ones: Yoshihiko, Itsunori, Takamori, Hirofumi, Toshimi, Yoshihide
_MALE_ENDINGS = ("hiko", "nori", "mori", "fumi", "toshimi", "hide", "shige", "suke", "take", "hike", "tane", "mune",
                 "yuke")  # fmt: skip
_SLAVIC_FEMALE = re.compile(r"[aяа]$", re.IGNORECASE)  # Maria, Valentina, Natalya; not Yuri, Sergey


_NOT_FEMALE = {"nikita", "ilya", "sasha", "foma", "kuzma", "taisuke", "yohei", "shinzo", "taro", "daisuke", "keisuke"}


def looks_female(actor: Actor, any_kind: bool = False) -> bool:
    """A guess used only for "she"/"her": first names ending like Tomomi, Yuriko, Valentina, Maria."""
    if actor.kind != "person" and not any_kind:
        return False
    first = actor.name.split()[0] if actor.name.split() else ""
    folded = first.casefold()
    if actor.side == "japan":  # Japanese given names: Yoko, Tomomi, Sanae, Yuriko; not Toyohisa, Yoshihide, Yutaka
        return folded.endswith(_JAPANESE_FEMALE_ENDINGS) and not folded.endswith(_MALE_ENDINGS)
    if actor.side == "russia":  # a Russian woman's name ends in -a/-я; Yuri, Sergey and Dmitry do not
        return bool(_SLAVIC_FEMALE.search(first)) and folded not in _NOT_FEMALE
    return bool(FEMALE_FIRST_NAME.search(first)) and folded not in _NOT_FEMALE


_HEAD_TITLES = {
    "prime_minister": ("prime minister", "премьер", "首相", "総理"),
    "president": ("president", "президент", "大統領"),
}


class SpeakerContext:
    """The discourse memory for back-references: actors in order of mention, most recent last."""

    def __init__(self, gazetteer: Gazetteer, language: str, when: PartialDate | None = None) -> None:
        self.gazetteer = gazetteer
        self.language = language
        self.when = when  # roles are those held at this date ("the minister" in 2017 is not Putin in 2010)
        self.recent: list[Mention] = []
        self.previous_subject: Mention | None = None
        self.previous_speaker: Mention | None = None
        self.previous_mentions: list[Mention] = []

    def observe(self, mentions: list[Mention], speaker: Mention | None = None, narrator: Mention | None = None) -> None:
        """Record the mentions of a finished sentence; its first mention is taken as its subject, and `speaker`
        is who it reports speaking (the subject of its main cue), if anyone. A transcript's `narrator` (the
        labelled speaker, who says "I") is nobody's "he"."""
        named = [m for m in mentions if m.how != "pronoun"]
        self.recent.extend(named)
        self.recent = self.recent[-40:]
        own = {a.key or a.name for a in narrator.actors} if narrator is not None else set()
        others = [m for m in mentions if not own & {a.key or a.name for a in m.actors}]
        self.previous_subject = others[0] if others else None
        self.previous_mentions = others
        self.previous_speaker = speaker

    def pronouns(self, text: str, offset: int, before: list[Mention]) -> list[Mention]:
        """Pronoun and role back-references in a sentence, resolved against earlier mentions."""
        result = []
        for pattern, want in pack_for(self.language).pronoun_patterns:
            for m in pattern.finditer(text):
                start = offset + m.start()
                earlier = [x for x in before if x.end <= start]
                target = self.resolve(want, earlier)
                if target is not None:
                    result.append(
                        Mention(start, offset + m.end(), m.group(0), target.actors, "pronoun", target.generic_category)
                    )
        # "японский министр" also contains "министр": the longer reference wins
        result.sort(key=lambda r: -(r.end - r.start))
        kept: list[Mention] = []
        for r in result:
            if all(r.end <= k.start or r.start >= k.end for k in kept):
                kept.append(r)
        return sorted(kept, key=lambda r: r.start)

    def resolve(self, want: str, earlier_in_sentence: list[Mention]) -> Mention | None:
        """The nearest earlier mention that fits a reference kind (male, female, minister, plural, thing)."""
        candidates = self.recent + earlier_in_sentence
        if want == "pair":  # 両氏, "the two men": the last two people named
            people: list[Actor] = []
            for m in reversed(candidates):
                if len(m.actors) == 1 and m.actors[0].kind == "person" and m.actors[0] not in people:
                    people.append(m.actors[0])
                if len(people) == 2:
                    return Mention(0, 0, "", tuple(reversed(people)), "pronoun")
            return None
        if want.startswith("minister:"):  # "the Japanese minister": the last minister of that side
            side = want.split(":", 1)[1]
            return next(
                (m for m in reversed(candidates) if _fits(m, "minister", self.when) and m.actors[0].side == side),
                None,
            )
        if want == "thing":  # "It is also exploring ...": "it" continues the previous sentence's subject
            subject = self.previous_subject
            return subject if subject is not None and _fits(subject, "thing", self.when) else None
        # "X also criticized Putin's assertion … . 'Such remarks are unacceptable,' he said.": a person referred to
        # in the next sentence is the one who spoke in this one (the centre of the discourse), not the last named.
        # Else the first person of the previous sentence that fits: its subject, as a rule.
        nearer = [m for m in earlier_in_sentence if _fits(m, want, self.when)]
        person = want in ("male", "female", "person", "minister", "ambassador", "prime_minister", "president")
        if not nearer and person:
            fitting = [m for m in [self.previous_speaker, *self.previous_mentions] if m and _fits(m, want, self.when)]
            if fitting:
                return fitting[0]
        for m in reversed(candidates):
            if _fits(m, want, self.when):
                return m
        if want == "female":  # translated Russian calls a country "she"
            return next((m for m in reversed(candidates) if _fits(m, "state", self.when)), None)
        return None


def _fits(mention: Mention, want: str, when: PartialDate | None = None) -> bool:
    actors = mention.actors
    single = actors[0] if len(actors) == 1 else None
    if want == "plural":
        return len(actors) > 1 or (mention.how == "generic" and fold(mention.text).endswith("s"))
    if want == "thing":
        if mention.how == "generic":
            return mention.generic_category == "media"
        return single is not None and single.kind in ("body", "state", "media")
    if want == "state":
        return single is not None and single.kind == "state"
    if want == "body":  # "the ministry" after "Japan's Defence Ministry"
        return single is not None and single.kind == "body"
    if single is not None and single.kind == "expert" and want in ("male", "female", "person"):
        return want == "person" or (want == "female") == looks_female(single, any_kind=True)
    if single is None or single.kind != "person":
        return False
    if want == "ambassador":  # "Посол отметил", "the ambassador said": the last ambassador named (even one
        titles = [fold(t) for t in single.role_titles()]  # whose mission ends that week)
        return any("ambassador" in t or "посол" in t or "大使" in t for t in titles)
    if want in _HEAD_TITLES:  # "the prime minister", "the president": the last one named who held that office
        return any(word in fold(t) for t in single.role_titles(when) for word in _HEAD_TITLES[want])
    if want == "minister":
        titles = [fold(t) for t in single.role_titles(when)]
        return any(("minister" in t and "prime" not in t) or "министр" in t or "大臣" in t for t in titles)
    if want == "female":
        return looks_female(single)
    if want == "male":
        return not looks_female(single)
    return True  # "person"
