-- Curation: one statement with several sources, retired issues, the bundled reference data remembered,
-- and search triggers that fire only when searched text changes.

-- The same statement reported by several outlets is one statement; every source beyond its own is a row here,
-- with the words as that source reported them. `merged_uid` and `merged_row` keep a statement that was merged
-- into another (by hand or on import) so the merge can be undone exactly and colleagues' annotations on the old
-- uid still find their statement.
CREATE TABLE statement_sources (
    id INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    source_id INTEGER REFERENCES sources(id),
    quote TEXT NOT NULL,
    speaker_as_written TEXT NOT NULL DEFAULT '',
    said_on TEXT,
    date_precision TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    start_offset INTEGER,
    end_offset INTEGER,
    merged_uid TEXT UNIQUE,
    merged_row TEXT,                               -- JSON: the merged statement's row and what moved with it
    added_at TEXT NOT NULL
);
CREATE INDEX statement_sources_statement ON statement_sources(statement_id);
CREATE INDEX statement_sources_source ON statement_sources(source_id);

-- A retired issue keeps its statements but is no longer offered for new ones or used to classify imports.
ALTER TABLE issues ADD COLUMN retired_at TEXT;

-- Near-duplicates are looked up by speaker and date.
DROP INDEX IF EXISTS statements_actor;
CREATE INDEX statements_actor_date ON statements(actor_id, said_on);

-- The bundled sides, issues and actors as last merged into this database (db/reference_data.py): what lets a
-- newer Positions bring new names and keywords without undoing the user's own edits.
CREATE TABLE reference_baseline (
    kind TEXT NOT NULL CHECK (kind IN ('bundle', 'side', 'issue', 'actor')),
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;

-- Marking statements reviewed or moving them between issues must not re-index their text (24 times slower).
DROP TRIGGER IF EXISTS statements_au;
DROP TRIGGER IF EXISTS annotations_au;
