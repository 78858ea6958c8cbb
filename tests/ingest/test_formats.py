"""Format detection by extension and by content, and Markdown markup removal."""

from __future__ import annotations

import pytest

from db.ingest.formats import detect_format, markdown_to_text, sniff_format


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.html", "html"), ("a.HTM", "html"), ("a.md", "markdown"), ("a.csv", "csv"), ("a.tsv", "csv"),
     ("a.json", "json"), ("a.jsonl", "json")],
)  # fmt: skip
def test_specific_extension_wins(name: str, expected: str) -> None:
    assert detect_format(name, "plain words") == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("<!-- saved --><html lang=ru><p>Привет</p>", "html"),
        ('[{"speaker": "Lavrov", "quote": "x"}]', "json"),
        ('{"speaker": "Lavrov", "quote": "x"}\n{"speaker": "Kono", "quote": "y"}\n', "json"),
        ("speaker,side,issue,date,quote\nLavrov,russia,other,2017-03-20,Text\n", "csv"),
        ("speaker;side;issue;date;quote\n", "csv"),
        ("# Title\n\nSome **bold** text and a [link](http://x).\n", "markdown"),
        ("The minister said: talks <will> continue. Prices rose 5% in {2017}.\n", "text"),
        ("Министр заявил, что переговоры продолжатся.\n", "text"),
        ("[citation needed] is a phrase.\n", "text"),
    ],
)
def test_sniffing(content: str, expected: str) -> None:
    assert sniff_format(content) == expected
    assert detect_format("saved.txt", content) == expected


def test_markdown_to_text_keeps_words_only() -> None:
    md = (
        "# Talks continue\n\nThe **minister** said [in Moscow](https://example.org/x) that *talks* go on.\n\n"
        "![a photo](img.png)\n\n- first point\n- second point\n\n> quoted line\n\n`code`\n"
    )
    text = markdown_to_text(md)
    assert "Talks continue" in text
    assert "The minister said in Moscow that talks go on." in text
    assert "https://" not in text and "img.png" not in text and "#" not in text and "**" not in text
    assert "first point\nsecond point" in text
    assert "quoted line" in text and ">" not in text
