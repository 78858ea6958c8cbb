"""Moments in time as the user gives and reads them, against the UTC timestamps the database stores.

"Changes since 1 March" means since the user's midnight of 1 March, not UTC's; a stored timestamp is shown
in the user's local time.
"""

from __future__ import annotations

import datetime as dt

STORED = "%Y-%m-%dT%H:%M:%S.%fZ"


def moment_from_day(day: str | dt.date) -> str:
    """The stored (UTC) form of the start of a local day (`2025-03-01`)."""
    date = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
    local = dt.datetime(date.year, date.month, date.day).astimezone()
    return local.astimezone(dt.UTC).strftime(STORED)


def moment_from_text(text: str) -> str:
    """A day (`2025-03-01`) or a stored timestamp, as a stored timestamp; raises ValueError otherwise."""
    text = text.strip()
    if "T" in text:
        return parse_stored(text).strftime(STORED)
    return moment_from_day(text)


def parse_stored(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def moment_label(stamp: str) -> str:
    """`3 Mar 2025, 14:02` in local time."""
    local = parse_stored(stamp).astimezone()
    return f"{local.day} {local:%b %Y, %H:%M}"


def day_label(iso_day: str) -> str:
    """`15 Jan 2026` for an ISO day."""
    day = dt.date.fromisoformat(iso_day)
    return f"{day.day} {day:%b %Y}"
