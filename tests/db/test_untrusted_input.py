"""Bounds on input files: regular files only, a size limit, bounded reads, bounded JSON nesting (issue 12)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from db.untrusted_input import InputFileError, TooLargeError, check_json_nesting, read_regular_file


def read_within(seconds: float, path: Path | str, limit: int = 1024) -> BaseException | bytes:
    """read_regular_file in a thread; fails the test if it has not returned (or raised) in time."""
    result: list[BaseException | bytes] = []

    def work() -> None:
        try:
            result.append(read_regular_file(path, limit))
        except BaseException as exc:  # noqa: BLE001 -- handed to the test
            result.append(exc)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    assert result, f"reading {path} did not return within {seconds} s"
    return result[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_at_once() -> None:
    started = time.monotonic()
    outcome = read_within(5, "/dev/zero")
    assert isinstance(outcome, InputFileError) and "is a device, not a file" in str(outcome)
    assert time.monotonic() - started < 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_fifo_with_no_writer_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = read_within(5, fifo)
    assert isinstance(outcome, InputFileError) and "is a pipe (FIFO)" in str(outcome)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    outcome = read_within(5, tmp_path)
    assert isinstance(outcome, InputFileError | IsADirectoryError)


def test_a_file_above_the_limit_is_refused_with_its_size_and_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (3 * 1024 * 1024 + 1))
    with pytest.raises(TooLargeError) as caught:
        read_regular_file(big, 2 * 1024 * 1024)
    assert str(caught.value) == "the file is 3.0 MB, larger than the limit of 2 MB"
    assert read_regular_file(big, 4 * 1024 * 1024) == b"x" * (3 * 1024 * 1024 + 1)


def test_a_missing_file_raises_the_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "none.txt")


def test_deep_json_is_refused_before_parsing() -> None:
    with pytest.raises(InputFileError, match="nested more than 100 levels deep"):
        check_json_nesting("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputFileError):
        check_json_nesting('{"a":' * 101 + "1" + "}" * 101)
    check_json_nesting("[" * 100 + "]" * 100)


def test_brackets_inside_strings_do_not_count() -> None:
    check_json_nesting('[{"quote": "' + "[[[{{{" * 1000 + '\\"[[["}]')
