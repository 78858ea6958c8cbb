"""The reading half of the import pipeline: a file on disk -> a normalised Document with its metadata.

read bytes (once) -> sha256 -> decode -> detect format -> HTML/Markdown to text -> normalise -> strip boilerplate
-> language by script -> metadata. User overrides (encoding, language, published, outlet) win over detection.
Hard problems raise IngestError with the file name; soft ones ("no publication date found") go to
`Document.problems` for the wizard and the command line to show. Statement tables (CSV/JSON) have their own entry
point, `read_table`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from db.ingest.dates import parse_date
from db.ingest.decode import canonical_encoding, decode_bytes
from db.ingest.document import Document
from db.ingest.errors import IngestError
from db.ingest.formats import TABLE_FORMATS, detect_format, markdown_to_text
from db.ingest.html_text import HtmlText, html_to_text
from db.ingest.languages import LANGUAGES
from db.ingest.metadata import detect_metadata
from db.ingest.normalise import language_by_script, normalise_text, strip_boilerplate
from db.ingest.tables import parse_table
from db.partial_date import PartialDate
from db.untrusted_input import DEFAULT_MAX_BYTES, InputFileError, TooLargeError, read_regular_file

LIMIT_HINT = "raise the limit to import it"  # callers recognise it and say where the limit is set
_SHORT_FOR_GUESSING = 100  # bytes: below this a legacy-encoding guess is worth a warning
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_bytes(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or IngestError with the reason: only a regular file of at most `max_bytes` is read
    (db.untrusted_input), so a device, a pipe or a huge file fails at once instead of filling the memory."""
    path = Path(path)
    try:
        return read_regular_file(path, max_bytes)
    except TooLargeError as exc:
        raise IngestError(f"{exc} for one import; {LIMIT_HINT}", path) from None
    except InputFileError as exc:
        raise IngestError(str(exc), path) from None
    except FileNotFoundError:
        raise IngestError("the file does not exist (was it moved or deleted?)", path) from None
    except IsADirectoryError:
        raise IngestError("is a folder, not a file", path) from None
    except PermissionError:
        raise IngestError("permission denied: cannot read the file", path) from None
    except OSError as exc:
        raise IngestError(f"cannot read the file: {exc.strerror or exc}", path) from None


def read_document(
    path: str | Path,
    *,
    encoding: str | None = None,
    language: str | None = None,
    published: PartialDate | str | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one article file into a Document (see the module docstring). Tables are refused: use read_table."""
    path = Path(path)
    if language is not None and language not in LANGUAGES:
        raise IngestError(f"unknown language '{language}' (en, ru or ja)", path)
    given_date = _given_published(published, language or "en", path)
    data = read_bytes(path, max_bytes)
    sha256 = hashlib.sha256(data).hexdigest()
    text, found_encoding = _decode(data, encoding, path)
    fmt = detect_format(path.name, text)
    if fmt in TABLE_FORMATS:
        raise IngestError(f"is a statement table ({fmt}), not an article: import it as a table", path)
    if fmt == "html" and encoding is None and found_encoding != "utf-8":
        text, found_encoding = _html_declared_charset(data, text, found_encoding)
    raw_size = len(data)
    del data  # the text is all we keep of a large file

    page: HtmlText | None = None
    if fmt == "html":
        page = html_to_text(text)
        text = page.text
    elif fmt == "markdown":
        text = markdown_to_text(text)
    text, removed = strip_boilerplate(normalise_text(text))
    if not text:
        raise IngestError("no text left after removing markup and site boilerplate", path)

    problems: list[str] = []
    if language is None:
        language = _page_language(page) or language_by_script(text)
    meta = detect_metadata(text, language, removed, page, path.name)
    document = Document(
        file_name=path.name,
        sha256=sha256,
        format=fmt,
        encoding=found_encoding,
        language=language,
        text=text,
        title=meta.title,
        subtitle=meta.subtitle,
        outlet=outlet or meta.outlet,
        author=meta.author,
        url=meta.url,
        published=meta.published,
        published_basis=meta.published_basis,
        problems=problems,
    )
    if given_date is not None:
        document.published, document.published_basis = given_date, "given by the user"
    if document.published is None:
        problems.append("no publication date found: give the publication date")
    if not document.title:
        problems.append("no title found")
    guessed = found_encoding not in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "iso2022_jp")
    if encoding is None and guessed and raw_size < _SHORT_FOR_GUESSING:
        problems.append(f"the encoding {found_encoding} was guessed from a short text: check the characters")
    return document


def read_table(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[dict[str, Any]]:
    """Validated statement rows of a CSV or JSON(L) table (columns: see db.ingest.tables)."""
    path = Path(path)
    text, _ = _decode(read_bytes(path, max_bytes), encoding, path)
    fmt = detect_format(path.name, text)
    if fmt not in TABLE_FORMATS:
        raise IngestError(f"not a statement table (looks like {fmt}); tables are CSV or JSON", path)
    return parse_table(text, fmt, path)


def _decode(data: bytes, encoding: str | None, path: Path) -> tuple[str, str]:
    try:
        return decode_bytes(data, encoding)
    except IngestError as error:
        raise error.with_path(path) from None


def _given_published(value: PartialDate | str | None, language: str, path: Path) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    try:
        return parse_date(value, language)
    except ValueError as exc:
        raise IngestError(f"bad publication date given: {exc}", path) from None


def _html_declared_charset(data: bytes, text: str, found: str) -> tuple[str, str]:
    """A legacy-encoded page that declares its charset: the declaration beats our guess when it decodes cleanly."""
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return text, found
    try:
        declared = canonical_encoding(match[1].decode("ascii"))
        return data.decode(declared), declared
    except (IngestError, UnicodeDecodeError, LookupError):
        return text, found


def _page_language(page: HtmlText | None) -> str | None:
    if page is None:
        return None
    code = page.lang.split("-")[0].lower()
    return code if code in LANGUAGES else None
