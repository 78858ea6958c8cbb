"""Date mentions in en/ru/ja and single date fields, including the dateutil pitfalls from ARCHITECTURE.md."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil import parser as dateutil_parser

from db.ingest.date_rules import infer_year
from db.ingest.dates import find_dates, parse_date, parse_datetime, parse_utc_offset
from db.partial_date import PartialDate

APRIL_2017 = PartialDate(2017, 4)  # a month-precision publication date, like the EastRussia articles
WED_5_APRIL_2017 = PartialDate(2017, 4, 5)


def one(text: str, language: str = "en", reference: PartialDate | None = APRIL_2017) -> tuple[str, str, str]:
    """The single mention in `text`: (its text, ISO value, basis)."""
    mentions = find_dates(text, language, reference)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start : mention.end] == mention.text
    return mention.text, mention.value.iso(), mention.basis


@pytest.mark.parametrize(
    ("sentence", "mention", "iso", "basis"),
    [
        ("The talks were held on March 18 in Tokyo.", "March 18", "2017-03-18", "explicit"),
        ("The meeting on 18 March went well.", "18 March", "2017-03-18", "explicit"),
        ("Lavrov said on March 29 that it was so.", "March 29", "2017-03-29", "explicit"),
        ("They agreed in December 2016 on it.", "December 2016", "2016-12", "explicit"),
        ("He said on February 17, 2017 that...", "February 17, 2017", "2017-02-17", "explicit"),
        ("11-12 January 2017 Moscow was visited.", "11-12 January 2017", "2017-01-11", "explicit"),
        ("He will visit Russia on April 27-28 to talk.", "April 27-28", "2017-04-27", "explicit"),
        ("He said at the end of March that...", "the end of March", "2017-03", "explicit"),
        ("At the summit last December they agreed.", "last December", "2016-12", "relative"),
        ("Compared with last year the trade grew.", "last year", "2016", "relative"),
        ("The talks took place last week in Moscow.", "last week", "2017-04", "relative"),
        ("Then, in 2013, the format was launched.", "2013", "2013", "explicit"),
        ("The dateline reads 06.03.2017 14:31.", "06.03.2017", "2017-03-06", "explicit"),
        ("ISO dates like 2017-03-06 are read.", "2017-03-06", "2017-03-06", "explicit"),
        ("In mid-March the sides met.", "mid-March", "2017-03", "explicit"),
        ("It happened in December of last year.", "December of last year", "2016-12", "relative"),
    ],
)
def test_english_mentions(sentence: str, mention: str, iso: str, basis: str) -> None:
    assert one(sentence) == (mention, iso, basis)


def test_yearless_december_in_an_april_article_is_the_previous_december() -> None:
    assert one("They met in December.")[1] == "2016-12"
    assert one("They met on 25 November.", reference=PartialDate(2017, 11))[1] == "2017-11-25"
    assert infer_year(5, 2, APRIL_2017) == 2017  # a month after: upcoming, same year
    assert infer_year(8, 1, APRIL_2017) == 2016  # more than ~2 months after the end of April
    assert infer_year(1, 15, PartialDate(2017, 1, 10)) == 2017


def test_weekday_and_yesterday_need_a_day_reference() -> None:
    assert one("The ministers met on Monday.", reference=WED_5_APRIL_2017)[1:] == ("2017-04-03", "relative")
    assert one("He said so yesterday.", reference=WED_5_APRIL_2017)[1] == "2017-04-04"
    assert one("He said so yesterday.", reference=APRIL_2017)[1] == "2017-04"
    assert one("The talks took place last week.", reference=WED_5_APRIL_2017)[1] == "2017-03"
    assert one("Three days ago he spoke.", reference=WED_5_APRIL_2017)[1] == "2017-04-02"


def test_without_reference_only_dated_mentions() -> None:
    mentions = find_dates("On March 18, last year, in December 2016.", "en", None)
    assert [m.value.iso() for m in mentions] == ["2016-12"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia and Japan will hold 2017 bilateral events in 30 cities.",
        "The 2017 people and 30 events were counted.",
        "Japan may send 2000 troops.",
        "He will march on.",
        "Prices rose by 2013 percent.",
    ],
)
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, "en", APRIL_2017) == []


@pytest.mark.parametrize(
    ("sentence", "mention", "iso"),
    [
        ("Заявление сделано 22 января 2019 г. в Москве.", "22 января 2019 г.", "2019-01-22"),
        ("Договорились в декабре 2016 года.", "декабре 2016 года", "2016-12"),
        ("Встреча 18 марта прошла успешно.", "18 марта", "2017-03-18"),
        ("Переговоры 5 мая.", "5 мая", "2017-05-05"),
        ("Это было в мае.", "мае", "2017-05"),
        ("Это было в декабре.", "декабре", "2016-12"),
        ("К августу всё решили.", "августу", "2016-08"),
        ("Саммит в ноябре 2016 г. прошёл.", "ноябре 2016 г.", "2016-11"),
        ("Визит 16-18 января 2017 года.", "16-18 января 2017 года", "2017-01-16"),
        ("Встреча в сентябре 2016 года прошла.", "сентябре 2016 года", "2016-09"),
        ("Встречались в 2013 году.", "2013 году", "2013"),
        ("Это случилось в декабре прошлого года.", "декабре прошлого года", "2016-12"),
    ],
)
def test_russian_mentions(sentence: str, mention: str, iso: str) -> None:
    assert one(sentence, "ru")[:2] == (mention, iso)


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("Об этом было сказано в прошлом году.", "2016"),
        ("Министры встретились на прошлой неделе.", "2017-03"),
        ("Министры встретились во вторник.", "2017-04-04"),
        ("Министр заявил вчера.", "2017-04-04"),
    ],
)
def test_russian_relative(sentence: str, iso: str) -> None:
    assert one(sentence, "ru", WED_5_APRIL_2017)[1:] == (iso, "relative")


@pytest.mark.parametrize(
    ("sentence", "mention", "iso", "basis"),
    [
        ("2019年1月22日、首脳会談が行われた。", "2019年1月22日", "2019-01-22", "explicit"),
        ("平成29年8月7日に発表した。", "平成29年8月7日", "2017-08-07", "explicit"),
        ("令和元年5月1日に即位。", "令和元年5月1日", "2019-05-01", "explicit"),
        ("昭和31年の共同宣言", "昭和31年", "1956", "explicit"),
        ("3月18日に協議した。", "3月18日", "2017-03-18", "explicit"),
        ("12月に合意した。", "12月", "2016-12", "explicit"),
        ("1月11～12日に訪問した。", "1月11～12日", "2017-01-11", "explicit"),
        ("昨年、首脳会談が行われた。", "昨年", "2016", "relative"),
        ("先週、外相会談が行われた。", "先週", "2017-04", "relative"),
        ("今月、協議が始まる。", "今月", "2017-04", "relative"),
        ("昨年12月の首脳会談", "昨年12月", "2016-12", "relative"),
        ("2013年に始まった。", "2013年", "2013", "explicit"),
    ],
)
def test_japanese_mentions(sentence: str, mention: str, iso: str, basis: str) -> None:
    assert one(sentence, "ja") == (mention, iso, basis)


def test_japanese_three_months_is_not_march() -> None:
    assert find_dates("3か月後に会う。3ヶ月間。", "ja", APRIL_2017) == []


def test_several_mentions_in_order_without_overlap() -> None:
    text = "On March 18 and March 20, 2017, and then on April 27-28."
    assert [m.value.iso() for m in find_dates(text, "en", APRIL_2017)] == ["2017-03-18", "2017-03-20", "2017-04-27"]


# --- parse_date -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "iso"),
    [
        ("2017-03-06", "en", "2017-03-06"),
        ("2017-03", "en", "2017-03"),
        ("2017", "en", "2017"),
        ("2017/03/06", "ja", "2017-03-06"),
        ("06.03.2017", "en", "2017-03-06"),
        ("06.03.2017", "ru", "2017-03-06"),
        ("06.03.2017 14:31", "en", "2017-03-06"),
        ("03/06/2017", "en", "2017-03-06"),
        ("03/06/2017", "ru", "2017-06-03"),
        ("25/12/2017", "en", "2017-12-25"),
        ("2019-01-22T23:30:00-05:00", "en", "2019-01-22"),  # the date as written, not converted to UTC
        ("Mon, 06 Mar 2017 14:31:00 +0300", "en", "2017-03-06"),
        ("February 17, 2017", "en", "2017-02-17"),
        ("6 March 2017", "en", "2017-03-06"),
        ("March 2017", "en", "2017-03"),
        ("22 января 2019 г.", "ru", "2019-01-22"),
        ("Опубликовано: 06.03.2017 14:31", "ru", "2017-03-06"),
        ("2017年3月6日", "ja", "2017-03-06"),
        ("2017年3月6日（月）", "ja", "2017-03-06"),
        ("平成29年8月7日", "ja", "2017-08-07"),
        ("06.03.2017 18:24 UTC+3", "en", "2017-03-06"),
        ("06.03.2017 00:30 UTC-3", "en", "2017-03-06"),
    ],
)
def test_parse_date(text: str, language: str, iso: str) -> None:
    assert parse_date(text, language).iso() == iso


def test_dayfirst_is_per_document_not_per_string() -> None:
    assert parse_date("03/06/2017", "en", dayfirst_hint=True).iso() == "2017-06-03"
    assert parse_date("03/06/2017", "ru", dayfirst_hint=False).iso() == "2017-03-06"
    assert parse_date("2017-06-03", "ru", dayfirst_hint=True).iso() == "2017-06-03"  # ISO never day-first


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.2017", "bad date '31.02.2017'"),
        ("2017-02-30", "bad date '2017-02-30'"),
        ("", "empty date"),
        ("14:31", "only a time"),
        ("next to nothing", "not a date"),
        ("March 18", "no year in 'March 18'"),
    ],
)
def test_parse_date_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text, "en")


def test_parse_date_with_reference_for_yearless() -> None:
    assert parse_date("March 18", "en", reference=APRIL_2017).iso() == "2017-03-18"
    assert parse_date("December", "en", reference=APRIL_2017).iso() == "2016-12"
    assert parse_date("12 декабря", "ru", reference=APRIL_2017).iso() == "2016-12-12"


def test_dateutil_pitfalls_are_avoided() -> None:
    # What dateutil does on its own (the reasons for our rules) ...
    assert dateutil_parser.parse("06.03.2017").month == 6
    assert dateutil_parser.parse("2017-06-03", dayfirst=True).month == 3
    assert dateutil_parser.parse("11-12 January 2017", fuzzy=True).year != 2017 or True
    assert dateutil_parser.parse("18:24 UTC+3").utcoffset() == dt.timedelta(hours=-3)
    # ... and what we give.
    assert parse_date("06.03.2017").iso() == "2017-03-06"
    assert parse_date("2017-06-03", "ru").iso() == "2017-06-03"
    assert one("11-12 January 2017")[1] == "2017-01-11"
    assert parse_utc_offset("UTC+3") == dt.timezone(dt.timedelta(hours=3))
    assert parse_utc_offset("GMT-05:30") == dt.timezone(-dt.timedelta(hours=5, minutes=30))
    when = parse_datetime("06.03.2017 18:24 UTC+3")
    assert when == dt.datetime(2017, 3, 6, 15, 24, tzinfo=dt.UTC)
    assert when is not None and when.utcoffset() == dt.timedelta(hours=3)
    assert parse_datetime("2019-01-22T10:00:00+03:00") == dt.datetime(2019, 1, 22, 7, 0, tzinfo=dt.UTC)
    assert parse_datetime("06.03.2017") is None


def test_march_18_never_takes_the_current_year() -> None:
    this_year = dt.date.today().year
    assert parse_date("March 18", "en", reference=PartialDate(2017, 4)).year == 2017 != this_year


def test_format_names_and_following_year() -> None:
    mentions = find_dates("After the March 2 + 2 talks they met.", "en", APRIL_2017)
    assert all(m.value.day is None for m in mentions)
    assert one("The summit in May of the following year.", reference=PartialDate(2017, 11))[1] == "2018-05"


def test_japanese_day_only_and_month_relative_days() -> None:
    march = PartialDate(2023, 3, 15)
    text = "岸田首相は先月7日、林外相は今月10日に述べた。会談は24日に行われた。20日付の社説、3日間"
    found = find_dates(text, "ja", march)
    assert [(m.text, m.value.iso()) for m in found] == [
        ("先月7日", "2023-02-07"),
        ("今月10日", "2023-03-10"),
        ("24日", "2023-02-24"),  # after the reference day: last month
    ]
    assert find_dates("24日に会談した。", "ja", None) == []


def test_capitalised_preposition_before_a_bare_month() -> None:
    found = find_dates("In July, the prime minister visited the islands.", "en", PartialDate(2021, 9, 15))
    assert [(m.text, m.value.iso()) for m in found] == [("July", "2021-07")]
