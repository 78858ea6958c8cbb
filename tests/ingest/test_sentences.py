"""Sentence splitting keeps offsets, abbreviations, initials and multi-sentence quotations together."""

from __future__ import annotations

from db.ingest.sentences import paragraphs, quotation_spans, split_sentences


def _texts(text: str, language: str = "en") -> list[str]:
    sentences = split_sentences(text, language)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


def test_english_sentences_and_abbreviations() -> None:
    text = "Mr. Abe met the U.S. envoy on Jan. 5. He said talks went well! Did they? Yes."
    assert _texts(text) == ["Mr. Abe met the U.S. envoy on Jan. 5.", "He said talks went well!", "Did they?", "Yes."]


def test_initials_do_not_end_a_sentence() -> None:
    expected = ["S. Lavrov spoke first.", "В. Путин ответил позже."]
    assert _texts("S. Lavrov spoke first. В. Путин ответил позже.") == expected


def test_quotation_spanning_sentences_stays_one_sentence() -> None:
    text = 'The minister stated: "We are ready. The talks will go on. Nothing is decided." Then he left.'
    assert _texts(text) == [
        'The minister stated: "We are ready. The talks will go on. Nothing is decided."',
        "Then he left.",
    ]


def test_mixed_quotation_marks_pair() -> None:
    text = 'He said: “We agree. It is done. " Later they met.'
    assert quotation_spans(text)[0] == (9, text.index('"') + 1)
    assert len(_texts(text)) == 2


def test_russian_and_japanese() -> None:
    assert _texts("Лавров заявил о рисках. «Мы готовы», — сказал он.", "ru") == [
        "Лавров заявил о рисках.",
        "«Мы готовы», — сказал он.",
    ]
    ja = "河野外相は会談した。「早期に実現したい。全力を尽くす」と述べた。"
    assert _texts(ja, "ja") == ["河野外相は会談した。", "「早期に実現したい。全力を尽くす」と述べた。"]


def test_lines_are_paragraphs_and_headings_are_sentences() -> None:
    text = "Restored format\n\nThe talks resumed. Both sides spoke.\nA heading without stop"
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    assert len(paragraphs(text)) == 3
    assert sentences[1].paragraph_start == text.index("The talks")
