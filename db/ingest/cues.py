"""Attribution cues: the classes of words and constructions that introduce a statement, and how they are found.

Each language pack finds its own cues (a lexicon of patterns, or a morphological analyser); `attribution.py`
takes them from there. Each cue has a class that decides how sure we are and what kind of statement it makes:
`speech` (said, заявил, と述べた), `agreement` (agreed, договорились, で合意した: one line per side),
`stance` (believes, считает, と考えている), `intention` (intends to, намерен, 方針), `noun` (Lavrov's statement
that ...), and `source` cues whose speaker follows them (according to X, по словам X, Xによると).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class CueClass:
    name: str
    strength: float  # base confidence that the cue introduces a statement
    speaker_after: bool = False  # the speaker follows the cue ("according to X") rather than precedes it


SPEECH = CueClass("speech", 0.85)
AGREEMENT = CueClass("agreement", 0.8)
STANCE = CueClass("stance", 0.6)
INTENTION = CueClass("intention", 0.55)
NOUN = CueClass("noun", 0.7)
SOURCE = CueClass("source", 0.75, speaker_after=True)
TURN = CueClass("turn", 0.85)  # a speaker-labelled paragraph of a transcript ("Mr. Lavrov: ...")
# A report inside a clause that describes something else (「プーチン大統領が…と述べたことに関し」): a statement of
# the clause's own subject, never of the sentence's speaker.
RELAYED = CueClass("relayed", 0.7)


Cue = tuple[int, int, "CueClass"]  # (start, end, class) of one cue in the text


def regex_cues(patterns: Sequence[tuple[re.Pattern[str], CueClass]]) -> Callable[[str, int, int], list[Cue]]:
    """A cue finder from a lexicon of patterns: every match in text[start:end], with its class."""

    def find(text: str, start: int, end: int) -> list[Cue]:
        found = []
        for pattern, cue_class in patterns:
            for match in pattern.finditer(text, start, end):
                found.append((match.start(), match.end(), cue_class))
        return found

    return find
