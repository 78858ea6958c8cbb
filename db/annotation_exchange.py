"""Sharing annotations between colleagues without a server: an exchange file, merged by stable uid.

The file (JSON, described in full in docs/annotation-exchange.md) looks like::

    {"format": "positions-annotations", "version": 1, "exported_at": "2026-11-23T12:00:00.000000Z",
     "exported_by": "anna",
     "statements": [{"uid", "speaker", "speaker_as_written", "side", "side_name", "issue", "issue_title",
                     "said_on": "2016-12", "date_precision": "month", "date_basis", "quote", "kind", "language",
                     "source": {"uid", "title", "outlet", "author", "published", "file", "url", "language"}}],
     "annotations": [{"uid", "statement_uid", "author", "body", "tags": [..], "kind", "linked_statement_uid",
                      "due_on", "created_at", "updated_at", "deleted_at",
                      "history": [{"author", "body", "tags", "kind", "linked_statement_uid", "due_on",
                                   "deleted_at", "valid_from", "replaced_at"}]}]}

A statement whose date is not known has `"said_on": null` and `"date_precision": "unknown"`. It carries every
statement an annotation is on or links to, so the receiver can re-attach each note to the
statement it already has (same uid) or bring the statement along with its source citation.

Importing is a merge that never loses a version: the newer version of an annotation (by `updated_at`) becomes
the current one and the other goes into its history; every earlier version in the file that the receiver lacks
is added to its history. Importing the same file twice changes nothing. The whole import is one transaction
after the file has passed every check (db/annotation_exchange_format.py): a bad file changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import annotations as notes_db
from db import sources, statement_merge, statements
from db.annotation_exchange_format import FORMAT, VERSION, parse_exchange, read_exchange_file
from db.annotations import SUMMARY, Annotation, AnnotationFilter
from db.atomic_output import write_atomically
from db.errors import NotFoundError, ValidationError
from db.exchange_conflicts import CONFLICT_TAG, Conflict, NewSidesError, check_statement, new_sides
from db.exchange_statements import local_uid, statement_record
from db.partial_date import PartialDate
from db.statements import now
from db.store import Store

VERSION_FIELDS = (
    "author",
    "body",
    "tags",
    "kind",
    "linked_statement_uid",
    "due_on",
    "deleted_at",
    "done_at",
    "rests_on",
)
LIST_FIELDS = ("tags", "rests_on")


@dataclass
class ExportSummary:
    path: Path
    annotations: int
    statements: int


@dataclass
class ImportReport:
    """What an import did, annotation by annotation, for a message box or the command line."""

    added: list[str] = field(default_factory=list)  # annotation uids new here
    updated: list[str] = field(default_factory=list)  # the file's version was newer and is now current
    kept_local: list[str] = field(default_factory=list)  # ours was newer; the file's went into history
    unchanged: list[str] = field(default_factory=list)  # already the same here
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (annotation uid, why)
    versions_added: int = 0  # earlier versions added to histories
    statements_added: list[str] = field(default_factory=list)
    sources_added: int = 0
    issues_added: list[str] = field(default_factory=list)
    sides_added: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # statements whose text here and in the file differ

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.kept_local or self.versions_added or self.statements_added
                    or any(c.new for c in self.conflicts))  # fmt: skip

    def lines(self) -> list[str]:
        out = [
            f"{len(self.added)} annotation(s) added",
            f"{len(self.updated)} updated to the newer version from the file",
            f"{len(self.kept_local)} kept as they are here (newer); the file's version went into their history",
            f"{len(self.unchanged)} already up to date",
            f"{self.versions_added} earlier version(s) added to histories",
            f"{len(self.statements_added)} statement(s) brought along, with {self.sources_added} new source(s)",
        ]
        if self.issues_added:
            out.append(f"new issue(s) created: {', '.join(self.issues_added)}")
        if self.sides_added:
            out.append(f"new side(s) created: {', '.join(self.sides_added)}")
        if self.conflicts:
            out.append(
                f"{len(self.conflicts)} statement(s) read differently here and in the file: this database "
                f"keeps its text, the file's version is kept in a note tagged {CONFLICT_TAG} on each:"
            )
            out += [f"  {conflict.line()}" for conflict in self.conflicts]
        if self.skipped:
            out.append(f"{len(self.skipped)} skipped:")
            out += [f"  {uid}: {why}" for uid, why in self.skipped]
        return out


# -- export -------------------------------------------------------------------------------------------------


def build_exchange(store: Store, flt: AnnotationFilter | None = None, exported_by: str | None = None) -> dict[str, Any]:
    """The exchange document for the annotations the filter selects (by default all, the bin included, so
    that moving a note to the bin reaches colleagues too)."""
    flt = flt or AnnotationFilter(include_deleted=True)
    notes = notes_db.find(store, flt)
    wanted: list[str] = []
    for note in notes:
        for uid in (note.statement_uid, note.linked_statement_uid, *note.rests_on):
            if uid and uid not in wanted:
                wanted.append(uid)
    records = []
    for uid in wanted:
        try:
            records.append(statement_record(store, uid))
        except NotFoundError:  # a link to a statement this database never had: the uid still travels
            continue
    annotation_records = [_annotation_record(store, note) for note in notes]
    return {
        "format": FORMAT,
        "version": VERSION if any(map(_needs_version_2, annotation_records)) else 1,
        "exported_at": now(),
        "exported_by": exported_by,
        "statements": records,
        "annotations": annotation_records,
    }


def _needs_version_2(record: dict[str, Any]) -> bool:
    """A file without summaries or done follow-ups stays version 1, readable by an older Positions."""
    versions = [record, *record["history"]]
    return record["kind"] == SUMMARY or any(v["done_at"] or v["rests_on"] or v["kind"] == SUMMARY for v in versions)


def export_to_file(
    store: Store, path: Path | str, flt: AnnotationFilter | None = None, exported_by: str | None = None
) -> ExportSummary:
    """Write the exchange file whole or not at all (db.atomic_output): a full disk raises OutputError and
    leaves an earlier file of that name as it was."""
    path = Path(path)
    document = build_exchange(store, flt, exported_by)
    write_atomically(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    return ExportSummary(path, len(document["annotations"]), len(document["statements"]))


def _annotation_record(store: Store, note: Annotation) -> dict[str, Any]:
    earlier = notes_db.history(store, note.uid)[1:]
    subject: dict[str, Any] = {}
    if note.is_summary:
        subject = {
            "issue": note.issue,
            "issue_title": store.conn.execute("SELECT title FROM issues WHERE slug = ?", (note.issue,)).fetchone()[0],
            "side": note.side,
            "side_name": store.conn.execute("SELECT name FROM sides WHERE slug = ?", (note.side,)).fetchone()[0],
        }
    return {
        "uid": note.uid,
        "statement_uid": note.statement_uid,
        **subject,
        "author": note.author,
        "body": note.body,
        "tags": list(note.tags),
        "kind": note.kind,
        "linked_statement_uid": note.linked_statement_uid,
        "due_on": note.due_on,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
        "deleted_at": note.deleted_at,
        "done_at": note.done_at,
        "rests_on": list(note.rests_on),
        "history": [
            {"author": v.author, "body": v.body, "tags": list(v.tags), "kind": v.kind,
             "linked_statement_uid": v.linked_statement_uid, "due_on": v.due_on, "deleted_at": v.deleted_at,
             "done_at": v.done_at, "rests_on": list(v.rests_on), "valid_from": v.valid_from,
             "replaced_at": v.replaced_at}
            for v in earlier
        ],
    }  # fmt: skip


# -- import -------------------------------------------------------------------------------------------------


def import_file(store: Store, path: Path | str, *, allow_new_sides: bool = False) -> ImportReport:
    """Merge an exchange file into the database: all of it, in one transaction, or (on any error) nothing.

    A file that would add sides raises NewSidesError (nothing imported) unless `allow_new_sides`: the user
    is asked first.
    """
    return merge(store, read_exchange_file(path), allow_new_sides=allow_new_sides, origin=Path(path).name)


def import_text(store: Store, text: str, *, allow_new_sides: bool = False) -> ImportReport:
    return merge(store, parse_exchange(text), allow_new_sides=allow_new_sides)


def merge(store: Store, document: dict[str, Any], *, allow_new_sides: bool = False,
          origin: str | None = None) -> ImportReport:  # fmt: skip
    """Merge a checked exchange document (see read_exchange_file)."""
    report = ImportReport()
    sides = new_sides(store, document)
    if sides and not allow_new_sides:
        raise NewSidesError(sides)
    by_uid = {record["uid"]: record for record in document["statements"]}
    author = (document.get("exported_by") or "").strip() or "a colleague"
    where = f"the exchange file {origin}" if origin else "an exchange file"
    when = str(document.get("exported_at") or "")[:10]
    where += f" (exported by {author}{' on ' + when if when else ''})"
    with store.transaction():
        for record in document["statements"]:
            conflict = check_statement(store, record, where, author)
            if conflict is not None:
                report.conflicts.append(conflict)
            _ensure_statement(store, record, report, by_uid)
        for incoming in document["annotations"]:
            try:
                with store.transaction():  # a savepoint: a skipped annotation leaves nothing half-done
                    _merge_annotation(store, incoming, by_uid, report)
            except ValidationError as exc:
                report.skipped.append((incoming["uid"], str(exc)))
    return report


def _version_key(version: dict[str, Any], valid_from: str) -> tuple[Any, ...]:
    """A version's identity; fields a version 1 file lacks read as their empty value."""
    return (valid_from, *(tuple(version.get(f) or ()) if f in LIST_FIELDS else version.get(f) for f in VERSION_FIELDS))


def _local_keys(store: Store, note: Annotation) -> set[tuple[Any, ...]]:
    return {
        _version_key({f: getattr(v, f) for f in VERSION_FIELDS}, v.valid_from)
        for v in notes_db.history(store, note.uid)
    }


def _merge_annotation(store: Store, incoming: dict[str, Any], statements_in_file: set[str] | dict[str, Any],
                      report: ImportReport) -> None:  # fmt: skip
    uid = incoming["uid"]
    statement_id: int | None = None
    here: str | None = None  # the statement here the annotation is on, after following merges on either side
    subject: dict[str, int] = {}
    if incoming["kind"] == SUMMARY:
        issue = _ensure_named_row(store, "issues", "title", incoming["issue"], incoming.get("issue_title"), report)
        side = _ensure_named_row(store, "sides", "name", incoming["side"], incoming.get("side_name"), report)
        subject = {"issue_id": store.id_of("issues", issue), "side_id": store.id_of("sides", side)}
    else:
        document = statements_in_file if isinstance(statements_in_file, dict) else None
        here = local_uid(store, incoming["statement_uid"], document)
        row = store.conn.execute("SELECT id FROM statements WHERE uid = ?", (here,)).fetchone() if here else None
        if row is None:
            why = "its statement is neither in this database nor in the file"
            if incoming["statement_uid"] in statements_in_file:
                why = "its statement could not be brought along"
            report.skipped.append((uid, why))
            return
        statement_id = row[0]
    fields: dict[str, Any] = {f: incoming.get(f) for f in VERSION_FIELDS}
    fields["tags"] = notes_db.clean_tags(fields["tags"])
    fields["rests_on"] = tuple(fields["rests_on"] or ())
    try:
        local = notes_db.get(store, uid)
    except NotFoundError:
        notes_db.validate(store, fields, statement_id, link_must_exist=False)
        notes_db.insert(store, uid, fields, incoming["created_at"], incoming["updated_at"], statement_id=statement_id,
                        deleted_at=fields["deleted_at"], **subject)  # fmt: skip
        report.added.append(uid)
        local = notes_db.get(store, uid)
        report.versions_added += _add_history(store, local, incoming)
        return
    if local.is_summary and (local.issue, local.side) != (incoming.get("issue"), incoming.get("side")):
        report.skipped.append((uid, f"here it is the summary of another issue or side ({local.issue}, {local.side})"))
        return
    if not local.is_summary and local.statement_uid != here:
        report.skipped.append((uid, f"here it annotates another statement ({local.statement_uid})"))
        return
    local_fields = {f: getattr(local, f) for f in VERSION_FIELDS}
    ours = (local.updated_at, _content_order(local_fields))
    theirs = (incoming["updated_at"], _content_order(fields))
    if ours == theirs:
        report.unchanged.append(uid)
    elif theirs > ours:
        notes_db.validate(store, fields, statement_id, link_must_exist=False)
        store.conn.execute(
            "UPDATE annotations SET author = ?, body = ?, tags = ?, kind = ?, linked_statement_uid = ?, due_on = ?,"
            " deleted_at = ?, done_at = ?, rests_on = ?, updated_at = ? WHERE id = ?",
            (fields["author"], fields["body"], notes_db.tags_json(fields["tags"]), fields["kind"],
             fields["linked_statement_uid"], fields["due_on"], fields["deleted_at"], fields["done_at"],
             notes_db.uids_json(fields["rests_on"]), incoming["updated_at"], local.id),
        )  # the history trigger keeps our version  # fmt: skip
        report.updated.append(uid)
    else:
        current_as_earlier = {**incoming, "valid_from": incoming["updated_at"], "replaced_at": local.updated_at}
        if _insert_missing(store, local, [current_as_earlier]):
            report.kept_local.append(uid)
        else:
            report.unchanged.append(uid)
    report.versions_added += _add_history(store, notes_db.get(store, uid), incoming)


def _content_order(fields: dict[str, Any]) -> str:
    """Breaks a tie between two versions stamped with the same time, the same way on every machine."""
    return json.dumps([list(fields[f]) if f in LIST_FIELDS else fields[f] for f in VERSION_FIELDS], ensure_ascii=False)


def _add_history(store: Store, local: Annotation, incoming: dict[str, Any]) -> int:
    return _insert_missing(store, local, incoming.get("history", []))


def _insert_missing(store: Store, local: Annotation, versions: list[dict[str, Any]]) -> int:
    """Add the versions the local annotation does not have yet (current or earlier); returns how many."""
    known = _local_keys(store, local)
    added = 0
    for version in versions:
        key = _version_key(version, version["valid_from"])
        if key in known:
            continue
        store.conn.execute(
            "INSERT INTO annotation_history (annotation_id, author, body, tags, kind, linked_statement_uid, due_on,"
            " deleted_at, done_at, rests_on, valid_from, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (local.id, version["author"], version["body"], notes_db.tags_json(version["tags"]), version["kind"],
             version.get("linked_statement_uid"), version.get("due_on"), version.get("deleted_at"),
             version.get("done_at"), notes_db.uids_json(version.get("rests_on") or ()), version["valid_from"],
             version["replaced_at"]),
        )  # fmt: skip
        known.add(key)
        added += 1
    return added


# -- statements that come along -------------------------------------------------------------------------------


def _ensure_statement(store: Store, record: dict[str, Any], report: ImportReport,
                      document: dict[str, dict[str, Any]]) -> None:  # fmt: skip
    if local_uid(store, record["uid"], document) is not None:
        return
    issue = _ensure_named_row(store, "issues", "title", record["issue"], record.get("issue_title"), report)
    side = record.get("side")
    if side:
        _ensure_named_row(store, "sides", "name", side, record.get("side_name"), report)
    source_id = _ensure_source(store, record["source"], report) if record.get("source") else None
    new = statements.NewStatement(
        uid=record["uid"],
        speaker=record["speaker"],
        speaker_as_written=record.get("speaker_as_written") or record["speaker"],
        side=side or None,
        issue=issue,
        said_on=PartialDate.from_iso(record["said_on"]) if record.get("said_on") is not None else None,
        date_basis=record.get("date_basis") or "",
        quote=record["quote"],
        kind=record["kind"],
        language=record.get("language") or "en",
    )
    statements.add(store, new, source_id)
    for more in record.get("sources") or ():
        more_source_id = _ensure_source(store, more, report) if more.get("uid") or more.get("title") else None
        if more_source_id is not None:
            when = PartialDate.from_iso(more["said_on"]) if more.get("said_on") else None
            statement_merge.add_source(store, record["uid"], more_source_id, more.get("quote") or "", said_on=when,
                                       language=more.get("language") or "en")  # fmt: skip
    report.statements_added.append(record["uid"])


def _ensure_named_row(store: Store, table: str, name_column: str, slug: str, name: str | None,
                      report: ImportReport) -> str:  # fmt: skip
    """A side or issue the sender has and we lack is created (empty apart from its name), never guessed."""
    if store.conn.execute(f"SELECT 1 FROM {table} WHERE slug = ?", (slug,)).fetchone() is None:
        position = store.conn.execute(f"SELECT coalesce(max(position), 0) + 1 FROM {table}").fetchone()[0]
        store.conn.execute(
            f"INSERT INTO {table} (slug, {name_column}, position) VALUES (?, ?, ?)", (slug, name or slug, position)
        )
        store.forget_cached_ids()
        (report.issues_added if table == "issues" else report.sides_added).append(slug)
    return slug


def exchange_sha256(source: dict[str, Any]) -> str:
    """The stand-in fingerprint of a source that came without its text: the same source dedupes to one row."""
    key = source.get("uid") or source.get("title") or ""
    return hashlib.sha256(f"positions-exchange:{key}".encode()).hexdigest()


def _ensure_source(store: Store, source: dict[str, Any], report: ImportReport) -> int:
    if source.get("uid"):
        row = store.conn.execute("SELECT id FROM sources WHERE uid = ?", (source["uid"],)).fetchone()
        if row:
            return int(row[0])
    sha = exchange_sha256(source)
    existing = sources.find_by_sha256(store, sha)
    if existing is not None:
        return existing
    cursor = store.conn.execute(
        "INSERT INTO sources (uid, sha256, title, outlet, author, url, published, language, file_name, text,"
        " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
        (source.get("uid") or str(uuid.uuid4()), sha, source.get("title") or "", source.get("outlet"),
         source.get("author"), source.get("url"), source.get("published"), source.get("language") or "en",
         source.get("file") or "", now()),
    )  # fmt: skip
    report.sources_added += 1
    assert cursor.lastrowid is not None
    return cursor.lastrowid
