import datetime as dt

import pytest

from db.partial_date import PartialDate
from desktop import buckets


@pytest.mark.parametrize(
    ("said_on", "precision", "granularity", "key"),
    [
        ("2017-03-06", "day", "day", "2017-03-06"),
        ("2017-03-06", "day", "month", "2017-03"),
        ("2017-03-06", "day", "quarter", "2017-Q1"),
        ("2017-12-31", "day", "quarter", "2017-Q4"),
        ("2017-03-06", "day", "year", "2017"),
        ("2017-03-01", "month", "day", "2017-03"),  # known to the month: never shown as the 1st
        ("2017-03-01", "month", "quarter", "2017-Q1"),
        ("2017-01-01", "year", "month", "2017"),  # known to the year: not January
        ("2017-01-01", "year", "year", "2017"),
    ],
)
def test_bucket_key(said_on: str, precision: str, granularity: str, key: str) -> None:
    assert buckets.bucket_key(said_on, precision, granularity) == key


def test_imprecise_rows_sort_before_the_periods_they_contain() -> None:
    keys = ["2017-02", "2017", "2017-01", "2016-12"]
    assert sorted(keys) == ["2016-12", "2017", "2017-01", "2017-02"]
    assert sorted(["2017-03-02", "2017-03", "2017-03-01"]) == ["2017-03", "2017-03-01", "2017-03-02"]


def test_key_range_and_fetch_range() -> None:
    assert buckets.key_range("2016-02") == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    assert buckets.key_range("2017-Q2") == (dt.date(2017, 4, 1), dt.date(2017, 6, 30))
    assert buckets.key_range("2017") == (dt.date(2017, 1, 1), dt.date(2017, 12, 31))
    # a year row under monthly granularity holds only year-precise statements, stored on 1 January
    assert buckets.fetch_range("2017", "month") == (dt.date(2017, 1, 1), dt.date(2017, 1, 1))
    assert buckets.fetch_range("2017", "year") == (dt.date(2017, 1, 1), dt.date(2017, 12, 31))


def test_labels() -> None:
    assert buckets.bucket_label("2017-03-06", "day") == "6 Mar 2017"
    assert buckets.bucket_label("2017-03", "month") == "March 2017"
    assert buckets.bucket_label("2017-03", "month", short=True) == "Mar 2017"
    assert buckets.bucket_label("2017-Q1", "quarter") == "Q1 2017"
    assert buckets.bucket_label("2017", "month") == "2017 (no finer date)"
    assert buckets.bucket_label("2017", "month", short=True) == "2017\n(no finer date)"
    assert buckets.date_label(PartialDate(2017, 3)) == "March 2017"
    assert buckets.date_label(PartialDate(2017, 3, 6)) == "6 March 2017"
    assert buckets.date_label(PartialDate(2017, 3, 6), short=True) == "6 Mar 2017"
    assert buckets.date_label(PartialDate(2017)) == "2017"
    assert buckets.date_label(None) == "date unknown"
    assert buckets.date_label(None, unknown="дата неизвестна") == "дата неизвестна"
    assert buckets.bucket_label(buckets.UNDATED, "month") == "Date unknown"


def test_statements_of_unknown_date_share_one_row_after_every_date() -> None:
    assert buckets.bucket_key(None, "unknown", "day") == buckets.UNDATED
    assert buckets.statement_key(None, "quarter") == buckets.UNDATED
    assert buckets.statement_key(PartialDate(2017, 3), "day") == "2017-03"
    keys = [buckets.UNDATED, "2099-12-31", "2017", "9999-Q4", "2017-03"]
    assert sorted(keys)[-1] == buckets.UNDATED
    counts = [("russia", None, "unknown", 2), ("japan", None, "unknown", 1), ("russia", "2017-03", "day", 4)]
    assert buckets.group_counts(counts, "year") == {buckets.UNDATED: {"russia": 2, "japan": 1}, "2017": {"russia": 4}}


def test_group_counts_regroups_the_same_day_counts() -> None:
    rows = [
        ("russia", "2017-01-01", "year", 2),
        ("russia", "2017-01-05", "day", 1),
        ("japan", "2017-02-10", "day", 3),
        ("japan", "2017-04-01", "month", 1),
    ]
    assert buckets.group_counts(rows, "month") == {
        "2017": {"russia": 2},
        "2017-01": {"russia": 1},
        "2017-02": {"japan": 3},
        "2017-04": {"japan": 1},
    }
    assert buckets.group_counts(rows, "quarter") == {"2017": {"russia": 2}, "2017-Q1": {"russia": 1, "japan": 3},
                                                     "2017-Q2": {"japan": 1}}  # fmt: skip
    assert buckets.group_counts(rows, "year") == {"2017": {"russia": 3, "japan": 4}}
