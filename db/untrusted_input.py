"""Bounds on what a file from elsewhere can make Positions do before anything is parsed.

A document, a statement table or a colleague's exchange file may be anything: a device that never ends
(`/dev/zero`), a pipe that blocks forever, a gigabyte log, JSON nested a hundred thousand levels deep (Python's
parser then dies with RecursionError). So every input file is read through `read_regular_file` and every
JSON text is measured by `check_json_nesting` first:

- only regular files are read: a device, pipe, socket or folder is refused at once (the file is opened without
  blocking and checked with fstat on the same descriptor, so a FIFO cannot stall the check);
- a file larger than the limit (a setting: `import/max_file_mb` in the window's settings, `--max-size` on the
  command line; DEFAULT_MAX_BYTES otherwise) is refused before it is read, with its size and the limit;
- reading is bounded by the limit (the buffered reader works in 1 MB pieces) and stops past it, so a file that
  grows while it is read cannot take the memory either;
- JSON deeper than MAX_JSON_DEPTH levels is refused before `json.loads` sees it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 100
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)


class InputFileError(Exception):
    """A file that is not read, with the reason for the user (the caller adds the file's name)."""


class TooLargeError(InputFileError):
    """A file above the size limit; `size` and `limit` in bytes, for a message that says how to raise it."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"the file is {megabytes(size)}, larger than the limit of {megabytes(limit)}")


def megabytes(count: int) -> str:
    value = count / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a file: save the content to a file and import that"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file: save the content to a file and import that"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def read_regular_file(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; InputFileError otherwise.

    OSError (missing file, permission denied) passes through for the caller to word.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with open(fd, "rb", buffering=CHUNK_BYTES) as file:  # closes fd
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(_kind(info.st_mode))
        if info.st_size > max_bytes:
            raise TooLargeError(info.st_size, max_bytes)
        # One read of at most the size fstat gave (never more than the limit), straight into the result: the
        # file is held once in memory, not as chunks and then their join. A file that grows while it is read is
        # read on only up to the limit.
        data = file.read(info.st_size + 1)
        if len(data) > info.st_size:
            data += file.read(max_bytes + 1 - len(data))
            if len(data) > max_bytes:
                raise TooLargeError(len(data), max_bytes)
        return data


def check_json_nesting(text: str, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than `max_depth` (arrays and objects) before a recursive parser sees it.

    Brackets inside strings do not count. Cheap: strings are skipped by one regular expression.
    """
    if text.count("[") + text.count("{") <= max_depth:
        return
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise InputFileError(f"the JSON is nested more than {max_depth} levels deep")
        elif token in "]}":
            depth = max(0, depth - 1)
