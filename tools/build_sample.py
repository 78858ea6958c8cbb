"""Build resources/sample/sample.json from the hand-annotated gold files in ../shared/corpus.

The sample ships short verbatim quotes with their citation, never the article texts. Run it again when the
gold files change: `python3 tools/build_sample.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus"
TARGET = PROJECT / "resources" / "sample" / "sample.json"
NON_OFFICIAL_SIDES = {"media", "expert"}


def main() -> None:
    articles = json.loads((CORPUS / "articles.json").read_text(encoding="utf-8"))
    sources = [
        {key: article[key] for key in ("file", "title", "outlet", "author", "published", "published_basis", "language")}
        for article in articles
    ]
    statements = []
    for name in ("gold.jsonl", "gold_non_official.jsonl"):
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            gold = json.loads(line)
            statements.append(
                {
                    "source": gold["article"],
                    "speaker": gold["speaker"],
                    "speaker_as_written": gold["speaker_as_written"],
                    "side": None if gold["side"] in NON_OFFICIAL_SIDES else gold["side"],
                    "issue": gold["issue"],
                    "date": gold["date"],
                    "date_basis": gold["date_basis"],
                    "kind": gold["kind"],
                    "quote": gold["quote"],
                }
            )
    TARGET.write_text(
        json.dumps({"sources": sources, "statements": statements}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{TARGET}: {len(sources)} sources, {len(statements)} statements")


if __name__ == "__main__":
    main()
