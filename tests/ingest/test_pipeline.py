"""The import pipeline end to end on real files: what it proposes, what it commits, and bad input of every kind.

Every bad input must give a message naming the file (and the row, for tables) and leave the database exactly as
it was: compared as a dump of its content, not just a count.
"""

from __future__ import annotations

import hashlib
import http.server
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.errors import ValidationError
from db.ingest.errors import IngestError
from db.ingest.gazetteer import Gazetteer
from db.ingest.pipeline import (
    CHUNK_CHARS,
    Analysis,
    Failure,
    Overrides,
    analyse,
    analyse_files,
    busiest_issue,
    chunk_bounds,
    commit,
    count_undated,
    date_from_publication,
    extract_in_chunks,
)
from db.partial_date import PartialDate
from db.store import Store
from tests.conftest import CORPUS_DIR

ARTICLE = CORPUS_DIR / "03_kharitonova_after_putin_visit_2017-03-06.txt"
RU_TEXT = (
    "Лавров: переговоры о мирном договоре продолжатся\n\n"
    "Министр иностранных дел России Сергей Лавров заявил в понедельник, что Москва готова продолжить "
    "переговоры с Токио о мирном договоре. По его словам, совместная хозяйственная деятельность на "
    "Курильских островах должна вестись по российским законам.\n"
)
JA_TEXT = (
    "河野外相、平和条約交渉を継続\n\n"
    "河野太郎外相は十五日の記者会見で、ロシアとの平和条約締結交渉を粘り強く続ける考えを示した。"
    "外相は「北方領土問題を解決して平和条約を締結するという基本方針に変わりはない」と述べた。\n"
)
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    + b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    + zlib.compress(bytes(range(256)) * 8)
    + b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def fingerprint(path: Path) -> str:
    """The database's content (every row of every table, schema included): equal means unchanged."""
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8"))
        return digest.hexdigest()
    finally:
        conn.close()


def counts(store: Store) -> tuple[int, int]:
    sources = store.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    statements = store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    return sources, statements


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


def test_corpus_article_analysed_committed_and_recognised_when_imported_again(
    store: Store, gazetteer: Gazetteer
) -> None:
    steps: list[tuple[int, int, str]] = []
    analysis = analyse(ARTICLE, gazetteer=gazetteer, report=lambda *step: steps.append(step))
    assert steps and steps[0][0] == 0 and all(total > 0 for _, total, _ in steps)
    document = analysis.document
    assert document.format == "text" and document.encoding == "utf-8" and document.language == "en"
    assert document.published == PartialDate(2017, 3, 6)
    assert analysis.candidates, "the pipeline proposes statements for a real article"
    for candidate in analysis.candidates:
        assert document.text[candidate.start : candidate.end] == candidate.quote
    accepted = analysis.accepted()

    [result] = commit(store, [analysis])
    assert not result.duplicate and result.added == len(accepted)
    assert counts(store) == (1, len(accepted))
    reviewed = store.conn.execute("SELECT count(*) FROM statements WHERE reviewed = 1").fetchone()[0]
    assert reviewed == 0, "imported statements wait for review"

    before = fingerprint(store.path)
    [again] = commit(store, [analyse(ARTICLE, gazetteer=gazetteer)])
    assert again.duplicate and again.added == 0 and again.source_id == result.source_id
    assert fingerprint(store.path) == before


def test_commit_is_all_or_nothing(store: Store, gazetteer: Gazetteer, tmp_path: Path) -> None:
    good = analyse(ARTICLE, gazetteer=gazetteer)
    ru = tmp_path / "ru.txt"
    ru.write_text(RU_TEXT, encoding="utf-8")
    bad = analyse(ru, gazetteer=gazetteer)
    bad.candidates[0].issue = "no_such_issue"
    bad.candidates[0].accepted = True
    before = fingerprint(store.path)
    with pytest.raises(ValidationError, match="no_such_issue"):
        commit(store, [good, bad])
    assert fingerprint(store.path) == before


def test_cancel_during_commit_rolls_everything_back(store: Store, gazetteer: Gazetteer, tmp_path: Path) -> None:
    ru = tmp_path / "ru.txt"
    ru.write_text(RU_TEXT, encoding="utf-8")
    analyses = [analyse(ARTICLE, gazetteer=gazetteer), analyse(ru, gazetteer=gazetteer)]
    before = fingerprint(store.path)

    class Cancelled(Exception):
        pass

    def report(done: int, total: int, message: str) -> None:
        if done == 1:  # the first file is written, inside the transaction
            raise Cancelled()

    with pytest.raises(Cancelled):
        commit(store, analyses, report)
    assert fingerprint(store.path) == before
    assert len(commit(store, analyses)) == 2  # the store is usable afterwards


def test_cancel_during_extraction_stops_at_the_next_chunk(gazetteer: Gazetteer) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    from db.ingest.reader import read_document

    document = read_document(ARTICLE)
    document.text = "\n\n".join([text] * 4)  # several chunks
    assert len(chunk_bounds(document.text)) > 2
    calls: list[int] = []

    def report(done: int, total: int, message: str) -> None:
        calls.append(done)
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_in_chunks(document, gazetteer, report)
    assert calls == [1, 2]


def test_chunks_cover_the_text_and_offsets_stay_true(gazetteer: Gazetteer) -> None:
    from db.ingest.reader import read_document

    document = read_document(ARTICLE)
    single = extract_in_chunks(document, gazetteer, lambda *_: None)
    document.text = "\n\n".join([document.text] * 3)
    bounds = chunk_bounds(document.text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(document.text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(end - start <= CHUNK_CHARS for start, end in bounds)
    tripled = extract_in_chunks(document, gazetteer, lambda *_: None)
    assert all(document.text[c.start : c.end] == c.quote for c in tripled)
    assert len(tripled) >= 2 * len(single)


@pytest.mark.parametrize(
    ("encoding", "text", "language"),
    [
        ("utf-8-sig", RU_TEXT, "ru"),
        ("utf-16", JA_TEXT, "ja"),
        ("utf-16", RU_TEXT, "ru"),
        ("cp1251", RU_TEXT, "ru"),
        ("koi8-r", RU_TEXT, "ru"),
        ("shift_jis", JA_TEXT, "ja"),
        ("euc_jp", JA_TEXT, "ja"),
        ("iso2022_jp", JA_TEXT, "ja"),
    ],
)
def test_every_encoding_reads_and_commits(
    store: Store, gazetteer: Gazetteer, tmp_path: Path, encoding: str, text: str, language: str
) -> None:
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    analysis = analyse(path, gazetteer=gazetteer)
    assert analysis.document.language == language
    assert analysis.document.text.strip() == text.strip()
    assert analysis.document.title == text.splitlines()[0]
    speakers = {c.speaker for c in analysis.candidates}
    assert speakers & {"Sergey Lavrov", "Taro Kono"}
    [result] = commit(store, [analysis])
    stored = store.conn.execute("SELECT text FROM sources WHERE id = ?", (result.source_id,)).fetchone()[0]
    assert stored.strip() == text.strip()


def test_overrides_win_over_detection(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RU_TEXT.encode("koi8-r"))
    wrong = analyse(path, gazetteer=gazetteer, overrides=Overrides(encoding="cp1251"))
    assert wrong.document.encoding == "cp1251" and "Лавров" not in wrong.document.text
    right = analyse(
        path,
        gazetteer=gazetteer,
        overrides=Overrides(encoding="koi8-r", published=PartialDate(2017, 4, 3), outlet="ТАСС"),
    )
    assert "Лавров" in right.document.text
    assert right.document.published == PartialDate(2017, 4, 3) and right.document.outlet == "ТАСС"
    assert {c.said_on for c in right.candidates} == {PartialDate(2017, 4, 3)}


def test_statements_without_any_date_are_kept_and_committed_with_the_date_unknown(
    store: Store, gazetteer: Gazetteer, tmp_path: Path
) -> None:
    path = tmp_path / "undated.txt"  # no date in the text, no publication date: nothing to date them by
    path.write_text(RU_TEXT.replace(" в понедельник", ""), encoding="utf-8")
    analysis = analyse(path, gazetteer=gazetteer)
    assert analysis.document.published is None
    undated = [c for c in analysis.candidates if c.accepted and c.said_on is None]
    assert len(undated) >= 2 and {c.date_basis for c in undated} == {"unknown"}
    assert count_undated(analysis) == len(undated)
    assert any("no publication date" in problem for problem in analysis.problems)
    [result] = commit(store, [analysis])
    assert result.added == len(analysis.accepted())
    stored = store.conn.execute(
        "SELECT count(*) FROM statements WHERE source_id = ? AND said_on IS NULL AND date_precision = 'unknown'",
        (result.source_id,),
    ).fetchone()[0]
    assert stored == len(undated)

    later = analyse(path, gazetteer=gazetteer)  # the user gives the publication date in the wizard instead
    date_from_publication(later, PartialDate(2017, 4, 3))
    assert count_undated(later) == 0
    assert {c.said_on for c in later.candidates if c.date_basis == "article"} == {PartialDate(2017, 4, 3)}


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("picture.txt", PNG_BYTES, "PNG"),
    ],
)
def test_unreadable_files_get_a_clear_message(
    gazetteer: Gazetteer, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        analyse(path, gazetteer=gazetteer)
    assert name in str(caught.value) and expected.lower() in str(caught.value).lower()


def test_missing_file_and_folder(gazetteer: Gazetteer, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="gone.txt: .*does not exist"):
        analyse(tmp_path / "gone.txt", gazetteer=gazetteer)
    with pytest.raises(IngestError, match="folder"):
        analyse(tmp_path, gazetteer=gazetteer)


def test_file_disappearing_mid_import_fails_alone(store: Store, gazetteer: Gazetteer, tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(RU_TEXT, encoding="utf-8")
    second.write_text(JA_TEXT, encoding="utf-8")

    def report(done: int, total: int, message: str) -> None:
        if "first.txt" in message:
            second.unlink(missing_ok=True)  # gone while the first file is being read

    results = analyse_files([first, second], gazetteer=gazetteer, report=report)
    assert isinstance(results[0], Analysis)
    assert isinstance(results[1], Failure) and "second.txt" in results[1].message
    assert "does not exist" in results[1].message
    commit(store, [results[0]])
    assert counts(store)[0] == 1


class _RecordingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server interface)
        _RecordingHandler.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def local_server() -> Iterator[str]:
    """A server on the loopback interface that records every request: a page must never make one."""
    _RecordingHandler.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def hostile_html(base: str, secret: Path) -> str:
    return f"""<!doctype html><html lang="ru"><head><title>Лавров о мирном договоре</title>
<script>document.write("SCRIPT-RAN"); fetch("{base}/script-fetch");</script>
<script src="{base}/external.js"></script><link rel="stylesheet" href="{base}/style.css">
</head><body><article><h1>Лавров о мирном договоре</h1>
<p><img src="{base}/pixel.png" alt="фото"> <img src="file://{secret}"></p>
<p>{RU_TEXT.split(chr(10))[2]}</p>
<iframe src="{base}/frame"></iframe></article></body></html>"""


def test_html_scripts_and_images_are_not_content_and_nothing_is_fetched(
    store: Store, gazetteer: Gazetteer, tmp_path: Path, local_server: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(hostile_html(local_server, secret), encoding="utf-8")
    analysis = analyse(page, gazetteer=gazetteer)
    text = analysis.document.text
    assert analysis.document.format == "html" and "Сергей Лавров заявил" in text
    for leftover in ("SCRIPT-RAN", "fetch(", "external.js", "pixel.png", "<img", "SECRET-FILE", "file://"):
        assert leftover not in text
    commit(store, [analysis])
    time.sleep(0.2)  # give a stray request the time to arrive
    assert _RecordingHandler.hits == []


def test_table_rows_become_candidates(store: Store, gazetteer: Gazetteer, tmp_path: Path) -> None:
    table = tmp_path / "statements.csv"
    table.write_text(
        "speaker,side,issue,date,quote,kind,outlet\n"
        'Sergey Lavrov,russia,peace_treaty,2018-11-14,"Мы готовы работать на основе декларации 1956 года",'
        "direct_quote,ТАСС\n"
        "Taro Kono,japan,territorial_dispute,2018-12,北方領土問題を解決して平和条約を締結する,reported,ТАСС\n"
        "Nikkei,media,sanctions,2018,The sanctions stay,reported,ТАСС\n",
        encoding="utf-8",
    )
    analysis = analyse(table, gazetteer=gazetteer)
    assert analysis.is_table and analysis.document.outlet == "ТАСС"
    assert [c.confidence for c in analysis.candidates] == [1.0, 1.0, 1.0]
    assert {c.reason for c in analysis.candidates} == {"from table"}
    assert all(analysis.document.text[c.start : c.end] == c.quote for c in analysis.candidates)
    lavrov, kono, nikkei = analysis.candidates
    assert (lavrov.actor_key, lavrov.kind) == ("sergey-lavrov", "direct_quote")
    assert lavrov.said_on == PartialDate(2018, 11, 14)
    assert (kono.side, kono.said_on) == ("japan", PartialDate(2018, 12))
    assert (nikkei.side, nikkei.category) == (None, "media")
    [result] = commit(store, [analysis])
    assert result.added == 3
    rows = store.conn.execute(
        "SELECT st.speaker, sd.slug, st.said_on, st.date_precision, st.kind FROM statements st"
        " LEFT JOIN sides sd ON sd.id = st.side_id ORDER BY st.id"
    ).fetchall()
    assert rows == [
        ("Sergey Lavrov", "russia", "2018-11-14", "day", "direct_quote"),
        ("Taro Kono", "japan", "2018-12-01", "month", "reported"),
        ("Nikkei", None, "2018-01-01", "year", "reported"),
    ]
    assert busiest_issue([analysis], [result]) in {"peace_treaty", "territorial_dispute", "sanctions"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("speaker,side,date,quote\nSergey Lavrov,russia,2018-11-14,Мы готовы\n", "issue"),
        ("speaker,side,issue,date,quote\nSergey Lavrov,russia,peace_treaty,2018-11-14,Мы готовы\n"
         "Taro Kono,japan,peace_treaty,31.02.2018,基本方針\n", "row 3"),
        ("speaker,side,issue,date,quote\nSergey Lavrov,russia,peace_treaty,someday,Мы готовы\n", "row 2"),
        ("speaker,side,issue,date,quote\nSergey Lavrov,russia,no_such_issue,2018-11-14,Мы готовы\n", "no_such_issue"),
        ("speaker,side,issue,date,quote\nSergey Lavrov,mars,peace_treaty,2018-11-14,Мы готовы\n", "mars"),
    ],
)  # fmt: skip
def test_bad_tables_name_the_problem_and_change_nothing(
    store: Store, gazetteer: Gazetteer, tmp_path: Path, content: str, expected: str
) -> None:
    table = tmp_path / "bad.csv"
    table.write_text(content, encoding="utf-8")
    before = fingerprint(store.path)
    results = analyse_files([table], gazetteer=gazetteer)
    assert isinstance(results[0], Failure)
    assert "bad.csv" in results[0].message and expected in results[0].message
    assert fingerprint(store.path) == before


def test_fifty_megabyte_file_reads_with_progress_in_bounded_memory(tmp_path: Path) -> None:
    """A 50 MB file: read + the first extraction chunks, then Cancel (prompt); then its text committed as a source.

    Bounded to ~20 s: extracting all of it takes minutes (tens of thousands of characters a second), so the test
    cancels after three chunks. Run in a child process so that its peak memory is its own.
    """
    import subprocess
    import sys

    from tests.conftest import PROJECT_DIR

    big = tmp_path / "big.txt"
    paragraph = (RU_TEXT.split("\n")[2] + "\n\n").encode("utf-8")
    with big.open("wb") as out:
        out.write("Стенограмма\n\n".encode())
        for _ in range(50 * 1024 * 1024 // len(paragraph)):
            out.write(paragraph)
    size = big.stat().st_size
    script = f"""
import resource, sys, time
from db.ingest.gazetteer import Gazetteer
from db.ingest.pipeline import analyse
steps = []
def report(done, total, message):
    steps.append((time.perf_counter(), done, total))
    if done >= 3:
        raise KeyboardInterrupt
gazetteer = Gazetteer.load()
start = time.perf_counter()
try:
    analyse({str(big)!r}, gazetteer=gazetteer, report=report)
except KeyboardInterrupt:
    pass
end = time.perf_counter()
from pathlib import Path
from db.ingest.pipeline import Analysis, commit
from db.ingest.reader import read_document
from db.store import Store
document = read_document({str(big)!r})
with Store.open({str(tmp_path / "big.sqlite")!r}) as store:
    commit(store, [Analysis(Path({str(big)!r}), document, [])])
    stored = store.conn.execute("SELECT length(text) FROM sources").fetchone()[0]
assert stored == len(document.text) > 25_000_000, stored
def peak_mb():  # VmHWM is this process's own; ru_maxrss may carry the forking parent's across exec
    try:
        status = Path("/proc/self/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")) // 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(len(steps), steps[-1][2], round(end - start, 2), round(end - steps[-1][0], 3), peak_mb())
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    reports, total, seconds, after_cancel, peak_mb = done.stdout.split()
    print(f"50 MB: {reports} reports of {total}, {seconds} s, {after_cancel} s after Cancel, peak {peak_mb} MB")
    assert int(reports) == 4 and int(total) > 1000, "one report per chunk of the whole file"
    assert float(seconds) < 25 and float(after_cancel) < 0.5
    assert int(peak_mb) < 8 * size / 2**20, f"peak {peak_mb} MB for a {size / 2**20:.0f} MB file"


def test_tables_in_json_and_legacy_encodings(gazetteer: Gazetteer, tmp_path: Path) -> None:
    rows = [{"speaker": "Сергей Лавров", "side": "russia", "issue": "peace_treaty", "date": "14 ноября 2018 г.",
             "quote": "Мы готовы работать на основе декларации 1956 года"}]  # fmt: skip
    as_json = tmp_path / "statements.json"
    as_json.write_text(__import__("json").dumps(rows, ensure_ascii=False), encoding="utf-8")
    as_csv = tmp_path / "statements.csv"
    as_csv.write_bytes(("speaker;side;issue;date;quote\n" + ";".join(rows[0].values()) + "\n").encode("cp1251"))
    for path, encoding in ((as_json, "utf-8"), (as_csv, "cp1251")):
        analysis = analyse(path, gazetteer=gazetteer)
        [candidate] = analysis.candidates
        assert analysis.document.encoding == encoding and analysis.document.language == "ru"
        assert (candidate.speaker, candidate.actor_key) == ("Sergey Lavrov", "sergey-lavrov")
        assert candidate.quote == rows[0]["quote"] and candidate.said_on == PartialDate(2018, 11, 14)
