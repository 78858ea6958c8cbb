"""The one error type the reading half of the import pipeline raises for a bad input file.

The command line prints it and exits non-zero; the wizard shows it in a message box. So the text must make sense to a
user who has never seen a traceback: which file, where in it (line or row), and what is wrong.
"""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A document that cannot be imported: `str()` reads like "article.txt: row 3: bad date '31.02.2017'"."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        *,
        line: int | None = None,
        row: int | None = None,
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.row = row
        super().__init__(str(self))

    def with_path(self, path: str | Path) -> IngestError:
        """The same error naming `path`, for stages that work on bytes or text and do not know the file."""
        return IngestError(self.message, path, line=self.line, row=self.row)

    def __str__(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(self.path.name or str(self.path))
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        parts.append(self.message)
        return ": ".join(parts)
