"""Language packs: every language the pipeline knows is one pack, and the stages name no language themselves.

Adding a fourth language (Chinese is next) must mean adding a pack, its word lists and its tests: these tests
hold the stages to that.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from db.ingest import languages
from db.ingest.document import Document
from db.ingest.extract import extract_candidates
from db.ingest.gazetteer import Gazetteer
from db.ingest.languages import LANGUAGES, PACKS, detect_language, pack_for
from db.partial_date import PartialDate

INGEST = Path(__file__).resolve().parents[2] / "db" / "ingest"
SAMPLES = {
    "en": "Foreign Minister Taro Kono said on Tuesday that Japan wants a peace treaty.",
    "ru": "Министр иностранных дел Сергей Лавров заявил во вторник, что Москва готова к переговорам.",
    "ja": "河野外相は23日、平和条約の締結を目指すと述べた。",
}


def test_every_language_is_a_registered_pack() -> None:
    assert set(LANGUAGES) == set(SAMPLES) == set(PACKS)
    for code, sample in SAMPLES.items():
        pack = pack_for(code)
        assert pack.code == code and pack.name
        assert pack.find_cues(sample, 0, len(sample)), f"{code}: no cue in {sample!r}"
        assert pack.date_rules, code
        assert detect_language(sample) == code


def test_an_unknown_language_is_read_with_the_base_pack() -> None:
    assert pack_for("xx") is PACKS["en"]
    assert detect_language("") == "en" and detect_language("12345 !") == "en"


def test_the_stages_name_no_language() -> None:
    """Outside languages/, no module compares with or looks up a language code other than the base English."""
    others = set(LANGUAGES) - {"en"}
    offenders = []
    for path in INGEST.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in others:
                offenders.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert not offenders, offenders


def test_a_fourth_language_is_only_a_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pack registered under a new code is used by every stage: here an 'English-like' test language (its issue
    keywords would come with it in the taxonomy; without them the issue is the catch-all)."""
    test_pack = dataclasses.replace(PACKS["en"], code="xx", name="Test language")
    monkeypatch.setitem(languages.PACKS, "xx", test_pack)
    text = "Foreign Minister Taro Kono said Japan will continue the talks on a peace treaty."
    document = Document("t.txt", "0" * 64, "text", "utf-8", "xx", text, published=PartialDate(2018, 5, 4))
    candidates = extract_candidates(document, Gazetteer.load())
    assert [(c.speaker, c.side, c.said_on) for c in candidates] == [("Taro Kono", "japan", PartialDate(2018, 5, 4))]
