"""The annotations exchange importer, fed damaged, hostile and odd files (hypothesis).

Properties: an import either succeeds or raises an error meant for the user (ValidationError, of which
ExchangeFileError and NewSidesError are kinds, or NotFoundError); after an error the database is exactly what it
was (full dump compared); after a success, importing the same file again changes nothing (idempotent).
"""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from db import annotation_exchange, annotations, sample, statements
from db.errors import NotFoundError, ValidationError
from db.statements import StatementFilter
from db.store import Store
from tests.conftest import database_dump

USER_ERRORS = (ValidationError, NotFoundError)


def _template() -> tuple[Path, dict[str, Any]]:
    """A sample database with annotations of every kind, and the exchange document of a colleague's copy."""
    folder = Path(tempfile.mkdtemp(prefix="positions-fuzz-exchange-"))
    with Store.open(folder / "template.sqlite") as store:
        sample.fill(store)
        rows = list(statements.iterate(store, StatementFilter()))
        annotations.add(store, rows[0].uid, "Сдвиг позиции", "anna", kind="shift", tags=("встреча",))
        note = annotations.add(store, rows[1].uid, "立場の変化", "anna", kind="contradiction",
                               linked_statement_uid=rows[2].uid)  # fmt: skip
        annotations.edit(store, note.uid, body="立場の変化 (edited)")
        annotations.add(store, rows[3].uid, "follow this up", "boris", kind="follow_up", due_on="2026-12-01")
        document = annotation_exchange.build_exchange(store, exported_by="anna")
    document["statements"].append({**document["statements"][0], "uid": "brought-along", "side": "japan",
                                   "quote": "A statement only the colleague has."})  # fmt: skip
    document["annotations"][0]["statement_uid"] = "brought-along"
    return folder / "template.sqlite", document


TEMPLATE, BASE = _template()


def fresh_copy() -> Path:
    """A new copy of the template database (SQLite's backup API; never a file copy)."""
    path = Path(tempfile.mkdtemp(prefix="positions-fuzz-exchange-")) / "db.sqlite"
    source, target = sqlite3.connect(TEMPLATE), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return path


def places(node: Any, trail: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key or index in the document, as the path to it."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        yield (*trail, key)
        yield from places(child, (*trail, key))


def resolve(document: Any, trail: tuple[Any, ...]) -> Any:
    for key in trail:
        document = document[key]
    return document


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=10,
)
odd_values = st.one_of(
    json_values,
    st.sampled_from(
        [
            "../../root",
            "Peace Treaty",
            "",
            " ",
            "x" * 70,
            "ЯПОНИЯ",
            "日本",
            "russia",
            "japan",
            "korea",
            "2017-02-30",
            "2026-11-20T09:14:03Z",
            "9999-12-31T23:59:59.999999999Z",
            "note",
            "contradiction",
            "direct_quote",
            '=HYPERLINK("x")',
            "\x00",
            "\u202e",
        ]
    ),  # fmt: skip
    st.just([[[]]]),
)


@st.composite
def damaged_documents(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        trail = draw(st.sampled_from(list(places(document))))
        parent, key = resolve(document, trail[:-1]), trail[-1]
        action = draw(st.sampled_from(["replace", "replace", "delete", "duplicate"]))
        if action == "replace":
            parent[key] = copy.deepcopy(draw(odd_values))  # later steps change it in place
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        if not isinstance(document, dict) or not document.get("statements") and not document.get("annotations"):
            break
    return document


def import_checked(text: str, allow_new_sides: bool) -> None:
    path = fresh_copy()
    with Store.open(path, create=False) as store:
        before = database_dump(path)
        try:
            annotation_exchange.import_text(store, text, allow_new_sides=allow_new_sides)
        except USER_ERRORS:
            assert database_dump(path) == before, "a refused file changed the database"
            return
        after = database_dump(path)
        again = annotation_exchange.import_text(store, text, allow_new_sides=allow_new_sides)
        assert not again.changed and database_dump(path) == after, "importing the same file twice changed it"


@given(damaged_documents(), st.booleans())
def test_damaged_files_import_whole_or_not_at_all(document: dict[str, Any], allow_new_sides: bool) -> None:
    import_checked(json.dumps(document, ensure_ascii=False), allow_new_sides)


@given(st.one_of(st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                 st.integers(0, 200_000).map(lambda n: '{"format": "positions-annotations", "version": 1, '
                                             '"statements": ' + "[" * n + "]" * n + ', "annotations": []}'),
                 st.integers(1, 5000).map(lambda n: json.dumps(BASE)[:n])),
       st.booleans())  # fmt: skip
def test_text_that_is_not_an_exchange_file_is_refused(text: str, allow_new_sides: bool) -> None:
    import_checked(text, allow_new_sides)


@given(st.lists(st.tuples(st.sampled_from(["russia", "japan", "korea", "eu", "../x", "Japan", ""]),
                          st.sampled_from(["peace_treaty", "arctic_shipping", "Peace Treaty", "a/b", "fisheries"]),
                          st.text(min_size=1, max_size=60)),
                min_size=1, max_size=4),
       st.booleans())  # fmt: skip
def test_new_statements_with_odd_sides_and_issues(specs: list[tuple[str, str, str]], allow_new_sides: bool) -> None:
    document = copy.deepcopy(BASE)
    template = document["statements"][0]
    note = document["annotations"][-1]
    for number, (side, issue, quote) in enumerate(specs):
        uid = f"fuzz-{number}"
        document["statements"].append({**template, "uid": uid, "side": side or None, "issue": issue,
                                       "quote": quote, "side_name": side.title()})  # fmt: skip
        document["annotations"].append({**note, "uid": f"note-{number}", "statement_uid": uid, "history": []})
    import_checked(json.dumps(document, ensure_ascii=False), allow_new_sides)
