"""HTML to plain text: chrome dropped, scripts and images never survive, metadata kept."""

from __future__ import annotations

from db.ingest.html_text import html_to_text

PAGE = """<!doctype html>
<html lang="ru"><head><title>Talks &amp; more | Example News</title>
<meta property="og:title" content="Talks continue">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Ivan Petrov">
<meta property="article:published_time" content="2019-01-22T10:00:00+03:00">
<script>var secret = "SCRIPT-TEXT";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav><header>SITE-LOGO</header>
<article><h1>Talks &laquo;continue&raquo;</h1>
<p>First paragraph<br>second line &mdash; here &#8470;5.</p>
<img src="file:///etc/passwd" alt="ALT-TEXT"><p>Second <b>para</b>graph.</p>
<script type="text/javascript">document.write("INLINE-SCRIPT")</script>
<svg><text>SVG-TEXT</text></svg><iframe src="https://ads.example">IFRAME-TEXT</iframe>
<form><input value="FORM-VALUE"><button>Send</button></form></article>
<aside>Read also: ASIDE-TEXT</aside><footer>FOOTER-TEXT</footer></body></html>"""


def test_visible_text_with_paragraphs() -> None:
    page = html_to_text(PAGE)
    assert page.text == "Talks «continue»\n\nFirst paragraph\nsecond line — here №5.\n\nSecond paragraph."


def test_scripts_images_and_chrome_never_survive() -> None:
    text = html_to_text(PAGE).text
    for marker in ("SCRIPT", "secret", "passwd", "file:", "ALT-TEXT", "SVG-TEXT", "IFRAME", "FORM-VALUE",
                   "ASIDE", "FOOTER", "SITE-LOGO", "Home", "color"):  # fmt: skip
        assert marker not in text, marker


def test_metadata() -> None:
    page = html_to_text(PAGE)
    assert page.title == "Talks & more | Example News"
    assert page.meta["og:site_name"] == "Example News"
    assert page.meta["author"] == "Ivan Petrov"
    assert page.meta["article:published_time"] == "2019-01-22T10:00:00+03:00"
    assert page.meta["og:title"] == "Talks continue"
    assert page.lang == "ru"
    assert page.first_heading == "Talks «continue»"


def test_broken_html_does_not_raise_or_lose_the_body() -> None:
    page = html_to_text("<html><head><title>T</title><body><p>Text one<p>Text two</div></span><script>x")
    assert page.text == "Text one\n\nText two"
    assert page.title == "T"


def test_self_closing_and_void_skips() -> None:
    page = html_to_text('<p>Before <img src="a.png"/> after<svg/> end</p>')
    assert page.text == "Before after end"


def test_table_cells_and_time() -> None:
    page = html_to_text('<time datetime="2017-03-06">6 March</time><table><tr><td>a</td><td>b</td></tr></table>')
    assert page.meta["time"] == "2017-03-06"
    assert page.text.endswith("a\tb")


def test_header_inside_article_is_content_page_header_is_not() -> None:
    page = html_to_text(
        "<body><header>SITE MENU</header><article><header><h1>Talks resume</h1>"
        '<time datetime="2017-03-06T14:31">06.03.2017 14:31</time></header><p>Body.</p></article></body>'
    )
    assert page.text == "Talks resume\n\n06.03.2017 14:31\n\nBody."
    assert page.first_heading == "Talks resume"
