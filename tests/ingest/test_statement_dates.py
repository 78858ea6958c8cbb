"""Statement dates: the sentence's own date, the event referred to, the paragraph, or the publication date."""

from __future__ import annotations

from db.ingest.cues import SPEECH, STANCE
from db.ingest.sentences import split_sentences
from db.ingest.statement_dates import DateResolver, StatementDate
from db.partial_date import PartialDate


def dated(  # noqa: PLR0913
    text: str,
    cue: str,
    published: PartialDate,
    language: str = "en",
    cue_class=SPEECH,
    speaker: str = "",  # noqa: ANN001
) -> StatementDate:
    """The date of the statement whose cue is the first occurrence of `cue` (feeding all earlier sentences), said by
    the first occurrence of `speaker`."""
    resolver = DateResolver(text, language, published)
    at = text.index(cue)
    speaker_start = text.index(speaker) if speaker else None
    for sentence in split_sentences(text, language):
        if sentence.start <= at < sentence.end:
            return resolver.resolve(sentence, at, at + len(cue), cue_class, speaker_start)
        resolver.observe(sentence)
    raise AssertionError("cue not found")


APRIL_2017 = PartialDate(2017, 4)


def test_explicit_date_in_the_sentence() -> None:
    text = "Lavrov, in an interview on March 29, stated that the law applies."
    result = dated(text, "stated", APRIL_2017, speaker="Lavrov")
    assert (result.value.iso(), result.basis) == ("2017-03-29", "explicit")


def test_a_date_of_what_was_said_does_not_date_the_saying() -> None:
    aug_5 = PartialDate(2019, 8, 5)
    text = "He said the government has also protested the premier's visit to the island, last Friday."
    assert dated(text, "said", aug_5, speaker="He").basis == "article"  # the visit was last Friday
    text = "Japan has voiced its concerns on Wednesday, Chief Cabinet Secretary Matsuno told reporters on Thursday."
    assert dated(text, "told", aug_5, speaker="Matsuno").value.iso() == "2019-08-01"
    text = "Suga said on Monday that the drills were unacceptable."
    assert dated(text, "said", aug_5, speaker="Suga").value.iso() == "2019-08-05"
    text = "«Япония будет действовать самостоятельно», — сказал во вторник министр. В декабре Япония это подтвердила."
    assert dated(text, "сказал", aug_5, "ru", speaker="министр").value.iso() == "2019-07-30"


def test_event_referred_to_later() -> None:
    text = (
        "On March 20, a 2 + 2 meeting was held in Tokyo. The strategic dialogue was held on March 30.\n"
        "Among the events, the talks in the 2 + 2 format drew most interest.\n"
        "During the talks, Inada protested against the deployment."
    )
    result = dated(text, "protested", APRIL_2017)
    assert (result.value.iso(), result.basis) == ("2017-03-20", "inferred")


def test_deadlines_plans_and_future_dates_are_not_statement_dates() -> None:
    text = "Last week the ministers met in Moscow.\nKono and Lavrov agreed to hold talks in December of this year."
    assert dated(text, "agreed", PartialDate(2017, 11)).value.iso() == "2017-11"
    deadline = dated("Inada protested against plans to deploy a division by the end of the year.", "protested",
                     PartialDate(2017, 4))  # fmt: skip
    assert deadline.basis == "article"


def test_date_earlier_in_the_paragraph() -> None:
    text = "The answer came at the end of March from a general. At the conference in Geneva, he bluntly stated it."
    result = dated(text, "stated", APRIL_2017)
    assert (result.value.iso(), result.basis) == ("2017-03", "inferred")


def test_present_stance_takes_the_publication_date() -> None:
    text = "On March 20, a 2 + 2 meeting was held.\nThe Japanese government is considering new ships."
    result = dated(text, "is considering", APRIL_2017, cue_class=STANCE)
    assert (result.value.iso(), result.basis) == ("2017-04", "article")


def test_year_only_date_refined_by_the_known_event() -> None:
    text = "On March 20, a 2 + 2 meeting was held.\nAt the talks in the 2 + 2 format this year, Inada said no."
    assert dated(text, "said", APRIL_2017).value.iso() == "2017-03-20"


def test_russian_and_japanese_dates() -> None:
    ru = dated("Лавров заявил 24 ноября, что переговоры продолжатся.", "заявил", PartialDate(2017, 11, 27), "ru")
    assert (ru.value.iso(), ru.basis) == ("2017-11-24", "explicit")
    ja = dated("河野外相は11月24日、会談後に「協議を続ける」と述べた。", "と述べた", PartialDate(2017, 11, 27), "ja")
    assert ja.value.iso() == "2017-11-24"


def test_no_date_anywhere() -> None:
    result = dated("Lavrov said the talks went well.", "said", None)  # type: ignore[arg-type]
    assert (result.value, result.basis) == (None, "unknown")  # not known: no stand-in date


def test_japanese_day_only_dates_take_the_publication_month() -> None:
    published = PartialDate(2018, 1, 24)
    assert dated("ラブロフ外相は22日、記者会見で述べた。", "述べた", published, "ja").value.iso() == "2018-01-22"
    assert dated("河野外相は30日、訪問について述べた。", "述べた", published, "ja").value.iso() == "2017-12-30"


def test_the_next_day_counts_from_the_date_last_mentioned() -> None:
    text = "岸田首相は先月7日の大会で演説した。\nザハロワ情報局長は翌日の記者会見で、主権は確定していると述べた。"
    result = dated(text, "と述べた", PartialDate(2023, 3, 15), "ja")
    assert (result.value.iso(), result.basis) == ("2023-02-08", "inferred")
    text = "On March 20, the ministers met in Tokyo.\nThe next day, Lavrov said the talks had been useful."
    assert dated(text, "said", APRIL_2017).value.iso() == "2017-03-21"


def test_japanese_day_only_dates_a_statement() -> None:
    text = "ルデンコ外務次官は13日、交渉の再開はあり得ないと語った。"
    result = dated(text, "と語った", PartialDate(2023, 3, 15), "ja")
    assert (result.value.iso(), result.basis) == ("2023-03-13", "inferred")


def test_a_finer_date_beats_a_nearer_year() -> None:
    text = "日ロ両政府は25日、北海道沖での今年のサケ・マス漁をめぐる協議で妥結した。"
    result = dated(text, "で妥結した", PartialDate(2023, 4, 26), "ja")
    assert result.value.iso() == "2023-04-25"
