"""Publication dates as pages give them: datelines of every shape, signatures at the end, and the file's name."""

from __future__ import annotations

import pytest

from db.ingest.metadata import detect_metadata
from db.ingest.published import file_name_date
from db.partial_date import PartialDate


def _published(text: str, language: str, file_name: str = "article.txt") -> tuple[str | None, str]:
    meta = detect_metadata(text, language, file_name=file_name)
    return (meta.published.iso() if meta.published else None), meta.published_basis


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Talks resume\nFriday, March 2, 2012 (PM)\n\nThe minister spoke.", "en", "2012-03-02"),
        ("Briefing\nWednesday, January 27, 2016, 4:40 p.m. Ministry of Foreign Affairs\n\nText.", "en", "2016-01-27"),
        ("Quota talks\n\nOSAKA (Wire Service - 14th May, 2021) Japan and Russia agreed.", "en", "2021-05-14"),
        ("Переговоры продолжатся\n14:51, 24 февраля, 2019\n\nМинистр выступил.", "ru", "2019-02-24"),
        ("Посол ответил\n12:05 15.11.2022 Источник: агентство\n\nПосол заявил.", "ru", "2022-11-15"),
        ("Визит\n14.01.2019 г.\n\nТекст.", "ru", "2019-01-14"),
        ("会見記録\n(令和4年3月22日(火曜日)10時15分 於:会見室)\n\n【外務大臣】以上です。", "ja", "2022-03-22"),
        ("外相が会見\n\n外相は会見で述べた。\n通信社 2021年6月3日 17時28分", "ja", "2021-06-03"),
    ],
)
def test_datelines_in_their_common_shapes(text: str, language: str, expected: str) -> None:
    assert _published(text, language)[0] == expected


def test_a_body_sentence_with_a_date_is_no_dateline() -> None:
    text = "Sanctions widen\nOn March 18, Japan introduced a first package of sanctions on Russia.\n\nText."
    assert _published(text, "en") == (None, "")
    text = "Визит\n\nВ пятницу, 24 февраля 2019 года, министр прилетел в Токио и провёл переговоры с коллегой.\n"
    assert _published(text, "ru")[0] is None


def test_a_wire_dateline_takes_its_year_from_the_file_name() -> None:
    text = "Talks\n\nOSAKA, June 3. /WIRE/. Japan said it would continue the talks."
    assert _published(text, "en") == (None, "")  # no year anywhere: not guessed
    date, basis = _published(text, "en", "notes_2024-06-03.txt")
    assert date == "2024-06-03" and "dateline" in basis and "file name" in basis
    text = "МОСКВА, 27 янв - Агентство. Министр заявил о последствиях."
    assert _published(text, "ru", "peskov 20230127.txt")[0] == "2023-01-27"


def test_the_file_name_is_the_last_resort() -> None:
    date, basis = _published("外相が会見\n\n外相は21日、会談した。", "ja", "kyodo_talks_2015-09-21.txt")
    assert date == "2015-09-21" and "file name" in basis
    assert file_name_date("review_2017-11.txt") == PartialDate(2017, 11)
    assert file_name_date("draft-20190224-v2.txt") == PartialDate(2019, 2, 24)
    assert file_name_date("2019-13-45 notes.txt") is None
    assert file_name_date("scan0001.txt") is None
