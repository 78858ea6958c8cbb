"""Title, subtitle, author, outlet and publication date of a document, from its text and its HTML head.

Plain-text articles copied from a site carry their metadata as lines at the top (title, subtitle, byline,
dateline) and as chrome that `strip_boilerplate` removed (a disclaimer naming the publisher). These are read with
general rules: the first substantial line is the title; a short unpunctuated line after it is the subtitle; a short
line of two or three capitalised words, or "By X" / "Автор: X", is the author; a date standing alone in a line near
the top, or after "Published"/"Опубликовано"/"公開", is the publication date (see `published.py`). HTML meta tags
win when present. Nothing is guessed from the body: an undated document gets `published=None`, and the caller asks
the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.ingest.dates import find_dates
from db.ingest.html_text import HtmlText
from db.ingest.languages import LANGUAGES
from db.ingest.published import PUBLISHED_WORD, find_published
from db.partial_date import PartialDate

HEAD_LINES = 15  # lines at the top that may hold title, subtitle, byline and dateline

_SENTENCE_END = re.compile(r"[.!。！]$")
_BYLINE = re.compile(
    r"^(?:by|author|text|written by|автор|текст|авторы|文|筆者|執筆)\s*[:：・]?\s+(?P<name>.{3,60})$"
    r"|^(?P<signed>[一-龯ぁ-んァ-ン]{2,8})\s*(?:記者|特派員)$",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?"
_NAME_LINE = re.compile(rf"^(?:{_NAME_WORD}\s+)(?:[A-ZА-ЯЁ]\.\s*)?{_NAME_WORD}(?:\s+{_NAME_WORD})?$")
_TRAILING_BYLINE = re.compile(rf"^(?P<name>{_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s*[-–—,]\s+\w")
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ev|ёв|in|yn|sky|skiy|skii|ova|eva|ina|yna|skaya|ская|ский|ова|ева|ов|ев|ин|ина)$")
_NOT_NAME_WORDS = frozenset(
    """the and of for in on at to with from about after head center institute ministry russia japan russian
    japanese news today president minister prime foreign back share""".split()  # noqa: SIM905
)
_PUBLISHER = re.compile(
    r"^(?P<name>[\w .&'’-]{2,40}?)\s+(?:is not responsible|does not take responsibility|не нес[её]т ответственности)"
    r"|(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*\d{0,4})?\s*(?P<copy>[\w .&'’-]{2,40})"
    r"|^(?:source|источник|出典|提供)\s*[:：]\s*(?P<source>[\w .&'’-]{2,40})$",
    re.IGNORECASE,
)
_TIME_TAIL = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|MSK|МСК)\s*(?:[+−-]\s*\d{1,2})?)?\s*$")


@dataclass
class Metadata:
    """What the document says about itself; `published_basis` explains the date to the user."""

    title: str = ""
    subtitle: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    published_basis: str = ""


def detect_metadata(
    text: str,
    language: str,
    removed_lines: list[str] | None = None,
    html: HtmlText | None = None,
    file_name: str = "",
) -> Metadata:
    """Read the metadata of normalised `text` (after boilerplate stripping); see the module docstring."""
    # Only the top and the bottom of the text hold metadata; a 50 MB file is not split into lines.
    head = [line for line in text[:20000].split("\n") if line.strip()][:HEAD_LINES]
    tail = [line for line in text[-3000:].split("\n") if line.strip()][-3:]
    meta = html.meta if html else {}
    result = Metadata()

    title_index = _title_index(head)
    page_title = meta.get("og:title") or (html.first_heading if html else "") or _site_title(html)
    if page_title:
        result.title = page_title
    elif title_index is not None:
        result.title = _strip_dateline(head[title_index])
    body_start = title_index + 1 if title_index is not None else 0
    result.subtitle = _subtitle(head, body_start, result.title)
    result.author = _author(head, tail, meta, {result.title, result.subtitle or ""})
    result.outlet = meta.get("og:site_name") or _outlet(removed_lines or [], tail) or _wire_outlet(head)
    result.url = (html.canonical_url if html else "") or None
    result.published, result.published_basis = find_published(head, tail, meta, language, file_name)
    return result


def _is_substantial(line: str) -> bool:
    if len(line) > 250 or not any(ch.isalpha() for ch in line):
        return False
    cjk = sum(1 for ch in line if ord(ch) > 0x2E80)
    return len(line.split()) >= 2 or len(line) >= 8 or cjk >= 4


def _title_index(head: list[str]) -> int | None:
    for index, line in enumerate(head):
        if _is_substantial(line) and not _only_date(line) and not _BYLINE.match(line):
            return index
    return None


def _site_title(html: HtmlText | None) -> str:
    """<title> without its " | Site name" tail."""
    if html is None or not html.title:
        return ""
    return re.split(r"\s+[|–—•»]\s+|\s+-\s+(?=[^-]+$)", html.title)[0].strip()


def _only_date(line: str) -> bool:
    stripped = _TIME_TAIL.sub("", PUBLISHED_WORD.sub("", line)).strip(" ,.|")
    if not stripped:
        return bool(line.strip())
    for language in LANGUAGES:
        mentions = find_dates(stripped, language)
        if mentions and sum(m.end - m.start for m in mentions) >= len(stripped) - 4:
            return True
    return False


def _strip_dateline(line: str) -> str:
    """ "Title 06.03.2017 14:31" -> "Title"."""
    for language in LANGUAGES:
        mentions = find_dates(line, language)
        if mentions and mentions[-1].value.day is not None:
            tail = line[mentions[-1].start :]
            if len(_TIME_TAIL.sub("", tail)) <= len(mentions[-1].text) + 1 and mentions[-1].start > 0:
                return line[: mentions[-1].start].rstrip(" ,|-–—")
    return line


def _subtitle(head: list[str], start: int, title: str) -> str | None:
    for line in head[start : start + 2]:
        if _strip_dateline(line) == title or _BYLINE.match(line) or _only_date(line):
            continue
        if _NAME_LINE.match(line):
            return None
        if _is_substantial(line) and len(line) <= 200 and not _SENTENCE_END.search(line):
            return line
        return None
    return None


def _author(head: list[str], tail: list[str], meta: dict[str, str], taken: set[str]) -> str | None:
    for key in ("author", "article:author", "dc.creator", "citation_author"):
        value = meta.get(key, "")
        if value and not value.startswith("http"):
            return value
    for line in head:
        byline = _BYLINE.match(line)
        if byline:
            return (byline["name"] or byline["signed"]).strip(" .,")
    for line in head:
        if line not in taken and _looks_like_name(line):
            return line
    for line in reversed(tail):  # "Kharitonova Darya - Researcher at ..." signed at the end
        signed = _TRAILING_BYLINE.match(line)
        if signed and _looks_like_name(signed["name"]):
            return _given_name_first(signed["name"])
    return None


def _looks_like_name(line: str) -> bool:
    if len(line) > 40 or not _NAME_LINE.match(line):
        return False
    return not any(word.lower().strip(".") in _NOT_NAME_WORDS for word in line.split())


def _given_name_first(name: str) -> str:
    """ "Kharitonova Darya" -> "Darya Kharitonova": Russian signatures often put the surname first."""
    words = name.split()
    if len(words) == 2 and _RUSSIAN_SURNAME.search(words[0].lower()) and not _RUSSIAN_SURNAME.search(words[1].lower()):
        return f"{words[1]} {words[0]}"
    return name


def _outlet(removed_lines: list[str], tail: list[str]) -> str | None:
    for line in [*removed_lines[:20], *tail]:
        match = _PUBLISHER.search(line)
        if match:
            name = (match["name"] or match["copy"] or match["source"] or "").strip(" .,")
            if name and name.lower() not in ("this site", "the site", "we", "сайт", "редакция"):
                return name
    return None


# Wire datelines name their agency: "МОСКВА, 24 ноября. /ТАСС/.", "TOKYO, Nov 24 (Reuters) -",
# "【モスクワ共同】". Only the opening lines are read, and only these dateline shapes, so a body mention of an
# agency is never taken for the publisher.
_WIRE_DATELINE = re.compile(
    r"^[^\n]{0,60}?/(?P<slashed>[А-ЯЁA-Z][\wЁё .-]{1,25})/\s*[.,:—–-]"
    r"|^[A-Z][A-Za-z .'-]{1,40},[^\n]{0,30}?\((?P<bracketed>[A-Z][\w .&-]{1,25})\)\s*[-–—]"
    r"|^【[^】\s]{0,8}?(?P<lenticular>共同|時事|ロイター|タス|AFP|AP|新華社|聯合)】"
    r"|^[А-ЯЁ][А-ЯЁ -]{2,30}, \d{1,2} [а-яё]+ [–—-] (?P<dashed>[А-ЯЁA-Z][\wЁё -]{1,25}?)\."
)
_CORRESPONDENT = re.compile(r"^(?:спец\.?\s*)?корр(?:\.|еспондент)\s+(\S+)", re.IGNORECASE)


def _wire_outlet(head: list[str]) -> str | None:
    for line in head[:8]:
        match = _WIRE_DATELINE.search(line)
        if match:
            name = (match["slashed"] or match["bracketed"] or match["lenticular"] or match["dashed"]).strip()
            correspondent = _CORRESPONDENT.match(name)  # "/Корр. ТАСС Ирина Волкова/"
            return correspondent[1] if correspondent else name
    return None
