"""Every output is written whole or not at all, and a failure is reported with the file's name."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
from pathlib import Path

import pytest

from db import atomic_output
from db.atomic_output import OutputError, write_atomically
from db.atomic_output import atomic_output as open_output
from tests.conftest import fill_disk


class FullDiskFile(io.FileIO):
    """A file on a disk with room for `capacity` more bytes: the next write past that fails with ENOSPC."""

    capacity = 10

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if len(data) > self.capacity:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        type(self).capacity -= len(data)
        return super().write(data)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with open_output(target, text=True) as f:
        json.dump({"quote": "Курилы 北方領土"}, f, ensure_ascii=False)
    assert json.loads(target.read_text(encoding="utf-8")) == {"quote": "Курилы 北方領土"}
    assert leftovers(tmp_path) == []


def test_new_file_gets_the_users_umask_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "shared.csv", "a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "shared.csv").stat().st_mode) == 0o644


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_an_error_inside_the_block_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"the sheet printed yesterday")
    with pytest.raises(RuntimeError), open_output(target) as f:
        f.write(b"half a sheet")
        raise RuntimeError("font missing")
    assert target.read_bytes() == b"the sheet printed yesterday"
    assert leftovers(tmp_path) == []


def test_a_full_disk_simulated_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "annotations.json"
    target.write_text('{"old": true}\n')
    monkeypatch.setattr(atomic_output, "_raw_file", lambda fd: FullDiskFile(fd, "w"))
    FullDiskFile.capacity = 10
    with pytest.raises(OutputError) as caught:
        write_atomically(target, '{"new": "' + "x" * 100_000 + '"}')
    assert caught.value.errno == errno.ENOSPC
    assert str(caught.value) == (
        f"cannot write {target}: No space left on device; the existing file was left as it was"
    )
    assert json.loads(target.read_text()) == {"old": True}
    assert leftovers(tmp_path) == []


def test_a_full_tmpfs_keeps_the_old_file(small_tmpfs: Path) -> None:
    target = small_tmpfs / "export.csv"
    target.write_text("uid,quote\n1,kept\n")
    fill_disk(small_tmpfs, leave=8 * 1024)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomically(target, "uid,quote\n" + "2,новое 新しい\n" * 20_000)
    assert target.read_text() == "uid,quote\n1,kept\n"
    assert leftovers(small_tmpfs) == []


def test_a_full_tmpfs_with_no_old_file_leaves_nothing(small_tmpfs: Path) -> None:
    fill_disk(small_tmpfs, leave=8 * 1024)
    with pytest.raises(OutputError, match="nothing was written"):
        write_atomically(small_tmpfs / "new.json", "[" + "1," * 50_000 + "1]")
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["filler"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_dev_full_is_a_device_written_directly_and_its_failure_reported() -> None:
    with pytest.raises(OutputError) as caught:
        write_atomically("/dev/full", b"%PDF-1.4 ..." * 10_000)
    assert caught.value.errno == errno.ENOSPC
    assert "/dev/full" in str(caught.value)
    assert Path("/dev/full").is_char_device()


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist; nothing was written"):
        write_atomically(tmp_path / "no such folder" / "x.pdf", b"x")


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder"):
        write_atomically(tmp_path, b"x")


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
