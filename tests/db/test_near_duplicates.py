"""Near-duplicate quotes: the threshold measured on hand-written pairs in three languages, and the lookups."""

from __future__ import annotations

import pytest

from db.near_duplicates import THRESHOLD, dates_near, quote_similarity
from db.partial_date import PartialDate
from tests.db.near_duplicate_pairs import HELD_OUT, PAIRS


def precision_recall(pairs: list[tuple[str, str, str, bool]], language: str | None = None) -> tuple[float, float]:
    chosen = [(quote_similarity(a, b) >= THRESHOLD, same) for lang, a, b, same in pairs if language in (None, lang)]
    true_positives = sum(found and same for found, same in chosen)
    found = sum(found for found, _same in chosen)
    actual = sum(same for _found, same in chosen)
    return true_positives / found, true_positives / actual


@pytest.mark.parametrize("language", ["en", "ru", "ja"])
def test_the_threshold_separates_same_statements_from_different_ones(language: str) -> None:
    precision, recall = precision_recall(PAIRS, language)
    assert precision >= 0.85 and recall >= 0.85, (precision, recall)


def test_the_threshold_holds_on_pairs_written_after_it_was_chosen() -> None:
    precision, recall = precision_recall(HELD_OUT)
    assert precision >= 0.85 and recall >= 0.8, (precision, recall)


def test_similarity_survives_inflection_word_order_punctuation_and_missing_spaces() -> None:
    russian = ("Москва не намерена передавать острова Японии.", "«Москва не намерена передавать Японии острова».")
    assert quote_similarity(*russian) >= THRESHOLD
    japanese = ("北方領土問題を解決して平和条約を締結する", "北方領土問題を解決し、平和条約を締結する")
    assert quote_similarity(*japanese) > 0.7
    assert quote_similarity("ＴＨＡＡＤ deployment is a threat", "THAAD deployment is a threat") == 1.0
    assert quote_similarity("Мы готовы к диалогу", "平和条約を締結する") < 0.1


def test_near_dates_allow_a_day_or_two_and_imprecise_periods() -> None:
    day = PartialDate(2018, 11, 14)
    assert dates_near(day, PartialDate(2018, 11, 16)) and not dates_near(day, PartialDate(2018, 11, 17))
    assert dates_near(day, PartialDate(2018, 11)) and not dates_near(day, PartialDate(2018, 12))
    assert dates_near(PartialDate(2018), day)
