"""A synthetic database of N statements in English, Russian and Japanese, for benchmarks.

Built once per size and cached under the system temp folder (building a million rows with the full-text
index takes minutes). Benchmarks run at POSITIONS_BENCH_SIZE statements, a small size by default (CI).
"""

from __future__ import annotations

import hashlib
import os
import random
import tempfile
import uuid
from pathlib import Path

from db import migrations
from db.migrations import SCHEMA_VERSION
from db.store import Store

DEFAULT_SIZE = 5_000
CONTENT_VERSION = 3  # of what this module writes (2: some statements without a date; 3: with actors); cache name
UNDATED_SHARE = 0.02  # statements imported without any date (said_on NULL, precision unknown)

EN = ["The minister said that talks on the peace treaty would continue",
      "Japan protested the deployment of missiles on the Kuril Islands",
      "Both sides agreed to expand joint economic activity on the islands",
      "He stressed the importance of dialogue on North Korea and sanctions",
      "The ministry expressed concern about the missile defense system"]  # fmt: skip
RU = ["Министр заявил, что переговоры о мирном договоре продолжатся",
      "Россия выразила обеспокоенность размещением систем ПРО",
      "Стороны договорились о совместной хозяйственной деятельности на островах",
      "Он подчеркнул, что острова принадлежат России по итогам войны"]  # fmt: skip
JA = ["外相は平和条約の締結に向けた交渉を続けると述べた",
      "政府は北方領土でのミサイル配備に抗議した",
      "両国は共同経済活動の拡大で合意した",
      "首相は北朝鮮の核開発に懸念を示した"]  # fmt: skip
SPEAKERS = [("Sergey Lavrov", 1), ("Vladimir Putin", 1), ("Maria Zakharova", 1),
            ("Shinzo Abe", 2), ("Taro Kono", 2), ("Fumio Kishida", 2), ("Nikkei", None)]  # fmt: skip


def schema_fingerprint() -> str:
    """A short hash of the migration code and SQL: two schemas that share a version number differ here."""
    folder = Path(migrations.__file__).parent
    digest = hashlib.sha256()
    for part in sorted([folder / "migrations.py", *folder.glob("*.sql")]):
        digest.update(part.read_bytes())
    return digest.hexdigest()[:8]


def bench_size() -> int:
    return int(os.environ.get("POSITIONS_BENCH_SIZE", DEFAULT_SIZE))


def synthetic_database(size: int, *, seed: int = 7) -> Path:
    """The path of a database with `size` statements over all issues, built on first use."""
    # Named after the schema (version and a fingerprint of the migrations: another branch's step of the same
    # number differs) and the content version: a cache from another schema or generator is never reused.
    name = f"positions-bench-{size}-v{SCHEMA_VERSION}-{schema_fingerprint()}-c{CONTENT_VERSION}.sqlite"
    path = Path(tempfile.gettempdir()) / name
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    rng = random.Random(seed)
    with Store.open(partial) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        issue_ids = [row[0] for row in store.conn.execute("SELECT id FROM issues")]
        actor_ids = dict(store.conn.execute("SELECT name, id FROM actors"))  # the outlet Nikkei has none
        stamp = "2024-01-01T00:00:00Z"
        batch = []
        with store.transaction():
            for n in range(size):
                language, texts = rng.choice((("en", EN), ("en", EN), ("ru", RU), ("ja", JA)))
                speaker, side = rng.choice(SPEAKERS)
                year, month, day = rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28)
                quote = f"{rng.choice(texts)} ({n})"
                said_on, precision = f"{year:04d}-{month:02d}-{day:02d}", "day"
                if rng.random() < UNDATED_SHARE:
                    said_on, precision = None, "unknown"
                batch.append((str(uuid.UUID(int=rng.getrandbits(128))), speaker, speaker, side, rng.choice(issue_ids),
                              said_on, precision, quote, language, stamp, stamp, actor_ids.get(speaker)))  # fmt: skip
                if len(batch) == 10_000:
                    _insert(store, batch)
                    batch = []
            _insert(store, batch)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    return path


def _insert(store: Store, rows: list[tuple[object, ...]]) -> None:
    store.conn.executemany(
        "INSERT INTO statements (uid, speaker, speaker_as_written, side_id, issue_id, said_on, date_precision, quote,"
        " language, created_at, updated_at, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
