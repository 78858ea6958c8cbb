"""Issue classification from the taxonomy's keywords in three languages."""

from __future__ import annotations

import pytest

from db.ingest.classify import FALLBACK_ISSUE, IssueClassifier
from db.ingest.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("language", "statement", "issue"),
    [
        ("en", "Japan urged Russia to do more about North Korea's missile launches.", "north_korea"),
        ("en", "The Aegis Ashore system is aimed at protecting against attacks from North Korea.", "missile_defense"),
        ("en", "Russia has no right to deploy troops and a new division on the islands.", "security_military"),
        (
            "ru",
            "Лавров заявил, что мирный договор может быть подписан только после признания итогов войны.",
            "peace_treaty",
        ),
        ("ru", "Стороны обсудили санкции, введённые после присоединения Крыма.", "sanctions"),
        ("ja", "河野外相は、北方四島の帰属の問題を解決したいと述べた。", "territorial_dispute"),
        ("ja", "双方は、漁業協定に基づく安全操業について協議した。", "fisheries"),
    ],
)
def test_keywords(gazetteer: Gazetteer, language: str, statement: str, issue: str) -> None:
    assert IssueClassifier(gazetteer, language).classify(statement).slug == issue


def test_no_keyword_falls_back(gazetteer: Gazetteer) -> None:
    result = IssueClassifier(gazetteer, "en").classify("He smiled.")
    assert (result.slug, result.score) == (FALLBACK_ISSUE, 0.0)


def test_linked_claim_is_filed_under_what_is_linked(gazetteer: Gazetteer) -> None:
    statement = "Joint economic activity should be a step towards a peace treaty."
    assert IssueClassifier(gazetteer, "en").classify(statement).slug == "joint_economic_activity"


def test_anaphoric_statement_takes_the_paragraph_topic(gazetteer: Gazetteer) -> None:
    paragraph = "The ministers talked about joint economic activities on the islands. Putin agreed on this activity."
    classifier = IssueClassifier(gazetteer, "en")
    assert classifier.classify("Putin agreed on this activity during the visit.", paragraph).slug == (
        "joint_economic_activity"
    )
    # a statement naming its own topic keeps it, whatever the paragraph is about
    assert classifier.classify("Kono suggested a visit before the summit.", paragraph).slug == "other"


def test_narrower_issue_takes_precedence(gazetteer: Gazetteer) -> None:
    statement = "Joint projects on the four disputed islands, such as sea urchin farming, were proposed."
    assert IssueClassifier(gazetteer, "en").classify(statement).slug == "joint_economic_activity"
