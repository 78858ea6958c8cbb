"""HTML -> plain text with paragraph breaks, plus the metadata a page carries in its head.

Built on the stdlib `html.parser`: nothing is fetched, no scripts run, and the text that comes out is plain text.
Page chrome (script, style, navigation, header, footer, aside, forms, iframes, images, SVG) is dropped as a whole
element, so `<script>` contents and `<img src>` never survive as text. Block elements become paragraph breaks so
that the later stages see the same paragraph structure as in a .txt file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIP = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "svg", "template",
     "button", "select", "textarea", "object", "embed", "video", "audio", "canvas", "map", "head", "math"}
)  # fmt: skip
_VOID = frozenset(
    {"img", "br", "hr", "meta", "link", "input", "source", "area", "base", "col", "embed", "param", "track", "wbr"}
)
_BLOCK = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote",
     "pre", "section", "article", "main", "figure", "figcaption", "address", "hr", "caption", "body", "details",
     "summary", "time"}
)  # fmt: skip
_CELL = frozenset({"td", "th"})
_META_KEYS = frozenset(
    {"og:title", "og:site_name", "og:url", "og:description", "og:type", "article:published_time",
     "article:modified_time", "article:author", "author", "date", "dc.date", "dc.date.issued", "dcterms.date",
     "dc.creator", "dc.title", "pubdate", "publish-date", "publication_date", "description", "twitter:title",
     "citation_publication_date", "citation_author", "sailthru.date", "parsely-pub-date"}
)  # fmt: skip


@dataclass
class HtmlText:
    """What a page gives us: its visible text, its <title>, and selected <meta> values (lower-case keys)."""

    text: str
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    lang: str = ""
    canonical_url: str = ""
    first_heading: str = ""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip: list[str] = []
        self.in_title = False
        self.title: list[str] = []
        self.heading: list[str] | None = None
        self.first_heading = ""
        self.meta: dict[str, str] = {}
        self.lang = ""
        self.canonical = ""
        self.pre = 0
        self.article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.lang = values["lang"]
        elif tag == "meta":
            self._meta(values)
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href", "")
        elif tag == "title":
            self.in_title = True
            return
        elif tag == "body" and "head" in self.skip:
            self.skip.clear()  # a page that never closes its <head>
        elif tag == "time" and values.get("datetime") and "time" not in self.meta:
            self.meta["time"] = values["datetime"]
        if self.skip:
            if tag in _SKIP and tag not in _VOID:
                self.skip.append(tag)
            return
        if tag in _SKIP and tag not in _VOID and not (tag == "header" and self.article_depth):
            self.skip.append(tag)  # a <header> inside <article> holds the headline and dateline: keep it
            return
        if tag in ("article", "main"):
            self.article_depth += 1
        if tag == "br":
            self.chunks.append("\n")
        elif tag in _BLOCK:
            self.chunks.append("\n\n")
        elif tag in _CELL:
            self.chunks.append("\t")
        if tag == "pre":
            self.pre += 1
        if tag == "h1" and not self.first_heading:
            self.heading = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:  # <svg/>: nothing to skip
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self.chunks.append("\n\n")
        if tag in ("article", "main") and self.article_depth:
            self.article_depth -= 1
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag == "h1" and self.heading is not None:
            self.first_heading = " ".join("".join(self.heading).split())
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if self.skip:
            return
        self.chunks.append(data if self.pre else " ".join(data.split("\n")))
        if self.heading is not None:
            self.heading.append(data)

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
        content = values.get("content", "").strip()
        if key in _META_KEYS and content and key not in self.meta:
            self.meta[key] = " ".join(content.split())


def html_to_text(html: str) -> HtmlText:
    """Visible text of `html` with blank lines between blocks, and its head metadata. Never raises on bad HTML."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    lines = [
        " ".join(line.split()) if "\t" not in line else line.strip() for line in "".join(parser.chunks).split("\n")
    ]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    title = " ".join("".join(parser.title).split())
    return HtmlText(
        text="\n\n".join(paragraphs),
        title=title,
        meta=parser.meta,
        lang=parser.lang,
        canonical_url=parser.canonical or parser.meta.get("og:url", ""),
        first_heading=parser.first_heading,
    )
