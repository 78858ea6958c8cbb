"""Bytes -> text: find the encoding of an imported document, or refuse it with a clear reason.

Why not just charset-normalizer: on the short texts diplomats paste (a few lines of a statement) it often guesses
wrong, and it cannot tell cp1251 from KOI8-R or Shift_JIS from EUC-JP reliably on a sentence. So the order is:
an explicit user override wins; byte-order marks; BOM-less UTF-16 by its NUL (or 0x04 for Cyrillic) byte pattern;
refusal of binary files; ISO-2022-JP by its escape sequences; strict UTF-8; and only then the legacy Cyrillic and
Japanese code pages, each decoded strictly and scored by how plausible the resulting text is (lowercase Cyrillic,
hiragana, no letters of two scripts glued together), with charset-normalizer's guess as one more candidate.
Shift_JIS is always decoded as cp932: Python's `shift_jis` rejects ①, 髙 and other common characters.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from db.ingest.errors import IngestError

SAMPLE_SIZE = 64 * 1024  # bytes looked at for sniffing and scoring; decoding always covers the whole file

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word/Excel document"),
    (b"{\\rtf", "RTF document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# Legacy code pages we try when the bytes are not UTF-8, in the order that wins a tie.
_LEGACY = ["cp1251", "koi8-r", "cp932", "euc_jp", "cp1252"]

# Chinese and Korean code pages decode Cyrillic and Japanese bytes into valid hanzi; our languages are en/ru/ja.
_OTHER_CJK = {"big5", "big5hkscs", "cp950", "gb2312", "gbk", "gb18030", "hz", "euc_kr", "cp949", "johab", "iso2022_kr"}

_ALIASES = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "s_jis": "cp932", "ms_kanji": "cp932"}

_ALLOWED_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def canonical_encoding(name: str) -> str:
    """Python's codec name for a user-given encoding name; Shift_JIS always becomes cp932."""
    key = name.strip().lower()
    if key in _ALIASES:
        return "cp932"
    try:
        codec = codecs.lookup(key).name
    except LookupError as exc:
        raise IngestError(f"unknown encoding '{name}'") from exc
    return "cp932" if codec in ("shift_jis", "shift-jis") else codec


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding) with Python's codec name ("utf-8", "koi8-r", "cp932", "euc_jp", "iso2022_jp").

    Raises IngestError for empty, binary or undecodable input.
    """
    text, codec = _decode(data, encoding)
    name = codecs.lookup(codec).name
    return text, "utf-8" if name == "utf-8-sig" else name


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding:
        codec = canonical_encoding(encoding)
        if codec in ("utf-8", "utf_8") and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise IngestError(f"cannot be read as {encoding}: byte {exc.start} is not valid in it") from exc
        return _check_not_empty(_strip_bom(text)), codec

    if not data.strip(b" \t\r\n\f\v\x00"):
        raise IngestError("the file is empty")

    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_not_empty(data[len(bom) :].decode(codec)), codec.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise IngestError(f"starts like {codec} but is not valid {codec}") from exc

    sample = data[:SAMPLE_SIZE]
    _refuse_known_binary(sample)
    utf16 = _utf16_by_pattern(sample)
    if utf16:
        try:
            return _check_not_empty(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass  # not UTF-16 after all; the binary check below decides

    utf16_candidates = _utf16_by_high_bytes(data, sample)
    if not utf16_candidates:
        _refuse_binary(sample)

    if b"\x1b$" in sample or b"\x1b(" in sample:
        for codec in ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_3", "iso2022_jp_2004"):
            try:
                return _check_not_empty(data.decode(codec)), "iso2022_jp"
            except UnicodeDecodeError:
                continue

    try:
        return _check_not_empty(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass

    return _decode_legacy(data, sample, utf16_candidates)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _check_not_empty(text: str) -> str:
    if not text.strip():
        raise IngestError("the file is empty")
    return text


def _utf16_by_pattern(sample: bytes) -> str | None:
    """UTF-16 without a BOM: one byte of each pair is mostly NUL (Latin) or 0x04 (Cyrillic)."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : pairs * 2 : 2], sample[1 : pairs * 2 : 2]
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        zero_high = high.count(0) + high.count(4)
        if zero_high >= 0.6 * pairs and low.count(0) <= 0.1 * pairs and high.count(0) > 0:
            return codec
        if high.count(4) >= 0.6 * pairs and low.count(0) == 0 and len(sample) % 2 == 0:
            return codec
    return None


def _utf16_by_high_bytes(data: bytes, sample: bytes) -> list[str]:
    """UTF-16 without a BOM and with little ASCII (Japanese): the high bytes are kana (0x30) or kanji (0x4E-0x9F).

    Only candidates: the plausibility scorer decides between them and the legacy code pages.
    """
    if len(data) % 2 or len(sample) < 4:
        return []
    pairs = len(sample) // 2
    found = []
    for codec, high in (("utf-16-le", sample[1 : pairs * 2 : 2]), ("utf-16-be", sample[0 : pairs * 2 : 2])):
        if sum(1 for b in high if b in (0x00, 0x30, 0xFF) or 0x4E <= b <= 0x9F) >= 0.9 * pairs:
            found.append(codec)
    return found


def _refuse_known_binary(sample: bytes) -> None:
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            raise IngestError(f"not a text document (looks like {what})")


def _refuse_binary(sample: bytes) -> None:
    if b"\x00" in sample:
        raise IngestError("not a text document (contains binary data)")
    controls = sum(1 for b in sample if b < 0x20 and b not in _ALLOWED_CONTROLS)
    if controls > max(2, len(sample) // 50):
        raise IngestError("not a text document (too many control characters)")


def _decode_legacy(data: bytes, sample: bytes, extra: list[str]) -> tuple[str, str]:
    candidates = list(_LEGACY)
    guess = from_bytes(sample).best()
    if guess is not None:
        codec = canonical_encoding(guess.encoding)
        if codec not in candidates and codec not in _OTHER_CJK:
            candidates.append(codec)
    candidates += extra
    best: tuple[float, int, str] | None = None
    for rank, codec in enumerate(candidates):
        try:
            decoded = sample.decode(codec)
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the sample is fine; anything earlier is not this codec.
            if len(sample) == len(data) or exc.start < len(sample) - 4:
                continue
            decoded = sample[: exc.start].decode(codec)
        score = plausibility(decoded)
        if best is None or score > best[0] + 1e-9:
            best = (score, rank, codec)
    if best is None:
        raise IngestError("cannot tell the text encoding; choose one explicitly")
    codec = best[2]
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestError(f"cannot tell the text encoding (looks like {codec}, but byte {exc.start} is not)") from exc
    return _check_not_empty(text), codec


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x80:
        return "latin" if ch.isalpha() else "other"
    if 0x0400 <= code <= 0x04FF:
        return "cyrillic"
    if 0x3040 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "cjk"
    if ch.isalpha():
        return "latin_ext"
    return "other"


def plausibility(text: str) -> float:
    """How much `text` looks like real writing, in roughly [-2, 1]: the scorer that picks a legacy code page.

    Rewards lowercase Cyrillic, hiragana/katakana/common kanji and ASCII; penalises control characters, symbols and
    private-use characters that legacy decodings of the wrong code page produce, half-width katakana (EUC-JP read as
    cp932), capitals inside a Cyrillic word (KOI8-R read as cp1251 and back), and words that mix scripts.
    """
    if not text:
        return 0.0
    score = 0.0
    previous = ""
    # Kanji without any kana is what Cyrillic bytes read as EUC-JP look like; real Japanese has kana.
    has_kana = any(0x3040 <= ord(ch) <= 0x30FF for ch in text)
    kanji_weight = 1.0 if has_kana else 0.6
    for ch in text:
        code = ord(ch)
        script = _script(ch)
        if code < 0x80:
            score += 1.0 if (ch.isprintable() or ch in "\t\n\r") else -2.0
        elif script == "cyrillic":
            if not (0x0410 <= code <= 0x044F or code in (0x0401, 0x0451)):
                score -= 0.5  # Serbian/Macedonian letters: what cp932 bytes read as cp1251 look like
            elif ch.islower():
                score += 1.0
            elif previous.isalpha() and previous.islower():
                score -= 1.0  # a capital after a lowercase letter inside a word
            elif previous.isalpha():
                score += 0.3  # all capitals: real, but less likely than a wrong code page's capitals
            else:
                score += 0.5
        elif script == "cjk":
            score += 1.2 if 0x3040 <= code <= 0x30FF else kanji_weight
        elif 0xFF61 <= code <= 0xFF9F:
            score -= 1.0  # half-width katakana: rare in real text, common in mis-decoded EUC-JP
        elif 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E:
            score += 0.8
        elif script == "latin_ext":
            score += 0.3
        else:
            category = unicodedata.category(ch)
            if category in ("Co", "Cn", "Cc", "Cs"):
                score -= 2.0
            elif category.startswith("S") or code in (0xA0,):
                score -= 0.7
            else:
                score -= 0.1
        if previous and ch.isalpha() and previous.isalpha():
            a, b = _script(previous).removesuffix("_ext"), script.removesuffix("_ext")
            if a != b and "cjk" not in (a, b):
                score -= 1.5  # "cafй", "Ïðèâåò" glued to Cyrillic
        previous = ch
    return score / len(text)
