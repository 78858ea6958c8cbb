from db import issues, sample, statements
from db.statements import StatementFilter
from db.store import Store


def test_sample_shows_both_sides_on_at_least_six_issues(store: Store) -> None:
    added = sample.fill(store)
    assert added >= 100
    both_sides = [s for s in issues.summaries(store) if s.counts.get("russia") and s.counts.get("japan")]
    assert len(both_sides) >= 6
    assert sample.fill(store) == 0  # twice changes nothing


def test_sample_statements_cite_their_source(store: Store) -> None:
    sample.fill(store)
    first = statements.page(store, StatementFilter(issue="joint_economic_activity", side="russia"), limit=1)[0]
    assert first.source is not None and first.source.title
    assert first.reviewed
    media = statements.page(store, StatementFilter(side=statements.NO_SIDE), limit=500)
    assert media and all(s.side is None for s in media)
