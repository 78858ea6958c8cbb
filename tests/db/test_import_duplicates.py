"""On import, a statement that another outlet already reported becomes another source of it, not a second statement."""

from __future__ import annotations

from pathlib import Path

from db import records, statement_merge, statements
from db.ingest.pipeline import Analysis, analyse, commit
from db.near_duplicates import MergeTarget, detect
from db.statements import StatementFilter
from db.store import Store
from db.user_gazetteer import load_gazetteer

REPORTS = {
    "tass.txt": "Лавров: Москва не намерена передавать острова\n\nМОСКВА, 14 ноября 2018 года. /ТАСС/. Министр "
    "иностранных дел России Сергей Лавров заявил в среду, что Москва не намерена передавать острова Японии.\n",
    "ria.txt": "Лавров исключил передачу островов\n\nМОСКВА, 15 ноября 2018 — РИА Новости. Глава МИД России Сергей "
    "Лавров заявил, что Москва не намерена передавать Японии острова.\n",
    "kyodo.txt": "河野外相、交渉継続\n\n【東京共同】河野太郎外相は2018年11月15日の記者会見で、北方領土問題を解決して"
    "平和条約を締結するという基本方針に変わりはないと述べた。\n",
    "nhk.txt": "平和条約交渉\n\n河野外務大臣は2018年11月16日、記者会見で「北方領土問題を解決し、平和条約を締結するとの"
    "基本方針に変わりはない」と述べました。\n",
    "interfax.txt": "Лавров об островах\n\nМОСКВА, 16 ноября 2018. Интерфакс. Сергей Лавров заявил, что Москва не "
    "намерена передавать острова Японии.\n",
}


def read(store: Store, folder: Path, *names: str) -> list[Analysis]:
    gazetteer = load_gazetteer(store)
    found = []
    for name in names:
        path = folder / name
        path.write_text(REPORTS[name], encoding="utf-8")
        found.append(analyse(path, gazetteer=gazetteer))
    return found


def test_reports_of_one_statement_in_one_batch_become_one_statement_with_two_sources(
    store: Store, tmp_path: Path
) -> None:
    batch = read(store, tmp_path, "tass.txt", "kyodo.txt", "ria.txt", "nhk.txt")
    found = detect(store, [a.candidates for a in batch], [a.document.outlet for a in batch])
    assert {key: d.target for key, d in found.items()} == {
        (2, 0): MergeTarget(document=0, row=0),
        (3, 0): MergeTarget(document=1, row=0),
    }
    results = commit(store, batch, reviewed=True, merges={key: d.target for key, d in found.items() if d.merge})
    assert [(r.added, r.merged) for r in results] == [(1, 0), (1, 0), (0, 1), (0, 1)]
    shown = list(statements.iterate(store, StatementFilter()))
    assert sorted(s.speaker for s in shown) == ["Sergey Lavrov", "Taro Kono"]
    assert all(s.reviewed and s.more_sources == 1 for s in shown)
    lavrov = next(s for s in shown if s.speaker == "Sergey Lavrov")
    record = records.statement_record(store, lavrov)
    assert [source["quote"] for source in record["sources"]] == [batch[0].candidates[0].quote,
                                                                 batch[2].candidates[0].quote]  # fmt: skip


def test_a_later_report_of_a_stored_statement_is_found_and_joins_it(store: Store, tmp_path: Path) -> None:
    commit(store, read(store, tmp_path, "tass.txt"))
    (stored,) = statements.iterate(store, StatementFilter())
    assert not stored.reviewed  # the command line's import stays unreviewed
    later = read(store, tmp_path, "interfax.txt", "kyodo.txt")
    found = detect(store, [a.candidates for a in later], [a.document.outlet for a in later])
    assert list(found) == [(0, 0)] and found[(0, 0)].target == MergeTarget(uid=stored.uid)
    assert found[(0, 0)].outlet == "ТАСС"
    commit(store, later, merges={(0, 0): found[(0, 0)].target})
    assert [m.source.title for m in statement_merge.more_sources(store, stored.id)] == ["Лавров об островах"]  # type: ignore[union-attr]


def test_a_rejected_twin_leaves_the_repeat_as_a_statement_of_its_own(store: Store, tmp_path: Path) -> None:
    batch = read(store, tmp_path, "tass.txt", "ria.txt")
    found = detect(store, [a.candidates for a in batch], [a.document.outlet for a in batch])
    batch[0].candidates[0].accepted = False
    results = commit(store, batch, merges={key: d.target for key, d in found.items()})
    assert [(r.added, r.merged) for r in results] == [(0, 0), (1, 0)]
