"""Which kind of document a file is: plain text, HTML, Markdown, or a CSV/JSON table of ready-made statements.

The extension is trusted when it is specific (.html, .md, .csv, .json); a .txt or unknown extension is sniffed,
because pages saved from a browser or exported from a word processor often carry the wrong one. Also holds the
Markdown-to-text step, since Markdown is plain text with a little markup that must not end up in quotes.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Literal

from db.untrusted_input import InputFileError, check_json_nesting

Format = Literal["text", "html", "markdown", "csv", "json"]

_BY_EXTENSION: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
}
TABLE_FORMATS: frozenset[str] = frozenset({"csv", "json"})

_HTML_START = re.compile(r"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(p|div|br|span|a|h[1-6]|li|ul|table|tr|td|article|section|script|style)\b[^>]*>", re.I)
_MD_LINE = re.compile(r"^(#{1,6}\s+\S|\s*[-*+]\s+\S|\s*\d+\.\s+\S|>\s|```|\s*[-*_]{3,}\s*$)", re.M)
_MD_INLINE = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__")


def detect_format(file_name: str, text: str) -> Format:
    """Format from the extension when it is specific, else from the content (first 64 KB)."""
    suffix = PurePath(file_name).suffix.lower()
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    return sniff_format(text[:65536])


def sniff_format(sample: str) -> Format:
    stripped = sample.lstrip("\ufeff \t\r\n")
    if _HTML_START.match(stripped) or len(_HTML_TAG.findall(sample)) >= 5:
        return "html"
    if stripped[:1] in "[{" and _looks_like_json(stripped):
        return "json"
    if _looks_like_csv(stripped):
        return "csv"
    lines = max(1, stripped.count("\n"))
    markers = len(_MD_LINE.findall(stripped)) + len(_MD_INLINE.findall(stripped))
    if re.search(r"^#{1,6}\s+\S", stripped, re.M) and markers >= 2 or markers >= max(3, lines // 5):
        return "markdown"
    return "text"


def _looks_like_json(sample: str) -> bool:
    try:
        check_json_nesting(sample)
    except InputFileError:
        return True  # brackets nested that deep are JSON, and the table reader says why it cannot take it
    try:
        json.loads(sample)
        return True
    except ValueError:
        pass
    first = sample.split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)  # JSON Lines
    except ValueError:
        return False


def _looks_like_csv(sample: str) -> bool:
    """A header of known column names separated by commas, semicolons or tabs: prose never looks like that."""
    header = sample.split("\n", 1)[0].strip().lower()
    for delimiter in (",", ";", "\t"):
        names = {name.strip().strip('"') for name in header.split(delimiter)}
        if len(names) >= 3 and {"quote", "speaker"} <= names:
            return True
    return False


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]*?\S)\1|(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_LIST = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+", re.M)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)
_MD_FENCE = re.compile(r"^\s*(```|~~~).*$", re.M)
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.M)


def markdown_to_text(text: str) -> str:
    """Drop Markdown markup, keep the words: headings, emphasis, links (their text), images (their alt text)."""
    text = _MD_FENCE.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_SETEXT.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_REF_DEF.sub("", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_LIST.sub(r"\1", text)
