-- Positions schema, version 1. Dates are ISO strings; `said_on` is the first day of the period the statement
-- is dated to, and `date_precision` says whether that period is a day, a month or a year.

CREATE TABLE sides (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    names TEXT NOT NULL DEFAULT '{}',              -- JSON {"en": .., "ru": .., "ja": ..}
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'body', 'state', 'delegation', 'media', 'expert')),
    side_id INTEGER REFERENCES sides(id),
    roles TEXT NOT NULL DEFAULT '[]',              -- JSON [{"title", "from", "to"}]
    aliases TEXT NOT NULL DEFAULT '{}',            -- JSON {"en": [..], "ru": [..], "ja": [..]}
    CHECK (kind NOT IN ('media', 'expert') OR side_id IS NULL)
);
CREATE INDEX actors_side ON actors(side_id);

CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    titles TEXT NOT NULL DEFAULT '{}',             -- JSON {"en": .., "ru": .., "ja": ..}
    description TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '{}',           -- JSON {"en": [..], "ru": [..], "ja": [..]}
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,                   -- of the file's bytes: the same document is imported once
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT,
    author TEXT,
    url TEXT,
    published TEXT,                                -- ISO at its precision: 2017, 2017-03, 2017-03-06
    published_basis TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    file_name TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',                 -- the normalised text every statement offset refers to
    imported_at TEXT NOT NULL
);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    source_id INTEGER REFERENCES sources(id),
    actor_id INTEGER REFERENCES actors(id),
    speaker TEXT NOT NULL,                         -- canonical name (the actor's, or as resolved)
    speaker_as_written TEXT NOT NULL DEFAULT '',
    side_id INTEGER REFERENCES sides(id),          -- NULL: media, experts, nobody's side
    issue_id INTEGER NOT NULL REFERENCES issues(id),
    said_on TEXT NOT NULL CHECK (said_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    date_precision TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
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
    ) VIRTUAL
);
CREATE INDEX statements_issue_side_date ON statements(issue_id, side_id, said_on, id);
CREATE INDEX statements_issue_date ON statements(issue_id, said_on, id);
CREATE INDEX statements_source ON statements(source_id);
CREATE INDEX statements_actor ON statements(actor_id);

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    author TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',               -- JSON list of strings
    kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'shift', 'contradiction', 'follow_up')),
    linked_statement_uid TEXT,                     -- the other statement of a contradiction
    due_on TEXT,                                   -- ISO day, for follow-ups
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,                               -- in the bin when set; rows are never removed
    search_text TEXT GENERATED ALWAYS AS (
        replace(replace(body || ' ' || tags, 'ё', 'е'), 'Ё', 'Е') || char(10)
    ) VIRTUAL
);
CREATE INDEX annotations_statement ON annotations(statement_id);

-- Every earlier version of an annotation, written by trigger so that no tool, ours or another, loses one.
CREATE TABLE annotation_history (
    id INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL REFERENCES annotations(id),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    kind TEXT NOT NULL,
    linked_statement_uid TEXT,
    due_on TEXT,
    deleted_at TEXT,
    valid_from TEXT NOT NULL,                      -- the version's updated_at
    replaced_at TEXT NOT NULL
);
CREATE INDEX annotation_history_annotation ON annotation_history(annotation_id);

CREATE TRIGGER annotations_keep_history AFTER UPDATE ON annotations
WHEN old.body IS NOT new.body OR old.tags IS NOT new.tags OR old.kind IS NOT new.kind
  OR old.author IS NOT new.author OR old.linked_statement_uid IS NOT new.linked_statement_uid
  OR old.due_on IS NOT new.due_on OR old.deleted_at IS NOT new.deleted_at
BEGIN
    INSERT INTO annotation_history (annotation_id, author, body, tags, kind, linked_statement_uid, due_on,
                                    deleted_at, valid_from, replaced_at)
    VALUES (old.id, old.author, old.body, old.tags, old.kind, old.linked_statement_uid, old.due_on,
            old.deleted_at, old.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER annotations_never_deleted BEFORE DELETE ON annotations
BEGIN
    SELECT RAISE(ABORT, 'annotations are never deleted: set deleted_at to move one to the bin');
END;
