"""Metadata on the corpus (against articles.json) and on short texts of our own in three languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.ingest.html_text import html_to_text
from db.ingest.metadata import detect_metadata
from db.ingest.normalise import normalise_text, strip_boilerplate
from db.partial_date import PartialDate


def _corpus_articles(corpus_dir: Path) -> list[dict[str, object]]:
    return json.loads((corpus_dir / "articles.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_corpus_metadata_matches_articles_json(corpus_dir: Path, index: int) -> None:
    article = _corpus_articles(corpus_dir)[index]
    raw = (corpus_dir / str(article["file"])).read_text(encoding="utf-8")
    text, removed = strip_boilerplate(normalise_text(raw))
    meta = detect_metadata(text, "en", removed)
    assert meta.title == article["title"]
    assert meta.subtitle == article["subtitle"]
    assert meta.author == article["author"]
    assert meta.outlet == article["outlet"]
    if str(article["published_basis"]).startswith("Undated"):
        assert meta.published is None  # the caller asks the user; nothing is guessed from the body
    else:
        assert meta.published is not None
        assert meta.published.iso() == article["published"]
        assert meta.published.precision == article["published_precision"]
        assert "06.03.2017" in meta.published_basis


def test_russian_byline_and_published_label() -> None:
    text = normalise_text(
        "Россия и Япония: диалог продолжается\n\nАвтор: Иван Петров\n\nОпубликовано: 22.01.2019\n\n"
        "Министр иностранных дел заявил, что переговоры 22 января 2019 г. прошли конструктивно."
    )
    meta = detect_metadata(text, "ru")
    assert meta.title == "Россия и Япония: диалог продолжается"
    assert meta.author == "Иван Петров"
    assert meta.published == PartialDate(2019, 1, 22)
    assert "Опубликовано" in meta.published_basis
    assert meta.subtitle is None


def test_japanese_dateline() -> None:
    text = normalise_text(
        "日ロ外相会談、北方領土で協議\n\n2019年1月22日\n\n河野外務大臣は22日、ラブロフ外相と会談した。"
    )
    meta = detect_metadata(text, "ja")
    assert meta.title == "日ロ外相会談、北方領土で協議"
    assert meta.published == PartialDate(2019, 1, 22)


def test_english_by_line_and_body_dates_are_not_publication_dates() -> None:
    text = normalise_text(
        "Talks on the islands resume\n\nBy Jane Smith\n\n"
        "On 18 March 2017 the deputy ministers met in Tokyo and discussed joint economic activity."
    )
    meta = detect_metadata(text, "en")
    assert meta.author == "Jane Smith"
    assert meta.published is None and meta.published_basis == ""


def test_html_meta_wins() -> None:
    page = html_to_text(
        '<html><head><title>Talks resume | Example News</title><meta property="og:site_name" content="Example News">'
        '<meta name="author" content="Ivan Petrov"><link rel="canonical" href="https://example.org/a">'
        '<meta property="article:published_time" content="2019-01-22T23:10:00-05:00"></head>'
        "<body><p>The ministers met.</p></body></html>"
    )
    meta = detect_metadata(page.text, "en", html=page)
    assert meta.title == "Talks resume"
    assert meta.outlet == "Example News"
    assert meta.author == "Ivan Petrov"
    assert meta.url == "https://example.org/a"
    assert meta.published == PartialDate(2019, 1, 22)
    assert "article:published_time" in meta.published_basis


def test_outlet_from_copyright_and_disclaimer() -> None:
    meta = detect_metadata("Title here\n\nBody text.", "en", ["Example Daily is not responsible for errors."])
    assert meta.outlet == "Example Daily"
    meta = detect_metadata("Title here\n\nBody text.\n\n© 2019 Far East Review", "en")
    assert meta.outlet == "Far East Review"


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Лавров: диалог продолжится\n\nМОСКВА, 24 ноября. /ТАСС/. Министр иностранных дел России заявил...", "ТАСС"),
        ("Japan protests\n\nTOKYO, Nov 24 (Reuters) - Japan's foreign minister said on Friday...", "Reuters"),
        ("Путин\n\nВЛАДИВОСТОК, 12 сентября – РИА Новости. Президент России заявил...", "РИА Новости"),
        ("Лавров\n\nМОСКВА, 16 ноября. /Корр. ТАСС Ирина Волкова/. Глава МИД России...", "ТАСС"),
        ("日ロ外相が会談\n\n【モスクワ共同】河野太郎外相は24日、ラブロフ外相と会談した。", "共同"),
        ("A quiet week\n\nThe minister said Reuters (Tokyo) - had misquoted him.", None),
    ],
)
def test_outlet_from_a_wire_dateline(text: str, outlet: str | None) -> None:
    language = "ru" if "Президент" in text or "МОСКВА" in text else "ja" if "共同" in text else "en"
    assert detect_metadata(text, language).outlet == outlet
