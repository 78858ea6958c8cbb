-- Schema step 2: a statement's date may be unknown. `said_on` is NULL and `date_precision` is 'unknown'
-- for a statement whose date is not known yet (no date in the text and no publication date); the two
-- always agree. NULL rather than a stand-in day: every date comparison (a date range, keyset paging on
-- (said_on, id), max(said_on)) then leaves such a statement out instead of counting it as said on that
-- day, and the (issue, side, date) indexes find the undated ones with `said_on IS NULL` (an equality
-- seek) and the dated ones with `said_on IS NOT NULL` (a range that skips them).
--
-- SQLite cannot change a CHECK constraint, so the table is rebuilt as its documentation describes
-- (lang_altertable.html, "other kinds of table schema changes"): new table, copy every row with its id,
-- drop the old one, rename, indexes again. db/migrations.py runs this with foreign keys off inside the
-- upgrade's one transaction and checks them before COMMIT. Ids are kept, so annotations stay attached
-- and the full-text index (keyed by rowid) stays true; db/search_index.py puts the statements triggers
-- back after the step, as it does after every step.

CREATE TABLE statements_v2 (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    source_id INTEGER REFERENCES sources(id),
    actor_id INTEGER REFERENCES actors(id),
    speaker TEXT NOT NULL,                         -- canonical name (the actor's, or as resolved)
    speaker_as_written TEXT NOT NULL DEFAULT '',
    side_id INTEGER REFERENCES sides(id),          -- NULL: media, experts, nobody's side
    issue_id INTEGER NOT NULL REFERENCES issues(id),
    said_on TEXT CHECK (said_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),  -- NULL: not known
    date_precision TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year', 'unknown')),
    date_basis TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL CHECK (length(trim(quote)) > 0),
    kind TEXT NOT NULL DEFAULT 'reported' CHECK (kind IN ('direct_quote', 'reported', 'characterization')),
    language TEXT NOT NULL DEFAULT 'en',
    start_offset INTEGER,
    end_offset INTEGER,
    confidence REAL,
    reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- What full-text search indexes: quote and speaker, with ё folded to е; the trailing newline lets a
    -- two-character search find a word at the very end of the text (see db/search.py).
    search_text TEXT GENERATED ALWAYS AS (
        replace(replace(quote || ' ' || speaker || ' ' || speaker_as_written, 'ё', 'е'), 'Ё', 'Е') || char(10)
    ) VIRTUAL,
    CHECK ((said_on IS NULL) = (date_precision = 'unknown'))
);

INSERT INTO statements_v2 (id, uid, source_id, actor_id, speaker, speaker_as_written, side_id, issue_id, said_on,
                           date_precision, date_basis, quote, kind, language, start_offset, end_offset, confidence,
                           reviewed, created_at, updated_at)
SELECT id, uid, source_id, actor_id, speaker, speaker_as_written, side_id, issue_id, said_on,
       date_precision, date_basis, quote, kind, language, start_offset, end_offset, confidence,
       reviewed, created_at, updated_at
FROM statements;

DROP TABLE statements;

ALTER TABLE statements_v2 RENAME TO statements;

CREATE INDEX statements_issue_side_date ON statements(issue_id, side_id, said_on, id);
CREATE INDEX statements_issue_date ON statements(issue_id, said_on, id);
CREATE INDEX statements_source ON statements(source_id);
CREATE INDEX statements_actor ON statements(actor_id);
