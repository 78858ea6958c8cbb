"""Encoding detection round-trips short Russian and Japanese texts written for these tests."""

from __future__ import annotations

import codecs

import pytest

from db.ingest.decode import canonical_encoding, decode_bytes, plausibility
from db.ingest.errors import IngestError

RUSSIAN = "Министр иностранных дел России заявил, что переговоры о мирном договоре продолжатся.\n"
RUSSIAN_SHORT = "Привет, мир"
JAPANESE = "河野外務大臣は、北方領土問題について「粘り強く交渉する」と述べた。\n"
JAPANESE_SHORT = "これはテストです"
JAPANESE_CP932_ONLY = "①髙橋氏は～と話した。"


@pytest.mark.parametrize("text", [RUSSIAN, RUSSIAN_SHORT, "Ёжик в тумане", "ЁЖИК в тумане"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r"])
def test_russian_round_trips(text: str, codec: str) -> None:
    decoded, found = decode_bytes(text.encode(codec))
    assert decoded == text
    if codec in ("cp1251", "koi8-r"):
        assert found == codec


@pytest.mark.parametrize("text", [JAPANESE, JAPANESE_SHORT, "2019年1月22日、東京\n", "平成29年8月7日"])
@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp932", "euc_jp", "iso2022_jp"]
)
def test_japanese_round_trips(text: str, codec: str) -> None:
    decoded, found = decode_bytes(text.encode(codec))
    assert decoded == text
    if codec in ("cp932", "euc_jp", "iso2022_jp"):
        assert found == codec


def test_shift_jis_is_decoded_as_cp932() -> None:
    data = JAPANESE_CP932_ONLY.encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        data.decode("shift_jis")  # the reason for the rule
    assert decode_bytes(data) == (JAPANESE_CP932_ONLY, "cp932")
    assert decode_bytes(data, encoding="Shift_JIS") == (JAPANESE_CP932_ONLY, "cp932")
    assert canonical_encoding("SJIS") == "cp932"


def test_explicit_encoding_wins_over_detection() -> None:
    data = RUSSIAN.encode("cp1251")
    text, codec = decode_bytes(data, encoding="koi8-r")
    assert codec == "koi8-r"
    assert text != RUSSIAN  # the user asked for it
    with pytest.raises(IngestError, match="cannot be read as utf-8"):
        decode_bytes(data, encoding="utf-8")
    with pytest.raises(IngestError, match="unknown encoding"):
        decode_bytes(data, encoding="no-such-codec")


def test_utf8_bom_is_removed() -> None:
    text, codec = decode_bytes(codecs.BOM_UTF8 + b"Hello")
    assert (text, codec) == ("Hello", "utf-8")


def test_bomless_utf16_by_nul_pattern() -> None:
    text = "The minister said so.\nAnd again.\n"
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff  \n".encode(), "  \n".encode("utf-16")])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(IngestError, match="the file is empty"):
        decode_bytes(data)


def test_png_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    with pytest.raises(IngestError, match=r"not a text document \(looks like PNG image\)"):
        decode_bytes(png)


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"%PDF-1.7\n%\xe2\xe3", "PDF"), (b"PK\x03\x04\x14\x00", "ZIP"), (bytes(range(256)) * 8, "binary data")],
)
def test_other_binaries_are_refused(data: bytes, what: str) -> None:
    with pytest.raises(IngestError, match=what):
        decode_bytes(data)


def test_control_characters_are_refused() -> None:
    with pytest.raises(IngestError, match="control characters"):
        decode_bytes(b"abc\x01\x02\x03\x05\x06\x07def\x08\x0e\x0f" * 20)


def test_western_legacy_text_is_not_read_as_cyrillic() -> None:
    text = "Ça va, café crème"
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_plausibility_prefers_the_right_code_page() -> None:
    data = RUSSIAN.encode("koi8-r")
    assert plausibility(data.decode("koi8-r")) > plausibility(data.decode("cp1251"))
    data = JAPANESE.encode("euc_jp")
    assert plausibility(data.decode("euc_jp")) > plausibility(data.decode("cp932", errors="replace"))
