"""The bundled sample content: real statements from three articles on Russia–Japan relations.

Quotes are short verbatim excerpts with their source citation (built from the corpus gold annotations by
tools/build_sample.py); the articles themselves are not shipped, so sample sources carry no full text.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

from db import sources, statements
from db.ingest.document import Document
from db.partial_date import PartialDate
from db.store import Store


def load_sample_data() -> dict[str, list[dict[str, str | None]]]:
    text = resources.files("resources").joinpath("sample/sample.json").read_text(encoding="utf-8")
    data: dict[str, list[dict[str, str | None]]] = json.loads(text)
    return data


def fill(store: Store) -> int:
    """Add the sample statements (reviewed) in one transaction; running it twice adds nothing the second time."""
    data = load_sample_data()
    added = 0
    with store.transaction():
        for src in data["sources"]:
            file_name = str(src["file"])
            sha256 = hashlib.sha256(f"positions-sample:{file_name}".encode()).hexdigest()
            if sources.find_by_sha256(store, sha256) is not None:
                continue
            document = Document(
                file_name=file_name,
                sha256=sha256,
                format="text",
                encoding="utf-8",
                language=str(src["language"] or "en"),
                text="",
                title=str(src["title"] or ""),
                outlet=src["outlet"],
                author=src["author"],
                published=PartialDate.from_iso(str(src["published"])) if src["published"] else None,
                published_basis=str(src["published_basis"] or ""),
            )
            source_id = sources.add_source(store, document)
            for row in data["statements"]:
                if row["source"] != file_name:
                    continue
                statements.add(
                    store,
                    statements.NewStatement(
                        speaker=str(row["speaker"]),
                        speaker_as_written=str(row["speaker_as_written"]),
                        side=row["side"],
                        issue=str(row["issue"]),
                        said_on=PartialDate.from_iso(str(row["date"])),
                        date_basis=str(row["date_basis"]),
                        kind=str(row["kind"]),
                        quote=str(row["quote"]),
                        language=document.language,
                        reviewed=True,
                    ),
                    source_id,
                )
                added += 1
    return added
