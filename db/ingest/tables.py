"""CSV and JSON(L) tables of ready-made statements: the import path for analysts who already have a spreadsheet.

Columns (header names are case-insensitive; spaces become underscores):

required
    ``speaker``  canonical or written name of who spoke;
    ``side``     side slug (``russia``, ``japan``, ... or ``media``/``expert``);
    ``issue``    issue slug (``peace_treaty``, ...);
    ``date``     when it was said: ISO ``2017-03-18``/``2017-03``/``2017``, ``18.03.2017``, ``March 18, 2017``,
                 ``18 марта 2017 г.``, ``2017年3月18日``;
    ``quote``    the statement, verbatim.
optional
    ``speaker_as_written``, ``kind`` (``direct_quote``, ``reported`` (default), ``characterization``),
    ``source_title``, ``outlet``, ``url``, ``published`` (a date like ``date``), ``language`` (``en``/``ru``/``ja``;
    default from the quote's script), ``date_precision`` (``day``/``month``/``year``: coarsens ``date``).

Other columns are ignored. Each returned row also has ``row``: its number as below, for later messages.
CSV may use commas, semicolons or tabs. JSON is a list of objects, an object with a
``statements`` list, or JSON Lines. Rows are numbered as a spreadsheet shows them: in CSV the header is row 1 and
the first statement row 2; in JSON the first object is row 1; in JSON Lines the row is the line number.
Numeric dates with slashes are read day-first or month-first once for the whole table (a cell like 25/12/2017
decides it), never per cell.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from db.ingest.dates import dayfirst_for, parse_date
from db.ingest.errors import IngestError
from db.ingest.languages import LANGUAGES
from db.ingest.normalise import language_by_script, normalise_text
from db.partial_date import PartialDate
from db.untrusted_input import InputFileError, check_json_nesting

REQUIRED_COLUMNS = ("speaker", "side", "issue", "date", "quote")
OPTIONAL_COLUMNS = ("speaker_as_written", "kind", "source_title", "outlet", "url", "published", "language",
                    "date_precision")  # fmt: skip
KINDS = ("direct_quote", "reported", "characterization")
PRECISIONS = ("day", "month", "year")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # sides and issues, here and in annotation exchange files
MAX_SLUG = 64
_SLASH_DATE = re.compile(r"^\s*(\d{1,2})[/-](\d{1,2})[/-]\d{2,4}\s*$")


def parse_table(text: str, fmt: str, path: str | Path | None = None) -> list[dict[str, Any]]:
    """Validated statement rows from a CSV or JSON table; raises IngestError naming the row and the value."""
    try:
        numbered = _csv_rows(text) if fmt == "csv" else _json_rows(text)
        if not numbered:
            raise IngestError("the table has no statements")
        header = set().union(*(row.keys() for _, row in numbered))
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise IngestError(f"missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
        dayfirst = _table_dayfirst([row.get("date", "") for _, row in numbered])
        return [_validated(number, row, dayfirst) for number, row in numbered]
    except IngestError as error:
        raise error.with_path(path) if path is not None else error from None


def _key(name: Any) -> str:
    return "_".join(str(name).replace("\ufeff", "").strip().lower().split())


def _csv_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [_key(name) for name in next(reader)]
    except StopIteration:
        return []
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    if duplicates:
        raise IngestError(f"duplicate columns: {', '.join(duplicates)}", row=1)
    rows = []
    number = 1  # the header; a record with a line break inside a quoted cell is still one row
    try:
        for cells in reader:
            number += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                raise IngestError(f"{len(cells)} cells but the header has {len(header)} columns", row=number)
            rows.append((number, {name: cell for name, cell in zip(header, cells, strict=False) if name}))
    except csv.Error as exc:
        raise IngestError(f"not valid CSV: {exc}", row=number + 1) from exc
    return rows


def _json_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        check_json_nesting(text)
    except InputFileError as exc:
        raise IngestError(str(exc)) from None
    try:
        data = json.loads(text)
        items = data.get("statements") if isinstance(data, dict) and "statements" in data else data
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            raise IngestError("a JSON table must be a list of statement objects")
        numbered = list(enumerate(items, start=1))
    except json.JSONDecodeError:
        numbered = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    numbered.append((number, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise IngestError(f"not valid JSON: {exc.msg}", line=number) from exc
    rows = []
    for number, item in numbered:
        if not isinstance(item, dict):
            raise IngestError("expected an object with statement fields", row=number)
        rows.append((number, {_key(k): v for k, v in item.items()}))
    return rows


def _table_dayfirst(cells: list[Any]) -> bool | None:
    """One decision per table: a slash/dash date with a first number > 12 makes it day-first, and vice versa."""
    for cell in cells:
        match = _SLASH_DATE.match(str(cell or ""))
        if match and int(match[1]) > 12:
            return True
        if match and int(match[2]) > 12:
            return False
    return None


def _text(row: dict[str, Any], name: str) -> str:
    value = row.get(name)
    return "" if value is None else normalise_text(str(value))


def _validated(number: int, row: dict[str, Any], dayfirst: bool | None) -> dict[str, Any]:
    def fail(message: str) -> IngestError:
        return IngestError(message, row=number)

    out: dict[str, Any] = {name: _text(row, name) for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
    for name in ("speaker", "side", "issue", "quote"):
        if not out[name]:
            raise fail(f"empty {name}")
    for name in ("side", "issue"):
        out[name] = out[name].lower()
        if not SLUG.match(out[name]) or len(out[name]) > MAX_SLUG:
            raise fail(f"bad {name} '{out[name]}' (use the slug, e.g. 'russia' or 'peace_treaty')")
    out["language"] = out["language"].lower() or language_by_script(out["quote"])
    if out["language"] not in LANGUAGES:
        raise fail(f"bad language '{out['language']}' ({', '.join(LANGUAGES)})")
    if dayfirst is None:
        dayfirst = dayfirst_for(out["language"])
    out["kind"] = out["kind"].lower() or "reported"
    if out["kind"] not in KINDS:
        raise fail(f"bad kind '{out['kind']}' ({', '.join(KINDS)})")
    out["speaker_as_written"] = out["speaker_as_written"] or out["speaker"]

    date_text = out["date"]
    if not date_text:
        raise fail("empty date")
    try:
        date = parse_date(date_text, out["language"], dayfirst)
    except ValueError:
        raise fail(f"bad date '{date_text}'") from None
    precision = out["date_precision"].lower()
    if precision:
        if precision not in PRECISIONS:
            raise fail(f"bad date_precision '{precision}' (day, month or year)")
        if PRECISIONS.index(precision) < PRECISIONS.index(date.precision):
            raise fail(f"date '{date_text}' has no {precision}")
        date = PartialDate(
            date.year, date.month if precision != "year" else None, date.day if precision == "day" else None
        )
    out["date"] = date
    out["date_precision"] = date.precision

    published: PartialDate | None = None
    if out["published"]:
        try:
            published = parse_date(out["published"], out["language"], dayfirst)
        except ValueError:
            raise fail(f"bad published date '{out['published']}'") from None
    out["published"] = published
    for name in ("source_title", "outlet", "url"):
        out[name] = out[name] or None
    out["row"] = number  # the row number as the user sees it, for later messages about this row
    return out
