"""The gazetteer the importer uses: the user's own actors, issues and sides, read from the database.

Edits made in the actor and issue editors (an alias, a keyword) therefore reach the next import; retired
issues are left out, so nothing new is classified under them. `Gazetteer.load()` (the bundled files) stays
for the extraction tests and the evaluation, which must not depend on anyone's database.
"""

from __future__ import annotations

import sqlite3

from db import reference_data
from db.ingest.gazetteer import Gazetteer
from db.store import Store


def load_gazetteer(source: Store | sqlite3.Connection) -> Gazetteer:
    conn = source.conn if isinstance(source, Store) else source
    return Gazetteer.from_data(
        reference_data.actor_rows(conn),
        reference_data.issue_rows(conn, include_retired=False),
        reference_data.side_rows(conn),
    )
