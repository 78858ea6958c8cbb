"""Split normalised text into paragraphs and sentences, keeping character offsets into the text.

Why not a library: the pipeline needs offsets that point back into `Document.text` (the review screen
highlights the quote in its source), three scripts (Latin, Cyrillic, Japanese), and one rule the usual
splitters lack: a quotation that spans several sentences stays inside one sentence, because a continuous
direct quotation is one statement. Paragraphs are blank-line or line separated blocks; a line without a final
full stop (a heading, a dateline) is a sentence of its own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from db.ingest.languages import PACKS, pack_for

_OPEN_QUOTES = "“«「『„"
_CLOSE_QUOTES = "”»」』"
_TERMINATORS_LATIN = ".!?…"
_TERMINATORS_CJK = "。！？"
FULL_STOPS_CJK = _TERMINATORS_CJK + "．"  # full-width stops, which no abbreviation or number uses
_CLOSERS_AFTER_STOP = "\"'”»)）」』’"
# A line ending like this is a sentence, not a heading: a stop, maybe inside quotes ('… talks."'), or a Japanese
# quotation (「…」 captions); a headline "Захарова предупредила Японию из-за «Тифонов»" ends on a quoted name.
ENDS_SENTENCE = re.compile(r"(?:[.!?…。！？][\"”»」』)）]*|[」』])\s*$")
_QUOTATIVE_AFTER = re.compile(r"(?:と|って|など|との)")  # particles after a Japanese quotation: the sentence goes on
_MAX_QUOTE_LENGTH = 1500  # a "quotation" longer than this is an unbalanced mark, not a quotation
_REPORTING_DASH_AFTER = re.compile(r",?\s*[-—–]\s")  # after the mark: the reporting dash ('…", - сказал он')


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets into the document text, and the paragraph it belongs to."""

    start: int
    end: int
    text: str
    index: int  # position among all sentences of the document
    paragraph: int  # index of the paragraph
    paragraph_start: int
    paragraph_end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines of the text; a paragraph is one line (articles put one per line)."""
    spans = []
    for match in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def quotation_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (including the marks) of quotations within text[start:end], nested ones inside the outer span.

    A straight double quote opens when it follows a space and precedes a word, and closes when it follows a word
    and precedes a space or punctuation; otherwise it closes an open quotation or opens one, so the mixed pairs
    that machine translation leaves (“ ... ") still pair. A closing mark before the reporting dash ('…", - сказал
    он') closes every level: typesetters write one mark for two. Unclosed or overlong quotations are ignored.
    """
    end = len(text) if end is None else end
    spans = []
    open_at: int | None = None
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch == '"':
            direction = _straight_quote_direction(text, i, start, end)
            closing = direction == "close" or (direction == "" and open_at is not None)
            ch = _CLOSE_QUOTES[0] if closing else _OPEN_QUOTES[0]
        if ch in _OPEN_QUOTES:
            if open_at is None:
                open_at, depth = i, 1
            else:
                depth += 1
        elif ch in _CLOSE_QUOTES and open_at is not None:
            depth -= 1
            if _REPORTING_DASH_AFTER.match(text, i + 1, end):
                depth = 0
            if depth <= 0:
                if i - open_at <= _MAX_QUOTE_LENGTH:
                    spans.append((open_at, i + 1))
                open_at, depth = None, 0
    return spans


def _straight_quote_direction(text: str, i: int, start: int, end: int) -> str:
    """ "open", "close" or "" (undecided) for the straight quote at i, from the characters around it."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    opens = (before.isspace() or before in "([{«“—–-/") and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)»”—–-")
    if opens == closes:
        return ""
    return "open" if opens else "close"


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial rather than a sentence."""
    match = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not match:
        return False
    word = match.group(1)
    if word.lower() in abbreviations:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "S. Lavrov", "В. Путин"
        return True
    return bool(re.fullmatch(r"(?:[A-Za-zА-Яа-я]\.)+[A-Za-zА-Яа-я]", word))  # U.S, e.g


def _boundaries(text: str, start: int, end: int, language: str) -> list[int]:
    """Offsets (exclusive ends) where sentences end inside one paragraph."""
    protected = quotation_spans(text, start, end)
    abbreviations = _abbreviations(language)
    cuts: list[int] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in _TERMINATORS_CJK or ch in _TERMINATORS_LATIN:
            j = i + 1
            while j < end and (text[j] in _TERMINATORS_LATIN or text[j] in _TERMINATORS_CJK):
                j += 1
            while j < end and text[j] in _CLOSERS_AFTER_STOP:
                j += 1
            if any(a < i < b - 1 and b > j for a, b in protected):
                i = j
                continue
            if ch in _TERMINATORS_CJK:
                if not (text[j - 1] in _CLOSE_QUOTES and _QUOTATIVE_AFTER.match(text, j, end)):
                    cuts.append(j)  # 「…と考えています。」とこたえた。: the quotation is the object of what follows
            elif j < end and text[j].isspace():
                k = j
                while k < end and text[k].isspace():
                    k += 1
                nxt = text[k] if k < end else ""
                starts_sentence = nxt.isupper() or nxt.isdigit() or nxt in "\"“«(„'‘"
                if starts_sentence and not (ch == "." and _is_abbreviation(text, i, abbreviations)):
                    cuts.append(j)
            i = j
            continue
        i += 1
    for _, quote_end in protected:  # 'stated: "... forces. " Then': the sentence ends after the closing mark
        inner = text[: quote_end - 1].rstrip()
        k = quote_end
        while k < end and text[k].isspace():
            k += 1
        ends_sentence = bool(inner) and inner[-1] in _TERMINATORS_LATIN + _TERMINATORS_CJK
        if ends_sentence and quote_end < k < end and (text[k].isupper() or text[k] in '"“«'):
            cuts.append(quote_end)
    cuts = sorted(set(cuts))
    if not cuts or cuts[-1] != end:
        cuts.append(end)
    return cuts


@functools.cache
def _abbreviations(language: str) -> frozenset[str]:
    """The document language's abbreviations, with the others': a Russian text quotes "Mr." too."""
    own = pack_for(language).abbreviations
    return own.union(*(p.abbreviations for p in PACKS.values() if p.code != language))


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """All sentences of the text, in order, with offsets such that text[s.start:s.end] == s.text."""
    result: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        begin = p_start
        for cut in _boundaries(text, p_start, p_end, language):
            s, e = begin, cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                result.append(Sentence(s, e, text[s:e], len(result), number, p_start, p_end))
            begin = cut
    return result
