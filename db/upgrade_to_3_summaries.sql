-- Schema step 3: position summaries, done follow-ups and issue reviews (issue 11, "the brief").
--
-- A summary is an annotation on an issue and a side instead of on a statement: the annotations table is
-- rebuilt (SQLite cannot relax NOT NULL or change a CHECK in place) in SQLite's documented way, with the
-- rows, their ids and so their history kept; migrations.upgrade runs this with foreign keys off and checks
-- them before the commit. `rests_on` lists the statements (uids) a summary rests on; `done_at` closes a
-- follow-up. Both are kept in the history like every other field.

CREATE TABLE annotations_rebuilt (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    statement_id INTEGER REFERENCES statements(id),  -- NULL for a summary
    issue_id INTEGER REFERENCES issues(id),          -- a summary's issue and side; NULL otherwise
    side_id INTEGER REFERENCES sides(id),
    author TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',               -- JSON list of strings
    kind TEXT NOT NULL DEFAULT 'note'
        CHECK (kind IN ('note', 'shift', 'contradiction', 'follow_up', 'summary')),
    linked_statement_uid TEXT,                     -- the other statement of a contradiction
    due_on TEXT,                                   -- ISO day, for follow-ups
    done_at TEXT,                                  -- when a follow-up was done
    rests_on TEXT NOT NULL DEFAULT '[]',           -- JSON list of statement uids a summary rests on
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,                               -- in the bin when set; rows are never removed
    search_text TEXT GENERATED ALWAYS AS (
        replace(replace(body || ' ' || tags, 'ё', 'е'), 'Ё', 'Е') || char(10)
    ) VIRTUAL,
    CHECK ((kind = 'summary') = (statement_id IS NULL)),
    CHECK ((kind = 'summary') = (issue_id IS NOT NULL AND side_id IS NOT NULL)),
    CHECK (kind = 'summary' OR (issue_id IS NULL AND side_id IS NULL))
);

INSERT INTO annotations_rebuilt (id, uid, statement_id, author, body, tags, kind, linked_statement_uid, due_on,
                                 created_at, updated_at, deleted_at)
SELECT id, uid, statement_id, author, body, tags, kind, linked_statement_uid, due_on, created_at, updated_at,
       deleted_at
FROM annotations;

DROP TABLE annotations;
ALTER TABLE annotations_rebuilt RENAME TO annotations;
CREATE INDEX annotations_statement ON annotations(statement_id);
CREATE INDEX annotations_summary ON annotations(issue_id, side_id, updated_at) WHERE kind = 'summary';
CREATE INDEX annotations_open_follow_ups ON annotations(due_on)
    WHERE kind = 'follow_up' AND deleted_at IS NULL AND done_at IS NULL;
CREATE INDEX annotations_updated ON annotations(updated_at);

ALTER TABLE annotation_history ADD COLUMN done_at TEXT;
ALTER TABLE annotation_history ADD COLUMN rests_on TEXT NOT NULL DEFAULT '[]';

CREATE TRIGGER annotations_keep_history AFTER UPDATE ON annotations
WHEN old.body IS NOT new.body OR old.tags IS NOT new.tags OR old.kind IS NOT new.kind
  OR old.author IS NOT new.author OR old.linked_statement_uid IS NOT new.linked_statement_uid
  OR old.due_on IS NOT new.due_on OR old.deleted_at IS NOT new.deleted_at
  OR old.done_at IS NOT new.done_at OR old.rests_on IS NOT new.rests_on
BEGIN
    INSERT INTO annotation_history (annotation_id, author, body, tags, kind, linked_statement_uid, due_on,
                                    deleted_at, done_at, rests_on, valid_from, replaced_at)
    VALUES (old.id, old.author, old.body, old.tags, old.kind, old.linked_statement_uid, old.due_on,
            old.deleted_at, old.done_at, old.rests_on, old.updated_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER annotations_never_deleted BEFORE DELETE ON annotations
BEGIN
    SELECT RAISE(ABORT, 'annotations are never deleted: set deleted_at to move one to the bin');
END;

-- "I have gone through this issue": each time the user says so, for "changes since my last review".
CREATE TABLE issue_reviews (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues(id),
    reviewer TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL                      -- UTC timestamp, like created_at
);
CREATE INDEX issue_reviews_issue ON issue_reviews(issue_id, reviewed_at);
