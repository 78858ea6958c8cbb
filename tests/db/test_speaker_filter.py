"""The speaker filter finds any part of a name, an alias or the name as written, in any case and script."""

from __future__ import annotations

import pytest

from db import actors, statements
from db.partial_date import PartialDate
from db.statements import NewStatement, StatementFilter
from db.store import Store


@pytest.fixture
def said(store: Store) -> dict[str, str]:
    day = PartialDate(2018, 11, 14)

    def add(speaker: str, as_written: str, actor_key: str | None, quote: str) -> str:
        return statements.add(store, NewStatement(speaker, "russia", "peace_treaty", day, quote,
                                                  speaker_as_written=as_written, actor_key=actor_key))  # fmt: skip

    return {
        "lavrov": add("Sergey Lavrov", "Лавров", "sergey-lavrov", "Договор возможен"),
        "kono": add("Taro Kono", "河野外相", "taro-kono", "交渉を続ける"),
        "unknown": add("Ёлкин Пётр", "Пётр Ёлкин", None, "Мнение эксперта"),
    }


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lavr", {"lavrov"}),  # part of the name, lower case
        ("ЛАВРОВА", {"lavrov"}),  # an inflected alias, upper case
        ("лавровым", {"lavrov"}),
        ("ラブロフ", {"lavrov"}),  # a Japanese alias of an actor whose statement was written in Russian
        ("河野", {"kono"}),
        ("kono", {"kono"}),
        ("елкин", {"unknown"}),  # ё typed as е, no actor: the names as stored
        ("петр", {"unknown"}),
        ("zzz", set()),
    ],
)
def test_any_part_of_a_name_or_alias_in_any_case(store: Store, said: dict[str, str], typed: str,
                                                 expected: set[str]) -> None:  # fmt: skip
    found = {s.uid for s in statements.iterate(store, StatementFilter(speaker=typed))}
    assert found == {said[name] for name in expected}
    assert statements.count(store, StatementFilter(speaker=typed)) == len(expected)
    for name, uid in said.items():
        assert statements.matches(store, StatementFilter(speaker=typed), uid) == (name in expected)


def test_an_alias_added_later_is_found_at_once(store: Store, said: dict[str, str]) -> None:
    assert statements.count(store, StatementFilter(speaker="lawrow")) == 0
    actors.add_alias(store, actors.find_by_key(store, "sergey-lavrov").id, "Sergej Lawrow", "en")
    assert [s.uid for s in statements.iterate(store, StatementFilter(speaker="lawrow"))] == [said["lavrov"]]
