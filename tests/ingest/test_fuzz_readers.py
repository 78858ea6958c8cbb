"""Every reader, fed anything: bytes in every encoding, HTML, Markdown, CSV and JSON tables with odd slugs,
sizes and nesting. The only acceptable outcomes are a result or an IngestError with a message; never another
exception (a traceback for the user), and a batch never stops at one bad file (issue 9 item 5, issue 12).

Example counts: the `ci` profile in tests/conftest.py; HYPOTHESIS_PROFILE=long for the long run by hand.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from db.errors import NotFoundError, ValidationError
from db.ingest.decode import decode_bytes
from db.ingest.errors import IngestError
from db.ingest.gazetteer import Gazetteer
from db.ingest.html_text import html_to_text
from db.ingest.pipeline import Analysis, Failure, analyse_files, commit
from db.ingest.reader import read_document, read_table
from db.ingest.tables import parse_table
from db.store import Store
from tests.conftest import database_dump

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8-r", "cp932",
             "euc_jp", "iso2022_jp", "cp1252"]  # fmt: skip
LATIN = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:!?\"'()-–—«»\n"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ .,:—«»\n"
JAPANESE = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん" \
           "アイウエオカキクケコ北方領土平和条約外務大臣首相記者会見交渉。、「」『』・ー①髙〜～\n"  # fmt: skip
GAZETTEER = Gazetteer.load()

words = st.text(alphabet=LATIN + CYRILLIC + JAPANESE, max_size=400)
odd_text = st.text(max_size=300)  # any code point: controls, surrogates' neighbours, RTL marks, NUL


def with_file(name: str, data: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="positions-fuzz-"))
    path = folder / name
    path.write_bytes(data)
    return path


def read_or_refuse(path: Path) -> None:
    try:
        read_document(path)
    except IngestError as exc:
        assert str(exc).startswith(path.name), str(exc)


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        text, codec = decode_bytes(data)
    except IngestError:
        return
    assert isinstance(text, str) and text.strip() and codec


@given(words, st.sampled_from(ENCODINGS))
def test_text_in_every_encoding_decodes_or_is_refused(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # this text cannot be written in that encoding at all
    try:
        decoded, _ = decode_bytes(data)
    except IngestError:
        return
    if encoding in ("utf-8", "utf-8-sig") and text.strip():
        assert decoded == text


@given(words, st.sampled_from(ENCODINGS))
def test_the_explicit_encoding_round_trips(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        decoded, _ = decode_bytes(data, encoding)
    except IngestError:
        assert not text.strip()
        return
    # As the codec itself reads its bytes back: cp932 turns the wave dash 〜 into ～ (ARCHITECTURE, pitfalls).
    assert decoded.replace("\ufeff", "") == data.decode(encoding).replace("\ufeff", "")


@given(st.one_of(words, odd_text), st.sampled_from(["a.txt", "a.md", "a.html", "a", "a.htm"]),
       st.sampled_from(ENCODINGS))  # fmt: skip
def test_documents_read_or_are_refused(text: str, name: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    read_or_refuse(with_file(name, data))


TAGS = ["p", "div", "span", "b", "i", "a", "h1", "li", "ul", "table", "tr", "td", "script", "style", "title", "meta",
        "br", "article", "header", "footer", "nav", "time", "img"]  # fmt: skip
ODDITIES = ["&amp;", "&lt;b&gt;", "&#x41;", "&#0;", "&#99999999;", "&bogus;", "<!-- x -->", "<!DOCTYPE html>", "</p>",
            "<p", "]]>", "<![CDATA["]  # fmt: skip
tags = st.sampled_from(TAGS)
attributes = st.dictionaries(st.sampled_from(["class", "href", "lang", "content", "name", "datetime", "src",
                                              "charset", "property"]),
                             st.one_of(words, st.sampled_from(["", "<", '"', "&amp;", "javascript:x", "\x00"])),
                             max_size=3)  # fmt: skip


@st.composite
def html_pages(draw: st.DrawFn, depth: int = 0) -> str:
    """A page of nested elements, entities, comments and broken markup, in three languages."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 5 if depth < 6 else 2))
        if kind <= 1:
            parts.append(draw(words))
        elif kind == 2:
            parts.append(draw(st.sampled_from(ODDITIES)))
        else:
            tag = draw(tags)
            attrs = "".join(f' {k}="{v}"' for k, v in draw(attributes).items())
            parts.append(f"<{tag}{attrs}>{draw(html_pages(depth + 1))}</{tag}>")
    return "".join(parts)


@given(html_pages(), st.integers(0, 3000))
def test_html_pages_read_or_are_refused(page: str, extra_depth: int) -> None:
    page = "<html><body>" + "<div>" * extra_depth + page + "</div>" * extra_depth + "</body></html>"
    html_to_text(page)
    read_or_refuse(with_file("page.html", page.encode("utf-8")))


slugs = st.one_of(st.sampled_from(["peace_treaty", "russia", "japan", "media", "expert", "fisheries"]),
                  st.text(max_size=70),
                  st.sampled_from(["../../root", "Peace Treaty", "-x", "ЯПОНИЯ", "x" * 70]))  # fmt: skip
dates = st.one_of(st.sampled_from(["2017-03-18", "2017-03", "2017", "18.03.2017", "March 18, 2017",
                                   "18 марта 2017 г.", "2017年3月18日", "令和元年5月1日", "31.02.2017", "13/13/2017",
                                   "0000-00-00", "99999-01-01", ""]), st.text(max_size=30))  # fmt: skip
cells = st.one_of(words, odd_text, st.integers(), st.floats(), st.none(), st.booleans(),
                  st.lists(st.integers(), max_size=3))  # fmt: skip
rows = st.fixed_dictionaries(
    {"speaker": st.one_of(words, cells), "side": slugs, "issue": slugs, "date": dates,
     "quote": st.one_of(words, cells)},
    optional={"kind": st.one_of(st.sampled_from(["reported", "direct_quote", "Reported", "x"]), cells),
              "language": st.sampled_from(["en", "ru", "ja", "EN", "de", ""]),
              "date_precision": st.sampled_from(["day", "month", "year", "week", ""]),
              "published": dates, "outlet": words, "url": words, "extra": cells},
)  # fmt: skip


def as_csv(table: list[dict[str, object]], delimiter: str) -> str:
    out = io.StringIO()
    columns = sorted({key for row in table for key in row})
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    for row in table:
        writer.writerow({k: ("" if v is None else str(v)) for k, v in row.items()})
    return out.getvalue()


@given(st.lists(rows, max_size=6), st.sampled_from([",", ";", "\t"]))
def test_csv_tables_parse_or_are_refused(table: list[dict[str, object]], delimiter: str) -> None:
    try:
        parsed = parse_table(as_csv(table, delimiter), "csv", "t.csv")
    except IngestError as exc:
        assert str(exc).startswith("t.csv"), str(exc)
        return
    assert len(parsed) <= len(table)


json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), words),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(words, inner, max_size=3),
                           max_leaves=20)  # fmt: skip


@given(st.one_of(st.lists(rows, max_size=5).map(json.dumps),
                 st.lists(rows, max_size=5).map(lambda t: json.dumps({"statements": t})),
                 st.lists(rows, max_size=5).map(lambda t: "\n".join(json.dumps(r) for r in t)),
                 json_values.map(json.dumps),
                 st.integers(0, 200_000).map(lambda n: "[" * n + "]" * n),
                 st.integers(0, 200_000).map(lambda n: '{"statements": ' + "[" * n + "]" * n + "}"),
                 odd_text))  # fmt: skip
def test_json_tables_parse_or_are_refused(text: str) -> None:
    try:
        parse_table(text, "json", "t.json")
    except IngestError as exc:
        assert str(exc).startswith("t.json"), str(exc)


@given(st.lists(st.tuples(st.sampled_from(["a.json", "b.csv", "c.txt", "d.html", "e.jsonl", "f"]),
                          st.one_of(st.lists(rows, min_size=1, max_size=3).map(json.dumps),
                                    st.lists(rows, min_size=1, max_size=3).map(lambda t: as_csv(t, ",")),
                                    st.integers(90, 5000).map(lambda n: "[" * n + "]" * n),
                                    words, html_pages())),
                min_size=1, max_size=4))  # fmt: skip
def test_a_batch_reads_every_file_and_never_stops_at_a_bad_one(files: list[tuple[str, str]]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="positions-fuzz-"))
    paths = []
    for number, (name, text) in enumerate(files):
        path = folder / f"{number}{name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    results = analyse_files(paths, gazetteer=GAZETTEER)
    assert [r.path for r in results] == paths
    for result in results:
        assert isinstance(result, Analysis | Failure)
        if isinstance(result, Failure):
            assert result.message and "Error:" not in result.message, result.message  # no unforeseen exception


@given(st.lists(rows, min_size=1, max_size=4), st.sampled_from(["utf-8", "utf-16", "cp1251", "cp932"]))
def test_table_files_in_legacy_encodings_read_or_are_refused(table: list[dict[str, object]], encoding: str) -> None:
    data = as_csv(table, ",").encode(encoding, "replace")
    try:
        read_table(with_file("t.csv", data))
    except IngestError as exc:
        assert str(exc).startswith("t.csv"), str(exc)


@given(st.lists(st.lists(rows, min_size=1, max_size=3), min_size=1, max_size=3))
def test_committing_table_files_is_all_or_nothing(tables: list[list[dict[str, object]]]) -> None:
    """Tables that passed reading are committed in one transaction: an error leaves the database as it was
    (full dump), a success is idempotent (the same files again add nothing)."""
    folder = Path(tempfile.mkdtemp(prefix="positions-fuzz-"))
    paths = []
    for number, table in enumerate(tables):
        path = folder / f"t{number}.json"
        path.write_text(json.dumps(table, ensure_ascii=False, default=str), encoding="utf-8")
        paths.append(path)
    analyses = [r for r in analyse_files(paths, gazetteer=GAZETTEER) if isinstance(r, Analysis)]
    with Store.open(folder / "db.sqlite") as store:
        before = database_dump(store.path)
        try:
            commit(store, analyses)
        except (ValidationError, NotFoundError, IngestError):
            assert database_dump(store.path) == before, "a failed commit left part of the batch behind"
            return
        after = database_dump(store.path)
        again = [r for r in analyse_files(paths, gazetteer=GAZETTEER) if isinstance(r, Analysis)]
        assert all(result.duplicate for result in commit(store, again))
        assert database_dump(store.path) == after
