"""Issue 12, item 1: a failed write is never reported as success, and never destroys the earlier file.

Every output of the command line (the PDF sheet, the annotations exchange file, CSV/JSONL exports) on a full
disk: a real one (a small tmpfs, where it can be mounted) and a simulated one (a file that raises ENOSPC).
"""

from __future__ import annotations

import csv
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db import atomic_output
from desktop.cli import main
from tests.conftest import fill_disk
from tests.db.test_atomic_output import FullDiskFile
from tests.desktop.test_printing_sheet_data import ISSUE, PROJECT_ROOT_HINT, fill_print_db


def pdfinfo_pages(path: Path) -> int:
    """The page count pdfinfo reads, which fails on a PDF cut off before its trailer."""
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in done.stdout.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def db(db_path: Path) -> Path:
    fill_print_db(db_path)
    return db_path


@pytest.fixture
def old_pdf(db: Path, tmp_path: Path) -> Path:
    """A good sheet printed earlier, that a failed print must not destroy."""
    path = tmp_path / "earlier.pdf"
    assert main(["print", "--db", str(db), "--issue", ISSUE, "--pdf", str(path)]) == 0
    return path


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_print_to_dev_full_fails_naming_the_path(db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "desktop", "print", "--db", str(db), "--issue", ISSUE,
                           "--pdf", "/dev/full"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": PROJECT_ROOT_HINT})  # fmt: skip
    assert done.returncode == 1
    assert (
        done.stderr == "positions: error: cannot write /dev/full: No space left on device; "
        "the existing file was left as it was\n"
    )
    assert "page(s)" not in done.stdout


def test_print_on_a_full_tmpfs_keeps_the_earlier_pdf(db: Path, old_pdf: Path, small_tmpfs: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    target = small_tmpfs / "sheet.pdf"
    target.write_bytes(old_pdf.read_bytes())
    fill_disk(small_tmpfs, leave=4 * 1024)
    code = main(["print", "--db", str(db), "--issue", ISSUE, "--pdf", str(target)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"cannot write {target}: No space left on device; the existing file was left as it was" in err
    assert target.read_bytes() == old_pdf.read_bytes()
    assert pdfinfo_pages(target) >= 1
    assert leftovers(small_tmpfs) == []


def test_print_with_a_simulated_full_disk_keeps_the_earlier_pdf(
    db: Path, old_pdf: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = old_pdf.read_bytes()
    monkeypatch.setattr(atomic_output, "_raw_file", lambda fd: FullDiskFile(fd, "w"))
    FullDiskFile.capacity = 2048
    assert main(["print", "--db", str(db), "--issue", ISSUE, "--pdf", str(old_pdf)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert old_pdf.read_bytes() == before
    assert pdfinfo_pages(old_pdf) >= 1
    assert leftovers(old_pdf.parent) == []


def test_print_into_a_missing_folder_names_it_without_qt_noise(db: Path, tmp_path: Path,
                                                               capfd: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    target = tmp_path / "no such folder" / "sheet.pdf"
    assert main(["print", "--db", str(db), "--issue", ISSUE, "--pdf", str(target)]) == 1
    err = capfd.readouterr().err
    assert (
        err == f"positions: error: cannot write {target}: the folder {target.parent} does not exist; "
        "nothing was written\n"
    )


def test_exchange_export_on_a_full_tmpfs_keeps_the_earlier_file(
    db: Path, small_tmpfs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = small_tmpfs / "annotations.json"
    assert main(["annotations", "export", "--db", str(db), str(target)]) == 0
    earlier = target.read_bytes()
    assert main(["annotate", "--db", str(db), _some_uid(db), "Новая заметка " + "長い注釈" * 2000]) == 0
    fill_disk(small_tmpfs, leave=len(earlier) + 4 * 1024)
    capsys.readouterr()
    assert main(["annotations", "export", "--db", str(db), str(target)]) == 1
    assert "No space left on device; the existing file was left as it was" in capsys.readouterr().err
    assert target.read_bytes() == earlier
    assert json.loads(earlier)["format"] == "positions-annotations"
    assert leftovers(small_tmpfs) == []


def test_exchange_export_with_a_simulated_full_disk_writes_nothing(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(atomic_output, "_raw_file", lambda fd: FullDiskFile(fd, "w"))
    FullDiskFile.capacity = 100
    target = tmp_path / "annotations.json"
    assert main(["annotations", "export", "--db", str(db), str(target)]) == 1
    assert f"cannot write {target}: No space left on device; nothing was written" in capsys.readouterr().err
    assert not target.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_statements_export_with_a_simulated_full_disk_keeps_the_earlier_file(
    db: Path, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"statements.{fmt}"
    assert main(["statements", "--db", str(db), "--format", fmt, "--output", str(target)]) == 0
    assert "statement(s) written" in capsys.readouterr().out
    earlier = target.read_bytes()
    rows = list(csv.DictReader(earlier.decode().splitlines())) if fmt == "csv" else \
        [json.loads(line) for line in earlier.decode().splitlines()]  # fmt: skip
    assert len(rows) > 5
    monkeypatch.setattr(atomic_output, "_raw_file", lambda fd: FullDiskFile(fd, "w"))
    FullDiskFile.capacity = 1000
    assert main(["statements", "--db", str(db), "--format", fmt, "--output", str(target)]) == 1
    assert "No space left on device; the existing file was left as it was" in capsys.readouterr().err
    assert target.read_bytes() == earlier
    assert leftovers(tmp_path) == []


def test_exports_are_readable_by_colleagues_umask_not_0600(db: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert main(["annotations", "export", "--db", str(db), str(tmp_path / "a.json")]) == 0
        assert main(["statements", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "s.csv")]) == 0
        assert main(["print", "--db", str(db), "--issue", ISSUE, "--pdf", str(tmp_path / "s.pdf")]) == 0
    finally:
        os.umask(old)
    for name in ("a.json", "s.csv", "s.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


def test_standard_output_on_a_full_disk_is_an_error_not_a_traceback(db: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "desktop", "statements", "--db", str(db), "--format", "csv"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
                              env={**os.environ, "PYTHONPATH": PROJECT_ROOT_HINT})  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == "positions: error: cannot write the output: No space left on device; it is incomplete\n"


def _some_uid(db: Path) -> str:
    from db.store import Store

    with Store.open(db) as store:
        return str(store.conn.execute("SELECT uid FROM statements ORDER BY id LIMIT 1").fetchone()[0])


def test_a_reader_that_stops_early_is_not_an_error_message(db: Path) -> None:
    """`positions statements | head -1`: the pipe closes early; no traceback and no alarm on the screen."""
    env = {**os.environ, "PYTHONPATH": PROJECT_ROOT_HINT}
    command = f"{sys.executable} -m desktop statements --db '{db}' --format jsonl | head -c 10"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=60, env=env)
    assert len(done.stdout) == 10 and done.stderr == ""


def test_word_export_with_a_simulated_full_disk_keeps_the_earlier_document(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    target = tmp_path / "sheet.docx"
    old = os.umask(0o022)
    try:
        assert main(["print", "--db", str(db), "--issue", ISSUE, "--docx", str(target)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    earlier = target.read_bytes()
    paragraphs = len(docx.Document(str(target)).paragraphs)
    monkeypatch.setattr(atomic_output, "_raw_file", lambda fd: FullDiskFile(fd, "w"))
    FullDiskFile.capacity = 4096
    capsys.readouterr()
    assert main(["print", "--db", str(db), "--issue", ISSUE, "--docx", str(target)]) == 1
    assert f"cannot write {target}: No space left on device; the existing file was left as it was" in \
        capsys.readouterr().err  # fmt: skip
    assert target.read_bytes() == earlier
    assert len(docx.Document(str(target)).paragraphs) == paragraphs
    assert leftovers(tmp_path) == []
