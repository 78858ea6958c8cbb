"""Annotations on the real sample statements: add, edit, bin, restore, history, kinds and links, filters."""

from __future__ import annotations

import sqlite3

import pytest

from db import annotations, sample, statements
from db.annotations import AnnotationFilter
from db.errors import NotFoundError, ValidationError
from db.statements import StatementFilter
from db.store import Store


@pytest.fixture
def filled(store: Store) -> Store:
    sample.fill(store)
    return store


def two_statements(store: Store, issue: str | None = None) -> tuple[str, str]:
    rows = statements.page(store, StatementFilter(issue=issue), limit=2)
    return rows[0].uid, rows[1].uid


def test_add_then_list_and_get(filled: Store) -> None:
    uid, _ = two_statements(filled)
    body = "Позиция ужесточилась по сравнению с мартом.\nСм. также 北方領土."
    note = annotations.add(filled, uid, body, "anna", tags=["курилы", " meeting ", "курилы", ""])
    assert note.body == body
    assert note.tags == ("курилы", "meeting")
    assert note.kind == "note" and note.deleted_at is None
    assert note.created_at == note.updated_at
    assert annotations.for_statement_uid(filled, uid) == [note]
    assert annotations.get(filled, note.uid) == note
    assert statements.get(filled, uid).annotation_kinds == ("note",)


def test_edit_writes_only_what_changed_and_keeps_history(filled: Store) -> None:
    uid, _ = two_statements(filled)
    note = annotations.add(filled, uid, "first", "anna")
    same = annotations.edit(filled, note.uid, body="first", tags=[])
    assert same == note
    assert len(annotations.history(filled, note.uid)) == 1
    second = annotations.edit(filled, note.uid, body="second")
    assert second.body == "second" and second.updated_at > note.updated_at
    third = annotations.edit(filled, note.uid, tags="a, b")
    assert third.body == "second" and third.tags == ("a", "b")
    versions = annotations.history(filled, note.uid)
    assert [v.body for v in versions] == ["second", "second", "first"]
    assert [v.tags for v in versions] == [("a", "b"), (), ()]
    assert versions[0].replaced_at is None
    assert versions[1].valid_from == second.updated_at
    assert versions[2].valid_from == note.updated_at


def test_bin_and_restore_keep_the_row_and_its_versions(filled: Store) -> None:
    uid, _ = two_statements(filled)
    note = annotations.add(filled, uid, "to the bin", "anna")
    binned = annotations.move_to_bin(filled, note.uid)
    assert binned.in_bin
    assert annotations.for_statement_uid(filled, uid) == []
    assert annotations.for_statement_uid(filled, uid, include_deleted=True) == [binned]
    assert statements.get(filled, uid).annotation_kinds == ()
    assert annotations.move_to_bin(filled, note.uid) == binned  # twice is once
    restored = annotations.restore(filled, note.uid)
    assert not restored.in_bin and restored.updated_at > binned.updated_at
    assert [v.deleted_at is not None for v in annotations.history(filled, note.uid)] == [False, True, False]


def test_rows_cannot_be_deleted_even_by_raw_sql(filled: Store) -> None:
    uid, _ = two_statements(filled)
    annotations.add(filled, uid, "kept", "anna")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        filled.conn.execute("DELETE FROM annotations")


def test_kinds_links_and_due_dates(filled: Store) -> None:
    uid, other = two_statements(filled)
    contra = annotations.add(filled, uid, "contradicts the other", "anna", kind="contradiction",
                             linked_statement_uid=other)  # fmt: skip
    assert contra.linked_statement_uid == other
    follow = annotations.add(filled, uid, "ask at the next meeting", "anna", kind="follow_up", due_on="2026-12-01")
    assert follow.due_on == "2026-12-01"
    shift = annotations.add(filled, uid, "stance changed", "anna", kind="shift")
    assert sorted(statements.get(filled, uid).annotation_kinds) == ["contradiction", "follow_up", "shift"]
    # changing the kind drops what the new kind cannot have, and history keeps it
    note = annotations.edit(filled, contra.uid, kind="note")
    assert note.linked_statement_uid is None
    assert annotations.history(filled, contra.uid)[1].linked_statement_uid == other
    assert annotations.edit(filled, shift.uid, kind="follow_up", due_on="2027-01-15").due_on == "2027-01-15"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"body": "   \n "}, "empty"),
        ({"author": " "}, "author is empty"),
        ({"kind": "gossip"}, "unknown annotation kind"),
        ({"kind": "contradiction"}, "needs the other statement"),
        ({"kind": "contradiction", "linked_statement_uid": "nope"}, "does not exist"),
        ({"kind": "note", "linked_statement_uid": "SELF"}, "only a contradiction"),
        ({"kind": "contradiction", "linked_statement_uid": "SELF"}, "cannot contradict itself"),
        ({"kind": "follow_up", "due_on": "next week"}, "not a date"),
        ({"kind": "note", "due_on": "2026-12-01"}, "only a follow-up"),
        ({"tags": ["x" * 61]}, "longer than"),
    ],
)
def test_validation_messages_and_nothing_written(filled: Store, kwargs: dict[str, str], message: str) -> None:
    uid, _ = two_statements(filled)
    args = {"body": "text", "author": "anna", **kwargs}
    if args.get("linked_statement_uid") == "SELF":
        args["linked_statement_uid"] = uid
    body, author = args.pop("body"), args.pop("author")
    with pytest.raises(ValidationError, match=message):
        annotations.add(filled, uid, body, author, **args)  # type: ignore[arg-type]
    assert annotations.for_statement_uid(filled, uid, include_deleted=True) == []
    note = annotations.add(filled, uid, "valid", "anna")
    with pytest.raises(ValidationError, match=message):
        annotations.edit(filled, note.uid, body=body, author=author, **args)
    assert annotations.get(filled, note.uid) == note


def test_unknown_ids(filled: Store) -> None:
    with pytest.raises(NotFoundError):
        annotations.add(filled, "no-such-statement", "text", "anna")
    with pytest.raises(NotFoundError):
        annotations.edit(filled, "no-such-annotation", body="x")
    with pytest.raises(ValidationError, match="cannot edit"):
        annotations.edit(filled, "whatever", created_at="2020")


def test_find_by_issue_kind_tag_author_and_dates(filled: Store) -> None:
    issue_uids = two_statements(filled, "joint_economic_activity")
    other_issue = next(s for s in statements.iterate(filled, StatementFilter()) if s.issue != "joint_economic_activity")
    a = annotations.add(filled, issue_uids[0], "one", "anna", tags=["meeting"])
    b = annotations.add(filled, issue_uids[1], "two", "boris", kind="shift", tags=["meeting", "x"])
    c = annotations.add(filled, other_issue.uid, "three", "anna", kind="shift")
    annotations.move_to_bin(filled, c.uid)
    uids = lambda flt: [n.uid for n in annotations.find(filled, flt)]  # noqa: E731
    assert uids(AnnotationFilter()) == [a.uid, b.uid]
    assert uids(AnnotationFilter(include_deleted=True)) == [a.uid, b.uid, c.uid]
    assert uids(AnnotationFilter(issue="joint_economic_activity", include_deleted=True)) == [a.uid, b.uid]
    assert uids(AnnotationFilter(kind="shift", include_deleted=True)) == [b.uid, c.uid]
    assert uids(AnnotationFilter(tag="meeting")) == [a.uid, b.uid]
    assert uids(AnnotationFilter(tag="x")) == [b.uid]
    assert uids(AnnotationFilter(author="anna")) == [a.uid]
    today = a.updated_at[:10]
    assert uids(AnnotationFilter(date_from=today, date_to=today)) == [a.uid, b.uid]
    assert uids(AnnotationFilter(date_to="2000-01-01")) == []
    assert uids(AnnotationFilter(uids=(b.uid,))) == [b.uid]
    assert annotations.authors(filled) == ["anna", "boris"]
    assert annotations.all_tags(filled) == ["meeting", "x"]
    with pytest.raises(ValidationError):
        annotations.find(filled, AnnotationFilter(kind="gossip"))


def test_search_finds_annotation_text(filled: Store) -> None:
    from db import search

    uid, _ = two_statements(filled)
    annotations.add(filled, uid, "Сравнить с заявлением МИД", "anna")
    hits = search.search(filled, "заявлением")
    assert [h.matched_in for h in hits] == ["annotation"]


def test_two_stores_on_one_file_see_each_others_changes(db_path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db_path) as first, Store.open(db_path) as second:
        sample.fill(first)
        uid, _ = two_statements(first)
        mine = annotations.add(first, uid, "mine", "anna")
        theirs = annotations.add(second, uid, "theirs", "boris")
        annotations.edit(second, mine.uid, tags=["seen"])
        annotations.edit(first, mine.uid, body="mine, edited")
        for store in (first, second):
            notes = {n.uid: n for n in annotations.for_statement_uid(store, uid)}
            assert notes[mine.uid].body == "mine, edited" and notes[mine.uid].tags == ("seen",)
            assert notes[theirs.uid].body == "theirs"
        assert len(annotations.history(second, mine.uid)) == 3
