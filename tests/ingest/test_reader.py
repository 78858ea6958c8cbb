"""read_document / read_table end to end: encodings, formats, overrides, bad files, a 50 MB file, the corpus."""

from __future__ import annotations

import hashlib
import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from db.ingest.errors import IngestError
from db.ingest.reader import read_document, read_table
from db.partial_date import PartialDate

RUSSIAN = (
    "Лавров и Кисида обсудили мирный договор\n\n"
    "Автор: Иван Петров\n\n"
    "Опубликовано: 22.01.2019\n\n"
    "Министр иностранных дел России Сергей Лавров заявил 22 января 2019 г., что переговоры продолжатся.\n"
)
JAPANESE = (
    "日ロ外相会談、北方領土で協議\n\n"
    "2019年1月22日\n\n"
    "河野外務大臣は22日、モスクワでラブロフ外相と会談し、平和条約について「粘り強く交渉する」と述べた。\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "language"),
    [
        (RUSSIAN, "utf-8", "ru"),
        (RUSSIAN, "utf-16", "ru"),
        (RUSSIAN, "cp1251", "ru"),
        (RUSSIAN, "koi8-r", "ru"),
        (JAPANESE, "utf-8-sig", "ja"),
        (JAPANESE, "utf-16-le", "ja"),
        (JAPANESE, "cp932", "ja"),
        (JAPANESE, "euc_jp", "ja"),
        (JAPANESE, "iso2022_jp", "ja"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 12 else "text",
)
def test_encodings_round_trip_through_the_reader(tmp_path: Path, text: str, codec: str, language: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    document = read_document(path)
    assert document.text == text.strip()
    assert document.language == language
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.published == PartialDate(2019, 1, 22)
    assert document.title == text.split("\n", 1)[0]
    assert document.format == "text"
    assert document.problems == []


def test_overrides_win(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    document = read_document(path, language="en", published="2019-02", outlet="Example Daily")
    assert document.language == "en"
    assert document.published == PartialDate(2019, 2) and document.published_basis == "given by the user"
    assert document.outlet == "Example Daily"
    forced = read_document(path, encoding="koi8-r")
    assert forced.encoding == "koi8-r" and forced.text != RUSSIAN.strip()
    with pytest.raises(IngestError, match="note.txt: bad publication date given"):
        read_document(path, published="31.02.2019")


def test_short_legacy_text_warns_about_the_guess(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("Привет, мир".encode("koi8-r"))
    document = read_document(path)
    assert document.text == "Привет, мир" and document.encoding == "koi8-r"
    assert any("guessed from a short text" in problem for problem in document.problems)


def test_undated_document_has_a_problem_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("A title line\n\nThe minister said that the talks will go on.\n", encoding="utf-8")
    document = read_document(path)
    assert document.published is None
    assert any("no publication date" in problem for problem in document.problems)


def test_html_document(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    html = (
        '<html lang="ru"><head><meta charset="windows-1251"><title>Переговоры | Пример</title>'
        '<meta property="og:site_name" content="Пример"><meta property="article:published_time" content="2019-01-22">'
        "<script>var tracking = 'SCRIPT';</script></head><body><nav>Главная</nav>"
        '<h1>Переговоры продолжатся</h1><img src="file:///etc/passwd"><p>Министр заявил, что переговоры продолжатся.'
        "</p><footer>© Пример</footer></body></html>"
    )
    path.write_bytes(html.encode("cp1251"))
    document = read_document(path)
    assert document.format == "html" and document.encoding == "cp1251" and document.language == "ru"
    assert document.text == "Переговоры продолжатся\n\nМинистр заявил, что переговоры продолжатся."
    assert document.title == "Переговоры продолжатся"
    assert document.outlet == "Пример"
    assert document.published == PartialDate(2019, 1, 22)
    assert "SCRIPT" not in document.text and "passwd" not in document.text


def test_markdown_document(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Talks resume\n\nPublished: 6 March 2017\n\nThe **minister** said [so](http://x.org).\n")
    document = read_document(path)
    assert document.format == "markdown"
    assert document.title == "Talks resume"
    assert document.text.endswith("The minister said so.")
    assert document.published == PartialDate(2017, 3, 6)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b" \n\n \t", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), r"not a text document \(looks like PNG image\)"),
        (b"%PDF-1.4\n", "looks like PDF"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message) as caught:
        read_document(path)
    assert str(caught.value).startswith("bad.txt: ")


def test_vanished_file_and_folder(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    path.write_text("text")
    path.unlink()
    with pytest.raises(IngestError, match="gone.txt: the file does not exist"):
        read_document(path)
    with pytest.raises(IngestError, match="is a folder"):
        read_document(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(IngestError, match="secret.txt: permission denied"):
        read_document(path)


def test_tables(tmp_path: Path) -> None:
    good = tmp_path / "statements.csv"
    good.write_text("speaker,side,issue,date,quote\nLavrov,russia,peace_treaty,20.03.2017,Text.\n")
    rows = read_table(good)
    assert rows[0]["date"] == PartialDate(2017, 3, 20)
    bad = tmp_path / "missing.csv"
    bad.write_text("speaker,side,issue\nLavrov,russia,other\n")
    with pytest.raises(IngestError, match="missing.csv: missing required columns: date, quote"):
        read_table(bad)
    jsonl = tmp_path / "rows.jsonl"
    row = {"speaker": "Kono", "side": "japan", "issue": "other", "date": "2017-03-18", "quote": "Q"}
    jsonl.write_text(json.dumps(row) + "\n" + json.dumps({**row, "date": "31.02.2017"}) + "\n")
    with pytest.raises(IngestError, match=r"rows.jsonl: row 2: bad date '31.02.2017'"):
        read_table(jsonl)
    with pytest.raises(IngestError, match="is a statement table"):
        read_document(good)
    article = tmp_path / "article.txt"
    article.write_text("Just an article.\n")
    with pytest.raises(IngestError, match="not a statement table"):
        read_table(article)


def test_corpus_files(corpus_dir: Path) -> None:
    articles = json.loads((corpus_dir / "articles.json").read_text(encoding="utf-8"))
    for article in articles:
        document = read_document(corpus_dir / article["file"])
        assert (document.title, document.author, document.outlet) == (
            article["title"],
            article["author"],
            article["outlet"],
        )
        assert document.language == article["language"] and document.encoding == "utf-8"
        assert "coronavirus" not in document.text and "google" not in document.text
        if document.published is not None:
            assert document.published.iso() == article["published"]


def test_50_mb_file_is_read_quickly_with_bounded_memory(tmp_path: Path) -> None:
    """Big files: read once, linear-time stages. Size from POSITIONS_BENCH_SIZE (MB), 50 by default."""
    megabytes = int(os.environ.get("POSITIONS_BENCH_SIZE", "50"))
    paragraph = "The minister said on March 18 that the talks would continue, and Japan agreed.  Then more.\n\n"
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write("A very long article\n\n06.03.2017 14:31\n\n")
        block = paragraph * 10_000
        for _ in range(megabytes * 1_000_000 // len(block) + 1):
            out.write(block)
    size = path.stat().st_size
    started = time.perf_counter()
    document = read_document(path, max_bytes=size)  # above the default limit when POSITIONS_BENCH_SIZE is large
    elapsed = time.perf_counter() - started
    assert document.published == PartialDate(2017, 3, 6)
    assert len(document.text) > 0.95 * size
    assert elapsed < 30, f"{elapsed:.1f} s for {size / 1e6:.0f} MB"
    # Memory on a tenth of the file (tracemalloc slows everything down): a few copies, nothing quadratic.
    small = tmp_path / "small.txt"
    with path.open("rb") as source:
        small.write_bytes(source.read(size // 10))
    del document
    tracemalloc.start()
    try:
        read_document(small)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * (size // 10), f"peak {peak / 1e6:.0f} MB for {size / 10e6:.0f} MB"
