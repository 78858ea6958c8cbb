"""Every file Positions writes for the user is written whole or not at all.

A PDF cut off by a full disk, an exchange file half-written when the laptop died, a CSV export that silently
lost its last rows: each of these looks like a success and is not. So every output goes through this module:

1. write into a temporary file in the target's own folder (so that the final rename stays on one file system);
2. flush, check that the size on disk is the number of bytes written, fsync;
3. rename the temporary file over the target (atomic on POSIX and Windows) and fsync the folder.

On any failure the temporary file is removed, the target is left exactly as it was (an earlier version of the
file survives), and an `OutputError` says which file and why ("cannot write /media/usb/sheet.pdf: No space left
on device; the existing file was left as it was"). It is an `OSError`, so code that already catches `OSError`
keeps working.

The final file gets the permissions a file created by any other program would get: those of the file it
replaces, or else 0666 minus the user's umask (not the 0600 of a temporary file, which a colleague on a shared
folder could not read).

A target that is not a regular file (a device such as /dev/stdout or /dev/full, a pipe) cannot be replaced by
renaming: it is written directly, and every write and the final flush are still checked.

Use it like `open()`::

    from db.atomic_output import atomic_output, write_atomically

    with atomic_output(path) as f:          # binary by default: f.write(bytes)
        document.save(f)                    # python-docx, or anything that writes to a file object
    with atomic_output(path, text=True) as f:
        json.dump(data, f)
    write_atomically(path, pdf_bytes)       # when the whole content is already in memory

Only the `with` block's normal end publishes the file: an exception inside it (a font missing, the user
cancelling) leaves the target untouched, and that exception propagates as it was raised.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from db.connection import is_open_database_file


class OutputError(OSError):
    """A file could not be written; the target was left as it was and no temporary file remains."""

    def __init__(self, path: Path, reason: str, *, existed: bool, code: int | None = None) -> None:
        super().__init__(code or errno.EIO, reason, str(path))
        self.path = path
        self.reason = reason
        self.existed = existed

    def __str__(self) -> str:
        after = "the existing file was left as it was" if self.existed else "nothing was written"
        return f"cannot write {self.path}: {self.reason}; {after}"


def _raw_file(fd: int) -> io.RawIOBase:
    """The unbuffered file over the temporary file's descriptor (tests substitute one that fills up)."""
    return io.FileIO(fd, "w", closefd=True)


def _umask() -> int:
    """The process's umask without changing it where the system can tell (Linux); else set-and-restore."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def final_mode(target: Path) -> int:
    """The permission bits the written file gets: those of the file it replaces, else 0666 minus the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _reason(exc: BaseException) -> tuple[str, int | None]:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc), exc.errno
    return str(exc), None


@contextmanager
def atomic_output(
    path: Path | str, *, text: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """A file object for `path` whose content replaces the target only when the block ends without error."""
    target = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    shown = Path(path)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(shown, _reason(exc)[0], existed=False, code=exc.errno) from exc
    existed = info is not None
    if existed and is_open_database_file(target):  # renaming over it would replace the user's open database
        raise OutputError(shown, "it is the database Positions has open (or one of SQLite's files beside it); "
                          "choose another file name", existed=True, code=errno.EEXIST)  # fmt: skip
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(shown, "it is a folder; choose a file name", existed=True, code=errno.EISDIR)
    if info is not None and not stat.S_ISREG(info.st_mode):
        with _direct_output(target, shown, text, encoding, newline) as device:
            yield device
        return

    folder = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        reason, code = _reason(exc)
        if isinstance(exc, FileNotFoundError):
            reason = f"the folder {folder} does not exist"
        raise OutputError(shown, reason, existed=existed, code=code) from exc
    temp = Path(temp_name)
    binary: io.BufferedWriter | None = None
    try:
        try:
            binary = io.BufferedWriter(_raw_file(fd))
        except BaseException:
            os.close(fd)
            raise
        handle: IO[Any] = binary
        if text:
            handle = io.TextIOWrapper(binary, encoding=encoding, newline=newline, write_through=True)
        yield handle
        handle.flush()
        written = binary.tell()
        os.fsync(binary.fileno())
        on_disk = os.fstat(binary.fileno()).st_size
        if on_disk != written:
            raise OSError(errno.EIO, f"only {on_disk} of {written} bytes reached the disk")
        if hasattr(os, "fchmod"):
            os.fchmod(binary.fileno(), final_mode(target))
        handle.close()
        binary = None
        os.replace(temp, target)
        _sync_folder(folder)
    except BaseException as exc:
        if binary is not None:
            with suppress(OSError):  # the close repeats the failed flush; the first error is the one to report
                binary.close()
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            reason, code = _reason(exc)
            raise OutputError(shown, reason, existed=existed, code=code) from exc
        raise


@contextmanager
def _direct_output(target: Path, shown: Path, text: bool, encoding: str, newline: str | None) -> Iterator[IO[Any]]:
    """A device or pipe: no rename possible, so write straight to it and check every write and the flush."""
    try:
        handle: IO[Any] = open(target, "w" if text else "wb", encoding=encoding if text else None,  # noqa: SIM115
                               newline=newline if text else None)  # fmt: skip
    except OSError as exc:
        raise OutputError(shown, _reason(exc)[0], existed=True, code=exc.errno) from exc
    try:
        yield handle
        handle.flush()
    except OSError as exc:
        reason, code = _reason(exc)
        raise OutputError(shown, reason, existed=True, code=code) from exc
    finally:
        with suppress(OSError):  # the close repeats a failed flush, already reported
            handle.close()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for fsync and needs no such step."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network, FUSE) refuse fsync on a folder; the rename has still happened
    finally:
        os.close(fd)


def write_atomically(path: Path | str, data: bytes | str, *, encoding: str = "utf-8") -> int:
    """Write `data` (bytes, or text encoded with `encoding`) to `path` whole or not at all; returns the bytes."""
    raw = data.encode(encoding) if isinstance(data, str) else data
    with atomic_output(path) as f:
        f.write(raw)
    return len(raw)
