"""Reading an annotations exchange file strictly, before anything is written (docs/annotation-exchange.md).

A file that is not JSON, is cut short, names another format, comes from a newer version of the format, or has
a field of the wrong shape is refused here with a message that says where the problem is; the merge in
db/annotation_exchange.py only ever sees a file that passed every check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from db.annotations import ALL_KINDS as ANNOTATION_KINDS
from db.annotations import SUMMARY
from db.errors import ValidationError
from db.ingest.tables import MAX_SLUG, SLUG
from db.partial_date import UNKNOWN, PartialDate
from db.statements import KINDS as STATEMENT_KINDS
from db.untrusted_input import InputFileError, TooLargeError, check_json_nesting, read_regular_file

FORMAT = "positions-annotations"
VERSION = 2  # 2: position summaries, done follow-ups; version 1 files are read as they always were
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_FILE_BYTES = 512 * 1024 * 1024


class ExchangeFileError(ValidationError):
    """The file cannot be imported; nothing was changed."""


def read_exchange_file(path: Path | str) -> dict[str, Any]:
    """The parsed and checked content of an exchange file, or ExchangeFileError."""
    path = Path(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except TooLargeError as exc:
        raise ExchangeFileError(f"{path}: {exc} for an annotations exchange file; nothing was imported") from None
    except InputFileError as exc:
        raise ExchangeFileError(f"{path}: {exc}; nothing was imported") from None
    except OSError as exc:
        raise ExchangeFileError(f"{path}: cannot read the file: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeFileError(f"{path}: not an annotations exchange file (not UTF-8 text)") from None
    return parse_exchange(text, str(path))


def parse_exchange(text: str, name: str = "the file") -> dict[str, Any]:
    try:
        check_json_nesting(text)
    except InputFileError as exc:
        raise ExchangeFileError(f"{name}: not an annotations exchange file: {exc}; nothing was imported") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        stripped = text.strip()
        if stripped and not stripped.startswith("{"):
            raise ExchangeFileError(
                f"{name}: not a Positions annotations exchange file (it is not JSON); nothing was imported"
            ) from None
        if not stripped or exc.pos >= len(stripped) - 1 or not stripped.endswith("}"):
            why = "it ends too early: the file is truncated (copy it again)"
        else:
            why = f"it is damaged at line {exc.lineno}, column {exc.colno} ({exc.msg})"
        message = f"{name}: not a complete annotations exchange file: {why}; nothing was imported"
        raise ExchangeFileError(message) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeFileError(
            f'{name}: not a Positions annotations exchange file (no "format": "{FORMAT}"); nothing was imported'
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeFileError(f"{name}: the exchange format version {version!r} is not valid; nothing was imported")
    if version > VERSION:
        raise ExchangeFileError(
            f"{name}: written by a newer Positions (exchange format version {version}; this one reads up to "
            f"{VERSION}). Update Positions to import it; nothing was imported."
        )
    try:
        _check_document(data)
    except ExchangeFileError as exc:
        raise ExchangeFileError(f"{name}: {exc}; nothing was imported") from None
    return data


def _fail(where: str, problem: str) -> None:
    raise ExchangeFileError(f"{where}: {problem}")


def _text(obj: dict[str, Any], key: str, where: str, *, optional: bool = False, nonempty: bool = False) -> None:
    value = obj.get(key)
    if value is None and optional:
        return
    if not isinstance(value, str):
        _fail(f"{where}.{key}", "missing or not text")
    elif nonempty and not value.strip():
        _fail(f"{where}.{key}", "is empty")


def _pattern(obj: dict[str, Any], key: str, where: str, pattern: re.Pattern[str], *, optional: bool = False) -> None:
    value = obj.get(key)
    if value is None and optional:
        return
    if not isinstance(value, str) or not pattern.match(value):
        _fail(f"{where}.{key}", f"{value!r} is not a valid {'timestamp' if pattern is TIMESTAMP else 'date'}")


def _partial_date(value: Any, where: str) -> None:
    try:
        PartialDate.from_iso(value if isinstance(value, str) else "")
    except ValueError:
        _fail(where, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _check_document(data: dict[str, Any]) -> None:
    for key in ("exported_by", "exported_at"):
        if data.get(key) is not None and not isinstance(data[key], str):
            _fail(key, "not text")
    for key in ("statements", "annotations"):
        if not isinstance(data.get(key), list):
            _fail(key, "missing or not a list")
    seen: set[str] = set()
    for i, statement in enumerate(data["statements"]):
        where = f"statements[{i}]"
        _check_statement(statement, where)
        if statement["uid"] in seen:
            _fail(f"{where}.uid", f"{statement['uid']} appears twice")
        seen.add(statement["uid"])
    seen = set()
    for i, annotation in enumerate(data["annotations"]):
        where = f"annotations[{i}]"
        _check_annotation(annotation, where)
        if annotation["uid"] in seen:
            _fail(f"{where}.uid", f"{annotation['uid']} appears twice")
        seen.add(annotation["uid"])


def _check_statement(st: Any, where: str) -> None:
    if not isinstance(st, dict):
        _fail(where, "not an object")
    for key in ("uid", "speaker", "issue", "quote"):
        _text(st, key, where, nonempty=True)
    for key in ("speaker_as_written", "side", "side_name", "issue_title", "language", "date_basis"):
        _text(st, key, where, optional=True)
    for key in ("side", "issue"):
        value = st.get(key)
        if value is not None and (not SLUG.match(value) or len(value) > MAX_SLUG):
            _fail(f"{where}.{key}", f"{value[:80]!r} is not a valid {key} (lowercase letters, digits, _ and -, "
                                    f"at most {MAX_SLUG} characters, as in 'russia' or 'peace_treaty')")  # fmt: skip
    undated = st.get("said_on") is None and st.get("date_precision") == UNKNOWN  # its date is not known yet
    if not undated:
        _partial_date(st.get("said_on"), f"{where}.said_on")
    if st.get("kind") not in STATEMENT_KINDS:
        _fail(f"{where}.kind", f"{st.get('kind')!r} is not one of {', '.join(STATEMENT_KINDS)}")
    merged = st.get("merged_uids", [])
    if not isinstance(merged, list) or not all(isinstance(uid, str) and uid for uid in merged):
        _fail(f"{where}.merged_uids", "not a list of statement ids")
    more = st.get("sources", [])
    if not isinstance(more, list):
        _fail(f"{where}.sources", "not a list")
    for i, other in enumerate(more):
        _check_source(other, f"{where}.sources[{i}]")
        _text(other, "quote", f"{where}.sources[{i}]", optional=True)
        if other.get("said_on") is not None:
            _partial_date(other["said_on"], f"{where}.sources[{i}].said_on")
    if st.get("source") is not None:
        _check_source(st["source"], f"{where}.source")


def _check_source(source: Any, where: str) -> None:
    if not isinstance(source, dict):
        _fail(where, "not an object")
    for key in ("uid", "title", "outlet", "author", "file", "url", "language"):
        _text(source, key, where, optional=True)
    if source.get("published") is not None:
        _partial_date(source["published"], f"{where}.published")


def _check_version(version: Any, where: str) -> None:
    """The fields every version of an annotation has, current or earlier."""
    if not isinstance(version, dict):
        _fail(where, "not an object")
    _text(version, "author", where)
    _text(version, "body", where)
    if not isinstance(version.get("tags"), list) or not all(isinstance(t, str) for t in version["tags"]):
        _fail(f"{where}.tags", "missing or not a list of text")
    if version.get("kind") not in ANNOTATION_KINDS:
        _fail(f"{where}.kind", f"{version.get('kind')!r} is not one of {', '.join(ANNOTATION_KINDS)}")
    _text(version, "linked_statement_uid", where, optional=True)
    _pattern(version, "due_on", where, DAY, optional=True)
    _pattern(version, "deleted_at", where, TIMESTAMP, optional=True)
    _pattern(version, "done_at", where, TIMESTAMP, optional=True)
    rests_on = version.get("rests_on", [])
    if not isinstance(rests_on, list) or not all(isinstance(uid, str) and uid for uid in rests_on):
        _fail(f"{where}.rests_on", "not a list of statement ids")


def _check_annotation(an: Any, where: str) -> None:
    _check_version(an, where)
    _text(an, "uid", where, nonempty=True)
    if an["kind"] == SUMMARY:  # on an issue and a side, not on a statement
        if an.get("statement_uid") is not None:
            _fail(f"{where}.statement_uid", "a summary is on an issue and a side, not on a statement")
        for key in ("issue", "side"):
            _text(an, key, where, nonempty=True)
        for key in ("issue_title", "side_name"):
            _text(an, key, where, optional=True)
    else:
        _text(an, "statement_uid", where, nonempty=True)
    _pattern(an, "created_at", where, TIMESTAMP)
    _pattern(an, "updated_at", where, TIMESTAMP)
    if not isinstance(an.get("history", []), list):
        _fail(f"{where}.history", "not a list")
    for j, version in enumerate(an.get("history", [])):
        _check_version(version, f"{where}.history[{j}]")
        _pattern(version, "valid_from", f"{where}.history[{j}]", TIMESTAMP)
        _pattern(version, "replaced_at", f"{where}.history[{j}]", TIMESTAMP)
