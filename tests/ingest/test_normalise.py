"""Text normalisation and boilerplate stripping, on our own texts and on the corpus."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from db.ingest.normalise import fold_width, normalise_text, strip_boilerplate


def test_fold_width() -> None:
    assert fold_width("ＡＢＣ１２３！") == "ABC123!"
    assert fold_width("ｶﾞｲﾑｼｮｳ") == "ガイムショウ"
    assert fold_width("ｱｲｳ｡") == "アイウ。"
    assert fold_width("東京\u3000大阪") == "東京 大阪"
    assert fold_width("5\uff5e6") == fold_width("5\u301c6") == "5\u301c6"  # cp932 vs shift_jis wave dash
    assert fold_width("Привет, 北方領土") == "Привет, 北方領土"


def test_normalise_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Ёлка й")
    raw = f"  Title  \r\n\r\n\r\n\r\n{decomposed}\t\t and  more\u00a0text \rLast\u200b line  "
    assert normalise_text(raw) == "Title\n\nЁлка й and more text\nLast line"


def test_disclaimers_and_chrome_are_removed_paragraphs_kept() -> None:
    text = normalise_text(
        "This page was translated automatically by a machine translation service.\n"
        "Example Daily is not responsible for any errors in the translated text.\n"
        "Please refer to the original article in Japanese as the source.\n\n"
        "« Back\n\nTalks continue\n\nShare\nTweet\nSubscribe\n\n"
        "The minister said the talks will continue.\n\nHe added: «Мы продолжим».\n\n"
        "Читайте также\nПоделиться\n関連記事\nシェア\n"
        "We use cookies to improve your experience. By continuing you accept our policy.\n"
        "March 3: the weather in Tokyo today\nLatest stories from the region\n"
    )
    kept, removed = strip_boilerplate(text)
    assert kept == "Talks continue\n\nThe minister said the talks will continue.\n\nHe added: «Мы продолжим»."
    assert len(removed) == 14
    assert removed[-2:] == ["March 3: the weather in Tokyo today", "Latest stories from the region"]


def test_russian_and_japanese_teasers_at_the_end() -> None:
    kept, removed = strip_boilerplate("Текст статьи.\n\n26 октября: новости региона\nДайджест событий")
    assert kept == "Текст статьи."
    kept, removed = strip_boilerplate("記事の本文です。\n10月26日：地域のニュース")
    assert kept == "記事の本文です。"


def test_article_lines_are_not_chrome() -> None:
    text = "Restored format\n\nOn March 18 the ministers met.\n\nBack to the talks, Lavrov said more.\n\nNews"
    kept, removed = strip_boilerplate(text)
    assert removed == ["News"]
    assert "Restored format" in kept and "Back to the talks" in kept


def test_a_dated_sentence_at_the_end_is_kept() -> None:
    text = "Intro.\n\nMarch 18: the ministers met in Tokyo and agreed on a plan."
    assert strip_boilerplate(text) == (text, [])


def test_corpus_boilerplate(corpus_dir: Path) -> None:
    articles = json.loads((corpus_dir / "articles.json").read_text(encoding="utf-8"))
    quotes: dict[str, list[str]] = {}
    for name in ("gold.jsonl", "gold_non_official.jsonl"):
        for line in (corpus_dir / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            quotes.setdefault(row["article"], []).append(row["quote"])
    for article in articles:
        raw = (corpus_dir / article["file"]).read_text(encoding="utf-8")
        kept, removed = strip_boilerplate(normalise_text(raw))
        assert kept.startswith(article["title"])
        assert not any("coronavirus" in line for line in kept.splitlines()[-3:])
        assert "translated" not in kept[:300]
        for quote in quotes[article["file"]]:
            assert quote in kept  # nothing the annotators quoted was stripped
        assert 1 <= len(removed) <= 6


def test_language_by_script() -> None:
    from db.ingest.normalise import language_by_script

    assert language_by_script("The minister said so.") == "en"
    assert language_by_script("Министр иностранных дел заявил, что Japan Times ошибается.") == "ru"
    assert language_by_script("河野外務大臣は、Lavrov外相と会談した。") == "ja"
    assert language_by_script("北方領土問題") == "ja"
    assert language_by_script("") == "en"
