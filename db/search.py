"""Full-text search over statements and annotations in English, Russian and Japanese.

The index is FTS5 `trigram` (db/search_index.py): any substring of three or more characters matches, so a
Russian stem finds its inflected forms and a Japanese word needs no tokenizer. Shorter terms (two-character
Japanese words such as 条約) cannot match a trigram; they are expanded through the index's vocabulary into
the trigrams that begin with them, a fast range read. Russian words are stemmed (Snowball), ё is folded to
е and full-width forms to half-width, in the index and in the query alike.

Ranking uses bm25 over the newest CANDIDATES matches only: ranking every row of a term that matches a large
share of a million statements takes about a second, and a diplomat wants recent statements first anyway.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import snowballstemmer

from db.models import Statement
from db.statements import get_many
from db.store import Store

CANDIDATES = 2000
MAX_EXPANSION = 400  # vocabulary trigrams one short term may expand to
CYRILLIC_WORD = re.compile(r"^[а-яё-]+$")


@dataclass(frozen=True)
class SearchHit:
    statement: Statement
    matched_in: str  # "statement" or "annotation"
    annotation_uid: str | None
    text: str  # the text that matched: the quote or the annotation body
    terms: tuple[str, ...]  # folded query terms, for highlighting


def fold_char(ch: str) -> str:
    """One character folded for matching (case, ё, full-width forms); always one character, so offsets
    in folded text are offsets in the original."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII
        ch = chr(code - 0xFEE0)
    elif ch == "\u3000":
        ch = " "
    elif 0xFF61 <= code <= 0xFF9F:  # half-width katakana
        wide = unicodedata.normalize("NFKC", ch)
        ch = wide if len(wide) == 1 else ch
    lower = ch.lower()
    ch = lower if len(lower) == 1 else ch
    return "е" if ch == "ё" else ch


def fold(text: str) -> str:
    return "".join(fold_char(ch) for ch in text)


@cache
def _russian_stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("russian")


def query_terms(query: str) -> list[str]:
    """Split a query into folded terms: "quoted phrases" stay whole, Russian words are reduced to stems."""
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', fold(query)):
        term = (phrase or word).strip(".,;:!?()[]«»“”「」『』、。")
        if not term:
            continue
        if word and CYRILLIC_WORD.match(term) and len(term) > 4:
            stem = _russian_stemmer().stemWord(term)
            term = stem if len(stem) >= 3 else term
        terms.append(term)
    return terms


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _expand_short(store: Store, table: str, term: str) -> str | None:
    """The trigrams of the index that begin with `term`, as an FTS OR-group (None: nothing can match)."""
    rows = store.conn.execute(
        f"SELECT term FROM {table}_fts_vocab WHERE term >= ? AND term < ? LIMIT ?",
        (term, term + "\U0010ffff", MAX_EXPANSION),
    ).fetchall()
    if not rows:
        return None
    return "(" + " OR ".join(_quote(row[0]) for row in rows) + ")"


def match_expression(store: Store, table: str, terms: list[str]) -> str | None:
    """The FTS5 MATCH expression for `terms` (all must occur), or None when one of them cannot occur."""
    parts = []
    for term in terms:
        if len(term) >= 3:
            parts.append(_quote(term))
            continue
        expanded = _expand_short(store, table, term)
        if expanded is None:
            return None
        parts.append(expanded)
    return " AND ".join(parts) if parts else None


def _ranked_ids(store: Store, table: str, expression: str) -> list[tuple[int, float]]:
    sql = f"SELECT rowid, bm25({table}_fts) FROM {table}_fts WHERE {table}_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
    return store.conn.execute(sql, (expression, CANDIDATES)).fetchall()


def search(store: Store, query: str, limit: int = 100) -> list[SearchHit]:
    """Statements whose quote or speaker matches, and statements whose annotations match, best first."""
    terms = query_terms(query)
    if not terms:
        return []
    scored: list[tuple[float, str, int]] = []
    for table in ("statements", "annotations"):
        expression = match_expression(store, table, terms)
        if expression is not None:
            scored += [(score, table, rowid) for rowid, score in _ranked_ids(store, table, expression)]
    scored.sort(key=lambda item: (item[0], -item[2]))  # bm25: lower is better
    return _hits(store, scored, tuple(terms), limit)


def _hits(store: Store, scored: list[tuple[float, str, int]], terms: tuple[str, ...], limit: int) -> list[SearchHit]:
    """The best `limit` results, one per statement and place, loaded in two queries rather than one per hit."""
    note_ids = [rowid for _score, table, rowid in scored if table == "annotations"]
    notes = {}
    for chunk in range(0, len(note_ids), 500):
        ids = note_ids[chunk : chunk + 500]
        rows = store.conn.execute(
            f"SELECT id, statement_id, uid, body FROM annotations WHERE deleted_at IS NULL AND statement_id IS NOT NULL"
            f" AND id IN ({', '.join('?' * len(ids))})",
            ids,
        )
        notes.update({row[0]: row[1:] for row in rows})
    chosen: list[tuple[str, int, str | None, str | None]] = []  # place, statement id, annotation uid, body
    seen: set[tuple[str, int]] = set()
    for _score, table, rowid in scored:
        if table == "statements":
            place, statement_id, note_uid, body = "statement", rowid, None, None
        elif rowid in notes:
            statement_id, note_uid, body = notes[rowid]
            place = "annotation"
        else:
            continue  # an annotation in the bin
        if (place, statement_id) not in seen:
            seen.add((place, statement_id))
            chosen.append((place, statement_id, note_uid, body))
            if len(chosen) == limit:
                break
    loaded = get_many(store, sorted({statement_id for _p, statement_id, _u, _b in chosen}))
    return [
        SearchHit(loaded[sid], place, note_uid, body if body is not None else loaded[sid].quote, terms)
        for place, sid, note_uid, body in chosen
        if sid in loaded
    ]


def highlight_spans(text: str, terms: tuple[str, ...] | list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in `text` (start, end), merged and sorted, for bold marks in a results list."""
    folded = fold(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
